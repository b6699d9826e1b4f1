"""Whether a call script or voicemail says who is calling: name, position, interview date, phone.

The caller should be placed at once: full name, the position, and the date of the
interview at the start; a voicemail also leaves a number to call back. With a context
the checks look for the actual values (this name, this job title, this date); without
one, for anything that reads as a name, a position or a date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from followup_lib.messages.kinds import EMAIL_KINDS, MONTHS, WEEKDAYS, word_key
from followup_lib.messages.rules import Finding, mentions, text_words

_MONTH = "|".join(m[:3] + (f"(?:{m[3:]})?" if len(m) > 3 else "") for m in MONTHS)
_ANY_DATE = re.compile(
    rf"(?i:\b(?:{'|'.join(WEEKDAYS)})\b|\b(?:{_MONTH})\.?\s{{1,2}}\d{{1,2}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s{{1,2}}(?:of\s)?(?:{_MONTH})\b|\b\d{{1,2}}/\d{{1,2}}\b"
    r"|\byesterday\b|\blast week\b|\bearlier this week\b)")
_SAYS_NAME = re.compile(r"\b(?i:this is|my name is|it's|it is|i'm|i am)\s{1,3}[A-Z][^\W\d_]")
_SAYS_POSITION = re.compile(r"(?i:\binterview(?:ed|ing)?\s(?:with you\s)?(?:for|about)\b"
                            r"|\b(?:for|about) the\b[^.\n]{0,60}?\b(?:role|position|job|opening)\b)")
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d ().\-]{5,20}\d(?!\w)")
_NON_DIGIT = re.compile(r"\D")


@lru_cache(maxsize=64)
def _date_pattern(day) -> re.Pattern:
    """The ways a script may say ``day``: its weekday, "Nov 16", "16th of November", 11/16, 16/11."""
    month = MONTHS[day.month - 1]
    forms = (rf"\b{WEEKDAYS[day.weekday()]}\b", rf"\b{month[:3]}\w{{0,6}}\.?\s{{1,2}}{day.day}\b",
             rf"\b{day.day}(?:st|nd|rd|th)?\s{{1,2}}(?:of\s)?{month[:3]}", rf"\b{day.month}/{day.day}\b",
             rf"\b{day.day}/{day.month}\b")
    return re.compile("|".join(forms), re.IGNORECASE)


def _says_date(text: str, day) -> bool:
    return bool((_ANY_DATE if day is None else _date_pattern(day)).search(text))


def _says_phone(text: str, phone: str | None) -> bool:
    if phone:
        return _NON_DIGIT.sub("", phone) in _NON_DIGIT.sub("", text)
    return any(sum(ch.isdigit() for ch in m.group()) >= 7 for m in _PHONE.finditer(text))


def identity_findings(text: str, kind: str, ctx) -> list[Finding]:
    """A script must say the full name, the position and the interview date (a voicemail also a number).

    Examples
    --------
    >>> from followup_lib.messages.context import ReviewContext
    >>> script = "Hi Sam, this is Ana Ruiz. I interviewed for the QA Lead role on Monday."
    >>> identity_findings(script, "call_script", ReviewContext())
    []
    >>> identity_findings(script, "voicemail", ReviewContext())[0].message
    'Leave a phone number at the end, said twice, so they can call you back.'
    """
    if kind in EMAIL_KINDS:
        return []
    plain = " ".join(text.replace("’", "'").split())
    day = ctx.case.interview_date if ctx.case is not None else None
    missing = []
    if not (word_key(ctx.name) in word_key(plain) if ctx.name else _SAYS_NAME.search(plain)):
        missing.append(f"your full name ({ctx.name})" if ctx.name else "your full name")
    if not (mentions(text_words(text), ctx.position) if ctx.position else _SAYS_POSITION.search(plain)):
        missing.append(f"the position ({ctx.position})" if ctx.position else "the position you interviewed for")
    if not _says_date(plain, day):
        missing.append("the interview date" + (f" ({MONTHS[day.month - 1]} {day.day})" if day else ""))
    no_phone = kind == "voicemail" and not _says_phone(plain, ctx.phone)
    if not missing and not no_phone:
        return []
    advice = []
    if missing:
        listed = f"{', '.join(missing[:-1])} and {missing[-1]}" if len(missing) > 1 else missing[0]
        where = "call" if kind == "call_script" else "voicemail"
        advice.append(f"say {listed} at the start of the {where}, so they know at once who is calling")
    if no_phone:
        advice.append("leave a phone number at the end, said twice, so they can call you back")
    sentence = ", and ".join(advice)
    return [Finding("missing_identity", "error", sentence[0].upper() + sentence[1:] + ".")]
