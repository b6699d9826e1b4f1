"""Stage 5 in one answer: may the candidate call, and if not, why not and from when?

:func:`call_verdict` reads the engine and words its answer; it decides nothing of its own.
Whether a call is permitted is :func:`~followup_lib.etiquette.calls.call_permission`;
the first day it can be is :func:`~followup_lib.etiquette.calls.call_window_opens` over
the case's :class:`~followup_lib.etiquette.windows.Windows`; what to do today is the
advisor's. The verdict adds, for each of the three exceptions, a plain sentence saying
whether it holds and, when it does not, why not.

The three exceptions to "email, not a call":

- (a) a stated decision date passed ``CALL_AFTER_DEADLINE`` business days ago with no word
  from the employer since;
- (b) the interviewer invited a call;
- (c) the candidate's field is one where a follow-up call is customary.

A verdict's ``status`` is what to do about a call today: ``yes`` (a call is acceptable and
a contact is due now), ``not_yet`` (from ``call_from``) or ``no`` (no exception can hold,
or there is nothing left to chase). ``permitted`` is exactly ``call_permission``'s answer:
with (b) or (c) it is True even while the timeline is still running, and ``status`` then
says ``not_yet``, because nothing goes out before the follow-up date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from followup_lib.clock import resolve_today
from followup_lib.etiquette.advisor import Advice, advise
from followup_lib.etiquette.calls import business_days_since, call_permission, call_window_opens, \
    standing_call_exception
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.kinds import Action, Channel, ResponseKind, TextEnum, TimelineSource
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.windows import Windows, as_of

#: The three exceptions, by key, as a short title each.
EXCEPTION_TITLES = {
    "a": "A stated decision date passed several business days ago, with no word",
    "b": "The interviewer invited you to call",
    "c": "Your field expects a follow-up call",
}
#: Actions after which a contact goes out today (by email, or by phone when permitted).
_CONTACT_NOW = (Action.SEND_FOLLOW_UP, Action.SECOND_ATTEMPT)
#: Actions that wait for a date: a call can come no earlier than the advice's next date.
_WAITING = (Action.WAIT, Action.FOLLOW_NEW_TIMELINE)


class CallStatus(TextEnum):
    """What to do about a call today."""

    YES = "yes"
    NOT_YET = "not_yet"
    NO = "no"


#: Icon and word of each status, so that none depends on colour (WCAG 1.4.1).
STATUS_LOOK = {
    CallStatus.YES: ("&#10004;", "Yes", "#009E73"),
    CallStatus.NOT_YET: ("&#9684;", "Not yet", "#555555"),
    CallStatus.NO: ("&#10006;", "No", "#D55E00"),
}


@dataclass(frozen=True)
class CallException:
    """One of the three exceptions: whether it holds on the verdict's day, and why (not).

    Attributes
    ----------
    key : str
        ``"a"``, ``"b"`` or ``"c"``.
    holds : bool
    text : str
        One sentence, starting with ``(a)``, ``(b)`` or ``(c)``.
    """

    key: str
    holds: bool
    text: str

    @property
    def title(self) -> str:
        """The exception in a few words."""
        return EXCEPTION_TITLES[self.key]


@dataclass(frozen=True)
class CallVerdict:
    """Whether a follow-up call is acceptable on one day. See :func:`call_verdict`.

    Attributes
    ----------
    day : date
    status : CallStatus
        ``yes``, ``not_yet`` or ``no``: what to do about a call today.
    permitted : bool
        An exception holds today (exactly :func:`~followup_lib.etiquette.calls.call_permission`).
    exceptions : tuple of CallException
        (a), (b) and (c), in that order, each holding or not, with why.
    opens : date or None
        The first day an exception permits a call (``call_window_opens``); None when none can.
    call_from : date or None
        With ``not_yet``: the first day a call is acceptable as the next step (never before
        ``opens``, nor before the next contact the advice allows); ``day`` with ``yes``.
    channel : Channel
        The recommended channel: email, unless a call is acceptable and the employer prefers phone.
    headline, detail : str
        The answer in one sentence, and what it means for today.
    advice : Advice
        The advice for the day the verdict was read from.
    """

    day: date
    status: CallStatus
    permitted: bool
    exceptions: tuple[CallException, ...]
    opens: date | None
    call_from: date | None
    channel: Channel
    headline: str
    detail: str
    advice: Advice

    @property
    def holding(self) -> tuple[str, ...]:
        """Keys of the exceptions that hold, e.g. ``('a', 'b')``."""
        return tuple(e.key for e in self.exceptions if e.holds)

    @property
    def call_now(self) -> bool:
        """True when a short, prepared call is acceptable today."""
        return self.status == CallStatus.YES

    def __str__(self) -> str:
        lines = [self.headline, self.detail, ""]
        lines += [f"  {'holds        ' if e.holds else 'does not hold'}  {e.text}" for e in self.exceptions]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return verdict_html(self)


def call_verdict(case: Case, *, today: date | datetime | None = None, params: Params = DEFAULTS) -> CallVerdict:
    """Say whether a follow-up call is acceptable on ``today``, which exceptions hold, and why.

    Parameters
    ----------
    case : Case
        The case; contacts and responses dated after ``today`` are ignored.
    today : date or datetime, optional
        The day to decide for; :func:`followup_lib.clock.today` when left out.
    params : Params, optional
        Etiquette parameters (``call_after_deadline`` is "several business days").

    Returns
    -------
    CallVerdict

    Examples
    --------
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20",
    ...                        "contacts": [{"at": "2026-11-16", "kind": "thank_you"}]})
    >>> v = call_verdict(case, today=date(2026, 11, 23))
    >>> str(v.status), v.permitted, v.call_from
    ('not_yet', False, datetime.date(2026, 11, 25))
    >>> print(v.exceptions[0].text)
    (a) the stated date, Fri 20 Nov, passed only 1 business day ago: calls are acceptable from Wed 25 Nov.
    >>> v = call_verdict(case, today=date(2026, 11, 25))
    >>> str(v.status), v.holding, str(v.channel)
    ('yes', ('a',), 'email')
    >>> call_verdict(Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00"}),
    ...              today=date(2026, 12, 2)).headline
    'No call: none of the three exceptions holds, so email stays your channel.'
    """
    moment = resolve_today(today)
    day = case.local_date(moment) if isinstance(moment, datetime) else moment
    advice = advise(case, today=day, params=params)
    now, win = as_of(case, day), advice.dates
    opens = _opens(now, day, win)
    exceptions = (_exception_a(now, day, win, advice), _standing("b", advice), _standing("c", advice))
    status, call_from = _status(advice, day, opens, win)
    headline, detail = _words(status, call_from, advice)
    return CallVerdict(day=day, status=status, permitted=advice.call_permitted, exceptions=exceptions,
                       opens=opens, call_from=call_from, channel=advice.channel if status == CallStatus.YES
                       else Channel.EMAIL, headline=headline, detail=detail, advice=advice)


def _reason(advice: Advice, key: str) -> str | None:
    """The engine's sentence for exception ``key`` when it holds, else None."""
    return next((r for r in advice.call_reasons if r.startswith(f"({key})")), None)


