"""The send-date verdict: too early, on time or late, read from the engine's own windows."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from followup_lib.errors import InputError
from followup_lib.etiquette.advisor import advise
from followup_lib.etiquette.case import Case, Contact
from followup_lib.etiquette.params import Params
from followup_lib.etiquette.send_verdict import Timing, send_verdict
from followup_lib.messages.timing import timing_findings
from tests.helpers import case as make_case
from tests.helpers import contact

BASE = make_case(contacts=[contact("thank_you", "2026-11-16")])  # decision Fri 20 Nov, US
FOLLOWED = make_case(contacts=[contact("thank_you", "2026-11-16"), contact("follow_up", "2026-11-24")])
THANKSGIVING = make_case(interview_end="2026-11-19T11:00:00-05:00", decision_by="2026-11-25",
                         contacts=[contact("thank_you", "2026-11-19")])


def timing(case, kind, day, **kw) -> str:
    return str(send_verdict(case, kind, day, **kw).timing)


# --- the follow-up ----------------------------------------------------------------------
@pytest.mark.parametrize("day, expected", [
    (date(2026, 11, 17), "too_early"), (date(2026, 11, 20), "too_early"), (date(2026, 11, 23), "too_early"),
    (date(2026, 11, 24), "on_time"), (date(2026, 11, 25), "on_time"),       # the ideal window: +2 to +3
    (date(2026, 11, 30), "on_time"), (date(2026, 12, 7), "on_time"),        # on time, past the ideal
    (date(2026, 12, 8), "late"), (date(2027, 3, 1), "late"),                # more than 10 business days after
])
def test_follow_up_verdict_by_day(day, expected):
    assert timing(BASE, "follow_up", day) == expected


def test_follow_up_reasons_and_window():
    early = send_verdict(BASE, "follow_up", date(2026, 11, 23))
    assert "too early" in early.reason and "Tuesday, November 24" in early.reason and early.label == "Too early"
    ideal = send_verdict(BASE, "follow_up", date(2026, 11, 24))
    assert ideal.ok and "ideal window: 2 to 3 business days after the decision date" in ideal.reason
    assert (ideal.earliest, ideal.ideal_by, ideal.late_after) == (date(2026, 11, 24), date(2026, 11, 25),
                                                                   date(2026, 12, 7))
    past = send_verdict(BASE, "follow_up", date(2026, 12, 1))
    assert past.ok and "past the ideal window" in past.reason and "Monday, December 7" in past.reason
    late = send_verdict(BASE, "follow_up", date(2026, 12, 8))
    assert late.label == "Late" and "uninterested" in late.reason and late.icon == "\u26a0"


def test_follow_up_verdict_agrees_with_the_reviewer_and_the_advisor():
    """Every day for six weeks: the verdict, the reviewer's timing rule and the advice of that day agree."""
    for offset in range(45):
        day = date(2026, 11, 16) + timedelta(days=offset)
        verdict = send_verdict(BASE, "follow_up", day)
        reviewer_says_off = any(f.rule == "late" for f in timing_findings("follow_up", BASE, day))
        assert (verdict.timing != Timing.ON_TIME) == reviewer_says_off, day
        action = advise(BASE, today=day).action
        if verdict.timing == Timing.TOO_EARLY:
            assert action == "wait", day
        elif BASE.calendar.is_business_day(day):
            assert action == "send_follow_up", day
        if verdict.timing == Timing.LATE:
            assert "too_late" in [w.rule for w in advise(BASE, today=day).warnings], day


def test_thanksgiving_moves_the_follow_up_in_the_us_not_in_britain():
    # Decision Wed 25 Nov; Thu 26 Nov is Thanksgiving, so +2 business days is Mon 30 Nov in the US.
    assert timing(THANKSGIVING, "follow_up", date(2026, 11, 27)) == "too_early"
    assert send_verdict(THANKSGIVING, "follow_up", date(2026, 11, 30)).earliest == date(2026, 11, 30)
    british = Case.from_dict({**THANKSGIVING.to_dict(), "country": "GB"})
    assert timing(british, "follow_up", date(2026, 11, 27)) == "on_time"


