"""Stage 1's exit check, pure: every combination of answers, the case fields, and bad input."""

from datetime import date, datetime, timezone
from itertools import product

import pytest

from followup_lib.errors import InputError
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.exit_check import ExitItem, Verdict, check_exit
from followup_lib.etiquette.params import Params

INTERVIEW = date(2026, 11, 16)
TIMELINES = {
    "none": {},
    "date": {"decision_date": date(2026, 11, 20)},
    "range": {"decision_start": date(2026, 11, 23), "decision_end": date(2026, 11, 27)},
}
ALL = list(product(TIMELINES, (None, "Ms. Okafor"), (True, False), ("email", "phone", "unknown"),
                   ("yes", "no", "unknown"), (True, False)))


def _check(timeline="none", contact=None, steps=False, channel="unknown", welcome="unknown", invited=False, **kw):
    return check_exit(next_steps_known=steps, contact_name=contact, preferred_channel=channel,
                      checking_in_welcome=welcome, invited_to_call=invited, interview_date=INTERVIEW,
                      **TIMELINES[timeline], **kw)


@pytest.mark.parametrize("timeline, contact, steps, channel, welcome, invited", ALL)
def test_every_combination_gets_the_right_gaps_verdict_and_fields(timeline, contact, steps, channel, welcome,
                                                                   invited):
    result = _check(timeline, contact, steps, channel, welcome, invited)
    expected_missing = [item for item, have in (
        (ExitItem.NEXT_STEPS, steps), (ExitItem.TIMELINE, timeline != "none"), (ExitItem.CONTACT, contact),
        (ExitItem.CHANNEL, channel != "unknown"), (ExitItem.CHECKING_IN, welcome != "unknown")) if not have]
    assert [g.item for g in result.missing] == expected_missing
    if not expected_missing:
        assert result.verdict == Verdict.WELL_SET_UP
    elif timeline == "none" and contact is None:
        assert result.verdict == Verdict.OPEN_ENDED
    else:
        assert result.verdict == Verdict.SOME_GAPS
    fields = result.fields
    assert fields.decision_by == {"none": None, "date": date(2026, 11, 20), "range": date(2026, 11, 27)}[timeline]
    assert fields.contact_name == contact and fields.invited_to_call is invited
    assert fields.preferred_channel == ("phone" if channel == "phone" else "email")
    assert fields.checking_in_welcome == {"yes": True, "no": False, "unknown": None}[welcome]
    assert all(g.question.endswith("?") and g.why for g in result.missing)
    assert result.verdict.label in result.headline and result.verdict.label in result._repr_html_()


def test_the_combinations_cover_all_three_verdicts():
    verdicts = {_check(*combo).verdict for combo in ALL}
    assert verdicts == set(Verdict)


def test_open_ended_names_the_failure_to_avoid():
    result = check_exit()
    assert result.verdict == "open_ended" and len(result.missing) == 5
    assert result.verdict.label == "Open-ended: the failure to avoid"
    assert "No timeline and no one to contact" in result.headline
    assert result.verdict.icon in str(result)


def test_a_timeline_alone_or_a_contact_alone_is_only_some_gaps():
    assert _check("date").verdict == _check(contact="Sam").verdict == "some_gaps"


def test_a_range_uses_its_end_and_says_so():
    result = _check("range")
    assert result.fields.decision_by == date(2026, 11, 27) and result.decision_start == date(2026, 11, 23)
    assert any("uses its end date" in note for note in result.notes)
    assert dict(result.rows())["Decision by"] == "Fri 27 Nov 2026 (the end of the range from Mon 23 Nov)"


def test_a_one_day_range_is_a_date():
    result = check_exit(decision_start=date(2026, 11, 20), decision_end=date(2026, 11, 20))
    assert result.fields.decision_by == date(2026, 11, 20)


def test_questions_are_specific_to_what_is_known():
    result = _check("date", contact="Ms. Okafor")
    questions = {g.item: g.question for g in result.missing}
    assert "Ms. Okafor" in questions["channel"]
    assert "by Friday 20 November" in questions["checking_in"]
    assert "in a couple of weeks" in {g.item: g.question for g in check_exit().missing}["checking_in"]


def test_notes_explain_defaults_and_the_invitation():
    notes = " ".join(_check(welcome="no", invited=True, params=Params(default_decision_business_days=7)).notes)
    assert "7 business days" in notes and "uses email, the default" in notes
    assert "rather not be chased" in notes and "invited a call" in notes
    assert not _check("date", channel="phone", welcome="yes").notes


def test_unknown_channel_is_shown_as_the_default():
    assert dict(check_exit().rows())["Preferred channel"] == "email (the default: not asked)"
    assert dict(check_exit(preferred_channel="phone").rows())["Preferred channel"] == "phone"


