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
    "tip": ("&#128161;", "Tip", "#005A8C"),
}


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
            f'<pre style="white-space:pre-wrap;font-family:inherit">{escape(draft.text)}</pre></div>')


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


def findings_html(findings) -> str:
    """The findings as a numbered list: icon, severity word, rule id and the fix."""
    if not findings:
        return '<p class="fc-findings">&#10004; Nothing to fix.</p>'
    items = []
    for finding in findings:
        icon, word, colour = SEVERITY_LOOK[str(finding.severity)]
        items.append(f'<li data-rule="{escape(finding.rule)}"><span style="color:{colour};font-weight:bold">'
                     f"{icon} {word}</span> <code>{escape(finding.rule)}</code>: {escape(finding.message)}</li>")
    return '<ol class="fc-findings">' + "".join(items) + "</ol>"


def review_html(review) -> str:
    """A review as a card: the verdict, the text with its passages marked, and the findings."""
    marked = marked_text_html(review.text, review.findings) if review.text else ""
    body = f'<pre style="white-space:pre-wrap;font-family:inherit">{marked}</pre>' if marked else ""
    return (f'<div class="fc-review"><div><b>{escape(review.summary())}</b></div>{body}'
            f"{findings_html(review.findings)}</div>")
