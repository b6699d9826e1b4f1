"""Would a message sent on a given day be too early, on time or late? The send-date verdict.

:func:`send_verdict` answers the learner's question "when would you send it?" for one
kind of message and one day. It reads the same windows the advisor and the plan read
(:func:`~followup_lib.etiquette.windows.windows`) and the reviewer's timing rule
(:func:`~followup_lib.messages.timing.timing_findings`), so the verdict, the advice of
the day and the review of a draft never disagree about a date:

- a **follow-up** is too early before ``follow_up_due`` (``FOLLOW_UP_GRACE`` business
  days after the decision date), on time until ``follow_up_late_after``
  (``LATE_AFTER``, an assumption), ideally by ``follow_up_ideal_end``, and late after it;
- **one more attempt** is too early before ``second_attempt_due`` (``SECOND_ATTEMPT_AFTER``
  business days after the follow-up, never before the follow-up date) and while no
  follow-up is logged; it is late once the move-on date it would have had if sent when
  due has passed (``MOVE_ON_AFTER`` later: by then the move was the employer's). The
  engine has no late rule of its own for a second attempt; this reading uses only its
  windows;
- a **thank-you** is on time within ``THANK_YOU_WINDOW`` of the interview (a bare date
  counts on the deadline's day) and late after;
- a **call** is too early before the call window opens and late when a follow-up would be.

A third attempt after a follow-up and a second attempt is ``too_many``, whatever the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from followup_lib.errors import InputError
from followup_lib.etiquette.calls import call_window_opens
from followup_lib.etiquette.case import Case, Contact
from followup_lib.etiquette.kinds import ContactKind, TextEnum
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.timefields import check_date_range
from followup_lib.etiquette.windows import Windows, as_of, windows


class Timing(TextEnum):
    """The verdict on a send date."""

    TOO_EARLY = "too_early"
    ON_TIME = "on_time"
    LATE = "late"
    TOO_MANY = "too_many"


#: How each verdict is said: (words, icon as an HTML entity, the same icon as text, border colour).
#: The icons are in the common system fonts (no emoji font needed); the colours are Okabe-Ito.
#: The words and the icon carry the meaning on their own.
TIMING_LOOK = {
    Timing.TOO_EARLY: ("Too early", "&#9719;", "\u25f7", "#E69F00"),   # a clock face: not yet
    Timing.ON_TIME: ("On time", "&#10004;", "\u2714", "#009E73"),      # a check mark
    Timing.LATE: ("Late", "&#9888;", "\u26a0", "#D55E00"),             # a warning sign
    Timing.TOO_MANY: ("One too many", "&#8856;", "\u2298", "#CC79A7"), # a circled slash: no more
}
#: The message kinds as a sentence names them.
KIND_WORDS = {ContactKind.THANK_YOU: "thank-you email", ContactKind.FOLLOW_UP: "follow-up email",
              ContactKind.SECOND_ATTEMPT: "second attempt", ContactKind.CALL: "call"}


@dataclass(frozen=True)
class SendVerdict:
    """The verdict on sending one kind of message on one day. See :func:`send_verdict`.

    Attributes
    ----------
    kind : ContactKind
        ``thank_you``, ``follow_up``, ``second_attempt`` or ``call``.
    send : date
        The day it would go out (in the interview's timezone).
    timing : Timing
        ``too_early``, ``on_time``, ``late`` or ``too_many``.
    reason : str
        Why, in one or two sentences, with the dates.
    earliest, ideal_by, late_after : date or None
        The window this kind is judged by: not before ``earliest``, ideally by
        ``ideal_by`` (follow-ups only), late after ``late_after``; None where a kind has
        no such bound (or, for ``too_many``, no window at all).
    findings : tuple of Finding
        The reviewer's timing findings for that day (rules ``late``,
        ``too_many_contacts``, ``call_not_permitted``), empty when it has nothing to say.
    """

    kind: ContactKind
    send: date
    timing: Timing
    reason: str
    earliest: date | None = None
    ideal_by: date | None = None
    late_after: date | None = None
    findings: tuple = ()

    @property
    def label(self) -> str:
        """The verdict in words: "Too early", "On time", "Late" or "One too many"."""
        return TIMING_LOOK[self.timing][0]

    @property
    def icon(self) -> str:
        """A plain-text icon for the verdict (the words say it too)."""
        return TIMING_LOOK[self.timing][2]

    @property
    def ok(self) -> bool:
        """True when the day is inside the window."""
        return self.timing == Timing.ON_TIME

    def window_text(self) -> str:
        """The window in a few words, e.g. "from Tue 24 Nov, ideally by Wed 25 Nov, late after Mon 07 Dec"."""
        parts = []
        if self.earliest is not None:
            parts.append(f"from {self.earliest:%a %d %b}")
        if self.ideal_by is not None:
            parts.append(f"ideally by {self.ideal_by:%a %d %b}")
        if self.late_after is not None:
            parts.append(f"late after {self.late_after:%a %d %b}")
        return ", ".join(parts)

    def to_dict(self) -> dict:
        """JSON-ready: ``kind``, ``send``, ``timing``, ``label``, ``reason`` and the window's ISO dates."""
        iso = lambda day: None if day is None else day.isoformat()  # noqa: E731
        return {"kind": str(self.kind), "send": self.send.isoformat(), "timing": str(self.timing),
                "label": self.label, "reason": self.reason, "earliest": iso(self.earliest),
                "ideal_by": iso(self.ideal_by), "late_after": iso(self.late_after),
                "findings": [f.to_dict() for f in self.findings]}

    def __str__(self) -> str:
        window = self.window_text()
        return f"{self.icon} {self.label}: {self.reason}" + (f"\nWindow: {window}." if window else "")

    def _repr_html_(self) -> str:
        words, icon, _, colour = TIMING_LOOK[self.timing]
        window = self.window_text()
        return (f'<div class="fc-verdict" data-timing="{escape(str(self.timing))}" '
                f'style="border-left:6px solid {colour};padding:0.4em 0.8em">'
                f'<div class="fc-verdict-head" style="font-size:1.2em;font-weight:bold">{icon} {escape(words)}'
                f'<span style="font-weight:normal"> &middot; {escape(KIND_WORDS[self.kind])} on '
                f"{self.send:%a %d %b %Y}</span></div>"
                f'<div class="fc-verdict-reason">{escape(self.reason)}</div>'
                + (f'<div class="fc-verdict-window">Window: {escape(window)}.</div>' if window else "")
                + "</div>")


