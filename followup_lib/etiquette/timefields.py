"""Parsing the dates, times and time zones of a case file.

Past this module, dates are ``datetime.date`` and times are timezone-aware ``datetime``.
A time zone is an IANA name (``America/New_York``) or a fixed offset (``UTC-05:00``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo
from datetime import timezone as dt_timezone
from typing import Union
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup_lib.errors import InputError

When = Union[date, datetime]

#: Dates a case may hold, and days advice may be asked for. Far wider than any real job
#: search, narrow enough that business-day arithmetic never leaves the calendar or runs long.
EARLIEST_DATE = date(1970, 1, 1)
LATEST_DATE = date(2099, 12, 31)
#: Longest time-zone name accepted (the longest IANA name has 32 characters).
MAX_ZONE_NAME = 64


def check_date_range(value: When, field_name: str) -> When:
    """Return ``value`` if its date lies within ``EARLIEST_DATE``..``LATEST_DATE``; else InputError.

    Examples
    --------
    >>> check_date_range(date(9999, 12, 31), "decision_by")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: decision_by: 9999-12-31 is outside the years 1970 to 2099; check the year
    """
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise InputError(field_name, f"{day.isoformat()} is outside the years {EARLIEST_DATE.year} to "
                                     f"{LATEST_DATE.year}", "check the year")
    return value


def parse_when(value, field_name: str, tz: tzinfo | None = None) -> When:
    """Parse an ISO date or a datetime with offset; a naive datetime takes ``tz``.

    Examples
    --------
    >>> parse_when("2026-11-20", "decision_by")
    datetime.date(2026, 11, 20)
    >>> parse_when("2026-11-16T15:00:00-05:00", "interview_end").hour
    15
    >>> parse_when("20/11/2026", "decision_by")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: decision_by: '20/11/2026' is not a date or time; write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM
    """
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        return check_date_range(value, field_name)
    elif isinstance(value, str) and value.strip() and len(value) <= 60:
        text = value.strip().replace("Z", "+00:00").replace(" ", "T", 1)
        try:
            parsed = date.fromisoformat(text) if "T" not in text else datetime.fromisoformat(text)
        except ValueError:
            raise InputError(field_name, f"{value!r} is not a date or time",
                             "write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM") from None
        if not isinstance(parsed, datetime):
            return check_date_range(parsed, field_name)
    elif isinstance(value, str) and value.strip():
        raise InputError(field_name, f"is {len(value):,} characters long, too long for a date",
                         "write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM")
    else:
        raise InputError(field_name, "is missing or empty",
                         "give a date (YYYY-MM-DD) or a time with offset (YYYY-MM-DDTHH:MM+HH:MM)")
    if parsed.tzinfo is None:
        if tz is None:
            raise InputError(field_name, "has no timezone",
                             "add an offset such as -05:00, or set \"timezone\" in the case")
        parsed = parsed.replace(tzinfo=tz)
    check_date_range(parsed, field_name)
    try:
        parsed.astimezone(dt_timezone.utc)
    except OverflowError:
        raise InputError(field_name, f"{parsed.isoformat()} is outside the calendar", "check the year") from None
    return parsed


def parse_date(value, field_name: str) -> date | None:
    """A date (or None) from an ISO string, a date, or a datetime (its date is kept)."""
    if value is None:
        return None
    parsed = parse_when(value, field_name)
    return parsed.date() if isinstance(parsed, datetime) else parsed


_OFFSET_NAME = re.compile(r"^UTC([+-])(\d{1,2})(?::?(\d{2}))?$")


def offset_zone_name(zone: tzinfo, at: datetime) -> str:
    """A zone's name for the case file: its IANA key, else ``UTC-05:00`` for a fixed offset.

    Examples
    --------
    >>> from datetime import timezone, timedelta
    >>> offset_zone_name(timezone(timedelta(hours=-5)), datetime(2026, 1, 1))
    'UTC-05:00'
    """
    key = getattr(zone, "key", None)
    if key:
        return key
    minutes = int(zone.utcoffset(at).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def parse_zone(name: str) -> tzinfo:
    """A time zone from an IANA name or a ``UTC±HH:MM`` offset; InputError naming ``timezone`` otherwise.

    Examples
    --------
    >>> parse_zone("UTC-05:00")
    datetime.timezone(datetime.timedelta(days=-1, seconds=68400))
    >>> parse_zone("x" * 100_000)
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: timezone: is 100,000 characters long, not a time zone name; use a name such as America/New_York or Europe/London, or an offset such as UTC-05:00
    """
    fix = "use a name such as America/New_York or Europe/London, or an offset such as UTC-05:00"
    if not isinstance(name, str):
        raise InputError("timezone", f"must be text, not {type(name).__name__}", fix)
    if len(name) > MAX_ZONE_NAME:
        raise InputError("timezone", f"is {len(name):,} characters long, not a time zone name", fix)
    match = _OFFSET_NAME.match(name.strip())
    if match:
        sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes > 59:
            raise InputError("timezone", f"{name!r} is not a real UTC offset", "use e.g. UTC-05:00")
        delta = timedelta(hours=hours, minutes=minutes)
        return dt_timezone(-delta if sign == "-" else delta)
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        raise InputError("timezone", f"{name!r} is not a time zone name", fix) from None
