"""The two notebooks marked up as slides: their slide marks, and app mode without tagged cells.

- every cell carries a slide type that RISE and Voila's ``reveal`` template know; the
  notebook opens on a slide; set-up and other code whose output means nothing to a room
  is left out of the slides (``skip``); every widget starts a slide of its own;
- app mode (``voila.json``) removes the cells tagged ``hide-in-app`` before it runs a
  notebook, so the notebook must still run, with no error, when those cells are gone:
  a tagged cell may not define a name that a later cell uses.
"""

from __future__ import annotations

import ast
import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
SLIDE_NOTEBOOKS = ["instructor/scenario-studio.ipynb", "05-call-only-when-warranted.ipynb"]
#: Every notebook app mode serves (the hide-in-app check applies to all of them).
ALL_NOTEBOOKS = sorted(str(p.relative_to(NOTEBOOKS)) for p in NOTEBOOKS.rglob("*.ipynb")
                       if ".ipynb_checkpoints" not in p.parts and "my-work" not in p.parts)
APP_HIDDEN = "hide-in-app"
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}
#: Calls whose result is a widget: each one begins a slide or a subslide.
WIDGETS = ("ScenarioPlayer", "PlannerWidget", "CallDecider", "KnowledgeCheck")


def _cells(name: str) -> list[dict]:
    return json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _slide_type(cell: dict) -> str | None:
    return cell["metadata"].get("slideshow", {}).get("slide_type")


def _tagged(cell: dict) -> bool:
    return APP_HIDDEN in cell["metadata"].get("tags", [])


def _shows_a_widget(cell: dict) -> bool:
    """True for a code cell whose last line is (a name bound to) a widget call."""
    lines = _source(cell).strip().splitlines()
    whole = _source(cell)
    return cell["cell_type"] == "code" and any(
        lines[-1].lstrip().startswith(f"fc.{w}(") or f"= fc.{w}(" in whole for w in WIDGETS)


@pytest.mark.parametrize("name", SLIDE_NOTEBOOKS)
def test_every_cell_has_a_known_slide_type(name):
    cells = _cells(name)
    unknown = {i: _slide_type(c) for i, c in enumerate(cells) if _slide_type(c) not in SLIDE_TYPES}
    assert unknown == {}, f"give each cell metadata.slideshow.slide_type, one of {sorted(SLIDE_TYPES)}"
    assert _slide_type(cells[0]) == "slide"


@pytest.mark.parametrize("name", SLIDE_NOTEBOOKS)
def test_setup_and_tagged_cells_stay_out_of_the_slides(name):
    cells = _cells(name)
    shown = [i for i, c in enumerate(cells)
             if (_tagged(c) or "import followup_lib" in _source(c)) and _slide_type(c) != "skip"]
    assert shown == [], "set-up cells and cells hidden in app mode are 'skip' in the slides"


@pytest.mark.parametrize("name", SLIDE_NOTEBOOKS)
def test_each_widget_has_a_slide_of_its_own(name):
    cells = _cells(name)
    widgets = [i for i, c in enumerate(cells) if _shows_a_widget(c)]
    assert widgets, "the notebook should show widgets"
    inline = {i: _slide_type(cells[i]) for i in widgets if _slide_type(cells[i]) not in ("slide", "subslide")}
    assert inline == {}, "a widget cell begins a slide or a subslide"


def _names(source: str) -> tuple[set[str], set[str]]:
    """(names a cell binds, names it reads) at its top level."""
    tree = ast.parse(source)
    bound, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (bound if isinstance(node.ctx, ast.Store) else read).add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return bound, read


@pytest.mark.parametrize("name", ALL_NOTEBOOKS)
def test_no_tagged_cell_defines_what_a_later_cell_uses(name):
    cells = [c for c in _cells(name) if c["cell_type"] == "code"]
    problems = []
    for i, cell in enumerate(cells):
        if not _tagged(cell):
            continue
        bound, _ = _names(_source(cell))
        for later in cells[i + 1:]:
            if not _tagged(later) and bound & _names(_source(later))[1]:
                problems.append((cell["id"], sorted(bound & _names(_source(later))[1]), later["id"]))
    assert problems == [], "a cell hidden in app mode defines names that a shown cell needs"


@pytest.mark.slow
@pytest.mark.parametrize("name", SLIDE_NOTEBOOKS)
def test_runs_with_the_app_hidden_cells_removed(name, tmp_path, monkeypatch):
    """Execute the notebook as app mode does: tagged cells gone, a fresh kernel, no error."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    notebook.cells = [c for c in notebook.cells if APP_HIDDEN not in c.metadata.get("tags", [])]
    monkeypatch.setenv("FOLLOWUP_WORK_DIR", str(tmp_path / "my-work"))
    client = NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str((NOTEBOOKS / name).parent)}})
    client.execute(env=dict(os.environ))
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error" or o.get("name") == "stderr"]
    assert errors == []