def _a_can_hold(case: Case, day: date, win: Windows) -> bool:
    """Whether (a) holds today or will on its first day, as far as is known today."""
    if win.call_ok_from is None:
        return False
    reasons = call_permission(case, max(day, win.call_ok_from), win)[1]
    return any(r.startswith("(a)") for r in reasons)


def _opens(case: Case, day: date, win: Windows) -> date | None:
    """The first day an exception permits a call, or None when none can."""
    if standing_call_exception(case) or _a_can_hold(case, day, win):
        return call_window_opens(case, win)
    return None


def _exception_a(case: Case, day: date, win: Windows, advice: Advice) -> CallException:
    held = _reason(advice, "a")
    if held:
        return CallException("a", True, held)
    if win.timeline_source == TimelineSource.ASSUMED:
        return CallException("a", False, "(a) no decision date was given, so there is no deadline to pass "
                                         "(ask for one next time).")
    new = win.timeline_source == TimelineSource.NEW_TIMELINE
    deadline = f"{'the new date' if new else 'the stated date'}, {win.decision_date:%a %d %b},"
    if not _a_can_hold(case, day, win):
        word = case.responses_of(ResponseKind.DECISION, ResponseKind.UPDATE)[-1]
        given = "they gave you the new date" if new else "you were given the date"
        return CallException("a", False, f"(a) the employer has been in touch since {given} "
                                         f"{win.decision_date:%a %d %b} (their {word.kind} of "
                                         f"{case.local_date(word.at):%a %d %b}), so there is no silence to break.")
    opens = f"calls are acceptable from {win.call_ok_from:%a %d %b}"
    if day < win.decision_date:
        return CallException("a", False, f"(a) {deadline} is still ahead: {opens} if there is no word by then.")
    if day == win.decision_date:
        return CallException("a", False, f"(a) {deadline} is today: {opens} if there is no word by then.")
    passed = business_days_since(case, win.decision_date, day)
    return CallException("a", False, f"(a) {deadline} passed only {passed} ago: {opens}.")


