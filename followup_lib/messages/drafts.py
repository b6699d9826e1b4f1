"""Drafts of the five messages, rendered from Jinja2 templates inside the package.

:func:`draft` turns a few plain-text fields into a ready-to-edit message: a thank-you,
a follow-up inquiry (with an optional link that adds value), a second attempt to the
hiring manager or an HR contact, a call script, or a voicemail. Two tones, ``warm`` and
``formal``, differ in greeting, sign-off and phrasing, and each has three variants so
that two candidates in one workshop don't send the same words.

Every field is plain text. It is stripped, must not be empty where the kind needs it,
has a length limit, and is inserted literally (no HTML escaping, nothing interpreted):
the draft is plain text, and a face that shows it as HTML escapes it there. A missing
field raises :class:`~followup_lib.errors.InputError` naming the field, never a blank or
a leftover ``[Name]``; when several are missing, one error names them all.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from followup_lib.errors import InputError
from followup_lib.messages.kinds import (EMAIL_KINDS, SPOKEN_KINDS, body_start, check_kind,
                                         count_words, speaking_seconds, spoken_date)
from followup_lib.messages.required import FIXES, MissingFieldsError, missing_fields

TONES = ("warm", "formal")
VARIANTS = 3

#: Longest value accepted for each field, in characters.
FIELD_LIMITS = {"name": 80, "interviewer": 80, "hr_contact": 80, "position": 120,
                "company": 120, "topic": 200, "value_note": 300, "value_link": 500, "phone": 40}
MAX_TOPICS = 5

_LOWERCASE_LEAD = {"the", "a", "an", "our", "your", "my", "how", "what", "why", "when", "which"}
#: Punctuation stripped from the end of a topic, so it reads inside a sentence.
PHRASE_END = " .;,!?:"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TOPIC_LEAD = re.compile(r"^(?:about|on|regarding)\s+", re.IGNORECASE)
_LINK = re.compile(r"https?://\S+\Z", re.IGNORECASE)
_NOT_PHONE_CHAR = re.compile(r"[^\d\s()+./\-extEXT]")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Draft:
    """A drafted message.

    Attributes
    ----------
    kind : str
        One of ``thank_you``, ``follow_up``, ``second_attempt``, ``call_script``, ``voicemail``.
    subject : str or None
        The email's subject line; None for the spoken scripts.
    body : str
        The message itself (for a script, what to say).
    """

    kind: str
    subject: str | None
    body: str

    @property
    def text(self) -> str:
        """The whole message: ``Subject: …``, a blank line and the body for emails; the body for scripts."""
        return f"Subject: {self.subject}\n\n{self.body}" if self.subject else self.body

    @property
    def word_count(self) -> int:
        """Words in the body (the subject line is not counted)."""
        return count_words(self.body)

    @property
    def speaking_seconds(self) -> float | None:
        """Seconds it takes to say a script aloud; None for emails."""
        return speaking_seconds(self.word_count) if self.kind in SPOKEN_KINDS else None

    def to_dict(self) -> dict:
        """The draft as a JSON-ready dict."""
        return {**asdict(self), "text": self.text, "word_count": self.word_count,
                "speaking_seconds": self.speaking_seconds}

    def mailto(self, to: str | None = None):
        """A :class:`~followup_lib.messages.mailto.MailtoLink` that opens this email in the user's mail client."""
        from followup_lib.messages.mailto import mailto_link

        return mailto_link(self, to)

    def __str__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        from followup_lib.messages.render_html import draft_html

        return draft_html(self)


