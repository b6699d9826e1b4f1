from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from followup_lib.etiquette.plan import make_plan
from followup_lib.etiquette.advisor import ACTIONS, advise
from followup_lib.etiquette.params import Params
from followup_lib.etiquette.windows import windows
from tests.helpers import case, contact

TY = contact("thank_you", "2026-11-16T19:00-05:00")


# --- stage 2: the thank-you ---------------------------------------------------------
def test_thank_you_due_24_hours_after_interview():
    c = case()
    assert windows(c).thank_you_due.isoformat() == "2026-11-17T15:00:00-05:00"
    assert advise(c, today=datetime(2026, 11, 17, 14, 59, tzinfo=ZoneInfo("America/New_York"))).action == "send_thank_you"
    assert advise(c, today=datetime(2026, 11, 17, 15, 1, tzinfo=ZoneInfo("America/New_York"))).action == "thank_you_late"


def test_thank_you_window_across_daylight_saving_change():
    # New York falls back on Sunday 1 November 2026: 24 elapsed hours after 15:00 EDT is 14:00 EST.
    c = case(interview_end="2026-10-31T15:00", timezone="America/New_York", decision_by=None)
    due = windows(c).thank_you_due
    assert due.isoformat() == "2026-11-01T14:00:00-05:00"
    utc = ZoneInfo("UTC")
    assert (due.astimezone(utc) - c.interview_end.astimezone(utc)).total_seconds() == 24 * 3600
    ny = ZoneInfo("America/New_York")
    assert advise(c, today=datetime(2026, 11, 1, 13, 59, tzinfo=ny)).action == "send_thank_you"
    assert advise(c, today=datetime(2026, 11, 1, 14, 30, tzinfo=ny)).action == "thank_you_late"


def test_thank_you_window_spring_forward():
    c = case(interview_end="2027-03-13T10:00", timezone="America/New_York", decision_by=None)
    assert windows(c).thank_you_due.isoformat() == "2027-03-14T11:00:00-04:00"


def test_late_thank_you_is_flagged():
    c = case(contacts=[contact("thank_you", "2026-11-18T09:00-05:00")])
    a = advise(c, today=date(2026, 11, 18))
    assert a.action == "wait"
    assert any(w.startswith("too late") for w in a.warnings)


def test_no_thank_you_and_follow_up_due_moves_on_to_follow_up_with_warning():
    a = advise(case(), today=date(2026, 11, 24))
    assert a.action == "send_follow_up"
    assert any("no thank-you" in w for w in a.warnings)


# --- stages 3 and 4: wait, then one follow-up ---------------------------------------
def test_wait_until_grace_period_after_decision_date():
    c = case(contacts=[TY])
    a = advise(c, today=date(2026, 11, 20))
    assert (a.action, a.next_date, a.stage) == ("wait", date(2026, 11, 24), 3)
    assert advise(c, today=date(2026, 11, 24)).action == "send_follow_up"


def test_follow_up_skips_weekend_and_public_holiday():
    # Decision Wed 25 Nov; Thu 26 is Thanksgiving, Sat/Sun weekend: +2 business days = Mon 30 Nov.
    c = case(decision_by="2026-11-25", contacts=[TY])
    assert windows(c).follow_up_due == date(2026, 11, 30)
    assert advise(c, today=date(2026, 11, 27)).action == "wait"
    assert advise(c, today=date(2026, 11, 30)).action == "send_follow_up"


def test_follow_up_uses_the_countrys_holidays():
    # Decision Thu 24 Dec 2026 in Great Britain: 25 Dec, 28 Dec (substitute Boxing Day) are holidays.
    c = case(decision_by="2026-12-24", country="GB", interview_end="2026-12-14T15:00:00+00:00", contacts=[
        contact("thank_you", "2026-12-14T18:00+00:00")])
    assert windows(c).follow_up_due == date(2026, 12, 30)


def test_no_timeline_falls_back_to_default_with_warning():
    c = case(decision_by=None, contacts=[TY])
    d = windows(c)
    assert d.timeline_source == "assumed"
    assert d.decision_date == c.calendar.add_business_days(date(2026, 11, 16), 10)
    a = advise(c, today=date(2026, 11, 18))
    assert any(w.startswith("no timeline given") for w in a.warnings)


def test_params_override_the_defaults():
    c = case(contacts=[TY])
    assert advise(c, today=date(2026, 11, 24), params=Params(follow_up_grace=3, follow_up_ideal_max=3)).action == "wait"


def test_late_follow_up_warns():
    a = advise(case(contacts=[TY]), today=date(2026, 12, 10))
    assert a.action == "send_follow_up"
    assert any(w.startswith("late") for w in a.warnings)


