"""The interview exit checklist, headless: set values, click, read what it shows."""

from datetime import date, time

import pytest
import traitlets

from followup_lib.errors import InputError
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.exit_check import ExitCheck
from followup_lib.etiquette.params import Params
from followup_lib.widgets.exit_checklist import InterviewExitChecklist
from followup_lib.widgets.model import CaseModel
from followup_lib.widgets.planner import PlannerWidget
from followup_lib.workspace import LearnerFolder

TODAY = date(2026, 11, 16)
CASE = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "timezone": "America/New_York",
                       "company": "Northwind", "contacts": [{"at": "2026-11-16T19:00:00-05:00", "kind": "thank_you"}]})
FULL = {"next_steps_known": True, "decision_date": date(2026, 11, 20), "contact_name": "Ms. Okafor",
        "preferred_channel": "email", "checking_in_welcome": "yes"}


@pytest.fixture
def blank():
    return InterviewExitChecklist(CaseModel(today=TODAY))


@pytest.fixture
def with_case():
    return InterviewExitChecklist(CaseModel(CASE, today=TODAY))


def _errors(widget) -> int:
    return widget._error.value.count("fc-error")


def test_a_blank_checklist_is_open_ended_and_asks_everything(blank):
    assert isinstance(blank.value, ExitCheck) and blank.value.verdict == "open_ended"
    html = blank._result.value
    assert "Open-ended: the failure to avoid" in html and "\u2716" in html
    assert html.count("Ask:") == 5 and "When do you expect to make a decision?" in html
    assert "No case yet" in blank._case_line.value and blank._interview_row.layout.display is None


def test_filling_everything_in_is_well_set_up(with_case):
    with_case.set_values(**FULL)
    assert with_case.value.verdict == "well_set_up" and with_case.value.missing == ()
    assert "\u2714" in with_case._result.value and "Well set up" in with_case._result.value
    assert "Ask:" not in with_case._result.value


def test_a_missing_item_shows_its_question(with_case):
    with_case.set_values(**{**FULL, "checking_in_welcome": "unknown"})
    assert with_case.value.verdict == "some_gaps"
    assert "Missing: whether checking in is welcome." in with_case._result.value
    assert "by Friday 20 November" in with_case._result.value


def test_a_range_uses_its_end_date_and_shows_the_range_pickers(with_case):
    with_case.set_values(decision_start=date(2026, 11, 23), decision_end=date(2026, 11, 27))
    assert with_case.form_values()["timeline"] == "range"
    assert with_case.value.fields.decision_by == date(2026, 11, 27)
    assert "the end of the range from Mon 23 Nov" in with_case._result.value
    assert with_case._inputs["decision_start"].layout.display is None
    assert with_case._inputs["decision_date"].layout.display == "none"


def test_a_bad_range_shows_one_line_and_no_stale_result(with_case):
    with_case.set_values(decision_start=date(2026, 11, 27), decision_end=date(2026, 11, 23))
    assert with_case.value is None and with_case._result.value == "" and _errors(with_case) == 1
    assert "Range to: 2026-11-23 is before the start of the range" in with_case._error.value
    with_case._inputs["decision_end"].value = date(2026, 11, 30)
    assert with_case.value.fields.decision_by == date(2026, 11, 30) and with_case._error.value == ""


def test_half_a_range_or_an_empty_date_is_one_line(with_case):
    with_case.set_values(timeline="range", decision_start=date(2026, 11, 23))
    assert _errors(with_case) == 1 and "Range to: is empty" in with_case._error.value
    with_case.set_values(timeline="date", decision_date=None)
    assert _errors(with_case) == 1 and "Decision by: is empty" in with_case._error.value
    with_case._inputs["timeline"].value = "none"
    assert with_case.value is not None and with_case.value.fields.decision_by is None


def test_a_date_before_the_interview_names_the_input(with_case):
    with_case.set_values(decision_date=date(2026, 11, 2))
    assert with_case.value is None and _errors(with_case) == 1
    assert "Decision by: 2026-11-02 is before the interview (2026-11-16)" in with_case._error.value


def test_html_in_the_contact_name_is_escaped(with_case):
    with_case.set_values(contact_name="<img src=x onerror=alert(1)>")
    html = with_case._result.value
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    with_case._add.click()
    assert with_case.model.case.contact_name == "<img src=x onerror=alert(1)>"


def test_add_updates_the_case_and_keeps_the_rest(with_case):
    with_case.set_values(**{**FULL, "preferred_channel": "phone", "invited_to_call": True})
    with_case._add.click()
    case = with_case.model.case
    assert (case.decision_by, case.contact_name, case.preferred_channel) == (date(2026, 11, 20), "Ms. Okafor",
                                                                               "phone")
    assert case.checking_in_welcome is True and case.invited_to_call is True
    assert case.company == "Northwind" and case.contacts == CASE.contacts and case.interview_end == CASE.interview_end
    assert "Added to your case" in with_case._status.value and with_case.model.error == ""


