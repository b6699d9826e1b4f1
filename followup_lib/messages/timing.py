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

import re
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


def _too_many() -> Finding:
    return Finding("too_many_contacts", "error", "You have already followed up and tried once more: the move "
                   "is now the employer's, so put this energy into other applications.")


def _thank_you(send, win: Windows, params: Params) -> list[Finding]:
    if not win.thank_you_late(send):
        return []
    due = win.thank_you_due
    # late, but still worth sending (the advisor says so too): a warning, not an error
    return [Finding("late", "warning", f"The thank-you window closed on {spoken_date(due.date())} at "
                    f"{due:%H:%M}, {params.thank_you_hours} hours after the interview: send it today anyway, "
                    "without a long apology.")]


def _window(what: str, day: date, earliest: date, win: Windows, params: Params) -> list[Finding]:
    decision = spoken_date(win.decision_date)
    # Against a stated date the window is a fact (an error); against the assumed one, a guess (a warning).
    severity = "error" if win.timeline_stated else "warning"
    if not win.timeline_stated:
        decision += " (assumed, as no timeline was given)"
    if day < earliest:
        return [Finding("late", severity, f"Sent on {spoken_date(day)}, this {what} is too early: the decision "
                        f"date is {decision}, so wait until {spoken_date(earliest)} or it reads as over-eager.")]
    if day > win.follow_up_late_after:  # late, but better sent than not (the advisor says so): a warning
        return [Finding("late", "warning", f"Sent on {spoken_date(day)}, this {what} comes more than "
                        f"{params.late_after} business days after the decision date, {decision}, and may read "
                        "as uninterested: send it now and keep it brief.")]
    return []


def _second_attempt(case, day: date, win: Windows, params: Params) -> list[Finding]:
    attempts = win.attempts
    if len(attempts) >= 2:
        return [_too_many()]
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
    if len(win.attempts) >= 2:
        return [_too_many()]
    findings = []
    if not win.timeline_stated and not standing_call_exception(case):  # then (a) cannot hold either
        findings.append(Finding("call_not_permitted", "warning",
                                "Email is the better channel here: call only after a stated "
                                "timeline has passed, when invited to, or where calls are customary."))
    return findings + _window("call", day, call_window_opens(case, win), win, params)


#: Words that place the interview (or the last message) in time, said in the text itself.
_SOON = r"yesterday|this (?:morning|afternoon)|earlier today|today|last night|an hour ago|a few hours ago"
_LATER = r"last week|last month|(?:two|three|four|five|several|a few|a couple of) (?:weeks?|days) ago|\d+ days ago"
_EVENT = (r"interview\w*|met|meet\w*|spoke|speak\w*|talk\w*|chat\w*|conversation|call|"
          r"follow(?:ed)?[ -]up|wrote|emailed|sent|reached out")
_SENTENCE = r"[^.!?\n]{0,80}?"
_SOON_EVENT = re.compile(rf"(?i)\b(?:{_EVENT})\b{_SENTENCE}\b({_SOON})\b|\b({_SOON})\b{_SENTENCE}\b(?:{_EVENT})\b")
_LATER_EVENT = re.compile(rf"(?i)\b(?:{_EVENT})\b{_SENTENCE}\b({_LATER})\b|\b({_LATER})\b{_SENTENCE}\b(?:{_EVENT})\b")


def relative_time_findings(kind: str, text: str) -> list[Finding]:
    """Without a case, the text's own words about time ("we met yesterday") feed the ``late`` rule.

    A follow-up or second attempt that says the interview (or the last message) was
    yesterday or today is too early; a thank-you that says it was last week is too late.

    Examples
    --------
    >>> [f.message[:40] for f in relative_time_findings("follow_up", "Hi Sam, we spoke yesterday. Any news?")]
    ['You write that it was yesterday: a follo']
    >>> relative_time_findings("thank_you", "Thank you for meeting me yesterday.")
    []
    """
    if kind in ("follow_up", "second_attempt"):
        match = _SOON_EVENT.search(text)
        if match:
            when = match.group(1) or match.group(2)
            what = "a follow-up" if kind == "follow_up" else "one more attempt"
            wait = ("until the decision date has passed by a couple of business days" if kind == "follow_up"
                    else "about a week after your follow-up")
            return [Finding("late", "error", f"You write that it was {when.lower()}: {what} this soon reads as "
                            f"over-eager. Wait {wait}.", *match.span())]
    if kind == "thank_you":
        match = _LATER_EVENT.search(text)
        if match:
            when = match.group(1) or match.group(2)
            return [Finding("late", "error", f"You write that the interview was {when.lower()}: the thank-you "
                            "is due within a day. Send it anyway, short and without a long apology.", *match.span())]
    return []


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
