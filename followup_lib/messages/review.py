"""Review a draft before it is sent: findings with a rule, a severity, a message and a span.

:func:`review_draft` reads a thank-you, follow-up or second-attempt email, or a call
script or voicemail, and coaches: each finding is one sentence that says what is wrong
and how to fix it. ``Review.ok`` is True when nothing is an ``error``.

Rules and severities (a judgement call is a warning, not an error):

==========================  ========  ==================================================
rule                        severity  when
==========================  ========  ==================================================
missing_thanks              error     no thanks (thank-you, follow-up); warning for a
                                      second attempt; not checked for scripts
missing_interest            error     no restated interest (emails); warning for a second
                                      attempt and for scripts
missing_specific_topic      error     thank-you: no context topic (or, without context,
                                      nothing concrete about the conversation, such as
                                      "discussing the rota", "to hear about the new
                                      clinic", "your plans for the portal", "the model
                                      you described"; "the role" or "the team" is not
                                      concrete); warning for a follow-up with no topic,
                                      link or attachment
missing_next_steps          warning   no look ahead to next steps (emails)
missing_identity            error     a script without full name, position and interview
                                      date (a voicemail also without a phone number)
placeholder                 error     leftover ``[Your Name]``, ``{{ x }}``, ``<NAME>``,
                                      ``XXX``, ``(insert …)``, ``Mr./Ms.``, ``Your Name``
html                        error     HTML tags or entities (``<p>``, ``<br>``, ``&nbsp;``):
                                      one finding for the whole draft, at the first tag
pressure                    error     demanding, urgent, guilt-tripping, ultimatum,
                                      begging or counting-the-contacts phrasing
late                        error     sent outside its window (too early or too late),
                                      with a case in the context
too_many_contacts           error     a third attempt after a follow-up and a second one
call_not_permitted          warning   a call with no stated timeline, no invitation and
                                      no custom of calling
too_long                    warning   an email over its word limit; error for a paste
                                      over ``MAX_REVIEW_CHARS``
too_long_to_say             error     a script over ``CALL_MAX_SECONDS`` aloud; warning for
                                      a voicemail over ``VOICEMAIL_MAX_SECONDS``
shouting                    warning   dictionary words in capitals (not acronyms)
exclamations                warning   more than one "!" (one alone is fine)
spelling                    warning   a word the dictionary lacks; tip at a sentence's
                                      start (it may be a name)
not_english                 warning   the text is not English: spelling and wording
                                      checks are skipped, not reported as faults
missing_subject             tip       an email without a ``Subject:`` line (the suggested
                                      subject fits the kind)
timing_unchecked            tip       no send date given and the interview is still ahead
==========================  ========  ==================================================

Pasted HTML is read as text, never rendered. It gets the one ``html`` finding instead of a
placeholder error per tag (see :mod:`followup_lib.messages.markup` for what counts as a
tag), and the tags are left out of the wording checks; a ``<NAME>`` or ``<company name>``
left from a template is still a ``placeholder``.

Empty or whitespace-only text is not a draft: it raises ``InputError("text", …)``
rather than returning a review. A paste longer than ``MAX_REVIEW_CHARS`` gets a
``too_long`` error and its detailed checks read only the first ``MAX_REVIEW_CHARS``
characters, so even a 1 MB paste answers well within a second.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from followup_lib.errors import InputError
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.messages import elements, grammar, identity, rules, spelling
from followup_lib.messages.context import ReviewContext
from followup_lib.messages.kinds import SPOKEN_KINDS, body_start, check_kind, count_words, speaking_seconds
from followup_lib.messages.markup import find_html
from followup_lib.messages.rules import SEVERITIES, Finding
from followup_lib.messages.timing import relative_time_findings, timing_findings

#: Detailed checks read at most this many characters (about 1,500 words, ten times the
#: longest sensible message); a longer paste is itself an error.
MAX_REVIEW_CHARS = 10_000
#: A review lists at most this many findings of one rule and severity, then a count.
MAX_FINDINGS_PER_RULE = 20
_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}

__all__ = ["Finding", "Review", "ReviewContext", "review_draft", "MAX_REVIEW_CHARS"]


@dataclass(frozen=True)
class Review:
    """What the reviewer found in one draft.

    Attributes
    ----------
    kind : str
    findings : tuple of Finding
        Errors first, then warnings, then tips; each group in text order.
    word_count : int
        Words in the message (for an email, the body without the subject line); for a
        paste over ``MAX_REVIEW_CHARS``, the number of whitespace-separated chunks.
    speaking_seconds : float or None
        Time to say a script aloud at ``WORDS_PER_MINUTE``; None for emails.
    text : str
        The text as reviewed (composed to NFC): the findings' offsets point into it.
    """

    kind: str
    findings: tuple[Finding, ...]
    word_count: int
    speaking_seconds: float | None
    text: str = ""

    @property
    def ok(self) -> bool:
        """True when no finding is an error (warnings and tips may remain)."""
        return not any(f.severity == "error" for f in self.findings)

    def rules(self, severity: str | None = None) -> list[str]:
        """Rule ids of the findings, optionally of one severity only."""
        return [f.rule for f in self.findings if severity in (None, f.severity)]

    def counts(self) -> dict[str, int]:
        """How many findings of each severity."""
        return {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}

    def summary(self) -> str:
        """One line: the verdict and the counts."""
        counts = self.counts()
        verdict = "ready to send" if self.ok else "fix the errors before sending"
        parts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
        return f"{verdict} ({parts or 'no findings'})"

    def to_dict(self) -> dict:
        """The review as a JSON-ready dict."""
        return {"kind": self.kind, "ok": self.ok, "word_count": self.word_count,
                "speaking_seconds": self.speaking_seconds, "counts": self.counts(),
                "findings": [f.to_dict() for f in self.findings]}

    def __str__(self) -> str:
        lines = [self.summary()]
        lines += [f"  {f.severity.upper():<7} {f.rule}: {f.message}" for f in self.findings]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from followup_lib.messages.render_html import review_html

        return review_html(self)


def _check_text(text) -> str:
    if not isinstance(text, str):
        raise InputError("text", f"must be text, not {type(text).__name__}", "paste the draft as text")
    if not text.strip() or _only_invisible(text):
        raise InputError("text", "is empty", "paste or write the draft you want reviewed")
    return unicodedata.normalize("NFC", text)


def _only_invisible(text: str) -> bool:
    """True when ``text`` holds only white space and invisible format characters (zero-width spaces)."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in text)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by spaces (offsets stay the same)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _capped(findings: list[Finding]) -> list[Finding]:
    """At most ``MAX_FINDINGS_PER_RULE`` findings of one rule, then one that counts the rest."""
    kept, seen = [], {}
    for f in findings:
        seen[(f.rule, f.severity)] = seen.get((f.rule, f.severity), 0) + 1
        if seen[(f.rule, f.severity)] <= MAX_FINDINGS_PER_RULE:
            kept.append(f)
    for (rule, severity), n in seen.items():
        if n > MAX_FINDINGS_PER_RULE:
            kept.append(Finding(rule, severity, f"{n - MAX_FINDINGS_PER_RULE} more passages break this "
                                "rule: fix the ones listed first, then review again."))
    return kept


