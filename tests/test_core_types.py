"""A typed, validated core: enums, constructors that validate, parameters, dates, the clock, display."""

from __future__ import annotations

import dataclasses
import json
import time
from datetime import date, datetime, timedelta, timezone

import pytest

import followup_lib as fc
from followup_lib.errors import InputError
from followup_lib.etiquette.case import Contact, Response
from followup_lib.etiquette.kinds import Action, Channel, ContactKind, ResponseKind
from followup_lib.etiquette.stages import StageId
from followup_lib.messages.rules import Finding, Severity
from tests.helpers import case, contact


# --- enums ---------------------------------------------------------------------------------
@pytest.mark.parametrize("enum", [Action, ContactKind, ResponseKind, Channel, Severity, StageId])
def test_enums_are_their_strings(enum):
    for member in enum:
        assert member == member.value and str(member) == member.value and f"{member}" == member.value
        assert json.dumps(member) == json.dumps(member.value) and {member.value: 1}[member] == 1


def test_json_output_keeps_its_documented_values():
    a = fc.advise(case(contacts=[contact("thank_you", "2026-11-16")]), today=date(2026, 11, 24))
    data = json.loads(json.dumps(a.to_dict()))
    assert data["action"] == "send_follow_up" and data["channel"] == "email" and data["stage"] == 4
    assert data["stage_id"] == "follow_up" and data["dates"]["timeline_source"] == "stated"
    assert set(data) >= {"action", "headline", "stage", "stage_title", "channel", "call_permitted",
                         "call_reasons", "next_date", "reasons", "warnings", "dates", "warning_rules"}


def test_stage_ids_number_the_stages():
    assert [s.number for s in StageId] == list(range(1, 8))
    assert fc.stage("follow_up").id is StageId.FOLLOW_UP


def test_advice_warnings_carry_a_rule_id():
    a = fc.advise(case(decision_by=None, contacts=[contact("thank_you", "2026-11-16")]), today=date(2026, 11, 18))
    assert [w.rule for w in a.warnings] == ["no_timeline"]
    assert a.to_dict()["warning_rules"] == ["no_timeline"]
    assert set(w.rule for w in a.warnings) <= set(fc.WARNING_RULES)


# --- constructors validate as from_dict does -------------------------------------------------
@pytest.mark.parametrize("change, field", [
    ({"invited_to_call": "no"}, "invited_to_call"),
    ({"traditional_industry": 1}, "traditional_industry"),
    ({"checking_in_welcome": "yes"}, "checking_in_welcome"),
    ({"decision_by": "2026-11-20"}, "decision_by"),
    ({"decision_by": datetime(2026, 11, 20, tzinfo=timezone.utc)}, "decision_by"),
    ({"decision_by": date(9999, 12, 31)}, "decision_by"),
    ({"country": 44}, "country"),
    ({"country": "XX"}, "country"),
    ({"company": ["Acme"]}, "company"),
    ({"contact_name": "x" * 1000}, "contact_name"),
    ({"preferred_channel": "fax"}, "preferred_channel"),
    ({"contacts": ({"at": "2026-11-17", "kind": "follow_up"},)}, "contacts"),
    ({"timezone": "x" * 100_000}, "timezone"),
    ({"interview_end": datetime(2026, 11, 16, 15)}, "interview_end"),
])
def test_replace_validates_like_from_dict(change, field):
    with pytest.raises(InputError) as err:
        dataclasses.replace(case(), **change)
    assert err.value.field == field


def test_a_bad_replace_never_gives_a_wrong_answer():
    with pytest.raises(InputError):
        dataclasses.replace(case(), invited_to_call="no")  # was accepted, and made calls permitted


@pytest.mark.parametrize("build, field", [
    (lambda: Contact(date(2026, 11, 17), "folow_up"), "contact.kind"),
    (lambda: Contact("2026-11-17", "follow_up"), "contact.at"),
    (lambda: Contact(date(2026, 11, 17), "follow_up", "fax"), "contact.channel"),
    (lambda: Contact(datetime(2026, 11, 17, 9), "follow_up"), "contact.at"),
    (lambda: Response(date(2026, 11, 17), "decison"), "response.kind"),
    (lambda: Response(date(2026, 11, 17), "new_timeline", "2026-12-01"), "response.new_decision_by"),
])
def test_event_constructors_validate(build, field):
    with pytest.raises(InputError) as err:
        build()
    assert err.value.field == field


def test_event_kinds_become_enums():
    c = Contact(date(2026, 11, 17), "follow_up")
    assert c.kind is ContactKind.FOLLOW_UP and c.channel is Channel.EMAIL


# --- parameters ------------------------------------------------------------------------------
@pytest.mark.parametrize("values, field", [
    ({"words_per_minute": 0}, "params.words_per_minute"),
    ({"late_after": 99999999999999999999}, "params.late_after"),
    ({"follow_up_grace": 2.5}, "params.follow_up_grace"),
    ({"follow_up_grace": True}, "params.follow_up_grace"),
    ({"second_attempt_after": -1}, "params.second_attempt_after"),
    ({"k_anonymity": 1}, "params.k_anonymity"),
    ({"thank_you_window": float("nan")}, "params.thank_you_window"),
    ({"thank_you_window": float("inf")}, "params.thank_you_window"),
    ({"thank_you_window": 1e12}, "params.thank_you_window"),
    ({"thank_you_window": "24"}, "params.thank_you_window"),
    ({"follow_up_grace": 5}, "params.follow_up_ideal_max"),
])
def test_params_check_type_finiteness_and_range(values, field):
    with pytest.raises(InputError) as err:
        fc.Params.from_dict(values)
    assert err.value.field == field


