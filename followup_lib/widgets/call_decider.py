"""The call decider: may I call? The verdict in words, then the call script and the voicemail.

The learner's situation (invited to call, a field where calls are customary) maps to the
shared case; the decision date and the day come from the shared model. The verdict is
:func:`~followup_lib.etiquette.call_verdict.call_verdict`; the call script and the
voicemail are :func:`~followup_lib.messages.drafts.draft`, each timed aloud against its
limit (``CALL_MAX_SECONDS``, ``VOICEMAIL_MAX_SECONDS``) in words and with a bar.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

import ipywidgets as w

from followup_lib.errors import FollowupError, InputError
from followup_lib.etiquette.call_verdict import CallStatus, CallVerdict, call_verdict, verdict_html
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.render import TIMELINE_SOURCES
from followup_lib.messages.drafts import draft
from followup_lib.messages.kinds import speaking_seconds, spoken_date
from followup_lib.widgets.base import CoachView
from followup_lib.widgets.html import error_html
from followup_lib.widgets.model import CaseModel

LABEL_WIDTH = "9em"  # wide enough for every label, so none is cut off
FIELD_WIDTH = "30em"
#: Text inputs of the decider: (label, placeholder); interviewer, position and company start from the case.
TEXT_INPUTS = {
    "name": ("Your full name", "as you'd say it on the phone, e.g. Zoë O'Neill"),
    "phone": ("Your phone", "for the voicemail, e.g. +1 555 010 0199"),
    "interviewer": ("Interviewer", "as you'd greet them, e.g. Ms. Okafor"),
    "position": ("Position", "the job title, e.g. Data Analyst"),
    "company": ("Company", "e.g. Northwind Health"),
}
_CASE_FIELDS = {"interviewer": "contact_name", "position": "position", "company": "company"}
_BOX = ("white-space:pre-wrap;word-break:normal;overflow-wrap:break-word;line-height:1.45;font-family:inherit;"
        "border:1px solid #767676;border-radius:4px;padding:0.6em 0.9em;margin:0.3em 0;max-width:46em;"
        "background:#fbfbfb;color:#1a1a1a")


class CallDecider(CoachView):
    """May I call? Shows the verdict for the model's day, then a call script and a voicemail.

    Parameters
    ----------
    model : CaseModel, optional
        The notebook's shared case model (its case, day and parameters); a new one when left out.
    projector : bool, optional
        Large text for a projector (default: the setting of :func:`followup_lib.projector`).
    name, phone : str, optional
        Start the script's fields with your full name and phone number.

    ``value`` (read-only) is the latest
    :class:`~followup_lib.etiquette.call_verdict.CallVerdict`, or None while there is no
    case or an input is wrong (the widget then says what to fix, in one line).
    """

    def __init__(self, model: CaseModel | None = None, *, projector: bool | None = None,
                 name: str | None = None, phone: str | None = None, **kwargs):
        model = model if model is not None else CaseModel()
        self._invited = w.Checkbox(description="The interviewer invited me to call", indent=False,
                                   layout=w.Layout(width="auto", margin="0 2.5em 0 0.5em"))
        self._traditional = w.Checkbox(description="My field expects a follow-up call", indent=False,
                                       layout=w.Layout(width="auto"))
        self._day = w.DatePicker(description="Decide for", value=model.today)
        self._day.style.description_width = LABEL_WIDTH
        self._inputs = {key: w.Text(description=label, placeholder=hint, layout=w.Layout(width=FIELD_WIDTH))
                        for key, (label, hint) in TEXT_INPUTS.items()}
        for widget in self._inputs.values():
            widget.style.description_width = LABEL_WIDTH
        self._decision, self._verdict = w.HTML(), w.HTML()
        self._script, self._voicemail, self._checklist = w.HTML(), w.HTML(), w.HTML()
        self._writing = self._syncing = False
        super().__init__([self._situation(), self._verdict, self._details(), self._script, self._voicemail,
                          self._checklist], model=model, projector=projector, **kwargs)
        self.add_class("fc-call-decider")
        self._invited.observe(self._flags_changed, names="value")
        self._traditional.observe(self._flags_changed, names="value")
        self._day.observe(self._day_changed, names="value")
        for widget in self._inputs.values():
            widget.observe(self.redraw, names="value")
        model.observe(self._case_changed, names="case")
        model.observe(self._today_changed, names="today")
        model.observe(self.redraw, names=["params", "error"])
        with self.quiet():
            self._take_case(model.case)
            self._inputs["name"].value, self._inputs["phone"].value = name or "", phone or ""

    def _situation(self) -> w.VBox:
        return w.VBox([w.HTML("<b>Your situation</b>"), w.HBox([self._invited, self._traditional]),
                       w.HBox([self._day, self._decision])])

    def _details(self) -> w.VBox:
        i = self._inputs
        return w.VBox([w.HTML("<b>Your details, for the script</b>"), w.HBox([i["name"], i["phone"]]),
                       w.HBox([i["interviewer"], i["position"]]), i["company"]],
                      layout=w.Layout(margin="0.6em 0 0 0"))

    def set_values(self, **values) -> None:
        """Set several inputs at once (one redraw): ``invited_to_call``, ``traditional_industry``,
        ``today``, ``name``, ``phone``, ``interviewer``, ``position``, ``company``."""
        with self.quiet():
            for key, value in values.items():
                if key == "invited_to_call":
                    self._invited.value = value
                elif key == "traditional_industry":
                    self._traditional.value = value
                elif key == "today":
                    self._day.value = value
                elif key in self._inputs:
                    self._inputs[key].value = value
                else:
                    known = ", ".join(("invited_to_call", "traditional_industry", "today", *self._inputs))
                    raise InputError(key, "is not an input of the call decider", f"use one of: {known}")

    # --- the shared model, both ways --------------------------------------------------
    def _flags_changed(self, change=None) -> None:
        """A tick box changed: write the learner's situation into the shared case."""
        case = self.model.case
        if self._syncing or case is None:
            self.redraw()
            return
        flags = {"invited_to_call": self._invited.value, "traditional_industry": self._traditional.value}
        if all(getattr(case, key) == value for key, value in flags.items()):
            self.redraw()
            return
        self._writing = True
        try:
            self.model.accept(replace(case, **flags))
        finally:
            self._writing = False
        self.redraw()

    def _case_changed(self, change) -> None:
        if not self._writing:
            with self.quiet():
                self._take_case(change.new)

    def _take_case(self, case: Case | None) -> None:
        """Show a case that came from elsewhere: its tick boxes and the names it holds."""
        if case is None:
            return
        self._syncing = True
        try:
            self._invited.value, self._traditional.value = case.invited_to_call, case.traditional_industry
        finally:
            self._syncing = False
        for key, attribute in _CASE_FIELDS.items():
            if getattr(case, attribute):
                self._inputs[key].value = getattr(case, attribute)

    def _day_changed(self, change) -> None:
        if self._syncing:
            return
        if change.new is None:
            self.show_error(InputError("Decide for", "is empty", "pick the day to decide for"))
        elif change.new == self.model.today:
            self.redraw()
        else:
            try:
                self.model.today = change.new  # the model's observer redraws
            except FollowupError as err:
                self.show_error(err)

    def _today_changed(self, change) -> None:
        if self._day.value != change.new:
            self._syncing = True
            try:
                self._day.value = change.new
            finally:
                self._syncing = False
        self.redraw()

    # --- drawing ----------------------------------------------------------------------
    def draw(self) -> CallVerdict:
        case = self.model.check()
        params = self.model.params
        verdict = call_verdict(case, today=self.model.today, params=params)
        self._decision.value = decision_line_html(verdict)
        self._verdict.value = verdict_html(verdict)
        fields = {key: widget.value for key, widget in self._inputs.items()}
        script, voicemail = _spoken(case, "call_script", fields), _spoken(case, "voicemail", fields)
        self._script.value, self._voicemail.value = scripts_html(verdict, script, voicemail, params)
        self._checklist.value = (checklist_html(case, fields, script, params)
                                 if verdict.status != CallStatus.NO else "")
        return verdict

    def show_error(self, err: Exception) -> None:
        super().show_error(err)
        self._verdict.value = error_html(err)
        self._decision.value = self._script.value = self._voicemail.value = self._checklist.value = ""


