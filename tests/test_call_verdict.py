"""call_verdict: may the candidate call, which exceptions hold, and why not when they do not."""

from datetime import date, datetime, timedelta

import pytest

from followup_lib.errors import InputError
from followup_lib.etiquette.call_verdict import CallStatus, call_verdict, verdict_html
from followup_lib.etiquette.calls import call_permission, call_window_opens
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.params import Params
from followup_lib.etiquette.windows import as_of, windows

BASE = {"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20",
        "contacts": [{"at": "2026-11-16T18:00:00-05:00", "kind": "thank_you"}]}
MON_23, TUE_24, WED_25 = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)


def case(**changes) -> Case:
    return Case.from_dict({**BASE, **changes})


def texts(verdict) -> dict:
    return {e.key: e.text for e in verdict.exceptions}


def test_a_stated_date_one_business_day_past_is_not_yet_and_says_when():
    v = call_verdict(case(), today=MON_23)
    assert v.status == CallStatus.NOT_YET and not v.permitted and v.holding == ()
    assert texts(v)["a"] == ("(a) the stated date, Fri 20 Nov, passed only 1 business day ago: "
                             "calls are acceptable from Wed 25 Nov.")
    assert v.opens == v.call_from == WED_25
    assert v.headline == "Not yet: a call is acceptable from Wed 25 Nov."
    assert str(v.channel) == "email"


def test_exception_a_alone_holds_three_business_days_after_the_date():
    v = call_verdict(case(), today=WED_25)
    assert v.status == CallStatus.YES and v.permitted and v.holding == ("a",)
    assert texts(v)["a"].startswith("(a) the stated decision date (Fri 20 Nov) passed 3 business days ago")
    assert texts(v)["b"] == "(b) the interviewer did not invite you to call."
    assert texts(v)["c"].startswith("(c) you have not said that your field expects")
    assert "Email is still the recommended channel" in v.detail and str(v.channel) == "email"


def test_before_and_on_the_date_exception_a_is_still_ahead():
    before, on = (texts(call_verdict(case(), today=date(2026, 11, day)))["a"] for day in (18, 20))
    assert "Fri 20 Nov, is still ahead: calls are acceptable from Wed 25 Nov if there is no word" in before
    assert "Fri 20 Nov, is today: calls are acceptable from Wed 25 Nov if there is no word" in on


def test_exception_b_alone_waits_for_the_follow_up_date_then_holds():
    invited = case(invited_to_call=True)
    early = call_verdict(invited, today=date(2026, 11, 18))
    assert early.permitted and early.holding == ("b",) and early.status == CallStatus.NOT_YET
    assert early.call_from == TUE_24 == early.opens
    assert "An exception holds" in early.detail and "Today's advice: Wait" in early.detail
    now = call_verdict(invited, today=TUE_24)
    assert now.status == CallStatus.YES and now.holding == ("b",)
    assert texts(now)["b"] == "(b) the interviewer invited you to call."


def test_exception_c_alone():
    v = call_verdict(case(traditional_industry=True), today=TUE_24)
    assert v.status == CallStatus.YES and v.holding == ("c",)
    assert texts(v)["c"] == "(c) your field is one where a follow-up call is customary."


def test_all_three_exceptions_together():
    v = call_verdict(case(invited_to_call=True, traditional_industry=True), today=WED_25)
    assert v.holding == ("a", "b", "c") and v.call_now
    assert [e.holds for e in v.exceptions] == [True, True, True]


def test_no_timeline_means_exception_a_cannot_hold():
    no_date = Case.from_dict({k: v for k, v in BASE.items() if k != "decision_by"})
    v = call_verdict(no_date, today=date(2026, 12, 10))
    assert v.status == CallStatus.NO and v.opens is None and v.call_from is None
    assert texts(v)["a"].startswith("(a) no decision date was given")
    assert v.headline == "No call: none of the three exceptions holds, so email stays your channel."
    invited = call_verdict(Case.from_dict({**BASE, "decision_by": None, "invited_to_call": True}),
                           today=date(2026, 12, 10))
    assert invited.status == CallStatus.YES and invited.holding == ("b",)


def test_a_new_timeline_restarts_exception_a_from_its_date():
    later = case(responses=[{"at": "2026-11-25", "kind": "new_timeline", "new_decision_by": "2026-12-04"}])
    v = call_verdict(later, today=date(2026, 11, 27))
    assert v.status == CallStatus.NOT_YET and not v.permitted
    assert texts(v)["a"].startswith("(a) the new date, Fri 04 Dec, is still ahead")
    assert v.opens == date(2026, 12, 9) == v.call_from
    assert call_verdict(later, today=date(2026, 12, 9)).holding == ("a",)


def test_word_from_the_employer_since_the_timeline_blocks_exception_a():
    heard = case(responses=[{"at": "2026-11-23", "kind": "update"}])
    v = call_verdict(heard, today=date(2026, 12, 3))
    assert v.status == CallStatus.NO and not v.permitted and v.opens is None
    assert texts(v)["a"] == ("(a) the employer has been in touch since you were given the date Fri 20 Nov "
                             "(their update of Mon 23 Nov), so there is no silence to break.")
    # the same word, known only later, does not change the verdict of an earlier day
    assert call_verdict(heard, today=date(2026, 11, 20)).status == CallStatus.NOT_YET


