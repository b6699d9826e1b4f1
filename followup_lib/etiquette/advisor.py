"""``advise(situation, today) -> Advice``: what to do next, and why.

The advisor is a pure function over the rules of :mod:`followup_lib.etiquette.stages`
and the parameters of :mod:`followup_lib.etiquette.params`. It reads the case as it
stood on ``today`` (anything logged later is ignored), so an instructor can replay a
scenario day by day.

The rules, in order:

1. A decision from the employer ends the case (``done``).
2. No thank-you yet: ``send_thank_you`` within the window, ``thank_you_late`` after
   it (until the follow-up falls due), else a warning and on to the follow-up.
3. An update from the employer that the candidate has not answered: ``reply_to_employer``.
4. Each new timeline from the employer starts the rules again from its date
   (``follow_new_timeline`` while waiting for it); an update restarts the silence clock.
5. No attempt yet: ``wait`` until the follow-up falls due, then ``send_follow_up``.
6. One attempt: ``wait`` for ``SECOND_ATTEMPT_AFTER`` business days, then ``second_attempt``.
7. Two attempts: ``wait`` for ``MOVE_ON_AFTER`` business days, then ``move_on``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from followup_lib.etiquette.calls import call_permission
from followup_lib.etiquette.epochs import Epoch, current_epoch, second_attempt_due
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.situation import ATTEMPT_KINDS, Contact, Situation  # noqa: F401  (Contact: doctests)
from followup_lib.etiquette.stages import stage
from followup_lib.etiquette.timeline import KeyDates, as_of, key_dates, thank_you_late

ACTIONS = ("send_thank_you", "thank_you_late", "wait", "send_follow_up", "second_attempt",
           "follow_new_timeline", "reply_to_employer", "move_on", "done")

HEADLINES = {
    "send_thank_you": "Send your thank-you email now.",
    "thank_you_late": "Your thank-you is late: send a short one today anyway.",
    "wait": "Wait. Nothing to send yet.",
    "send_follow_up": "Send one follow-up email that adds something of value.",
    "second_attempt": "Make one more attempt, to the hiring manager or an HR contact.",
    "follow_new_timeline": "The employer gave a new date: wait for it.",
    "reply_to_employer": "The employer wrote to you: reply briefly and warmly.",
    "move_on": "Move on: the next move is the employer's. Keep applying.",
    "done": "The employer has decided. Nothing more to send.",
}


@dataclass(frozen=True)
class Reason:
    """One reason behind the advice, tied to the stage whose rule it applies."""

    stage: int
    text: str

    def __str__(self) -> str:
        return f"{stage(self.stage).label()}: {self.text}"


@dataclass(frozen=True)
class Advice:
    """What to do next in a case. See :func:`advise`."""

    action: str
    stage: int
    channel: str
    call_permitted: bool
    call_reasons: tuple[str, ...]
    next_date: date | None
    reasons: tuple[Reason, ...]
    warnings: tuple[str, ...]
    dates: KeyDates

    @property
    def headline(self) -> str:
        """One sentence a participant can act on."""
        if self.action == "wait" and self.stage == 7:
            return "Nothing more to send: the next move is the employer's. Keep applying meanwhile."
        if self.action in ("send_follow_up", "second_attempt") and self.channel == "phone":
            return "Make one short, prepared call (or send an email if you prefer)."
        return HEADLINES[self.action]

    def to_dict(self) -> dict:
        """The advice as JSON-ready data (the ``followup advise --format json`` output)."""
        return {
            "action": self.action, "headline": self.headline,
            "stage": self.stage, "stage_title": stage(self.stage).title,
            "channel": self.channel, "call_permitted": self.call_permitted,
            "call_reasons": list(self.call_reasons),
            "next_date": self.next_date.isoformat() if self.next_date else None,
            "reasons": [str(r) for r in self.reasons], "warnings": list(self.warnings),
            "dates": self.dates.to_dict(),
        }


def _day_of(today: date | datetime, case: Situation) -> date:
    return case.local_date(today) if isinstance(today, datetime) else today


def advise(situation: Situation, today: date | datetime, params: Params = DEFAULTS) -> Advice:
    """Advise a candidate on what to do next.

    Parameters
    ----------
    situation : Situation
        The case; contacts and responses dated after ``today`` are ignored.
    today : date or datetime
        The day (or moment, for the thank-you's 24-hour window) the advice is for.
    params : Params, optional
        Etiquette parameters; defaults from :mod:`followup_lib.etiquette.params`.

    Returns
    -------
    Advice
        ``action`` is one of :data:`ACTIONS`; ``next_date`` is always a business day
        (or None when nothing more falls due).

    Examples
    --------
    >>> case = Situation.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
    ...                             "decision_by": "2026-11-20"})
    >>> advise(case, date(2026, 11, 16)).action
    'send_thank_you'
    >>> case = case.with_contact(Contact(date(2026, 11, 16), "thank_you"))
    >>> a = advise(case, date(2026, 11, 18))
    >>> a.action, a.next_date
    ('wait', datetime.date(2026, 11, 24))
    >>> advise(case, date(2026, 11, 24)).action
    'send_follow_up'
    """
    day = _day_of(today, situation)
    case = as_of(situation, day)
    dates = key_dates(case, params)
    ctx = _Context(case, day, today, dates, params)
    return ctx.decide()


class _Context:
    """The working state of one call of :func:`advise`."""

    def __init__(self, case: Situation, day: date, moment, dates: KeyDates, params: Params):
        self.case, self.day, self.moment, self.dates, self.params = case, day, moment, dates, params
        self.cal = case.calendar
        self.reasons: list[Reason] = []
        self.warnings: list[str] = []

    def business_day_from(self, day: date) -> date:
        return self.cal.next_business_day(max(day, self.day))

    def finish(self, action: str, stage_no: int, next_date: date | None, channel: str = "email") -> Advice:
        permitted, why = call_permission(self.case, self.day, self.dates)
        if action in ("send_follow_up", "second_attempt") and permitted and self.case.preferred_channel == "phone":
            channel = "phone"
        if not permitted and action in ("send_follow_up", "second_attempt", "wait", "follow_new_timeline"):
            self.reasons.append(Reason(5, "no exception permits a call, so email stays the channel."))
        if next_date is not None and next_date > self.day and action in ("send_follow_up", "second_attempt",
                                                                         "reply_to_employer"):
            holiday = self.cal.holiday_name(self.day)
            today_is = f"today is {holiday}" if holiday else "today is not a business day"
            self.reasons.append(Reason(stage_no, f"{today_is}, so it falls due on {next_date:%a %d %b}."))
        return Advice(action, stage_no, channel, permitted, tuple(why), next_date,
                      tuple(self.reasons), tuple(dict.fromkeys(self.warnings)), self.dates)

    def decide(self) -> Advice:
        case = self.case
        if self.day < case.interview_date:
            self.reasons.append(Reason(1, "before you leave, ask for the next steps, a decision date and a named contact."))
            return self.finish("wait", 1, self.business_day_from(case.interview_date))
        if self.dates.timeline_source == "assumed":
            self.warnings.append(
                f"no timeline given: assuming a decision within {self.params.default_decision_business_days} "
                f"business days ({self.dates.decision_date}); next time ask for a date before you leave.")
        if case.responses_of("decision"):
            self.reasons.append(Reason(7, "the employer has given their decision; the case is closed."))
            return self.finish("done", 7, None)
        thank_you = self.thank_you_step()
        if thank_you is not None:
            return thank_you
        epoch = current_epoch(case, self.dates, self.params, self.day)
        if epoch.awaiting_reply:
            self.reasons.append(Reason(6, "the employer wrote to you; a short, warm reply keeps the door open "
                                          "and does not count as a follow-up."))
            return self.finish("reply_to_employer", 6, self.business_day_from(self.day))
        self.check_attempts(epoch)
        return self.attempt_step(epoch)

    def thank_you_step(self) -> Advice | None:
        case, due = self.case, self.dates.thank_you_due
        sent = case.contacts_of("thank_you")
        if sent:
            first = sent[0]
            if thank_you_late(first.at, self.dates):
                self.warnings.append(f"too late: the thank-you went out after the {self.params.thank_you_hours}-hour window "
                                     f"({due:%a %d %b %H:%M}); next time send it the same day.")
            if first.channel == "phone":
                self.warnings.append("the thank-you should be an email, not a call.")
            return None
        if not thank_you_late(self.moment, self.dates):
            self.reasons.append(Reason(2, f"thank the interviewer by email by {due:%a %d %b %H:%M %Z}: "
                                          "their time, your interest, one topic you discussed, next steps."))
            return self.finish("send_thank_you", 2, self.business_day_from(self.day))
        attempts = case.contacts_of(*ATTEMPT_KINDS)
        if not attempts and self.day < self.dates.follow_up_due:
            self.warnings.append(f"too late for an on-time thank-you (due {due:%a %d %b %H:%M}); a short one today still helps.")
            self.reasons.append(Reason(2, "a late thank-you is better than none, as long as it is short and sincere."))
            return self.finish("thank_you_late", 2, self.business_day_from(self.day))
        self.warnings.append("no thank-you was sent; put your thanks into the follow-up email instead.")
        return None

    def waiting_text(self, epoch: Epoch) -> str:
        """Why to wait, worded for before or just after the decision date."""
        decision, due = f"{epoch.decision_date:%a %d %b}", f"{epoch.first_due:%a %d %b}"
        if epoch.kind == "update":
            return f"the employer's update restarted the clock: give them until {due} before you follow up."
        if self.day <= epoch.decision_date:
            return f"the decision is due {decision}; silence before then means nothing. Follow up from {due}."
        return (f"the decision date ({decision}) has just passed; decisions often slip by a day or two, "
                f"so follow up from {due}.")

    def check_attempts(self, epoch: Epoch) -> None:
        case, cal, gap = self.case, self.cal, self.params.second_attempt_after
        days = [case.local_date(c.at) for c in epoch.attempts]
        if days and days[0] < epoch.first_due:
            self.warnings.append(f"too early: the first follow-up went out on {days[0]}, before it was due "
                                 f"({epoch.first_due}); early contact can read as over-eager.")
        if days and days[0] > epoch.late_after:
            self.warnings.append(f"too late: the follow-up went out on {days[0]}, more than "
                                 f"{self.params.late_after} business days after the decision date.")
        for before, after in zip(days, days[1:]):
            if cal.business_days_between(before, after) < gap:
                self.warnings.append(f"too many contacts: {after} came less than {gap} business days after {before}.")
        if len(days) > 2:
            self.warnings.append(f"too many contacts: {len(days)} follow-ups; after one follow-up and one more "
                                 "attempt the next move is the employer's.")
        for c in epoch.attempts:
            if c.channel == "phone" and not call_permission(case, case.local_date(c.at), self.dates)[0]:
                self.warnings.append(f"a call on {case.local_date(c.at)} had no exception that permits calling.")

    def attempt_step(self, epoch: Epoch) -> Advice:
        cal, p, n = self.cal, self.params, len(epoch.attempts)
        if n == 0:
            if self.day < epoch.first_due:
                action = "follow_new_timeline" if epoch.kind == "new_timeline" else "wait"
                stage_no = 6 if action == "follow_new_timeline" else 3
                self.reasons.append(Reason(stage_no, self.waiting_text(epoch)))
                return self.finish(action, stage_no, epoch.first_due)
            if self.day > epoch.late_after:
                self.warnings.append(f"late: the decision date passed more than {p.late_after} business days ago; "
                                     "send the follow-up now and keep it gracious.")
            passed = cal.business_days_between(epoch.decision_date, self.day)
            self.reasons.append(Reason(4, f"the decision date ({epoch.decision_date:%a %d %b}) passed "
                                          f"{passed} business day{'s' if passed != 1 else ''} ago: send one email "
                                          "that thanks them and adds value."))
            return self.finish("send_follow_up", 4, self.business_day_from(self.day))
        last = self.case.local_date(epoch.attempts[-1].at)
        if n == 1:
            due = second_attempt_due(self.case, epoch, p)
            if self.day < due:
                self.reasons.append(Reason(6, f"give them about a week: one more attempt is due on {due}, not before."))
                return self.finish("wait", 6, due)
            self.reasons.append(Reason(6, f"{p.second_attempt_after} business days of silence since your follow-up: "
                                          "one more attempt, to the hiring manager or an HR contact."))
            return self.finish("second_attempt", 6, self.business_day_from(self.day))
        due = cal.add_business_days(last, p.move_on_after)
        if self.day < due:
            self.reasons.append(Reason(7, "you have followed up twice: the next move is the employer's. Keep applying meanwhile."))
            return self.finish("wait", 7, due)
        self.reasons.append(Reason(7, "silence after a thank-you, a follow-up and one more attempt: move on. "
                                      "It often has causes you cannot see, such as a cut position or an internal hire."))
        return self.finish("move_on", 7, None)
