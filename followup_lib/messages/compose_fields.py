"""Between a composer's form and the drafts: which fields a kind asks for, and what to say about them.

The message composer (``followup_lib.widgets.composer``) shows one labelled field per
value :func:`~followup_lib.messages.drafts.draft` takes. This module holds that mapping as
plain data and pure functions, so it is tested without a browser:

- :func:`fields_for` — the fields a kind of email asks for, in the order shown;
- :func:`draft_arguments` — the form's values as ``draft()`` keyword arguments;
- :func:`case_defaults` and :func:`default_tone` — what the learner's case fills in;
- :func:`review_context` — the same values as a reviewer's context;
- :func:`missing_line` and :func:`labelled_error` — the one line a form shows when a
  field is missing or wrong, naming the fields by the labels the learner sees.

Examples
--------
>>> values = {"name": "Zoë O'Neill", "interviewer": "Ms. Okafor", "position": "Analyst",
...           "company": "Northwind", "topic": " the readmission dashboard ", "tone": "warm",
...           "variant": 0, "to": "okafor@example.org"}
>>> args = draft_arguments("thank_you", values)
>>> args["topics"], "to" in args
(' the readmission dashboard ', False)
>>> from followup_lib.messages.drafts import draft
>>> note = draft("thank_you", **args)
>>> note.subject, "about the readmission dashboard," in note.body
('Thanks for the Analyst conversation', True)
"""

from __future__ import annotations

from followup_lib.errors import InputError, clipped
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.messages.kinds import EMAIL_KINDS

__all__ = ["CASE_DEFAULTS", "FIELD_LABELS", "KIND_TITLES", "case_defaults", "check_email_kind",
           "default_tone", "draft_arguments", "fields_for", "labelled_error", "missing_line",
           "review_context", "word_limit"]

#: Text fields every email asks for, in the order a form shows them.
COMMON_FIELDS = ("name", "interviewer", "position", "company", "topic")
#: Fields only one kind asks for.
EXTRA_FIELDS = {"thank_you": (), "follow_up": ("value_link", "value_note"), "second_attempt": ("hr_contact",)}
#: Choices every email has besides its text fields.
CHOICES = ("tone", "variant")
#: The label a form shows for each field (and names it by in its messages).
FIELD_LABELS = {
    "name": "Your full name", "interviewer": "Greet them as", "position": "Position",
    "company": "Company", "topic": "One topic", "value_link": "Link to share",
    "value_note": "About the link", "hr_contact": "HR contact", "tone": "Tone",
    "variant": "Wording", "to": "Their email",
}
#: The case attribute each field defaults to.
CASE_DEFAULTS = {"interviewer": "contact_name", "position": "position", "company": "company"}
#: How a form names each kind of email.
KIND_TITLES = {"thank_you": "thank-you email", "follow_up": "follow-up email",
               "second_attempt": "second attempt"}
#: The ``draft()`` argument each field goes to (when its name differs).
_DRAFT_NAMES = {"topic": "topics"}
#: Error fields as ``draft()`` names them -> the form's field.
_ERROR_FIELDS = {"topics": "topic", "topics[0]": "topic"}


def check_email_kind(kind) -> str:
    """``kind`` when it is an email the composer writes; :class:`InputError` if not.

    Examples
    --------
    >>> check_email_kind("follow_up")
    'follow_up'
    >>> check_email_kind("voicemail")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: kind: 'voicemail' is not an email; use one of: thank_you, follow_up, second_attempt
    """
    if isinstance(kind, str) and kind.strip() in EMAIL_KINDS:
        return kind.strip()
    shown = clipped(repr(kind))
    raise InputError("kind", f"{shown} is not an email", f"use one of: {', '.join(EMAIL_KINDS)}")


def fields_for(kind: str) -> tuple[str, ...]:
    """The text fields a kind of email asks for, in the order a form shows them.

    Examples
    --------
    >>> fields_for("follow_up")
    ('name', 'interviewer', 'position', 'company', 'topic', 'value_link', 'value_note')
    >>> fields_for("second_attempt")[-1]
    'hr_contact'
    """
    return COMMON_FIELDS + EXTRA_FIELDS[check_email_kind(kind)]


def _blank_to_none(value):
    return None if isinstance(value, str) and not value.strip() else value


