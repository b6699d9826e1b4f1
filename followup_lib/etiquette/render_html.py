"""HTML renderings of advice and plans: what a notebook cell or a widget shows; pure functions.

Every string that may hold user text passes through :func:`html.escape`, so a name such
as ``<script>`` shows as text and is never interpreted. Severity and kind are said in
words and icons as well as colour, so nothing depends on telling colours apart.
"""

from __future__ import annotations

from html import escape

from followup_lib.etiquette.render import call_phrase, when_phrase
from followup_lib.etiquette.stages import stage

ACTION_COLOURS = {  # Okabe-Ito: colour-blind-safe
    "send_thank_you": "#0072B2", "thank_you_late": "#D55E00", "wait": "#555555",
    "send_follow_up": "#0072B2", "second_attempt": "#0072B2", "follow_new_timeline": "#555555",
    "reply_to_employer": "#009E73", "move_on": "#CC79A7", "done": "#009E73",
}


#: Actions that send something (the card then says by which channel).
SENDING_ACTIONS = ("send_thank_you", "thank_you_late", "send_follow_up", "second_attempt", "reply_to_employer")


def advice_html(advice) -> str:
    """The advice as an HTML card: headline, when, channel, reasons and warnings.

    Examples
    --------
    >>> from datetime import date
    >>> from followup_lib.etiquette.case import Case
    >>> from followup_lib.etiquette.advisor import advise
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00"})
    >>> "Send your thank-you email now." in advice_html(advise(case, today=date(2026, 11, 16)))
    True
    """
    colour = ACTION_COLOURS[advice.action]
    when, call = when_phrase(advice), call_phrase(advice)
    sends = advice.action in SENDING_ACTIONS
    how = f" &middot; by: <b>{escape(advice.channel)}</b>" if sends else ""
    label = "when" if sends else "next step due" if advice.next_date else "when"
    parts = [
        f'<div class="fc-advice" style="border-left:6px solid {colour};padding:0.4em 0.8em">',
        f'<div class="fc-headline" style="font-size:1.3em;font-weight:bold">{escape(advice.headline)}</div>',
        f"<div>{escape(stage(advice.stage).label())} &middot; {label}: <b>{escape(when)}</b>{how}</div>",
        f"<div>{escape(call[0].upper() + call[1:])}</div>" if call else "",
        "<ul>" + "".join(f"<li>{escape(str(r))}</li>" for r in advice.reasons if r.stage != 5 or not call)
        + "</ul>",
    ]
    if advice.warnings:
        parts.append('<ul class="fc-warnings" style="color:#B34700">'
                     + "".join(f'<li data-rule="{escape(w.rule)}">&#9888; Warning: {escape(str(w))}</li>'
                               for w in advice.warnings) + "</ul>")
    parts.append("</div>")
    return "".join(parts)


def plan_html(plan) -> str:
    """The plan as an HTML table, done steps struck through."""
    rows = []
    for s in plan.steps:
        style = ' style="color:#595959;text-decoration:line-through"' if s.done or s.missed else ""
        mark = " (done)" if s.done else " (missed)" if s.missed else ""
        cells = (f"{s.due:%a %d %b %Y}", escape(s.step.replace("_", " ")) + mark, escape(s.channel or "-"),
                 escape(s.description))
        rows.append(f"<tr{style}>" + "".join(f'<td style="text-align:left">{c}</td>' for c in cells) + "</tr>")
    head = "".join(f'<th style="text-align:left">{name}</th>' for name in ("due", "step", "via", "what to do"))
    return (f'<table class="fc-plan" style="text-align:left"><thead><tr>{head}</tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>")
