"""When a phone call is permitted: the three exceptions to "email, not a call"."""

from __future__ import annotations

from datetime import date

from followup_lib.etiquette.case import Case
from followup_lib.etiquette.kinds import ResponseKind
from followup_lib.etiquette.windows import Windows


def call_permission(case: Case, day: date, win: Windows) -> tuple[bool, list[str]]:
    """Whether a follow-up call is acceptable on ``day``, and which exceptions hold.

    A call is acceptable only when (a) a stated timeline passed several business days
    ago (``win.call_ok_from``) with no word from the employer since, (b) the interviewer
    invited a call, or (c) the candidate's field is one where a follow-up call is customary.

    Returns
    -------
    (bool, list of str)
        Permitted or not, and one sentence per exception that holds.

    Examples
    --------
    >>> from followup_lib.etiquette.windows import windows
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
    ...                        "decision_by": "2026-11-20", "invited_to_call": True})
    >>> call_permission(case, date(2026, 11, 18), windows(case))
    (True, ['(b) the interviewer invited you to call.'])
    """
    reasons = []
    if win.call_ok_from is not None and day >= win.call_ok_from and not _word_since_timeline(case, day):
        reasons.append(f"(a) the stated decision date ({win.decision_date:%a %d %b}) passed "
                       f"{business_days_since(case, win.decision_date, day)} ago with no word from the employer.")
    if case.invited_to_call:  # (b) and (c) hold whatever the date: see standing_call_exception
        reasons.append("(b) the interviewer invited you to call.")
    if case.traditional_industry:
        reasons.append("(c) your field is one where a follow-up call is customary.")
    return bool(reasons), reasons


def standing_call_exception(case: Case) -> bool:
    """True when exception (b) or (c) holds: a call is acceptable whatever the date.

    Examples
    --------
    >>> standing_call_exception(Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
    ...                                         "traditional_industry": True}))
    True
    """
    return case.invited_to_call or case.traditional_industry


def call_window_opens(case: Case, win: Windows) -> date:
    """The first day a follow-up call is acceptable: the follow-up date with exception (b) or (c),
    else the day exception (a) starts (the follow-up date if no date was stated)."""
    if standing_call_exception(case):
        return win.follow_up_due
    return win.call_ok_from or win.follow_up_due


def business_days_since(case: Case, start: date, day: date) -> str:
    """"N business days" from ``start`` to ``day``, or "more than a year" (no long count is run).

    Examples
    --------
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00"})
    >>> business_days_since(case, date(2026, 11, 20), date(2026, 11, 24)), business_days_since(case, date(2026, 1, 1), date(2099, 1, 1))
    ('2 business days', 'more than a year')
    """
    if (day - start).days > 366:
        return "more than a year"
    passed = case.calendar.business_days_between(start, day)
    return f"{passed} business day{'s' if passed != 1 else ''}"


def _word_since_timeline(case: Case, day: date) -> bool:
    """True when the employer said anything after the latest timeline was set."""
    timelines = [r for r in case.responses_of(ResponseKind.NEW_TIMELINE) if case.local_date(r.at) <= day]
    since = case.local_date(timelines[-1].at) if timelines else case.interview_date
    return any(since < case.local_date(r.at) <= day
               for r in case.responses_of(ResponseKind.DECISION, ResponseKind.UPDATE))
