"""The notebooks are committed clean and keep the project's habits.

- no outputs except in cells whose outputs nbval compares (``# NBVAL_CHECK_OUTPUT``);
- code cells are short (at most 12 lines) and define no function or class: logic
  lives in ``followup_lib``;
- each notebook opens with "What you'll do / learn / need" and runs the ``python3``
  kernel.  ``tools/strip_notebooks.py`` fixes the first point.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import load_tool

REPO = Path(__file__).resolve().parents[1]
#: App mode's start page: links only, written by tools/notebook_nav.py (checked below).
APPS_PAGE = REPO / "notebooks" / "apps.ipynb"
NOTEBOOKS = sorted(p for p in (REPO / "notebooks").rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts and p != APPS_PAGE)
MAX_CODE_LINES = 12
#: The cell tag that app mode (voila.json) removes before running a notebook.
APP_HIDDEN = "hide-in-app"
KNOWN_TAGS = {APP_HIDDEN}
DEFINITION = re.compile(r"^\s*(async\s+def|def|class)\s+\w", re.MULTILINE)




stripper = load_tool("strip_notebooks")


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _code_cells(notebook: dict) -> list[tuple[int, str]]:
    return [(i, "".join(c["source"]) if isinstance(c["source"], list) else c["source"])
            for i, c in enumerate(notebook["cells"]) if c["cell_type"] == "code"]


def test_there_are_notebooks():
    assert any(p.name == "00-start-here.ipynb" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    assert stripper.stray_outputs(_read(path)) == [], "run: python tools/strip_notebooks.py"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_are_short(path):
    long_cells = {i: src.count("\n") + 1 for i, src in _code_cells(_read(path))
                  if src.count("\n") + 1 > MAX_CODE_LINES}
    assert long_cells == {}, f"cells over {MAX_CODE_LINES} lines: move logic to followup_lib"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_definitions_in_cells(path):
    defining = [i for i, src in _code_cells(_read(path)) if DEFINITION.search(src)]
    assert defining == [], "cells define a function or class: move it to followup_lib"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_opens_with_what_you_will_do_learn_need(path):
    """The first cell says what you'll do and learn; "What you'll need" follows it.

    "What you'll need" (the workbook open, Shift+Enter, minutes) may be a cell of its
    own, tagged ``hide-in-app``: app mode, which needs no set-up, leaves it out.
    """
    cells = _read(path)["cells"]
    first = "".join(cells[0]["source"])
    assert cells[0]["cell_type"] == "markdown"
    assert "What you'll do" in first and "What you'll learn" in first
    if "What you'll need" not in first:
        second = cells[1]
        assert second["cell_type"] == "markdown"
        assert "".join(second["source"]).startswith("**What you'll need**")
        assert APP_HIDDEN in second["metadata"].get("tags", [])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_cell_tags_are_known(path):
    """A misspelt tag would silently show a cell in app mode (or hide one from nbval)."""
    tags = {tag for cell in _read(path)["cells"] for tag in cell.get("metadata", {}).get("tags", [])}
    assert tags <= KNOWN_TAGS, f"unknown cell tags {sorted(tags - KNOWN_TAGS)}: use one of {sorted(KNOWN_TAGS)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_the_python3_kernel(path):
    assert _read(path)["metadata"]["kernelspec"]["name"] == "python3"


def test_notebook_names_sort_in_reading_order():
    """Learners' notebooks are numbered in reading order; the instructor's live in instructor/."""
    bad = [p.name for p in NOTEBOOKS if "instructor" not in p.parts
           and not re.match(r"^\d\d-[a-z0-9-]+\.ipynb$", p.name)]
    assert bad == [], "name notebooks NN-words-with-dashes.ipynb"


def test_stripper_keeps_checked_outputs_and_drops_the_rest():
    output = {"output_type": "stream", "name": "stdout", "text": ["4\n"]}
    notebook = {"metadata": {"widgets": {}}, "cells": [
        {"cell_type": "code", "metadata": {}, "execution_count": 1,
         "source": "2 + 2", "outputs": [output]},
        {"cell_type": "code", "metadata": {}, "execution_count": 2,
         "source": "# NBVAL_CHECK_OUTPUT\n2 + 2", "outputs": [output]},
    ]}
    assert stripper.stray_outputs(notebook) == [0]
    clean = stripper.strip(notebook)
    assert clean["cells"][0]["outputs"] == [] and clean["cells"][0]["execution_count"] is None
    assert clean["cells"][1]["outputs"] == [output]
    assert "widgets" not in clean["metadata"] and stripper.stray_outputs(clean) == []


def test_strip_check_mode_reports_and_changes_nothing(tmp_path, capsys):
    dirty = tmp_path / "01-dirty.ipynb"
    cell = {"cell_type": "code", "metadata": {}, "execution_count": 3, "source": "1",
            "outputs": [{"output_type": "execute_result", "data": {"text/plain": "1"},
                         "metadata": {}, "execution_count": 3}]}
    dirty.write_text(json.dumps({"metadata": {}, "nbformat": 4, "nbformat_minor": 5,
                                 "cells": [cell]}), encoding="utf-8")
    before = dirty.read_bytes()
    assert stripper.main(["--check", str(dirty)]) == 1
    assert dirty.read_bytes() == before
    assert stripper.main([str(dirty)]) == 0
    assert stripper.main(["--check", str(dirty)]) == 0
    assert "01-dirty.ipynb" in capsys.readouterr().out


#: Standard-library modules a notebook may import besides followup_lib (dates to type in).
ALLOWED_STDLIB = {"datetime"}


def _imported_modules(source: str) -> list[str]:
    """Top-level module names a cell imports (``import a.b`` and ``from a.b import c`` give ``a.b``)."""
    import ast

    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append("." * node.level + (node.module or ""))
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_import_only_the_public_face(path):
    """A notebook imports ``followup_lib`` itself, never one of its modules, and no other library."""
    wrong = {i: name for i, src in _code_cells(_read(path)) for name in _imported_modules(src)
             if name != "followup_lib" and name not in ALLOWED_STDLIB}
    assert wrong == {}, "import everything from followup_lib (see its __all__)"


def test_the_import_check_catches_a_module_import():
    assert _imported_modules("from followup_lib.etiquette.advisor import advise\nimport pandas as pd") == [
        "followup_lib.etiquette.advisor", "pandas"]




def test_every_notebook_is_in_the_reading_order():
    nav = load_tool("notebook_nav")
    found = {str(p.relative_to(REPO / "notebooks")) for p in NOTEBOOKS}
    assert found <= set(nav.ORDER), "add the new notebook to ORDER in tools/notebook_nav.py"


def test_navigation_links_are_in_step():
    assert load_tool("notebook_nav").sync(check=True) == [], "run: python tools/notebook_nav.py"


LEARNER_NOTEBOOKS = [p for p in NOTEBOOKS if "instructor" not in p.parts]


@pytest.mark.parametrize("path", LEARNER_NOTEBOOKS, ids=lambda p: p.name)
def test_ends_with_its_knowledge_check(path):
    codes = [src for _, src in _code_cells(_read(path))]
    assert codes and codes[-1].strip() == f'fc.KnowledgeCheck("{path.stem}")'


def test_apps_page_lists_every_notebook_in_order_with_its_key_points():
    nav = load_tool("notebook_nav")
    text = "\n".join("".join(cell["source"]) for cell in _read(APPS_PAGE)["cells"])
    linked = re.findall(r"^### \[[^\]]+\]\(([^)]+\.ipynb)\)", text, re.MULTILINE)
    assert linked == [name for name in nav.ORDER if (REPO / "notebooks" / name).exists()]
    for name in linked:
        points = nav.key_points(REPO / "notebooks" / name)
        assert points, f"{name}: its first cell needs a **What you'll learn** list for the start page"
        assert all(point in text for point in points)


@pytest.mark.parametrize("path", NOTEBOOKS + [APPS_PAGE], ids=lambda p: p.name)
def test_every_cell_has_an_id(path):
    """nbformat 4.5 cell ids: without them every server that opens the notebook warns."""
    missing = [number for number, cell in enumerate(_read(path)["cells"]) if not cell.get("id")]
    assert missing == [], f"cells {missing} have no id"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_hidden_cells_lead_in_is_hidden_with_it(path):
    """App mode leaves out a hide-in-app cell; a short "...:" line just before it must go too."""
    cells = _read(path)["cells"]
    dangling = []
    for before, cell in zip(cells, cells[1:]):
        hidden = APP_HIDDEN in cell.get("metadata", {}).get("tags", [])
        if hidden and before["cell_type"] == "markdown" and APP_HIDDEN not in before.get("metadata", {}).get("tags", []):
            last = "".join(before["source"]).rstrip().split("\n\n")[-1]
            if last.endswith(":") and len(last) < 80:
                dangling.append(last)
    assert dangling == [], "tag these lead-ins hide-in-app too (a cell of their own)"
