"""Business-day arithmetic that knows each country's weekends and public holidays.

Weekends and holidays come from the ``holidays`` package, for the country (ISO 3166
code, e.g. ``"US"``, ``"GB"``, ``"DE"``) and optional subdivision (``"CA"`` for
California, ``"SCT"`` for Scotland) the user chooses. A :class:`WorkCalendar` is cheap
to ask once built, and :func:`work_calendar` caches one per country and subdivision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from followup_lib.errors import InputError

_MAX_STEPS = 3660  # ten years of days: no real calendar has that many holidays in a row


@dataclass(frozen=True)
class WorkCalendar:
    """Weekends and public holidays of one country (and subdivision).

    Use :func:`work_calendar` to get one; build it directly only in tests.

    Examples
    --------
    >>> cal = work_calendar("US")
    >>> cal.is_business_day(date(2026, 11, 26))   # Thanksgiving
    False
    >>> cal.add_business_days(date(2026, 11, 25), 1)
    datetime.date(2026, 11, 27)
    >>> cal.holiday_name(date(2026, 12, 25))
    'Christmas Day'
    """

    country: str
    subdivision: str | None = None
    _holidays: object = field(default=None, repr=False, compare=False)

    @property
    def weekend(self) -> frozenset[int]:
        """Weekday numbers (Monday = 0) that are the weekend in this country."""
        return frozenset(getattr(self._holidays, "weekend", {5, 6}))

    def holiday_name(self, day: date) -> str | None:
        """Name of the public holiday on ``day``, or None."""
        return self._holidays.get(day)

    def is_business_day(self, day: date) -> bool:
        """True when ``day`` is neither a weekend day nor a public holiday."""
        return day.weekday() not in self.weekend and day not in self._holidays

    def next_business_day(self, day: date, *, include_today: bool = True) -> date:
        """The first business day on or after ``day`` (strictly after it if not ``include_today``).

        Examples
        --------
        >>> work_calendar("US").next_business_day(date(2026, 11, 21))  # a Saturday
        datetime.date(2026, 11, 23)
        """
        current = day if include_today else day + timedelta(days=1)
        for _ in range(_MAX_STEPS):
            if self.is_business_day(current):
                return current
            current += timedelta(days=1)
        raise InputError("country", f"{self.country} has no business day near {day}")

    def add_business_days(self, day: date, count: int) -> date:
        """The date ``count`` business days after ``day`` (before it when negative).

        ``day`` itself need not be a business day; counting starts on the next one.
        ``count = 0`` gives ``day`` unchanged.

        Examples
        --------
        >>> cal = work_calendar("US")
        >>> cal.add_business_days(date(2026, 11, 20), 2)   # Friday + 2 = Tuesday
        datetime.date(2026, 11, 24)
        >>> cal.add_business_days(date(2026, 11, 24), -2)
        datetime.date(2026, 11, 20)
        """
        step = timedelta(days=1 if count >= 0 else -1)
        remaining = abs(count)
        current = day
        while remaining:
            current += step
            if self.is_business_day(current):
                remaining -= 1
        return current

    def business_days_between(self, start: date, end: date) -> int:
        """Business days after ``start`` up to and including ``end`` (negative if ``end`` is earlier).

        The inverse of :meth:`add_business_days` for business-day targets.

        Examples
        --------
        >>> work_calendar("US").business_days_between(date(2026, 11, 20), date(2026, 11, 24))
        2
        """
        if end < start:
            return -self.business_days_between(end, start)
        return sum(1 for offset in range(1, (end - start).days + 1)
                   if self.is_business_day(start + timedelta(days=offset)))


def supported_countries() -> dict[str, list[str]]:
    """Country codes the ``holidays`` package knows, each with its subdivision codes."""
    import holidays

    return holidays.list_supported_countries()


@lru_cache(maxsize=64)
def work_calendar(country: str, subdivision: str | None = None) -> WorkCalendar:
    """The business-day calendar of a country and optional subdivision.

    Parameters
    ----------
    country : str
        ISO 3166-1 code, e.g. ``"US"``, ``"GB"``, ``"DE"`` (case-insensitive).
    subdivision : str, optional
        A state, province or nation code the ``holidays`` package knows, e.g. ``"CA"``.

    Returns
    -------
    WorkCalendar

    Raises
    ------
    InputError
        When the country or subdivision is unknown.

    Examples
    --------
    >>> work_calendar("gb", "SCT").subdivision
    'SCT'
    >>> work_calendar("XX")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: country: 'XX' is not a country the holidays package knows; use an ISO code such as US, GB, DE or IN
    """
    import holidays

    code = (country or "").strip().upper()
    known = supported_countries()
    if code not in known:
        raise InputError("country", f"{country!r} is not a country the holidays package knows",
                         "use an ISO code such as US, GB, DE or IN")
    subdiv = subdivision.strip().upper() if subdivision else None
    if subdiv is not None and subdiv not in {s.upper() for s in known[code]}:
        sample = ", ".join(known[code][:8]) or "none"
        raise InputError("subdivision", f"{subdivision!r} is not a subdivision of {code}",
                         f"use one of {sample}{'…' if len(known[code]) > 8 else ''} or leave it empty")
    return WorkCalendar(code, subdiv, holidays.country_holidays(code, subdiv=subdiv))
