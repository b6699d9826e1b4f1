"""The planner: enter an interview, get today's advice, the whole plan and a calendar file."""

from __future__ import annotations

from datetime import date, datetime, time

import ipywidgets as w
import traitlets

from followup_lib.errors import FollowupError
from followup_lib.etiquette.advisor import advise
from followup_lib.etiquette.plan import make_plan
from followup_lib.etiquette.situation import Situation
from followup_lib.widgets.html import advice_html, download_link_html, error_html, plan_html

LABEL_WIDTH = "8.5em"  # wide enough for every label, so none is cut off
COMMON_ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                "America/Toronto", "Europe/London", "Europe/Berlin", "Europe/Paris", "Asia/Kolkata",
                "Asia/Singapore", "Australia/Sydney", "UTC")


def case_from_form(values: dict) -> Situation:
    """Build a case from the planner's form values (dates, a time, flags); pure.

    ``values`` holds ``interview_day`` (date), ``interview_time`` (time), ``timezone``,
    ``country``, ``subdivision``, ``decision_by`` (date or None), ``invited_to_call``,
    ``traditional_industry`` and the dates a ``thank_you``, ``follow_up`` or
    ``second_attempt`` went out (date or None).

    Examples
    --------
    >>> case = case_from_form({"interview_day": date(2026, 11, 16), "interview_time": time(15),
    ...                        "timezone": "America/New_York", "thank_you": date(2026, 11, 16)})
    >>> case.interview_end.isoformat(), case.contacts[0].kind
    ('2026-11-16T15:00:00-05:00', 'thank_you')
    """
    from followup_lib.errors import InputError

    day, clock = values.get("interview_day"), values.get("interview_time") or time(12)
    if not isinstance(day, date):
        raise InputError("interview date", "is empty", "pick the day of your interview")
    data = {
        "interview_end": datetime.combine(day, clock).isoformat(timespec="minutes"),
        "timezone": values.get("timezone") or "UTC",
        "country": values.get("country") or "US",
        "subdivision": values.get("subdivision") or None,
        "decision_by": values["decision_by"].isoformat() if values.get("decision_by") else None,
        "invited_to_call": bool(values.get("invited_to_call")),
        "traditional_industry": bool(values.get("traditional_industry")),
        "contacts": [{"at": values[kind].isoformat(), "kind": kind}
                     for kind in ("thank_you", "follow_up", "second_attempt") if values.get(kind)],
    }
    return Situation.from_dict(data)


def form_from_case(case: Situation) -> dict:
    """The planner's form values for a case (the inverse of :func:`case_from_form`); pure.

    Examples
    --------
    >>> case = Situation.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    >>> form_from_case(case)["decision_by"]
    datetime.date(2026, 11, 20)
    """
    values = {
        "interview_day": case.interview_date, "interview_time": case.interview_end.time().replace(tzinfo=None),
        "timezone": case.timezone or _offset_zone(case), "country": case.country,
        "subdivision": case.subdivision or "", "decision_by": case.decision_by,
        "invited_to_call": case.invited_to_call, "traditional_industry": case.traditional_industry,
    }
    for kind in ("thank_you", "follow_up", "second_attempt"):
        sent = [c for c in case.contacts if c.kind == kind]
        values[kind] = case.local_date(sent[0].at) if sent else None
    return values


def _offset_zone(case: Situation) -> str:
    """An IANA name for a fixed UTC offset (``Etc/GMT+5`` is UTC-05:00: the sign is inverted)."""
    hours = case.interview_end.utcoffset().total_seconds() / 3600
    if hours == 0:
        return "UTC"
    if hours.is_integer():
        return f"Etc/GMT{-int(hours):+d}"
    return "UTC"


class PlannerWidget(w.VBox):
    """A form for one interview; shows the advice for a chosen day, the plan and an .ics link.

    ``value`` (read-only) is the latest :class:`~followup_lib.etiquette.advisor.Advice`,
    or None while the form has an error (shown inside the widget).
    """

    value = traitlets.Any(None, read_only=True)

    def __init__(self, today: date | None = None, situation: Situation | None = None, **kwargs):
        today = today or date.today()
        self._inputs = {
            "interview_day": w.DatePicker(description="Interview on", value=today),
            "interview_time": w.TimePicker(description="ended at", value=time(15, 0)),
            "timezone": w.Combobox(description="Time zone", options=COMMON_ZONES,
                                   value="America/New_York", ensure_option=False),
            "country": w.Text(description="Country", value="US", placeholder="ISO code: US, GB, DE…"),
            "subdivision": w.Text(description="Region", value="", placeholder="optional, e.g. CA"),
            "decision_by": w.DatePicker(description="Decision by"),
            "invited_to_call": w.Checkbox(description="Interviewer invited a call"),
            "traditional_industry": w.Checkbox(description="My field expects a call"),
            "thank_you": w.DatePicker(description="Thank-you sent"),
            "follow_up": w.DatePicker(description="Follow-up sent"),
            "second_attempt": w.DatePicker(description="2nd attempt"),
        }
        self._today = w.DatePicker(description="Advice for", value=today)
        self._quiet = False
        self._advice, self._plan, self._download = w.HTML(), w.HTML(), w.HTML()
        i = self._inputs
        form = w.VBox([
            w.HTML("<b>Your interview</b>"), w.HBox([i["interview_day"], i["interview_time"]]),
            w.HBox([i["timezone"], i["country"], i["subdivision"]]),
            w.HTML("<b>What they told you</b>"), i["decision_by"],
            w.HBox([i["invited_to_call"], i["traditional_industry"]]),
            w.HTML("<b>What you have sent</b>"), w.HBox([i["thank_you"], i["follow_up"], i["second_attempt"]]),
            self._today,
        ])
        for widget in (*self._inputs.values(), self._today):
            if not isinstance(widget, w.Checkbox):
                widget.style.description_width = LABEL_WIDTH
        super().__init__([form, self._advice, self._plan, self._download], **kwargs)
        for widget in (*self._inputs.values(), self._today):
            widget.observe(self._refresh, names="value")
        if situation is not None:
            self.set_values(**form_from_case(situation))
        else:
            self._refresh()

    @property
    def situation(self) -> Situation | None:
        """The case the form describes (None while the form has an error); save it with ``save_situation``."""
        try:
            return case_from_form(self.form_values())
        except FollowupError:
            return None

    def form_values(self) -> dict:
        """The form's current values, as :func:`case_from_form` takes them."""
        return {name: widget.value for name, widget in self._inputs.items()}

    def set_values(self, **values) -> None:
        """Set several form fields at once (one redraw), e.g. ``set_values(decision_by=date(...))``."""
        self._quiet = True
        try:
            for name, value in values.items():
                (self._today if name == "today" else self._inputs[name]).value = value
        finally:
            self._quiet = False
        self._refresh()

    def _refresh(self, change=None) -> None:
        if self._quiet:
            return
        try:
            case = case_from_form(self.form_values())
            today = self._today.value or date.today()
            advice, plan = advise(case, today), make_plan(case, today)
        except FollowupError as err:
            self.set_trait("value", None)
            self._advice.value, self._plan.value, self._download.value = error_html(err), "", ""
            return
        self.set_trait("value", advice)
        self._advice.value = advice_html(advice)
        self._plan.value = plan_html(plan)
        self._download.value = download_link_html(plan.to_ics(), "follow-up-plan.ics", "text/calendar",
                                                  "Download the plan for your calendar (.ics)")
