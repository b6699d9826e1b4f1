"""The silence meter, headless: set the case and the day, choose a segment, click, read it."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from followup_lib.etiquette.case import Case
from followup_lib.etiquette.params import Params
from followup_lib.outcomes.silence import SilenceReading
from followup_lib.widgets.model import CaseModel
from followup_lib.widgets.silence_meter import SilenceMeter

CASE = Case.from_dict({
    "interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20",
    "contacts": [{"at": "2026-11-16T18:00:00-05:00", "kind": "thank_you"},
                 {"at": "2026-11-24", "kind": "follow_up", "to": "Ms. Okafor"}]})


@pytest.fixture
def model():
    return CaseModel(CASE, today=date(2026, 12, 2))


@pytest.fixture
def meter(model):
    return SilenceMeter(model)


def test_it_shows_the_silence_what_was_sent_and_the_next_step(meter):
    html = meter._summary.value
    assert "16 days since your interview without a decision" in html
    assert "Mon 16 Nov: thank-you by email" in html
    assert "Tue 24 Nov: follow-up by email to Ms. Okafor" in html
    assert "Make one more attempt, to the hiring manager or an HR contact." in html
    assert "Stage 6 (One more attempt at most)" in html
    assert isinstance(meter.value, SilenceReading) and meter.value.chance is None


def test_the_chance_waits_for_the_button(meter):
    assert "Show the chance" in meter._chance.value and meter._plot.value == ""
    meter._show.click()
    assert meter.value.chance is not None and 0 < meter.value.chance.chance < 1
    assert "In the synthetic dataset (all: 561 interviews)" in meter._chance.value
    assert meter._plot.value.startswith('<img class="fc-plot" alt="In the synthetic dataset')
    assert meter._show.description == "Update"


def test_building_the_meter_loads_neither_the_data_nor_lifelines():
    probe = ("import json, sys\nfrom datetime import date\n"
             "from followup_lib.etiquette.case import Case\n"
             "from followup_lib.widgets.model import CaseModel\n"
             "from followup_lib.widgets.silence_meter import SilenceMeter\n"
             "case = Case.from_dict({'interview_end': '2026-11-16T15:00:00-05:00'})\n"
             "meter = SilenceMeter(CaseModel(case, today=date(2026, 12, 2)))\n"
             "meter.model.today = date(2026, 12, 3)\n"
             "from followup_lib.outcomes.segments import shipped_curves\n"
             "loaded = ['dataset'] if shipped_curves.cache_info().currsize else []\n"
             "print(json.dumps(loaded + sorted({m.split('.')[0] for m in sys.modules} & "
             "{'lifelines', 'matplotlib'})))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []


def test_a_segment_changes_the_chance(meter):
    meter.show_chance()
    overall = meter.value.chance.chance
    meter._segment["industry"].value = "tech"
    assert meter.value.chance.segment.industry == "tech"
    assert meter.value.chance.chance != overall and "(tech: 103 interviews)" in meter._chance.value


def test_a_small_segment_is_suppressed_in_words_without_a_plot(meter):
    meter.show_chance()
    meter.set_segment(industry="government", role_level="senior")
    assert meter.value.chance.suppressed
    assert "Fewer than 5 interviews" in meter._chance.value and meter._plot.value == ""


def test_k_follows_the_shared_params(meter, model):
    meter.show_chance()
    meter._segment["industry"].value = "government"
    assert not meter.value.chance.suppressed
    model.params = Params(k_anonymity=50)
    assert meter.value.chance.reason == "small_segment"


def test_a_new_day_moves_the_meter(meter, model):
    meter.show_chance()
    model.today = date(2026, 12, 10)
    assert meter.value.days_since_interview == 24
    assert meter.value.chance.silent_days == 24.0
    assert "after 24 days" in meter._chance.value


def test_the_same_picture_is_not_drawn_twice(meter):
    meter.show_chance()
    first = meter._plot.value
    meter._segment["industry"].value = "tech"
    meter._segment["industry"].value = "any"
    assert meter._plot.value == first and len(meter._pictures) == 2


def test_without_a_case_it_says_what_to_do():
    meter = SilenceMeter(CaseModel(today=date(2026, 12, 2)))
    assert meter.value is None
    assert "No case yet" in meter._error.value and "planner" in meter._error.value
    assert meter._summary.value == ""


def test_a_model_error_is_shown_and_clears_when_fixed(meter, model):
    model.error = "decision_by: 2026-11-01 is before the interview; give a later date"
    assert meter.value is None and "decision_by" in meter._error.value
    model.accept(CASE)
    assert meter.value is not None and meter._error.value == ""


def test_a_decision_ends_the_silence(meter, model):
    meter.show_chance()
    model.case = Case.from_dict({**CASE.to_dict(),
                                 "responses": [{"at": "2026-12-01", "kind": "decision"}]})
    assert meter.value.decided and meter.value.chance is None
    assert "no silence to read" in meter._chance.value and meter._plot.value == ""


def test_html_in_the_case_is_escaped(model):
    model.case = Case.from_dict({**CASE.to_dict(), "contacts": [
        {"at": "2026-11-16", "kind": "thank_you", "to": "<script>alert(1)</script>"}]})
    meter = SilenceMeter(model)
    assert "<script>" not in meter._summary.value and "&lt;script&gt;" in meter._summary.value


def test_projector_mode_enlarges_text_and_plot(model):
    meter = SilenceMeter(model, projector=True, chance=True)
    assert "fc-projector" in meter._dom_classes
    normal = SilenceMeter(model, projector=False, chance=True)
    assert len(meter._plot.value) > len(normal._plot.value)


def test_it_can_read_a_given_table():
    from followup_lib.outcomes.generator import generate_applications

    model = CaseModel(CASE, today=date(2026, 12, 2))
    meter = SilenceMeter(model, data=generate_applications(2000, seed=5), chance=True)
    assert "In your data (all:" in meter._chance.value
