"""The reviewer's text rules: each reads a draft and returns coaching findings.

Every rule is a plain function of the text (and the kind and context where it needs
them) returning a list of :class:`Finding`. Offsets are character offsets into the
text under review; a finding about something *missing* has the empty span ``(0, 0)``.
Every regular expression here has bounded repetition, so a long paste is checked in
linear time. The severity of each rule is documented in :mod:`followup_lib.messages.review`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from followup_lib.etiquette.kinds import TextEnum
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.messages.kinds import EMAIL_KINDS, body_start, speaking_seconds
from followup_lib.messages.markup import find_html, is_html_tag

class Severity(TextEnum):
    """How much a finding matters: an ``error`` is certainly wrong, a ``warning`` is a
    judgement worth a second look, a ``tip`` is a suggestion."""

    ERROR = "error"
    WARNING = "warning"
    TIP = "tip"


SEVERITIES = Severity.values()
WORDLISTS = Path(__file__).resolve().parent / "wordlists"


def read_wordlist(name: str) -> tuple[str, ...]:
    """The entries of ``wordlists/<name>.txt``: one a line, blank lines and ``#`` comments left out.

    Parameters
    ----------
    name : str
        The list's file name without ``.txt``.

    Returns
    -------
    tuple of str
        The stripped entries, in file order.

    Examples
    --------
    >>> "SQL" in read_wordlist("acronyms")
    True
    """
    lines = (WORDLISTS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


@dataclass(frozen=True)
class Finding:
    """One thing the reviewer noticed.

    Attributes
    ----------
    rule : str
        The rule's id, e.g. ``"placeholder"``.
    severity : {"error", "warning", "tip"}
    message : str
        One sentence: what is wrong and how to fix it.
    start, end : int
        Character offsets of the passage in the text; ``(0, 0)`` for something missing.
    """

    rule: str
    severity: Severity
    message: str
    start: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "severity", Severity.parse(self.severity, "finding.severity"))

    def to_dict(self) -> dict:
        """The finding as a JSON-ready dict."""
        return {**asdict(self), "severity": str(self.severity)}


# --- placeholders ---------------------------------------------------------------------
_PLACEHOLDER = re.compile("|".join([
    r"\[[^\[\]\n]{0,80}\]",                                   # [Your Name], [ ]
    r"\{\{?[^{}\n]{0,80}\}\}?",                               # {{ name }}, {company}
    r"<[^<>\n]{1,60}>",                                       # <NAME>, <company name>
    r"\b(?:X{2,12}|x{3,12})\b",                               # XXX
    r"_{3,80}",                                               # ______
    r"\b(?:TODO|FIXME)\b",
    r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s{0,2}/\s{0,2}(?:Mr|Mrs|Ms|Miss|Dr)\b\.?",   # Mr./Ms.
    r"(?i:\((?:insert|enter|add|type|fill in|include|mention|name of|specific)\b[^()\n]{0,80}\))",
    r"(?i:\((?:your|their|the|company|interviewer'?s?|hiring manager'?s?|recruiter'?s?)\s"
    r"(?:full\s)?(?:name|title|job title|position|company|phone(?: number)?|email|number|role)\b"
    r"[^()\n]{0,40}\))",
    r"\b(?:Your|YOUR|Company|COMPANY|Interviewer|INTERVIEWER|Hiring Manager|HIRING MANAGER|"
    r"Recruiter|RECRUITER|First|FIRST|Last|LAST|Full|FULL|Contact|CONTACT)(?:['’][sS])?\s"
    r"(?:Name|NAME)\b",
    r"\b(?:Job|JOB|Position|POSITION)\s(?:Title|TITLE)\b",
    r"\b(?:Day of the Week|DAY OF THE WEEK|Your Phone Number|YOUR PHONE NUMBER|"
    r"Date of (?:the )?Interview|Your Email)\b",
]))


#: Words that make up a template slot such as "(your name)", "(date)", "(job title)".
SLOT_WORDS = frozenset("""name names first last full surname title job position role company organisation
organization employer date day time interviewer interviewers manager managers hiring recruiter contact phone
number email address topic skill skills project insert your their his her the of a an interview city
department here specific mention person's manager's interviewer's company's recruiter's today's
weekday month year""".split())
#: A slot needs at least one of these (so "(the team)" stays prose).
_SLOT_CORE = frozenset("""name names surname title position role company organisation organization employer
date day time phone number email address topic skill skills insert city department""".split())
_BRACKETED = re.compile(r"\(([^()\n]{1,60})\)|\[([^\[\]\n]{1,60})\]|<([^<>\n]{1,60})>|\{\{?([^{}\n]{1,60})\}?\}")
#: Which identity element a slot stands for, by the words in it.
_SLOT_ELEMENTS = {"name": ("name", "surname"), "position": ("position", "role", "title", "job"),
                  "date": ("date", "day", "weekday", "time", "month"), "phone": ("phone", "number")}


def _is_slot(inner: str) -> bool:
    words = [w for w in re.split(r"[\s/_-]+", inner.lower().replace("’", "'")) if w]
    return bool(words) and len(words) <= 6 and all(w in SLOT_WORDS for w in words) \
        and any(w.removesuffix("'s") in _SLOT_CORE for w in words)


def slot_elements(text: str, spans) -> set[str]:
    """The identity elements (``name``, ``position``, ``date``, ``phone``) that placeholders stand for.

    A script that says "this is (your name)" gets one placeholder error, not a second
    finding that the name is missing.

    Examples
    --------
    >>> text = "Hi, this is [Your Name], calling about the (job title) interview on (date)."
    >>> sorted(slot_elements(text, find_placeholders(text)))
    ['date', 'name', 'position']
    """
    found = set()
    for start, end in spans:
        words = set(re.split(r"[\W_]+", text[start:end].lower()))
        found |= {element for element, cues in _SLOT_ELEMENTS.items() if words & set(cues)}
    return found


def find_placeholders(text: str) -> list[tuple[int, int]]:
    """Spans of leftover template text: ``[Name]``, ``{{ x }}``, ``<NAME>``, ``XXX``, ``Mr./Ms.`` …

    Angle brackets around an e-mail address or a link are not placeholders, and neither
    are HTML tags such as ``<p>`` (see :func:`html_findings`).

    Examples
    --------
    >>> s = "Dear Mr./Ms. [Last Name], thanks (insert topic). Your Name <sam@x.org>"
    >>> [s[a:b] for a, b in find_placeholders(s)]
    ['Mr./Ms.', '[Last Name]', '(insert topic)', 'Your Name']
    >>> s = "We met on (date) about the (Job Title) role (the team was great)."
    >>> [s[a:b] for a, b in find_placeholders(s)]
    ['(date)', '(Job Title)']
    """
    spans = []
    for match in _PLACEHOLDER.finditer(text):
        found = match.group()
        if found.startswith("<") and ("@" in found or "://" in found or is_html_tag(found)):
            continue
        if found.startswith("[") and found[1:-1].strip().isdigit():
            continue  # a reference such as [1]
        spans.append(match.span())
    for match in _BRACKETED.finditer(text):  # slots in any bracket style: "(date)", "[job title]"
        inner = next(group for group in match.groups() if group is not None)
        if not _is_slot(inner):
            continue
        start, end = match.span()
        if any(a < end and start < b and not (start <= a and b <= end) for a, b in spans):
            continue  # overlaps a placeholder reaching outside these brackets
        spans = [(a, b) for a, b in spans if not (start <= a and b <= end)] + [(start, end)]  # reported once
    return sorted(spans)


def placeholder_findings(text: str, spans: list[tuple[int, int]] | None = None) -> list[Finding]:
    """Leftover template text is an error: the reader sees you used a template.

    Examples
    --------
    >>> [(f.rule, f.start, f.end) for f in placeholder_findings("Best, [Your Name]")]
    [('placeholder', 6, 17)]
    """
    return [Finding("placeholder", "error",
                    f"'{text[a:b][:60]}' looks like leftover template text: replace it with the "
                    "real detail or delete it.", a, b)
            for a, b in (find_placeholders(text) if spans is None else spans)]


def html_findings(text: str, spans: list[tuple[int, int]] | None = None) -> list[Finding]:
    """HTML tags or entities are one error for the whole draft, not one per tag.

    Examples
    --------
    >>> [(f.rule, f.start, f.end) for f in html_findings("<p>Hi Sam,<br>thanks.</p>")]
    [('html', 0, 3)]
    >>> html_findings("Best, <YOUR NAME>")
    []
    """
    spans = find_html(text) if spans is None else spans  # the caller may have found them already
    if not spans:
        return []
    examples = list(dict.fromkeys(text[a:b][:20] for a, b in spans))
    shown = ", ".join(f"'{tag}'" for tag in examples[:3])
    what = f"{len(spans)} pieces of markup such as {shown}" if len(spans) > 1 else shown
    return [Finding("html", "error", f"This looks like HTML ({what}): paste the plain text of your "
                    "message, as the reader will see it.", *spans[0])]


# --- pressure -------------------------------------------------------------------------
_PRESSURE_ADVICE = {
    "urgency": "pushes them to hurry: leave it out and let them answer in their own time",
    "demand": "reads as a demand: ask politely whether there is any update instead",
    "ultimatum": "reads as an ultimatum: drop the deadline and simply restate your interest",
    "guilt": "sounds like a reproach: leave out blame and thank them for their time instead",
    "begging": "sounds desperate: restate your interest calmly instead of pleading",
    "repetition": "points at how often you have written: one friendly note is enough",
}


@lru_cache(maxsize=1)
def _pressure_pattern() -> re.Pattern:
    """The curated pressure phrases as one pattern with a named group per category."""
    by_category: dict[str, list[str]] = {}
    for line in read_wordlist("pressure_phrases"):
        category, _, pattern = line.partition(" | ")
        by_category.setdefault(category.strip(), []).append(pattern.strip())
    groups = (f"(?P<{cat}>{'|'.join(pats)})" for cat, pats in by_category.items())
    return re.compile("|".join(groups), re.IGNORECASE)


def pressure_findings(text: str) -> list[Finding]:
    """Demanding, guilt-tripping, ultimatum or begging phrases are errors.

    Examples
    --------
    >>> [f.message for f in pressure_findings("Please reply ASAP.")]
    ["'ASAP' pushes them to hurry: leave it out and let them answer in their own time."]
    """
    plain = text.replace("’", "'")  # same length, so offsets still fit the text
    findings = []
    for match in _pressure_pattern().finditer(plain):
        a, b = match.span()
        findings.append(Finding("pressure", "error",
                                f"'{text[a:b]}' {_PRESSURE_ADVICE[match.lastgroup]}.", a, b))
    return findings


# --- punctuation and length -----------------------------------------------------------
def exclamation_findings(text: str) -> list[Finding]:
    """More than one "!" is a warning; a single one is fine (CALIBRATION: 1 in 5 good emails).

    Examples
    --------
    >>> exclamation_findings("Thanks!")
    []
    >>> exclamation_findings("Thanks! Great day!")[0].start
    17
    """
    count = text.count("!")
    if count < 2:
        return []
    second = text.index("!", text.index("!") + 1)
    return [Finding("exclamations", "warning",
                    f"{count} exclamation marks read as over-excited: keep one at most.", second, second + 1)]


def length_findings(kind: str, word_count: int, *, params: Params = DEFAULTS) -> list[Finding]:
    """An email over its word limit (warning) or a script too long to say (see review).

    Examples
    --------
    >>> length_findings("thank_you", 120)
    []
    >>> [(f.rule, f.severity) for f in length_findings("call_script", 320)]   # 128 s aloud
    [('too_long_to_say', 'error')]
    """
    if kind in EMAIL_KINDS:
        limit = params.thank_you_max_words if kind == "thank_you" else params.follow_up_max_words
        if word_count <= limit:
            return []
        return [Finding("too_long", "warning",
                        f"At {word_count} words this email runs long: cut it to under {limit} "
                        "words, as good examples run 50 to 100.")]
    call_max_seconds, words_per_minute = params.call_max_seconds, params.words_per_minute
    seconds = speaking_seconds(word_count, words_per_minute)
    limit = call_max_seconds if kind == "call_script" else min(params.voicemail_max_seconds, call_max_seconds)
    if seconds <= limit:
        return []
    severity = "error" if seconds > call_max_seconds else "warning"
    words = limit * words_per_minute // 60
    return [Finding("too_long_to_say", severity,
                    f"Said aloud this takes about {seconds:.0f} seconds: cut it to under {limit} "
                    f"seconds (about {words} words) so it stays brief.")]


#: The subject line suggested for each kind of email: without and with the position.
SUBJECT_EXAMPLES = {
    "thank_you": ("Thank you for the interview", "Thank you for the {position} interview"),
    "follow_up": ("Following up on my interview", "Following up on the {position} interview"),
    "second_attempt": ("Checking in on my application",
                       "Checking in on my application for the {position} role"),
}


def subject_findings(text: str, kind: str, position: str | None = None) -> list[Finding]:
    """An email without a ``Subject:`` line gets a tip (only 4 of 14 good examples have one).

    The suggested subject fits the kind and names the position when it is known.

    Examples
    --------
    >>> subject_findings("Subject: Thanks\\n\\nHi Sam,", "thank_you")
    []
    >>> [(f.rule, f.severity) for f in subject_findings("Hi Sam,", "follow_up")]
    [('missing_subject', 'tip')]
    >>> subject_findings("Hi Sam,", "follow_up", "Data Analyst")[0].message[:61]
    "Consider a short subject line such as 'Following up on the Da"
    """
    if kind not in EMAIL_KINDS or body_start(text):
        return []
    plain, with_position = SUBJECT_EXAMPLES[kind]
    example = with_position.format(position=position) if position else plain
    return [Finding("missing_subject", "tip",
                    f"Consider a short subject line such as '{example}' so the "
                    "email is easy to find (a tip: many good emails go without one).")]
