"""What the reviewer may know about a draft: names, the job, topics, the case, the send date.

A context is optional. With it the reviewer checks the actual values (is *this*
topic mentioned, does the script say *this* name), allows the context's proper nouns
in the spell-check, and tells whether the message would be sent on time.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path

from followup_lib.errors import InputError
from followup_lib.suggest import did_you_mean
from followup_lib.etiquette.case import Case, load_case, parse_when
from followup_lib.messages.drafts import FIELD_LIMITS, clean_text, clean_texts, topic_phrase
from followup_lib.messages.kinds import LETTER_WORD, word_key

_TEXT_FIELDS = ("name", "interviewer", "hr_contact", "company", "position", "phone")


@dataclass(frozen=True)
class ReviewContext:
    """Facts about the message under review; every field is optional.

    Attributes
    ----------
    name, interviewer, hr_contact, company, position, phone : str or None
        The candidate's full name, whom the message is to, the employer, the job title
        and the candidate's phone number.
    topics : tuple of str
        Specific topics from the conversation; the message should mention one.
    case : Case or None
        The case; with it the reviewer checks the timing and the interview date.
    send_date : date or datetime or None
        When the message would go out; today when None.

    Examples
    --------
    >>> ctx = ReviewContext.from_value({"name": "Anne-Marie Lévy-Dubois", "topics": "ETL"})
    >>> ctx.topics
    ('ETL',)
    >>> sorted(ctx.proper_words())
    ['anne', 'dubois', 'etl', 'lévy', 'marie']
    >>> ReviewContext.from_value({"nmae": "Sam"})
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: context.nmae: is not a context field; did you mean 'name'?
    """

    name: str | None = None
    interviewer: str | None = None
    hr_contact: str | None = None
    company: str | None = None
    position: str | None = None
    phone: str | None = None
    topics: tuple[str, ...] = ()
    case: object | None = None
    send_date: date | datetime | None = None

    @classmethod
    def from_value(cls, value, base_dir: Path | None = None) -> "ReviewContext":
        """Accept None, a :class:`ReviewContext`, or a dict of the fields (as read from JSON).

        In a dict, ``case`` (``situation`` also works) may be a case object or the path of a case file
        (relative to ``base_dir``), and ``send_date`` an ISO date or date-time.
        """
        if value is None:
            return cls()
        if isinstance(value, ReviewContext):
            return cls.from_value({f.name: getattr(value, f.name) for f in fields(cls)})
        if not isinstance(value, dict):
            raise InputError("context", f"must be a dict or ReviewContext, not {type(value).__name__}",
                             "pass the names, topics and case as a dict")
        if "situation" in value:  # the old name of the field
            if "case" in value:
                raise InputError("context.situation", "is given as well as context.case", "give only case")
            value = {("case" if key == "situation" else key): item for key, item in value.items()}
        _check_names(value)
        clean = {key: _clean_field(key, value[key]) for key in _TEXT_FIELDS if key in value}
        case = _case(value.get("case"), base_dir)
        return cls(**clean, topics=_topics(value.get("topics")), case=case,
                   send_date=_send_date(value.get("send_date"), case))

    def proper_words(self) -> set[str]:
        """Lower-case words of the context's names, company, job title and topics."""
        texts = [self.name, self.interviewer, self.hr_contact, self.company, self.position,
                 *self.topics, getattr(self.case, "contact_name", None)]
        return {word_key(token) for text in texts if text for token in LETTER_WORD.findall(text)}


def _check_names(data: dict) -> None:
    known = [f.name for f in fields(ReviewContext)]
    for key in data:
        if key not in known:
            raise InputError(f"context.{str(key)[:40]}", "is not a context field", did_you_mean(key, known))


def _clean_field(key: str, value) -> str | None:
    return clean_text(value, f"context.{key}", limit=FIELD_LIMITS[key])


def _topics(value) -> tuple[str, ...]:
    cleaned = clean_texts(value, "context.topics", limit=FIELD_LIMITS["topic"])
    return tuple(filter(None, map(topic_phrase, cleaned)))  # the same phrase the drafts use


def _case(value, base_dir: Path | None):
    if value is None or isinstance(value, Case):
        return value
    if isinstance(value, dict):
        return Case.from_dict(value)
    if isinstance(value, (str, Path)):
        path = Path(value)
        return load_case(path if path.is_absolute() or base_dir is None else base_dir / path)
    raise InputError("context.case", "must be a case object or the path of a case file")


def _send_date(value, case):
    if value is None:
        return None
    tz = case.tz if case is not None else None
    return parse_when(value, "context.send_date", tz)
