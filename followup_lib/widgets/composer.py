"""The message composer: a few labelled fields in, a ready-to-send email out, live.

The thank-you (stage 2), the follow-up (stage 4) and the second attempt (stage 6) are
written with the same form: ``ThankYouComposer(model, kind="follow_up")``. Every keystroke
redraws the draft from :func:`followup_lib.messages.drafts.draft`; the form only maps its
fields to that call (:mod:`followup_lib.messages.compose_fields`) and renders the result,
escaped.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w
import traitlets

from followup_lib.errors import FollowupError, InputError
from followup_lib.messages.compose_fields import (FIELD_LABELS, KIND_TITLES, case_defaults, check_email_kind,
                                                  default_tone, draft_arguments, fields_for, labelled_error,
                                                  missing_line, review_context, word_limit)
from followup_lib.messages.drafts import TONES
from followup_lib.messages.required import MissingFieldsError
from followup_lib.widgets.base import CoachView
from followup_lib.widgets.html import error_html
from followup_lib.widgets.model import CaseModel
from followup_lib.workspace import LearnerFolder, learner_folder

LABEL_WIDTH = "9em"  # wide enough for every label, so none is cut off
#: Widths of label and input together (normal, projector), so nothing is cut off on a projector.
FIELD_WIDTH = {False: "36em", True: "50em"}
CHOICE_WIDTH = {False: "20em", True: "30em"}
PLACEHOLDERS = {
    "name": "as you sign your emails, e.g. Zoë O'Neill",
    "interviewer": "e.g. Ms. Okafor or Sam",
    "position": "the job title, e.g. Data Analyst",
    "company": "e.g. Northwind Health",
    "topic": "something specific you talked about, e.g. the readmission dashboard",
    "value_link": "optional: https://… a link related to what you discussed",
    "value_note": "optional: one sentence on what the link shows",
    "hr_contact": "optional: write to HR instead, e.g. Mr. Diaz",
    "to": "optional, for the mail link: name@example.org",
}
WORDINGS = (("1", 0), ("2", 1), ("3", 2))
#: Field values a composer can be given (its keyword arguments and :meth:`set_values`).
INPUT_NAMES = ("name", "interviewer", "position", "company", "topic", "value_link", "value_note",
               "hr_contact", "tone", "variant", "to")
_BOX = ("white-space:pre-wrap;overflow-wrap:break-word;word-break:normal;font-family:inherit;line-height:1.45;"
        "border:1px solid #767676;border-radius:4px;padding:0.6em 0.9em;margin:0.3em 0;max-width:46em;"
        "background:#fbfbfb;color:#1a1a1a")
#: Text in the composer's HTML reads at normal line spacing (widget HTML is spaced for one-line labels).
COMPOSER_CSS = ("<style>.fc-composer .widget-html-content{line-height:1.45}"
                ".fc-composer .fc-findings{max-width:46em;overflow-wrap:anywhere}"
                ".fc-projector.fc-composer .widget-html-content,.fc-projector.fc-composer textarea"
                "{font-size:calc(var(--jp-widgets-font-size, 13px) * 1.5)}"
                ".fc-projector.fc-composer select,.fc-projector.fc-composer input{height:auto !important}"
                ".fc-composer a.fc-mailto{display:inline-block;margin:0.3em 0;padding:0.25em 0.9em;"
                "border:2px solid #0072B2;border-radius:4px;color:#0072B2;font-weight:bold;text-decoration:none}"
                ".fc-composer a.fc-mailto:focus,.fc-composer a.fc-mailto:hover{background:#0072B2;color:#fff}"
                "</style>")
#: A Copy button; without a clipboard it selects the text and says which keys copy it.
COPY_BUTTON_HTML = (
    '<button type="button" class="fc-copy-button jupyter-button" title="Copy the message" onclick="'
    + escape("var b=this,t=b.closest('.fc-composer').querySelector('.fc-copy-text textarea');"
             "if(!t){return;}t.focus();t.select();"
             "var ok=function(){b.textContent='\u2714 Copied';},"
             "keys=function(){b.textContent='Press Ctrl+C (\u2318C on a Mac) to copy';};"
             "if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(t.value).then(ok,keys);}"
             "else{try{document.execCommand('copy')?ok():keys();}catch(e){keys();}}")
    + '"><i class="fa fa-copy" aria-hidden="true"></i> Copy</button>')


def _inputs(projector: bool) -> dict:
    inputs = {field: w.Text(description=FIELD_LABELS[field], placeholder=PLACEHOLDERS[field],
                            layout=w.Layout(width=FIELD_WIDTH[projector]))
              for field in ("name", "interviewer", "position", "company", "topic", "value_link", "value_note",
                            "hr_contact", "to")}
    inputs["to"].continuous_update = False  # no "not an address" while it is being typed
    choice = w.Layout(width=CHOICE_WIDTH[projector])
    inputs["tone"] = w.Dropdown(description=FIELD_LABELS["tone"], options=TONES, value="warm", layout=choice)
    inputs["variant"] = w.Dropdown(description=FIELD_LABELS["variant"], options=WORDINGS, value=0,
                                   layout=w.Layout(width=CHOICE_WIDTH[projector]))
    for widget in inputs.values():
        widget.style.description_width = LABEL_WIDTH
    return inputs


def draft_box_html(draft) -> str:
    """The draft's whole text (subject line and body), escaped, in a box."""
    return f'<pre class="fc-draft-text" aria-label="Your draft" style="{_BOX}">{escape(draft.text)}</pre>'