def send_verdict(case: Case, kind: str, send: date | datetime, *, params: Params = DEFAULTS) -> SendVerdict:
    """Say whether a message of ``kind`` sent on ``send`` is too early, on time or late, and why.

    Parameters
    ----------
    case : Case
        The case; contacts and responses logged after ``send`` are left out (as the
        advisor does for its day).
    kind : {"follow_up", "second_attempt", "thank_you", "call"}
    send : date or datetime
        When it would go out: a date, or for a thank-you a moment with its timezone.
    params : Params, optional

    Returns
    -------
    SendVerdict

    Raises
    ------
    InputError
        ``kind`` unknown, or ``send`` before the interview ended or outside 1970-2099.

    Examples
    --------
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    >>> [str(send_verdict(case, "follow_up", date(2026, 11, d)).timing) for d in (23, 24, 30)]
    ['too_early', 'on_time', 'on_time']
    >>> send_verdict(case, "follow_up", date(2026, 12, 8)).label      # 10 business days after Fri 20
    'Late'
    >>> print(send_verdict(case, "follow_up", date(2026, 11, 25)))  # doctest: +NORMALIZE_WHITESPACE
    ✔ On time: Wednesday, November 25 is inside the ideal window: 2 to 3 business days after the
    decision date (Friday, November 20).
    Window: from Tue 24 Nov, ideally by Wed 25 Nov, late after Mon 07 Dec.
    >>> followed = case.with_contact(Contact(date(2026, 11, 24), "follow_up"))
    >>> [send_verdict(followed, "second_attempt", date(2026, m, d)).label for m, d in ((11, 27), (12, 2), (12, 10))]
    ['Too early', 'On time', 'Late']
    """
    from followup_lib.messages.kinds import spoken_date  # the reviewer's wording of dates
    from followup_lib.messages.timing import timing_findings

    kind = ContactKind.parse(kind, "kind")
    if not isinstance(send, date):
        raise InputError("send_date", f"must be a date, not {send!r}"[:80], "pick the day you would send it")
    check_date_range(send, "send_date")
    findings = tuple(timing_findings(str(kind), case, send, params=params))  # InputError before the interview
    day = case.local_date(send)
    now = as_of(case, day)
    win = windows(now, today=day, params=params)
    return _JUDGES[kind](_Facts(now, kind, send, day, win, params, findings, spoken_date))


@dataclass(frozen=True)
class _Facts:
    """What every judge reads."""

    case: Case
    kind: ContactKind
    send: date | datetime
    day: date
    win: Windows
    params: Params
    findings: tuple
    spoken: object

    def finding(self, rule: str):
        return next((f for f in self.findings if f.rule == rule), None)

    def verdict(self, timing: Timing, reason: str, **window) -> SendVerdict:
        return SendVerdict(self.kind, self.day, timing, reason + self.day_off_note(), findings=self.findings, **window)

    def assumed(self) -> str:
        return "" if self.win.timeline_stated else " (assumed: no timeline was given)"

    def day_off_note(self) -> str:
        """A note when the day is a weekend day or a public holiday (the message waits in the inbox)."""
        cal = self.case.calendar
        if cal.is_business_day(self.day) or self.kind == ContactKind.THANK_YOU:
            return ""
        holiday = cal.holiday_name(self.day)
        what = f"is {holiday}" if holiday else "falls on a weekend"
        return (f" {self.spoken(self.day)} {what}, not a business day: it will probably be read on "
                f"{self.spoken(cal.next_business_day(self.day))}.")