def _spoken(case: Case, kind: str, fields: dict):
    """The draft of a call script or voicemail, or the input error that stops it."""
    company = fields["company"].strip() or case.company
    try:
        # variant 0 never names the company: the other wordings print "None" without one
        return draft(kind, case, name=fields["name"], phone=fields["phone"] if kind == "voicemail" else None,
                     interviewer=fields["interviewer"] or None, position=fields["position"] or None,
                     company=company or None, variant=None if company else 0)
    except FollowupError as err:
        return err


def decision_line_html(verdict: CallVerdict) -> str:
    """The decision date the verdict counts from, and where it came from."""
    dates = verdict.advice.dates
    return (f'<div class="fc-decision-date" style="padding:0.3em 1em">Decision date: '
            f"<b>{dates.decision_date:%a %d %b %Y}</b> ({escape(TIMELINE_SOURCES[dates.timeline_source])})</div>")


def time_bar_html(seconds: float, limit: int) -> str:
    """Seconds aloud against a limit, in words (within or over) and as a bar of the limit's width.

    Examples
    --------
    >>> "&#10004; within the limit" in time_bar_html(55.2, 120)
    True
    >>> "&#10006; over the limit" in time_bar_html(130, 120)
    True
    """
    within = seconds <= limit
    share = min(seconds / limit, 1.0) * 100
    words = (f"about {seconds:.0f} seconds aloud, of {limit} at most: "
             + ("&#10004; within the limit" if within else "&#10006; over the limit: cut it down"))
    fill = "#0072B2" if within else "#D55E00"
    return (f'<div class="fc-time" data-within="{str(within).lower()}">'
            f'<div role="img" aria-label="{words}" style="width:20em;height:0.9em;border:1px solid #1a1a1a;'
            f'background:#ffffff;display:inline-block;vertical-align:middle">'
            f'<div style="width:{share:.0f}%;height:100%;background:{fill}"></div></div> {words}</div>')


