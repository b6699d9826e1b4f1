"""The shape of a question set, checked as it is read: one clear error per mistake.

A question set is plain data (a YAML file, see :mod:`followup_lib.questions.loader`)::

    title: Following up by email
    questions:
      - id: grace-after-friday
        type: multiple_choice
        prompt: The employer said they would decide by Friday. When do you follow up?
        options:
          - text: Tuesday
            correct: true
            explanation: Two business days after Friday.
          - text: Saturday
            explanation: A weekend day, and too soon.

Five types of question:

``multiple_choice`` / ``many_choice``
    ``options`` (two or more), each with ``text``, ``explanation`` and ``correct``
    (exactly one correct for ``multiple_choice``, at least one for ``many_choice``).
``which_day``
    ``case`` (a case, as in a case file) and ``rule`` (one of
    :data:`~followup_lib.questions.solutions.DAY_RULES`); optional ``today`` (the case as known
    on that day) and ``params``. The right day is computed, never typed in the file.
``whats_wrong``
    ``draft`` (the text), ``kind`` (``thank_you``, ``follow_up``, …), optional ``context``
    and ``today``, and ``options``, each naming a reviewer ``rule`` with its ``text`` and
    ``explanation``. The faults are the options whose rule the reviewer fires as an error
    or a warning.
``call_or_not``
    ``case`` and ``day``; optional ``params``. Whether a call is acceptable is computed.

Every question has an ``id`` (lower-case letters, digits and ``-``), a ``prompt`` and an
optional ``explanation`` shown after answering. An error names the file, the question
and the field: ``02-thank-you.yaml, question 'window', options[1].explanation: is
missing; …``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from followup_lib.errors import FollowupError, InputError
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.suggest import did_you_mean

QUESTION_TYPES = ("multiple_choice", "many_choice", "which_day", "whats_wrong", "call_or_not")
#: Rule ids of the reviewer (:mod:`followup_lib.messages.review`) a ``whats_wrong`` option may name.
REVIEW_RULES = ("placeholder", "pressure", "shouting", "html", "late", "too_many_contacts", "missing_identity",
                "missing_thanks", "missing_interest", "missing_specific_topic", "missing_next_steps", "too_long",
                "too_long_to_say", "call_not_permitted", "exclamations", "spelling", "not_english", "grammar",
                "missing_subject", "timing_unchecked")
#: Most questions in one set, and most options in one question.
MAX_QUESTIONS, MAX_OPTIONS = 50, 12
#: Longest prompt, option or explanation, and longest draft, in characters.
MAX_TEXT, MAX_DRAFT = 2_000, 5_000
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_COMMON = ("id", "type", "prompt", "explanation")
_FIELDS = {
    "multiple_choice": (*_COMMON, "options"),
    "many_choice": (*_COMMON, "options"),
    "which_day": (*_COMMON, "case", "rule", "today", "params"),
    "whats_wrong": (*_COMMON, "draft", "kind", "context", "today", "options"),
    "call_or_not": (*_COMMON, "case", "day", "params"),
}
_OPTION_FIELDS = {"whats_wrong": ("rule", "text", "explanation")}
_CHOICE_OPTION_FIELDS = ("text", "correct", "explanation")


@dataclass(frozen=True)
class Option:
    """One answer a learner can choose, with the explanation shown after answering.

    ``correct`` is True or False for the choice types; for ``whats_wrong`` it is None
    (the reviewer decides) and ``rule`` names the reviewer rule the option stands for.
    """

    text: str
    explanation: str
    correct: bool | None = None
    rule: str | None = None


@dataclass(frozen=True)
class Question:
    """One question of a set. Which fields are used depends on ``type`` (see the module)."""

    id: str
    type: str
    prompt: str
    explanation: str | None = None
    options: tuple[Option, ...] = ()
    case: object | None = None          # a Case (which_day, call_or_not)
    rule: str | None = None             # which_day: the dated rule asked about
    day: date | None = None             # which_day: the case as known on it; call_or_not: the day asked about
    params: Params = DEFAULTS
    draft: str | None = None            # whats_wrong
    kind: str | None = None             # whats_wrong: the kind of message
    context: object | None = None       # whats_wrong: a ReviewContext
    where: str = field(default="", compare=False, repr=False)
    _solved: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def chooses_many(self) -> bool:
        """True when the answer is a set of options (``many_choice``, ``whats_wrong``)."""
        return self.type in ("many_choice", "whats_wrong")


@dataclass(frozen=True)
class QuestionSet:
    """The questions of one notebook's knowledge check.

    Attributes
    ----------
    id : str
        The set's name: the notebook's file stem, e.g. ``"04-follow-up-by-email"``.
    title : str
    questions : tuple of Question
    source : str
        The file it was read from (for messages).
    """

    id: str
    title: str
    questions: tuple[Question, ...]
    source: str = ""

    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self):
        return iter(self.questions)

    def question(self, question_id: str) -> Question:
        """The question with that id (InputError naming the set when there is none)."""
        for q in self.questions:
            if q.id == question_id:
                return q
        raise InputError("question", f"{question_id!r} is not a question of {self.id}",
                         did_you_mean(question_id, [q.id for q in self.questions]))

    def check_answers(self) -> None:
        """Compute every right answer now: an error in a computed question is raised here, not at Check."""
        from followup_lib.questions.solutions import solve

        for q in self.questions:
            solve(q)


# --- reading ---------------------------------------------------------------------------

def _text(value, where: str, *, limit: int = MAX_TEXT) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        shown = "missing" if value is None else f"not text ({value!r:.30})"
        raise InputError(where, f"is {shown}", "write it as text (put quotes around words such as yes or no)")
    text = str(value).strip()
    if not text:
        raise InputError(where, "is empty", "write the text shown to the learner")
    if len(text) > limit:
        raise InputError(where, f"is {len(text):,} characters long", f"keep it under {limit:,}")
    return text


def _mapping(value, where: str, allowed, *, sep: str = ".") -> dict:
    """``value`` if it is a mapping whose keys are all ``allowed``; an unknown key is named ``where<sep>key``."""
    if not isinstance(value, dict):
        raise InputError(where, "must be a mapping of field: value", "indent the fields under it")
    for key in value:
        if key not in allowed:
            raise InputError(f"{where}{sep}{str(key)[:40]}", "is not a field here",
                             did_you_mean(str(key), list(allowed), listing="allowed"))
    return value


def _nested(where: str, err: InputError, prefix: str) -> InputError:
    """An error of a nested value (a case, a date, the params) re-named under the question."""
    return InputError(f"{where}, {prefix}{'.' if prefix else ''}{err.field}", err.problem, err.fix)


def _parse_date(value, where: str, name: str) -> date | None:
    from followup_lib.etiquette.timefields import parse_date

    try:
        return parse_date(value, name)
    except InputError as err:
        raise _nested(where, err, "") from None


def _parse_case(value, where: str, name: str = "case"):
    from followup_lib.etiquette.case import Case

    if value is None:
        raise InputError(f"{where}, {name}", "is missing", "give the case as in a case file (interview_end, …)")
    try:
        return Case.from_dict(value)
    except InputError as err:
        raise _nested(where, err, name) from None


def _parse_params(value, where: str) -> Params:
    if value is None:
        return DEFAULTS
    if not isinstance(value, dict):
        raise InputError(f"{where}, params", "must be a mapping of parameter: value", "e.g. follow_up_grace: 3")
    try:
        return Params.from_dict(value)
    except InputError as err:
        raise InputError(f"{where}, {err.field}", err.problem, err.fix) from None


def _parse_options(raw, where: str, qtype: str) -> tuple[Option, ...]:
    if not isinstance(raw, list) or len(raw) < 2:
        raise InputError(f"{where}, options", "needs a list of at least two options",
                         "give each option its text and explanation")
    if len(raw) > MAX_OPTIONS:
        raise InputError(f"{where}, options", f"has {len(raw)} options", f"keep it to {MAX_OPTIONS} at most")
    allowed = _OPTION_FIELDS.get(qtype, _CHOICE_OPTION_FIELDS)
    options = []
    for i, item in enumerate(raw):
        at = f"{where}, options[{i}]"
        _mapping(item, at, allowed)
        if item.get("explanation") is None:
            raise InputError(f"{at}.explanation", "is missing",
                             "every option needs its own explanation, shown after answering")
        text, explanation = _text(item.get("text"), f"{at}.text"), _text(item["explanation"], f"{at}.explanation")
        if qtype == "whats_wrong":
            options.append(Option(text, explanation, None, _review_rule(item.get("rule"), f"{at}.rule")))
        else:
            correct = item.get("correct", False)
            if not isinstance(correct, bool):
                raise InputError(f"{at}.correct", f"must be true or false, not {correct!r:.30}")
            options.append(Option(text, explanation, correct))
    texts = [o.text for o in options]
    for i, text in enumerate(texts):
        if text in texts[:i]:
            raise InputError(f"{where}, options[{i}].text", f"repeats option {texts.index(text)}",
                             "give every option its own text")
    return tuple(options)


def _review_rule(value, where: str) -> str:
    if value not in REVIEW_RULES:
        shown = "is missing" if value is None else f"{value!r:.40} is not a rule of the reviewer"
        raise InputError(where, shown, did_you_mean(str(value), REVIEW_RULES, listing="use one of"))
    return value


def _check_choices(options, where: str, qtype: str) -> None:
    right = sum(o.correct for o in options)
    if right == 0:
        raise InputError(f"{where}, options", "has no correct option", "mark the right one with correct: true")
    if qtype == "multiple_choice" and right > 1:
        raise InputError(f"{where}, options", f"has {right} correct options, but a multiple_choice question has one",
                         "keep one, or make it a many_choice question")


def _parse_context(raw, where: str):
    from followup_lib.messages.context import ReviewContext

    if raw is None:
        return None
    data = dict(_mapping(raw, f"{where}, context", [f for f in ReviewContext.__dataclass_fields__]))
    if "case" in data:
        if not isinstance(data["case"], dict):
            raise InputError(f"{where}, context.case", "must be a case written out in the file",
                             "give interview_end, decision_by, … under it (a path is not read)")
        data["case"] = _parse_case(data["case"], where, "context.case")
    try:
        return ReviewContext.from_value(data)
    except InputError as err:
        raise _nested(where, err, "") from None


def parse_question(raw, index: int, source: str) -> Question:
    """One question from its mapping; ``source`` names the file in errors."""
    at = f"{source}, question {index + 1}"
    if not isinstance(raw, dict):
        raise InputError(at, "must be a mapping of field: value", "start it with '- id: …'")
    qid = raw.get("id")
    if not isinstance(qid, str) or not _ID.match(qid):
        raise InputError(f"{at}, id", "is missing" if qid is None else f"{qid!r:.40} is not a usable id",
                         "use lower-case letters, digits and '-', e.g. grace-after-friday")
    where = f"{source}, question {qid!r}"
    qtype = raw.get("type")
    if qtype not in QUESTION_TYPES:
        shown = "is missing" if qtype is None else f"{qtype!r:.40} is not a type of question"
        raise InputError(f"{where}, type", shown, did_you_mean(str(qtype), QUESTION_TYPES))
    _mapping(raw, where, _FIELDS[qtype], sep=", ")
    fields_ = {"id": qid, "type": qtype, "prompt": _text(raw.get("prompt"), f"{where}, prompt"), "where": where,
               "explanation": None if raw.get("explanation") is None else _text(raw["explanation"],
                                                                                 f"{where}, explanation")}
    try:
        return Question(**fields_, **_PARSERS[qtype](raw, where, qtype))
    except FollowupError:
        raise
    except (TypeError, ValueError) as err:  # a value of the wrong shape deep inside a nested mapping
        raise InputError(where, f"has a value of the wrong kind ({err})", "compare it with a shipped set") from None


def _choice_fields(raw, where, qtype) -> dict:
    options = _parse_options(raw.get("options"), where, qtype)
    _check_choices(options, where, qtype)
    return {"options": options}


def _which_day_fields(raw, where, qtype) -> dict:
    from followup_lib.questions.solutions import DAY_RULES

    rule = raw.get("rule")
    if rule not in DAY_RULES:
        shown = "is missing" if rule is None else f"{rule!r:.40} is not a dated rule"
        raise InputError(f"{where}, rule", shown, did_you_mean(str(rule), list(DAY_RULES)))
    return {"case": _parse_case(raw.get("case"), where), "rule": rule,
            "day": _parse_date(raw.get("today"), where, "today"), "params": _parse_params(raw.get("params"), where)}


def _whats_wrong_fields(raw, where, qtype) -> dict:
    from followup_lib.messages.kinds import check_kind

    try:
        kind = check_kind(raw.get("kind"))
    except InputError as err:
        raise _nested(where, err, "") from None
    options = _parse_options(raw.get("options"), where, qtype)
    rules = [o.rule for o in options]
    for i, rule in enumerate(rules):
        if rule in rules[:i]:
            raise InputError(f"{where}, options[{i}].rule", f"{rule!r} is named by another option too",
                             "give each reviewer rule one option")
    return {"draft": _text(raw.get("draft"), f"{where}, draft", limit=MAX_DRAFT), "kind": kind, "options": options,
            "context": _parse_context(raw.get("context"), where), "day": _parse_date(raw.get("today"), where, "today")}


def _call_fields(raw, where, qtype) -> dict:
    if raw.get("day") is None:
        raise InputError(f"{where}, day", "is missing", "give the day the learner considers calling (YYYY-MM-DD)")
    return {"case": _parse_case(raw.get("case"), where), "day": _parse_date(raw["day"], where, "day"),
            "params": _parse_params(raw.get("params"), where)}


_PARSERS = {"multiple_choice": _choice_fields, "many_choice": _choice_fields, "which_day": _which_day_fields,
            "whats_wrong": _whats_wrong_fields, "call_or_not": _call_fields}


def parse_question_set(data, set_id: str, source: str) -> QuestionSet:
    """A :class:`QuestionSet` from the file's data (a mapping with ``title`` and ``questions``).

    Examples
    --------
    >>> data = {"title": "Try", "questions": [{"id": "a", "type": "multiple_choice", "prompt": "Which?",
    ...         "options": [{"text": "This", "correct": True, "explanation": "Yes."},
    ...                     {"text": "That", "explanation": "No."}]}]}
    >>> parse_question_set(data, "try", "try.yaml").questions[0].options[0].correct
    True
    >>> data["questions"][0]["options"][1].pop("explanation")
    'No.'
    >>> parse_question_set(data, "try", "try.yaml")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: try.yaml, question 'a', options[1].explanation: is missing; every option needs its own explanation, shown after answering
    """
    _mapping(data, source, ("title", "questions"), sep=", ")
    title = _text(data.get("title"), f"{source}, title")
    raw = data.get("questions")
    if not isinstance(raw, list) or not raw:
        raise InputError(f"{source}, questions", "needs a list of questions", "start each with '- id: …'")
    if len(raw) > MAX_QUESTIONS:
        raise InputError(f"{source}, questions", f"has {len(raw)} questions", f"keep it to {MAX_QUESTIONS} at most")
    questions = [parse_question(item, i, source) for i, item in enumerate(raw)]
    ids = [q.id for q in questions]
    for i, qid in enumerate(ids):
        if qid in ids[:i]:
            raise InputError(f"{source}, question {qid!r}, id", f"is used by question {ids.index(qid) + 1} too",
                             "give every question its own id")
    return QuestionSet(set_id, title, tuple(questions), source)
