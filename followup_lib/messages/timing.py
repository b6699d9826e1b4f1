"""Whether a message would go out inside its window: the reviewer's ``late`` rule.

The windows are the etiquette engine's, the ones the advisor and the planner use: the
thank-you deadline from :func:`followup_lib.etiquette.timeline.key_dates`
(``THANK_YOU_WINDOW`` after the interview's end); the follow-up (or call) window and the
attempts so far from :func:`followup_lib.etiquette.epochs.current_epoch`, so a new
timeline or an update from the employer restarts them (by default from a couple of
business days after the decision date until ``LATE_AFTER`` business days after it); a
second attempt about a week (``SECOND_ATTEMPT_AFTER``) after the follow-up. Both "too
early" and "too late" are reported under the one rule id ``late``. A send date without a
time of day is on time for a thank-you on the deadline's day. With no send date, today
counts; if the interview is still ahead, timing is not checked (a ``timing_unchecked`` tip).
"""

from __future__ import annotations

from datetime import date, datetime

from followup_lib.errors import InputError
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.calls import standing_call_exception
from followup_lib.etiquette.epochs import Epoch, current_epoch, second_attempt_due
from followup_lib.etiquette.timeline import KeyDates, as_of, key_dates, thank_you_late
from followup_lib.messages.kinds import spoken_date
from followup_lib.messages.rules import Finding


def _late(message: str) -> Finding:
    return Finding("late", "error", message)


def _thank_you(send, dates: KeyDates, params: Params) -> list[Finding]:
    if not thank_you_late(send, dates):
        return []
    due = dates.thank_you_due
    return [_late(f"The thank-you window closed on {spoken_date(due.date())} at {due:%H:%M}, "
                  f"{params.thank_you_hours} hours "
                  "after the interview: send it today anyway, without a long apology.")]


def _window(what: str, day: date, earliest: date, late_after: date, dates: KeyDates,
            params: Params) -> list[Finding]:
    decision = spoken_date(dates.decision_date)
    if not dates.timeline_stated:
        decision += " (assumed, as no timeline was given)"
    if day < earliest:
        return [_late(f"Sent on {spoken_date(day)}, this {what} is too early: the decision date is "
                      f"{decision}, so wait until {spoken_date(earliest)} or it reads as over-eager.")]
    if day > late_after:
        return [_late(f"Sent on {spoken_date(day)}, this {what} comes more than {params.late_after} "
                      f"business days after the decision date, {decision}, and may read as "
                      "uninterested: send it now and keep it brief.")]
    return []


def _second_attempt(case, day: date, epoch: Epoch, params: Params) -> list[Finding]:
    attempts = epoch.attempts
    if len(attempts) >= 2:
        return [Finding("too_many_contacts", "error",
                        "You have already followed up and tried once more: the move is now the "
                        "employer's, so put this energy into other applications.")]
    if not attempts:
        if day < epoch.first_due:
            return [_late(f"A second attempt before the follow-up window opens "
                          f"({spoken_date(epoch.first_due)}) is too early: send one follow-up "
                          "first and wait about a week.")]
        return []
    last, due = case.local_date(attempts[-1].at), second_attempt_due(case, epoch, params)
    if day < due:
        return [_late(f"You followed up on {spoken_date(last)}: wait until {spoken_date(due)} "
                      f"({params.second_attempt_after} business days) before one more attempt.")]
    return []


def _call(case, day: date, epoch: Epoch, dates: KeyDates, params: Params) -> list[Finding]:
    exception = standing_call_exception(case)
    findings = []
    if not exception and not dates.timeline_stated:  # then exception (a) cannot hold either
        findings.append(Finding("call_not_permitted", "warning",
                                "Email is the better channel here: call only after a stated "
                                "timeline has passed, when invited to, or where calls are customary."))
    earliest = epoch.first_due if exception else (dates.call_ok_from or epoch.first_due)
    return findings + _window("call", day, earliest, epoch.late_after, dates, params)


def timing_findings(kind: str, situation, send: date | datetime | None,
                    params: Params = DEFAULTS) -> list[Finding]:
    """Findings about when the message would be sent; none without a case.

    Parameters
    ----------
    kind : str
        The kind of message.
    situation : Situation or None
    send : date or datetime or None
        When it would be sent; today when None.
    params : Params, optional

    Returns
    -------
    list of Finding

    Examples
    --------
    >>> from followup_lib.etiquette.situation import Situation
    >>> case = Situation.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
    ...                             "decision_by": "2026-11-20"})
    >>> [f.rule for f in timing_findings("follow_up", case, date(2026, 11, 17))]
    ['late']
    >>> timing_findings("follow_up", case, date(2026, 11, 24))
    []
    """
    if situation is None:
        return []
    if send is None and situation.before_interview(date.today()):
        return [Finding("timing_unchecked", "tip", "The interview has not happened yet, so the timing "
                        "was not checked: review the draft again on the day you send it.")]
    send = date.today() if send is None else send
    if situation.before_interview(send):
        raise InputError("send_date", f"{send.isoformat()} is before the interview ended",
                         "give the date you would send the message")
    day = situation.local_date(send)
    case = as_of(situation, day)
    dates = key_dates(case, params)
    if kind == "thank_you":
        return _thank_you(send, dates, params)
    epoch = current_epoch(case, dates, params)
    if kind == "follow_up":
        return _window("follow-up", day, epoch.first_due, epoch.late_after, dates, params)
    if kind == "second_attempt":
        return _second_attempt(case, day, epoch, params)
    return _call(case, day, epoch, dates, params)
