"""Export a plan as an RFC 5545 iCalendar file (made with the ``icalendar`` package)."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

#: Reminders: all-day steps remind at 09:00 on the day; the thank-you 3 hours before its deadline
#: (the thank-you event ends at the deadline, and its reminder is relative to that end).
ALL_DAY_REMINDER = timedelta(hours=9)
THANK_YOU_REMINDER = timedelta(hours=-3)


def plan_to_ics(plan, stamp: datetime | None = None) -> bytes:
    """Render the steps of ``plan`` that are not done yet as iCalendar bytes.

    Every event has a display reminder (``VALARM``). ``stamp`` fixes ``DTSTAMP``
    (default: now, in UTC), so tests can compare output byte for byte.

    Examples
    --------
    >>> from followup_lib.etiquette.case import Case
    >>> from followup_lib.etiquette.plan import make_plan
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00"})
    >>> text = plan_to_ics(make_plan(case)).decode()
    >>> text.count("BEGIN:VEVENT") == text.count("BEGIN:VALARM")
    True
    """
    from icalendar import Alarm, Calendar, Event

    stamp = stamp or datetime.now(timezone.utc)
    cal = Calendar()
    cal.add("prodid", "-//Follow-up Coach//followup_lib//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    case_id = hashlib.sha1(plan.case.to_json().encode()).hexdigest()[:12]
    job = " - " + ", ".join(filter(None, (plan.case.position, plan.case.company))) \
        if (plan.case.position or plan.case.company) else ""
    for step in plan.steps:
        if step.done or step.missed:
            continue
        event = Event()
        event.add("uid", f"{step.step}-{case_id}@followup-coach")
        event.add("dtstamp", stamp)
        event.add("summary", f"Follow-up Coach: {step.step.replace('_', ' ')}{job}")
        event.add("description", step.description)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", step.description)
        if step.deadline is not None:
            end = step.deadline.astimezone(timezone.utc)  # UTC needs no VTIMEZONE block
            event.add("dtstart", end - timedelta(minutes=30))
            event.add("dtend", end)
            alarm.add("trigger", THANK_YOU_REMINDER, parameters={"RELATED": "END"})
        else:
            event.add("dtstart", step.due)
            event.add("dtend", step.due + timedelta(days=1))
            alarm.add("trigger", ALL_DAY_REMINDER)
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
