"""The knowledge check: a notebook's questions, graded in Python, saved in the learner's folder.

Each question gets labelled controls (radio buttons, tick boxes or a date box), a
**Check** button and, after checking, feedback in words and icons (✔ Correct, ✖ Not quite)
with an explanation for every option, and a **Retry** button. A score line follows the
answers. **Save my answers** keeps them in the learner's folder (``answers-<set>.json``;
an existing file is replaced only after **Replace**), **Load my answers** brings them
back, and **Export for my instructor** makes a one-row CSV to download: nothing is sent
anywhere. All state lives in Python (:class:`~followup_lib.questions.answers.AnswerSheet`),
so the check works the same in JupyterLab and in Voilà.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape

import ipywidgets as w

from followup_lib.errors import FollowupError, InputError
from followup_lib.questions.answers import AnswerSheet, answers_file_name
from followup_lib.questions.loader import load_questions
from followup_lib.questions.render_html import feedback_html, question_html, score_html
from followup_lib.questions.solutions import CALL_OPTIONS
from followup_lib.widgets.base import CoachView
from followup_lib.widgets.html import download_link_html, error_html
from followup_lib.widgets.model import CaseModel
from followup_lib.workspace import FileExists, LearnerFolder, learner_folder

_WIDE = {"description_width": "initial"}
_TICK_LABELS = {"many_choice": "Your answer (tick all that apply):", "whats_wrong": "The faults you see (tick each one):"}



def display_order(question) -> list[int]:
    """The order the options are shown in: fixed for a question (so a learner who reloads sees the
    same screen) but not the file's, since authors tend to write the right answer first. The
    answers keep the file's numbering, so saved answers and grading are unaffected.

    Examples
    --------
    >>> from followup_lib.questions import load_questions
    >>> q = next(q for q in load_questions("00-start-here") if q.type == "multiple_choice")
    >>> sorted(display_order(q)) == list(range(len(q.options))), display_order(q) == display_order(q)
    (True, True)
    """
    import random
    import zlib

    order = list(range(len(question.options)))
    random.Random(zlib.crc32(question.id.encode("utf-8"))).shuffle(order)
    return order

class _Card:
    """One question: its text, the answer controls, Check and Retry, and the feedback."""

    def __init__(self, question, number: int, total: int):
        self.question = question
        self.inputs = self._inputs(question)
        label = _TICK_LABELS.get(question.type)
        shown = [self.inputs[i] for i in display_order(question)] if question.chooses_many else self.inputs
        answer_box = w.VBox([w.Label(label), *shown]) if label else self.inputs[0]
        self.check = w.Button(description="Check", icon="check", tooltip=f"Check your answer to question {number}")
        self.retry = w.Button(description="Retry", icon="redo", tooltip=f"Answer question {number} again",
                              layout=w.Layout(display="none"))
        self.feedback = w.HTML()
        self.box = w.VBox([w.HTML(question_html(question, number, total)), answer_box,
                           w.HBox([self.check, self.retry]), self.feedback],
                          layout=w.Layout(border="1px solid #ccc", padding="0.4em 0.8em", margin="0.4em 0"))
        self.box.add_class("fc-kc-question")

    @staticmethod
    def _inputs(question) -> list:
        if question.type == "which_day":
            return [w.DatePicker(description="Your answer", value=None, style=_WIDE)]
        if question.chooses_many:
            return [w.Checkbox(value=False, description=o.text, indent=False, layout=w.Layout(width="auto"))
                    for o in question.options]
        options = CALL_OPTIONS if question.type == "call_or_not" else [
            (question.options[i].text, i) for i in display_order(question)]
        return [w.RadioButtons(options=list(options), value=None, description="Your answer", style=_WIDE,
                               layout=w.Layout(width="auto"))]

    def read(self):
        """The answer the controls hold (None when nothing is chosen)."""
        if self.question.chooses_many:
            return [i for i, box in enumerate(self.inputs) if box.value]
        return self.inputs[0].value

    def show(self, value) -> None:
        """Put an answer (as the sheet holds it, or None) into the controls."""
        if self.question.chooses_many:
            for i, box in enumerate(self.inputs):
                box.value = value is not None and i in value
        else:
            self.inputs[0].value = value

    def lock(self, checked: bool) -> None:
        """After Check: controls read-only, Retry instead of Check; before: the reverse."""
        for widget in self.inputs:
            widget.disabled = checked
        self.check.layout.display = "none" if checked else None
        self.retry.layout.display = None if checked else "none"


class KnowledgeCheck(CoachView):
    """A notebook's knowledge check.

    Parameters
    ----------
    set_id : str or Path
        The question set: the notebook's file stem (``"04-follow-up-by-email"``) or the
        path of an instructor's own YAML file.
    model : CaseModel, optional
        The notebook's shared case model (the questions bring their own cases).
    folder : LearnerFolder, optional
        Where **Save my answers** and **Load my answers** keep the answers (default: the
        learner's ``my-work/``).
    projector : bool, optional
        Large text for a projector (default: the setting of :func:`followup_lib.projector`).

    ``value`` (read-only) is the :class:`~followup_lib.questions.answers.AnswerSheet`: the
    answers so far and the score. A set that cannot be loaded is shown as one line of error.
    """

    def __init__(self, set_id, *, model: CaseModel | None = None, folder: LearnerFolder | None = None,
                 projector: bool | None = None, **kwargs):
        self._folder = folder or learner_folder()
        self._load_error, self._sheet, self._cards = None, None, {}
        try:
            questions = load_questions(set_id)
        except FollowupError as err:
            self._load_error = err
            super().__init__([], model=model, projector=projector, **kwargs)
            self.redraw()
            return
        self._sheet = AnswerSheet(questions)
        self._cards = {q.id: _Card(q, i, len(questions)) for i, q in enumerate(questions, 1)}
        self._score = w.HTML()
        self._status, self._link = w.HTML(), w.HTML()
        self._save = w.Button(description="Save my answers", icon="save", layout=w.Layout(width="auto"))
        self._load = w.Button(description="Load my answers", icon="upload", layout=w.Layout(width="auto"))
        self._replace = w.Button(description="Replace", icon="check", button_style="warning",
                                 tooltip="Replace the answers saved before", layout=w.Layout(display="none"))
        self._learner = w.Text(description="Your name", placeholder="as your instructor knows you", style=_WIDE)
        self._export = w.Button(description="Export for my instructor", icon="download", layout=w.Layout(width="auto"))
        title = w.HTML(f'<div class="fc-kc-title" style="font-size:1.15em;font-weight:bold">{escape(questions.title)}'
                       f' <span style="font-weight:normal">&middot; {len(questions)} questions</span></div>')
        super().__init__([title, *(c.box for c in self._cards.values()), self._score,
                          w.HBox([self._save, self._load, self._replace]), self._status,
                          w.HBox([self._learner, self._export]), self._link], model=model, projector=projector, **kwargs)
        self.add_class("fc-knowledge-check")
        self._wire()
        self.redraw()

    def _wire(self) -> None:
        for qid, card in self._cards.items():
            card.check.on_click(lambda _, qid=qid: self.check(qid))
            card.retry.on_click(lambda _, qid=qid: self.retry(qid))
        self._save.on_click(lambda _: self.save())
        self._replace.on_click(lambda _: self.save(replace=True))
        self._load.on_click(lambda _: self.load())
        self._export.on_click(lambda _: self.export())
        self._learner.observe(lambda _: setattr(self._link, "value", ""), names="value")

    def draw(self):
        if self._load_error is not None:
            raise self._load_error
        self._score.value = score_html(self._sheet)
        return self._sheet

    # --- answering -------------------------------------------------------------------
    def set_answer(self, question_id: str, answer) -> None:
        """Put an answer into a question's controls (as a learner would), without checking it."""
        self._card(question_id).show(answer if not isinstance(answer, (list, tuple, set)) else set(answer))

    def check(self, question_id: str):
        """Grade the answer in a question's controls; returns the Feedback (None when there is no answer)."""
        card = self._card(question_id)
        if card.question.type == "whats_wrong" and "solution" not in card.question._solved:
            card.feedback.value = "&#8987; Reading the draft&hellip;"  # the reviewer's first run takes a second or two
        try:
            self._sheet = self._sheet.record(question_id, card.read())
        except FollowupError as err:
            card.feedback.value = error_html(err)
            return None
        feedback = self._show_checked(card)
        self._link.value = ""
        self.redraw()
        return feedback

    def retry(self, question_id: str) -> None:
        """Clear a question's feedback so it can be answered again (its tries are kept)."""
        card = self._card(question_id)
        self._sheet = self._sheet.clear(question_id)
        card.feedback.value = ""
        card.lock(False)
        self._link.value = ""
        self.redraw()

    def _show_checked(self, card):
        feedback = self._sheet.feedback(card.question.id)
        card.feedback.value = feedback_html(feedback)
        card.lock(True)
        return feedback

    def _card(self, question_id: str) -> _Card:
        if question_id not in self._cards:
            raise InputError("question", f"{question_id!r} is not a question of this check",
                             f"use one of: {', '.join(self._cards) or 'none'}")
        return self._cards[question_id]

    # --- the learner's folder ----------------------------------------------------------
    def save(self, replace: bool = False):
        """Save the answers in the learner's folder; an existing file only after **Replace**. Returns the path or None."""
        if self._sheet is None:
            return None
        self._replace.layout.display = "none"
        if not self._sheet.answers:
            self._status.value = error_html(InputError("answers", "there are none yet",
                                                       "check at least one answer, then save"))
            return None
        try:
            path = self._sheet.save(self._folder, replace=replace)
        except FileExists:
            self._status.value = error_html(InputError(
                "answers", f"{answers_file_name(self._sheet.set_id)}.json is already saved in {self._folder.root.name}/",
                "press Replace to overwrite it with these answers, or Load my answers to get the saved ones back"))
            self._replace.layout.display = None
            return None
        except FollowupError as err:
            self._status.value = error_html(err)
            return None
        self._status.value = (f"&#10004; Saved your answers as <code>{escape(path.name)}</code> in your folder "
                              f"<code>{escape(self._folder.root.name)}/</code>. <b>Load my answers</b> brings them "
                              "back next time.")
        return path

    def load(self):
        """Load the answers saved for this set; returns the AnswerSheet, or None (the reason is shown)."""
        if self._sheet is None:
            return None
        self._replace.layout.display = "none"
        try:
            sheet = AnswerSheet.load(self._sheet.questions, self._folder)
        except FollowupError as err:
            self._status.value = error_html(err)
            return None
        self._sheet = sheet
        for qid, card in self._cards.items():
            answer = sheet.get(qid)
            card.show(None if answer is None else answer.value)
            if answer is None:
                card.feedback.value = ""
                card.lock(False)
            else:
                self._show_checked(card)
        self._link.value = ""
        right, answered, total = sheet.score
        self._status.value = (f"&#10004; Loaded your answers from <code>{escape(answers_file_name(sheet.set_id))}.json"
                              f"</code>: {answered} of {total} answered.")
        self.redraw()
        return sheet

    # --- export for an instructor -------------------------------------------------------
    def export(self) -> str | None:
        """Make the download link of the one-row CSV; returns the CSV text, or None (the reason is shown)."""
        if self._sheet is None:
            return None
        try:
            text = self._sheet.to_csv(self._learner.value)
        except FollowupError as err:
            self._link.value = error_html(err)
            return None
        name = f"answers-{self._sheet.set_id}-{_slug(self._learner.value)}.csv"
        link = download_link_html(("\ufeff" + text).encode("utf-8"), name, "text/csv",
                                  f"Download {name} for your instructor")
        self._link.value = (f"{link}<div style='color:#555'>The file is made here and saved by your browser: "
                            "nothing is sent anywhere. Hand it in as your instructor asks.</div>")
        return text


def _slug(name: str) -> str:
    """A file-name-safe form of a learner's name: ``'Zoë O'Neill'`` -> ``'zoe-o-neill'``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-") or "learner"
