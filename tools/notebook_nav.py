#!/usr/bin/env python3
"""Keep the navigation links between the workbook's notebooks in step.

Each notebook ends with a markdown cell that starts with ``<!-- nav -->``; this script
rewrites that cell with links to the previous and next notebooks in reading order and to
the start page, using each notebook's own title (the first heading of its first cell).
The reading order is :data:`ORDER`. Files are rewritten only when something changes.

It also writes the start page of app mode, ``notebooks/apps.ipynb`` (:data:`APPS_PAGE`):
one link per notebook, in reading order, with its title and its key points (the
"What you'll learn" list of its first cell), so the page never drifts from the notebooks.

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
#: App mode's start page (``./workbook app`` opens it), written from :data:`ORDER`.
APPS_PAGE = "apps.ipynb"
_LEARN = re.compile(r"\*\*What you'll learn\*\*\n((?:- .*\n?)+)")
APPS_INTRO = """# Follow-up Coach: the workbook as apps

Each link below opens one part of the workbook as an app: its text, its tables and its
controls, with no code to run. Work through them in order, from the interview to moving on.

In the first app, **Start here**, fill in the planner with your own interview and press
**Save**: the stage apps after it open your case. If the apps run on a computer you share
with others, use **Download my case** instead, and keep the file."""


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


def key_points(path: Path) -> list[str]:
    """The "What you'll learn" bullets of a notebook's first cell (without their dashes)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    match = _LEARN.search(_source(cells[0])) if cells else None
    return [line[2:].strip() for line in match.group(1).splitlines()] if match else []


def apps_notebook(present: list[str]) -> dict:
    """The start page of app mode: the intro, then each notebook's link and key points."""
    cells = [APPS_INTRO]
    for name in present:
        heading = "## For instructors\n\n" if name.startswith("instructor/") else ""
        points = "".join(f"\n- {point}" for point in key_points(NOTEBOOKS / name))
        cells.append(f"{heading}### [{title(NOTEBOOKS / name)}]({name})\n\nYou will learn:{points}")
    return {"cells": [{"cell_type": "markdown", "id": f"apps-{number:02d}", "metadata": {},
                       "source": text.splitlines(keepends=True)} for number, text in enumerate(cells)],
            "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                                        "name": "python3"},
                         "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def _write_if_changed(path: Path, notebook: dict, check: bool) -> bool:
    """Write ``notebook`` to ``path`` unless it is there already (or ``check``); True if it differed."""
    text = json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    if not check:
        temporary = path.with_suffix(".ipynb.part")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    return True


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
            cells[-1]["source"] = wanted.splitlines(keepends=True)
            _write_if_changed(path, notebook, check)
    if _write_if_changed(NOTEBOOKS / APPS_PAGE, apps_notebook(present), check):
        stale.append(APPS_PAGE)
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
