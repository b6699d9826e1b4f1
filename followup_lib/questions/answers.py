"""The learner's answers to one question set: the score, a JSON file of their own, a CSV row for an instructor.

An :class:`AnswerSheet` is immutable: :meth:`~AnswerSheet.record` and
:meth:`~AnswerSheet.clear` return a new sheet, so a widget's ``value`` changes whenever an
answer does. Each answer is graded as it is recorded (and graded again when a saved file is
read back: a file's own verdicts are never trusted).

The JSON file keeps each answer in words (the option's text, an ISO date, true/false), so a
set whose options were reordered still reads back, and a set whose questions changed gives
one plain message instead of wrong answers. It is saved in the learner's folder as
``answers-<set id>.json`` and, like every file there, replaced only when asked.

Examples
--------
>>> from followup_lib.questions.loader import load_questions
>>> qs = load_questions("04-follow-up-by-email")
>>> sheet = AnswerSheet(qs).record("when-over-thanksgiving", date(2026, 11, 30))
>>> sheet.score
(1, 1, 5)
>>> AnswerSheet.from_json(sheet.to_json(), qs) == sheet
True
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from datetime import date  # noqa: F401  (the doctests)

from followup_lib.errors import InputError
from followup_lib.questions.grading import Feedback, grade, normalise_answer

FORMAT = "followup-coach-answers"
VERSION = 1
#: Largest answers file read, in characters (a real one is a few kilobytes).
MAX_FILE_CHARS = 200_000
#: Longest learner name in an export.
MAX_NAME = 100
#: What a CSV cell may not start with, lest a spreadsheet run it as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def answers_file_name(set_id: str) -> str:
    """The name an answer sheet is saved under in the learner's folder (``.json`` is added)."""
    return f"answers-{set_id}"


@dataclass(frozen=True)
class Answer:
    """One recorded answer: its value (as :func:`normalise_answer` gives it), how many Checks so far, and the verdict."""

    question_id: str
    value: object
    tries: int
    correct: bool


