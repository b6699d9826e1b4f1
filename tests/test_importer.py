"""Reading raw tracker exports: encodings, workbooks, dates, flags, labels, columns."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from followup_lib.errors import InputError
from followup_lib.outcomes.schema import LARGE_COMPANY_STAFF, SMALL_COMPANY_STAFF
from followup_lib.outcomes.tracker.dates import parse_dates
from followup_lib.outcomes.tracker.labels import generalise_labels
from followup_lib.outcomes.tracker.mapping import TrackerMapping, find_columns, load_mapping
from followup_lib.outcomes.tracker.reader import read_tracker
from followup_lib.outcomes.tracker.records import import_tracker
from followup_lib.outcomes.tracker.values import parse_flags, parse_outcomes

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def cells(*values: str) -> pd.Series:
    """A column of text cells indexed like spreadsheet rows (2, 3, ...)."""
    return pd.Series(values, index=range(2, 2 + len(values)), dtype=object)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# --- files ---------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_is_read_in_each_supported_encoding(tmp_path, encoding):
    text = "Société,Date sent\nCafé Ñandú – “Größe”,11/14/2021\n"
    path = write(tmp_path / "t.csv", text, encoding)
    table = read_tracker(path)
    assert list(table.columns) == ["Société", "Date sent"]
    assert table.loc[2, "Société"] == "Café Ñandú – “Größe”"


@pytest.mark.parametrize("separator", [";", "\t"])
def test_semicolon_and_tab_separated_files(tmp_path, separator):
    path = write(tmp_path / "t.csv", f"Firma{separator}Date sent\nA{separator}1/2/2021\n")
    assert read_tracker(path).loc[2, "Date sent"] == "1/2/2021"


def test_blank_lines_keep_spreadsheet_row_numbers(tmp_path):
    path = write(tmp_path / "t.csv", "Date sent,Status\n1/2/2021,Ghosted\n,\n1/40/2021,Ghosted\n")
    table = read_tracker(path)
    assert list(table.index) == [2, 4]
    with pytest.raises(InputError, match=r"row 4, column 'Date sent'.*'1/40/2021'"):
        import_tracker(table)


def _workbook(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["nothing here"])
    sheet = book.create_sheet("Applications")
    sheet.append(["Company", "Date Applied", "Status", "Job Offer"])
    sheet.append(["Acme", datetime(2022, 3, 4), "Rejected", "No"])
    sheet.append(["Brill", "7/5/2022", "Ghosted", None])
    book.save(path)
    return path


def test_xlsx_sheet_is_chosen_by_name(tmp_path):
    table = read_tracker(_workbook(tmp_path / "t.xlsx"), sheet="Applications")
    assert list(table.columns) == ["Company", "Date Applied", "Status", "Job Offer"]
    assert table.loc[2, "Date Applied"] == "2022-03-04 00:00:00"
    dates = import_tracker(table).records["applied"]
    assert list(dates.dt.strftime("%Y-%m-%d")) == ["2022-03-04", "2022-07-05"]


def test_xlsx_missing_sheet_lists_the_sheets(tmp_path):
    with pytest.raises(InputError, match=r"no sheet named 'Jobs'.*'Notes', 'Applications'"):
        read_tracker(_workbook(tmp_path / "t.xlsx"), sheet="Jobs")


def test_sheet_option_for_a_csv_is_refused(tmp_path):
    path = write(tmp_path / "t.csv", "Date sent\n1/2/2021\n")
    with pytest.raises(InputError, match="not a workbook"):
        read_tracker(path, sheet="Sheet1")


def test_a_text_file_named_xlsx_is_refused(tmp_path):
    path = write(tmp_path / "t.xlsx", "Date sent\n1/2/2021\n")
    with pytest.raises(InputError, match="t.xlsx: cannot be opened as an Excel workbook"):
        read_tracker(path)


@pytest.mark.parametrize("content, problem", [
    (b"", "t.csv: is empty"),
    (b"  \r\n\n", "t.csv: is empty"),
    (b"Company,Date sent\n", "t.csv: has a header row but no applications"),
    (b"Company,Date sent\n , \n", "t.csv: has a header row but no applications"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "t.csv: is not a text"),
    (bytes(range(128, 256)) * 4, "t.csv: is not a text"),
    (b"Date sent,Status\n1/2/2021,Ghosted\x01\x02\n", "t.csv: is not a text"),
    (b'Date sent,Status\n1/2/2021,"Ghosted\n', "t.csv: is not well-formed CSV"),
])
def test_unreadable_files_are_named(tmp_path, content, problem):
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_tracker(path)
    assert str(err.value).startswith(problem)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InputError, match="no file named"):
        read_tracker(tmp_path / "nope.csv")


# --- dates ---------------------------------------------------------------------------
@pytest.mark.parametrize("values, expected", [
    (["2021-11-14", "2022-01-02"], ["2021-11-14", "2022-01-02"]),  # ISO
    (["11/14/2021", "1/2/2022"], ["2021-11-14", "2022-01-02"]),  # US, detected by 14
    (["1/2/2022", "3/4/2022"], ["2022-01-02", "2022-03-04"]),  # ambiguous: US by default
    (["14/11/2021", "1/2/2022"], ["2021-11-14", "2022-02-01"]),  # day-first, detected
    (["14.11.2021", "01.02.2022"], ["2021-11-14", "2022-02-01"]),  # dots: day-first
    (["01.02.2022"], ["2022-02-01"]),  # dots alone mean day-first
    (["3/13/2023 18:51:27", "3/1/2023 6:05 PM"], ["2023-03-13", "2023-03-01"]),
    (["2021-11-14T23:30:00+02:00", "2021-11-15 08:00"], ["2021-11-14", "2021-11-15"]),
    (["11/14/21", "1-2-2022"], ["2021-11-14", "2022-01-02"]),
])
def test_date_conventions(values, expected):
    assert list(parse_dates(cells(*values), "Sent").dt.strftime("%Y-%m-%d")) == expected


@pytest.mark.parametrize("date_format, expected", [("dayfirst", "2022-02-01"),
                                                   ("us", "2022-01-02")])
def test_mapping_settles_ambiguous_dates(date_format, expected):
    parsed = parse_dates(cells("1/2/2022"), "Sent", date_format)
    assert parsed.iloc[0].strftime("%Y-%m-%d") == expected


def test_iso_only_column_refuses_slashed_dates():
    with pytest.raises(InputError, match=r"row 3, column 'Sent'.*year-month-day"):
        parse_dates(cells("2022-01-02", "1/2/2022"), "Sent", "iso")


@pytest.mark.parametrize("bad", ["next week", "2/30/2022", "13/13/2022", "44514", "2022-13-01"])
def test_unparseable_date_names_row_and_column(bad):
    with pytest.raises(InputError) as err:
        parse_dates(cells("1/2/2022", "", bad), "Date sent")
    assert err.value.field == "row 4, column 'Date sent'"
    assert repr(bad) in str(err.value)


def test_column_mixing_date_orders_is_refused():
    mixed = r"rows 2 and 3, column 'Sent': the column mixes day-first .*'25/1/2022'.*'1/25/2022'"
    with pytest.raises(InputError, match=mixed):
        parse_dates(cells("25/1/2022", "1/25/2022"), "Sent")


# --- flags ---------------------------------------------------------------------------
@pytest.mark.parametrize("values, expected", [
    (["y", "n", "Y", "N"], [True, False, True, False]),
    (["Yes", "no", " YES ", ""], [True, False, True, None]),
    (["true", "False", "1", "0"], [True, False, True, False]),
    (["x", "", "X", ""], [True, False, True, False]),
    (["✓", "", "✔"], [True, False, True]),
])
def test_flag_spellings(values, expected):
    parsed = parse_flags(cells(*values), "Paid")
    assert [None if pd.isna(v) else bool(v) for v in parsed] == expected


def test_unknown_flag_names_row_and_column():
    with pytest.raises(InputError, match=r"row 3, column 'Remote': 'maybe' is not a yes/no"):
        parse_flags(cells("y", "maybe"), "Remote")


# --- labels --------------------------------------------------------------------------
@pytest.mark.parametrize("label, outcome, interviewed", [
    ("Ghosted", "no_response", False), ("No Response", "no_response", False),
    ("Rejected", "rejection", False), ("Offer", "offer", True),
    ("Interview", "pending", True), ("Inter + Rejec", "rejection", True),
    ("Rejected after interview", "rejection", True),
    ("Position Removed", "position_removed", False),
    ("Withdrawn", "withdrawn", False), ("Applied", "pending", False), ("", "pending", False),
])
def test_outcome_labels(label, outcome, interviewed):
    parsed = parse_outcomes(cells(label), "Response?")
    assert parsed.loc[2].tolist() == [outcome, interviewed]


def test_unknown_outcome_label_names_value_column_and_value_map():
    with pytest.raises(InputError) as err:
        parse_outcomes(cells("Ghosted", "Ghosted", "On hold"), "Status")
    message = str(err.value)
    assert err.value.field == "row 4, column 'Status'"
    assert "'On hold'" in message and "values: {outcome:" in message and "no_response" in message


def test_value_map_decides_outcome_labels():
    parsed = parse_outcomes(cells("On hold", "Ghosted"), "Status",
                            {"on hold": "pending+interviewed", "ghosted": "rejection"})
    assert parsed.to_dict("list") == {"outcome": ["pending", "rejection"],
                                      "interviewed": [True, False]}


@pytest.mark.parametrize("field_name, labels, codes", [
    ("industry", ["Government", "IT", "Data Science", "Restaurant", "Oil and Gas", None],
     ["government", "tech", "tech", "hospitality", "other", "unknown"]),
    ("role_level", ["Entry", "Intern", "Mid", "Senior", "Wizard"],
     ["entry", "entry", "mid", "senior", "unknown"]),
    ("company_size", ["Startup", "11-50", "51-200", "1,000+", "5000 employees", "huge-ish"],
     ["small", "small", "medium", "large", "large", "unknown"]),
    ("interview_round", ["Phone screen", "Panel", "Final round", "1:1", "Chat"],
     ["phone", "panel", "final", "one_on_one", "unknown"]),
])
def test_category_labels_become_codes(field_name, labels, codes):
    assert generalise_labels(pd.Series(labels), field_name)[0].tolist() == codes


def test_head_counts_use_the_schema_size_thresholds():
    labels = [f"{SMALL_COMPANY_STAFF - 1}", f"{SMALL_COMPANY_STAFF}-{LARGE_COMPANY_STAFF - 1}",
              f"{LARGE_COMPANY_STAFF - 1}+", f"{LARGE_COMPANY_STAFF}+"]
    codes = generalise_labels(pd.Series(labels), "company_size")[0].tolist()
    assert codes == ["small", "medium", "medium", "large"]


# --- columns and mapping -------------------------------------------------------------
def test_headers_are_found_case_and_space_insensitively():
    found = find_columns(["  DATE APPLIED ", "status", "Company Type", "Job Type", "Paid? "])
    assert found == {"applied": "  DATE APPLIED ", "outcome": "status",
                     "industry": "Company Type"}


def test_missing_application_date_lists_headers_and_mapping_help():
    with pytest.raises(InputError) as err:
        find_columns(["Company", "Status", "When"])
    message = str(err.value)
    assert "no application-date column" in message
    assert "'Company', 'Status', 'When'" in message and "mapping file" in message


def test_mapping_names_columns_and_can_switch_a_field_off():
    mapping = TrackerMapping.from_dict({"applied": "when", "outcome": None})
    assert find_columns(["Company", "When", "Status"], mapping) == {"applied": "When"}


def test_mapping_naming_a_missing_header_is_refused():
    mapping = TrackerMapping.from_dict({"applied": "Sent"})
    with pytest.raises(InputError, match=r"mapping: applied: .*'Sent'.*'Company', 'When'"):
        find_columns(["Company", "When"], mapping)


@pytest.mark.parametrize("data, problem", [
    (["applied"], "must be a mapping"),
    ({"applied_on": "Date"}, "is not a field"),
    ({"applied": 3}, "must be a column header"),
    ({"applied": "Date", "date_format": "european"}, "'european' is not known"),
    ({"applied": "Date", "values": {"outcome": {"Gone": "ghosted"}}}, "'ghosted' is not a code"),
    ({"applied": "Date", "values": {"industry": {"IT": "tech+interviewed"}}}, "is not a code"),
    ({"applied": "Date", "values": {"colour": {"red": "tech"}}}, "not a field with a code list"),
])
def test_bad_mappings_are_refused(data, problem):
    with pytest.raises(InputError, match=problem):
        TrackerMapping.from_dict(data)


def test_mapping_files_in_json_and_yaml(tmp_path):
    content = {"applied": "Beworben am", "values": {"outcome": {"Absage": "rejection"}}}
    (tmp_path / "m.json").write_text(json.dumps(content), encoding="utf-8")
    assert load_mapping(tmp_path / "m.json").values == {"outcome": {"absage": "rejection"}}
    yaml_mapping = load_mapping(FIXTURES / "tracker_dayfirst_mapping.yaml")
    assert yaml_mapping.columns["applied"] == "Beworben am"
    assert yaml_mapping.date_format == "dayfirst"


def test_mapping_file_in_windows_1252_is_read(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes("applied: Envoyé le\nvalues:\n  outcome:\n    Refusé: rejection\n"
                     .encode("cp1252"))
    mapping = load_mapping(path)
    assert mapping.columns == {"applied": "Envoyé le"}
    assert mapping.values == {"outcome": {"refusé": "rejection"}}


@pytest.mark.parametrize("content", [b"", b" \n"])
def test_empty_mapping_file_is_named(tmp_path, content):
    (tmp_path / "m.yaml").write_bytes(content)
    with pytest.raises(InputError) as err:
        load_mapping(tmp_path / "m.yaml")
    assert str(err.value).startswith("mapping: m.yaml is empty")


def test_mapping_folder_is_named(tmp_path):
    (tmp_path / "m.yaml").mkdir()
    with pytest.raises(InputError, match="^mapping: .* is a folder, not a file"):
        load_mapping(tmp_path / "m.yaml")


@pytest.mark.parametrize("name, text, problem", [
    ("m.yaml", "applied: [unclosed\n", "cannot be read"),
    ("m.json", "{'applied': 1}", "cannot be read"),
    ("m.txt", "applied: Date\n", "must end in .json, .yaml or .yml"),
])
def test_unreadable_mapping_files(tmp_path, name, text, problem):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        load_mapping(tmp_path / name)


def test_day_first_tracker_with_mapping_imports():
    table = read_tracker(FIXTURES / "tracker_dayfirst.csv")
    tracker = import_tracker(table, load_mapping(FIXTURES / "tracker_dayfirst_mapping.yaml"))
    records = tracker.records
    assert records.loc[3, "applied"].strftime("%Y-%m-%d") == "2023-04-05"
    assert records["outcome"].tolist() == ["no_response", "rejection", "pending",
                                           "no_response", "rejection", "no_response"]
    assert records["outcome_interviewed"].tolist() == [False, False, True, False, False, False]
    assert tracker.columns_dropped == ("Firma", "Stelle", "Notizen")


# --- rows that cannot be right ---------------------------------------------------------
def raw(**columns: list[str]) -> pd.DataFrame:
    rows = len(next(iter(columns.values())))
    return pd.DataFrame(columns, index=range(2, 2 + rows))


@pytest.mark.parametrize("table, field, problem", [
    (raw(**{"Date sent": ["1/10/2022", "1/10/2022"],
            "Date of 1st Response": ["1/12/2022", "1/9/2022"]}),
     "row 3, column 'Date of 1st Response'", "2022-01-09 is before 2022-01-10"),
    (raw(**{"Date sent": ["1/10/2022"], "Date Interview": ["1/20/2022"],
            "Decision Date": ["1/15/2022"]}),
     "row 2, column 'Decision Date'", "before 2022-01-20 in column 'Date Interview'"),
    (raw(**{"Date sent": ["1/10/2022"], "Current Date": ["1/1/2022"]}),
     "row 2, column 'Current Date'", "negative duration"),
    (raw(**{"Date sent": ["1/10/2022"] * 2, "Date Interview": ["", "2/2/2022"],
            "Current Date": ["2/1/2022"] * 2}),
     "row 3, column 'Current Date'", "2022-02-01 is before 2022-02-02 in column 'Date Interview'"),
    (raw(**{"Date sent": ["1/10/2022", ""]}), "row 3, column 'Date sent'", "no application date"),
    (raw(**{"ID": ["a1", "a2", "a1"], "Date sent": ["1/10/2022"] * 3}),
     "rows 2 and 4, column 'ID'", "'a1' is used twice"),
])
def test_impossible_rows_name_row_and_column(table, field, problem):
    with pytest.raises(InputError) as err:
        import_tracker(table)
    assert err.value.field == field
    assert problem in str(err.value)


@pytest.mark.parametrize("data, fix", [
    ({"aplied": "Date"}, "did you mean 'applied'?"),
    ({"applied": "Date", "date_format": "dayfrist"}, "did you mean 'dayfirst'?"),
    ({"applied": "Date", "values": {"outcome": {"Gone": "rejected"}}}, "did you mean 'rejection'?"),
    ({"applied": "Date", "values": {"outcomes": {}}}, "did you mean 'outcome'?"),
])
def test_a_misspelt_mapping_gets_a_suggestion(data, fix):
    with pytest.raises(InputError) as err:
        TrackerMapping.from_dict(data)
    assert err.value.fix == fix


def test_a_mapping_naming_a_misspelt_header_suggests_the_close_one():
    mapping = TrackerMapping.from_dict({"applied": "Date Snt"})
    with pytest.raises(InputError) as err:
        find_columns(["Company", "Date Sent"], mapping)
    assert err.value.fix == "did you mean 'Date Sent'?"