def stats_html(draft, limit: int, review=None) -> str:
    """The word count against the limit, and the review's verdict with its findings."""
    over = draft.word_count > limit
    words = (f"&#9888; {draft.word_count} words: over {limit}, cut it down" if over else
             f"{draft.word_count} words (under {limit}: good)")
    parts = [f'<div class="fc-word-count">{words}</div>']
    if review is not None:
        from followup_lib.messages.render_html import findings_html

        icon = "&#10004;" if review.ok else "&#10006;"
        parts.append(f'<div class="fc-draft-review"><b>{icon} Coach\'s check: {escape(review.summary())}</b></div>')
        if review.findings:
            parts.append(findings_html(review.findings))
    return "".join(parts)


def mail_link_html(link) -> str:
    """The **Open in my email** link (its ``mailto:`` URL escaped), and the note of a draft too long for it.

    Examples
    --------
    >>> from followup_lib.messages.mailto import MailtoLink
    >>> mail_link_html(MailtoLink("mailto:?subject=Hi&body=A%20%26%20B", True))
    '<a class="fc-mailto" href="mailto:?subject=Hi&amp;body=A%20%26%20B">&#9993; Open in my email</a>'
    """
    html = f'<a class="fc-mailto" href="{escape(link.url)}">&#9993; Open in my email</a>'
    if not link.complete:
        html += (f'<div class="fc-mailto-note"><i class="fa fa-info-circle" aria-hidden="true"></i> '
                 f"Note: {escape(link.note)}</div>")
    return html


