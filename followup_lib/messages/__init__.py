"""Draft and review the messages a candidate sends after an interview.

- :func:`draft` (in :mod:`.drafts`) writes a thank-you, a follow-up, a second attempt,
  a call script or a voicemail from a few plain-text fields.
- :func:`review_draft` (in :mod:`.review`) coaches on a draft: missing elements,
  placeholders, pressure, length, spelling, timing.

Names are loaded on first use, so importing this package stays light (Jinja2 and the
spell-checker's dictionary load only when a draft or review is made).
"""

from __future__ import annotations

from followup_lib.lazy import lazy_exports

_EXPORTS = {
    "draft": ".drafts", "Draft": ".drafts", "TONES": ".drafts",
    "review_draft": ".review", "Review": ".review", "Finding": ".rules", "Severity": ".rules",
    "ReviewContext": ".context", "KINDS": ".kinds", "mailto_link": ".mailto", "MailtoLink": ".mailto",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
