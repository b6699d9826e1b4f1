"""The planner widget and the shared case model, headless: set values, click, read what they show."""

from dataclasses import replace
from datetime import date, datetime, time, timezone
from pathlib import Path

import pytest

from followup_lib.etiquette.case import Case, Contact, load_case
from followup_lib.etiquette.params import Params
from followup_lib.widgets.model import CaseModel
from followup_lib.widgets.planner import PlannerWidget
from followup_lib.widgets.planner_form import case_from_form
from followup_lib.workspace import LearnerFolder

TODAY = date(2026, 11, 18)
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "case.json"


@pytest.fixture
def folder(tmp_path):
    return LearnerFolder(tmp_path / "my-work")


@pytest.fixture
def planner(folder):
    widget = PlannerWidget(today=TODAY, folder=folder)
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
    assert planner.value.action == "send_follow_up" and planner.model.today == date(2026, 11, 24)


def test_bad_input_is_shown_in_the_widget_and_in_the_model(planner):
    planner._inputs["decision_by"].value = date(2026, 11, 1)
    assert planner.value is None and planner.case is None
    assert "decision_by" in planner._advice.value and "before the interview" in planner._advice.value
    assert planner.model.error.startswith("decision_by: 2026-11-01 is before the interview")
    planner._inputs["decision_by"].value = date(2026, 11, 20)
    assert planner.value is not None and planner.model.error == ""


def test_a_day_out_of_range_is_an_error_not_stale_advice(planner):
    planner._today.value = date(9999, 12, 31)
    assert planner.value is None and "outside the years" in planner._advice.value
    planner._today.value = date(2026, 11, 24)
    assert planner.value.action == "send_follow_up"


def test_unknown_country_and_zone_are_shown(planner):
    planner._inputs["country"].value = "Narnia"
    assert "country" in planner._advice.value and planner.value is None
    planner._inputs["country"].value = "US"
    planner._inputs["timezone"].value = "Mars/Base"
    assert "timezone" in planner._advice.value
    planner._inputs["timezone"].value = "x" * 100_000
    assert "characters long, not a time zone name" in planner._advice.value


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
    import followup_lib.etiquette.advisor as module

    calls = []
    real = module.advise
    monkeypatch.setattr(module, "advise", lambda *a, **k: calls.append(a) or real(*a, **k))
    planner.set_values(decision_by=date(2026, 11, 27), thank_you=date(2026, 11, 17), today=date(2026, 12, 2))
    assert len(calls) == 1
    assert planner.value.action == "send_follow_up"


def test_two_widgets_on_one_model_follow_one_case(planner, folder):
    other = PlannerWidget(planner.model, folder=folder)
    planner._inputs["decision_by"].value = date(2026, 11, 27)
    assert other.case == planner.case and other.value == planner.value
    assert other.form_values()["decision_by"] == date(2026, 11, 27)


def test_params_in_the_model_change_the_advice(planner):
    planner._today.value = date(2026, 11, 24)
    assert planner.value.action == "send_follow_up"
    planner.model.params = Params(follow_up_grace=3, follow_up_ideal_max=3)
    assert (planner.value.action, planner.value.next_date) == ("wait", date(2026, 11, 25))


def test_fixed_offset_case_loads_into_the_form(folder):
    case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    planner = PlannerWidget(today=TODAY, case=case, folder=folder)
    assert planner.case.interview_end == case.interview_end
    assert planner.value.dates.decision_date == date(2026, 11, 20)


def test_loaded_case_keeps_what_the_form_cannot_show(folder):
    base = load_case(EXAMPLE).with_contact(Contact(date(2026, 11, 24), "call", "phone"))
    base = replace(base, contact_name="Ms. Okafor", company="Northwind Health")
    planner = PlannerWidget(today=date(2026, 12, 1), case=base, folder=folder)
    assert replace(planner.case, timezone=None) == base  # the form names the offset "UTC-05:00"
    assert planner.value.action == "follow_new_timeline"


def test_employer_reply_from_the_form(folder):
    planner = PlannerWidget(today=date(2026, 11, 26), folder=folder)
    planner.set_values(interview_day=date(2026, 11, 16), decision_by=date(2026, 11, 20), thank_you=date(2026, 11, 16),
                       employer_said="new_timeline", employer_on=date(2026, 11, 25))
    assert "New decision by: is empty" in planner._advice.value
    planner._inputs["new_decision_by"].value = date(2026, 12, 11)
    assert planner.value.action == "follow_new_timeline"
    assert planner.value.dates.decision_date == date(2026, 12, 11)


def test_save_and_load_in_the_learner_folder(planner, folder):
    planner._name.value = "acme analyst"
    planner._save.click()
    target = folder.root / "acme analyst.json"
    assert target.exists() and "Saved as" in planner._status.value
    fresh = PlannerWidget(today=TODAY, folder=folder)
    fresh._name.value = "acme analyst"
    fresh._load.click()
    assert "Loaded" in fresh._status.value
    assert fresh.case == planner.case