def test_a_new_timeline_after_the_word_opens_exception_a_again():
    heard_then_dated = case(responses=[{"at": "2026-11-23", "kind": "update"},
                                       {"at": "2026-11-24", "kind": "new_timeline", "new_decision_by": "2026-12-01"}])
    assert call_verdict(heard_then_dated, today=date(2026, 12, 4)).holding == ("a",)


def test_a_decision_closes_the_case_even_when_invited():
    decided = case(invited_to_call=True, responses=[{"at": "2026-11-23", "kind": "decision"}])
    v = call_verdict(decided, today=WED_25)
    assert v.status == CallStatus.NO and v.permitted  # (b) still holds, as call_permission says
    assert v.headline == "No call needed: the employer has given their decision."


def test_after_two_attempts_the_move_is_the_employers():
    chased = case(contacts=BASE["contacts"] + [{"at": "2026-11-24", "kind": "follow_up"},
                                               {"at": "2026-12-02", "kind": "second_attempt"}])
    v = call_verdict(chased, today=date(2026, 12, 4))
    assert v.status == CallStatus.NO and v.holding == ("a",)
    assert "the next move is the employer's" in v.headline


def test_after_one_email_a_call_waits_for_the_second_attempt_date():
    followed = case(contacts=BASE["contacts"] + [{"at": "2026-11-24", "kind": "follow_up"}])
    v = call_verdict(followed, today=WED_25)
    assert v.status == CallStatus.NOT_YET and v.permitted and v.call_from == date(2026, 12, 2)


def test_holidays_count_thanksgiving_is_not_a_business_day():
    v = call_verdict(case(), today=date(2026, 11, 27))  # Thu 26 Nov is Thanksgiving
    assert "passed 4 business days ago" in texts(v)["a"]


def test_on_a_weekend_a_permitted_call_waits_for_the_next_business_day():
    v = call_verdict(case(), today=date(2026, 11, 28))  # a Saturday
    assert v.permitted and v.status == CallStatus.NOT_YET and v.call_from == date(2026, 11, 30)
    assert v.detail.startswith("An exception holds, but today is not a business day.")


def test_params_say_how_many_business_days_are_several():
    v = call_verdict(case(), today=WED_25, params=Params(call_after_deadline=5))
    assert v.status == CallStatus.NOT_YET and v.call_from == date(2026, 11, 30)
    assert texts(v)["a"].endswith("calls are acceptable from Mon 30 Nov.")


def test_a_phone_preference_makes_phone_the_channel_only_when_a_call_is_acceptable():
    prefers_phone = case(preferred_channel="phone")
    assert str(call_verdict(prefers_phone, today=TUE_24).channel) == "email"
    v = call_verdict(prefers_phone, today=WED_25)
    assert str(v.channel) == "phone" and "prefers the phone" in v.detail


@pytest.mark.parametrize("extra", [{}, {"invited_to_call": True}, {"traditional_industry": True},
                                   {"decision_by": None},
                                   {"responses": [{"at": "2026-11-27", "kind": "update"}]},
                                   {"responses": [{"at": "2026-11-23", "kind": "new_timeline",
                                                   "new_decision_by": "2026-12-01"}]}])
def test_permitted_is_call_permission_and_opens_is_call_window_opens(extra):
    c = Case.from_dict({**BASE, **extra})
    for offset in range(0, 30):
        day = date(2026, 11, 16) + timedelta(days=offset)
        now = as_of(c, day)
        win = windows(now, today=day)
        v = call_verdict(c, today=day)
        permitted, reasons = call_permission(now, day, win)
        assert v.permitted == permitted
        assert [e.text for e in v.exceptions if e.holds] == reasons
        assert v.opens in (None, call_window_opens(now, win))
        if v.status == CallStatus.YES:
            assert v.permitted and v.call_from == day
        if v.status == CallStatus.NOT_YET:
            assert v.call_from > day and v.call_from >= v.opens


def test_today_may_be_a_datetime_or_left_out(monkeypatch):
    at = datetime.fromisoformat("2026-11-25T09:00:00-05:00")
    assert call_verdict(case(), today=at).day == WED_25
    monkeypatch.setenv("FOLLOWUP_TODAY", "2026-11-25")
    assert call_verdict(case()).status == CallStatus.YES


def test_a_day_out_of_range_is_an_input_error():
    with pytest.raises(InputError, match="today"):
        call_verdict(case(), today=date(2150, 1, 1))


def test_text_and_html_say_it_in_words_and_icons():
    v = call_verdict(case(), today=MON_23)
    text = str(v)
    assert text.splitlines()[0] == v.headline and "does not hold" in text
    html = verdict_html(v)
    assert html == v._repr_html_()
    assert 'data-status="not_yet"' in html and "&#9684;" in html and html.count("does not hold") == 3
    yes = verdict_html(call_verdict(case(), today=WED_25))
    assert "&#10004; Yes: a short, prepared call" in yes and "<b>holds</b>" in yes
