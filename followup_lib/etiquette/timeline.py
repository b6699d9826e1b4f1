"""The key dates of a case: when the thank-you, the follow-up and a call fall due.

The advisor and the planner both start from :func:`key_dates`; the message reviewer
uses it to tell whether a draft would be sent too early or too late.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.situation import Situation


@dataclass(frozen=True)
class KeyDates:
    """Deadlines and windows of one case.

    Attributes
    ----------
    thank_you_due : datetime
        End of the thank-you window, in the interview's timezone.
    decision_date : date
        The date the employer is expected to decide by: the latest new timeline the
        employer gave, else the stated ``decision_by``, else the default assumption.
    timeline_source : str
        ``"stated"``, ``"new_timeline"`` or ``"assumed"`` (no timeline was given).
    follow_up_due, follow_up_ideal_end, follow_up_late_after : date
        The follow-up email falls due on the first, is ideally sent by the second, and
        reads as uninterested after the third.
    call_ok_from : date or None
        From when an unsolicited call is acceptable because a stated timeline passed
        (exception a); None when no timeline was stated.
    """

    thank_you_due: datetime
    decision_date: date
    timeline_source: str
    follow_up_due: date
    follow_up_ideal_end: date
    follow_up_late_after: date
    call_ok_from: date | None

    @property
    def timeline_stated(self) -> bool:
        """True when the employer named a date (at the interview or later)."""
        return self.timeline_source != "assumed"

    def to_dict(self) -> dict:
        """ISO strings for JSON output."""
        return {k: (v.isoformat() if isinstance(v, (date, datetime)) else v)
                for k, v in self.__dict__.items()}


def thank_you_late(sent: date | datetime, dates: KeyDates) -> bool:
    """Whether a thank-you sent at ``sent`` missed its window.

    A date without a time of day counts as on time on the deadline's own day.

    Examples
    --------
    >>> case = Situation.from_dict({"interview_end": "2026-11-16T15:00:00-05:00"})
    >>> thank_you_late(date(2026, 11, 17), key_dates(case)), thank_you_late(date(2026, 11, 18), key_dates(case))
    (False, True)
    """
    if isinstance(sent, datetime):
        return sent > dates.thank_you_due
    return sent > dates.thank_you_due.date()


def elapsed_after(start: datetime, duration) -> datetime:
    """``start`` plus a real elapsed ``duration``, shown in ``start``'s timezone.

    Python adds a timedelta to an aware datetime on the wall clock; across a
    daylight-saving change that is an hour off, so the sum is done in UTC.

    Examples
    --------
    >>> from datetime import timedelta
    >>> from zoneinfo import ZoneInfo
    >>> end = datetime(2026, 10, 31, 15, 0, tzinfo=ZoneInfo("America/New_York"))  # EDT
    >>> elapsed_after(end, timedelta(hours=24)).isoformat()   # clocks fell back on Nov 1
    '2026-11-01T14:00:00-05:00'
    """
    return (start.astimezone(timezone.utc) + duration).astimezone(start.tzinfo)


def as_of(situation: Situation, today: date | None) -> Situation:
    """The case as it stood on ``today``: contacts and responses after it are left out."""
    if today is None:
        return situation
    keep = lambda events: tuple(e for e in events if situation.local_date(e.at) <= today)  # noqa: E731
    return replace(situation, contacts=keep(situation.contacts), responses=keep(situation.responses))


def key_dates(situation: Situation, params: Params = DEFAULTS, today: date | None = None) -> KeyDates:
    """Compute the deadlines of a case, as known on ``today`` (default: everything logged).

    Parameters
    ----------
    situation : Situation
    params : Params, optional
        Etiquette parameters; the defaults of :mod:`followup_lib.etiquette.params`.
    today : date, optional
        Ignore responses logged after this day.

    Returns
    -------
    KeyDates

    Examples
    --------
    >>> case = Situation.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
    ...                             "decision_by": "2026-11-20"})
    >>> dates = key_dates(case)
    >>> dates.thank_you_due.isoformat()
    '2026-11-17T15:00:00-05:00'
    >>> dates.follow_up_due        # Friday + 2 business days
    datetime.date(2026, 11, 24)
    >>> dates.call_ok_from         # + 3 business days
    datetime.date(2026, 11, 25)
    """
    case = as_of(situation, today)
    cal = case.calendar
    new_timelines = case.responses_of("new_timeline")
    if new_timelines:
        decision, source = new_timelines[-1].new_decision_by, "new_timeline"
    elif case.decision_by is not None:
        decision, source = case.decision_by, "stated"
    else:
        decision = cal.add_business_days(case.interview_date, params.default_decision_business_days)
        source = "assumed"
    return KeyDates(
        thank_you_due=elapsed_after(case.interview_end, params.thank_you_window),
        decision_date=decision,
        timeline_source=source,
        follow_up_due=cal.add_business_days(decision, params.follow_up_grace),
        follow_up_ideal_end=cal.add_business_days(decision, params.follow_up_ideal_max),
        follow_up_late_after=cal.add_business_days(decision, params.late_after),
        call_ok_from=cal.add_business_days(decision, params.call_after_deadline) if source != "assumed" else None,
    )