def clean_text(value, field: str, *, limit: int | None = None) -> str | None:
    """Strip a plain-text field and check it; None when it is missing or blank.

    Inner runs of whitespace (including line breaks) become one space. Text is kept
    literally: ``<b>`` stays ``<b>``.

    Examples
    --------
    >>> clean_text("  Zoë   Ångström ", "name")
    'Zoë Ångström'
    >>> clean_text("<b>Sam</b>", "interviewer")
    '<b>Sam</b>'
    >>> clean_text("...", "name")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: name: '...' has no letters or digits; type the real value
    >>> clean_text("x" * 81, "name")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: name: is 81 characters long; shorten it to 80 or fewer
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(field, f"must be text, not {type(value).__name__}", "type it as plain text")
    if _CONTROL.search(value):
        raise InputError(field, "contains control characters", "retype it as plain text")
    text = " ".join(unicodedata.normalize("NFC", value).split())
    limit = limit or FIELD_LIMITS.get(field)
    if limit and len(text) > limit:
        raise InputError(field, f"is {len(text)} characters long", f"shorten it to {limit} or fewer")
    if text and not any(char.isalnum() for char in text):
        raise InputError(field, f"{text[:20]!r} has no letters or digits", "type the real value")
    if text:
        _reject_placeholder(text, field)
    return text or None


def _reject_placeholder(text: str, field: str) -> None:
    from followup_lib.messages.rules import find_placeholders

    found = find_placeholders(text)  # HTML tags are not placeholders: they stay literal text
    if found:
        start, end = found[0]
        raise InputError(field, f"looks like template text ({text[start:end]!r})",
                         "replace it with the real value")


def clean_texts(value, field: str, *, limit: int, max_items: int | None = None,
                fix: str | None = None) -> list[str]:
    """Clean a text or a list of texts with :func:`clean_text`; blank entries are dropped.

    Parameters
    ----------
    value : str, list of str, tuple of str or None
        One text or several.
    field : str
        The field's name; an entry's errors name it as ``field[i]``.
    limit : int
        Longest entry, in characters.
    max_items : int, optional
        Most entries accepted.
    fix : str, optional
        What to do when ``value`` is neither a text nor a list.

    Returns
    -------
    list of str

    Examples
    --------
    >>> clean_texts(["  SQL ", " ", "the  ETL pipeline"], "topics", limit=200)
    ['SQL', 'the ETL pipeline']
    >>> clean_texts(["a", "b"], "topics", limit=200, max_items=1)
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: topics: has 2 entries; give at most 1; keep the one or two you most want to mention
    """
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)):
        raise InputError(field, "must be a text or a list of texts", fix)
    if max_items is not None and len(items) > max_items:
        raise InputError(field, f"has {len(items)} entries; give at most {max_items}",
                         "keep the one or two you most want to mention")
    # an entry of punctuation only ("...") is dropped like a blank one
    cleaned = (clean_text(item, f"{field}[{i}]", limit=limit) for i, item in enumerate(items)
               if not (isinstance(item, str) and not any(char.isalnum() for char in item)))
    return [text for text in cleaned if text]


def _clean_topics(topics) -> list[str]:
    cleaned = clean_texts(topics, "topics", limit=FIELD_LIMITS["topic"], max_items=MAX_TOPICS,
                          fix=FIXES["topics"])
    return [phrase for phrase in map(topic_phrase, cleaned) if phrase]


def topic_phrase(topic: str) -> str:
    """A topic as it reads after "our conversation about": no leading 'about', no final stop."""
    topic = _TOPIC_LEAD.sub("", topic).rstrip(PHRASE_END)
    first, _, rest = topic.partition(" ")
    if first.lower() in _LOWERCASE_LEAD and first[:1].isupper() and first[1:].islower():
        topic = " ".join(filter(None, (first.lower(), rest)))
    return topic


def _clean_link(link) -> str | None:
    text = clean_text(link, "value_link")
    if text and not _LINK.match(text):
        raise InputError("value_link", f"{text[:60]!r} is not a web address",
                         "paste a full link starting with https://")
    return text


def _clean_phone(phone) -> str | None:
    text = clean_text(phone, "phone")
    if text is None:
        return None
    digits = sum(ch.isdigit() for ch in text)
    if not 7 <= digits <= 15 or _NOT_PHONE_CHAR.search(text):
        raise InputError("phone", f"{text!r} is not a phone number",
                         "give 7 to 15 digits, e.g. +1 555 010 0199")
    return text


def _sentence(note: str | None) -> str | None:
    """A note as a sentence of its own: a capital first letter and a final stop."""
    if not note:
        return note
    note = note[0].upper() + note[1:]
    return note if note[-1] in ".!?:" else note + "."


@lru_cache(maxsize=1)
def _environment():
    import jinja2

    folder = Path(__file__).resolve().parent / "templates"
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=False,
                              undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=False)


def _tidy(rendered: str) -> str:
    lines = [" ".join(line.split()) for line in rendered.strip().splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _timeline_days(case) -> dict:
    """Spoken interview date, stated decision date and last follow-up date of a case."""
    if case is None:
        return {"interview_day": None, "decision_day": None, "followed_up_day": None, "new_timeline": False,
                "invited_to_call": False}
    from followup_lib.etiquette.kinds import TimelineSource
    from followup_lib.etiquette.windows import windows

    win = windows(case)
    follow_ups = win.attempts  # as the reviewer and advisor count them
    return {
        "interview_day": spoken_date(case.interview_date),
        "decision_day": spoken_date(win.decision_date) if win.timeline_stated else None,
        "followed_up_day": spoken_date(case.local_date(follow_ups[-1].at)) if follow_ups else None,
        "new_timeline": win.timeline_source == TimelineSource.NEW_TIMELINE,
        "invited_to_call": case.invited_to_call,
    }


def _check_required(kind: str, fields: dict) -> None:
    missing = missing_fields(kind, fields)
    if missing:
        raise MissingFieldsError(kind, missing)


def _field_or_case(value, field: str, case, attribute: str | None = None) -> str | None:
    """A field as given, else the case's value of it (its ``attribute``), checked like a field."""
    text = clean_text(value, field)
    if text or case is None:
        return text
    return clean_text(getattr(case, attribute or field, None), field)


