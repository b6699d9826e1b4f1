"""The draft reviewer: paste any draft, see what to fix marked inside the text.

The view only gathers the text, the kind and what is known about the message (the
shared case, a linked composer's fields, a send date), calls
:func:`followup_lib.messages.review.review_draft`, and renders the review escaped: the
verdict, the text with each finding's passage marked and numbered, and the numbered
findings, each with its severity in words and an icon and the fix.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

import ipywidgets as w

from followup_lib.errors import InputError
from followup_lib.messages.kinds import check_kind
from followup_lib.widgets.base import CoachView
from followup_lib.widgets.html import error_html
from followup_lib.widgets.model import CaseModel

LABEL_WIDTH = "9em"
#: Widths of a label and its choice together (normal, projector), so nothing is cut off on a projector.
CHOICE_WIDTH = {False: "20em", True: "30em"}
KIND_OPTIONS = (("Thank-you email", "thank_you"), ("Follow-up email", "follow_up"),
                ("Second attempt", "second_attempt"), ("Call script", "call_script"), ("Voicemail", "voicemail"))
#: Longest stretch of a paste shown with its marks (the reviewer reads no further either).
MAX_SHOWN_CHARS = 10_000
PROMPT = "Paste or type a draft in the box above, then press Review: the coach marks what to fix."
_BOX = ("white-space:pre-wrap;overflow-wrap:break-word;word-break:normal;font-family:inherit;line-height:1.6;"
        "border:1px solid #767676;border-radius:4px;padding:0.6em 0.9em;margin:0.3em 0;max-width:46em;"
        "max-height:36em;overflow-y:auto;background:#fbfbfb;color:#1a1a1a")
_MARK_CSS = ("<style>.fc-reviewer .widget-html-content{line-height:1.45}"
             ".fc-reviewer .fc-findings{max-width:46em;overflow-wrap:anywhere}"
             ".fc-projector.fc-reviewer .widget-html-content,.fc-projector.fc-reviewer textarea"
             "{font-size:calc(var(--jp-widgets-font-size, 13px) * 1.5)}"
             ".fc-projector.fc-reviewer select,.fc-projector.fc-reviewer input{height:auto !important}"
             ".fc-reviewer mark{background:#FFE08A;color:#1a1a1a;border-bottom:2px solid #7A5A00;"
             "padding:0 0.1em}.fc-reviewer mark sup{font-weight:bold}</style>")


def verdict_html(review) -> str:
    """The verdict in one line, with an icon and in words.

    Examples
    --------
    >>> from followup_lib.messages.review import review_draft
    >>> "&#10006; Fix the errors before sending" in verdict_html(review_draft("Any news?? ASAP!", "follow_up"))
    True
    """
    icon, colour = ("&#10004;", "#006B4F") if review.ok else ("&#10006;", "#B34700")
    summary = review.summary()
    return (f'<div class="fc-verdict" style="font-size:1.15em;font-weight:bold;color:{colour}">'
            f"{icon} {escape(summary[0].upper() + summary[1:])}</div>")


def _shown(review) -> tuple[str, list, int]:
    """The part of the text to show, the findings with their spans clipped to it, and how much is left out."""
    text = review.text
    if len(text) <= MAX_SHOWN_CHARS:
        return text, list(review.findings), 0
    clipped = [f if f.end <= MAX_SHOWN_CHARS else
               replace(f, start=0, end=0) if f.start >= MAX_SHOWN_CHARS else replace(f, end=MAX_SHOWN_CHARS)
               for f in review.findings]
    return text[:MAX_SHOWN_CHARS], clipped, len(text) - MAX_SHOWN_CHARS


def marked_html(review) -> str:
    """The reviewed text, escaped, each finding's passage marked and numbered as in the list."""
    from followup_lib.messages.render_html import marked_text_html

    text, findings, left_out = _shown(review)
    more = (f'<div class="fc-left-out">&#8230; and {left_out:,} more characters, not shown and not checked.</div>'
            if left_out else "")
    return f'<pre class="fc-marked" aria-label="Your draft, marked" style="{_BOX}">' \
           f"{marked_text_html(text, findings)}</pre>{more}"


