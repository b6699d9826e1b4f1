"""When a phone call is permitted: the three exceptions to "email, not a call"."""

from __future__ import annotations

from datetime import date

from followup_lib.etiquette.situation import Situation
from followup_lib.etiquette.timeline import KeyDates


def call_permission(case: Situation, day: date, dates: KeyDates) -> tuple[bool, list[str]]:
    """Whether a follow-up call is acceptable on ``day``, and which exceptions hold.

    A call is acceptable only when (a) a stated timeline passed several business days
    ago with no word from the employer since, (b) the interviewer invited a call, or
    (c) the candidate's field is one where a follow-up call is customary.

    Returns
    -------
    (bool, list of str)
        Permitted or not, and one sentence per exception that holds.

    Examples
    --------
    >>> from followup_lib.etiquette.timeline import key_dates
    >>> case = Situation.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
    ...                             "decision_by": "2026-11-20", "invited_to_call": True})
    >>> call_permission(case, date(2026, 11, 18), key_dates(case))
    (True, ['(b) the interviewer invited you to call.'])
    """
    reasons = []
    if dates.call_ok_from is not None and day >= dates.call_ok_from and not _word_since_timeline(case, day):
        passed = case.calendar.business_days_between(dates.decision_date, day)
        reasons.append(f"(a) the stated decision date ({dates.decision_date:%a %d %b}) passed "
                       f"{passed} business days ago with no word from the employer.")
    if case.invited_to_call:  # (b) and (c) hold whatever the date: see standing_call_exception
        reasons.append("(b) the interviewer invited you to call.")
    if case.traditional_industry:
        reasons.append("(c) your field is one where a follow-up call is customary.")
    return bool(reasons), reasons


def standing_call_exception(case: Situation) -> bool:
    """True when exception (b) or (c) holds: a call is acceptable whatever the date.

    Examples
    --------
    >>> standing_call_exception(Situation.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
    ...                                              "traditional_industry": True}))
    True
    """
    return case.invited_to_call or case.traditional_industry


def _word_since_timeline(case: Situation, day: date) -> bool:
    """True when the employer said anything after the latest timeline was set."""
    timelines = [r for r in case.responses_of("new_timeline") if case.local_date(r.at) <= day]
    since = case.local_date(timelines[-1].at) if timelines else case.interview_date
    return any(since < case.local_date(r.at) <= day for r in case.responses_of("decision", "update"))
