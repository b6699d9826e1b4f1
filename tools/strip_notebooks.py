#!/usr/bin/env python3
"""Strip outputs from the workbook's notebooks before they are committed.

Outputs, execution counts and volatile metadata go; a code cell marked with
``# NBVAL_CHECK_OUTPUT`` (or tagged ``nbval-check-output``) keeps its outputs, because
nbval compares them.  Files are rewritten atomically, and only when something changes.

Usage::

    python tools/strip_notebooks.py            # strip every notebooks/*.ipynb
    python tools/strip_notebooks.py A.ipynb    # strip the named notebooks
    python tools/strip_notebooks.py --check    # exit 1 if any notebook has stray outputs
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
MARKER = "# NBVAL_CHECK_OUTPUT"
TAG = "nbval-check-output"
#: Cell metadata that changes on every run or view.
VOLATILE_CELL_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime")
#: Notebook metadata that depends on who ran it last (widget state can be megabytes).
VOLATILE_NOTEBOOK_METADATA = ("widgets", "toc-autonumbering", "varInspector")


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def keeps_outputs(cell: dict) -> bool:
    """True for a code cell whose outputs nbval checks, so they stay committed."""
    tags = cell.get("metadata", {}).get("tags", [])
    return MARKER in _source(cell) or TAG in tags


def stray_outputs(notebook: dict) -> list[int]:
    """Indices of code cells that carry outputs or an execution count they should not."""
    return [index for index, cell in enumerate(notebook.get("cells", []))
            if cell.get("cell_type") == "code" and not keeps_outputs(cell)
            and (cell.get("outputs") or cell.get("execution_count") is not None)]


def strip(notebook: dict) -> dict:
    """Return a copy of ``notebook`` without stray outputs or volatile metadata."""
    stripped = json.loads(json.dumps(notebook))
    for key in VOLATILE_NOTEBOOK_METADATA:
        stripped.get("metadata", {}).pop(key, None)
    for cell in stripped.get("cells", []):
        for key in VOLATILE_CELL_METADATA:
            cell.get("metadata", {}).pop(key, None)
        if cell.get("cell_type") == "code" and not keeps_outputs(cell):
            cell["outputs"] = []
            cell["execution_count"] = None
    return stripped


def _write_atomically(path: Path, text: str) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o644)  # keep the file's mode
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _dump(notebook: dict) -> str:
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a notebook has stray outputs")
    args = parser.parse_args(argv)
    paths = args.paths or sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    status = 0
    for path in paths:
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"{path}: cannot read it as a notebook ({exc})", file=sys.stderr)
            status = 2
            continue
        if args.check:
            cells = stray_outputs(notebook)
            if cells:
                print(f"{path}: outputs in code cells {cells}; run tools/strip_notebooks.py")
                status = max(status, 1)
        elif _dump(strip(notebook)) != path.read_text(encoding="utf-8"):
            _write_atomically(path, _dump(strip(notebook)))
            print(f"stripped {path}")
    return status


if __name__ == "__main__":
    sys.exit(main())
