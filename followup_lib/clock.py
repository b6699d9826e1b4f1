"""The one setting that says what day "today" is.

Every function that needs the day takes ``today=`` as a keyword; when it is left out,
:func:`today` answers. By default that is the computer's date. Tests, nbval runs and an
instructor replaying a scenario fix it, either for the whole process with the
environment variable ``FOLLOWUP_TODAY=YYYY-MM-DD`` (read when :func:`today` is called) or
in Python with :func:`set_today` (``set_today(None)`` goes back to the real date).

Examples
--------
>>> from datetime import date
>>> set_today(date(2026, 11, 24))
>>> today()
datetime.date(2026, 11, 24)
>>> set_today(None)
"""

from __future__ import annotations

import os
from datetime import date

from followup_lib.errors import InputError

#: Environment variable that fixes today's date (``YYYY-MM-DD``) for a whole process.
TODAY_VARIABLE = "FOLLOWUP_TODAY"
_fixed: date | None = None


def set_today(day: date | None) -> None:
    """Fix the day :func:`today` answers (None: the computer's date again)."""
    global _fixed
    if day is not None and not isinstance(day, date):
        raise InputError("today", f"must be a date, not {day!r}", "give e.g. date(2026, 11, 24)")
    _fixed = day


def today() -> date:
    """Today's date: the one fixed by :func:`set_today` or ``FOLLOWUP_TODAY``, else the computer's."""
    if _fixed is not None:
        return _fixed
    text = os.environ.get(TODAY_VARIABLE, "").strip()
    if text:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise InputError(TODAY_VARIABLE, f"{text[:40]!r} is not a date", "write it as YYYY-MM-DD") from None
    return date.today()


def resolve_today(day: date | None) -> date:
    """``day`` itself, or :func:`today` when it is None."""
    return today() if day is None else day
