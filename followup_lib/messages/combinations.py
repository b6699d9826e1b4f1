"""Every combination of a draft's options, made and reviewed: what the drafts test and the reading tool use.

Kinds x tones x variants x the options a learner can set: with and without a value-add
link and its note, to an HR contact, after a new timeline from the employer, with no
decision date given, with an invitation to call, in a field where calls are customary.
Each combination is drafted from an example case and reviewed with its own context, on a
day inside its window.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from itertools import product

from followup_lib.etiquette.case import Case
from followup_lib.messages.drafts import TONES, VARIANTS, Draft, draft
from followup_lib.messages.kinds import KINDS
from followup_lib.messages.review import Review, review_draft

#: The example the combinations are made from: interview Monday 16 November 2026, 3 pm in New York.
BASE_CASE = {"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20",
             "contacts": [{"at": "2026-11-16T19:00:00-05:00", "kind": "thank_you"}]}
FIELDS = {"name": "Zoë Ångström", "interviewer": "Ms. Okafor", "position": "Data Analyst",
          "company": "Northwind Health", "topics": ["the readmission dashboard"], "phone": "+1 555 010 0199"}
LINK = "https://example.org/portfolio/readmissions"
NOTE = "It shows a small readmission model I built last spring"
#: Options, each a name and what it changes (case fields and draft fields).
OPTIONS = {
    "plain": ({}, {}),
    "link": ({}, {"value_link": LINK}),
    "link+note": ({}, {"value_link": LINK, "value_note": NOTE}),
    "hr contact": ({}, {"hr_contact": "Mr. Patel"}),
    "new timeline": ({"responses": [{"at": "2026-11-23", "kind": "new_timeline", "new_decision_by": "2026-12-04"}]}, {}),
    "no decision date": ({"decision_by": None}, {}),
    "invited to call": ({"invited_to_call": True}, {}),
    "traditional field": ({"traditional_industry": True}, {}),
}
#: Which options apply to which kind.
APPLIES = {"link": ("follow_up",), "link+note": ("follow_up",), "hr contact": ("second_attempt",)}


@dataclass(frozen=True)
class Combination:
    """One draft and its review."""

    kind: str
    tone: str
    variant: int
    option: str
    draft: Draft
    review: Review

    @property
    def label(self) -> str:
        return f"{self.kind} / {self.tone} / variant {self.variant} / {self.option}"


def _case(option: str, kind: str) -> Case:
    data = {**BASE_CASE, **OPTIONS[option][0]}
    if option == "no decision date" and kind in ("call_script", "voicemail"):
        data["invited_to_call"] = True  # with no date and no exception the coach advises no call at all
    if kind == "second_attempt":
        data["contacts"] = data["contacts"] + [{"at": "2026-11-24", "kind": "follow_up"}]
    if data.get("decision_by") is None:
        data.pop("decision_by", None)
    return Case.from_dict(data)


def _send_day(case: Case, kind: str) -> date:
    """A day inside the kind's window, from the engine's own windows."""
    from followup_lib.etiquette.calls import call_window_opens
    from followup_lib.etiquette.windows import windows

    win = windows(case)
    if kind == "thank_you":
        return case.interview_date
    if kind == "second_attempt":
        return win.second_attempt_due
    if kind in ("call_script", "voicemail"):
        return max(call_window_opens(case, win), win.follow_up_due)
    return win.follow_up_due


def all_combinations():
    """Yield every :class:`Combination`, drafted and reviewed."""
    for kind, tone, variant, option in product(KINDS, TONES, range(VARIANTS), OPTIONS):
        if option in APPLIES and kind not in APPLIES[option]:
            continue
        case = _case(option, kind)
        made = draft(kind, case, tone=tone, variant=variant, **{**FIELDS, **OPTIONS[option][1]})
        context = {**{k: v for k, v in FIELDS.items()}, "case": case, "send_date": _send_day(case, kind).isoformat()}
        if option == "hr contact":
            context["hr_contact"] = "Mr. Patel"
        yield Combination(kind, tone, variant, option, made, review_draft(made.text, kind, context))


def distinct_bodies(kind: str, tone: str, option: str = "plain") -> set[str]:
    """The bodies of the variants of one kind and tone, greeting and sign-off lines removed."""
    bodies = set()
    for variant in range(VARIANTS):
        case = _case(option, kind)
        lines = draft(kind, case, tone=tone, variant=variant, **FIELDS).body.splitlines()
        bodies.add("\n".join(lines[1:-2]) if kind in ("thank_you", "follow_up", "second_attempt") else "\n".join(lines))
    return bodies


__all__ = ["Combination", "all_combinations", "distinct_bodies", "replace"]
