"""Property-based tests: for any valid case and any day, the advice and plan are sound."""

import json
from datetime import date, datetime, time, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_lib.etiquette.advisor import ACTIONS, advise
from followup_lib.etiquette.plan import make_plan
from followup_lib.etiquette.case import CHANNELS, CONTACT_KINDS, Case

COUNTRIES = [("US", None), ("US", "CA"), ("GB", None), ("GB", "SCT"), ("DE", "BY"), ("FR", None),
             ("IN", None), ("AE", None), ("IL", None), ("JP", None), ("AU", "NSW"), ("BR", None)]


@st.composite
def cases(draw):
    day = draw(st.dates(date(2024, 1, 1), date(2028, 12, 31)))
    hour = draw(st.integers(8, 18))
    offset = draw(st.integers(-10, 12))
    end = datetime.combine(day, time(hour, 0), tzinfo=timezone(timedelta(hours=offset)))
    country, sub = draw(st.sampled_from(COUNTRIES))
    data = {"interview_end": end.isoformat(), "country": country, "subdivision": sub,
            "invited_to_call": draw(st.booleans()), "traditional_industry": draw(st.booleans()),
            "preferred_channel": draw(st.sampled_from(CHANNELS))}
    if draw(st.booleans()):
        data["decision_by"] = (day + timedelta(days=draw(st.integers(0, 45)))).isoformat()
    data["contacts"] = [{"at": (day + timedelta(days=draw(st.integers(0, 70)))).isoformat(),
                         "kind": draw(st.sampled_from(CONTACT_KINDS))} for _ in range(draw(st.integers(0, 5)))]
    responses = []
    for _ in range(draw(st.integers(0, 2))):
        at = day + timedelta(days=draw(st.integers(1, 70)))
        kind = draw(st.sampled_from(["decision", "new_timeline", "update"]))
        entry = {"at": at.isoformat(), "kind": kind}
        if kind == "new_timeline":
            entry["new_decision_by"] = (at + timedelta(days=draw(st.integers(0, 30)))).isoformat()
        responses.append(entry)
    data["responses"] = responses
    return Case.from_dict(data)


days_around = st.integers(-10, 150)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), days_around)
def test_advice_is_always_valid(case, offset):
    today = case.interview_date + timedelta(days=offset)
    a = advise(case, today=today)
    assert a.action in ACTIONS
    assert a.channel in CHANNELS
    assert a.call_permitted == bool(a.call_reasons)
    assert a.reasons and all(str(r).startswith("Stage ") for r in a.reasons)
    if a.next_date is None:
        assert a.action in ("move_on", "done")
    else:
        if a.action not in ("send_thank_you", "thank_you_late"):  # a thank-you goes out on any day
            assert case.calendar.is_business_day(a.next_date), f"{a.action} on non-business {a.next_date}"
        assert a.next_date >= today
    json.dumps(a.to_dict())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), days_around | st.none())
def test_plan_dates_never_go_backwards(case, offset):
    today = None if offset is None else case.interview_date + timedelta(days=offset)
    steps = make_plan(case, today=today).steps
    dues = [s.due for s in steps]
    assert dues == sorted(dues)
    assert "thank_you" in [s.step for s in steps]
    if today is not None:
        assert all(s.due >= today for s in steps if not (s.done or s.missed)), steps
    json.dumps(make_plan(case, today=today).to_list())


@settings(max_examples=150, deadline=None)
@given(cases())
def test_json_round_trip_is_lossless(case):
    assert Case.from_json(case.to_json()) == case
