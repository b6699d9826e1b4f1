"""Hostile tracker files: each is an InputError (or a report warning) naming the field.

Malformed CSV, an unknown encoding, an empty or header-only file, a huge cell, text in
NFD and NFC form, HTML in a cell, implausible dates, a header standing twice. Whatever
the file, the anonymiser never raises anything but an InputError, ``followup anonymise``
prints one line and exits 2, and the source file keeps its bytes and its mtime.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

import followup_lib.cli as cli
from followup_lib.errors import InputError
from followup_lib.outcomes.tracker.anonymise import anonymise_file, anonymise_table
from followup_lib.outcomes.tracker.mapping import TrackerMapping
from followup_lib.outcomes.tracker.reader import read_tracker

TODAY = "2026-12-01"
HEADER = "Company,Date sent,Status\n"
FIVE = "Acme,1/10/2022,Ghosted\n" * 5


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("FOLLOWUP_TODAY", TODAY)


@pytest.fixture
def followup(monkeypatch, capsys):
    """Run ``followup`` in-process (the anonymise command only): status, out, err."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("anonymise",))

    def run(*argv) -> tuple[int, str, str]:
        status = cli.main([str(a) for a in argv])
        captured = capsys.readouterr()
        return status, captured.out, captured.err
    return run


def tracker_file(folder: Path, content: str | bytes, name: str = "tracker.csv") -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), os.stat(path).st_mtime_ns


# --- every hostile class: an InputError naming the field; the source untouched ----------
HOSTILE = {
    "unclosed quote": (HEADER + 'Acme,1/10/2022,"Ghosted\n', "tracker.csv: is not well-formed CSV"),
    "ragged row": (HEADER + "Acme,1/10/2022,Ghosted,extra,cells\n",
                   "tracker.csv: is not well-formed CSV"),
    "utf-16": ((HEADER + FIVE).encode("utf-16"), "tracker.csv: is not a text (CSV) file"),
    "neither utf-8 nor cp1252": (HEADER.encode() + b"\x81\x8d\x8f,1/10/2022,Ghosted\n",
                                 "tracker.csv: is not a text (CSV) file"),
    "empty": (b"", "tracker.csv: is empty"),
    "blank lines only": (b"\n\r\n  \n", "tracker.csv: is empty"),
    "header only": (HEADER, "tracker.csv: has a header row but no applications"),
    "huge outcome label": (HEADER + FIVE + "Acme,1/10/2022," + "Maybe" * 400_000 + "\n",
                           "row 7, column 'Status': 'MaybeMaybe"),
    "html outcome label": (HEADER + FIVE + "Acme,1/10/2022,<b onclick=x()>Rejected</b>\n",
                           "row 7, column 'Status': '<b onclick=x()>Rejected</b>' is not an "
                           "outcome label"),
    "year 2200": (HEADER + FIVE + "Acme,1/1/2200,Ghosted\n",
                  "row 7, column 'Date sent': '1/1/2200' is implausible: 2200-01-01 is in "
                  "the future"),
    "year 9999": (HEADER + "Acme,9999-12-31,Ghosted\n" + FIVE,
                  "row 2, column 'Date sent': '9999-12-31' is implausible: 9999-12-31 is in "
                  "the future"),
    "year 1500": (HEADER + FIVE + "Acme,1/1/1500,Ghosted\n",
                  "row 7, column 'Date sent': '1/1/1500' is implausible: 1500-01-01 is "
                  "before 1990-01-01"),
    "duplicate header, different cells": (
        "Company,Date sent,Status,Date sent\n" + "Acme,1/10/2022,Ghosted,1/11/2022\n" * 5,
        "column 'Date sent': stands twice ('Date sent (column B)' and 'Date sent (column D)') "
        "with different cells, first in row 2"),
}


