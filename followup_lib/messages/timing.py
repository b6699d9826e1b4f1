"""Whether a message would go out inside its window: the reviewer's ``late`` rule.

The windows are the etiquette engine's own, read from one
:func:`~followup_lib.etiquette.windows.windows` call, the same the advisor and the plan
read: the thank-you deadline; the follow-up (or call) window and the attempts so far of
the current timeline (a new timeline or an update from the employer restarts them); one
more attempt about a week after the first, never before the follow-up date. Both "too
early" and "too late" are reported under the one rule id ``late``. A send date without a
time of day is on time for a thank-you on the deadline's day. With no send date, the day
of the review counts (``today=``, else :func:`followup_lib.clock.today`); if the
interview is still ahead then, timing is not checked (a ``timing_unchecked`` tip).
"""

from __future__ import annotations

from datetime import date, datetime

from followup_lib.clock import resolve_today
from followup_lib.errors import InputError
from followup_lib.etiquette.calls import call_window_opens, standing_call_exception
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.windows import Windows, windows
from followup_lib.messages.kinds import spoken_date
from followup_lib.messages.rules import Finding


def _late(message: str) -> Finding:
    return Finding("late", "error", message)


def _thank_you(send, win: Windows, params: Params) -> list[Finding]:
    if not win.thank_you_late(send):
        return []
    due = win.thank_you_due
    return [_late(f"The thank-you window closed on {spoken_date(due.date())} at {due:%H:%M}, "
                  f"{params.thank_you_hours} hours "
                  "after the interview: send it today anyway, without a long apology.")]


def _window(what: str, day: date, earliest: date, win: Windows, params: Params) -> list[Finding]:
    decision = spoken_date(win.decision_date)
    if not win.timeline_stated:
        decision += " (assumed, as no timeline was given)"
    if day < earliest:
        return [_late(f"Sent on {spoken_date(day)}, this {what} is too early: the decision date is "
                      f"{decision}, so wait until {spoken_date(earliest)} or it reads as over-eager.")]
    if day > win.follow_up_late_after:
        return [_late(f"Sent on {spoken_date(day)}, this {what} comes more than {params.late_after} "
                      f"business days after the decision date, {decision}, and may read as "
                      "uninterested: send it now and keep it brief.")]
    return []


def _second_attempt(case, day: date, win: Windows, params: Params) -> list[Finding]:
    attempts = win.attempts
    if len(attempts) >= 2:
        return [Finding("too_many_contacts", "error",
                        "You have already followed up and tried once more: the move is now the "
                        "employer's, so put this energy into other applications.")]
    if not attempts:
        if day < win.follow_up_due:
            return [_late(f"A second attempt before the follow-up window opens "
                          f"({spoken_date(win.follow_up_due)}) is too early: send one follow-up "
                          "first and wait about a week.")]
        return []
    last = case.local_date(attempts[-1].at)
    if day < win.second_attempt_due:
        return [_late(f"You followed up on {spoken_date(last)}: wait until {spoken_date(win.second_attempt_due)} "
                      "before one more attempt.")]
    return []


def _call(case, day: date, win: Windows, params: Params) -> list[Finding]:
    findings = []
    if not win.timeline_stated and not standing_call_exception(case):  # then (a) cannot hold either
        findings.append(Finding("call_not_permitted", "warning",
                                "Email is the better channel here: call only after a stated "
                                "timeline has passed, when invited to, or where calls are customary."))
    return findings + _window("call", day, call_window_opens(case, win), win, params)


def timing_findings(kind: str, case, send: date | datetime | None, *, today: date | None = None,
                    params: Params = DEFAULTS) -> list[Finding]:
    """Findings about when the message would be sent; none without a case.

    Parameters
    ----------
    kind : str
        The kind of message.
    case : Case or None
    send : date or datetime or None
        When it would be sent; ``today`` when None.
    today : date, optional
        The day of the review; :func:`followup_lib.clock.today` when left out.
    params : Params, optional

    Returns
    -------
    list of Finding

    Examples
    --------
    >>> from followup_lib.etiquette.case import Case
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    >>> [f.rule for f in timing_findings("follow_up", case, date(2026, 11, 17))]
    ['late']
    >>> timing_findings("follow_up", case, date(2026, 11, 24))
    []
    """
    if case is None:
        return []
    if send is None:
        send = resolve_today(today)
        if case.before_interview(send):
            return [Finding("timing_unchecked", "tip", "The interview has not happened yet, so the timing "
                            "was not checked: review the draft again on the day you send it.")]
    if case.before_interview(send):
        raise InputError("send_date", f"{send.isoformat()} is before the interview ended",
                         "give the date you would send the message")
    day = case.local_date(send)
    win = windows(case, today=day, params=params)
    if kind == "thank_you":
        return _thank_you(send, win, params)
    if kind == "follow_up":
        return _window("follow-up", day, win.follow_up_due, win, params)
    if kind == "second_attempt":
        return _second_attempt(case, day, win, params)
    return _call(case, day, win, params)
