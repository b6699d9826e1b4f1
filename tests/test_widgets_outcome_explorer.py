"""The outcome explorer, headless: choose, switch views, upload a tracker, read what it shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from followup_lib.etiquette.params import Params
from followup_lib.outcomes.landmark import LandmarkComparison
from followup_lib.widgets.model import CaseModel
from followup_lib.widgets.outcome_explorer import Exploration, OutcomeExplorer

FIXTURE = Path(__file__).parent / "fixtures" / "tracker_sample.csv"


def upload(explorer: OutcomeExplorer, data: bytes, name: str) -> None:
    """Put a file into the explorer's own upload control, as a browser would."""
    explorer._upload.value = ({"name": name, "type": "", "size": len(data),
                               "content": memoryview(data),
                               "last_modified": dt.datetime.now(dt.timezone.utc)},)


@pytest.fixture
def explorer():
    return OutcomeExplorer(CaseModel(params=Params(k_anonymity=5)))


def test_it_opens_on_the_waiting_curve_of_the_whole_dataset(explorer):
    value = explorer.value
    assert isinstance(value, Exploration) and value.view == "curve"
    assert value.words[0].startswith("3,000 applications in the synthetic dataset (all)")
    assert "half had a first response by day 7" in explorer._words.value
    assert explorer._plot.value.startswith('<img class="fc-plot"')
    assert "What the synthetic data cannot show" in explorer._cannot_show.value


def test_decisions_after_the_interview_by_segment_and_behaviour(explorer):
    assert explorer._behaviour.disabled
    explorer.set_choices(stage="interview", industry="tech")
    assert not explorer._behaviour.disabled
    assert explorer.value.words[0].startswith("103 interviews in the synthetic dataset (tech)")
    explorer._behaviour.value = "none"
    assert "(tech · no follow-up)" in explorer.value.words[0]
    assert "slow by construction" in explorer._words.value


def test_the_rates_view_shows_the_table_and_its_caveat(explorer):
    explorer._view.value = "rates"
    rates = explorer.value.rates
    assert isinstance(rates, pd.DataFrame) and list(rates["group"])[:2] == ["yes", "no"]
    assert "no follow-up: 82% of 472 heard a decision" in explorer._words.value
    assert "An association, not a cause" in explorer._words.value
    assert explorer._curve_row.layout.display == "none"


def test_the_fair_comparison_view(explorer):
    explorer._view.value = "landmark"
    comparison = explorer.value.landmark
    assert isinstance(comparison, LandmarkComparison) and comparison.shown
    assert comparison.after_deadline == 10
    assert "Had followed up by then: 16% of 32" in explorer._words.value
    explorer._landmark.value = 2
    assert explorer.value.landmark.after_deadline == 2
    assert "the day the follow-up falls due" in explorer._words.value
    assert explorer._plot.value.startswith("<img")


@pytest.mark.parametrize("view", ["curve", "rates", "landmark"])
def test_small_groups_are_suppressed_in_every_view(explorer, view):
    explorer.set_choices(view=view, stage="interview", industry="government",
                         role_level="senior")
    words = explorer._words.value
    if view == "rates":
        assert "fewer than 5 interviews, not shown" in words
        rates = explorer.value.rates
        assert rates.loc[rates["suppressed"], "n"].isna().all()
    else:
        assert "Fewer than 5" in words and explorer._plot.value == ""


def test_k_follows_the_shared_params(explorer):
    explorer.set_choices(stage="interview", industry="government")
    assert explorer.value.words[0].startswith("29 interviews")
    explorer.model.params = Params(k_anonymity=30)
    assert explorer.value.words[0].startswith("Fewer than 30 interviews")


def test_an_upload_is_anonymised_in_memory_and_becomes_the_data(explorer):
    data = FIXTURE.read_bytes()
    upload(explorer, data, "tracker_sample.csv")
    assert explorer._upload.value == ()  # the raw upload is not kept on the widget
    status = explorer._upload_status.value
    assert "tracker_sample.csv" in status and "Rows: 12 in, 6 out, 6 suppressed" in status
    assert "Columns dropped: &#x27;Company&#x27;" in status  # the report, escaped
    assert explorer._data.value == "cohort" and explorer.value.source == "your cohort"
    assert explorer.value.words[0].startswith("6 applications in your cohort")
    assert explorer._plot.value.startswith("<img")
    assert explorer.upload_result.report.rows_out == 6
    kept = [name for name, value in vars(explorer).items()
            if isinstance(value, (bytes, bytearray, memoryview)) or value is data]
    assert kept == []