def draft_arguments(kind: str, values: dict) -> dict:
    """The form's values as keyword arguments of :func:`~followup_lib.messages.drafts.draft`.

    Only the fields ``kind`` asks for are passed (a follow-up link typed before switching
    to a thank-you is left out); blank text becomes None; ``to`` (the address for the
    mail link) is not a draft field.

    Examples
    --------
    >>> draft_arguments("thank_you", {"name": "Sam Roe", "topic": "", "value_link": "https://x.org"})
    {'name': 'Sam Roe', 'interviewer': None, 'position': None, 'company': None, 'topics': None, 'tone': None, 'variant': None}
    """
    wanted = fields_for(kind) + CHOICES
    return {_DRAFT_NAMES.get(field, field): _blank_to_none(values.get(field)) for field in wanted}


def case_defaults(case) -> dict:
    """The fields a case fills in: interviewer, position and company (empty text when unknown).

    Examples
    --------
    >>> from followup_lib.etiquette.case import Case
    >>> case_defaults(Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "company": "Acme"}))
    {'interviewer': '', 'position': '', 'company': 'Acme'}
    >>> case_defaults(None)["company"]
    ''
    """
    return {field: getattr(case, attribute, None) or "" for field, attribute in CASE_DEFAULTS.items()}


def default_tone(case) -> str:
    """``formal`` when the case says the field is a traditional one, else ``warm`` (as drafts do)."""
    return "formal" if getattr(case, "traditional_industry", False) else "warm"


def review_context(kind: str, values: dict, case=None) -> dict:
    """The form's values as a reviewer's context (names, job, topic, case).

    A field left blank takes the case's value, as the draft did.

    Examples
    --------
    >>> review_context("thank_you", {"name": "Sam Roe", "topic": "SQL", "hr_contact": "Mr. Diaz"})
    {'name': 'Sam Roe', 'topics': ['SQL']}
    """
    context = {}
    defaults = case_defaults(case)
    for field in ("name", "interviewer", "position", "company", "hr_contact"):
        if field == "hr_contact" and field not in fields_for(kind):
            continue
        value = _blank_to_none(values.get(field)) or defaults.get(field) or None
        if value:
            context[field] = value
    topic = _blank_to_none(values.get("topic"))
    if topic:
        context["topics"] = [topic]
    if case is not None:
        context["case"] = case
    return context


def form_field(error_field: str) -> str | None:
    """The form's field an error of ``draft()`` is about (None for one the form does not show).

    Examples
    --------
    >>> form_field("topics[0]"), form_field("value_link"), form_field("case")
    ('topic', 'value_link', None)
    """
    field = _ERROR_FIELDS.get(error_field, error_field)
    return field if field in FIELD_LABELS else None


def missing_line(kind: str, names) -> str:
    """One plain line naming, by their labels, the fields still to fill in.

    ``names`` are the fields a :class:`~followup_lib.messages.required.MissingFieldsError`
    names; ``hr_contact`` of a second attempt stands for "the interviewer or an HR contact".

    Examples
    --------
    >>> missing_line("thank_you", ("name", "topics"))
    'To see your thank-you email, fill in: Your full name, One topic.'
    >>> missing_line("second_attempt", ("hr_contact",))
    'To see your second attempt, fill in: Greet them as (or HR contact).'
    """
    labels = []
    for name in names:
        if name == "hr_contact":
            labels.append(f"{FIELD_LABELS['interviewer']} (or {FIELD_LABELS['hr_contact']})")
        else:
            field = form_field(name)
            labels.append(FIELD_LABELS[field] if field else name)
    return f"To see your {KIND_TITLES[check_email_kind(kind)]}, fill in: {', '.join(labels)}."


def labelled_error(error: InputError) -> InputError:
    """The same error, naming its field by the label the learner sees in the form.

    Examples
    --------
    >>> str(labelled_error(InputError("name", "'...' has no letters or digits", "type the real value")))
    "Your full name: '...' has no letters or digits; type the real value"
    >>> str(labelled_error(InputError("case", "is missing")))
    'case: is missing'
    """
    field = form_field(error.field)
    if field is None:
        return error
    return InputError(FIELD_LABELS[field], error.problem, error.fix)


def word_limit(kind: str, params: Params = DEFAULTS) -> int:
    """The most words an email of ``kind`` should have (the reviewer's ``too_long`` limit).

    Examples
    --------
    >>> word_limit("thank_you"), word_limit("second_attempt")
    (150, 150)
    """
    return params.thank_you_max_words if check_email_kind(kind) == "thank_you" else params.follow_up_max_words
