"""The whole follow-up schedule of a case, and its exports.

:func:`make_plan` lays out every step from the thank-you to moving on, using what has
already happened (contacts logged) and projecting the rest. A :class:`Plan` exports to a
pandas DataFrame, Markdown, JSON-ready data and an RFC 5545 ``.ics`` calendar whose
events each carry a reminder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from followup_lib.etiquette.calls import call_permission, standing_call_exception
from followup_lib.etiquette.epochs import current_epoch
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.situation import Situation
from followup_lib.etiquette.timeline import as_of, key_dates


@dataclass(frozen=True)
class PlanStep:
    """One step of a plan.

    ``due`` is the day the step falls due (the thank-you's exact deadline is in
    ``deadline``); ``done`` marks steps the case already logged.
    """

    step: str
    due: date
    channel: str | None
    description: str
    stage: int
    done: bool = False
    deadline: datetime | None = None

    def to_dict(self) -> dict:
        """JSON-ready: ``step``, ``due`` (ISO date), ``channel``, ``description``, ``stage``, ``done``."""
        out = {"step": self.step, "due": self.due.isoformat(), "channel": self.channel,
               "description": self.description, "stage": self.stage, "done": self.done}
        if self.deadline is not None:
            out["deadline"] = self.deadline.isoformat()
        return out


@dataclass(frozen=True)
class Plan:
    """The schedule of a case: steps in date order. See :func:`make_plan`."""

    steps: tuple[PlanStep, ...]
    situation: Situation

    def to_list(self) -> list[dict]:
        """The steps as JSON-ready dicts (the ``followup plan --format json`` output)."""
        return [s.to_dict() for s in self.steps]

    def to_dataframe(self):
        """The steps as a pandas DataFrame, one row a step (``due`` as datetime64)."""
        import pandas as pd

        frame = pd.DataFrame([s.to_dict() for s in self.steps],
                             columns=["step", "due", "channel", "description", "stage", "done"])
        frame["due"] = pd.to_datetime(frame["due"])
        return frame

    def to_markdown(self) -> str:
        """The steps as a Markdown table (user text is escaped for the table)."""
        rows = ["| due | step | channel | what to do |", "|---|---|---|---|"]
        for s in self.steps:
            mark = " (done)" if s.done else ""
            text = s.description.replace("|", "\\|").replace("\n", " ")
            rows.append(f"| {s.due:%a %d %b %Y} | {s.step.replace('_', ' ')}{mark} | {s.channel or '—'} | {text} |")
        return "\n".join(rows) + "\n"

    def to_ics(self, stamp: datetime | None = None) -> bytes:
        """The steps not yet done as an iCalendar file, each event with a reminder."""
        from followup_lib.etiquette.ics import plan_to_ics

        return plan_to_ics(self, stamp)


def make_plan(situation: Situation, today: date | None = None, params: Params = DEFAULTS) -> Plan:
    """Lay out the whole schedule of a case.

    Parameters
    ----------
    situation : Situation
    today : date, optional
        When given, events logged after it are ignored, and steps still to do are never
        placed before it.
    params : Params, optional

    Returns
    -------
    Plan
        Steps in date order; a step still to do is never placed before an earlier one's
        date. The decision date is a milestone: it keeps its date, marked done once passed.

    Examples
    --------
    >>> case = Situation.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
    ...                             "decision_by": "2026-11-20"})
    >>> [(s.step, s.due.isoformat()) for s in make_plan(case).steps]  # doctest: +NORMALIZE_WHITESPACE
    [('thank_you', '2026-11-17'), ('decision_expected', '2026-11-20'), ('follow_up', '2026-11-24'),
     ('call_option', '2026-11-25'), ('second_attempt', '2026-12-02'), ('move_on', '2026-12-09')]
    """
    case = as_of(situation, today)
    builder = _PlanBuilder(case, today, params)
    return Plan(tuple(builder.build()), situation)


class _PlanBuilder:
    def __init__(self, case: Situation, today: date | None, params: Params):
        self.case, self.today, self.params = case, today, params
        self.cal = case.calendar
        self.dates = key_dates(case, params)
        self.steps: list[PlanStep] = []

    def add(self, step: str, due: date, channel, description: str, stage: int, done=False, deadline=None):
        """Append a step; a step still to do never falls before the one before it, nor before today."""
        todo = [s.due for s in self.steps if not s.done]
        floor = max(todo) if todo else due
        if not done and self.today is not None:
            floor = max(floor, self.today if step == "thank_you" else self.cal.next_business_day(self.today))
        if not done and due < floor:
            description += f" (originally due {due:%a %d %b})"
        self.steps.append(PlanStep(step, max(due, floor), channel, description, stage, done, deadline))

    def build(self) -> list[PlanStep]:
        case, d = self.case, self.dates
        sent = case.contacts_of("thank_you")
        self.add("thank_you", case.local_date(sent[0].at) if sent else d.thank_you_due.date(), "email",
                 f"Thank-you email, by {d.thank_you_due:%a %d %b %H:%M %Z}: thanks, interest, one topic, next steps.",
                 2, done=bool(sent), deadline=d.thank_you_due)
        decisions = case.responses_of("decision")
        if decisions:
            self.add("decision", case.local_date(decisions[0].at), None,
                     "The employer decided: the case is closed.", 7, done=True)
            return sorted(self.steps, key=lambda s: s.due)
        assumed = " (assumed: no timeline was given)" if d.timeline_source == "assumed" else ""
        passed = self.today is not None and d.decision_date < self.today
        self.steps.append(PlanStep(
            "decision_expected", d.decision_date, None,
            f"The employer expected to decide by this day{assumed}." if passed
            else f"The employer expects to decide by this day{assumed}. Until then, wait.", 3, done=passed))
        self.attempt_steps()
        return sorted(self.steps, key=lambda s: s.due)

    def attempt_steps(self) -> None:
        case, p = self.case, self.params
        epoch = current_epoch(case, self.dates, p)
        done = [case.local_date(c.at) for c in epoch.attempts]
        first = done[0] if done else epoch.first_due
        end = self.cal.add_business_days(epoch.decision_date, p.follow_up_ideal_max)
        self.add("follow_up", first, "email",
                 f"One follow-up email that thanks them and adds value; ideally by {end:%a %d %b}, "
                 f"late after {epoch.late_after:%a %d %b}.", 4, done=bool(done))
        follow_up_day = self.steps[-1].due
        permitted, why = call_permission(case, max(first, self.dates.call_ok_from or first), self.dates)
        if permitted and not done:
            call_day = first if standing_call_exception(case) else self.dates.call_ok_from
            self.add("call_option", call_day, "phone",
                     "A short call is acceptable instead: " + " ".join(why) + " Under two minutes, no pressure.", 5)
        second = done[1] if len(done) > 1 else self.cal.add_business_days(follow_up_day, p.second_attempt_after)
        self.add("second_attempt", second, "email",
                 "If still no word: one more email, to the hiring manager or an HR contact.", 6, done=len(done) > 1)
        last = self.steps[-1].due if len(done) < 2 else done[-1]
        self.add("move_on", self.cal.add_business_days(last, p.move_on_after), None,
                 "No answer yet: the next move is the employer's. Keep applying and networking.", 7)
