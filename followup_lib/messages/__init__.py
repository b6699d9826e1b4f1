"""Draft and review the messages a candidate sends after an interview.

- :func:`draft` (in :mod:`.drafts`) writes a thank-you, a follow-up, a second attempt,
  a call script or a voicemail from a few plain-text fields.
- :func:`review_draft` (in :mod:`.review`) coaches on a draft: missing elements,
  placeholders, pressure, length, spelling, timing.

Names are loaded on first use, so importing this package stays light (Jinja2 and the
spell-checker's dictionary load only when a draft or review is made).
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "draft": "drafts", "Draft": "drafts", "TONES": "drafts",
    "review_draft": "review", "Review": "review", "Finding": "rules",
    "ReviewContext": "context", "KINDS": "kinds",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
