"""The interview exit checklist: what you left the interview with, what to ask next time.

A view over :func:`followup_lib.etiquette.exit_check.check_exit`: labelled inputs for the
five things to leave with (and the invitation to call), a live result card, and an
**Add to my case** button that writes the stage-1 fields into the notebook's shared case.
With no case yet, it asks when the interview ended and starts one.
"""

from __future__ import annotations

from datetime import date, time
from html import escape

import ipywidgets as w

from followup_lib.errors import FollowupError, InputError
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.exit_check import ExitCheck, check_exit
from followup_lib.etiquette.kinds import Channel
from followup_lib.suggest import did_you_mean
from followup_lib.widgets.base import CoachView
from followup_lib.widgets.html import error_html
from followup_lib.widgets.model import CaseModel
from followup_lib.widgets.planner import COMMON_ZONES
from followup_lib.widgets.planner_form import case_from_form

LABEL_WIDTH = "13em"  # wide enough for every label ("Checking in welcome?"), so none is cut off
#: Widths of label and input together (normal, projector): wide enough for "a range of dates".
WIDTHS = {False: {"input": "26em", "name": "34em", "second": None},
          True: {"input": "38em", "name": "48em", "second": "24em"}}
#: On a projector the result card's text grows like the inputs (its table keeps the card's size).
PROJECTOR_CARD_CSS = ("<style>.fc-projector .fc-exit-check, .fc-projector .fc-exit-line "
                      "{font-size: calc(var(--jp-widgets-font-size, 13px) * 1.5)}"
                      ".fc-projector .fc-exit-check table {font-size: 100% !important}"
                      ".fc-exit-checklist.fc-projector .widget-label-basic {font-size: 150%}"
                      ".fc-exit-checklist.fc-projector select, .fc-exit-checklist.fc-projector input "
                      "{height: auto !important}</style>")
TIMELINES = (("none given", "none"), ("one date", "date"), ("a range of dates", "range"))
CHANNELS = (("not asked", "unknown"), ("email", "email"), ("phone", "phone"))
ANSWERS = (("not asked", "unknown"), ("yes", "yes"), ("no", "no"))
#: The check's argument names as the form labels them, so an error names what the learner sees.
LABELS = {"decision_date": "Decision by", "decision_start": "Range from", "decision_end": "Range to",
          "contact_name": "Contact's name", "preferred_channel": "Preferred channel",
          "checking_in_welcome": "Checking in welcome?"}


def _answer_inputs() -> dict:
    return {
        "next_steps_known": w.Checkbox(description="They explained the next steps", indent=False),
        "timeline": w.Dropdown(description="Decision timeline", options=TIMELINES, value="none"),
        "decision_date": w.DatePicker(description="Decision by"),
        "decision_start": w.DatePicker(description="Range from"),
        "decision_end": w.DatePicker(description="Range to"),
        "contact_name": w.Text(description="Contact's name", placeholder="e.g. Ms. Okafor (blank: nobody named)"),
        "preferred_channel": w.Dropdown(description="Preferred channel", options=CHANNELS, value="unknown"),
        "checking_in_welcome": w.Dropdown(description="Checking in welcome?", options=ANSWERS, value="unknown"),
        "invited_to_call": w.Checkbox(description="The interviewer invited me to call", indent=False),
    }


def _interview_inputs(today: date) -> dict:
    return {
        "interview_day": w.DatePicker(description="Interview on", value=today),
        "interview_time": w.TimePicker(description="Ended at"),
        "timezone": w.Combobox(description="Time zone", options=COMMON_ZONES, value="America/New_York",
                               ensure_option=False),
        "country": w.Text(description="Country", value="US", placeholder="ISO code: US, GB, DE…"),
    }


def _size(inputs: dict, interview: dict, widths: dict) -> None:
    """Label and input widths, so no label or choice is cut off (wider on a projector)."""
    for widget in (*inputs.values(), *interview.values()):
        if isinstance(widget, w.Checkbox):
            widget.layout.width = "auto"  # its label is on its right: let it run
        else:
            widget.style.description_width = LABEL_WIDTH
    for name in ("timeline", "preferred_channel", "checking_in_welcome", "decision_date", "decision_start"):
        inputs[name].layout.width = widths["input"]
    inputs["contact_name"].layout.width = widths["name"]
    for second in (inputs["decision_end"], interview["interview_time"]):  # second in a row: a short label
        second.style.description_width, second.layout.width = "5em", widths["second"]


