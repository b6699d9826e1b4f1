"""The notebooks are committed clean and keep the project's habits.

- no outputs except in cells whose outputs nbval compares (``# NBVAL_CHECK_OUTPUT``);
- code cells are short (at most 12 lines) and define no function or class: logic
  lives in ``followup_lib``;
- each notebook opens with "What you'll do / learn / need" and runs the ``python3``
  kernel.  ``tools/strip_notebooks.py`` fixes the first point.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for p in (REPO / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
MAX_CODE_LINES = 12
DEFINITION = re.compile(r"^\s*(async\s+def|def|class)\s+\w", re.MULTILINE)


def _load_stripper():
    spec = importlib.util.spec_from_file_location(
        "strip_notebooks", REPO / "tools" / "strip_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


stripper = _load_stripper()


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
    first = _read(path)["cells"][0]
    text = "".join(first["source"])
    assert first["cell_type"] == "markdown"
    for part in ("What you'll do", "What you'll learn", "What you'll need"):
        assert part in text


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


def _load_nav():
    spec = importlib.util.spec_from_file_location("notebook_nav", REPO / "tools" / "notebook_nav.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_notebook_is_in_the_reading_order():
    nav = _load_nav()
    found = {str(p.relative_to(REPO / "notebooks")) for p in NOTEBOOKS}
    assert found <= set(nav.ORDER), "add the new notebook to ORDER in tools/notebook_nav.py"


def test_navigation_links_are_in_step():
    assert _load_nav().sync(check=True) == [], "run: python tools/notebook_nav.py"


LEARNER_NOTEBOOKS = [p for p in NOTEBOOKS if "instructor" not in p.parts]


@pytest.mark.parametrize("path", LEARNER_NOTEBOOKS, ids=lambda p: p.name)
def test_ends_with_its_knowledge_check(path):
    codes = [src for _, src in _code_cells(_read(path))]
    assert codes and codes[-1].strip() == f'fc.KnowledgeCheck("{path.stem}")'
