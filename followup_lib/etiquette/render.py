"""Plain-text renderings of advice and plans (for the ``followup`` command and notebooks)."""

from __future__ import annotations

import textwrap

from followup_lib.etiquette.stages import stage

#: Text output is wrapped to this width, so it stays readable in a terminal or on a projector.
WIDTH = 100
TIMELINE_SOURCES = {"stated": "the date you were given", "new_timeline": "the new date the employer gave",
                    "assumed": "assumed: no date was given"}


def _wrap(text: str, first: str, rest: str, width: int = WIDTH) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest) or [first.rstrip()]


def when_phrase(advice) -> str:
    """When to act: the thank-you's deadline, the next business day due, or nothing.

    Examples
    --------
    >>> from datetime import date
    >>> from followup_lib.etiquette.case import Case
    >>> from followup_lib.etiquette.advisor import advise
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    >>> when_phrase(advise(case, today=date(2026, 11, 24)))
    'Tue 24 Nov 2026'
    """
    if advice.action == "send_thank_you":
        return f"by {advice.dates.thank_you_due:%a %d %b %Y %H:%M %Z}"
    return f"{advice.next_date:%a %d %b %Y}" if advice.next_date else "nothing more falls due"


def call_phrase(advice) -> str:
    """Whether a call is acceptable, and under which exceptions.

    A call is an attempt, so while the advice is to wait (or nothing more is to be sent) an
    exception that holds permits a call only once the next step falls due.
    """
    if advice.stage == 7 or advice.action in ("done", "move_on"):
        return ""  # the move is the employer's: no call to talk about
    if advice.call_permitted and advice.action in ("send_follow_up", "second_attempt"):
        return "a call is acceptable: " + " ".join(advice.call_reasons)
    if advice.call_permitted and advice.action in ("wait", "follow_new_timeline") and advice.next_date:
        return (f"no call yet; one is acceptable once the next step falls due ({advice.next_date:%a %d %b}): "
                + " ".join(advice.call_reasons))
    if advice.call_permitted:
        return "no call is needed now."
    return "no call: none of the three exceptions holds, so email it is."


def advice_text(advice) -> str:
    """Advice as a few readable lines of text.

    Examples
    --------
    >>> from datetime import date
    >>> from followup_lib.etiquette.case import Case
    >>> from followup_lib.etiquette.advisor import advise
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    >>> print(advice_text(advise(case, today=date(2026, 11, 16))).splitlines()[0])
    Send your thank-you email now.
    """
    d = advice.dates
    when, call = when_phrase(advice), call_phrase(advice)
    lines = [
        advice.headline,
        f"  action   {advice.action}  - {stage(advice.stage).label()}",
        f"  when     {when}",
        *_wrap(f"channel  {advice.channel}" + (f"; {call}" if call else ""), "  ", "           "),
        "", "Why:", *(line for r in advice.reasons for line in _wrap(str(r), "  - ", "    ")),
    ]
    if advice.warnings:
        lines += ["", "Warnings:", *(line for w in advice.warnings for line in _wrap(w, "  ! ", "    "))]
    lines += ["", "Key dates:",
              f"  thank-you due     {d.thank_you_due:%a %d %b %Y %H:%M %Z}",
              f"  decision date     {d.decision_date:%a %d %b %Y} ({TIMELINE_SOURCES[d.timeline_source]})",
              f"  follow-up window  {d.follow_up_due:%a %d %b} to {d.follow_up_ideal_end:%a %d %b %Y}"
              f" (late after {d.follow_up_late_after:%a %d %b})"]
    return "\n".join(lines)


def plan_text(plan) -> str:
    """A plan as an aligned text table.

    Examples
    --------
    >>> from followup_lib.etiquette.case import Case
    >>> from followup_lib.etiquette.plan import make_plan
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    >>> print(plan_text(make_plan(case)).splitlines()[1])
    Tue 17 Nov 2026  thank you                email  Thank-you email, by Tue 17 Nov 15:00 UTC-05:00:
    >>> max(len(line) for line in plan_text(make_plan(case)).splitlines()) <= WIDTH
    True
    """
    lines = [f"{'due':<16} {'step':<24} {'via':<6} what to do"]
    for s in plan.steps:
        name = s.step.replace("_", " ") + (" (done)" if s.done else "")
        first = f"{s.due:%a %d %b %Y}  {name:<24} {s.channel or '-':<6} "
        lines += _wrap(s.description, first, " " * len(first))
    return "\n".join(lines)
