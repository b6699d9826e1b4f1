"""Segments, the chance of still hearing back, the landmark comparison, in-memory uploads.

Pure functions of ``followup_lib.outcomes`` (segments, chance, landmark, upload, silence,
segment_plots), tested without a browser.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from followup_lib.errors import InputError
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.params import Params
from followup_lib.outcomes.analysis import fit_response_curve, p_response_given_silent
from followup_lib.outcomes.chance import chance_still_hearing
from followup_lib.outcomes.landmark import landmark_comparison, landmark_day
from followup_lib.outcomes.loader import load_applications
from followup_lib.outcomes.rates import response_rates_by_follow_up
from followup_lib.outcomes.segments import (Segment, SegmentCurves, behaviour_mask,
                                            segment_options, shipped_curves, stage_durations)
from followup_lib.outcomes.silence import read_silence, silence_html
from followup_lib.outcomes.tracker.anonymise import anonymise_file
from followup_lib.outcomes.tracker.reader import read_tracker, read_tracker_bytes
from followup_lib.outcomes.upload import MAX_UPLOAD_BYTES, anonymise_upload, upload_name

FIXTURE = Path(__file__).parent / "fixtures" / "tracker_sample.csv"


@pytest.fixture(scope="module")
def df():
    return load_applications()


@pytest.fixture(scope="module")
def curves(df):
    return SegmentCurves(df, "the synthetic dataset")


# --- segments ---------------------------------------------------------------------------

def test_a_segment_checks_its_codes_and_says_itself_in_words():
    assert Segment(industry="any", company_size="", role_level=None) == Segment()
    assert Segment(industry="tech", company_size="large").label() == "tech · large firms (1,000+)"
    with pytest.raises(InputError, match="role_level: 'boss' is not a code"):
        Segment(role_level="boss")


def test_segment_mask_keeps_only_its_rows(df):
    mask = Segment(industry="government", role_level="senior").mask(df)
    chosen = df[mask]
    assert len(chosen) > 0 and set(chosen["industry"]) == {"government"}
    assert set(chosen["role_level"]) == {"senior"}


def test_dropdown_options_start_with_any_and_cover_every_code():
    options = segment_options("company_size")
    assert options[0] == ("any company size", "any")
    assert [code for _, code in options[1:]] == ["small", "medium", "large", "unknown"]
    with pytest.raises(InputError, match="not a segment column"):
        segment_options("salary")


def test_stage_durations_use_decisions_for_interviews_and_responses_for_applications(df):
    days, answered, undated = stage_durations(df, "interview")
    interviews = df[df["interviewed"]]
    assert len(days) == len(interviews) == 561 and undated == 0
    assert int(answered.sum()) == int((~interviews["decision_censored"].astype(bool)).sum())
    days, answered, _ = stage_durations(df, "application")
    assert len(days) == 3000 and int((~answered).sum()) == 1088
    with pytest.raises(InputError, match="stage"):
        stage_durations(df, "offer")


def test_behaviour_filters_interviews_and_only_for_decisions(df, curves):
    late = behaviour_mask(df, "late")
    assert int(late.sum()) == 20
    days, _, _ = curves.durations(Segment(), "interview", "late")
    assert len(days) == 20
    with pytest.raises(InputError, match="behaviour"):
        curves.durations(Segment(), "application", "late")
    with pytest.raises(InputError, match="behaviour"):
        behaviour_mask(df, "often")


def test_curves_are_fitted_once_per_segment(curves):
    first = curves.curve(Segment(industry="finance"), "interview")
    assert curves.curve(Segment(industry="finance"), "interview") is first
    assert curves.curve(Segment(industry="retail"), "interview") is not first


def test_shipped_curves_are_shared():
    assert shipped_curves() is shipped_curves()
    assert shipped_curves().source == "the synthetic dataset"


# --- the chance of still hearing back -----------------------------------------------------

def test_chance_for_all_applications_is_the_summary_figure(df):
    result = chance_still_hearing(df, 14, stage="application")
    expected = p_response_given_silent(fit_response_curve(df), (14,))[14]
    assert result.chance == pytest.approx(expected) and not result.suppressed


def test_chance_after_an_interview_falls_with_the_days(curves):
    chances = [curves_chance(curves, s) for s in (3, 7, 14, 28)]
    assert chances == sorted(chances, reverse=True)
    result = chance_still_hearing(curves, 14)
    assert (result.n, result.still_waiting) == (561, 145)
    assert "about 31%" in result.words() and "not your own odds" in result.words()


def curves_chance(curves, s):
    return chance_still_hearing(curves, s).chance


def test_a_small_segment_is_suppressed_and_says_so(curves):
    result = chance_still_hearing(curves, 10, segment=Segment(industry="government",
                                                              role_level="senior"))
    assert result.suppressed and result.reason == "small_segment"
    assert result.chance is None and result.n is None and result.curve is None
    words = result.words()
    assert "Fewer than 5 interviews" in words and "suppressed" in words
    assert not any(ch.isdigit() for ch in words.replace("5", ""))  # no count leaks out


def test_k_comes_from_params_or_k(curves):
    segment = Segment(industry="government")  # 29 interviews
    assert not chance_still_hearing(curves, 7, segment=segment).suppressed
    assert chance_still_hearing(curves, 7, segment=segment,
                                params=Params(k_anonymity=30)).reason == "small_segment"
    assert chance_still_hearing(curves, 7, segment=segment, k=30).reason == "small_segment"


def test_too_few_still_waiting_shows_no_chance(curves):
    result = chance_still_hearing(curves, 400, segment=Segment(industry="government"))
    assert result.reason == "few_still_waiting" and result.chance is None
    assert result.curve is not None and "too few to estimate" in result.words()


def test_chance_refuses_bad_days(curves):
    with pytest.raises(InputError, match="silent_days"):
        chance_still_hearing(curves, -1)
    with pytest.raises(InputError, match="silent_days"):
        chance_still_hearing(curves, float("nan"))


def test_chance_result_as_json_and_html(curves):
    result = chance_still_hearing(curves, 14, segment=Segment(industry="tech"))
    data = json.loads(json.dumps(result.to_dict()))
    assert data["segment"] == {"industry": "tech"} and 0 < data["chance"] < 1
    assert result._repr_html_().startswith('<div class="fc-chance" data-suppressed="false">')


# --- the landmark comparison --------------------------------------------------------------

def _landmark_table() -> pd.DataFrame:
    """Five interviews with a 5-business-day timeline: the landmark (+10) is day 21."""
    return pd.DataFrame({
        "industry": ["tech"] * 5, "company_size": ["small"] * 5, "role_level": ["mid"] * 5,
        "interviewed": [True] * 5,
        "timeline_business_days": pd.array([5] * 5, dtype="Int64"),
        "follow_up_timing": ["none", "on_time", "none", "none", "late"],
        "follow_up_business_days": pd.array([None, 5, None, None, 15], dtype="Int64"),
        "decision_days": [10.0, 30.0, 40.0, 60.0, 25.0],
        "decision_censored": pd.array([False, False, True, False, False], dtype="boolean"),
    })


def test_landmark_keeps_those_still_waiting_and_groups_by_what_was_done_by_then():
    result = landmark_comparison(_landmark_table(), k=1)
    # A decided on day 10 (before day 21): out. B followed up at +5: by then. C left the data
    # 19 days after the landmark, undecided: not counted. D and E had not followed up by +10
    # (E only at +15): not yet. D's decision came 39 days after, E's 4 days after.
    assert result.waiting == 4 and result.left_early == 1
    followed, not_yet = result.groups
    assert (followed.n, followed.chance) == (1, 1.0)
    assert (not_yet.n, not_yet.chance) == (2, 0.5)


def test_landmark_day_in_calendar_days():
    assert landmark_day(np.array([10, 5, 2]), 10).tolist() == [28.0, 21.0, 17.0]


def test_landmark_removes_the_tilt_of_the_plain_table(df):
    plain = response_rates_by_follow_up(df).set_index("group")["rate"]
    assert plain["none"] - plain["late"] > 0.5  # the plain table: a huge gap
    result = landmark_comparison(df)
    followed, not_yet = result.groups
    assert abs(followed.chance - not_yet.chance) < 0.1
    assert result.words()[-1].startswith("Both groups were waiting on the same day")


def test_landmark_suppresses_both_groups_when_one_is_small(df):
    result = landmark_comparison(df, segment=Segment(industry="government"))
    assert not result.shown and all(g.suppressed and g.n is None for g in result.groups)
    assert "neither is shown" in " ".join(result.words())
    tiny = landmark_comparison(df, segment=Segment(industry="government", role_level="senior"))
    assert tiny.interviews is None and "Fewer than 5 interviews" in tiny.words()[0]


def test_landmark_says_when_follow_ups_are_not_recorded():
    cohort = anonymise_upload(FIXTURE.read_bytes(), FIXTURE.name, k=2).table
    result = landmark_comparison(cohort, k=1)
    assert not result.in_file and "not recorded" in result.words()[0]


def test_landmark_with_no_interviews_says_so():
    cohort = anonymise_upload(FIXTURE.read_bytes(), FIXTURE.name).table  # k=5: none kept
    assert not cohort["interviewed"].any()
    result = landmark_comparison(cohort, source="your cohort")
    assert result.interviews == 0 and result.words() == [
        "There are no interviews in your cohort (all): nothing to compare."]


def test_landmark_refuses_bad_arguments(df):
    with pytest.raises(InputError, match="after_deadline"):
        landmark_comparison(df, after_deadline=-1)
    with pytest.raises(InputError, match="horizon_days"):
        landmark_comparison(df, horizon_days=0)


def test_landmark_result_as_json_and_escaped_html(df):
    result = landmark_comparison(df, source="<b>cohort</b>")
    assert json.loads(json.dumps(result.to_dict()))["groups"][0]["group"] == "followed_up"
    html = result._repr_html_()
    assert "&lt;b&gt;cohort&lt;/b&gt;" in html and "<b>cohort</b>" not in html


# --- uploads, in memory -------------------------------------------------------------------

def test_bytes_are_read_as_the_file_is():
    assert read_tracker_bytes(FIXTURE.read_bytes(), FIXTURE.name).table.equals(
        read_tracker(FIXTURE))


def test_an_upload_is_anonymised_as_the_command_does(tmp_path):
    result = anonymise_upload(FIXTURE.read_bytes(), FIXTURE.name, k=2)
    report = anonymise_file(FIXTURE, tmp_path / "out.csv", k=2)
    assert result.report.to_dict() == report.to_dict()
    assert result.table.equals(load_applications(tmp_path / "out.csv"))
    assert "Company" in result.report.columns_dropped


def test_an_upload_is_never_written_to_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def no_files(*args, **kwargs):
        raise AssertionError("the upload touched the disk")

    for name in ("mkstemp", "NamedTemporaryFile", "TemporaryFile", "mkdtemp"):
        monkeypatch.setattr(tempfile, name, no_files)
    monkeypatch.setattr("followup_lib.outcomes.loader.save_applications", no_files)
    anonymise_upload(FIXTURE.read_bytes(), FIXTURE.name, k=2)
    assert list(tmp_path.iterdir()) == []


def test_an_excel_upload_is_read_from_memory():
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2025"
    table = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    sheet.append(list(table.columns))
    for row in table.itertuples(index=False):
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    result = anonymise_upload(buffer.getvalue(), "cohort.xlsx", k=2)
    assert result.report.sheet == "2025" and result.report.rows_in == 12


@pytest.mark.parametrize("data, name, message", [
    (b"%PDF-1.4 ...", "notes.pdf", "is a '.pdf' file, not a tracker export"),
    (b"", "cohort.csv", "is empty"),
    (b"   \n", "cohort.csv", "is empty"),
    ("Date sent\n1/1/2023\n".encode("utf-16"), "cohort.csv", "is not a text (CSV) file"),
    (b"Date sent,Status\n\x81\x8d\x90,\x9d\n", "cohort.csv", "is not a text (CSV) file"),
    (b'Date sent,Status\n"1/1/2023,Ghosted\n', "cohort.csv", "not well-formed CSV"),
    (b"not a zip", "cohort.xlsx", "cannot be opened as an Excel workbook"),
    (b"Date sent\n1/1/2023\n", "cohort", "a file with no ending"),
])
def test_a_bad_upload_is_one_clear_error(data, name, message):
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        anonymise_upload(data, name)
    assert "\n" not in str(caught.value)


def test_an_oversized_upload_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr("followup_lib.outcomes.upload.MAX_UPLOAD_BYTES", 10)
    with pytest.raises(InputError, match="MB a tracker export needs"):
        anonymise_upload(FIXTURE.read_bytes(), FIXTURE.name)
    assert MAX_UPLOAD_BYTES >= 1_000_000


def test_an_upload_name_keeps_no_folder_and_is_cut_short():
    assert upload_name("../../etc/passwd.csv") == "passwd.csv"
    assert upload_name("C:\\Users\\sam\\t.csv") == "t.csv"
    assert len(upload_name("x" * 500 + ".csv")) == 80


def test_html_in_an_upload_is_escaped_in_its_card():
    rows = "Industry,Date sent,Status\n" + "<script>alert(1)</script>,1/9/2023,Ghosted\n" * 5
    result = anonymise_upload(rows.encode(), "<b>cohort</b>.csv")
    assert "<script>" not in " ".join(result.table.astype(str).to_numpy().ravel())
    html = result._repr_html_()
    assert "<script>" not in html and "<b>cohort" not in html and "&lt;script&gt;" in html


# --- reading the silence of a case --------------------------------------------------------

CASE = {"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20",
        "contacts": [{"at": "2026-11-16T18:00:00-05:00", "kind": "thank_you"},
                     {"at": "2026-11-24", "kind": "follow_up"},
                     {"at": "2026-12-02", "kind": "second_attempt", "to": "HR"}]}


def test_the_silence_of_a_case_in_days_messages_and_next_step():
    reading = read_silence(Case.from_dict(CASE), today=date(2026, 12, 4))
    assert reading.days_since_interview == 18 and reading.days_since_last_sent == 2
    assert [s.kind for s in reading.sent] == ["thank_you", "follow_up", "second_attempt"]
    assert reading.sent_words()[2] == "Wed 02 Dec: one more attempt by email to HR"
    assert reading.sent_words()[-1].startswith("3 of the 3 messages")
    assert reading.action == "wait" and "employer's" in reading.headline
    assert any(r.startswith("Stage 7") for r in reading.reasons)


def test_later_messages_are_ignored_and_a_decision_ends_the_silence():
    reading = read_silence(Case.from_dict(CASE), today=date(2026, 11, 20))
    assert len(reading.sent) == 1 and reading.silent
    decided = Case.from_dict({**CASE, "responses": [{"at": "2026-12-03", "kind": "decision"}]})
    reading = read_silence(decided, today=date(2026, 12, 4))
    assert reading.decided and not reading.silent and "no silence" in reading.silence_words()


def test_before_the_interview_there_is_no_silence():
    reading = read_silence(Case.from_dict(CASE), today=date(2026, 11, 10))
    assert reading.days_since_interview == -6 and not reading.silent
    assert reading.silence_words() == "Your interview is in 6 days: no silence yet."


def test_the_silence_card_escapes_every_text():
    case = Case.from_dict({**CASE, "contacts": [{"at": "2026-11-16", "kind": "thank_you",
                                                 "to": "<img src=x onerror=alert(1)>"}]})
    html = silence_html(read_silence(case, today=date(2026, 11, 20)))
    assert "<img" not in html and "&lt;img" in html


# --- plots --------------------------------------------------------------------------------

def test_the_silence_plot_is_labelled_for_decisions_and_suppression_draws_words(curves):
    import matplotlib.pyplot as plt

    from followup_lib.outcomes.segment_plots import plot_landmark, plot_silence

    ax = plot_silence(chance_still_hearing(curves, 14))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert ax.get_xlabel() == "days since the interview" and "you are here" not in legend
    assert any("no decision ever" in t.get_text() for t in ax.texts)
    small = plot_silence(chance_still_hearing(curves, 14, segment=Segment(
        industry="government", role_level="senior")))
    assert not small.lines and "Fewer than 5" in small.texts[0].get_text()
    suppressed = plot_landmark(landmark_comparison(curves.df, segment=Segment(
        industry="government")))
    assert not suppressed.patches[1:] and "neither is shown" in suppressed.texts[0].get_text()
    plt.close("all")


def test_png_bytes_honours_projector_mode(curves):
    from followup_lib.outcomes.segment_plots import plot_silence, png_bytes
    from followup_lib.projector_mode import projector

    chance = chance_still_hearing(curves, 14)

    def width(png: bytes) -> int:
        return int.from_bytes(png[16:20], "big")

    normal = png_bytes(lambda ax: plot_silence(chance, ax=ax), projector=False)
    projector(True)
    try:
        large = png_bytes(lambda ax: plot_silence(chance, ax=ax))
    finally:
        projector(False)
    assert width(large) > width(normal) == 640


def test_plots_made_in_projector_mode_use_the_projector_style(curves):
    import matplotlib.pyplot as plt

    from followup_lib.outcomes.segment_plots import plot_landmark
    from followup_lib.projector_mode import projector

    comparison = landmark_comparison(curves.df)
    normal = plot_landmark(comparison).get_figure().get_size_inches().tolist()
    projector(True)
    try:
        large = plot_landmark(comparison).get_figure().get_size_inches().tolist()
    finally:
        projector(False)
    assert large == [13.0, 7.5] and normal != large
    plt.close("all")


def test_the_new_modules_import_without_matplotlib_or_lifelines():
    probe = ("import importlib, json, sys\n"
             "for name in sys.argv[1:]: importlib.import_module(name)\n"
             "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & "
             "{'matplotlib', 'lifelines', 'ipywidgets'})))")
    modules = [f"followup_lib.outcomes.{name}" for name in
               ("segments", "chance", "landmark", "upload", "silence", "segment_plots")]
    result = subprocess.run([sys.executable, "-c", probe, *modules], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []
