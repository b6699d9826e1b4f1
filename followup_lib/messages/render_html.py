"""HTML renderings of drafts and reviews: what a notebook cell or a widget shows; pure functions.

All text is escaped (a pasted ``<script>`` shows as text). A finding's severity is said
in words and with an icon as well as a colour, and its passage is marked inside the
text with ``<mark>``, so nothing depends on telling colours apart.
"""

from __future__ import annotations

from html import escape

#: Severity -> (icon, word, colour): a colour-blind-safe palette with a word and an icon each.
SEVERITY_LOOK = {
    "error": ("&#10006;", "Error", "#B34700"),
    "warning": ("&#9888;", "Warning", "#7A5A00"),
    "tip": ("&#9998;", "Tip", "#005A8C"),  # a pencil: a glyph the common fonts have
}


#: A message shown as typed: wrapped at spaces, never in the middle of a word.
_PRE = "white-space:pre-wrap;word-break:normal;overflow-wrap:break-word;font-family:inherit"


def draft_html(draft) -> str:
    """A draft as a card: its kind, the text in a preformatted block, and its length.

    Examples
    --------
    >>> from followup_lib.messages.drafts import Draft
    >>> "&lt;b&gt;" in draft_html(Draft("thank_you", "Thanks", "Dear <b>Sam</b>,"))
    True
    """
    length = f"{draft.word_count} words"
    if draft.speaking_seconds is not None:
        length += f", about {draft.speaking_seconds:.0f} seconds aloud"
    return (f'<div class="fc-draft"><div><b>{escape(draft.kind.replace("_", " "))}</b> &middot; {length}</div>'
            f'<pre style="{_PRE}">{escape(draft.text)}</pre></div>')


def marked_text_html(text: str, findings) -> str:
    """``text`` escaped, with each finding's passage wrapped in ``<mark>`` and numbered.

    Overlapping passages are marked once, by the first finding that reaches them.

    Examples
    --------
    >>> from followup_lib.messages.rules import Finding
    >>> marked_text_html("Hi <Sam>!!", [Finding("exclamations", "warning", "One is enough.", 8, 10)])
    'Hi &lt;Sam&gt;<mark title="Warning: One is enough." data-rule="exclamations">!!<sup>[1]</sup></mark>'
    """
    spans = sorted(((f.start, f.end, i, f) for i, f in enumerate(findings, 1) if f.end > f.start),
                   key=lambda item: item[0])
    out, at = [], 0
    for start, end, number, finding in spans:
        if start < at:
            continue
        icon, word, _ = SEVERITY_LOOK[str(finding.severity)]
        out.append(escape(text[at:start]))
        out.append(f'<mark title="{word}: {escape(finding.message)}" data-rule="{escape(finding.rule)}">'
                   f"{escape(text[start:end])}<sup>[{number}]</sup></mark>")
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


#: What each rule is called in front of a learner (the rule id stays in ``data-rule``).
RULE_TITLES = {
    "placeholder": "Template text left in", "pressure": "Pressure", "shouting": "Capitals", "html": "Pasted HTML",
    "late": "Timing", "too_many_contacts": "Too many messages", "missing_identity": "Who is calling",
    "missing_thanks": "No thanks", "missing_interest": "No interest shown", "missing_specific_topic": "Nothing specific",
    "missing_next_steps": "No look ahead", "too_long": "Too long", "too_long_to_say": "Too long to say",
    "call_not_permitted": "Call or email", "exclamations": "Exclamation marks", "spelling": "Spelling",
    "not_english": "Language", "grammar": "Grammar", "missing_subject": "Subject line", "timing_unchecked": "Timing",
}


def findings_html(findings) -> str:
    """The findings as a numbered list: icon, severity word, rule id and the fix."""
    if not findings:
        return '<p class="fc-findings">&#10004; Nothing to fix.</p>'
    items = []
    for finding in findings:
        icon, word, colour = SEVERITY_LOOK[str(finding.severity)]
        items.append(f'<li data-rule="{escape(finding.rule)}"><span style="color:{colour};font-weight:bold">'
                     f"{icon} {word}</span> <b>{escape(RULE_TITLES.get(finding.rule, finding.rule))}</b>: "
                     f"{escape(finding.message)}</li>")
    return '<ol class="fc-findings">' + "".join(items) + "</ol>"


def review_html(review) -> str:
    """A review as a card: the verdict, the text with its passages marked, and the findings."""
    marked = marked_text_html(review.text, review.findings) if review.text else ""
    body = f'<pre style="{_PRE}">{marked}</pre>' if marked else ""
    return (f'<div class="fc-review"><div><b>{escape(review.summary())}</b></div>{body}'
            f"{findings_html(review.findings)}</div>")