def spoken_html(title: str, spoken, wpm: int, limit: int) -> str:
    """A script under its title, with its speaking time; an input error as one line instead."""
    if isinstance(spoken, Exception):
        return f'<div class="fc-spoken"><b>{escape(title)}</b>{error_html(spoken)}</div>'
    seconds = speaking_seconds(spoken.word_count, wpm)
    return (f'<div class="fc-spoken" data-kind="{escape(spoken.kind)}"><b>{escape(title)}</b> &middot; '
            f"{spoken.word_count} words{time_bar_html(seconds, limit)}"
            f'<pre class="fc-script-text" style="{_BOX}">{escape(spoken.body)}</pre></div>')


def scripts_html(verdict: CallVerdict, script, voicemail, params) -> tuple[str, str]:
    """What to say, framed by the verdict: ready to use, for later, or not at all (email)."""
    wpm = params.words_per_minute
    if verdict.status == CallStatus.NO:
        why = ("Nothing is left to chase, so there is no script." if verdict.opens else
               "Email stays your channel: write your follow-up as an email (stage 4 shows how). "
               "If the interviewer invites you to call, tick the box above and a script appears here.")
        return f'<p class="fc-no-script">&#9993; {escape(why)}</p>', ""
    if verdict.status == CallStatus.YES:
        title, lead = "Your call script", ""
    else:
        title = f"For when a call is warranted (from {verdict.call_from:%a %d %b}): your call script"
        lead = ('<p class="fc-not-yet">&#9684; Not for today: until then, email is your channel. '
                "Prepare the call now, so it is ready when the day comes.</p>")
    return (lead + spoken_html(title, script, wpm, params.call_max_seconds),
            spoken_html("If you reach voicemail", voicemail, wpm, params.voicemail_max_seconds))


def checklist_html(case: Case, fields: dict, script, params) -> str:
    """Before you dial: what to state (filled in from the inputs), and how to sound."""
    def named(label: str, value: str | None, fix: str) -> str:
        if value:
            return f"<li>&#10004; {label}: <b>{escape(value)}</b></li>"
        return f"<li>&#10006; {label}: missing; {escape(fix)}</li>"

    minutes = params.call_max_seconds / 60
    limit = f"{minutes:g} minute{'s' if minutes != 1 else ''}" if params.call_max_seconds % 60 == 0 \
        else f"{params.call_max_seconds} seconds"
    timing = ""
    if not isinstance(script, Exception):
        seconds = speaking_seconds(script.word_count, params.words_per_minute)
        timing = f" (this script: about {seconds:.0f} seconds)"
    items = [
        named("Say your full name", fields["name"].strip(), "type it above"),
        named("the position", fields["position"].strip() or case.position, "type it above"),
        named("and the interview date", spoken_date(case.interview_date), ""),
        "<li>&#9744; Have the script in front of you, somewhere quiet, with your calendar open.</li>",
        "<li>&#9744; Direct and warm: say why you are calling in one sentence, then listen.</li>",
        "<li>&#9744; No pressure: ask whether there is news; never ask them to decide.</li>",
        f"<li>&#9744; Under {escape(limit)}{escape(timing)}; thank them and say goodbye.</li>",
        "<li>&#9744; Voicemail: who you are, the role, the date, your number twice; then send a short email.</li>",
    ]
    return ('<div class="fc-checklist"><b>Before you dial</b><ul style="list-style:none;padding-left:0.5em">'
            + "".join(items) + "</ul></div>")