def _standing(key: str, advice: Advice) -> CallException:
    """Exception (b) or (c): it holds whatever the date, or it does not hold at all."""
    held = _reason(advice, key)
    if held:
        return CallException(key, True, held)
    if key == "b":
        return CallException("b", False, "(b) the interviewer did not invite you to call.")
    return CallException("c", False, "(c) you have not said that your field expects a follow-up call.")


def _status(advice: Advice, day: date, opens: date | None, win: Windows) -> tuple[CallStatus, date | None]:
    """What to do about a call today, and from which day one is acceptable."""
    if _closed(advice):
        return CallStatus.NO, None
    if advice.call_permitted and advice.action in _CONTACT_NOW:  # due now, or on the next business day
        return (CallStatus.YES if advice.next_date <= day else CallStatus.NOT_YET), advice.next_date
    if opens is None:
        return CallStatus.NO, None
    floor = advice.next_date if advice.action in _WAITING else win.follow_up_due
    return CallStatus.NOT_YET, max(d for d in (opens, floor) if d is not None)


def _closed(advice: Advice) -> bool:
    """True when there is nothing left to chase: a decision came, or the move is the employer's."""
    return advice.action in (Action.DONE, Action.MOVE_ON) or (advice.action == Action.WAIT and advice.stage == 7)


def _words(status: CallStatus, call_from: date | None, advice: Advice) -> tuple[str, str]:
    """The verdict's headline and what it means for today."""
    today_advice = f"Today's advice: {advice.headline}"
    if status == CallStatus.YES:
        channel = ("The employer prefers the phone, so a call is the natural channel here."
                   if advice.channel == Channel.PHONE else
                   "Email is still the recommended channel: a call is allowed, not required.")
        return "Yes: a short, prepared call is acceptable today.", channel
    if status == CallStatus.NOT_YET:
        why = "" if not advice.call_permitted else (
            "An exception holds, but today is not a business day. " if advice.action in _CONTACT_NOW else
            "An exception holds, but your next contact is not due before then. ")
        return f"Not yet: a call is acceptable from {call_from:%a %d %b}.", why + today_advice
    if advice.action == Action.DONE:
        return "No call needed: the employer has given their decision.", today_advice
    if _closed(advice):
        return ("No call: you have already followed up and made one more attempt; the next move is the "
                "employer's."), today_advice
    return "No call: none of the three exceptions holds, so email stays your channel.", today_advice


def verdict_html(verdict: CallVerdict) -> str:
    """A verdict as an HTML card: icon and word, headline, detail, and each exception held or not.

    Examples
    --------
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "invited_to_call": True})
    >>> html = verdict_html(call_verdict(case, today=date(2026, 12, 4)))
    >>> "&#10004; Yes" in html, "does not hold" in html
    (True, True)
    """
    icon, _, colour = STATUS_LOOK[verdict.status]
    items = "".join(
        f'<li data-exception="{e.key}" data-holds="{str(e.holds).lower()}">'
        f"{'&#10004; <b>holds</b>' if e.holds else '&#10006; <b>does not hold</b>'}: {escape(e.text)}</li>"
        for e in verdict.exceptions)
    return (f'<div class="fc-call-verdict" data-status="{verdict.status}" '
            f'style="border-left:6px solid {colour};padding:0.4em 0.8em">'
            f'<div class="fc-headline" style="font-size:1.3em;font-weight:bold">{icon} '
            f"{escape(verdict.headline)}</div>"
            f"<div>{escape(verdict.detail)}</div>"
            f"<div>For {verdict.day:%a %d %b %Y} &middot; recommended channel: <b>{escape(verdict.channel)}</b></div>"
            f'<ul class="fc-exceptions">{items}</ul></div>')