@pytest.mark.parametrize("content, message", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_files_are_input_errors_and_the_source_is_untouched(tmp_path, content,
                                                                      message):
    source = tracker_file(tmp_path, content)
    before = fingerprint(source)
    with pytest.raises(InputError) as err:
        anonymise_file(source, tmp_path / "out.csv")
    assert str(err.value).startswith(message)
    assert len(str(err.value)) < 600  # a huge cell is cut, never printed whole
    assert fingerprint(source) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.csv"]


@pytest.mark.parametrize("content, message", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_command_prints_one_line_exits_2_and_leaves_the_source(followup, tmp_path,
                                                                     content, message):
    source = tracker_file(tmp_path, content)
    before = fingerprint(source)
    status, out, err = followup("anonymise", source, "-o", tmp_path / "out.csv")
    assert (status, out) == (2, "")
    assert err.startswith(f"followup: error: {message}")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert fingerprint(source) == before
    assert not (tmp_path / "out.csv").exists()


# --- implausible dates ----------------------------------------------------------------
@pytest.mark.parametrize("cell", ["1/1/2200", "2300-06-01", "9999-12-31", "1/1/1500",
                                  "1600-02-29", "12/31/1989"])
def test_a_calendar_date_out_of_range_is_implausible_not_invalid(tmp_path, cell):
    source = tracker_file(tmp_path, HEADER + FIVE + f"Acme,{cell},Ghosted\n")
    with pytest.raises(InputError) as err:
        anonymise_file(source, tmp_path / "out.csv")
    assert err.value.field == "row 7, column 'Date sent'"
    assert "implausible" in err.value.problem and "not a valid date" not in err.value.problem


def test_an_impossible_day_is_still_not_a_valid_date(tmp_path):
    source = tracker_file(tmp_path, HEADER + FIVE + "Acme,2/30/2200,Ghosted\n")
    with pytest.raises(InputError, match="'2/30/2200' is not a valid date"):
        anonymise_file(source, tmp_path / "out.csv")


def test_one_row_in_2200_cannot_stretch_every_other_rows_wait(tmp_path):
    raw = pd.DataFrame({"Date sent": ["1/10/2022"] * 5 + ["1/1/2200"],
                        "Status": ["Ghosted"] * 6}, index=range(2, 8))
    with pytest.raises(InputError, match="row 7, .*in the future"):
        anonymise_table(raw)
    out, _ = anonymise_table(raw.loc[2:6])
    assert out["response_days"].max() == 0  # the wait runs to the latest date, 2022-01-10


def test_every_date_column_is_checked_and_the_other_rows_are_counted(tmp_path):
    raw = pd.DataFrame({"Date sent": ["1/10/2022"] * 6,
                        "Date of 1st Response": ["", "1/12/2202", "", "1/12/2302", "", "1/12/2999"],
                        "Status": ["Ghosted", "Rejected"] * 3}, index=range(2, 8))
    with pytest.raises(InputError) as err:
        anonymise_table(raw)
    assert err.value.field == "row 3, column 'Date of 1st Response'"
    assert "(and 2 more rows: 5, 7)" in err.value.problem


def test_a_date_after_the_export_date_is_refused(tmp_path):
    raw = pd.DataFrame({"Date sent": ["1/10/2022"] * 4 + ["3/1/2022"],
                        "Status": ["Ghosted"] * 5}, index=range(2, 7))
    with pytest.raises(InputError) as err:
        anonymise_table(raw, export_date="2022-02-01")
    assert err.value.field == "row 6, column 'Date sent'"
    assert "in the future (after the export date, 2022-02-01)" in err.value.problem
    assert "export_date=" in err.value.fix


def test_with_an_export_date_unanswered_rows_are_watched_until_it():
    raw = pd.DataFrame({"Date sent": ["1/10/2022"] * 5, "Status": ["Ghosted"] * 5},
                       index=range(2, 7))
    out, report = anonymise_table(raw, export_date="2022-02-09")
    assert set(out["response_days"]) == {30}
    assert not any("no export-date column" in w for w in report.warnings)


def test_without_an_export_date_the_report_names_the_row_that_ends_every_wait():
    raw = pd.DataFrame({"Date sent": ["1/10/2022"] * 4 + ["6/30/2023"],
                        "Status": ["Ghosted"] * 5}, index=range(2, 7))
    _, report = anonymise_table(raw, k=1)
    warning = next(w for w in report.warnings if w.startswith("no export-date column"))
    assert "(row 6, column 'Date sent')" in warning and "export_date=" in warning


@pytest.mark.parametrize("export_date, problem", [
    ("soon", "'soon' is not a date"),
    ("2300-01-01", "2300-01-01 is implausible: it is in the future"),
    ("1980-01-01", "1980-01-01 is implausible: it is before 1990"),
    (20220101, "must be a date, not '20220101'"),
])
def test_a_bad_export_date_is_named(export_date, problem):
    raw = pd.DataFrame({"Date sent": ["1/10/2022"] * 5}, index=range(2, 7))
    with pytest.raises(InputError) as err:
        anonymise_table(raw, export_date=export_date)
    assert (err.value.field, err.value.problem) == ("export_date", problem)


# --- headers standing twice -----------------------------------------------------------
def test_a_needed_header_twice_with_the_same_cells_is_used_and_reported(tmp_path):
    source = tracker_file(tmp_path, "Company,Date sent,Status,date sent\n"
                          + "Acme,1/10/2022,Ghosted,1/10/2022\n" * 5)
    report = anonymise_file(source, tmp_path / "out.csv")
    assert report.columns_used["applied"] == "Date sent (column B)"
    assert "date sent (column D)" in report.columns_dropped
    assert any("stands twice" in w and "'Date sent (column B)' was used as applied" in w
               for w in report.warnings)


def test_an_unused_header_twice_is_dropped_under_both_names(tmp_path):
    source = tracker_file(tmp_path, "Notes,Date sent,Status,Notes\n"
                          + "call back,1/10/2022,Ghosted,salary 50k\n" * 5)
    report = anonymise_file(source, tmp_path / "out.csv")
    assert report.columns_dropped == ("Notes (column A)", "Notes (column D)")
    assert not any("stands twice" in w for w in report.warnings)
    assert b"salary" not in (tmp_path / "out.csv").read_bytes()


def test_a_mapping_may_name_one_of_two_headers_by_its_column(tmp_path):
    source = tracker_file(tmp_path, "Company,Date sent,Status,Date sent\n"
                          + "Acme,1/10/2022,Ghosted,1/11/2022\n" * 5)
    mapping = TrackerMapping.from_dict({"applied": "Date sent (column D)"})
    report = anonymise_file(source, tmp_path / "out.csv", mapping)
    assert report.columns_used["applied"] == "Date sent (column D)"


def test_a_workbook_with_a_header_twice_is_refused_the_same_way(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Status", "Date sent", "Status"])
    for _ in range(5):
        book.active.append(["Ghosted", "1/10/2022", "Rejected"])
    book.save(tmp_path / "t.xlsx")
    with pytest.raises(InputError, match=r"^column 'Status': stands twice \('Status \(column A\)'"):
        anonymise_file(tmp_path / "t.xlsx", tmp_path / "out.csv")


def test_a_table_built_in_code_with_a_header_twice_is_handled():
    raw = pd.DataFrame([["1/10/2022", "Ghosted", "x"]] * 5, index=range(2, 7),
                       columns=["Date sent", "Status", "Status"])
    with pytest.raises(InputError, match="^column 'Status': stands twice"):
        anonymise_table(raw)


# --- Unicode forms and HTML -----------------------------------------------------------
@pytest.mark.parametrize("tracker_form, mapping_form", [("NFD", "NFC"), ("NFC", "NFD")])
def test_labels_and_headers_match_in_either_unicode_form(tmp_path, tracker_form, mapping_form):
    def form(text: str, name: str) -> str:
        return unicodedata.normalize(name, text)

    rows = "".join(f"1/10/2022,{label},1/12/2022\n" for label in ["Refusé", "Behörde"] * 3)
    source = tracker_file(tmp_path, form("Envoyé le,Résultat,Réponse le\n" + rows,
                                         tracker_form))
    mapping = TrackerMapping.from_dict({
        "applied": form("Envoyé le", mapping_form), "outcome": form("Résultat", mapping_form),
        "first_response": form("Réponse le", mapping_form),
        "values": {"outcome": {form("Refusé", mapping_form): "rejection",
                               form("Behörde", mapping_form): "rejection"}}})
    anonymised, report = anonymise_table(read_tracker(source), mapping, k=1)
    assert set(anonymised["outcome"].astype(str)) == {"rejection"}
    assert report.columns_used["applied"] == unicodedata.normalize("NFC", "Envoyé le")


def test_html_and_huge_cells_in_dropped_columns_leave_no_trace(tmp_path):
    script = "<script>alert('x')</script>"
    rows = "".join(f"{script},1/10/2022,Ghosted,{'y' * 2_000_000}\n" for _ in range(5))
    source = tracker_file(tmp_path, "Company,Date sent,Status,Notes\n" + rows)
    before = fingerprint(source)
    report = anonymise_file(source, tmp_path / "out.csv")
    written = (tmp_path / "out.csv").read_bytes()
    assert b"script" not in written and b"yyyy" not in written
    assert report.rows_out == 5 and fingerprint(source) == before


def test_html_in_a_category_label_becomes_a_code_and_is_listed_as_text(tmp_path):
    source = tracker_file(tmp_path, "Industry,Date sent,Status\n"
                          + "<i>Consulting</i>,1/10/2022,Ghosted\n" * 5)
    anonymised, report = anonymise_table(read_tracker(source))
    assert set(anonymised["industry"].astype(str)) == {"other"}
    assert report.labels_generalised == {"industry": ("<i>Consulting</i>",)}


# --- the output file: never replaced without --force ------------------------------------
@pytest.fixture
def sample(tmp_path) -> Path:
    return tracker_file(tmp_path, HEADER + FIVE)


def test_an_existing_output_is_refused_without_force(followup, tmp_path, sample):
    output = tracker_file(tmp_path, b"keep me", "out.csv")
    before = fingerprint(output)
    status, out, err = followup("anonymise", sample, "-o", output)
    assert (status, out) == (2, "")
    assert err.startswith("followup: error: --output: ") and "already exists" in err
    assert "--force" in err and err.count("\n") == 1
    assert fingerprint(output) == before


def test_force_replaces_an_existing_output(followup, tmp_path, sample):
    output = tracker_file(tmp_path, b"old", "out.csv")
    status, out, _ = followup("anonymise", sample, "-o", output, "--force")
    assert status == 0 and "Wrote 5 rows" in out
    assert output.read_bytes().startswith(b"app_id,")


def test_the_library_refuses_an_existing_output_too(tmp_path, sample):
    output = tracker_file(tmp_path, b"keep me", "out.csv")
    with pytest.raises(InputError, match="^output: .*already exists"):
        anonymise_file(sample, output)
    assert output.read_bytes() == b"keep me"
    anonymise_file(sample, output, force=True)
    assert output.read_bytes().startswith(b"app_id,")


def test_the_output_is_checked_before_any_work(followup, tmp_path, monkeypatch):
    broken = tracker_file(tmp_path, b"\x00\x01 not a tracker")
    output = tracker_file(tmp_path, b"keep me", "out.csv")
    read = []
    monkeypatch.setattr("followup_lib.outcomes.tracker.anonymise.read_tracker_source",
                        lambda *a, **k: read.append(a))
    status, _, err = followup("anonymise", broken, "-o", output)
    assert status == 2 and "--output" in err and "already exists" in err
    status, _, err = followup("anonymise", tmp_path / "absent.csv", "-o", output)
    assert status == 2 and "--output" in err
    assert read == []


@pytest.mark.parametrize("make_output, problem", [
    (lambda d: d, "is a folder"),
    (lambda d: d / "missing" / "out.csv", "does not exist"),
    (lambda d: d / "out.txt", "does not end in .csv"),
])
def test_a_bad_output_path_is_one_line(followup, tmp_path, sample, make_output, problem):
    status, out, err = followup("anonymise", sample, "-o", make_output(tmp_path))
    assert (status, out) == (2, "")
    assert err.startswith("followup: error: --output: ") and problem in err
    assert err.count("\n") == 1


def test_a_folder_that_cannot_be_written_to_is_one_line(followup, tmp_path, sample,
                                                        monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == locked
                        else real_access(p, mode))
    status, _, err = followup("anonymise", sample, "-o", locked / "out.csv")
    assert status == 2 and "cannot be written to" in err and err.count("\n") == 1
    assert list(locked.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_a_place_where_writing_fails_is_one_line(followup, sample):
    status, _, err = followup("anonymise", sample, "-o", "/proc/out.csv")
    assert status == 2 and err.startswith("followup: error: --output: ")
    assert err.count("\n") == 1 and "Traceback" not in err