def _clock_time(text: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise InputError("interview_time", f"{text[:40]!r} is not a time of day",
                         "write it as HH:MM, e.g. 15:00") from None


class InterviewExitChecklist(CoachView):
    """What you left the interview with: the gaps, the questions to ask, and your case's stage-1 fields.

    Parameters
    ----------
    model : CaseModel, optional
        The notebook's shared case model; a new one when left out. **Add to my case**
        updates its case, or starts one from the **Interview on** / **Ended at** inputs
        shown while it has none.
    projector : bool, optional
        Large text for a projector (default: the setting of :func:`followup_lib.projector`).

    ``value`` (read-only) is the latest :class:`~followup_lib.etiquette.exit_check.ExitCheck`,
    or None while an input is wrong (the reason is shown in one line inside the widget).
    """

    def __init__(self, model: CaseModel | None = None, *, projector: bool | None = None, **kwargs):
        from followup_lib.projector_mode import projector_on

        model = model if model is not None else CaseModel()
        projector = projector_on() if projector is None else projector
        self._inputs, self._interview = _answer_inputs(), _interview_inputs(model.today)
        _size(self._inputs, self._interview, WIDTHS[projector])
        self._result, self._case_line, self._status = w.HTML(), w.HTML(), w.HTML()
        self._add = w.Button(description="Add to my case", icon="plus", button_style="primary",
                             tooltip="Write these answers into your case", layout=w.Layout(width="auto"))
        i = self._interview
        self._interview_row = w.VBox([w.HBox([i["interview_day"], i["interview_time"]]),
                                      w.HBox([i["timezone"], i["country"]])])
        super().__init__(self._layout(PROJECTOR_CARD_CSS if projector else ""), model=model, projector=projector,
                         **kwargs)
        self.add_class("fc-exit-checklist")
        children = [child for child in self.children if child is not self._error]
        children.insert(children.index(self._result), self._error)  # an input error shows under the inputs
        self.children = tuple(children)
        self._writing = False
        for widget in (*self._inputs.values(), *self._interview.values()):
            widget.observe(self._input_changed, names="value")
        self._inputs["timeline"].observe(self._show_timeline, names="value")
        model.observe(self._case_changed, names="case")
        model.observe(self.redraw, names=["error", "params"])
        self._add.on_click(lambda _: self.add_to_case())
        self._show_timeline()
        if model.case is not None:
            self._fill_from_case(model.case)
        else:
            self.redraw()

    def _layout(self, css: str) -> list:
        i = self._inputs
        form = w.VBox([
            w.HTML(css + '<div class="fc-exit-line"><b>What you left the interview with</b></div>'),
            i["next_steps_known"], i["timeline"],
            w.HBox([i["decision_date"], i["decision_start"], i["decision_end"]]),
            i["contact_name"], i["preferred_channel"], i["checking_in_welcome"], i["invited_to_call"],
        ])
        return [form, self._result, w.HTML('<div class="fc-exit-line"><b>Add it to your case</b></div>'),
                self._case_line, self._interview_row, w.HBox([self._add]), self._status]

    def _input_changed(self, change=None) -> None:
        """An answer changed: an earlier "Added" no longer describes the form."""
        self._status.value = ""
        self.redraw()

    def _show_timeline(self, change=None) -> None:
        kind = self._inputs["timeline"].value
        self._inputs["decision_date"].layout.display = None if kind == "date" else "none"
        for name in ("decision_start", "decision_end"):
            self._inputs[name].layout.display = None if kind == "range" else "none"

    def form_values(self) -> dict:
        """The inputs' current values, by the names :meth:`set_values` takes."""
        return {name: widget.value for name, widget in {**self._inputs, **self._interview}.items()}

    def set_values(self, **values) -> None:
        """Set several inputs at once (one redraw): ``set_values(contact_name="Sam Lee", timeline="date", ...)``.

        A ``decision_date`` alone chooses the timeline "one date", and ``decision_start`` /
        ``decision_end`` choose "a range of dates"; ``interview_time`` may be written
        ``"15:00"``. An unknown name is an InputError.
        """
        inputs = {**self._inputs, **self._interview}
        for name in values:
            if name not in inputs:
                raise InputError(name, "is not an input of the checklist", did_you_mean(name, sorted(inputs)))
        if isinstance(values.get("interview_time"), str):
            values["interview_time"] = _clock_time(values["interview_time"])
        if "timeline" not in values:
            if values.get("decision_start") or values.get("decision_end"):
                values = {"timeline": "range", **values}
            elif values.get("decision_date"):
                values = {"timeline": "date", **values}
        with self.quiet():
            for name, value in values.items():
                inputs[name].value = value

    def answers(self) -> dict:
        """The form as keyword arguments of :func:`~followup_lib.etiquette.exit_check.check_exit`."""
        values = {name: widget.value for name, widget in self._inputs.items()}
        kind = values.pop("timeline")
        if kind == "date" and values["decision_date"] is None:
            raise InputError("Decision by", "is empty", "pick the date they gave, or choose 'none given'")
        if kind == "range" and values["decision_start"] is None and values["decision_end"] is None:
            raise InputError("Range from", "is empty", "pick both ends of the range, or choose 'none given'")
        if kind != "date":
            values["decision_date"] = None
        if kind != "range":
            values["decision_start"] = values["decision_end"] = None
        return values

    def _interview_date(self) -> date | None:
        case = self.model.case
        return case.interview_date if case is not None else self._interview["interview_day"].value

    def draw(self) -> ExitCheck:
        self._case_line.value = self._case_html()
        self._interview_row.layout.display = "none" if self.model.case is not None or self.model.error else None
        try:
            result = check_exit(**self.answers(), interview_date=self._interview_date(), params=self.model.params)
        except InputError as err:  # name the input as the form labels it
            raise InputError(LABELS.get(err.field, err.field), err.problem, err.fix) from None
        self._result.value = result._repr_html_()
        return result

    def show_error(self, err: Exception) -> None:
        super().show_error(err)
        self._result.value = ""

    def _case_html(self) -> str:
        model = self.model
        if model.error:
            return error_html(InputError("Your case", f"has an error ({model.error})",
                                         "fix it in the planner first, then add these answers"))
        if model.case is None:
            return ('<div class="fc-exit-line">No case yet. The coach counts every date from the end of the '
                    "interview: say when it ended, and <b>Add to my case</b> starts your case.</div>")
        end = model.case.interview_end
        return (f'<div class="fc-exit-line">Adds to your case: the interview that ended on '
                f"{escape(f'{end:%a %d %b %Y at %H:%M}')}. If that is not when yours ended, correct it in the "
                "planner (<b>Interview on</b>, <b>ended at</b>).</div>")

    def add_to_case(self) -> Case | None:
        """Write the answers into the model's case (starting one if it has none); None on an error.

        The result or the reason it failed is shown under the button.
        """
        try:
            if self.value is None:
                raise InputError("Checklist", "has an error", "fix the line shown above first")
            if self.model.error:
                raise InputError("Your case", f"has an error ({self.model.error})", "fix it in the planner first")
            case = self.value.apply_to(self.model.case or self._new_case())
        except FollowupError as err:
            self._status.value = error_html(err)
            return None
        self._writing = True
        try:
            self.model.accept(case)
        finally:
            self._writing = False
        self._status.value = ('<div class="fc-exit-line">&#10004; Added to your case. To keep it, save your '
                              "case with the planner's <b>Save</b> button.</div>")
        return case

    def _new_case(self) -> Case:
        day, clock = self._interview["interview_day"].value, self._interview["interview_time"].value
        if not isinstance(day, date):
            raise InputError("Interview on", "is empty", "pick the day the interview took place")
        if not isinstance(clock, time):
            raise InputError("Ended at", "is empty", "give the time the interview ended (roughly is fine)")
        return case_from_form({"interview_day": day, "interview_time": clock,
                               "timezone": self._interview["timezone"].value.strip(),
                               "country": self._interview["country"].value.strip()})

    def _case_changed(self, change) -> None:
        """A new case in the model (loaded, or entered in the planner): show its stage-1 fields."""
        if not self._writing and change.new is not None and not self._shows(change.new):
            self._fill_from_case(change.new)
        else:
            self.redraw()

    def _shows(self, case: Case) -> bool:
        """True when the checklist already says what the case holds (so a range stays a range)."""
        fields = self.value.fields if self.value is not None else None
        return fields is not None and all(
            getattr(fields, name) == getattr(case, name)
            for name in ("decision_by", "contact_name", "preferred_channel", "checking_in_welcome", "invited_to_call"))

    def _fill_from_case(self, case: Case) -> None:
        """Show a case's stage-1 fields; an email preference may be the default, so it stays "not asked"."""
        channel = self._inputs["preferred_channel"].value
        if case.preferred_channel == Channel.PHONE:
            channel = "phone"
        elif channel == "phone":
            channel = "email"
        welcome = {True: "yes", False: "no", None: "unknown"}[case.checking_in_welcome]
        self.set_values(timeline="date" if case.decision_by else "none", decision_date=case.decision_by,
                        decision_start=None, decision_end=None, contact_name=case.contact_name or "",
                        preferred_channel=channel, checking_in_welcome=welcome,
                        invited_to_call=case.invited_to_call)
