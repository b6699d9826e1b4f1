"""The planner: enter an interview, get the advice for a day, the whole plan and a calendar file."""

from __future__ import annotations

from datetime import date, time
from html import escape
from pathlib import Path

import ipywidgets as w
import traitlets

from followup_lib.errors import FollowupError, InputError
from followup_lib.etiquette.advisor import advise
from followup_lib.etiquette.plan import make_plan
from followup_lib.etiquette.situation import Situation, load_situation, save_situation
from followup_lib.widgets.html import advice_html, download_link_html, error_html, plan_html
from followup_lib.widgets.planner_form import EMPLOYER_REPLIES, case_from_form, form_from_case

LABEL_WIDTH = "9em"  # wide enough for every label, so none is cut off
COMMON_ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                "America/Toronto", "Europe/London", "Europe/Berlin", "Europe/Paris", "Asia/Kolkata",
                "Asia/Singapore", "Australia/Sydney", "UTC")


def _inputs(today: date) -> dict:
    return {
        "interview_day": w.DatePicker(description="Interview on", value=today),
        "interview_time": w.TimePicker(description="ended at", value=time(15, 0)),
        "timezone": w.Combobox(description="Time zone", options=COMMON_ZONES, value="America/New_York",
                               ensure_option=False),
        "country": w.Text(description="Country", value="US", placeholder="ISO code: US, GB, DE…"),
        "subdivision": w.Text(description="Region", value="", placeholder="optional, e.g. CA"),
        "decision_by": w.DatePicker(description="Decision by"),
        "invited_to_call": w.Checkbox(description="Interviewer invited a call"),
        "traditional_industry": w.Checkbox(description="My field expects a call"),
        "thank_you": w.DatePicker(description="Thank-you sent"),
        "follow_up": w.DatePicker(description="Follow-up sent"),
        "second_attempt": w.DatePicker(description="2nd attempt"),
        "employer_said": w.Dropdown(description="They sent", options=EMPLOYER_REPLIES, value=""),
        "employer_on": w.DatePicker(description="They wrote on"),
        "new_decision_by": w.DatePicker(description="New decision by"),
    }


class PlannerWidget(w.VBox):
    """A form for one interview; shows the advice for a chosen day, the plan and an .ics link.

    ``value`` (read-only) is the latest :class:`~followup_lib.etiquette.advisor.Advice`,
    or None while the form has an error (shown inside the widget). **Save** and **Load**
    keep the case in a JSON file (``case_file``, relative to the notebook's folder).
    """

    value = traitlets.Any(None, read_only=True)

    def __init__(self, today: date | None = None, situation: Situation | None = None,
                 case_file: str = "my-case.json", **kwargs):
        today = today or date.today()
        self._inputs, self._base, self._quiet = _inputs(today), situation, False
        self._today = w.DatePicker(description="Advice for", value=today)
        self._file = w.Text(description="Case file", value=case_file)
        self._save, self._load = w.Button(description="Save", icon="save"), w.Button(description="Load", icon="upload")
        self._status, self._advice, self._plan, self._download = w.HTML(), w.HTML(), w.HTML(), w.HTML()
        for widget in (*self._inputs.values(), self._today, self._file):
            if not isinstance(widget, w.Checkbox):
                widget.style.description_width = LABEL_WIDTH
        super().__init__([self._form(), self._advice, self._plan, self._download], **kwargs)
        for widget in (*self._inputs.values(), self._today):
            widget.observe(self._refresh, names="value")
        self._save.on_click(lambda _: self.save())
        self._load.on_click(lambda _: self.load())
        if situation is not None:
            self.set_values(**form_from_case(situation))
        else:
            self._refresh()

    def _form(self) -> w.VBox:
        i = self._inputs
        return w.VBox([
            w.HTML("<b>Your interview</b>"), w.HBox([i["interview_day"], i["interview_time"]]),
            w.HBox([i["timezone"], i["country"], i["subdivision"]]),
            w.HTML("<b>What they told you</b>"), i["decision_by"],
            w.HBox([i["invited_to_call"], i["traditional_industry"]]),
            w.HTML("<b>What you have sent</b>"), w.HBox([i["thank_you"], i["follow_up"], i["second_attempt"]]),
            w.HTML("<b>What the employer sent back</b>"),
            w.HBox([i["employer_said"], i["employer_on"], i["new_decision_by"]]),
            w.HBox([self._today]), w.HBox([self._file, self._save, self._load]), self._status,
        ])

    @property
    def situation(self) -> Situation | None:
        """The case the form describes (None while the form has an error)."""
        try:
            return case_from_form(self.form_values(), self._base)
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

    def save(self) -> Path | None:
        """Write the case to the case file; say so (or what is wrong) under the buttons."""
        try:
            path = save_situation(case_from_form(self.form_values(), self._base), self._case_path())
        except (FollowupError, OSError) as err:
            self._status.value = error_html(err)
            return None
        self._status.value = f"Saved to <code>{escape(str(path))}</code>. <b>Load</b> brings it back next time."
        return path

    def load(self) -> Situation | None:
        """Read the case file into the form; an error is shown under the buttons."""
        try:
            case = load_situation(self._case_path())
        except FollowupError as err:
            self._status.value = error_html(err)
            return None
        self._base = case
        self.set_values(**form_from_case(case))
        self._status.value = f"Loaded <code>{escape(self._file.value)}</code>."
        return case

    def _case_path(self) -> Path:
        name = self._file.value.strip()
        if not name:
            raise InputError("Case file", "is empty", "type a file name such as my-case.json")
        return Path(name)

    def _refresh(self, change=None) -> None:
        if self._quiet:
            return
        try:
            case = case_from_form(self.form_values(), self._base)
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