@dataclass(frozen=True)
class AnswerSheet:
    """A learner's answers to one :class:`~followup_lib.questions.schema.QuestionSet`, in question order."""

    questions: object
    answers: tuple[Answer, ...] = ()
    _tries: tuple[tuple[str, int], ...] = ()  # Checks of questions cleared by Retry

    @property
    def set_id(self) -> str:
        return self.questions.id

    def __eq__(self, other) -> bool:
        return (isinstance(other, AnswerSheet) and other.set_id == self.set_id and other.answers == self.answers
                and other._tries == self._tries)

    __hash__ = None

    def get(self, question_id: str) -> Answer | None:
        """The recorded answer to a question, or None."""
        return next((a for a in self.answers if a.question_id == question_id), None)

    def tries(self, question_id: str) -> int:
        """How many times the learner pressed Check on this question."""
        answer = self.get(question_id)
        return answer.tries if answer else dict(self._tries).get(question_id, 0)

    def record(self, question_id: str, answer) -> "AnswerSheet":
        """A new sheet with ``answer`` recorded (and graded) for the question."""
        question = self.questions.question(question_id)
        value = normalise_answer(question, answer)
        verdict = grade(question, value).correct
        new = Answer(question_id, value, self.tries(question_id) + 1, verdict)
        return self._with(question_id, new)

    def clear(self, question_id: str) -> "AnswerSheet":
        """A new sheet without the answer to the question (Retry); its count of tries is kept."""
        self.questions.question(question_id)
        return self._with(question_id, None)

    def _with(self, question_id: str, new: Answer | None) -> "AnswerSheet":
        kept = {a.question_id: a for a in self.answers if a.question_id != question_id}
        tries = {k: v for k, v in self._tries if k != question_id}
        if new is not None:
            kept[question_id] = new
        elif (old := self.get(question_id)) is not None or question_id in dict(self._tries):
            tries[question_id] = old.tries if old is not None else dict(self._tries)[question_id]
        order = [q.id for q in self.questions]
        return AnswerSheet(self.questions, tuple(kept[i] for i in order if i in kept),
                           tuple((i, tries[i]) for i in order if i in tries))

    def feedback(self, question_id: str) -> Feedback | None:
        """The feedback on the recorded answer, or None when the question is unanswered."""
        answer = self.get(question_id)
        return None if answer is None else grade(self.questions.question(question_id), answer.value)

    @property
    def score(self) -> tuple[int, int, int]:
        """(correct, answered, questions in the set)."""
        return sum(a.correct for a in self.answers), len(self.answers), len(self.questions)

    def score_line(self) -> str:
        """The score in words, e.g. ``'Score: 2 of 5 correct (3 answered).'``"""
        right, answered, total = self.score
        if right == total:
            return f"Score: all {total} correct."
        left = total - answered
        still = f"; {left} still to answer" if left else ""
        return f"Score: {right} of {total} correct ({answered} answered{still})."

    # --- JSON ---------------------------------------------------------------------------
    def to_json(self) -> str:
        """The sheet as JSON text: each answer in words, with its tries (and the score, for reading)."""
        right, answered, total = self.score
        answers = {a.question_id: {"answer": _encode(self.questions.question(a.question_id), a.value),
                                   "tries": a.tries} for a in self.answers}
        data = {"format": FORMAT, "version": VERSION, "set": self.set_id, "answers": answers,
                "retried": {k: v for k, v in self._tries},
                "score": {"correct": right, "answered": answered, "questions": total}}
        return json.dumps(data, indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, questions, *, source: str = "answers file") -> "AnswerSheet":
        """Read a sheet saved by :meth:`to_json` for ``questions``; every answer is graded again.

        Raises
        ------
        InputError
            Naming ``source``, when the text is not such a file, belongs to another set, or
            answers questions the set no longer has.
        """
        data = _read_json(text, source)
        if data.get("set") != questions.id:
            raise InputError(source, f"holds answers to {str(data.get('set'))[:60]!r}, not to {questions.id!r}",
                             "load it in that notebook's knowledge check")
        answers, retried = {}, {}
        for qid, item in _items(data.get("answers"), source):
            value = _decode(questions, qid, item, source)
            tries = _tries(item.get("tries", 1), source, qid, minimum=1)
            answers[qid] = Answer(qid, value, tries, grade(questions.question(qid), value).correct)
        for qid, count in _items(data.get("retried", {}), source):
            _decode_id(questions, qid, source)
            if qid not in answers:
                retried[qid] = _tries(count, source, qid, minimum=0)
        order = [q.id for q in questions]
        return cls(questions, tuple(answers[i] for i in order if i in answers),
                   tuple((i, retried[i]) for i in order if i in retried))

    # --- the learner's folder --------------------------------------------------------------
    def save(self, folder, *, replace: bool = False):
        """Save to ``answers-<set id>.json`` in the learner's folder; an existing file only with ``replace=True``.

        Raises :class:`~followup_lib.workspace.FileExists` when the file exists (ask first).
        """
        return folder.save(answers_file_name(self.set_id), self.to_json() + "\n", replace=replace)

    @classmethod
    def load(cls, questions, folder) -> "AnswerSheet":
        """The sheet saved for ``questions`` in the learner's folder (InputError with a plain message if none)."""
        name = answers_file_name(questions.id)
        if not folder.exists(name):
            raise InputError("answers", f"none saved yet for this set in {folder.root.name}/",
                             "press Save my answers first")
        return cls.from_json(folder.read(name), questions, source=folder.path_for(name).name)

    # --- CSV for an instructor ---------------------------------------------------------
    def csv_header(self) -> str:
        """The header line matching :meth:`to_csv_row`."""
        names = ["learner", "set", "correct", "answered", "questions"]
        for q in self.questions:
            names += [q.id, f"{q.id} tries"]
        return _csv_line(names)

    def to_csv_row(self, learner_name: str) -> str:
        r'''One CSV line: the learner, the set, the score, then each question's result and tries.

        Commas and quotes in the name are quoted as CSV requires (line breaks become
        spaces), and a name that a spreadsheet would run as a formula (``=…``, ``+…``,
        ``@…``) is prefixed with ``'``.

        Examples
        --------
        >>> from followup_lib.questions.loader import load_questions
        >>> sheet = AnswerSheet(load_questions("00-start-here"))
        >>> sheet.to_csv_row('Lee, Sam "S"').rstrip()
        '"Lee, Sam ""S""",00-start-here,0,0,4,,0,,0,,0,,0'
        >>> sheet.to_csv_row("=HYPERLINK(1)").split(",")[0]
        "'=HYPERLINK(1)"
        '''
        name = check_learner_name(learner_name)
        right, answered, total = self.score
        cells = [name, self.set_id, right, answered, total]
        for q in self.questions:
            answer = self.get(q.id)
            cells += ["" if answer is None else ("correct" if answer.correct else "not quite"), self.tries(q.id)]
        return _csv_line(cells)

    def to_csv(self, learner_name: str) -> str:
        """The one-row CSV file: the header line and :meth:`to_csv_row`."""
        return self.csv_header() + self.to_csv_row(learner_name)


