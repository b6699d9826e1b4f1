"""Execute every notebook top to bottom in a fresh kernel and report the time each takes.

The same run nbval makes in the test suite, timed: a measurement, not a test. "Today" is
fixed (``FOLLOWUP_TODAY``) as in the tests, and each notebook runs in a temporary copy of
``notebooks/`` so nothing is written into the repository.

Run: ``python benchmarks/bench_notebooks.py``
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

from notebook_nav import ORDER  # noqa: E402


def main() -> None:
    os.environ.setdefault("FOLLOWUP_TODAY", "2026-11-24")
    total = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "notebooks"
        shutil.copytree(REPO / "notebooks", copy, ignore=shutil.ignore_patterns("my-work", ".ipynb_checkpoints"))
        print(f"{'notebook':<44} {'seconds':>8}  cells")
        for name in ORDER:
            path = copy / name
            if not path.exists():
                continue
            notebook = nbformat.read(path, as_version=4)
            start = time.perf_counter()
            NotebookClient(notebook, timeout=300, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
            elapsed = time.perf_counter() - start
            total += elapsed
            print(f"{name:<44} {elapsed:8.1f}  {sum(c.cell_type == 'code' for c in notebook.cells)}")
    print(f"{'all notebooks, fresh kernel each':<44} {total:8.1f}")


if __name__ == "__main__":
    main()
