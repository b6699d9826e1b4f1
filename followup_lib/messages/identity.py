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
from followup_lib.messages.elements import mentions, text_words
from followup_lib.messages.rules import Finding

_MONTH = "|".join(m[:3] + (f"(?:{m[3:]})?" if len(m) > 3 else "") for m in MONTHS)
_ANY_DATE = re.compile(
    rf"(?i:\b(?:{'|'.join(WEEKDAYS)})\b|\b(?:{_MONTH})\.?\s{{1,2}}\d{{1,2}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s{{1,2}}(?:of\s)?(?:{_MONTH})\b|\b\d{{1,2}}/\d{{1,2}}\b"
    r"|\byesterday\b|\blast week\b|\bearlier this week\b)")
#: Where a script says who is calling: "this is", "my name is", "it's", "I'm" ...
_NAME_CUE = re.compile(r"\b(?i:this is|my name is|it's|it is|i'm|i am|name's)\s{1,3}")
_NAME_PARTICLES = frozenset("de da del van von der la le al bin ben di du st".split())


def _says_full_name(plain: str) -> bool:
    """True when a cue is followed by a full name: two or more capitalised words (particles such
    as "de" or "van" may sit between them). One first name alone ("it's Stan") is not enough.

    Examples
    --------
    >>> _says_full_name("Hi, this is Zoë Ångström from"), _says_full_name("Hey, it's Stan. About")
    (True, False)
    >>> _says_full_name("My name is Ana de la Cruz.")
    True
    """
    for cue in _NAME_CUE.finditer(plain):
        words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|[^\w\s]", plain[cue.end():cue.end() + 80])
        capitals = 0
        for word in words:
            if word[0].isupper():
                capitals += 1
            elif word.lower() not in _NAME_PARTICLES:
                break
        if capitals >= 2:
            return True
    return False


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
    """True when the text says a phone number (the context's own, if given, in any common form).

    A number matches when it is the context's number as written, or its last seven digits
    or more with the country code left off and a trunk ``0`` added, as people say it at
    home ("+44 7700 900412" is "07700 900 412"; "+1 555 019 3344" is "555-019-3344").

    Examples
    --------
    >>> _says_phone("reach me on 07700 900 412", "+44 7700 900412"), _says_phone("call 555 0100", "+1 555 019 3344")
    (True, False)
    """
    said = ["".join(ch for ch in m.group() if ch.isdigit()) for m in _PHONE.finditer(text)]
    said = [digits for digits in said if len(digits) >= 7]
    if not phone:
        return bool(said)
    wanted = _NON_DIGIT.sub("", phone)
    return any(wanted.endswith(digits.lstrip("0")) and len(digits.lstrip("0")) >= 7 or digits == wanted
               for digits in said)


def identity_findings(text: str, kind: str, ctx, slots: frozenset[str] = frozenset()) -> list[Finding]:
    """A script should say the full name, the position and the interview date; a voicemail must leave a number.

    A missing name, position or date is a ``warning``: they can be said in many ways, and the
    listener may know them. A voicemail with no number to call back is an ``error``: nobody
    can answer it. ``slots`` names the elements that a placeholder stands in for (already an
    error of its own), which are not reported again.

    Examples
    --------
    >>> from followup_lib.messages.context import ReviewContext
    >>> script = "Hi Sam, this is Ana Ruiz. I interviewed for the QA Lead role on Monday."
    >>> identity_findings(script, "call_script", ReviewContext())
    []
    >>> [(f.severity, f.message[:31]) for f in identity_findings(script, "voicemail", ReviewContext())]
    [('error', 'Leave a phone number at the end')]
    >>> identity_findings("Hi, it's Stan. I interviewed for the QA Lead role on Monday.", "call_script",
    ...                   ReviewContext())[0].message[:36]
    'Say your full name (first and last) '
    """
    if kind in EMAIL_KINDS:
        return []
    plain = " ".join(text.replace("’", "'").split())
    day = ctx.case.interview_date if ctx.case is not None else None
    missing = []
    if "name" not in slots and not (word_key(ctx.name) in word_key(plain) if ctx.name else _says_full_name(plain)):
        missing.append(f"your full name ({ctx.name})" if ctx.name else "your full name (first and last)")
    if "position" not in slots and not (mentions(text_words(text), ctx.position) if ctx.position
                                        else _SAYS_POSITION.search(plain)):
        missing.append(f"the position ({ctx.position})" if ctx.position else "the position you interviewed for")
    if "date" not in slots and not _says_date(plain, day):
        missing.append("the interview date" + (f" ({MONTHS[day.month - 1]} {day.day})" if day else ""))
    findings = []
    if missing:
        listed = f"{', '.join(missing[:-1])} and {missing[-1]}" if len(missing) > 1 else missing[0]
        where = "call" if kind == "call_script" else "voicemail"
        findings.append(Finding("missing_identity", "warning", f"Say {listed} at the start of the {where}, "
                                "so they know at once who is calling."))
    if kind == "voicemail" and "phone" not in slots and not _says_phone(plain, ctx.phone):
        findings.append(Finding("missing_identity", "error", "Leave a phone number at the end, said twice, "
                                "so they can call you back: without one, nobody can answer this message."))
    return findings
