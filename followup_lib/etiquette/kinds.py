"""The vocabulary of the etiquette model as ``str``-valued enums.

Each member equals its plain string (``Action.WAIT == "wait"``), prints as it, and goes
into JSON as it, so the documented JSON values stay what they were while code, widgets
and tests get names they can look up instead of strings they must spell right.

Examples
--------
>>> Action.SEND_FOLLOW_UP == "send_follow_up", str(Action.WAIT), f"{ContactKind.CALL}"
(True, 'wait', 'call')
>>> import json; json.dumps([Channel.EMAIL])
'["email"]'
"""

from __future__ import annotations

from enum import Enum

from followup_lib.errors import InputError, clipped
from followup_lib.suggest import did_you_mean


class TextEnum(str, Enum):
    """A ``str`` enum that prints and formats as its value, with a checked constructor."""

    __hash__ = str.__hash__  # a member finds the entry of its plain string in a dict, and back

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:  # shown as the plain string it equals, in lists, tables and doctests
        return repr(self.value)

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    @classmethod
    def parse(cls, value, field: str):
        """The member for ``value`` (a member or its string); InputError naming ``field`` otherwise.

        Examples
        --------
        >>> ContactKind.parse("follow_up", "contacts[0].kind") is ContactKind.FOLLOW_UP
        True
        >>> ContactKind.parse("folow_up", "contacts[0].kind")
        Traceback (most recent call last):
        ...
        followup_lib.errors.InputError: contacts[0].kind: 'folow_up' is not a known value; did you mean 'follow_up'?
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            try:
                return cls(value)
            except ValueError:
                pass
        shown = clipped(repr(value))
        raise InputError(field, f"{shown} is not a known value", did_you_mean(value, cls.values()))

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """The plain strings of every member, in order."""
        return tuple(member.value for member in cls)


class Action(TextEnum):
    """What the advisor tells the candidate to do next."""

    SEND_THANK_YOU = "send_thank_you"
    THANK_YOU_LATE = "thank_you_late"
    WAIT = "wait"
    SEND_FOLLOW_UP = "send_follow_up"
    SECOND_ATTEMPT = "second_attempt"
    FOLLOW_NEW_TIMELINE = "follow_new_timeline"
    REPLY_TO_EMPLOYER = "reply_to_employer"
    MOVE_ON = "move_on"
    DONE = "done"


class ContactKind(TextEnum):
    """Something the candidate sent or did."""

    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    SECOND_ATTEMPT = "second_attempt"
    CALL = "call"


class ResponseKind(TextEnum):
    """Something the employer sent."""

    DECISION = "decision"
    NEW_TIMELINE = "new_timeline"
    UPDATE = "update"


class Channel(TextEnum):
    """How a message goes out."""

    EMAIL = "email"
    PHONE = "phone"


class TimelineSource(TextEnum):
    """Where the decision date the rules count from came from."""

    STATED = "stated"
    NEW_TIMELINE = "new_timeline"
    ASSUMED = "assumed"


class EpochKind(TextEnum):
    """What started the stretch of the case the rules count from now."""

    INITIAL = "initial"
    NEW_TIMELINE = "new_timeline"
    UPDATE = "update"


#: Contacts that count as an attempt to learn the outcome (everything but the thank-you).
ATTEMPT_KINDS = (ContactKind.FOLLOW_UP, ContactKind.SECOND_ATTEMPT, ContactKind.CALL)