def test_a_day_off_is_named_in_the_reason():
    holiday = send_verdict(BASE, "follow_up", date(2026, 11, 26))
    assert holiday.ok and "Thursday, November 26 is Thanksgiving Day, not a business day" in holiday.reason
    assert "probably be read on Friday, November 27" in holiday.reason
    weekend = send_verdict(BASE, "follow_up", date(2026, 11, 28))
    assert "falls on a weekend" in weekend.reason and "Monday, November 30" in weekend.reason
    assert "not a business day" not in send_verdict(BASE, "follow_up", date(2026, 11, 24)).reason


def test_an_assumed_timeline_is_said():
    silent = make_case(decision_by=None, contacts=[contact("thank_you", "2026-11-16")])
    verdict = send_verdict(silent, "follow_up", date(2026, 12, 3))  # assumed decision Tue 1 Dec, + 2
    assert verdict.ok and "assumed: no timeline was given" in verdict.reason
    early = send_verdict(silent, "follow_up", date(2026, 11, 24))
    assert early.timing == "too_early" and "assumed" in early.reason


def test_params_move_the_window():
    params = Params(follow_up_grace=3, follow_up_ideal_max=3)
    assert timing(BASE, "follow_up", date(2026, 11, 24), params=params) == "too_early"
    on_time = send_verdict(BASE, "follow_up", date(2026, 11, 25), params=params)
    assert on_time.ok and "ideal window: 3 business days" in on_time.reason


def test_a_new_timeline_restarts_the_window():
    case = make_case(contacts=[contact("thank_you", "2026-11-16")],
                     responses=[{"at": "2026-11-24", "kind": "new_timeline", "new_decision_by": "2026-12-11"}])
    assert timing(case, "follow_up", date(2026, 12, 1)) == "too_early"
    assert send_verdict(case, "follow_up", date(2026, 12, 15)).earliest == date(2026, 12, 15)
    # What is logged after the send day is left out: on 23 Nov the new date was not known yet.
    assert timing(case, "follow_up", date(2026, 11, 24)) == "too_early"
    assert send_verdict(case, "follow_up", date(2026, 11, 23)).earliest == date(2026, 11, 24)


def test_a_logged_follow_up_is_pointed_out():
    verdict = send_verdict(FOLLOWED, "follow_up", date(2026, 12, 2))
    assert "You logged a follow-up on Tuesday, November 24 already" in verdict.reason


# --- one more attempt -----------------------------------------------------------------------
@pytest.mark.parametrize("day, expected", [
    (date(2026, 11, 25), "too_early"), (date(2026, 12, 1), "too_early"),    # due Wed 2 Dec (+5, Thanksgiving)
    (date(2026, 12, 2), "on_time"), (date(2026, 12, 9), "on_time"),         # until the move-on date
    (date(2026, 12, 10), "late"), (date(2027, 1, 20), "late"),
])
def test_second_attempt_verdict_by_day(day, expected):
    assert timing(FOLLOWED, "second_attempt", day) == expected


def test_second_attempt_reasons():
    early = send_verdict(FOLLOWED, "second_attempt", date(2026, 11, 27))
    assert "You followed up on Tuesday, November 24" in early.reason and "Wednesday, December 2" in early.reason
    on_time = send_verdict(FOLLOWED, "second_attempt", date(2026, 12, 2))
    assert "5 business days after your follow-up" in on_time.reason and "HR contact" in on_time.reason
    assert (on_time.earliest, on_time.late_after) == (date(2026, 12, 2), date(2026, 12, 9))
    late = send_verdict(FOLLOWED, "second_attempt", date(2026, 12, 10))
    assert "the move was the employer's" in late.reason


def test_second_attempt_without_a_follow_up_is_too_early():
    before = send_verdict(BASE, "second_attempt", date(2026, 11, 23))
    assert before.timing == "too_early" and "before the follow-up window opens" in before.reason
    after = send_verdict(BASE, "second_attempt", date(2026, 12, 3))
    assert after.timing == "too_early" and "No follow-up is logged yet" in after.reason
    # A follow-up logged after the send day does not count yet.
    assert timing(FOLLOWED, "second_attempt", date(2026, 11, 23)) == "too_early"


