"""Problems found by a coach running ``followup anonymise`` on a real cohort tracker.

Decisions without a decision date, withdrawn candidates, which workbook sheet was read,
and the warnings the report gives when a number cannot be computed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import followup_lib.cli as cli
from followup_lib.errors import InputError
from followup_lib.outcomes.analysis import summarise
from followup_lib.outcomes.generator import generate_applications
from followup_lib.outcomes.loader import load_applications
from followup_lib.outcomes.rates import response_rates_by_follow_up
from followup_lib.outcomes.schema import validate_applications
from followup_lib.outcomes.tracker.anonymise import anonymise_file, anonymise_table
from followup_lib.outcomes.tracker.reader import read_tracker

#: 20 interviews (3 offers, 10 rejections, 2 withdrawals, 5 still interviewing), 15
#: rejections without an interview and 25 applications never answered.
INTERVIEW_ENDINGS = ["Offer"] * 3 + ["Rejected"] * 10 + ["Withdrawn"] * 2 + ["Interviewing"] * 5


def cohort_tracker(decision_dates: bool = True) -> pd.DataFrame:
    """A 60-row tracker like the coach's, with or without a decision-date column."""
    day = pd.Timestamp("2024-01-08")
    rows = []
    for i in range(60):
        applied = day + pd.Timedelta(days=i % 20)
        row = {"Company": f"Employer {i}", "Date Applied": applied, "Status": "Ghosted",
               "Date of 1st Response": pd.NaT, "Interview Date": pd.NaT,
               "Decision Date": pd.NaT}
        if i < 20:
            row["Date of 1st Response"] = applied + pd.Timedelta(days=3)
            row["Interview Date"] = applied + pd.Timedelta(days=8)
            row["Status"] = INTERVIEW_ENDINGS[i]
            if row["Status"] != "Interviewing":
                row["Decision Date"] = applied + pd.Timedelta(days=8 + 2 + i % 9)
        elif i < 35:
            row["Date of 1st Response"] = applied + pd.Timedelta(days=5)
            row["Status"] = "Rejected"
        rows.append(row)
    table = pd.DataFrame(rows)
    for column in ("Date Applied", "Date of 1st Response", "Interview Date", "Decision Date"):
        table[column] = table[column].dt.strftime("%Y-%m-%d").fillna("")
    table["Current Date"] = "2024-04-01"
    if not decision_dates:
        table = table.drop(columns="Decision Date")
    table.index = range(2, 2 + len(table))
    return table


def unrecorded_follow_up_row(table: pd.DataFrame) -> pd.Series:
    rates = response_rates_by_follow_up(validate_applications(table))
    return rates.set_index(["factor", "group"]).loc[("follow_up_timing", "unknown")]


# --- 1. a decision is heard even without a decision date ---------------------------------
@pytest.mark.parametrize("decision_dates", [True, False])
def test_offers_and_rejections_count_as_decisions_heard_with_or_without_a_date(
        decision_dates):
    out, _ = anonymise_table(cohort_tracker(decision_dates))
    row = unrecorded_follow_up_row(out)
    assert (row["n"], row["responded"]) == (20, 13)
    assert row["rate"] == pytest.approx(0.65)


def test_without_a_decision_date_the_days_are_empty_but_the_decision_is_known():
    out, _ = anonymise_table(cohort_tracker(decision_dates=False))
    decided = out[out["outcome"].isin(["offer", "rejection"]) & out["interviewed"]]
    assert len(decided) == 13
    assert decided["decision_days"].isna().all()
    assert (~decided["decision_censored"].astype(bool)).all()
    waiting = out[(out["outcome"] == "pending") & out["interviewed"]]
    assert waiting["decision_censored"].astype(bool).all()
    assert waiting["decision_days"].notna().all()  # watched to the current date
    validate_applications(out)


def test_the_report_warns_when_decision_days_cannot_be_computed():
    _, report = anonymise_table(cohort_tracker(decision_dates=False))
    warning = next(w for w in report.warnings if "decision_days" in w)
    assert "empty for 15 of 20 interviews (15 with no decision date: the tracker has no " \
           "decision-date column)" in warning
    assert f"Warning: {warning}" in report.to_text()
    assert warning in report.to_dict()["warnings"]
    _, dated = anonymise_table(cohort_tracker(decision_dates=True))
    assert not any("decision_days" in w for w in dated.warnings)


def test_the_warning_tells_an_undated_interview_from_an_undated_decision():
    raw = cohort_tracker(decision_dates=True)
    raw.loc[2:4, "Interview Date"] = ""  # rows 2-4 stay interviewed: offers
    raw.loc[5, "Decision Date"] = ""
    _, report = anonymise_table(raw)
    (warning,) = [w for w in report.warnings if "decision_days" in w]
    assert "empty for 4 of 20 interviews (3 with no interview date; 1 with no decision " \
           "date)" in warning


def test_the_report_warns_about_follow_ups_and_thank_yous_a_tracker_lacks():
    _, report = anonymise_table(cohort_tracker())
    text = " ".join(report.warnings)
    assert "no thank-you column" in text
    assert "follow-ups" in text


def test_summary_of_an_anonymised_tracker_counts_every_interview():
    out, _ = anonymise_table(cohort_tracker(decision_dates=False))
    report = summarise(validate_applications(out))
    unknown = next(r for r in report["follow_up"] if r["group"] == "unknown")
    assert (unknown["n"], unknown["responded"]) == (20, 13)


