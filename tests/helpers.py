"""Small builders shared by the tests: cases for the etiquette tests, tools/ scripts as modules."""

import importlib.util
from pathlib import Path

from followup_lib.etiquette.case import Case

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def run_cli(capsys, *argv):
    """Run the ``followup`` command in-process on ``argv`` (each made a string): (status, stdout, stderr)."""
    from followup_lib.cli import main

    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def load_tool(name: str):
    """A script of ``tools/`` (``"app"`` for tools/app.py) imported as a module."""
    spec = importlib.util.spec_from_file_location(f"tools_{name}", TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

BASE = {"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"}


def case(**fields) -> Case:
    """A case built from the base example with some fields replaced (None removes one)."""
    data = {**BASE, **fields}
    return Case.from_dict({k: v for k, v in data.items() if v is not None})


def contact(kind: str, at: str, channel: str | None = None) -> dict:
    out = {"kind": kind, "at": at}
    if channel:
        out["channel"] = channel
    return out
