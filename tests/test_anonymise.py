"""The anonymiser: schema columns, k-anonymity, the report, and safe file handling."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from followup_lib.errors import InputError
from followup_lib.outcomes.loader import load_applications
from followup_lib.outcomes.schema import COLUMN_NAMES, validate_applications
from followup_lib.outcomes.tracker.anonymise import anonymise_file, anonymise_table
from followup_lib.outcomes.tracker.k_anonymity import QUASI_IDENTIFIERS, k_anonymise
from followup_lib.outcomes.tracker.mapping import TrackerMapping, load_mapping
from followup_lib.outcomes.tracker.reader import read_tracker

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "tracker_sample.csv"
REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "real-data"
REAL_TRACKER = REAL_DATA / "job-application-statistics-merged.csv"


def smallest_group(table: pd.DataFrame) -> int:
    return int(table.groupby(list(QUASI_IDENTIFIERS), observed=True).size().min())


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tracker(rows: int = 10, **columns) -> pd.DataFrame:
    """A raw tracker of text cells, indexed like spreadsheet rows."""
    data = {"Date sent": ["1/10/2022"] * rows, "Status": ["Ghosted"] * rows, **columns}
    return pd.DataFrame(data, index=range(2, 2 + rows))


# --- the real tracker ------------------------------------------------------------------
@pytest.fixture(scope="module")
def real_result():
    if not REAL_TRACKER.is_file():
        pytest.skip(f"the real tracker is not here ({REAL_TRACKER.name} is only in the "
                    "project's shared/ folder, not in a clone of the repository)")
    source = pd.read_csv(REAL_TRACKER, dtype=str)
    anonymised, report = anonymise_table(read_tracker(REAL_TRACKER))
    return source, anonymised, report


def test_real_tracker_leaks_no_company_title_site_or_exact_date(real_result):
    source, anonymised, _ = real_result
    identifying = ["Company", "Position", "Website", "Application site", "Location"]
    date_columns = ["Date sent", "Date Interview", "Date of 1st Response", "Current Date"]
    secrets = set()
    for column in identifying + date_columns:
        secrets |= {v.strip().lower() for v in source[column].dropna() if len(v.strip()) >= 4}
    for column in date_columns:  # the same dates written the ISO way
        dates = pd.to_datetime(source[column], format="mixed").dropna()
        secrets |= set(dates.dt.strftime("%Y-%m-%d")) | set(dates.dt.strftime("%m/%d/%Y"))
    cells = {str(v).lower() for v in anonymised.astype(str).to_numpy().ravel()}
    assert len(secrets) > 300 and len(cells) > 20
    leaks = sorted((s, c) for s in secrets for c in cells if s in c)
    assert leaks == []


def test_real_tracker_outcomes_map_onto_the_schema(real_result):
    source, anonymised, report = real_result
    assert report.rows_in == len(source) == 177
    counts = anonymised["outcome"].value_counts()
    # Ghosted 114; Rejected 49 + "Inter + Rejec" 2; Interview 10, of which one had an offer
    assert counts["no_response"] == 114 and counts["rejection"] == 51
    assert counts["offer"] == 2 and counts["pending"] == 9 and counts["position_removed"] == 1
    assert anonymised["interviewed"].sum() == 13
    assert report.columns_used["applied"] == "Date sent"
    assert {"Company", "Position", "Website", "Salary.Amount"} <= set(report.columns_dropped)


def test_real_tracker_response_days_match_the_published_figures(real_result):
    _, anonymised, report = real_result
    assert report.rows_suppressed == 0
    answered = anonymised.loc[~anonymised["response_censored"], "response_days"]
    # CALIBRATION.md: over 64 answered rows, median 3 and mean 20.2 days
    assert len(answered) == 64
    assert answered.median() == 3
    assert round(answered.mean(), 1) == 20.2


def test_real_tracker_is_k_anonymous_and_valid(real_result):
    _, anonymised, report = real_result
    assert smallest_group(anonymised) >= 5 == report.k_requested
    assert report.k_achieved == smallest_group(anonymised)
    assert list(validate_applications(anonymised).columns) == list(COLUMN_NAMES)


# --- columns ---------------------------------------------------------------------------
def test_sample_tracker_fills_the_schema():
    anonymised, report = anonymise_table(read_tracker(SAMPLE), k=2)
    typed = validate_applications(anonymised)
    assert list(anonymised.columns) == list(COLUMN_NAMES)
    assert typed.dtypes.astype(str).equals(anonymised.dtypes.astype(str))
    assert anonymised["app_id"].tolist() == [f"A{i:06d}" for i in range(1, report.rows_out + 1)]
    assert report.columns_dropped == ("Company", "Position", "Job Link", "Location",
                                      "Contact Email", "Notes")
    assert report.labels_generalised == {"industry": ("Consulting",)}
    assert report.rows_out + report.rows_suppressed == report.rows_in == 12


def test_day_offsets_and_censoring():
    raw = pd.DataFrame({
        "Date sent": ["1/10/2022", "1/10/2022", "1/10/2022", "1/10/2022"],
        "Date of 1st Response": ["1/14/2022", "", "1/12/2022", "1/12/2022"],
        "Date Interview": ["", "", "1/20/2022", "1/20/2022"],
        "Decision Date": ["", "", "1/30/2022", ""],
        "Status": ["Rejected", "Ghosted", "Rejected", "Interview"],
        "Current Date": ["2/9/2022"] * 4,
    }, index=range(2, 6))
    out, _ = anonymise_table(raw, k=1)
    by_days = out.set_index("response_days")
    assert by_days.loc[4, "outcome"] == "rejection" and not by_days.loc[4, "interviewed"]
    assert by_days.loc[30, "response_censored"]  # to the current date
    interviewed = out[out["interviewed"]].set_index("outcome")
    assert interviewed.loc["rejection", "decision_days"] == 10
    assert not interviewed.loc["rejection", "decision_censored"]
    assert interviewed.loc["pending", "decision_days"] == 20  # watched to the current date
    assert interviewed.loc["pending", "decision_censored"]
    assert set(interviewed["interview_round"]) == {"unknown"}
    validate_applications(out)


def test_follow_ups_are_unknown_after_an_interview_and_not_applicable_without():
    raw = pd.DataFrame({
        "Date sent": ["1/10/2022"] * 3,
        "Date of 1st Response": ["1/12/2022", "1/12/2022", ""],
        "Date Interview": ["1/20/2022", "", ""],
        "Status": ["Interview", "Rejected", "Ghosted"],
    }, index=range(2, 5))
    out, _ = anonymise_table(raw, k=1)
    for column in ("follow_up_timing", "follow_up_channel"):
        by_interview = out.groupby("interviewed")[column].agg(set)
        assert by_interview[True] == {"unknown"}, column
        assert by_interview[False] == {"not_applicable"}, column
    assert out["follow_up_business_days"].isna().all()


def test_without_current_date_censoring_runs_to_the_latest_date():
    raw = tracker(2, **{"Date sent": ["1/10/2022", "3/1/2022"]})
    out, _ = anonymise_table(raw, k=1)
    assert sorted(out["response_days"]) == [0, 50]


def test_answer_without_a_date_is_refused():
    raw = tracker(3, Status=["Ghosted", "Rejected", "Ghosted"])
    with pytest.raises(InputError) as err:
        anonymise_table(raw, k=1)
    assert err.value.field == "row 3, column 'Status'"
    assert "no response date" in str(err.value)


def test_offer_flag_turns_a_pending_row_into_an_offer():
    raw = tracker(2, Status=["Interview", "Interview"], **{
        "Date of 1st Response": ["1/11/2022"] * 2, "Job Offer": ["Yes", "No"]})
    out, _ = anonymise_table(raw, k=1)
    assert sorted(out["outcome"].astype(str)) == ["offer", "pending"]


# --- k-anonymity ---------------------------------------------------------------------
def qi_table(months: list[str], **overrides) -> pd.DataFrame:
    base = {"industry": "tech", "company_size": "unknown", "role_level": "entry",
            "interview_round": "none", "outcome": "pending"}
    return pd.DataFrame({**base, **overrides, "applied_month": months})


def test_rows_in_large_groups_keep_their_detail():
    table = qi_table(["2022-01"] * 5 + ["2022-02"] * 3 + ["2022-03"] * 2)
    result = k_anonymise(table, k=5)
    out, steps = result.table, result.steps
    assert out["applied_month"].tolist() == ["2022-01"] * 5 + ["2022-Q1"] * 5
    assert [(s.column, s.from_level, s.to_level, s.rows) for s in steps] == [
        ("applied_month", "month", "quarter", 5)]


def test_ladder_goes_on_until_groups_are_large_enough_then_suppresses():
    table = qi_table(["2021-03", "2022-05", "2023-07", "2023-08", "2023-08"],
                     industry=["tech", "finance", "retail", "unknown", "tech"],
                     interview_round=["none"] * 4 + ["phone"])
    result = k_anonymise(table, k=3)
    out, steps = result.table, result.steps
    assert len(out) == 4 and smallest_group(out) == 4  # the interviewed row is suppressed
    assert set(out["applied_month"]) == {"unknown"} and set(out["industry"]) == {"unknown"}
    assert [(s.column, s.to_level, s.rows) for s in steps] == [
        ("applied_month", "quarter", 5), ("applied_month", "year", 5),
        ("interview_round", "unknown", 1), ("industry", "other", 4),
        ("role_level", "unknown", 5), ("industry", "unknown", 4),
        ("applied_month", "unknown", 5)]


def test_k_anonymity_does_not_depend_on_row_order():
    raw = read_tracker(SAMPLE)
    first, _ = anonymise_table(raw, k=2)
    shuffled, _ = anonymise_table(raw.sample(frac=1, random_state=7), k=2)
    pd.testing.assert_frame_equal(first, shuffled)


@pytest.mark.parametrize("k", [0, -1, 2.5, True])
def test_bad_k_is_refused(k):
    with pytest.raises(InputError, match="^k: must be a whole number"):
        k_anonymise(qi_table(["2022-01"]), k=k)


def test_too_few_rows_for_k_is_refused():
    with pytest.raises(InputError,
                       match=r"^k: no group of 5 .* from 3 rows; give a smaller k= \(e.g. k=2\)"):
        anonymise_table(tracker(3))


# --- the report ------------------------------------------------------------------------
def test_report_as_text_and_json():
    _, report = anonymise_table(read_tracker(SAMPLE), k=2)
    text = report.to_text()
    assert "Rows: 12 in, 10 out, 2 suppressed" in text
    assert "'Company'" in text and "Generalised applied_month: month → quarter" in text
    assert "k-anonymity: asked 2, achieved 2" in text
    data = json.loads(json.dumps(report.to_dict()))
    assert data["rows_suppressed"] == 2 and data["k_achieved"] == 2
    assert data["generalised"][0] == {"column": "applied_month", "from_level": "month",
                                      "to_level": "quarter", "rows": 10}


# --- files -----------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_file_is_written_and_source_untouched(tmp_path, suffix):
    before = sha256(SAMPLE)
    output = tmp_path / f"cohort{suffix}"
    report = anonymise_file(SAMPLE, output, k=2)
    assert sha256(SAMPLE) == before
    loaded = load_applications(output)
    assert len(loaded) == report.rows_out == 10
    assert [p.name for p in tmp_path.iterdir()] == [output.name]


def test_workbook_with_mapping_is_anonymised(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Bewerbungen"
    for row in pd.read_csv(FIXTURES / "tracker_dayfirst.csv", sep=";", dtype=str,
                           keep_default_na=False).pipe(lambda t: [list(t.columns)]
                                                       + t.to_numpy().tolist()):
        sheet.append(row)
    book.save(tmp_path / "t.xlsx")
    mapping = load_mapping(FIXTURES / "tracker_dayfirst_mapping.yaml")
    report = anonymise_file(tmp_path / "t.xlsx", tmp_path / "out.csv", mapping,
                            sheet="Bewerbungen", k=2)
    assert report.rows_in == 6 and report.k_achieved >= 2
    assert (tmp_path / "out.csv").is_file()


def test_the_input_is_never_overwritten(tmp_path):
    source = tmp_path / "tracker.csv"
    source.write_bytes(SAMPLE.read_bytes())
    before = sha256(source)
    for target in (source, tmp_path / "." / "tracker.csv"):
        with pytest.raises(InputError, match="is the input file itself"):
            anonymise_file(source, target, k=2)
    assert sha256(source) == before


@pytest.mark.parametrize("content, problem", [
    ("Date sent,Status\n1/10/2022,Ghosted\n1/99/2022,Ghosted\n", "row 3, column 'Date sent'"),
    ("Company,Status\nAcme,Ghosted\n", "no application-date column"),
    ("Date sent,Status\n1/10/2022,Maybe\n", "'Maybe' is not an outcome label"),
    ("", "is empty"),
])
def test_nothing_is_written_after_an_error(tmp_path, content, problem):
    source = tmp_path / "tracker.csv"
    source.write_text(content, encoding="utf-8")
    output = tmp_path / "out.csv"
    with pytest.raises(InputError, match=problem):
        anonymise_file(source, output, k=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.csv"]


@pytest.mark.parametrize("output, problem", [
    ("out.txt", "does not end in .csv or .parquet"),
    ("missing/out.csv", "does not exist"),
])
def test_bad_output_paths_are_refused_before_reading(tmp_path, output, problem):
    with pytest.raises(InputError, match=f"^output: .*{problem}"):
        anonymise_file(tmp_path / "not-read.csv", tmp_path / output)


def test_mapping_object_can_be_built_in_code():
    mapping = TrackerMapping.from_dict({"applied": "Sent on", "outcome": "Result"})
    raw = pd.DataFrame({"Sent on": ["2022-01-10"] * 5, "Result": ["No reply"] * 5},
                       index=range(2, 7))
    out, report = anonymise_table(raw, mapping)
    assert report.columns_used == {"applied": "Sent on", "outcome": "Result"}
    assert set(out["outcome"].astype(str)) == {"no_response"}