def test_early_follow_up_warns_once_on_its_day():
    c = case(contacts=[TY, contact("follow_up", "2026-11-18")])
    on_the_day = advise(c, today=date(2026, 11, 18))
    assert [w.rule for w in on_the_day.warnings] == ["too_early"]
    assert on_the_day.warnings[0].startswith("too early")
    for later in (date(2026, 11, 19), date(2026, 11, 23), date(2026, 11, 24)):
        assert not advise(c, today=later).warnings, later


def test_early_follow_up_never_brings_the_next_attempt_before_the_follow_up_date():
    # the stated date is Fri 11 Dec; a follow-up went out far too early, on 17 Nov
    c = case(decision_by="2026-12-11", contacts=[TY, contact("follow_up", "2026-11-17")])
    a = advise(c, today=date(2026, 11, 24))
    assert (a.action, a.next_date) == ("wait", date(2026, 12, 15))
    assert make_plan(c, today=date(2026, 11, 24)).step("second_attempt").due == date(2026, 12, 15)
    assert advise(c, today=date(2026, 12, 15)).action == "second_attempt"


# --- stage 5: calling ---------------------------------------------------------------
def test_no_call_by_default():
    a = advise(case(contacts=[TY]), today=date(2026, 11, 24))
    assert (a.call_permitted, a.call_reasons, a.channel) == (False, (), "email")


def test_call_after_stated_timeline_passed_several_days():
    c = case(contacts=[TY])
    assert not advise(c, today=date(2026, 11, 24)).call_permitted
    a = advise(c, today=date(2026, 11, 25))
    assert a.call_permitted and a.call_reasons[0].startswith("(a)")


def test_no_call_for_assumed_timeline():
    assert not advise(case(decision_by=None, contacts=[TY]), today=date(2026, 12, 20)).call_permitted


def test_word_from_employer_cancels_exception_a():
    c = case(contacts=[TY, contact("follow_up", "2026-11-24")], responses=[{"at": "2026-11-24", "kind": "update"}])
    assert not any(r.startswith("(a)") for r in advise(c, today=date(2026, 12, 3)).call_reasons)


@pytest.mark.parametrize("flag,label", [("invited_to_call", "(b)"), ("traditional_industry", "(c)")])
def test_invited_or_traditional_permits_call(flag, label):
    a = advise(case(contacts=[TY], **{flag: True}), today=date(2026, 11, 18))
    assert a.call_permitted and a.call_reasons == (a.call_reasons[0],) and a.call_reasons[0].startswith(label)


def test_phone_channel_only_when_preferred_and_permitted():
    c = case(contacts=[TY], invited_to_call=True, preferred_channel="phone")
    assert advise(c, today=date(2026, 11, 24)).channel == "phone"
    c = case(contacts=[TY], preferred_channel="phone")
    assert advise(c, today=date(2026, 11, 24)).channel == "email"


def test_unpermitted_call_warns_on_its_day():
    c = case(contacts=[TY, contact("call", "2026-11-18")])
    warnings = advise(c, today=date(2026, 11, 18)).warnings
    assert "call_not_permitted" in [w.rule for w in warnings]
    assert any("no exception" in w for w in warnings)
    assert not advise(c, today=date(2026, 11, 19)).warnings


# --- stage 6 and 7: one more attempt, then move on ----------------------------------
def test_after_follow_up_wait_then_second_attempt_then_move_on():
    fu = contact("follow_up", "2026-11-24")
    c = case(contacts=[TY, fu])
    a = advise(c, today=date(2026, 11, 25))
    assert (a.action, a.next_date) == ("wait", date(2026, 12, 2))
    assert advise(c, today=date(2026, 12, 2)).action == "second_attempt"
    c2 = case(contacts=[TY, fu, contact("second_attempt", "2026-12-02")])
    a = advise(c2, today=date(2026, 12, 3))
    assert (a.action, a.next_date, a.stage) == ("wait", date(2026, 12, 9), 7)
    a = advise(c2, today=date(2026, 12, 9))
    assert (a.action, a.next_date) == ("move_on", None)


def test_too_many_contacts_warns():
    c = case(contacts=[TY, contact("follow_up", "2026-11-24"), contact("follow_up", "2026-11-25"),
                       contact("second_attempt", "2026-12-03")])
    too_close = advise(c, today=date(2026, 11, 25)).warnings   # a day after the first
    third = advise(c, today=date(2026, 12, 3)).warnings       # a third attempt
    assert [w.rule for w in too_close] == ["too_many_contacts"]
    assert [w.rule for w in third] == ["too_many_contacts"] and third[0].startswith("too many contacts")


