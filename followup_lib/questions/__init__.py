"""Knowledge-check questions: one YAML file per notebook, graded by the library's own rules.

Each notebook ends with a few questions a coach would ask. The questions are data files
beside this module, named by the notebook's file stem (``02-thank-you.yaml``), which an
instructor can copy and edit. Five types:

- ``multiple_choice`` (one answer) and ``many_choice`` (several), each option with its
  own explanation;
- ``which_day``: a case and a dated rule; the right day is computed by
  :func:`~followup_lib.etiquette.windows.windows`, and the feedback counts the business
  days and names every weekend day and public holiday skipped;
- ``whats_wrong``: a draft whose faults the learner ticks; the faults are the ones
  :func:`~followup_lib.messages.review.review_draft` finds;
- ``call_or_not``: a case and a day; the verdict is
  :func:`~followup_lib.etiquette.calls.call_permission`'s.

Modules: :mod:`.schema` (the checked shape), :mod:`.loader` (reading the files),
:mod:`.solutions` (the right answers), :mod:`.grading` (:func:`grade` and :class:`Feedback`),
:mod:`.answers` (:class:`AnswerSheet`: score, JSON, CSV, the learner's folder),
:mod:`.render_html` (what the widget shows). None of them imports ipywidgets.

Examples
--------
>>> from datetime import date
>>> from followup_lib.questions import AnswerSheet, grade, load_questions
>>> qs = load_questions("04-follow-up-by-email")
>>> q = qs.question("when-over-thanksgiving")
>>> fb = grade(q, date(2026, 11, 27))
>>> fb.headline, fb.answer_text
('Not quite', 'Mon 30 Nov 2026')
>>> AnswerSheet(qs).record(q.id, date(2026, 11, 30)).score
(1, 1, 5)
"""

from __future__ import annotations

from followup_lib.lazy import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("QuestionSet", "Question", "Option", "QUESTION_TYPES", "REVIEW_RULES"), ".schema"),
    **dict.fromkeys(("load_questions", "question_set_ids", "QUESTIONS_DIR"), ".loader"),
    **dict.fromkeys(("solve", "Solution", "DAY_RULES", "CALL_OPTIONS"), ".solutions"),
    **dict.fromkeys(("grade", "Feedback", "OptionFeedback"), ".grading"),
    **dict.fromkeys(("AnswerSheet", "Answer", "answers_file_name"), ".answers"),
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