def _follow_up(f: _Facts) -> SendVerdict:
    win, spoken = f.win, f.spoken
    window = {"earliest": win.follow_up_due, "ideal_by": win.follow_up_ideal_end,
              "late_after": win.follow_up_late_after}
    if len(win.attempts) >= 2:
        return _too_many(f)
    earlier = [c for c in win.attempts if f.case.local_date(c.at) < f.day]
    note = (f" You logged a follow-up on {spoken(f.case.local_date(earlier[0].at))} already: another "
            "message now counts as one more attempt.") if earlier else ""
    late = f.finding("late")
    if late is not None:
        timing = Timing.TOO_EARLY if f.day < win.follow_up_due else Timing.LATE
        return f.verdict(timing, late.message + note, **window)
    decision = f"{spoken(win.decision_date)}{f.assumed()}"
    if f.day <= win.follow_up_ideal_end:
        low, high = f.params.follow_up_grace, f.params.follow_up_ideal_max
        span = f"{low} to {high}" if high > low else f"{low}"
        reason = (f"{spoken(f.day)} is inside the ideal window: {span} business days after the decision "
                  f"date ({decision}).")
    else:
        reason = (f"{spoken(f.day)} is on time, though past the ideal window (by "
                  f"{spoken(win.follow_up_ideal_end)}): send it soon, as after "
                  f"{spoken(win.follow_up_late_after)} it reads as uninterested.")
    return f.verdict(Timing.ON_TIME, reason + note, **window)


def _second_attempt(f: _Facts) -> SendVerdict:
    win, spoken, case = f.win, f.spoken, f.case
    if len(win.attempts) >= 2:
        return _too_many(f)
    if not win.attempts:
        late = f.finding("late")
        reason = late.message if late is not None else (
            "No follow-up is logged yet: send one follow-up first; one more attempt comes about a week "
            "after it. If you did send one, add its date to the form.")
        return f.verdict(Timing.TOO_EARLY, reason, earliest=win.follow_up_due)
    first = case.local_date(win.attempts[0].at)
    due = win.second_attempt_due
    # The move-on date the second attempt would have had, sent on the day it fell due.
    closes = windows(case.with_contact(Contact(due, ContactKind.SECOND_ATTEMPT)), params=f.params).move_on_due
    window = {"earliest": due, "late_after": closes}
    if f.day < due:
        late = f.finding("late")
        return f.verdict(Timing.TOO_EARLY, late.message if late else
                         f"You followed up on {spoken(first)}: wait until {spoken(due)}.", **window)
    if f.day > closes:
        return f.verdict(Timing.LATE, f"One more attempt was due on {spoken(due)}; by {spoken(closes)} the move "
                         "was the employer's. If you still write, keep it short and gracious, and keep applying "
                         "elsewhere.", **window)
    gap = case.calendar.business_days_between(first, f.day)
    return f.verdict(Timing.ON_TIME, f"{spoken(f.day)} is {gap} business days after your follow-up on "
                     f"{spoken(first)}: about a week of silence, so one more attempt is due, to the hiring "
                     "manager or an HR contact.", **window)


def _thank_you(f: _Facts) -> SendVerdict:
    due = f.win.thank_you_due
    window = {"earliest": f.case.interview_date, "late_after": due.date()}
    late = f.finding("late")
    if late is not None:
        return f.verdict(Timing.LATE, late.message, **window)
    return f.verdict(Timing.ON_TIME, f"Inside the {f.params.thank_you_hours}-hour window, which closes on "
                     f"{f.spoken(due.date())} at {due:%H:%M}.", **window)


def _call(f: _Facts) -> SendVerdict:
    win, spoken = f.win, f.spoken
    if len(win.attempts) >= 2:
        return _too_many(f)
    opens = call_window_opens(f.case, win)
    window = {"earliest": opens, "late_after": win.follow_up_late_after}
    channel = f.finding("call_not_permitted")
    extra = f" {channel.message}" if channel is not None else ""
    late = f.finding("late")
    if late is not None:
        timing = Timing.TOO_EARLY if f.day < opens else Timing.LATE
        return f.verdict(timing, late.message + extra, **window)
    return f.verdict(Timing.ON_TIME, f"{spoken(f.day)} is inside the call window, from {spoken(opens)}: "
                     "keep it under two minutes and apply no pressure." + extra, **window)


def _too_many(f: _Facts) -> SendVerdict:
    found = f.finding("too_many_contacts")
    return f.verdict(Timing.TOO_MANY, found.message if found else (
        "You have already followed up and tried once more: the move is now the employer's."))


_JUDGES = {ContactKind.FOLLOW_UP: _follow_up, ContactKind.SECOND_ATTEMPT: _second_attempt,
           ContactKind.THANK_YOU: _thank_you, ContactKind.CALL: _call}