def test_replacing_a_saved_case_takes_a_second_step(planner, folder):
    planner._save.click()
    first = (folder.root / "my-case.json").read_bytes()
    planner._inputs["decision_by"].value = date(2026, 11, 27)
    planner._save.click()
    assert "already exists" in planner._status.value and planner._replace.layout.display is None
    assert (folder.root / "my-case.json").read_bytes() == first  # nothing replaced yet
    planner._replace.click()
    assert "2026-11-27" in (folder.root / "my-case.json").read_text() and planner._replace.layout.display == "none"


@pytest.mark.parametrize("name", ["../../x", "/etc/passwd", "a/b", "..", ".hidden", "x" * 81, "a\\b", "  "])
def test_names_are_confined_to_the_learner_folder(planner, folder, tmp_path, name):
    planner._name.value = name
    planner._save.click()
    assert "file name" in planner._status.value
    assert not list(tmp_path.rglob("*.json"))


def test_load_and_save_errors_are_shown_not_raised(planner, folder):
    planner._name.value = "missing"
    planner._load.click()
    assert "there is no missing.json" in planner._status.value
    planner._inputs["decision_by"].value = date(2026, 11, 1)
    planner._name.value = "x"
    planner._save.click()
    assert "fix the form first" in planner._status.value and not folder.root.exists()


def test_a_broken_saved_file_is_a_message(planner, folder):
    folder.root.mkdir()
    (folder.root / "broken.json").write_text('{"interview_end": "2026-11-16T15:00-05:00",')
    planner._name.value = "broken"
    planner._load.click()
    assert "is not valid JSON" in planner._status.value


def test_model_error_is_a_trait():
    seen = []
    model = CaseModel(today=TODAY)
    model.observe(lambda change: seen.append(change.new), names="error")
    PlannerWidget(model, folder=LearnerFolder(Path("/nonexistent/never-written")))
    model.report(__import__("followup_lib").InputError("country", "is wrong"))
    assert seen[-1] == "country: is wrong" and model.case is None


def data_link(html: str, filename: str) -> tuple[str, bytes]:
    """The MIME type and the bytes of the ``data:`` link that downloads ``filename`` in ``html``."""
    import base64
    import re

    found = re.search(rf'download="{re.escape(filename)}" href="data:([^;"]+);base64,([A-Za-z0-9+/=]*)"', html)
    assert found, f"no data: link downloads {filename}"
    return found[1], base64.b64decode(found[2])


def test_the_case_and_the_handout_download_as_data_links(planner, tmp_path):
    from followup_lib.etiquette.plan import make_plan

    mime, payload = data_link(planner._download.value, "follow-up-case.json")
    (tmp_path / "case.json").write_bytes(payload)
    assert mime == "application/json" and load_case(tmp_path / "case.json") == planner.case
    assert "Download my case (.json)" in planner._download.value
    mime, payload = data_link(planner._download.value, "follow-up-handout.html")
    page = payload.decode("utf-8")
    assert mime == "text/html" and page.startswith("<!DOCTYPE html>")
    assert all(f"{s.due:%a %d %b %Y}" in page for s in make_plan(planner.case, today=TODAY).steps)
    assert "Download my handout (.html)" in planner._download.value and "Save as PDF" in planner._download.value
    assert data_link(planner._download.value, "follow-up-plan.ics")[0] == "text/calendar"


def test_the_downloads_follow_the_case_and_vanish_on_an_error(planner):
    planner._inputs["decision_by"].value = date(2026, 12, 4)
    _, payload = data_link(planner._download.value, "follow-up-case.json")
    assert '"decision_by": "2026-12-04"' in payload.decode("utf-8")
    assert "Fri 04 Dec 2026" in data_link(planner._download.value, "follow-up-handout.html")[1].decode("utf-8")
    planner._inputs["decision_by"].value = date(2026, 11, 1)
    assert planner._download.value == ""  # no stale links while the form has an error
    planner._inputs["decision_by"].value = date(2026, 11, 20)
    assert "follow-up-case.json" in planner._download.value


def test_a_downloaded_case_opens_again_from_the_file_control(planner, folder):
    """The round trip app mode relies on: Download my case, then Open a case file."""
    _, payload = data_link(planner._download.value, "follow-up-case.json")
    fresh = PlannerWidget(today=TODAY, folder=folder)
    fresh._open.value = ({"name": "follow-up-case.json", "type": "application/json", "size": len(payload),
                          "content": memoryview(payload),
                          "last_modified": datetime(2026, 11, 24, tzinfo=timezone.utc)},)
    assert fresh.case == planner.case and "Opened" in fresh._status.value
    assert fresh._open.value == () and not folder.root.exists()  # bytes not kept, nothing written


@pytest.mark.parametrize(("payload", "message"), [
    (b'{"interview_end": "2026-11-16T15:00-05:00",', "is not valid JSON"),
    (b"\x00\x01\x02 binary", "case file"),
    (b'{"interview_end": "2026-11-16T15:00-05:00", "decision_by": "2026-11-01"}', "before the interview"),
    (b" " * 1_000_001, "too big for a case file"),
])
def test_a_bad_case_file_is_a_message_and_keeps_the_form(planner, payload, message):
    before = planner.case
    assert planner.open_file(payload, "mine.json") is None
    assert message in planner._status.value and "Traceback" not in planner._status.value
    assert planner.case == before
