"""The planner's form and the case it describes, both ways; pure (no ipywidgets here).

The form shows what a participant knows: the interview, the decision date, what they
sent (first thank-you, follow-up and second attempt) and the employer's latest reply.
Everything else in a loaded case (its contact name, company, calls, earlier replies) is
carried over unchanged, so saving a loaded case never loses what the form cannot show.
"""

from __future__ import annotations

from datetime import date, datetime, time

from followup_lib.errors import InputError
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.timefields import offset_zone_name

FORM_CONTACT_KINDS = ("thank_you", "follow_up", "second_attempt")
#: What the employer's latest reply can be, as (label, response kind) pairs for a dropdown.
EMPLOYER_REPLIES = (("nothing yet", ""), ("a new decision date", "new_timeline"),
                    ("an update, no new date", "update"), ("their decision", "decision"))
CARRIED_FIELDS = ("contact_name", "company", "position", "preferred_channel", "checking_in_welcome")


def case_from_form(values: dict, base: Case | None = None) -> Case:
    """Build a case from the planner's form values; ``base`` supplies what the form does not show.

    ``values`` holds ``interview_day`` (date), ``interview_time`` (time), ``timezone``,
    ``country``, ``subdivision``, ``decision_by`` (date or None), ``invited_to_call``,
    ``traditional_industry``, the dates a ``thank_you``, ``follow_up`` or
    ``second_attempt`` went out, and the employer's latest reply: ``employer_said`` (a
    response kind or ``""``), ``employer_on`` and ``new_decision_by``.

    Examples
    --------
    >>> case = case_from_form({"interview_day": date(2026, 11, 16), "interview_time": time(15),
    ...                        "timezone": "America/New_York", "thank_you": date(2026, 11, 16)})
    >>> case.interview_end.isoformat(), case.contacts[0].kind
    ('2026-11-16T15:00:00-05:00', 'thank_you')
    """
    day, clock = values.get("interview_day"), values.get("interview_time") or time(12)
    if not isinstance(day, date):
        raise InputError("Interview on", "is empty", "pick the day of your interview")
    data = {
        "interview_end": datetime.combine(day, clock).isoformat(timespec="minutes"),
        "timezone": values.get("timezone") or "UTC",
        "country": values.get("country") or "US",
        "subdivision": values.get("subdivision") or None,
        "decision_by": values["decision_by"].isoformat() if values.get("decision_by") else None,
        "invited_to_call": bool(values.get("invited_to_call")),
        "traditional_industry": bool(values.get("traditional_industry")),
        "contacts": _contacts(values, base),
        "responses": _responses(values, base),
    }
    if base is not None:
        data.update({name: getattr(base, name) for name in CARRIED_FIELDS})
    return Case.from_dict(data)


def _contacts(values: dict, base: Case | None) -> list[dict]:
    """The form's three dates, plus the base's other contacts; a date left as loaded keeps its time."""
    firsts, others = {}, []
    for contact in base.contacts if base else ():
        if contact.kind in FORM_CONTACT_KINDS and contact.kind not in firsts:
            firsts[contact.kind] = contact
        else:
            others.append(contact.to_dict())
    shown = []
    for kind in FORM_CONTACT_KINDS:
        day = values.get(kind)
        if not day:
            continue
        loaded = firsts.get(kind)
        same = loaded is not None and base.local_date(loaded.at) == day
        shown.append(loaded.to_dict() if same else {"at": day.isoformat(), "kind": kind})
    return shown + others


def _responses(values: dict, base: Case | None) -> list[dict]:
    """The base's earlier replies plus the one the form shows as the latest."""
    earlier = [r.to_dict() for r in (base.responses[:-1] if base and base.responses else ())]
    kind = values.get("employer_said") or ""
    if not kind:
        return earlier
    on = values.get("employer_on")
    if not isinstance(on, date):
        raise InputError("They wrote on", "is empty", "pick the day the employer replied")
    latest = {"at": on.isoformat(), "kind": kind}
    if kind == "new_timeline":
        new_date = values.get("new_decision_by")
        if not isinstance(new_date, date):
            raise InputError("New decision by", "is empty", "pick the new date the employer gave")
        latest["new_decision_by"] = new_date.isoformat()
    return earlier + [latest]


def form_from_case(case: Case) -> dict:
    """The planner's form values for a case (the inverse of :func:`case_from_form`); pure.

    Examples
    --------
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20",
    ...     "responses": [{"at": "2026-11-25", "kind": "new_timeline", "new_decision_by": "2026-12-11"}]})
    >>> values = form_from_case(case)
    >>> values["decision_by"], values["employer_said"], values["new_decision_by"]
    (datetime.date(2026, 11, 20), 'new_timeline', datetime.date(2026, 12, 11))
    """
    values = {
        "interview_day": case.interview_date, "interview_time": case.interview_end.time().replace(tzinfo=None),
        "timezone": case.timezone or offset_zone_name(case.tz, case.interview_end), "country": case.country,
        "subdivision": case.subdivision or "", "decision_by": case.decision_by,
        "invited_to_call": case.invited_to_call, "traditional_industry": case.traditional_industry,
        "employer_said": "", "employer_on": None, "new_decision_by": None,
    }
    for kind in FORM_CONTACT_KINDS:
        sent = case.contacts_of(kind)
        values[kind] = case.local_date(sent[0].at) if sent else None
    if case.responses:
        latest = case.responses[-1]
        values.update(employer_said=latest.kind, employer_on=case.local_date(latest.at),
                      new_decision_by=latest.new_decision_by)
    return values
