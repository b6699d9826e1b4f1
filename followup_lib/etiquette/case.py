"""One candidate's case: a typed, validated record with JSON load and save.

The case file is JSON; only ``interview_end`` is required::

    {"interview_end": "2026-11-16T15:00:00-05:00",
     "country": "US", "subdivision": null, "decision_by": "2026-11-20",
     "invited_to_call": false, "traditional_industry": false,
     "contacts":  [{"at": "2026-11-16T19:00:00-05:00", "kind": "thank_you", "channel": "email"}],
     "responses": [{"at": "2026-11-25", "kind": "new_timeline", "new_decision_by": "2026-12-11"}]}

Past this module's parsing edge, dates are ``datetime.date`` and times are
timezone-aware ``datetime``; never strings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime, tzinfo
from pathlib import Path

from followup_lib.errors import InputError, clipped, described
from followup_lib.etiquette.params import DEFAULT_COUNTRY
from followup_lib.etiquette.case_json import case_json_object
from followup_lib.etiquette.kinds import ATTEMPT_KINDS, Channel, ContactKind, ResponseKind
from followup_lib.etiquette.timefields import When, check_date_range, parse_date, parse_when, parse_zone
from followup_lib.suggest import did_you_mean
from followup_lib.etiquette.workdays import work_calendar

__all__ = ["Case", "Contact", "Response", "load_case", "save_case", "parse_when", "case_json_object",
           "CONTACT_KINDS", "RESPONSE_KINDS", "CHANNELS", "ATTEMPT_KINDS", "When"]

CONTACT_KINDS = ContactKind.values()
RESPONSE_KINDS = ResponseKind.values()
CHANNELS = Channel.values()
MAX_EVENTS = 200  # a case with more contacts than this is a data-entry mistake
#: Longest name, company, position or recipient accepted (a paste beyond it is a mistake).
MAX_TEXT = 200


def _check_bool(value, field_name: str, *, optional: bool = False) -> None:
    if isinstance(value, bool) or (optional and value is None):
        return
    raise InputError(field_name, f"must be true or false, not {described(value)}")


def _check_text(value, field_name: str) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise InputError(field_name, f"must be text, not {described(value)}")
    if len(value) > MAX_TEXT:
        raise InputError(field_name, f"is {len(value):,} characters long", f"keep it under {MAX_TEXT} characters")



def _check_when(value, field_name: str) -> None:
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InputError(field_name, "has no timezone", "add an offset such as -05:00")
    elif not isinstance(value, date):
        raise InputError(field_name, f"must be a date or a datetime, not {described(value)}")
    check_date_range(value, field_name)


def _when_json(value: When) -> str:
    return value.isoformat()


@dataclass(frozen=True)
class Contact:
    """Something the candidate sent or did: a thank-you, a follow-up, a second attempt, a call."""

    at: When
    kind: ContactKind
    channel: Channel = Channel.EMAIL
    to: str | None = None

    def __post_init__(self) -> None:
        _check_when(self.at, "contact.at")
        object.__setattr__(self, "kind", ContactKind.parse(self.kind, "contact.kind"))
        object.__setattr__(self, "channel", Channel.parse(self.channel, "contact.channel"))
        _check_text(self.to, "contact.to")

    @classmethod
    def from_dict(cls, data: dict, where: str, tz: tzinfo) -> "Contact":
        _check_keys(data, {"at", "kind", "channel", "to"}, where)
        kind = ContactKind.parse(data.get("kind"), f"{where}.kind")
        default_channel = Channel.PHONE if kind == ContactKind.CALL else Channel.EMAIL
        channel = Channel.parse(data.get("channel", default_channel), f"{where}.channel")
        to = data.get("to")
        _check_text(to, f"{where}.to")
        return cls(parse_when(data.get("at"), f"{where}.at", tz), kind, channel, to)

    def to_dict(self) -> dict:
        out = {"at": _when_json(self.at), "kind": self.kind, "channel": self.channel}
        if self.to:
            out["to"] = self.to
        return out


@dataclass(frozen=True)
class Response:
    """Something the employer sent: a decision, a new timeline, or an update."""

    at: When
    kind: ResponseKind
    new_decision_by: date | None = None

    def __post_init__(self) -> None:
        _check_when(self.at, "response.at")
        object.__setattr__(self, "kind", ResponseKind.parse(self.kind, "response.kind"))
        if self.new_decision_by is not None:
            if isinstance(self.new_decision_by, datetime) or not isinstance(self.new_decision_by, date):
                raise InputError("response.new_decision_by", f"must be a date, not {described(self.new_decision_by)}")
            check_date_range(self.new_decision_by, "response.new_decision_by")

    @classmethod
    def from_dict(cls, data: dict, where: str, tz: tzinfo) -> "Response":
        _check_keys(data, {"at", "kind", "new_decision_by"}, where)
        kind = ResponseKind.parse(data.get("kind"), f"{where}.kind")
        new_date = parse_date(data.get("new_decision_by"), f"{where}.new_decision_by")
        return cls(parse_when(data.get("at"), f"{where}.at", tz), kind, new_date)

    def to_dict(self) -> dict:
        out = {"at": _when_json(self.at), "kind": self.kind}
        if self.new_decision_by:
            out["new_decision_by"] = self.new_decision_by.isoformat()
        return out


def _check_keys(data, allowed: set[str], where: str) -> None:
    if not isinstance(data, dict):
        raise InputError(where, "must be a JSON object {...}")
    for key in data:
        if not isinstance(key, str):
            raise InputError(f"{where}.{key!r}"[:60] if where else repr(key)[:40], "is not a field name",
                             "field names are text, such as 'decision_by'")
        if key not in allowed:
            shown = clipped(key)
            raise InputError(f"{where}.{shown}" if where else shown, "is not a field of the case",
                             did_you_mean(key, sorted(allowed), listing="allowed"))


@dataclass(frozen=True)
class Case:
    """One candidate's case after an interview. Validated on construction.

    Parameters
    ----------
    interview_end : datetime
        When the interview ended, timezone-aware. With ``timezone`` set it is shown in
        that zone, so a 24-hour window is right across a daylight-saving change.
    country, subdivision : str
        Whose weekends and public holidays count (``holidays`` package codes).
    decision_by : date, optional
        The decision date the interviewer gave; None when no timeline was stated.
    invited_to_call, traditional_industry : bool
        Two of the three exceptions that permit a phone call.
    contact_name, preferred_channel, checking_in_welcome, timezone
        What was learned in stage 1 (all optional).
    company, position : str, optional
        Which job this is: names calendar events and fills message drafts.
    contacts, responses : tuple
        What the candidate sent and what the employer answered, in any order.

    Examples
    --------
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
    ...                             "decision_by": "2026-11-20"})
    >>> case.interview_date
    datetime.date(2026, 11, 16)
    >>> Case.from_dict({"interview_end": "2026-11-16T15:00-05:00", "decision_by": "2026-11-02"})
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: decision_by: 2026-11-02 is before the interview (2026-11-16); give the date the employer said they would decide by
    """

    interview_end: datetime
    country: str = DEFAULT_COUNTRY
    subdivision: str | None = None
    decision_by: date | None = None
    invited_to_call: bool = False
    traditional_industry: bool = False
    contact_name: str | None = None
    company: str | None = None
    position: str | None = None
    preferred_channel: Channel = Channel.EMAIL
    checking_in_welcome: bool | None = None
    timezone: str | None = None
    contacts: tuple[Contact, ...] = field(default_factory=tuple)
    responses: tuple[Response, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not isinstance(self.interview_end, datetime) or self.interview_end.utcoffset() is None:
            raise InputError("interview_end", "must be a date and time with a timezone",
                             "write it as YYYY-MM-DDTHH:MM-05:00 or set \"timezone\"")
        check_date_range(self.interview_end, "interview_end")
        self._check_fields()
        if self.timezone:
            object.__setattr__(self, "interview_end", self.interview_end.astimezone(parse_zone(self.timezone)))
        object.__setattr__(self, "preferred_channel", Channel.parse(self.preferred_channel, "preferred_channel"))
        for name, kind in (("contacts", Contact), ("responses", Response)):
            events = getattr(self, name)
            if isinstance(events, (tuple, list)) and len(events) > MAX_EVENTS:
                raise InputError(name, f"has more than {MAX_EVENTS} entries", "log only real contacts")
            if not isinstance(events, (tuple, list)) or not all(isinstance(e, kind) for e in events):
                raise InputError(name, f"must be a list of {kind.__name__} records")
            object.__setattr__(self, name, tuple(sorted(events, key=self.sort_key)))
        work_calendar(self.country, self.subdivision)  # raises on an unknown country
        self._check_dates()

    def _check_fields(self) -> None:
        """Types of the plain fields, so a constructor call is checked as a file is."""
        if not isinstance(self.country, str) or not self.country.strip():
            raise InputError("country", f"must be a country code such as US, not {described(self.country)}")
        for name in ("subdivision", "contact_name", "company", "position", "timezone"):
            _check_text(getattr(self, name), name)
        for name in ("invited_to_call", "traditional_industry"):
            _check_bool(getattr(self, name), name)
        _check_bool(self.checking_in_welcome, "checking_in_welcome", optional=True)
        if self.decision_by is not None:
            if isinstance(self.decision_by, datetime) or not isinstance(self.decision_by, date):
                raise InputError("decision_by", f"must be a date, not {described(self.decision_by)}")
            check_date_range(self.decision_by, "decision_by")

    def _check_dates(self) -> None:
        if self.decision_by is not None and self.decision_by < self.interview_date:
            raise InputError("decision_by", f"{self.decision_by} is before the interview ({self.interview_date})",
                             "give the date the employer said they would decide by")
        for name, events in (("contacts", self.contacts), ("responses", self.responses)):
            for i, event in enumerate(events):
                if self.before_interview(event.at):
                    raise InputError(f"{name}[{i}].at", f"{event.at.isoformat()} is before the interview ended",
                                     "check the date; only log what happened after the interview")
        for i, resp in enumerate(self.responses):
            if resp.kind == "new_timeline":
                if resp.new_decision_by is None:
                    raise InputError(f"responses[{i}].new_decision_by", "is missing for a new timeline",
                                     "give the new date the employer named")
                if resp.new_decision_by < self.local_date(resp.at):
                    raise InputError(f"responses[{i}].new_decision_by", "is before the response that gave it",
                                     "give the new, later date")

    # --- time helpers -------------------------------------------------------------
    @property
    def tz(self) -> tzinfo:
        """The interview's timezone."""
        return self.interview_end.tzinfo

    @property
    def interview_date(self) -> date:
        """The interview's date in its own timezone."""
        return self.interview_end.date()

    def local_date(self, when: When) -> date:
        """The date of a contact or response, in the interview's timezone."""
        return when.astimezone(self.tz).date() if isinstance(when, datetime) else when

    def before_interview(self, when: When) -> bool:
        """True when ``when`` lies before the interview ended."""
        if isinstance(when, datetime):
            return when < self.interview_end
        return when < self.interview_date

    def sort_key(self, event) -> tuple:
        """Order events by day, then by time where one is known."""
        at = event.at
        moment = at.astimezone(self.tz).timetz().replace(tzinfo=None) if isinstance(at, datetime) else None
        return (self.local_date(at), moment is not None, moment or datetime.min.time())

    @property
    def calendar(self):
        """The :class:`~followup_lib.etiquette.workdays.WorkCalendar` of the case's country."""
        return work_calendar(self.country, self.subdivision)

    def contacts_of(self, *kinds: str) -> tuple[Contact, ...]:
        """The contacts of the given kinds, in order.

        Examples
        --------
        >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
        ...     "contacts": [{"at": "2026-11-24", "kind": "follow_up"}, {"at": "2026-11-16", "kind": "thank_you"}]})
        >>> [str(c.kind) for c in case.contacts_of("thank_you", "follow_up")]
        ['thank_you', 'follow_up']
        """
        return tuple(c for c in self.contacts if c.kind in kinds)

    def responses_of(self, *kinds: str) -> tuple[Response, ...]:
        """The employer's responses of the given kinds, in order."""
        return tuple(r for r in self.responses if r.kind in kinds)

    def with_contact(self, contact: Contact) -> "Case":
        """A copy of the case with one more contact logged."""
        return replace(self, contacts=self.contacts + (contact,))

    def with_response(self, response: Response) -> "Case":
        """A copy of the case with one more employer response logged."""
        return replace(self, responses=self.responses + (response,))

    # --- JSON ---------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict) -> "Case":
        """Build a validated case from the JSON structure documented above."""
        if not isinstance(data, dict):
            raise InputError("case", "must be a JSON object {...}")
        _check_keys(data, {f for f in cls.__dataclass_fields__}, "")
        tz = parse_zone(data["timezone"]) if data.get("timezone") else None
        end = parse_when(data.get("interview_end"), "interview_end", tz)
        if not isinstance(end, datetime):
            raise InputError("interview_end", "needs a time of day as well as a date",
                             "write it as YYYY-MM-DDTHH:MM-05:00")
        for key in ("contacts", "responses"):
            if not isinstance(data.get(key, []), list):
                raise InputError(key, "must be a list [...]")
            if len(data.get(key, [])) > MAX_EVENTS:
                raise InputError(key, f"has more than {MAX_EVENTS} entries", "log only real contacts")
        return cls(
            interview_end=end,
            country=_text(data.get("country", DEFAULT_COUNTRY), "country") or DEFAULT_COUNTRY,
            subdivision=_text(data.get("subdivision"), "subdivision"),
            decision_by=parse_date(data.get("decision_by"), "decision_by"),
            invited_to_call=data.get("invited_to_call", False),
            traditional_industry=data.get("traditional_industry", False),
            contact_name=_text(data.get("contact_name"), "contact_name"),
            company=_text(data.get("company"), "company"),
            position=_text(data.get("position"), "position"),
            preferred_channel=data.get("preferred_channel") or "email",
            checking_in_welcome=data.get("checking_in_welcome"),
            timezone=data.get("timezone"),
            contacts=tuple(Contact.from_dict(c, f"contacts[{i}]", end.tzinfo)
                           for i, c in enumerate(data.get("contacts", []))),
            responses=tuple(Response.from_dict(r, f"responses[{i}]", end.tzinfo)
                            for i, r in enumerate(data.get("responses", []))),
        )

    def to_dict(self) -> dict:
        """The case as the JSON structure documented above (round-trips with :meth:`from_dict`)."""
        return {
            "interview_end": self.interview_end.isoformat(),
            "timezone": self.timezone,
            "country": self.country,
            "subdivision": self.subdivision,
            "decision_by": self.decision_by.isoformat() if self.decision_by else None,
            "invited_to_call": self.invited_to_call,
            "traditional_industry": self.traditional_industry,
            "contact_name": self.contact_name,
            "company": self.company,
            "position": self.position,
            "preferred_channel": self.preferred_channel,
            "checking_in_welcome": self.checking_in_welcome,
            "contacts": [c.to_dict() for c in self.contacts],
            "responses": [r.to_dict() for r in self.responses],
        }

    @classmethod
    def from_json(cls, text: str, source: str = "case") -> "Case":
        """Parse a case from JSON text; malformed JSON names the line and column."""
        return cls.from_dict(case_json_object(text, source))

    def to_json(self) -> str:
        """The case as indented JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def _text(value, field_name: str) -> str | None:
    if value is None or isinstance(value, str):
        return value.strip() if isinstance(value, str) and value.strip() else None
    raise InputError(field_name, f"must be text, not {described(value)}")


def load_case(path) -> Case:
    """Read a case from a JSON file.

    Raises
    ------
    InputError
        When the file is missing, empty, not text, not JSON, or the case in it is invalid.
    """
    from followup_lib.textio import read_user_text

    p = Path(path)
    text = read_user_text(p, "case file")
    return Case.from_json(text, source=f"case file {p.name}")


def case_file_bytes(case: Case) -> bytes:
    """The bytes of a case file, as :func:`save_case` writes them (UTF-8 JSON and a final newline)."""
    return (case.to_json() + "\n").encode("utf-8")


def save_case(case: Case, path, *, replace: bool = False) -> Path:
    """Write a case to a JSON file atomically (a crash never leaves half a file).

    An existing file is replaced only with ``replace=True``; in a notebook, prefer
    :class:`followup_lib.workspace.LearnerFolder`, which keeps names inside the
    learner's own folder.
    """
    from followup_lib.textio import write_output

    return write_output(path, case_file_bytes(case), "case file",
                        force=replace, suffixes=(".json",), replace_hint="pass replace=True to replace it")