def test_params_constructor_checks_too():
    with pytest.raises(InputError, match="params.words_per_minute"):
        fc.Params(words_per_minute=0)
    with pytest.raises(InputError, match="params.thank_you_window"):
        fc.Params(thank_you_window=timedelta(days=10**6))
    assert fc.Params(follow_up_grace=3).to_dict()["follow_up_grace"] == 3


def test_every_bound_admits_its_default():
    from followup_lib.etiquette.params import BOUNDS

    assert set(BOUNDS) == set(fc.Params().to_dict())
    for name, value in fc.Params().to_dict().items():
        low, high = BOUNDS[name]
        assert low <= value <= high


# --- dates are bounded, and every answer is fast ------------------------------------------------
@pytest.mark.parametrize("data, field", [
    ({"interview_end": "9999-12-31T10:00:00+00:00"}, "interview_end"),
    ({"interview_end": "0001-01-01T10:00:00+00:00"}, "interview_end"),
    ({"decision_by": "9999-12-31"}, "decision_by"),
    ({"contacts": [{"at": "9999-12-31", "kind": "follow_up"}]}, "contacts[0].at"),
    ({"responses": [{"at": "2026-11-25", "kind": "new_timeline", "new_decision_by": "9999-01-01"}]},
     "responses[0].new_decision_by"),
])
def test_dates_outside_the_sane_range_are_refused(data, field):
    with pytest.raises(InputError) as err:
        case(**data)
    assert err.value.field == field and "outside the years" in str(err.value)


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(1, 1, 1), date(5000, 1, 1), date(2100, 1, 1)])
def test_a_day_outside_the_range_is_refused(day):
    with pytest.raises(InputError, match="today: .* outside the years"):
        fc.advise(case(), today=day)
    with pytest.raises(InputError, match="today"):
        fc.make_plan(case(), today=day)


@pytest.mark.parametrize("today", [date(2099, 12, 31), date(1970, 1, 1), date(2026, 11, 16)])
def test_the_edges_of_the_range_answer_fast(today):
    start = time.perf_counter()
    early = case(interview_end="1970-01-02T10:00:00+00:00", decision_by=None)
    for c in (case(), early):
        if today >= c.interview_date:
            fc.advise(c, today=today)
            fc.make_plan(c, today=today).to_ics()
    late = case(interview_end="2099-12-20T10:00:00+00:00", decision_by="2099-12-31")
    fc.advise(late, today=date(2099, 12, 31))
    fc.make_plan(late).to_ics()
    assert time.perf_counter() - start < 5  # generous on a loaded machine; the benchmark measures it


# --- the clock ----------------------------------------------------------------------------------
def test_today_is_an_argument_with_one_setting_behind_it(monkeypatch):
    from followup_lib import clock

    c = case(contacts=[contact("thank_you", "2026-11-16")])
    monkeypatch.setenv("FOLLOWUP_TODAY", "2026-11-18")
    assert fc.today() == date(2026, 11, 18) and fc.advise(c).action == "wait"
    fc.set_today(date(2026, 11, 24))
    try:
        assert fc.advise(c).action == "send_follow_up"
        assert fc.make_plan(c).step("follow_up").due == date(2026, 11, 24)  # a whole-case plan reads no clock
    finally:
        fc.set_today(None)
    monkeypatch.setenv("FOLLOWUP_TODAY", "tomorrow")
    with pytest.raises(InputError, match="FOLLOWUP_TODAY"):
        clock.today()


def test_the_reviewer_reads_no_hidden_clock(monkeypatch):
    c = case(contacts=[contact("thank_you", "2026-11-16")])
    text = "Dear Ms. Lee, thank you again. I remain very interested in the analyst role."
    early = fc.review_draft(text, "follow_up", {"case": c}, today=date(2026, 11, 18))
    on_time = fc.review_draft(text, "follow_up", {"case": c}, today=date(2026, 11, 24))
    assert "late" in early.rules("error") and "late" not in on_time.rules()


# --- rich display -------------------------------------------------------------------------------
EVIL = "<script>alert(1)</script>"


def test_advice_and_plan_show_escaped_html_and_readable_text():
    c = dataclasses.replace(case(), company=EVIL, position="Analyst")
    a = fc.advise(c, today=date(2026, 11, 24))
    p = fc.make_plan(c, today=date(2026, 11, 24))
    for shown in (a, p):
        html = shown._repr_html_()
        assert "<script>" not in html and "<" in html
        assert "\n" in str(shown) and "<" not in str(shown).split("\n")[0]
    assert str(a).startswith("Send one follow-up email")
    assert "follow up" in str(p)


def test_draft_and_review_show_escaped_html_and_readable_text():
    d = fc.draft("thank_you", name="Sam Roe", interviewer="Ms. Lee", position="Analyst",
                 company="Acme & Sons", topics=["the <b>rota</b> tool"])
    assert "&lt;b&gt;" in d._repr_html_() and "<b>rota" not in d._repr_html_()
    assert str(d) == d.text
    r = fc.review_draft(f"Hi {EVIL}!! Any news ASAP??", "follow_up")
    html = r._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Error" in html and "<mark" in html  # severity in words, passage marked in the text
    assert str(r).splitlines()[0] == r.summary()


def test_finding_severity_is_checked():
    with pytest.raises(InputError, match="finding.severity"):
        Finding("x", "fatal", "message")


def test_stage_guide_shows_as_a_table():
    guide = fc.stage_guide()
    assert len(guide) == 7 and "<table" in guide._repr_html_() and "Follow up by email" in str(guide)
