"""``advise(case, today=...) -> Advice``: what to do next, and why.

The advisor is a pure function over the windows of
:func:`~followup_lib.etiquette.windows.windows` (where every dated rule lives) and the
parameters of :mod:`followup_lib.etiquette.params`. It reads the case as it stood on
``today`` (anything logged later is ignored), so an instructor can replay a scenario day
by day.

The rules, in order:

1. A decision from the employer ends the case (``done``).
2. No thank-you yet: ``send_thank_you`` within the window, ``thank_you_late`` after
   it (until the follow-up falls due), else a warning and on to the follow-up.
3. An update from the employer that the candidate has not answered: ``reply_to_employer``.
4. Each new timeline from the employer starts the rules again from its date
   (``follow_new_timeline`` while waiting for it); an update restarts the silence clock.
5. No attempt yet: ``wait`` until the follow-up falls due, then ``send_follow_up``.
6. One attempt: ``wait`` until one more attempt is due, then ``second_attempt``.
7. Two attempts: ``wait`` until the move-on date, then ``move_on``.

No attempt is ever advised before the follow-up date of the current timeline, whatever
was sent early. A warning about something already sent (too early, too late, too many
contacts, a call with no exception) is given once, in the advice for the day it was sent.

Warnings carry a rule id (:data:`WARNING_RULES`), as the reviewer's findings do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from followup_lib.clock import resolve_today
from followup_lib.etiquette.calls import business_days_since, call_permission
from followup_lib.etiquette.case import Case, Contact  # noqa: F401  (Contact: doctests)
from followup_lib.etiquette.kinds import Action, Channel, EpochKind, ResponseKind
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.stages import stage
from followup_lib.etiquette.timefields import check_date_range
from followup_lib.etiquette.windows import Windows, as_of, windows

ACTIONS = Action.values()

HEADLINES = {
    Action.SEND_THANK_YOU: "Send your thank-you email now.",
    Action.THANK_YOU_LATE: "Your thank-you is late: send a short one today anyway.",
    Action.WAIT: "Wait. Nothing to send yet.",
    Action.SEND_FOLLOW_UP: "Send one follow-up email that adds something of value.",
    Action.SECOND_ATTEMPT: "Make one more attempt, to the hiring manager or an HR contact.",
    Action.FOLLOW_NEW_TIMELINE: "The employer gave a new date: wait for it.",
    Action.REPLY_TO_EMPLOYER: "The employer wrote to you: reply briefly and warmly.",
    Action.MOVE_ON: "Move on: the next move is the employer's. Keep applying.",
    Action.DONE: "The employer has decided. Nothing more to send.",
}

#: Rule ids of advice warnings, with what each means.
WARNING_RULES = {
    "no_timeline": "no decision date was given, so one is assumed",
    "thank_you_late": "the thank-you went out (or would go out) after its window",
    "thank_you_not_email": "the thank-you was a call, not an email",
    "no_thank_you": "no thank-you was sent before the follow-up fell due",
    "too_early": "an attempt went out before the follow-up date",
    "too_late": "the follow-up went out, or is still to go out, after the late date",
    "too_many_contacts": "attempts came too close together, or more than two were made",
    "call_not_permitted": "a call was made that no exception permits",
}


@dataclass(frozen=True)
class Reason:
    """One reason behind the advice, tied to the stage whose rule it applies."""

    stage: int
    text: str

    def __str__(self) -> str:
        return f"{stage(self.stage).label()}: {self.text}"


class AdviceWarning(str):
    """One warning in the advice: the sentence itself (a ``str``), with its rule id in ``rule``.

    Examples
    --------
    >>> w = AdviceWarning("too_early", "too early: wait for the date.")
    >>> w.rule, w.startswith("too early")
    ('too_early', True)
    """

    rule: str

    def __new__(cls, rule: str, text: str):
        if rule not in WARNING_RULES:
            raise ValueError(f"unknown warning rule {rule!r}")
        warning = super().__new__(cls, text)
        warning.rule = rule
        return warning

    def __reduce__(self):
        return AdviceWarning, (self.rule, str(self))


@dataclass(frozen=True)
class Advice:
    """What to do next in a case. See :func:`advise`.

    ``dates`` holds the :class:`~followup_lib.etiquette.windows.Windows` the advice was
    read from; ``warnings`` are :class:`AdviceWarning` (``str()`` gives the sentence).
    """

    action: Action
    stage: int
    channel: Channel
    call_permitted: bool
    call_reasons: tuple[str, ...]
    next_date: date | None
    reasons: tuple[Reason, ...]
    warnings: tuple[AdviceWarning, ...]
    dates: Windows

    @property
    def headline(self) -> str:
        """One sentence a participant can act on."""
        if self.action == Action.WAIT and self.stage == 7:
            return "Nothing more to send: the next move is the employer's. Keep applying meanwhile."
        if self.action in (Action.SEND_FOLLOW_UP, Action.SECOND_ATTEMPT) and self.channel == Channel.PHONE:
            return "Make one short, prepared call (or send an email if you prefer)."
        return HEADLINES[self.action]

    def to_dict(self) -> dict:
        """The advice as JSON-ready data (the ``followup advise --format json`` output)."""
        return {
            "action": str(self.action), "headline": self.headline,
            "stage": self.stage, "stage_id": str(stage(self.stage).id), "stage_title": stage(self.stage).title,
            "channel": str(self.channel), "call_permitted": self.call_permitted,
            "call_reasons": list(self.call_reasons),
            "next_date": self.next_date.isoformat() if self.next_date else None,
            "reasons": [str(r) for r in self.reasons], "warnings": [str(w) for w in self.warnings],
            "warning_rules": [w.rule for w in self.warnings],
            "dates": self.dates.to_dict(),
        }

    def __str__(self) -> str:
        from followup_lib.etiquette.render import advice_text

        return advice_text(self)

    def _repr_html_(self) -> str:
        from followup_lib.etiquette.render_html import advice_html

        return advice_html(self)


def advise(case: Case, *, today: date | datetime | None = None, params: Params = DEFAULTS) -> Advice:
    """Advise a candidate on what to do next.

    Parameters
    ----------
    case : Case
        The case; contacts and responses dated after ``today`` are ignored.
    today : date or datetime, optional
        The day (or moment, for the thank-you's 24-hour window) the advice is for;
        :func:`followup_lib.clock.today` when left out.
    params : Params, optional
        Etiquette parameters; defaults from :mod:`followup_lib.etiquette.params`.

    Returns
    -------
    Advice
        ``action`` is an :class:`~followup_lib.etiquette.kinds.Action`; ``next_date`` is
        the day the action falls due: a business day, except for a thank-you, which goes
        out within its window whatever the day (None when nothing more falls due).

    Examples
    --------
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    >>> advise(case, today=date(2026, 11, 16)).action
    'send_thank_you'
    >>> case = case.with_contact(Contact(date(2026, 11, 16), "thank_you"))
    >>> a = advise(case, today=date(2026, 11, 18))
    >>> str(a.action), a.next_date
    ('wait', datetime.date(2026, 11, 24))
    >>> advise(case, today=date(2026, 11, 24)).action == "send_follow_up"
    True
    """
    moment = resolve_today(today)
    day = case.local_date(moment) if isinstance(moment, datetime) else moment
    check_date_range(day, "today")
    now = as_of(case, day)
    return _Context(now, day, moment, windows(now, today=day, params=params), params).decide()


class _Context:
    """The working state of one call of :func:`advise`."""

    def __init__(self, case: Case, day: date, moment, win: Windows, params: Params):
        self.case, self.day, self.moment, self.win, self.params = case, day, moment, win, params
        self.cal = case.calendar
        self.reasons: list[Reason] = []
        self.warnings: list[AdviceWarning] = []

    def warn(self, rule: str, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(AdviceWarning(rule, text))

    def now_due(self) -> date:
        """The first business day from today: when an action due now can go out."""
        return self.cal.next_business_day(self.day)

    def finish(self, action: Action, stage_no: int, next_date: date | None) -> Advice:
        permitted, why = call_permission(self.case, self.day, self.win)
        channel = Channel.EMAIL
        if action in (Action.SEND_FOLLOW_UP, Action.SECOND_ATTEMPT) and permitted \
                and self.case.preferred_channel == Channel.PHONE:
            channel = Channel.PHONE
        if not permitted and action in (Action.SEND_FOLLOW_UP, Action.SECOND_ATTEMPT, Action.WAIT,
                                        Action.FOLLOW_NEW_TIMELINE):
            self.reasons.append(Reason(5, "no exception permits a call, so email stays the channel."))
        if next_date is not None and next_date > self.day and action in (
                Action.SEND_FOLLOW_UP, Action.SECOND_ATTEMPT, Action.REPLY_TO_EMPLOYER):
            holiday = self.cal.holiday_name(self.day)
            today_is = f"today is {holiday}" if holiday else "today is not a business day"
            self.reasons.append(Reason(stage_no, f"{today_is}, so it falls due on {next_date:%a %d %b}."))
        return Advice(action, stage_no, channel, permitted, tuple(why), next_date,
                      tuple(self.reasons), tuple(self.warnings), self.win)

    def decide(self) -> Advice:
        case, win = self.case, self.win
        if self.day < case.interview_date:
            self.reasons.append(Reason(1, "before you leave, ask for the next steps, a decision date and a named contact."))
            return self.finish(Action.WAIT, 1, self.cal.next_business_day(case.interview_date))
        if case.responses_of(ResponseKind.DECISION):
            self.reasons.append(Reason(7, "the employer has given their decision; the case is closed."))
            return self.finish(Action.DONE, 7, None)
        if not win.timeline_stated and not win.attempts and win.epoch == EpochKind.INITIAL:
            self.warn("no_timeline", f"no timeline given: assuming a decision within "
                      f"{self.params.default_decision_business_days} business days ({win.decision_date:%a %d %b}); "
                      "next time ask for a date before you leave.")
        thank_you = self.thank_you_step()
        if thank_you is not None:
            return thank_you
        if win.awaiting_reply:
            self.reasons.append(Reason(6, "the employer wrote to you; a short, warm reply keeps the door open "
                                          "and does not count as a follow-up."))
            return self.finish(Action.REPLY_TO_EMPLOYER, 6, self.now_due())
        self.check_todays_attempts()
        return self.attempt_step()

    def thank_you_step(self) -> Advice | None:
        win, sent = self.win, self.win.thank_you_sent
        due = win.thank_you_due
        if sent is not None:
            if self.case.local_date(sent.at) == self.day:
                if win.thank_you_late(sent.at):
                    self.warn("thank_you_late", f"too late: the thank-you went out after the "
                              f"{self.params.thank_you_hours}-hour window ({due:%a %d %b %H:%M}); "
                              "next time send it the same day.")
                if sent.channel == Channel.PHONE:
                    self.warn("thank_you_not_email", "the thank-you should be an email, not a call.")
            return None
        if not win.thank_you_late(self.moment):
            self.reasons.append(Reason(2, f"thank the interviewer by email by {due:%a %d %b %H:%M %Z}: "
                                          "their time, your interest, one topic you discussed, next steps."))
            return self.finish(Action.SEND_THANK_YOU, 2, due.date())
        if not win.attempts and self.day < win.follow_up_due:
            self.warn("thank_you_late", f"too late for an on-time thank-you (due {due:%a %d %b %H:%M}); "
                      "a short one today still helps.")
            self.reasons.append(Reason(2, "a late thank-you is better than none, as long as it is short and sincere."))
            return self.finish(Action.THANK_YOU_LATE, 2, self.day)
        if not win.attempts:
            self.warn("no_thank_you", "no thank-you was sent; put your thanks into the follow-up email instead.")
        return None

    def check_todays_attempts(self) -> None:
        """Warnings about attempts sent today (each is warned about once, on its own day)."""
        case, win, gap = self.case, self.win, self.params.second_attempt_after
        days = [case.local_date(c.at) for c in win.attempts]
        for i, (contact, sent) in enumerate(zip(win.attempts, days)):
            if sent != self.day:
                continue
            if sent < win.follow_up_due:
                self.warn("too_early", f"too early: this went out on {sent:%a %d %b}, before the follow-up date "
                          f"({win.follow_up_due:%a %d %b}); early contact can read as over-eager.")
            if i == 0 and sent > win.follow_up_late_after:
                self.warn("too_late", f"too late: the follow-up went out on {sent:%a %d %b}, more than "
                          f"{self.params.late_after} business days after the decision date.")
            if i > 0 and self.cal.business_days_between(days[i - 1], sent) < gap:
                self.warn("too_many_contacts", f"too many contacts: {sent:%a %d %b} came less than {gap} business days "
                          f"after {days[i - 1]:%a %d %b}.")
            if i >= 2:
                self.warn("too_many_contacts", f"too many contacts: {i + 1} follow-ups; after one follow-up and "
                          "one more attempt the next move is the employer's.")
            if contact.channel == Channel.PHONE and not call_permission(case, sent, win)[0]:
                self.warn("call_not_permitted", f"the call on {sent:%a %d %b} had no exception that permits calling.")

    def waiting_text(self) -> str:
        """Why to wait, worded for before or just after the decision date."""
        win = self.win
        decision, due = f"{win.decision_date:%a %d %b}", f"{win.follow_up_due:%a %d %b}"
        if win.epoch == EpochKind.UPDATE:
            return f"the employer's update restarted the clock: give them until {due} before you follow up."
        if self.day <= win.decision_date:
            return f"the decision is due {decision}; silence before then means nothing. Follow up from {due}."
        return (f"the decision date ({decision}) has just passed; decisions often slip by a day or two, "
                f"so follow up from {due}.")

    def attempt_step(self) -> Advice:
        win, p, n = self.win, self.params, len(self.win.attempts)
        if n == 0:
            if self.day < win.follow_up_due:
                action = Action.FOLLOW_NEW_TIMELINE if win.epoch == EpochKind.NEW_TIMELINE else Action.WAIT
                stage_no = 6 if action == Action.FOLLOW_NEW_TIMELINE else 3
                self.reasons.append(Reason(stage_no, self.waiting_text()))
                return self.finish(action, stage_no, win.follow_up_due)
            if self.day > win.follow_up_late_after:
                self.warn("too_late", f"late: the decision date passed more than {p.late_after} business days "
                          "ago; send the follow-up now and keep it gracious.")
            self.reasons.append(Reason(4, f"the decision date ({win.decision_date:%a %d %b}) passed "
                                          f"{business_days_since(self.case, win.decision_date, self.day)} ago: "
                                          "follow up once, thanking them and adding something of value."))
            return self.finish(Action.SEND_FOLLOW_UP, 4, self.now_due())
        if n == 1:
            due, first = win.second_attempt_due, self.case.local_date(win.attempts[0].at)
            if self.day < due:
                why = (f"your first message went out on {first:%a %d %b}, before the follow-up date; the rules "
                       f"still count from that date, so one more attempt is due on {due:%a %d %b}, not before."
                       if first < win.follow_up_due else
                       f"give them about a week: one more attempt is due on {due:%a %d %b}, not before.")
                self.reasons.append(Reason(6, why))
                return self.finish(Action.WAIT, 6, due)
            self.reasons.append(Reason(6, f"{p.second_attempt_after} business days of silence since your follow-up: "
                                          "one more attempt, to the hiring manager or an HR contact."))
            return self.finish(Action.SECOND_ATTEMPT, 6, self.now_due())
        if self.day < win.move_on_due:
            self.reasons.append(Reason(7, "you have followed up twice: the next move is the employer's. "
                                          "Keep applying meanwhile."))
            return self.finish(Action.WAIT, 7, win.move_on_due)
        self.reasons.append(Reason(7, "silence after a thank-you, a follow-up and one more attempt: move on. "
                                      "It often has causes you cannot see, such as a cut position or an internal hire."))
        return self.finish(Action.MOVE_ON, 7, None)
