"""The kinds of message, and the measures drafts and the reviewer share.

A message is one of five kinds: three emails (``thank_you``, ``follow_up``,
``second_attempt``) and two spoken scripts (``call_script``, ``voicemail``). Words are
counted the same way everywhere, so the length a draft reports is the length the
reviewer judges.
"""

from __future__ import annotations

import re
from datetime import date

from followup_lib.errors import InputError, clipped
from followup_lib.suggest import did_you_mean
from followup_lib.etiquette.params import WORDS_PER_MINUTE

EMAIL_KINDS = ("thank_you", "follow_up", "second_attempt")
SPOKEN_KINDS = ("call_script", "voicemail")
KINDS = EMAIL_KINDS + SPOKEN_KINDS


WORD_PATTERN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
#: A word of letters only, with inner apostrophes (names such as O'Neill).
LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SUBJECT_LINE = re.compile(r"\A\s*subject\s*:[^\n]*(?:\n|\Z)", re.IGNORECASE)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def check_kind(kind) -> str:
    """Return ``kind`` when it is a known kind of message; raise :class:`InputError` if not.

    The error suggests the closest kind when there is one, else lists the kinds once.

    Examples
    --------
    >>> check_kind("voicemail")
    'voicemail'
    >>> check_kind("thankyou")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: kind: 'thankyou' is not a kind of message; did you mean 'thank_you'?
    >>> check_kind("letter")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: kind: 'letter' is not a kind of message; use one of: thank_you, follow_up, second_attempt, call_script, voicemail
    """
    if isinstance(kind, str) and kind.strip() in KINDS:
        return kind.strip()
    typed = kind.strip().lower().replace("-", "_").replace(" ", "_") if isinstance(kind, str) else ""
    shown = clipped(repr(kind))
    raise InputError("kind", f"{shown} is not a kind of message", did_you_mean(typed, KINDS))


def body_start(text: str) -> int:
    """Offset where the body begins: after a leading ``Subject:`` line, else 0.

    Examples
    --------
    >>> body_start("Subject: Thank you\\nHi Sam,")
    19
    >>> body_start("Hi Sam,")
    0
    """
    match = _SUBJECT_LINE.match(text)
    return match.end() if match else 0


def count_words(text: str) -> int:
    """Count words: runs of letters or digits, with inner apostrophes and hyphens.

    Examples
    --------
    >>> count_words("I'm keen on the follow-up, O'Neill — 100%!")
    7
    """
    return len(WORD_PATTERN.findall(text))


def word_key(word: str) -> str:
    """A word as the word sets store it: lower case, with curly apostrophes made straight.

    Examples
    --------
    >>> word_key("O’Neill")
    "o'neill"
    """
    return word.lower().replace("’", "'")


def speaking_seconds(words: int, words_per_minute: int = WORDS_PER_MINUTE) -> float:
    """Seconds it takes to say ``words`` words at ``words_per_minute``.

    Examples
    --------
    >>> speaking_seconds(75)
    30.0
    """
    return round(words * 60 / words_per_minute, 1)


def spoken_date(day: date) -> str:
    """A date as it is said aloud in English: weekday, month and day.

    Examples
    --------
    >>> spoken_date(date(2026, 11, 16))
    'Monday, November 16'
    """
    return f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}"