def test_answers_accept_booleans_none_and_any_case():
    result = check_exit(next_steps_known="Yes", checking_in_welcome=True, preferred_channel="EMAIL",
                        invited_to_call="no")
    assert [g.item for g in result.missing] == ["timeline", "contact"]
    assert result.fields.checking_in_welcome is True and result.fields.invited_to_call is False
    assert check_exit(checking_in_welcome=None, preferred_channel=None).fields.checking_in_welcome is None


def test_contact_name_is_tidied_and_blank_is_nobody():
    assert check_exit(contact_name="  Sam   Lee ").fields.contact_name == "Sam Lee"
    assert check_exit(contact_name="   ").fields.contact_name is None


@pytest.mark.parametrize("kwargs, field, words", [
    ({"decision_start": date(2026, 11, 27), "decision_end": date(2026, 11, 23)}, "decision_end", "before the start"),
    ({"decision_start": date(2026, 11, 23)}, "decision_end", "is empty"),
    ({"decision_end": date(2026, 11, 23)}, "decision_start", "is empty"),
    ({"decision_date": date(2026, 11, 20), "decision_end": date(2026, 11, 27),
      "decision_start": date(2026, 11, 23)}, "decision_date", "together with a range"),
    ({"decision_date": date(2026, 11, 2), "interview_date": INTERVIEW}, "decision_date", "before the interview"),
    ({"decision_start": date(2026, 11, 10), "decision_end": date(2026, 11, 20), "interview_date": INTERVIEW},
     "decision_start", "before the interview"),
    ({"decision_date": "2026-11-20"}, "decision_date", "must be a date"),
    ({"decision_date": datetime(2026, 11, 20, 9, tzinfo=timezone.utc)}, "decision_date", "must be a date"),
    ({"decision_date": date(2126, 1, 1)}, "decision_date", "outside the years"),
    ({"interview_date": "yesterday"}, "interview_date", "must be a date"),
    ({"preferred_channel": "fax"}, "preferred_channel", "not a known value"),
    ({"checking_in_welcome": "maybe"}, "checking_in_welcome", "not a known value"),
    ({"next_steps_known": "sort of"}, "next_steps_known", "not yes or no"),
    ({"invited_to_call": 1}, "invited_to_call", "not yes or no"),
    ({"contact_name": 42}, "contact_name", "must be text"),
    ({"contact_name": "x" * 5000}, "contact_name", "characters long"),
])
def test_bad_input_names_the_field_and_the_fix(kwargs, field, words):
    with pytest.raises(InputError) as caught:
        check_exit(**kwargs)
    assert caught.value.field == field and words in str(caught.value) and caught.value.fix


def test_interview_datetime_counts_by_its_day():
    end = datetime(2026, 11, 16, 15, tzinfo=timezone.utc)
    assert check_exit(decision_date=date(2026, 11, 16), interview_date=end).fields.decision_by == INTERVIEW


def test_html_escapes_the_contact_name():
    html = check_exit(contact_name="<script>alert(1)</script>")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_verdict_is_said_in_words_and_an_icon_not_colour_alone():
    for verdict, icon in (("well_set_up", "\u2714"), ("some_gaps", "\u26a0"), ("open_ended", "\u2716")):
        assert Verdict(verdict).icon == icon
    html = _check("date", "Sam", True, "email", "yes")._repr_html_()
    assert "\u2714" in html and "Well set up" in html and 'data-verdict="well_set_up"' in html


def test_apply_to_fills_the_case_and_keeps_the_rest():
    case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "company": "Northwind",
                           "contacts": [{"at": "2026-11-16T19:00:00-05:00", "kind": "thank_you"}]})
    updated = _check("range", "Ms. Okafor", True, "phone", "no", True).apply_to(case)
    assert (updated.decision_by, updated.contact_name, updated.preferred_channel) == (
        date(2026, 11, 27), "Ms. Okafor", "phone")
    assert updated.checking_in_welcome is False and updated.invited_to_call is True
    assert updated.company == "Northwind" and updated.contacts == case.contacts
    assert updated.interview_end == case.interview_end


def test_apply_to_a_later_case_is_checked_like_any_case():
    case = Case.from_dict({"interview_end": "2026-11-25T15:00:00-05:00"})
    with pytest.raises(InputError, match="decision_by: 2026-11-20 is before the interview"):
        check_exit(decision_date=date(2026, 11, 20)).apply_to(case)


def test_to_dict_round_trips_through_a_case_file():
    fields = _check("date", "Sam", channel="phone", welcome="yes").fields
    assert fields.to_dict() == {"decision_by": "2026-11-20", "contact_name": "Sam", "preferred_channel": "phone",
                                "checking_in_welcome": True, "invited_to_call": False}