def test_an_old_anonymised_file_without_censoring_still_counts_its_decisions():
    """Files written before the fix have empty decision_days and decision_censored."""
    out, _ = anonymise_table(cohort_tracker(decision_dates=False))
    old = out.copy()
    decided = old["outcome"].isin(["offer", "rejection"])
    old.loc[decided, "decision_censored"] = pd.NA
    row = unrecorded_follow_up_row(old)
    assert (row["n"], row["responded"]) == (20, 13)


# --- 5. a candidate who withdrew heard no employer decision ------------------------------
def test_withdrawn_after_an_interview_is_no_decision_heard_in_tracker_and_generator():
    out, _ = anonymise_table(cohort_tracker(decision_dates=True))
    withdrawn = out[(out["outcome"] == "withdrawn") & out["interviewed"]]
    assert len(withdrawn) == 2
    assert withdrawn["decision_censored"].astype(bool).all()
    assert withdrawn["decision_days"].notna().all()  # watched until the withdrawal
    generated = generate_applications(1000, seed=5)
    gen_withdrawn = generated[(generated["outcome"] == "withdrawn") & generated["interviewed"]]
    assert len(gen_withdrawn) > 0
    assert gen_withdrawn["decision_censored"].astype(bool).all()


def test_the_schema_refuses_a_withdrawal_marked_as_a_decision_heard():
    table = load_applications()
    where = table.index[(table["outcome"] == "withdrawn") & table["interviewed"]][0]
    table.loc[where, "decision_censored"] = False
    with pytest.raises(InputError, match="withdr") as err:
        validate_applications(table)
    assert f"row {where + 1} " in str(err.value)


# --- 3. which sheet was read -------------------------------------------------------------
def workbook(path: Path, sheets: dict[str, pd.DataFrame]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, table in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(list(table.columns))
        for row in table.itertuples(index=False):
            sheet.append(list(row))
    book.save(path)
    return path


NOTES = pd.DataFrame({"Date Applied": ["2024-01-02"] * 3, "Status": ["Ghosted"] * 3})
NO_DATES = pd.DataFrame({"Note": ["remember to follow up", "ask about salary"]})


def test_the_report_names_the_sheet_and_the_others_when_none_was_chosen(tmp_path):
    source = workbook(tmp_path / "tracker.xlsx", {"2025": cohort_tracker(), "Notes": NOTES,
                                                  "Archive": NOTES})
    report = anonymise_file(source, tmp_path / "out.csv")
    assert (report.sheet, report.other_sheets) == ("2025", ("Notes", "Archive"))
    assert "Sheet read: '2025' (the workbook also has 'Notes', 'Archive'" in report.to_text()
    data = json.loads(json.dumps(report.to_dict()))
    assert data["sheet"] == "2025" and data["other_sheets"] == ["Notes", "Archive"]


def test_a_chosen_sheet_is_named_without_the_others(tmp_path):
    source = workbook(tmp_path / "tracker.xlsx", {"Notes": NOTES, "2025": cohort_tracker()})
    report = anonymise_file(source, tmp_path / "out.csv", sheet="2025")
    assert (report.sheet, report.other_sheets) == ("2025", ())
    assert "Sheet read: '2025'\n" in report.to_text() + "\n"
    assert "also has" not in report.to_text()


def test_a_csv_report_names_no_sheet(tmp_path):
    source = tmp_path / "tracker.csv"
    cohort_tracker().to_csv(source, index=False)
    report = anonymise_file(source, tmp_path / "out.csv")
    assert report.sheet is None and "Sheet read" not in report.to_text()


HINT = "read sheet 'Notes'; the workbook also has '2025', 'Archive': pass sheet=NAME"
CLI_HINT = HINT.replace("pass sheet=NAME", "pass --sheet NAME")


@pytest.mark.parametrize("first, problem", [
    (NOTES, "k: no group of 5 similar applications can be formed from 3 rows"),
    (NO_DATES, "columns: no application-date column found"),
])
def test_a_too_small_or_wrong_first_sheet_names_the_others(tmp_path, first, problem):
    source = workbook(tmp_path / "tracker.xlsx", {"Notes": first, "2025": cohort_tracker(),
                                                  "Archive": NOTES})
    with pytest.raises(InputError) as err:
        anonymise_file(source, tmp_path / "out.csv")
    assert str(err.value).startswith(problem) and HINT in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.xlsx"]


def test_a_chosen_sheet_that_is_too_small_gives_no_sheet_hint(tmp_path):
    source = workbook(tmp_path / "tracker.xlsx", {"Notes": NOTES, "2025": cohort_tracker()})
    with pytest.raises(InputError) as err:
        anonymise_file(source, tmp_path / "out.csv", sheet="Notes")
    assert "pass sheet" not in str(err.value)


def test_an_empty_first_sheet_names_the_others(tmp_path):
    source = workbook(tmp_path / "tracker.xlsx", {"Notes": NOTES.head(0),
                                                  "2025": cohort_tracker()})
    with pytest.raises(InputError, match="no applications.*also has '2025': pass sheet=NAME"):
        read_tracker(source)


def test_the_command_prints_the_sheet_and_the_hint(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("anonymise",))
    source = workbook(tmp_path / "tracker.xlsx", {"Notes": NOTES, "2025": cohort_tracker(),
                                                  "Archive": NOTES})
    assert cli.main(["anonymise", str(source), "-o", str(tmp_path / "o.csv")]) == 2
    assert CLI_HINT in capsys.readouterr().err
    assert cli.main(["anonymise", str(source), "-o", str(tmp_path / "o.csv"), "--sheet",
                     "2025", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["sheet"] == "2025"