class DraftReviewer(CoachView):
    """Paste a draft (any of the five kinds); see its findings marked in the text, with the fixes.

    Parameters
    ----------
    model : CaseModel, optional
        The notebook's shared case model; with a case the review also checks the timing
        (as of ``model.today``, or the **Send on** date) and knows the interviewer's name.
    kind : str
        ``thank_you``, ``follow_up``, ``second_attempt``, ``call_script`` or ``voicemail``.
    text : str, optional
        A draft to start with.
    send_date : date, optional
        When the message would go out (default: the model's day).
    composer : ThankYouComposer, optional
        A composer to follow: see :meth:`link_to`.
    projector : bool, optional
        Large text for a projector (default: the setting of :func:`followup_lib.projector`).

    ``value`` (read-only) is the :class:`~followup_lib.messages.review.Review`, or None
    while the box is empty.
    """

    def __init__(self, model: CaseModel | None = None, *, kind: str = "thank_you", text: str = "",
                 send_date=None, composer=None, projector: bool | None = None, **kwargs):
        from followup_lib.projector_mode import projector_on

        projector = projector_on() if projector is None else projector
        self._kind = w.Dropdown(description="Kind", options=KIND_OPTIONS, value=check_kind(kind),
                                layout=w.Layout(width=CHOICE_WIDTH[projector]))
        self._send_on = w.DatePicker(description="Send on", value=send_date,
                                     layout=w.Layout(width=CHOICE_WIDTH[projector]))
        self._text = w.Textarea(description="Your draft", value=text, rows=12, continuous_update=False,
                                placeholder="Paste your draft here (Ctrl+V), subject line and all",
                                layout=w.Layout(width="46em", max_width="100%"))
        self._review = w.Button(description="Review", icon="search", tooltip="Review the draft in the box",
                                layout=w.Layout(width="auto"))
        for widget in (self._kind, self._send_on, self._text):
            widget.style.description_width = LABEL_WIDTH
        self._notice, self._verdict, self._marked, self._findings = w.HTML(), w.HTML(), w.HTML(), w.HTML()
        self._composer, self._linked_text = None, None
        super().__init__([w.HTML(_MARK_CSS), w.HBox([self._kind, self._send_on]), self._text, w.HBox([self._review]),
                          self._notice, self._verdict, self._marked, self._findings],
                         model=model, projector=projector, **kwargs)
        self.add_class("fc-reviewer")
        for widget in (self._kind, self._send_on, self._text):
            widget.observe(self.redraw, names="value")
        self._review.on_click(lambda _: self.redraw())
        self.model.observe(self.redraw, names=["case", "today", "params", "error"])
        if composer is not None:
            self.link_to(composer)
        else:
            self.redraw()

    @property
    def kind(self) -> str:
        """The kind chosen in **Kind**."""
        return self._kind.value

    def set_values(self, **values) -> None:
        """Set ``text``, ``kind`` and ``send_date`` at once (one review)."""
        widgets = {"text": self._text, "kind": self._kind, "send_date": self._send_on}
        with self.quiet():
            for name, value in values.items():
                if name not in widgets:
                    raise InputError(name, "is not a field of the reviewer", "use text, kind or send_date")
                widgets[name].value = check_kind(value) if name == "kind" else value

    def link_to(self, composer) -> "DraftReviewer":
        """Follow a composer: its draft fills the box (until you edit it) and its fields are the context.

        The kind follows the composer's, and the review knows your name, the interviewer,
        the company and the topic, so they are not taken for misspellings. Returns self.
        """
        if self._composer is not None:
            self._composer.unobserve(self._composer_changed, names="value")
        self._composer = composer
        composer.observe(self._composer_changed, names="value")
        self._composer_changed()
        return self

    def _composer_changed(self, change=None) -> None:
        message = self._composer.value
        if message is None or self._text.value not in ("", self._linked_text):
            self.redraw()  # the learner's own text stays; the context may have changed
            return
        self._linked_text = message.text
        self.set_values(text=message.text, kind=message.kind)

    def context(self) -> dict:
        """What the review knows: the case (and its names), a linked composer's fields, the send date."""
        case = None if self.model.error else self.model.case
        context = {}
        if case is not None:
            context = {"case": case, **{field: getattr(case, attribute) for field, attribute in
                                         (("interviewer", "contact_name"), ("company", "company"),
                                          ("position", "position")) if getattr(case, attribute)}}
        if self._composer is not None and self._composer.value is not None:
            context.update(self._composer.review_context())
        if self._send_on.value is not None:
            context["send_date"] = self._send_on.value
        return context

    def draw(self):
        from followup_lib.messages.render_html import findings_html
        from followup_lib.messages.review import review_draft

        self._notice.value = (error_html(InputError("your case", f"{self.model.error}; timing is not checked "
                                                    "until you fix it")) if self.model.error else "")
        text = self._text.value
        try:
            if not text.strip():
                raise InputError("text", "is empty")
            review = review_draft(text, self.kind, self.context(), today=self.model.today, params=self.model.params)
        except InputError as err:
            if err.field != "text" or err.problem != "is empty":
                raise
            self._clear()
            self._verdict.value = f'<div class="fc-prompt">&#9998; {escape(PROMPT)}</div>'
            return None
        self._verdict.value = verdict_html(review)
        self._marked.value = marked_html(review)
        self._findings.value = findings_html(review.findings)
        return review

    def _clear(self) -> None:
        self._verdict.value = self._marked.value = self._findings.value = ""

    def show_error(self, err: Exception) -> None:
        self._clear()
        super().show_error(err)


__all__ = ["DraftReviewer", "KIND_OPTIONS", "MAX_SHOWN_CHARS"]
