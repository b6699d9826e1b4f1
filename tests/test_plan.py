from datetime import date, datetime, timezone

from icalendar import Calendar

from followup_lib.etiquette.plan import make_plan
from tests.helpers import case, contact

TY = contact("thank_you", "2026-11-16T19:00-05:00")


def test_plan_steps_and_dates():
    plan = make_plan(case())
    assert [(s.step, s.due) for s in plan.steps] == [
        ("thank_you", date(2026, 11, 17)), ("decision_expected", date(2026, 11, 20)),
        ("follow_up", date(2026, 11, 24)),
        ("second_attempt", date(2026, 12, 2)), ("move_on", date(2026, 12, 9))]


def test_a_call_is_planned_only_when_invited_or_customary():
    """Email stays the channel: a date that passed (exception a) permits a call, but the plan
    offers one only when the interviewer invited it or the field expects it."""
    assert make_plan(case()).step("call_option") is None
    invited = make_plan(case(invited_to_call=True)).step("call_option")
    assert invited is not None and invited.due == date(2026, 11, 24)


def test_plan_uses_what_was_sent():
    plan = make_plan(case(contacts=[TY, contact("follow_up", "2026-11-25")]))
    steps = {s.step: s for s in plan.steps}
    assert steps["thank_you"].done and steps["follow_up"].done
    assert steps["second_attempt"].due == date(2026, 12, 3)
    assert "call_option" not in steps


def test_plan_from_today_never_schedules_in_the_past():
    plan = make_plan(case(contacts=[TY]), today=date(2026, 12, 1))
    todo = [s for s in plan.steps if not s.done]
    assert all(s.due >= date(2026, 12, 1) for s in todo)
    assert "originally due" in {s.step: s for s in plan.steps}["follow_up"].description


def test_decision_closes_the_plan():
    plan = make_plan(case(contacts=[TY], responses=[{"at": "2026-11-19", "kind": "decision"}]))
    assert [s.step for s in plan.steps] == ["thank_you", "decision"]


def test_exports_dataframe_markdown_json():
    plan = make_plan(case(contacts=[TY]))
    frame = plan.to_dataframe()
    assert list(frame.columns) == ["step", "due", "channel", "description", "stage", "done"]
    assert str(frame["due"].dtype).startswith("datetime64")
    md = plan.to_markdown()
    assert md.startswith("| due | step |") and md.count("\n") == len(plan.steps) + 2
    rows = plan.to_list()
    assert rows[2] == {"step": "follow_up", "due": "2026-11-24", "channel": "email", "stage": 4, "done": False,
                       "description": rows[2]["description"]}


def test_ics_is_valid_rfc5545_with_a_reminder_per_event():
    stamp = datetime(2026, 11, 21, 12, 0, tzinfo=timezone.utc)
    plan = make_plan(case())
    payload = plan.to_ics(stamp)
    assert payload == plan.to_ics(stamp)  # deterministic for a fixed stamp
    cal = Calendar.from_ical(payload)
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(plan.steps)
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY"} <= set(event.keys())
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1 and alarms[0]["ACTION"] == "DISPLAY"
    first = events[0]
    assert first.decoded("DTEND") == datetime.fromisoformat("2026-11-17T15:00:00-05:00")
    assert len({e["UID"] for e in events}) == len(events)