def test_add_without_a_case_asks_when_the_interview_ended_then_starts_one(blank):
    blank.set_values(**FULL)
    blank._add.click()
    assert blank.model.case is None and "Ended at: is empty" in blank._status.value
    blank.set_values(interview_time=time(15, 30), timezone="Europe/London", country="GB")
    blank._add.click()
    case = blank.model.case
    assert case.interview_end.isoformat() == "2026-11-16T15:30:00+00:00" and case.country == "GB"
    assert case.decision_by == date(2026, 11, 20) and case.contact_name == "Ms. Okafor"
    assert "Adds to your case: the interview that ended on Mon 16 Nov 2026 at 15:30" in blank._case_line.value
    assert blank._interview_row.layout.display == "none"


def test_without_a_case_a_decision_before_the_interview_day_is_refused(blank):
    blank.set_values(interview_day=date(2026, 11, 18), decision_date=date(2026, 11, 17))
    assert blank.value is None and "Decision by: 2026-11-17 is before the interview" in blank._error.value


def test_a_bad_time_zone_is_shown_under_the_button(blank):
    blank.set_values(interview_time=time(15), timezone="Mars/Base")
    blank._add.click()
    assert blank.model.case is None and "timezone" in blank._status.value and "fc-error" in blank._status.value


def test_add_with_a_broken_case_says_fix_it_first():
    model = CaseModel(today=TODAY)
    model.report(InputError("decision_by", "is before the interview"))
    checklist = InterviewExitChecklist(model)
    assert "Your case: has an error (decision_by: is before the interview)" in checklist._case_line.value
    checklist._add.click()
    assert model.case is None and "fix it in the planner first" in checklist._status.value


def test_add_when_the_checklist_has_an_error_changes_nothing(with_case):
    with_case.set_values(decision_start=date(2026, 11, 27), decision_end=date(2026, 11, 23))
    assert with_case.add_to_case() is None and with_case.model.case == CASE
    assert "Checklist: has an error" in with_case._status.value


def test_the_case_fills_the_checklist_and_a_planner_sees_the_additions(tmp_path):
    model = CaseModel(Case.from_dict({**CASE.to_dict(), "decision_by": "2026-11-20", "contact_name": "Sam Lee",
                                      "preferred_channel": "phone", "checking_in_welcome": False}), today=TODAY)
    checklist = InterviewExitChecklist(model)
    values = checklist.form_values()
    assert (values["timeline"], values["decision_date"], values["contact_name"]) == ("date", date(2026, 11, 20),
                                                                                     "Sam Lee")
    assert (values["preferred_channel"], values["checking_in_welcome"]) == ("phone", "no")
    planner = PlannerWidget(model, folder=LearnerFolder(tmp_path / "my-work"))
    checklist.set_values(decision_start=date(2026, 11, 23), decision_end=date(2026, 11, 27))
    checklist._add.click()
    assert planner.form_values()["decision_by"] == date(2026, 11, 27)
    assert checklist.form_values()["timeline"] == "range"  # its own change does not turn the range into a date
    planner.set_values(decision_by=date(2026, 12, 4))
    assert checklist.form_values()["decision_date"] == date(2026, 12, 4)


def test_an_email_preference_in_a_case_stays_not_asked():
    checklist = InterviewExitChecklist(CaseModel(CASE, today=TODAY))
    assert checklist.form_values()["preferred_channel"] == "unknown"
    checklist._add.click()
    assert checklist.model.case.preferred_channel == "email"


def test_params_in_the_model_reach_the_notes(with_case):
    assert "10 business days" in with_case._result.value
    with_case.model.params = Params(default_decision_business_days=7)
    assert "7 business days" in with_case._result.value


def test_set_values_redraws_once_and_refuses_unknown_names(with_case, monkeypatch):
    import followup_lib.widgets.exit_checklist as module

    calls = []
    real = module.check_exit
    monkeypatch.setattr(module, "check_exit", lambda **kw: calls.append(kw) or real(**kw))
    with_case.set_values(**FULL)
    assert len(calls) == 1
    with pytest.raises(InputError, match="contact_nme: is not an input of the checklist; did you mean 'contact_name'"):
        with_case.set_values(contact_nme="Sam")


def test_value_is_read_only_and_projector_enlarges(with_case):
    with pytest.raises(traitlets.TraitError):
        with_case.value = None
    assert "fc-projector" in InterviewExitChecklist(projector=True)._dom_classes


def test_every_input_has_a_visible_label(blank):
    for widget in (*blank._inputs.values(), *blank._interview.values()):
        assert widget.description.strip()


def test_the_end_time_may_be_typed_as_text(blank):
    blank.set_values(interview_time="09:45")
    assert blank.form_values()["interview_time"] == time(9, 45)
    with pytest.raises(InputError, match="interview_time: 'quarter to ten' is not a time of day"):
        blank.set_values(interview_time="quarter to ten")


def test_changing_an_answer_after_adding_clears_the_added_line(with_case):
    with_case._add.click()
    assert "Added to your case" in with_case._status.value
    with_case._inputs["contact_name"].value = "Sam Lee"
    assert with_case._status.value == "" and with_case.model.case.contact_name is None