def _pick_variant(variant, kind: str, tone: str, fields: dict) -> int:
    if variant is None:
        key = "|".join(str(fields.get(k)) for k in ("name", "company", "position")) + kind + tone
        return zlib.crc32(key.encode("utf-8")) % VARIANTS
    if isinstance(variant, bool) or not isinstance(variant, int):
        raise InputError("variant", f"must be a whole number, not {variant!r}", "give 0, 1 or 2")
    return variant % VARIANTS


def draft(kind: str, case=None, *, name=None, interviewer=None, position=None,
          company=None, topics=None, tone: str | None = None, value_link=None, value_note=None,
          hr_contact=None, phone=None, variant: int | None = None) -> Draft:
    """Draft a message of one kind from plain-text fields.

    Parameters
    ----------
    kind : str
        ``thank_you``, ``follow_up``, ``second_attempt``, ``call_script`` or ``voicemail``.
    case : Case, optional
        The case; required for the scripts (they say the interview date). Emails use it
        to name the interview date, a stated decision date and the date you followed up.
    name, interviewer, position, company : str
        Your full name; the interviewer as you'd greet them (``"Ms. Lee"``, ``"Sam"``);
        the job title; the company. The last three default to the case's
        ``contact_name``, ``position`` and ``company``.
    topics : str or list of str
        Specific topics from the conversation; the first is mentioned.
    tone : {"warm", "formal"}, optional
        ``formal`` by default when the case says the field is a traditional one (where a
        formal tone is expected), else ``warm``.
    value_link, value_note : str, optional
        Follow-up only: a link that adds value, and one sentence about it.
    hr_contact : str, optional
        Second attempt only: write to this HR contact instead of the interviewer.
    phone : str, optional
        Your phone number; required for a voicemail.
    variant : int, optional
        Which of three wordings to use; by default one picked from the fields.

    Returns
    -------
    Draft

    Raises
    ------
    InputError
        When the kind or tone is unknown or a field is invalid.
    ~followup_lib.messages.required.MissingFieldsError
        An :class:`InputError` naming every field the kind needs that is missing.

    Examples
    --------
    >>> note = draft("thank_you", name="Zoë Ångström", interviewer="Ms. Lee",
    ...              position="Data Analyst", company="Acme", topics="the churn dashboard",
    ...              tone="formal", variant=0)
    >>> print(note.text)  # doctest: +ELLIPSIS
    Subject: Thank you for the Data Analyst interview
    <BLANKLINE>
    Dear Ms. Lee,
    <BLANKLINE>
    Thank you for taking the time to meet with me about the Data Analyst position at Acme...
    Sincerely,
    Zoë Ångström
    >>> draft("thank_you", name="Sam Roe", position="Analyst", topics="SQL")
    Traceback (most recent call last):
    ...
    followup_lib.messages.required.MissingFieldsError: interviewer, company: are missing (a thank-you needs them); give the interviewer's name as you'd greet them, e.g. Ms. Lee or Sam; the company's name
    """
    kind = check_kind(kind)
    if tone is None:
        tone = "formal" if getattr(case, "traditional_industry", False) else "warm"
    if tone not in TONES:
        raise InputError("tone", f"{tone!r} is not a tone", f"use one of {', '.join(TONES)}")
    fields = {
        "name": clean_text(name, "name"),
        "interviewer": _field_or_case(interviewer, "interviewer", case, "contact_name"),
        "position": _field_or_case(position, "position", case),
        "company": _field_or_case(company, "company", case),
        "hr_contact": clean_text(hr_contact, "hr_contact"),
        "topics": _clean_topics(topics),
        "link": _clean_link(value_link),
        "note": _sentence(clean_text(value_note, "value_note")),
        "phone": _clean_phone(phone),
        "case": case,
    }
    _check_required(kind, fields)
    values = {**fields, **_timeline_days(case), "formal": tone == "formal",
              "v": _pick_variant(variant, kind, tone, fields),
              "topic": fields["topics"][0] if fields["topics"] else None,
              "recipient": fields["hr_contact"] or fields["interviewer"],
              "to_hr": bool(fields["hr_contact"])}
    rendered = _tidy(_environment().get_template(f"{kind}.j2").render(values))
    if kind in EMAIL_KINDS:
        start = body_start(rendered)
        subject = rendered[:start].split(":", 1)[1].strip()
        return Draft(kind, subject, rendered[start:].strip())
    return Draft(kind, None, rendered)