def _word_findings(text: str, kind: str, ctx: ReviewContext, words: int, slots: frozenset) -> list[Finding]:
    """The checks that read English: content, identity, pressure, spelling, shouting, time words."""
    allowed = ctx.proper_words()
    if not spelling.looks_english(text, allowed):
        return [spelling.language_finding()]
    said_when = relative_time_findings(kind, text) if ctx.case is None else []
    return (elements.missing_element_findings(text, kind, ctx.topics, words)
            + said_when
            + identity.identity_findings(text, kind, ctx, slots)
            + rules.pressure_findings(text)
            + spelling.spelling_findings(text, allowed)
            + spelling.shouting_findings(text, allowed)
            + grammar.grammar_findings(text, allowed))


def review_draft(text: str, kind: str, context=None, *, today: date | None = None,
                 params: Params = DEFAULTS) -> Review:
    """Review a draft message and coach on what to fix.

    Parameters
    ----------
    text : str
        The draft as the reader will see it (an email may start with ``Subject: …``).
    kind : str
        ``thank_you``, ``follow_up``, ``second_attempt``, ``call_script`` or ``voicemail``.
    context : dict or ReviewContext, optional
        What is known: ``name``, ``interviewer``, ``hr_contact``, ``company``,
        ``position``, ``phone``, ``topics``, ``case`` and ``send_date``.
    today : date, optional
        The day the review is made: the send date when the context gives none.
        :func:`followup_lib.clock.today` when left out.
    params : Params, optional
        Etiquette parameters (windows, speaking rate, call length).

    Returns
    -------
    Review

    Raises
    ------
    InputError
        When the text is empty, the kind unknown, or the context invalid.

    Examples
    --------
    >>> review = review_draft("Hi Sam, any news?? Please reply ASAP!!", "follow_up")
    >>> review.ok
    False
    >>> review.rules("error")
    ['missing_interest', 'missing_thanks', 'pressure']
    >>> review_draft("   ", "thank_you")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: text: is empty; paste or write the draft you want reviewed
    """
    kind = check_kind(kind)
    text = _check_text(text)  # also composes decomposed (NFD) text, so it counts and spells as typed
    ctx = ReviewContext.from_value(context)
    checked = text[:MAX_REVIEW_CHARS]
    findings = []
    if len(text) > MAX_REVIEW_CHARS:  # a rough count is enough, and fast, for a huge paste
        words = len(text.split())
        findings.append(Finding("too_long", "error", f"At about {words:,} words this is far longer than any "
                                f"message: paste only the draft (only the first {MAX_REVIEW_CHARS:,} "
                                "characters were checked).", MAX_REVIEW_CHARS, len(text)))
    else:
        words = count_words(text[body_start(text):] if kind not in SPOKEN_KINDS else text)
    spans = rules.find_placeholders(checked)
    placeholders = rules.placeholder_findings(checked, spans)
    markup = find_html(checked)
    prose = _blank(checked, [(f.start, f.end) for f in placeholders] + markup)  # not content
    findings += (placeholders
                 + rules.html_findings(checked, markup)
                 + (rules.length_findings(kind, words, params=params) if len(text) <= MAX_REVIEW_CHARS else [])
                 + rules.exclamation_findings(checked)
                 + rules.subject_findings(checked, kind, ctx.position)
                 + _word_findings(prose, kind, ctx, words, frozenset(rules.slot_elements(checked, spans)))
                 + timing_findings(kind, ctx.case, ctx.send_date, params=params, today=today))
    findings = _capped(findings)
    findings.sort(key=lambda f: (_SEVERITY_RANK[f.severity], f.start, f.rule))
    seconds = speaking_seconds(words, params.words_per_minute) if kind in SPOKEN_KINDS else None
    return Review(kind, tuple(findings), words, seconds, text)