class ThankYouComposer(CoachView):
    """A form for one email (thank-you, follow-up or second attempt) that drafts it as you type.

    Parameters
    ----------
    model : CaseModel, optional
        The notebook's shared case model; a new one when left out. Its case fills in the
        interviewer, position and company, the tone (formal for a traditional field) and
        the dates a follow-up mentions; with a case the draft is also reviewed for the day.
    kind : {"thank_you", "follow_up", "second_attempt"}
        Which email. A follow-up also asks for a link that adds value and a note about it;
        a second attempt for an optional HR contact.
    name, interviewer, position, company, topic, value_link, value_note, hr_contact : str, optional
        Starting values of the fields.
    tone : {"warm", "formal"}, optional
    variant : {0, 1, 2}, optional
        The wording (shown as 1 to 3).
    to : str, optional
        The recipient's address, for the **Open in my email** link.
    folder : LearnerFolder, optional
        Where **Save draft** writes (default: the learner's ``my-work/``), as ``<name>.txt``.
    projector : bool, optional
        Large text for a projector (default: the setting of :func:`followup_lib.projector`).

    ``value`` (read-only) is the :class:`~followup_lib.messages.drafts.Draft`, or None
    while a field is missing (one line names them) or wrong (one line says how).
    """

    kind = traitlets.Unicode("thank_you")

    def __init__(self, model: CaseModel | None = None, *, kind: str = "thank_you", name=None, interviewer=None,
                 position=None, company=None, topic=None, value_link=None, value_note=None, hr_contact=None,
                 tone=None, variant=None, to=None, folder: LearnerFolder | None = None,
                 projector: bool | None = None, **kwargs):
        from followup_lib.projector_mode import projector_on

        model = model if model is not None else CaseModel()
        projector = projector_on() if projector is None else projector
        self._folder = folder or learner_folder()
        self._inputs = _inputs(projector)
        self._heading, self._notice, self._missing = w.HTML(), w.HTML(), w.HTML()
        self._result = self._outputs(projector)
        self._form = w.VBox(list(self._inputs.values()))
        super().__init__([w.HTML(COMPOSER_CSS), self._heading, self._form, self._notice, self._missing, self._result],
                         model=model, projector=projector, **kwargs)
        self.add_class("fc-composer")
        self._case_seen = None
        with self.quiet():
            self.kind = check_email_kind(kind)
            self._show_kind()
            self._take_case(model.case)
            given = dict(name=name, interviewer=interviewer, position=position, company=company, topic=topic,
                         value_link=value_link, value_note=value_note, hr_contact=hr_contact, tone=tone,
                         variant=variant, to=to)
            self._set(**{field: value for field, value in given.items() if value is not None})
        for widget in self._inputs.values():
            widget.observe(self.redraw, names="value")
        self._copy.observe(self._keep_copy_text, names="value")
        self.observe(self._show_kind, names="kind")
        model.observe(self._case_changed, names="case")
        model.observe(self.redraw, names=["today", "params", "error"])
        self._save.on_click(lambda _: self.save())
        self._replace.on_click(lambda _: self.save(replace=True))

    def _outputs(self, projector: bool) -> w.VBox:
        """The draft, its length and check, the copy box, the mail link and the save row."""
        self._draft, self._stats, self._mail, self._status = w.HTML(), w.HTML(), w.HTML(), w.HTML()
        self._copy = w.Textarea(description="Copy from here", rows=4, layout=w.Layout(width=FIELD_WIDTH[projector]))
        self._copy.add_class("fc-copy-text")
        self._copy_text = ""
        self._name = w.Text(description="Save as", placeholder="a name, e.g. acme-thank-you",
                            layout=w.Layout(width=CHOICE_WIDTH[projector]))
        for widget in (self._copy, self._name):
            widget.style.description_width = LABEL_WIDTH
        self._save = w.Button(description="Save draft", icon="save", tooltip="Save the draft in your folder",
                              layout=w.Layout(width="auto"))
        self._replace = w.Button(description="Replace", icon="check", button_style="warning",
                                 tooltip="Replace the saved draft of that name",
                                 layout=w.Layout(display="none", width="auto"))
        return w.VBox([self._draft, self._stats, w.HBox([self._copy, w.HTML(COPY_BUTTON_HTML)]),
                       self._mail, w.HBox([self._name, self._save, self._replace]), self._status])

    # --- the form ----------------------------------------------------------------------
    @traitlets.validate("kind")
    def _check_kind(self, proposal):
        return check_email_kind(proposal["value"])

    def field_values(self) -> dict:
        """The form's current values, by field name (``topic``, ``tone``, ``variant``, ``to``, …)."""
        return {field: widget.value for field, widget in self._inputs.items()}

    def set_values(self, **values) -> None:
        """Set several fields at once (one redraw), e.g. ``set_values(name="Sam Roe", tone="formal")``."""
        with self.quiet():
            self._set(**values)

    def _set(self, **values) -> None:
        unknown = sorted(set(values) - set(INPUT_NAMES))
        if unknown:
            raise InputError(unknown[0], "is not a field of the composer", f"use one of: {', '.join(INPUT_NAMES)}")
        for field, value in values.items():
            self._inputs[field].value = "" if value is None and field not in ("tone", "variant") else value

    def review_context(self) -> dict:
        """What a reviewer should know about this draft: the names, the job, the topic, the case."""
        return review_context(self.kind, self.field_values(), self._case())

    def _show_kind(self, change=None) -> None:
        shown = set(fields_for(self.kind)) | {"tone", "variant", "to"}
        for field, widget in self._inputs.items():
            widget.layout.display = None if field in shown else "none"
        self._heading.value = (f"<b>Your {escape(KIND_TITLES[self.kind])}</b>: fill in the fields, "
                               "and the draft below follows as you type.")
        if not self._name.value or self._name.value in {k.replace("_", "-") for k in KIND_TITLES}:
            self._name.value = self.kind.replace("_", "-")
        self.redraw()

    def _case_changed(self, change) -> None:
        with self.quiet():
            self._take_case(change.new)

    def _take_case(self, case) -> None:
        """Fill in what the case knows, unless the learner has typed something else."""
        if case is None:
            return
        old, new = case_defaults(self._case_seen), case_defaults(case)
        for field, value in new.items():
            if self._inputs[field].value.strip() in ("", old[field]):
                self._inputs[field].value = value
        if self._case_seen is None:
            self._inputs["tone"].value = default_tone(case)
        self._case_seen = case

    def _case(self):
        return None if self.model.error else self.model.case

    def _keep_copy_text(self, change) -> None:
        if change.new != self._copy_text:  # read-only: select and copy, but edits snap back
            self._copy.value = self._copy_text

    # --- drawing -----------------------------------------------------------------------
    def draw(self):
        from followup_lib.messages.drafts import draft

        self._notice.value = (error_html(InputError("your case", f"{self.model.error}; the draft leaves out "
                                                    "its dates until you fix it")) if self.model.error else "")
        self._missing.value = ""
        values, case = self.field_values(), self._case()
        try:
            message = draft(self.kind, case, **draft_arguments(self.kind, values))
        except MissingFieldsError as err:
            self._clear()
            self._missing.value = f'<div class="fc-missing">&#9998; {escape(missing_line(self.kind, err.names))}</div>'
            return None
        except InputError as err:
            raise labelled_error(err) from None
        self._show(message, values, case)
        return message

    def _show(self, message, values: dict, case) -> None:
        review = None
        if case is not None:
            from followup_lib.messages.review import review_draft

            review = review_draft(message.text, self.kind, review_context(self.kind, values, case),
                                  today=self.model.today, params=self.model.params)
        self._result.layout.display = None
        self._draft.value = draft_box_html(message)
        self._stats.value = stats_html(message, word_limit(self.kind, self.model.params), review)
        self._copy_text = message.text
        self._copy.value = message.text
        try:
            self._mail.value = mail_link_html(message.mailto(values.get("to") or None))
        except FollowupError as err:
            self._mail.value = error_html(labelled_error(err) if isinstance(err, InputError) else err)

    def _clear(self) -> None:
        self._result.layout.display = "none"
        self._draft.value = self._stats.value = self._mail.value = ""
        self._copy_text = ""
        self._copy.value = ""

    def show_error(self, err: Exception) -> None:
        self._clear()
        super().show_error(err)

    # --- saving ------------------------------------------------------------------------
    def save(self, replace: bool = False):
        """Save the draft as ``<Save as>.txt`` in the learner's folder.

        An existing file is not replaced: a **Replace** button asks first. Returns the
        path written, or None (the reason is shown under the buttons).
        """
        self._replace.layout.display = "none"
        if self.value is None:
            self._status.value = error_html(InputError("draft", "is not ready", "fill in the fields above first"))
            return None
        text = self.value.text
        return self.save_step(
            lambda: self._folder.save(self._name.value, text + "\n", suffix=".txt", replace=replace),
            status=self._status, replace_button=self._replace,
            saved=lambda path: (f"&#10004; Saved as <code>{escape(path.name)}</code> in your folder "
                                f"<code>{escape(self._folder.root.name)}/</code>."))


__all__ = ["ThankYouComposer", "INPUT_NAMES"]
