"""The planner widget, headless: set values, read what it shows."""

from datetime import date, time

import pytest
from dataclasses import replace
from pathlib import Path

from followup_lib.etiquette.situation import Contact

from followup_lib.widgets.planner import PlannerWidget
from followup_lib.widgets.planner_form import case_from_form

TODAY = date(2026, 11, 18)


@pytest.fixture
def planner():
    widget = PlannerWidget(today=TODAY)
    widget.set_values(interview_day=date(2026, 11, 16), interview_time=time(15), timezone="America/New_York",
                      decision_by=date(2026, 11, 20), thank_you=date(2026, 11, 16))
    return widget


def test_planner_shows_advice_plan_and_calendar_link(planner):
    assert planner.value.action == "wait"
    assert "Wait. Nothing to send yet." in planner._advice.value
    assert "<table" in planner._plan.value and "follow up" in planner._plan.value
    assert 'download="follow-up-plan.ics"' in planner._download.value


def test_changing_the_day_changes_the_advice(planner):
    planner._today.value = date(2026, 11, 24)
    assert planner.value.action == "send_follow_up"


def test_bad_input_is_shown_in_the_widget_not_raised(planner):
    planner._inputs["decision_by"].value = date(2026, 11, 1)
    assert planner.value is None
    assert "decision_by" in planner._advice.value and "before the interview" in planner._advice.value
    planner._inputs["decision_by"].value = date(2026, 11, 20)
    assert planner.value is not None


def test_unknown_country_and_zone_are_shown(planner):
    planner._inputs["country"].value = "Narnia"
    assert "country" in planner._advice.value and planner.value is None
    planner._inputs["country"].value = "US"
    planner._inputs["timezone"].value = "Mars/Base"
    assert "timezone" in planner._advice.value


def test_html_in_a_field_is_escaped(planner):
    planner._inputs["country"].value = "<script>alert(1)</script>"
    assert "<script>" not in planner._advice.value and "&lt;script&gt;" in planner._advice.value


def test_empty_interview_date_is_a_clear_message(planner):
    planner._inputs["interview_day"].value = None
    assert "Interview on: is empty" in planner._advice.value


def test_case_from_form_matches_json_case():
    case = case_from_form({"interview_day": date(2026, 11, 16), "interview_time": time(15),
                           "timezone": "America/New_York", "decision_by": date(2026, 11, 20)})
    assert case.decision_by == date(2026, 11, 20) and case.tz.key == "America/New_York"


def test_set_values_redraws_once(planner, monkeypatch):
    import followup_lib.widgets.planner as module

    calls = []
    real = module.advise
    monkeypatch.setattr(module, "advise", lambda *a, **k: calls.append(a) or real(*a, **k))
    planner.set_values(decision_by=date(2026, 11, 27), thank_you=date(2026, 11, 17), today=date(2026, 12, 2))
    assert len(calls) == 1
    assert planner.value.action == "send_follow_up"


def test_round_trip_through_a_saved_case(planner, tmp_path):
    from followup_lib.etiquette.situation import load_situation, save_situation
    from followup_lib.widgets.planner import PlannerWidget

    path = save_situation(planner.situation, tmp_path / "my-case.json")
    again = PlannerWidget(today=TODAY, situation=load_situation(path))
    assert again.form_values() == planner.form_values()
    assert again.value == planner.value


def test_fixed_offset_case_loads_into_the_form():
    from followup_lib.etiquette.situation import Situation
    from followup_lib.widgets.planner import PlannerWidget

    case = Situation.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    planner = PlannerWidget(today=TODAY, situation=case)
    assert planner.situation.interview_end == case.interview_end
    assert planner.value.dates.decision_date == date(2026, 11, 20)


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "case.json"


def test_loaded_case_keeps_what_the_form_cannot_show():
    from followup_lib.etiquette.situation import load_situation

    base = load_situation(EXAMPLE).with_contact(Contact(date(2026, 11, 24), "call", "phone"))
    base = replace(base, contact_name="Ms. Okafor", company="Northwind Health")
    planner = PlannerWidget(today=date(2026, 12, 1), situation=base)
    assert replace(planner.situation, timezone=None) == base  # the form names the offset "UTC-05:00"
    assert planner.value.action == "follow_new_timeline"


def test_employer_reply_from_the_form():
    planner = PlannerWidget(today=date(2026, 11, 26))
    planner.set_values(interview_day=date(2026, 11, 16), decision_by=date(2026, 11, 20), thank_you=date(2026, 11, 16),
                       employer_said="new_timeline", employer_on=date(2026, 11, 25))
    assert "New decision by: is empty" in planner._advice.value
    planner._inputs["new_decision_by"].value = date(2026, 12, 11)
    assert planner.value.action == "follow_new_timeline"
    assert planner.value.dates.decision_date == date(2026, 12, 11)


def test_save_and_load_buttons(planner, tmp_path):
    target = tmp_path / "mine.json"
    planner._file.value = str(target)
    planner._save.click()
    assert target.exists() and "Saved to" in planner._status.value
    fresh = PlannerWidget(today=TODAY, case_file=str(target))
    fresh._load.click()
    assert "Loaded" in fresh._status.value
    assert fresh.situation == planner.situation


def test_load_and_save_errors_are_shown_not_raised(planner, tmp_path):
    planner._file.value = str(tmp_path / "missing.json")
    planner._load.click()
    assert "no file named" in planner._status.value
    planner._inputs["decision_by"].value = date(2026, 11, 1)
    planner._file.value = str(tmp_path / "x.json")
    planner._save.click()
    assert "decision_by" in planner._status.value and not (tmp_path / "x.json").exists()
    planner._file.value = "  "
    planner._inputs["decision_by"].value = date(2026, 11, 20)
    planner._save.click()
    assert "Case file: is empty" in planner._status.value
