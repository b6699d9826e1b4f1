"""Small builders shared by the etiquette tests."""

from followup_lib.etiquette.case import Case

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