def test_the_cohort_knows_it_records_no_follow_ups(explorer):
    explorer.model.params = Params(k_anonymity=2)  # so that its two interviews are kept
    upload(explorer, FIXTURE.read_bytes(), "tracker_sample.csv")
    explorer._view.value = "landmark"
    assert "Follow-ups are not recorded in your cohort" in explorer._words.value
    explorer._view.value = "rates"
    assert "not recorded in this file" in explorer._words.value
    explorer._data.value = "synthetic"
    assert explorer.value.source == "the synthetic dataset"


def test_html_in_a_cell_and_in_the_file_name_is_escaped(explorer):
    rows = ("Industry,Date sent,Status\n"
            + "<script>alert(1)</script>,1/9/2023,Ghosted\n" * 6)
    upload(explorer, rows.encode(), "<img src=x onerror=alert(1)>.csv")
    status = explorer._upload_status.value
    assert "<script>" not in status and "&lt;script&gt;" in status
    assert "<img src=x" not in status
    labels = " ".join(label for label, _ in explorer._data.options)
    assert "onerror" in labels  # a dropdown label is text, never HTML


@pytest.mark.parametrize("data, name, message", [
    (b"%PDF-1.4", "notes.pdf", "is a &#x27;.pdf&#x27; file, not a tracker export"),
    (b'Date sent,Status\n"1/9/2023,Ghosted\n', "broken.csv", "is not well-formed CSV"),
    ("Date sent\n1/9/2023\n".encode("utf-16"), "utf16.csv", "is not a text (CSV) file"),
    (b"", "empty.csv", "is empty"),
    (b"PK\x03\x04 not really", "fake.xlsx", "cannot be opened as an Excel workbook"),
    (b"Company,Date sent\nAcme,1/9/2023\n", "tiny.csv", "no group of 5 similar applications"),
])
def test_a_bad_upload_shows_one_plain_line(explorer, data, name, message):
    before = explorer.value
    upload(explorer, data, name)
    status = explorer._upload_status.value
    assert status.startswith('<div class="fc-error"') and message in status
    assert status.count("<div") == 1 and "Traceback" not in status
    assert explorer._upload.value == () and explorer._data.value == "synthetic"
    assert explorer.value == before


def test_a_good_upload_after_a_bad_one(explorer):
    upload(explorer, b"", "empty.csv")
    upload(explorer, FIXTURE.read_bytes(), "tracker_sample.csv")
    assert "fc-error" not in explorer._upload_status.value and explorer._data.value == "cohort"


def test_the_export_date_reaches_the_anonymiser(explorer):
    explorer._exported.value = dt.date(2023, 6, 30)
    upload(explorer, FIXTURE.read_bytes(), "tracker_sample.csv")
    assert "no export-date column" not in explorer._upload_status.value
    explorer._exported.value = dt.date(2023, 1, 1)  # before the applications: refused
    upload(explorer, FIXTURE.read_bytes(), "tracker_sample.csv")
    assert "fc-error" in explorer._upload_status.value


def test_pictures_are_drawn_once_per_choice(explorer):
    first = explorer._plot.value
    explorer._segment["industry"].value = "finance"
    explorer._segment["industry"].value = "any"
    assert explorer._plot.value == first and len(explorer._pictures) == 2


def test_projector_mode_marks_the_widget():
    explorer = OutcomeExplorer(projector=True)
    assert "fc-projector" in explorer._dom_classes


def test_it_can_start_from_a_given_table():
    from followup_lib.outcomes.generator import generate_applications

    explorer = OutcomeExplorer(data=generate_applications(500, seed=3))
    assert explorer.value.words[0].startswith("500 applications in your data")


def test_the_caveats_follow_the_data_shown(explorer):
    assert "What the synthetic data cannot show" in explorer._cannot_show.value
    upload(explorer, FIXTURE.read_bytes(), "tracker_sample.csv")
    assert "What this cohort cannot show" in explorer._cannot_show.value
    assert "Tip: set <b>Exported on</b>" in explorer._upload_status.value
    explorer._data.value = "synthetic"
    assert "What the synthetic data cannot show" in explorer._cannot_show.value