def check_learner_name(name) -> str:
    """The learner's name, cleaned for a CSV cell (InputError naming ``Your name`` if unusable)."""
    if not isinstance(name, str) or not name.strip():
        raise InputError("Your name", "is empty", "type your name so your instructor knows whose answers these are")
    text = " ".join(unicodedata.normalize("NFC", name).split())
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf"))
    if len(text) > MAX_NAME:
        raise InputError("Your name", f"is {len(text)} characters long", f"keep it under {MAX_NAME}")
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_line(cells) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def _encode(question, value):
    if question.type == "which_day":
        return value.isoformat()
    if question.type == "call_or_not":
        return value
    if question.chooses_many:
        return [question.options[i].text for i in sorted(value)]
    return question.options[value].text


def _changed(source: str, what: str) -> InputError:
    return InputError(source, f"does not match this set of questions ({what})",
                      "the questions have changed since it was saved: answer them again and save")


def _read_json(text, source: str) -> dict:
    if not isinstance(text, str) or len(text) > MAX_FILE_CHARS:
        raise InputError(source, "is not an answers file (it is far too large)", "save your answers again")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(source, f"is not readable JSON (line {err.lineno}, column {err.colno})",
                         "save your answers again") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(source, "is not a Follow-up Coach answers file", "save your answers again")
    if data.get("version") != VERSION:
        raise InputError(source, f"is of version {str(data.get('version'))[:20]}, not {VERSION}",
                         "save your answers again")
    return data


def _items(value, source: str):
    if not isinstance(value, dict):
        raise InputError(source, "is not an answers file (its answers are not a mapping)", "save your answers again")
    return value.items()


def _decode_id(questions, qid, source: str):
    for q in questions:
        if q.id == qid:
            return q
    raise _changed(source, f"it answers a question {str(qid)[:40]!r} the set does not have")


def _decode(questions, qid, item, source: str):
    question = _decode_id(questions, qid, source)
    if not isinstance(item, dict) or "answer" not in item:
        raise _changed(source, f"the answer to {qid!r} is unreadable")
    value = item["answer"]
    if question.type == "call_or_not" and not isinstance(value, bool):
        raise _changed(source, f"the answer to {qid!r} is not true or false")
    if question.type in ("multiple_choice", "many_choice", "whats_wrong"):
        texts = value if question.chooses_many else [value]
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            raise _changed(source, f"the answer to {qid!r} is unreadable")
        if any(t not in [o.text for o in question.options] for t in texts):
            raise _changed(source, f"an option chosen for {qid!r} is no longer offered")
    try:
        return normalise_answer(question, value)
    except InputError:
        raise _changed(source, f"the answer to {qid!r} is unreadable") from None


def _tries(value, source: str, qid: str, *, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= 10_000:
        raise _changed(source, f"the count of tries for {qid!r} is not a whole number")
    return value


__all__ = ["Answer", "AnswerSheet", "answers_file_name", "check_learner_name"]
