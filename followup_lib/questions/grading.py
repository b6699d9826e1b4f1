"""Grade one answer: right or not, the right answer, and an explanation for every option.

:func:`grade` takes a question and the learner's answer and returns :class:`Feedback`:

- ``multiple_choice``: the index of one option (or its text);
- ``many_choice`` and ``whats_wrong``: the indexes (or texts) of the ticked options;
- ``which_day``: a :class:`datetime.date` (or an ISO date string);
- ``call_or_not``: True (a call is acceptable) or False.

An answer of the wrong shape is an :class:`~followup_lib.errors.InputError` naming
``answer``: a widget shows it as one line ("choose an answer first").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from followup_lib.errors import InputError
from followup_lib.questions.solutions import CALL_OPTIONS, own_day_notes, solve

#: Icons said with words beside them (never colour alone).
RIGHT_ICON, WRONG_ICON = "\u2714", "\u2716"


@dataclass(frozen=True)
class OptionFeedback:
    """One option after answering: was it chosen, is it right, and why.

    ``details`` holds the reviewer's own sentences for a ``whats_wrong`` fault it found.
    """

    text: str
    explanation: str
    chosen: bool
    right: bool
    many: bool = False
    details: tuple[str, ...] = ()

    @property
    def mark(self) -> str:
        """✔ or ✖ for an option that matters to the answer ('' for an untouched wrong one)."""
        if self.many:
            return RIGHT_ICON if self.chosen == self.right else WRONG_ICON
        if self.chosen:
            return RIGHT_ICON if self.right else WRONG_ICON
        return "\u279c" if self.right else ""

    @property
    def verdict(self) -> str:
        """The mark in words."""
        if self.many:
            return {(True, True): "you ticked it: right", (True, False): "you ticked it, but it does not belong",
                    (False, True): "you missed this one: it belongs", (False, False): "not ticked: right"}[
                (self.chosen, self.right)]
        if self.chosen:
            return "your answer: right" if self.right else "your answer: not right"
        return "the right answer" if self.right else ""


@dataclass(frozen=True)
class Feedback:
    """What the learner sees after pressing Check.

    Attributes
    ----------
    question_id, type : str
    correct : bool
    given, answer : object
        The learner's answer and the right one (an index, a frozenset of indexes, a date, a bool).
    answer_text : str
        The right answer in words.
    options : tuple of OptionFeedback
        Every option with its own explanation (empty for ``which_day``).
    notes : tuple of str
        Further explanation: for a day, the business days counted and the days skipped.
    business_days : int or None
        ``which_day``: business days from the reference date to the right day.
    skipped : tuple of (date, str)
        ``which_day``: weekend days and public holidays left out of the count.
    """

    question_id: str
    type: str
    correct: bool
    given: object
    answer: object
    answer_text: str
    options: tuple[OptionFeedback, ...] = ()
    notes: tuple[str, ...] = ()
    business_days: int | None = None
    skipped: tuple[tuple[date, str], ...] = ()

    @property
    def headline(self) -> str:
        """``'Correct'`` or ``'Not quite'``."""
        return "Correct" if self.correct else "Not quite"

    @property
    def icon(self) -> str:
        return RIGHT_ICON if self.correct else WRONG_ICON

    def __str__(self) -> str:
        lines = [f"{self.icon} {self.headline}." + ("" if self.correct else f" The answer: {self.answer_text}.")]
        for o in self.options:
            lines.append(f"  {o.mark or '-'} {o.text} ({o.verdict or 'not chosen'}): {o.explanation}")
            lines += [f"      {d}" for d in o.details]
        lines += [f"  {n}" for n in self.notes]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from followup_lib.questions.render_html import feedback_html

        return feedback_html(self)


def _index(question, value) -> int:
    if isinstance(value, str):
        texts = [o.text for o in question.options]
        if value in texts:
            return texts.index(value)
        raise InputError("answer", f"{value[:60]!r} is not one of the options", "choose one of the options shown")
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < len(question.options):
        raise InputError("answer", f"{value!r:.40} is not an option", "choose one of the options shown")
    return value


def normalise_answer(question, answer):
    """The learner's answer in the form :func:`grade` compares (InputError naming ``answer`` if unusable).

    Examples
    --------
    >>> from followup_lib.questions.schema import Question, Option
    >>> q = Question("q", "many_choice", "Which?", options=(Option("a", "x", True), Option("b", "y", False)))
    >>> sorted(normalise_answer(q, ["b", 0]))
    [0, 1]
    >>> normalise_answer(q, [])
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: answer: no option is ticked; tick every one that applies, then press Check
    """
    if answer is None:
        fix = "pick a day first" if question.type == "which_day" else "choose an answer first"
        raise InputError("answer", "is empty", fix)
    if question.type == "multiple_choice":
        return _index(question, answer)
    if question.chooses_many:
        if isinstance(answer, (str, int)) or not isinstance(answer, Iterable):
            answer = [answer]
        chosen = frozenset(_index(question, value) for value in answer)
        if not chosen:
            raise InputError("answer", "no option is ticked", "tick every one that applies, then press Check")
        return chosen
    if question.type == "which_day":
        return _day(answer)
    for text, value in CALL_OPTIONS:  # call_or_not
        if answer == text:
            return value
    if not isinstance(answer, bool):
        raise InputError("answer", f"{answer!r:.40} is not yes or no", "choose one of the two answers")
    return answer


def _day(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError("answer", f"{value!r:.40} is not a day", "pick a day in the date box (YYYY-MM-DD)")


def grade(question, answer) -> Feedback:
    """Grade the learner's ``answer`` to ``question``.

    Parameters
    ----------
    question : Question
    answer : int, iterable, date or bool
        See the module for the shape each type takes.

    Returns
    -------
    Feedback

    Examples
    --------
    >>> from datetime import date
    >>> from followup_lib.questions.schema import parse_question
    >>> q = parse_question({"id": "t", "type": "which_day", "prompt": "When?", "rule": "follow_up_due",
    ...     "case": {"interview_end": "2026-11-18T14:00:00-05:00", "decision_by": "2026-11-25"}}, 0, "x.yaml")
    >>> fb = grade(q, date(2026, 11, 27))
    >>> fb.headline, fb.answer_text, fb.business_days
    ('Not quite', 'Mon 30 Nov 2026', 2)
    >>> print(fb.notes[1])
    Mon 30 Nov 2026 is 2 business days after the decision date, Wed 25 Nov 2026.
    >>> grade(q, date(2026, 11, 30)).correct
    True
    """
    given = normalise_answer(question, answer)
    solution = solve(question)
    correct = given == solution.answer
    notes = list(solution.notes)
    if question.type == "which_day" and not correct:
        notes += own_day_notes(solution, given)
    notes += [f"The reviewer also flagged ({f.severity}, {f.rule}): {f.message}" for f in solution.extra]
    if question.explanation:
        notes.append(question.explanation)
    return Feedback(question.id, question.type, correct, given, solution.answer, solution.text,
                    _option_feedback(question, given, solution), tuple(notes),
                    solution.business_days, solution.skipped)


def _option_feedback(question, given, solution) -> tuple[OptionFeedback, ...]:
    if question.type == "which_day":
        return ()
    if question.type == "call_or_not":
        return tuple(OptionFeedback(text, why, value == given, value == solution.answer)
                     for (text, value), why in zip(CALL_OPTIONS, solution.option_notes))
    many = question.chooses_many
    out = []
    for i, option in enumerate(question.options):
        chosen = i in given if many else i == given
        right = i in solution.answer if many else i == solution.answer
        details = ()
        if question.type == "whats_wrong" and option.rule in (solution.findings or {}):
            details = tuple(f"The reviewer: {f.message}" for f in solution.findings[option.rule])
        out.append(OptionFeedback(option.text, option.explanation, chosen, right, many, details))
    return tuple(out)


__all__ = ["Feedback", "OptionFeedback", "grade", "normalise_answer"]
