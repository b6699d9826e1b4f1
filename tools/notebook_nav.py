#!/usr/bin/env python3
"""Keep the navigation links between the workbook's notebooks in step.

Each notebook ends with a markdown cell that starts with ``<!-- nav -->``; this script
rewrites that cell with links to the previous and next notebooks in reading order and to
the start page, using each notebook's own title (the first heading of its first cell).
The reading order is :data:`ORDER`. Files are rewritten only when something changes.

Usage::

    python tools/notebook_nav.py            # update every notebook's navigation cell
    python tools/notebook_nav.py --check    # exit 1 if any is out of step (the tests run this)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
MARKER = "<!-- nav -->"
#: The workbook in reading order, as paths inside notebooks/.
ORDER = ("00-start-here.ipynb", "01-set-up-during-the-interview.ipynb", "02-thank-you.ipynb",
         "03-wait-out-the-timeline.ipynb", "04-follow-up-by-email.ipynb", "05-call-only-when-warranted.ipynb",
         "06-one-more-attempt.ipynb", "07-read-the-silence.ipynb", "08-data-lab.ipynb",
         "instructor/scenario-studio.ipynb")
_HEADING = re.compile(r"^#\s+(.+)$", re.MULTILINE)


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def title(path: Path) -> str:
    """A notebook's title: the first level-one heading of its first cell, else its file name."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    match = _HEADING.search(_source(cells[0])) if cells else None
    return match.group(1).strip() if match else path.stem


def nav_text(position: int, present: list[str]) -> str:
    """The navigation cell of the notebook at ``position`` in ``present`` (the notebooks that exist)."""
    here = Path(present[position])

    def link(target: str) -> str:
        relative = os.path.relpath(NOTEBOOKS / target, (NOTEBOOKS / here).parent)
        return f"[{title(NOTEBOOKS / target)}]({relative.replace(os.sep, '/')})"

    parts = []
    if position > 0:
        parts.append(f"← Previous: {link(present[position - 1])}")
    if position + 1 < len(present):
        parts.append(f"Next: {link(present[position + 1])} →")
    start = "" if position == 0 else f"\n\nBack to the start: {link(present[0])}"
    return f"{MARKER}\n**Where next.** " + " &nbsp;·&nbsp; ".join(parts) + start


def sync(check: bool) -> list[str]:
    """Update (or, with ``check``, only compare) every navigation cell; the names out of step."""
    present = [name for name in ORDER if (NOTEBOOKS / name).exists()]
    stale = []
    for position, name in enumerate(present):
        path = NOTEBOOKS / name
        notebook = json.loads(path.read_text(encoding="utf-8"))
        cells = [c for c in notebook["cells"] if c["cell_type"] == "markdown" and _source(c).startswith(MARKER)]
        if not cells:
            stale.append(f"{name}: no markdown cell starting with {MARKER}")
            continue
        wanted = nav_text(position, present)
        if _source(cells[-1]) != wanted:
            stale.append(name)
            if not check:
                cells[-1]["source"] = wanted.splitlines(keepends=True)
                temporary = path.with_suffix(".ipynb.part")
                temporary.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
                os.replace(temporary, path)
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report notebooks whose links are out of step")
    args = parser.parse_args()
    stale = sync(args.check)
    for name in stale:
        print(("out of step: " if args.check else "updated: ") + name)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
