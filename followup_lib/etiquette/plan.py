"""The whole follow-up schedule of a case, and its exports.

:func:`make_plan` lays out every step from the thank-you to moving on: what has already
happened (contacts logged) and the rest, projected. Every date comes from
:func:`~followup_lib.etiquette.windows.windows`, the same windows the advisor reads, so
the plan's next step and the advice of the day always agree. A :class:`Plan` exports to
a pandas DataFrame, Markdown, JSON-ready data and an RFC 5545 ``.ics`` calendar whose
events each carry a reminder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from followup_lib.etiquette.calls import call_permission, call_window_opens, standing_call_exception
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.kinds import Channel, ResponseKind
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.timefields import check_date_range
from followup_lib.etiquette.windows import Windows, as_of, windows

#: The steps a plan can hold, in the order they happen.
STEP_NAMES = ("thank_you", "decision_expected", "reply_to_employer", "follow_up", "call_option",
              "second_attempt", "move_on", "decision")


@dataclass(frozen=True)
class PlanStep:
    """One step of a plan.

    ``due`` is the day the step falls due (the thank-you's exact deadline is in
    ``deadline``); ``done`` marks steps the case already logged; ``missed`` a thank-you
    that was never sent and is now folded into the follow-up.
    """

    step: str
    due: date
    channel: Channel | None
    description: str
    stage: int
    done: bool = False
    deadline: datetime | None = None
    missed: bool = False

    def to_dict(self) -> dict:
        """JSON-ready: ``step``, ``due`` (ISO date), ``channel``, ``description``, ``stage``, ``done``."""
        out = {"step": self.step, "due": self.due.isoformat(), "channel": None if self.channel is None
               else str(self.channel), "description": self.description, "stage": self.stage, "done": self.done}
        if self.deadline is not None:
            out["deadline"] = self.deadline.isoformat()
        if self.missed:
            out["missed"] = True
        return out


@dataclass(frozen=True)
class Plan:
    """The schedule of a case: steps in date order. See :func:`make_plan`."""

    steps: tuple[PlanStep, ...]
    case: Case

    def step(self, name: str) -> PlanStep | None:
        """The step of that name, or None."""
        return next((s for s in self.steps if s.step == name), None)

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
            mark = " (done)" if s.done else " (missed)" if s.missed else ""
            text = s.description.replace("|", "\\|").replace("\n", " ")
            rows.append(f"| {s.due:%a %d %b %Y} | {s.step.replace('_', ' ')}{mark} | {s.channel or '—'} | {text} |")
        return "\n".join(rows) + "\n"

    def to_ics(self, stamp: datetime | None = None) -> bytes:
        """The steps still to do as an iCalendar file, each event with a reminder."""
        from followup_lib.etiquette.ics import plan_to_ics

        return plan_to_ics(self, stamp)

    def __str__(self) -> str:
        from followup_lib.etiquette.render import plan_text

        return plan_text(self)

    def _repr_html_(self) -> str:
        from followup_lib.etiquette.render_html import plan_html

        return plan_html(self)


def make_plan(case: Case, *, today: date | None = None, params: Params = DEFAULTS) -> Plan:
    """Lay out the whole schedule of a case.

    Parameters
    ----------
    case : Case
    today : date, optional
        When given, events logged after it are ignored, and steps still to do are never
        placed before it. Without it the plan covers everything logged (it does not read
        the clock: a plan of the whole case is the same on any day).
    params : Params, optional

    Returns
    -------
    Plan
        Steps in date order. The decision date is a milestone: it keeps its date, marked
        done once passed.

    Examples
    --------
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    >>> [(s.step, s.due.isoformat()) for s in make_plan(case).steps]  # doctest: +NORMALIZE_WHITESPACE
    [('thank_you', '2026-11-17'), ('decision_expected', '2026-11-20'), ('follow_up', '2026-11-24'),
     ('second_attempt', '2026-12-02'), ('move_on', '2026-12-09')]
    """
    if today is not None:
        check_date_range(today, "today")
    now = as_of(case, today)
    win = windows(now, today=today, params=params)
    return Plan(tuple(sorted(_steps(now, win, today), key=lambda s: s.due)), case)


def _steps(case: Case, win: Windows, today: date | None) -> list[PlanStep]:
    floor = _Floor(case, today)
    steps = [_thank_you_step(case, win, today)]
    decisions = case.responses_of(ResponseKind.DECISION)
    if decisions:
        steps.append(PlanStep("decision", case.local_date(decisions[0].at), None,
                              "The employer decided: the case is closed.", 7, done=True))
        return steps
    assumed = " (assumed: no timeline was given)" if not win.timeline_stated else ""
    passed = today is not None and win.decision_date < today
    steps.append(PlanStep("decision_expected", win.decision_date, None,
                          f"The employer expected to decide by this day{assumed}." if passed
                          else f"The employer expects to decide by this day{assumed}. Until then, wait.", 3, done=passed))
    if win.awaiting_reply:
        steps.append(PlanStep("reply_to_employer", floor(case.local_date(case.responses[-1].at)), Channel.EMAIL,
                              "Reply to the employer's update: brief and warm. It is not a follow-up.", 6))
    return steps + _attempt_steps(case, win, floor)


class _Floor:
    """A step still to do is never placed before the first business day from ``today``.

    Calling it gives the day a step falls due; :meth:`note` says when that was moved.
    """

    def __init__(self, case: Case, today: date | None):
        self.first = case.calendar.next_business_day(today) if today is not None else None

    def __call__(self, day: date) -> date:
        return day if self.first is None else max(day, self.first)

    def note(self, day: date) -> str:
        return f" (originally due {day:%a %d %b})" if self.first is not None and day < self.first else ""


def _thank_you_step(case: Case, win: Windows, today: date | None) -> PlanStep:
    due, sent = win.thank_you_due, win.thank_you_sent
    text = f"Thank-you email, by {due:%a %d %b %H:%M %Z}: thanks, interest, one topic, next steps."
    if sent is not None:
        late = " It went out after the window." if win.thank_you_late(sent.at) else ""
        return PlanStep("thank_you", case.local_date(sent.at), Channel.EMAIL, text + late, 2, done=True, deadline=due)
    if today is not None and (win.attempts or today >= win.follow_up_due) and win.thank_you_late(today):
        return PlanStep("thank_you", due.date(), Channel.EMAIL, "Not sent: put your thanks into the follow-up email.",
                        2, deadline=due, missed=True)
    return PlanStep("thank_you", max(due.date(), today) if today else due.date(), Channel.EMAIL, text, 2, deadline=due)


def _attempt_steps(case: Case, win: Windows, floor: "_Floor") -> list[PlanStep]:
    days = [case.local_date(c.at) for c in win.attempts]
    early = f" It went out early: the follow-up date was {win.follow_up_due:%a %d %b}." \
        if days and days[0] < win.follow_up_due else ""
    moved = "" if days else floor.note(win.follow_up_due)
    steps = [PlanStep("follow_up", days[0] if days else floor(win.follow_up_due),
                      win.attempts[0].channel if days else Channel.EMAIL,
                      f"One follow-up email that thanks them and adds value; ideally by "
                      f"{win.follow_up_ideal_end:%a %d %b}, late after {win.follow_up_late_after:%a %d %b}"
                      f"{moved}.{early}", 4, done=bool(days))]
    call_day = call_window_opens(case, win)
    permitted, why = call_permission(case, max(call_day, win.follow_up_due), win)
    # Email stays the channel: the plan offers a call only when one was invited or is customary.
    if permitted and not days and standing_call_exception(case):
        steps.append(PlanStep("call_option", floor(max(call_day, win.follow_up_due)), Channel.PHONE,
                              "A short call is acceptable instead: " + " ".join(why)
                              + " Under two minutes, no pressure.", 5))
    moved = "" if len(days) > 1 else floor.note(win.second_attempt_due)
    steps.append(PlanStep("second_attempt", days[1] if len(days) > 1 else floor(win.second_attempt_due),
                          win.attempts[1].channel if len(days) > 1 else Channel.EMAIL,
                          f"If still no word: one more email, to the hiring manager or an HR contact{moved}.", 6,
                          done=len(days) > 1))
    steps.append(PlanStep("move_on", floor(win.move_on_due), None,
                          "No answer yet: the next move is the employer's. Keep applying and networking.", 7))
    return steps
