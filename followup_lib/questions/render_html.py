"""HTML of a question, its case and its feedback, for the knowledge check; pure functions.

All text, the question file's as much as the learner's, passes through :func:`html.escape`.
Right and wrong are said in words and icons (✔ Correct, ✖ Not quite) as well as colour.
"""

from __future__ import annotations

from html import escape

from followup_lib.questions.solutions import day_label

RIGHT_COLOUR, WRONG_COLOUR = "#007A5A", "#B34700"  # colour-blind-safe, and never alone
TYPE_LABELS = {"multiple_choice": "choose one", "many_choice": "tick all that apply", "which_day": "pick a day",
               "whats_wrong": "find the faults", "call_or_not": "call or not?"}
_KIND_WORDS = {"thank_you": "thank-you", "follow_up": "follow-up", "second_attempt": "second attempt"}


def _contact_words(contact) -> str:
    """``'thank-you email'``, ``'follow-up call'``, ``'call'``."""
    kind = str(contact.kind)
    if kind not in _KIND_WORDS:
        return kind.replace("_", " ")
    return f"{_KIND_WORDS[kind]} {'call' if str(contact.channel) == 'phone' else 'email'}"


def case_facts(case, day=None, *, day_label_word: str = "As of") -> list[str]:
    """The facts of a case, one short sentence each, as the learner needs them to answer.

    Examples
    --------
    >>> from followup_lib.etiquette.case import Case
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20",
    ...                        "contacts": [{"at": "2026-11-16", "kind": "thank_you"}]})
    >>> case_facts(case)[:3]
    ['The interview ended Mon 16 Nov 2026 at 15:00.', 'They said they would decide by Fri 20 Nov 2026.', 'Sent so far: thank-you email on Mon 16 Nov 2026.']
    """
    end = case.interview_end
    facts = [f"The interview ended {day_label(end.date())} at {end:%H:%M}."]
    if case.position or case.company:
        facts.append("The job: " + " at ".join(x for x in (case.position, case.company) if x) + ".")
    facts.append(f"They said they would decide by {day_label(case.decision_by)}." if case.decision_by
                 else "No decision date was given.")
    if case.contacts:
        sent = "; ".join(f"{_contact_words(c)} on {day_label(case.local_date(c.at))}" for c in case.contacts)
        facts.append(f"Sent so far: {sent}.")
    for r in case.responses:
        said = {"new_timeline": "gave a new date", "decision": "gave their decision", "update": "sent an update"}
        extra = f" (the new date: {day_label(r.new_decision_by)})" if r.new_decision_by else ""
        facts.append(f"On {day_label(case.local_date(r.at))} the employer {said.get(str(r.kind), str(r.kind))}{extra}.")
    facts.append("The interviewer invited you to call." if case.invited_to_call else "You were not invited to call.")
    if case.traditional_industry:
        facts.append("In your field a follow-up call is customary.")
    place = case.country + (f" ({case.subdivision})" if case.subdivision else "")
    facts.append(f"Public holidays of {place} count.")
    if day is not None:
        facts.append(f"{day_label_word}: {day_label(day)}.")
    return facts


def question_html(question, number: int, total: int) -> str:
    """The question's heading, prompt and material (the case's facts, or the draft to check)."""
    parts = [f'<div class="fc-question" data-question="{escape(question.id)}">',
             f'<div style="font-weight:bold">Question {number} of {total} '
             f'<span style="font-weight:normal;color:#555">&middot; {escape(TYPE_LABELS[question.type])}</span></div>',
             f'<div style="margin:0.3em 0">{escape(question.prompt)}</div>']
    if question.case is not None:
        word = "The day" if question.type == "call_or_not" else "As of"
        facts = case_facts(question.case, question.day, day_label_word=word)
        parts.append('<ul class="fc-case" style="margin:0.2em 0">'
                     + "".join(f"<li>{escape(f)}</li>" for f in facts) + "</ul>")
    if question.draft is not None:
        kind = question.kind.replace("_", " ")
        parts.append(f'<div style="color:#555">The draft ({escape(kind)}):</div>'
                     '<pre class="fc-draft-text" style="white-space:pre-wrap;font-family:inherit;line-height:1.35;'
                     f'border-left:4px solid #999;padding:0.3em 0.6em;margin:0.2em 0">{escape(question.draft)}</pre>')
    parts.append("</div>")
    return "".join(parts)


def feedback_html(feedback) -> str:
    """Feedback as HTML: ✔ Correct or ✖ Not quite, the right answer, each option's explanation, the notes.

    Examples
    --------
    >>> from followup_lib.questions.grading import Feedback, OptionFeedback
    >>> fb = Feedback("q", "multiple_choice", False, 1, 0, "<b>A</b>",
    ...               (OptionFeedback("<b>A</b>", "Right <i>so</i>.", False, True),))
    >>> html = feedback_html(fb)
    >>> "&#10006; Not quite" in html, "&lt;b&gt;A&lt;/b&gt;" in html, "Right &lt;i&gt;so&lt;/i&gt;." in html
    (True, True, True)
    """
    colour = RIGHT_COLOUR if feedback.correct else WRONG_COLOUR
    icon = "&#10004;" if feedback.correct else "&#10006;"
    parts = [f'<div class="fc-feedback" data-correct="{str(feedback.correct).lower()}" '
             f'style="border-left:6px solid {colour};padding:0.3em 0.8em;margin:0.3em 0">',
             f'<div style="font-weight:bold;color:{colour}">{icon} {escape(feedback.headline)}</div>']
    if not feedback.correct:
        parts.append(f"<div>The answer: <b>{escape(feedback.answer_text)}</b></div>")
    if feedback.options:
        items = []
        for o in feedback.options:
            mark = {"\u2714": "&#10004;", "\u2716": "&#10006;", "\u279c": "&#10140;"}.get(o.mark, "&middot;")
            verdict = f" <i>({escape(o.verdict)})</i>" if o.verdict else ""
            details = "".join(f'<div style="color:#444">{escape(d)}</div>' for d in o.details)
            items.append(f"<li>{mark} <b>{escape(o.text)}</b>{verdict}<br>{escape(o.explanation)}{details}</li>")
        parts.append('<ul class="fc-options" style="list-style:none;padding-left:0.3em">' + "".join(items) + "</ul>")
    if feedback.notes:
        parts.append('<ul class="fc-notes">' + "".join(f"<li>{escape(n)}</li>" for n in feedback.notes) + "</ul>")
    parts.append("</div>")
    return "".join(parts)


def score_html(sheet) -> str:
    """The score line, with an icon when every answer is right."""
    right, answered, total = sheet.score
    icon = "&#10004; " if right == total else ""
    return f'<div class="fc-score" style="font-size:1.1em;font-weight:bold">{icon}{escape(sheet.score_line())}</div>'
