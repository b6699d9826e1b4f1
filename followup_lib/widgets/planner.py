"""The planner: enter an interview, get the advice for a day, the whole plan and a calendar file."""

from __future__ import annotations

from datetime import date, time
from html import escape

import ipywidgets as w

from followup_lib.errors import FollowupError, InputError
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.params import Params
from followup_lib.textio import decode_user_bytes
from followup_lib.widgets.base import CoachView
from followup_lib.widgets.html import (advice_html, case_download_html, download_link_html, download_list_html,
                                       error_html, handout_download_html, plan_html)
from followup_lib.widgets.model import CaseModel
from followup_lib.widgets.planner_form import EMPLOYER_REPLIES, case_from_form, form_from_case
from followup_lib.workspace import LearnerFolder, learner_folder

#: A case file is a few KB; anything far bigger is not one.
MAX_CASE_FILE_BYTES = 1_000_000
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


class PlannerWidget(CoachView):
    """A form for one interview; shows the advice for a chosen day, the plan and an .ics link.

    Parameters
    ----------
    model : CaseModel, optional
        The notebook's shared case model; a new one when left out.
    today : date, optional
        The day advice is for (with a new model; default :func:`followup_lib.clock.today`).
    params : Params, optional
        Etiquette parameters (with a new model).
    case : Case, optional
        A case to start from.
    folder : LearnerFolder, optional
        Where **Save** and **Load** keep the case (default: the learner's ``my-work/``).
    projector : bool, optional
        Large text for a projector (default: the setting of :func:`followup_lib.projector`).

    ``value`` (read-only) is the latest :class:`~followup_lib.etiquette.advisor.Advice`,
    or None while the form has an error (shown inside the widget, and in ``model.error``).
    """

    def __init__(self, model: CaseModel | None = None, *, today: date | None = None, params: Params | None = None,
                 case: Case | None = None, folder: LearnerFolder | None = None, projector: bool | None = None, **kwargs):
        model = model if model is not None else CaseModel(today=today, params=params)
        self._folder = folder or learner_folder()
        self._inputs, self._base = _inputs(model.today), case if case is not None else model.case
        self._today = w.DatePicker(description="Advice for", value=model.today)
        self._name = w.Text(description="Save as", value="my-case", placeholder="a name, e.g. acme-analyst")
        self._save, self._load = w.Button(description="Save", icon="save"), w.Button(description="Load", icon="upload")
        self._replace = w.Button(description="Replace", icon="check", button_style="warning",
                                 layout=w.Layout(display="none"))
        # Opens a case file from this computer (one downloaded earlier): in app mode, on a
        # shared server, the learner's own copy is the one to trust.
        self._open = w.FileUpload(accept=".json", multiple=False, description="Open a case file", icon="folder-open",
                                  tooltip="Open a case file you downloaded before (.json)",
                                  layout=w.Layout(width="auto"))  # as wide as its label: none of it cut off
        self._status, self._advice, self._plan, self._download = w.HTML(), w.HTML(), w.HTML(), w.HTML()
        for widget in (*self._inputs.values(), self._today, self._name):
            if not isinstance(widget, w.Checkbox):
                widget.style.description_width = LABEL_WIDTH
        super().__init__([self._form(), self._advice, self._plan, self._download], model=model,
                         projector=projector, **kwargs)
        self.add_class("fc-planner")
        for widget in self._inputs.values():
            widget.observe(self._form_changed, names="value")
        self._today.observe(self._today_changed, names="value")
        model.observe(lambda change: setattr(self._today, "value", change.new), names="today")
        self._writing = False
        model.observe(self.redraw, names=["case", "today", "params", "error"])
        model.observe(self._case_from_elsewhere, names="case")
        self._save.on_click(lambda _: self.save())
        self._replace.on_click(lambda _: self.save(replace=True))
        self._load.on_click(lambda _: self.load())
        self._open.observe(self._opened, names="value")
        if self._base is not None:
            self.set_values(**form_from_case(self._base))
        else:
            self._form_changed()

    def _form(self) -> w.VBox:
        i = self._inputs
        box = w.VBox([
            w.HTML("<b>Your interview</b>"), w.HBox([i["interview_day"], i["interview_time"]]),
            w.HBox([i["timezone"], i["country"], i["subdivision"]]),
            w.HTML("<b>What they told you</b>"), i["decision_by"],
            w.HBox([i["invited_to_call"], i["traditional_industry"]]),
            w.HTML("<b>What you have sent</b>"), w.HBox([i["thank_you"], i["follow_up"], i["second_attempt"]]),
            w.HTML("<b>What the employer sent back</b>"),
            w.HBox([i["employer_said"], i["employer_on"], i["new_decision_by"]]),
            w.HBox([self._today]), w.HBox([self._name, self._save, self._load, self._replace, self._open]), self._status,
        ])
        for row in box.children:  # a row too wide for a narrow notebook column wraps, never cut off
            if isinstance(row, w.HBox):
                row.layout.flex_flow = "row wrap"
        return box

    @property
    def case(self) -> Case | None:
        """The case the form describes (None while the form has an error: see ``model.error``)."""
        return self.model.case

    def form_values(self) -> dict:
        """The form's current values, as :func:`case_from_form` takes them."""
        return {name: widget.value for name, widget in self._inputs.items()}

    def set_values(self, **values) -> None:
        """Set several form fields at once (one redraw), e.g. ``set_values(decision_by=date(...))``."""
        with self.quiet():
            for name, value in values.items():
                (self._today if name == "today" else self._inputs[name]).value = value
            self._form_changed(force=True)

    def _form_changed(self, change=None, force: bool = False) -> None:
        if self._quiet and not force:
            return
        self._writing = True
        try:
            self.model.accept(case_from_form(self.form_values(), self._base))
        except FollowupError as err:
            self.model.report(err)
        finally:
            self._writing = False

    def _case_from_elsewhere(self, change) -> None:
        """Another widget (or a Load) changed the shared case: show it in this form."""
        if self._writing or change.new is None:
            return
        self._base = change.new
        with self.quiet():
            for name, value in form_from_case(change.new).items():
                self._inputs[name].value = value

    def _today_changed(self, change) -> None:
        if change.new is None:
            return
        try:
            self.model.today = change.new
        except FollowupError as err:
            self.model.report(err)
            return
        if self.model.error:  # an earlier bad day is fixed: rebuild the case from the form
            self._form_changed()

    def draw(self):
        model = self.model
        model.check()
        advice, plan = model.advice(), model.plan()
        self._advice.value = advice_html(advice)
        self._plan.value = plan_html(plan)
        self._download.value = download_list_html(
            download_link_html(plan.to_ics(), "follow-up-plan.ics", "text/calendar",
                               "Download the plan for your calendar (.ics)"),
            case_download_html(model.case), handout_download_html(plan, advice, model.today))
        return advice

    def show_error(self, err: Exception) -> None:
        super().show_error(err)
        self._advice.value, self._plan.value, self._download.value = error_html(err), "", ""

    def save(self, replace: bool = False):
        """Save the case under the name typed in **Save as**, in the learner's folder.

        An existing file is not replaced: a **Replace** button asks first. Returns the
        path written, or None (the reason is shown under the buttons).
        """
        self._replace.layout.display = "none"
        if self.model.case is None:
            self._status.value = error_html(InputError("case", "has an error", "fix the form first"))
            return None
        case = self.model.case
        return self.save_step(
            lambda: self._folder.save(self._name.value, case.to_json() + "\n", replace=replace),
            status=self._status, replace_button=self._replace,
            saved=lambda path: (f"Saved as <code>{escape(path.name)}</code> in your folder "
                                f"<code>{escape(self._folder.root.name)}/</code>. <b>Load</b> brings it back next time."))

    def open_file(self, data: bytes, name: str) -> Case | None:
        """Open a case from a file's bytes (as **Open a case file** does); an error is shown under the buttons."""
        self._replace.layout.display = "none"
        try:
            if len(data) > MAX_CASE_FILE_BYTES:
                raise InputError(name or "case file", f"is {len(data) // 1024} KB, too big for a case file",
                                 "open the .json file that Download my case gave you")
            case = Case.from_json(decode_user_bytes(data, "case file", name or "the case file"),
                                  source=name or "case file")
        except FollowupError as err:
            self._status.value = error_html(err)
            return None
        return self._show_case(case, f"Opened <code>{escape(name)}</code>. <b>Save</b> keeps it in your folder.")

    def _opened(self, change) -> None:
        files = change.new
        if not files:
            return
        try:
            self.open_file(bytes(files[0].get("content", b"")), str(files[0].get("name", "")))
        finally:
            del files
            self._open.value = ()  # the file's bytes are not kept on the widget

    def load(self) -> Case | None:
        """Load the case saved under the name in **Save as**; an error is shown under the buttons."""
        self._replace.layout.display = "none"
        try:
            case = Case.from_json(self._folder.read(self._name.value), source=f"saved case {self._name.value!r}")
        except FollowupError as err:
            self._status.value = error_html(err)
            return None
        return self._show_case(case, f"Loaded <code>{escape(self._folder.path_for(self._name.value).name)}</code>.")

    def _show_case(self, case: Case, status: str) -> Case:
        """Fill the form with a case read from a file (saved or opened), and say so under the buttons."""
        self._base = case
        self.set_values(**form_from_case(case))
        self._status.value = status
        return case