def test_new_timeline_replaces_old_date_and_restarts_rules():
    c = case(contacts=[TY, contact("follow_up", "2026-11-24")],
             responses=[{"at": "2026-11-25", "kind": "new_timeline", "new_decision_by": "2026-12-11"}])
    a = advise(c, today=date(2026, 11, 26))
    assert (a.action, a.next_date, a.dates.decision_date) == ("follow_new_timeline", date(2026, 12, 15),
                                                              date(2026, 12, 11))
    assert advise(c, today=date(2026, 12, 15)).action == "send_follow_up"  # the earlier follow-up no longer counts
    before = advise(c, today=date(2026, 11, 24))  # replay: on the 24th the new timeline was not known
    assert before.dates.decision_date == date(2026, 11, 20)


def test_update_asks_for_reply_then_restarts_silence_clock():
    c = case(contacts=[TY, contact("follow_up", "2026-11-24")], responses=[{"at": "2026-11-30", "kind": "update"}])
    a = advise(c, today=date(2026, 11, 30))
    assert a.action == "reply_to_employer"
    c = c.with_contact(c.contacts[0].__class__(date(2026, 11, 30), "follow_up"))
    a = advise(c, today=date(2026, 12, 1))
    assert (a.action, a.next_date) == ("wait", date(2026, 12, 7))


def test_decision_ends_the_case():
    c = case(contacts=[TY], responses=[{"at": "2026-11-19", "kind": "decision"}])
    a = advise(c, today=date(2026, 11, 24))
    assert (a.action, a.next_date) == ("done", None)


def test_before_interview_points_to_stage_one():
    a = advise(case(), today=date(2026, 11, 10))
    assert (a.action, a.stage) == ("wait", 1)


def test_reasons_each_name_their_stage_and_json_is_complete():
    a = advise(case(contacts=[TY]), today=date(2026, 11, 24)).to_dict()
    assert a["action"] in ACTIONS
    assert a["reasons"] and all(r.startswith("Stage ") for r in a["reasons"])
    assert set(a) >= {"action", "channel", "call_permitted", "call_reasons", "next_date", "reasons", "warnings"}


def test_follow_up_sent_just_after_an_update_is_its_reply_not_too_early():
    c = case(contacts=[TY, contact("follow_up", "2026-11-24")], responses=[{"at": "2026-11-23", "kind": "update"}])
    a = advise(c, today=date(2026, 11, 25))
    assert not any("too early" in w for w in a.warnings)
    assert (a.action, a.next_date) == ("wait", date(2026, 12, 1))  # update + 5 business days (26th a holiday)


def test_unanswered_update_stops_asking_for_a_reply_after_the_window():
    c = case(contacts=[TY], responses=[{"at": "2026-11-23", "kind": "update"}])
    assert advise(c, today=date(2026, 11, 24)).action == "reply_to_employer"
    assert advise(c, today=date(2026, 11, 30)).action == "wait"  # window closed; the clock restarted on the 23rd
    assert advise(c, today=date(2026, 12, 1)).action == "send_follow_up"


def test_wait_wording_changes_once_the_decision_date_has_passed():
    c = case(contacts=[TY])
    before = " ".join(map(str, advise(c, today=date(2026, 11, 19)).reasons))
    after = " ".join(map(str, advise(c, today=date(2026, 11, 23)).reasons))
    assert "silence before then means nothing" in before
    assert "has just passed" in after and "silence before then" not in after


def test_follow_up_reason_counts_the_business_days_that_passed():
    reasons = " ".join(map(str, advise(case(contacts=[TY]), today=date(2026, 12, 1)).reasons))
    assert "passed 6 business days ago" in reasons  # 23, 24, 25, 27, 30 Nov, 1 Dec


def test_due_on_a_holiday_says_so():
    a = advise(case(contacts=[TY]), today=date(2026, 11, 26))  # Thanksgiving, follow-up overdue since the 24th
    assert a.action == "send_follow_up" and a.next_date == date(2026, 11, 27)
    assert any("today is Thanksgiving" in str(r) for r in a.reasons)


def test_headlines_fit_stage_seven_and_the_phone():
    c = case(contacts=[TY, contact("follow_up", "2026-11-24"), contact("second_attempt", "2026-12-02")])
    assert advise(c, today=date(2026, 12, 3)).headline.startswith("Nothing more to send")
    c = case(contacts=[TY], traditional_industry=True, preferred_channel="phone")
    assert advise(c, today=date(2026, 11, 24)).headline.startswith("Make one short, prepared call")


def test_param_names_are_case_insensitive_with_a_suggestion():
    from followup_lib.errors import InputError

    assert Params.from_dict({"SECOND_ATTEMPT_AFTER": 4}).second_attempt_after == 4
    with pytest.raises(InputError, match="did you mean 'follow_up_grace'"):
        Params.from_dict({"folow_up_grace": 3})


def test_no_business_day_note_for_a_thank_you_due_on_a_weekend():
    c = case(interview_end="2026-11-20T15:00:00-05:00", decision_by=None)  # a Friday
    a = advise(c, today=date(2026, 11, 21))
    assert a.action == "send_thank_you"
    assert not any("not a business day" in str(r) for r in a.reasons)