def test_a_third_attempt_is_one_too_many():
    twice = make_case(contacts=[contact("thank_you", "2026-11-16"), contact("follow_up", "2026-11-24"),
                                contact("second_attempt", "2026-12-02")])
    for kind in ("second_attempt", "follow_up", "call"):
        verdict = send_verdict(twice, kind, date(2026, 12, 10))
        assert verdict.timing == "too_many" and verdict.label == "One too many", kind
        assert "the move is now the employer's" in verdict.reason


# --- the thank-you and a call ---------------------------------------------------------------
def test_thank_you_verdict():
    fresh = make_case()
    assert timing(fresh, "thank_you", date(2026, 11, 16)) == "on_time"
    assert timing(fresh, "thank_you", date(2026, 11, 17)) == "on_time"      # a bare date: the deadline's day
    assert timing(fresh, "thank_you", date(2026, 11, 18)) == "late"
    evening = datetime(2026, 11, 17, 20, 0, tzinfo=timezone(timedelta(hours=-5)))
    late = send_verdict(fresh, "thank_you", evening)
    assert late.timing == "late" and "15:00" in late.reason and late.send == date(2026, 11, 17)
    assert "24-hour window" in send_verdict(fresh, "thank_you", date(2026, 11, 16)).reason


def test_call_verdict():
    assert timing(BASE, "call", date(2026, 11, 24)) == "too_early"          # (a) opens 3 business days on
    on_time = send_verdict(BASE, "call", date(2026, 11, 25))
    assert on_time.ok and "under two minutes" in on_time.reason
    invited = make_case(invited_to_call=True, contacts=[contact("thank_you", "2026-11-16")])
    assert timing(invited, "call", date(2026, 11, 24)) == "on_time"
    silent = make_case(decision_by=None, contacts=[contact("thank_you", "2026-11-16")])
    assert "Email is the better channel" in send_verdict(silent, "call", date(2026, 12, 3)).reason


# --- what a learner can get wrong -------------------------------------------------------------
def test_unknown_kind_is_an_input_error():
    with pytest.raises(InputError, match="kind: 'folow_up' is not a known value; did you mean 'follow_up'"):
        send_verdict(BASE, "folow_up", date(2026, 11, 24))


def test_send_before_the_interview_is_an_input_error():
    with pytest.raises(InputError, match="send_date: 2026-11-10 is before the interview ended"):
        send_verdict(BASE, "follow_up", date(2026, 11, 10))


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(1900, 1, 1)])
def test_send_out_of_range_is_an_input_error(day):
    with pytest.raises(InputError, match="send_date: .* is outside the years 1970 to 2099"):
        send_verdict(BASE, "follow_up", day)


@pytest.mark.parametrize("bad", ["2026-11-24", None, 20261124])
def test_send_that_is_not_a_date_is_an_input_error(bad):
    with pytest.raises(InputError, match="send_date: must be a date"):
        send_verdict(BASE, "follow_up", bad)


def test_far_future_send_inside_the_range_is_late():
    assert timing(BASE, "follow_up", date(2099, 12, 31)) == "late"


# --- how it shows -------------------------------------------------------------------------------
def test_html_says_the_verdict_in_words_and_icon():
    html = send_verdict(BASE, "follow_up", date(2026, 11, 23))._repr_html_()
    assert 'data-timing="too_early"' in html and "&#9719; Too early" in html
    assert "follow-up email on Mon 23 Nov 2026" in html and "Window: from Tue 24 Nov" in html
    on_time = send_verdict(BASE, "follow_up", date(2026, 11, 24))._repr_html_()
    assert "&#10004; On time" in on_time


def test_text_and_json():
    verdict = send_verdict(BASE, "follow_up", date(2026, 12, 8))
    assert str(verdict).startswith("\u26a0 Late: ")
    data = json.loads(json.dumps(verdict.to_dict()))
    assert data["timing"] == "late" and data["send"] == "2026-12-08" and data["late_after"] == "2026-12-07"
    assert data["findings"][0]["rule"] == "late"


def test_contacts_are_kept_as_given():
    """The verdict reads the case; it never changes it."""
    before = FOLLOWED.to_dict()
    send_verdict(FOLLOWED, "second_attempt", date(2026, 12, 2))
    assert FOLLOWED.to_dict() == before and isinstance(FOLLOWED.contacts[1], Contact)
