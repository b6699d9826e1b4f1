"""Loading and saving applications files: the shipped data, round trips, bad files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from followup_lib.errors import InputError
from followup_lib.outcomes.generator import generate_applications
from followup_lib.outcomes.loader import SHIPPED_DATASET, load_applications, save_applications
from followup_lib.outcomes.schema import COLUMN_NAMES

REPO = Path(__file__).resolve().parents[1]
REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "real-data"


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return generate_applications(120, seed=5)


@pytest.fixture()
def good_csv(tmp_path, sample) -> Path:
    return save_applications(sample, tmp_path / "good.csv")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _load_error(path: Path) -> str:
    before = _digest(path) if path.is_file() else None
    with pytest.raises(InputError) as caught:
        load_applications(path)
    if before is not None:
        assert _digest(path) == before, "the loader changed the user's file"
    return str(caught.value)


def test_the_shipped_dataset_loads_with_its_documented_shape():
    df = load_applications()
    assert df.shape == (3000, 21)
    assert list(df.columns) == list(COLUMN_NAMES)
    assert df["app_id"].is_unique
    assert df["response_censored"].any(), "censored rows are kept"


def test_the_repository_copy_is_the_package_copy():
    assert (REPO / "data" / "applications.csv").read_bytes() == SHIPPED_DATASET.read_bytes()


@pytest.mark.parametrize("name", ["round.csv", "round.parquet"])
def test_save_then_load_gives_the_same_table(tmp_path, sample, name):
    written = save_applications(sample, tmp_path / name)
    pd.testing.assert_frame_equal(load_applications(written), sample)
    assert [p.name for p in tmp_path.iterdir()] == [name], "no temporary file is left"


def test_an_invalid_table_is_not_written(tmp_path, sample):
    bad = sample.copy()
    bad.loc[0, "response_days"] = -1.0
    with pytest.raises(InputError):
        save_applications(bad, tmp_path / "bad.csv")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_file_is_named(tmp_path):
    message = _load_error(tmp_path / "nowhere.csv")
    assert "nowhere.csv: no such file" in message


@pytest.mark.parametrize("content, words", [
    (b"", "empty.csv: is empty"),
    (b"  \n\n", "empty.csv: is empty"),
    (b"PK\x03\x04" + bytes(200), "is a zip archive or Excel workbook, not CSV text"),
    (b"PAR1" + bytes(200), "is a Parquet file, not CSV text"),
    (b"\x00\x01\x02binary" * 40, "is a binary file, not CSV text"),
    ("app_id,industry\n".encode("utf-16"), "is UTF-16 text"),
])
def test_empty_and_binary_files_are_refused(tmp_path, content, words):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    assert words in _load_error(path)


def test_a_file_that_is_not_utf8_names_its_line(tmp_path, good_csv):
    lines = good_csv.read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b"A000005", b"A00000\xe9")  # Latin-1, not UTF-8
    good_csv.write_bytes(b"\n".join(lines))
    message = _load_error(good_csv)
    assert "good.csv, line 6: is not UTF-8 text (byte 0xe9)" in message
    assert "UTF-8" in message.split(";")[-1]


def test_extra_cells_name_the_malformed_line(tmp_path, good_csv):
    lines = good_csv.read_text().split("\n")
    lines[9] += ",surplus,cells"
    good_csv.write_text("\n".join(lines))
    assert "good.csv, line 10: has 23 cells where the header has 21" in _load_error(good_csv)


def test_an_unclosed_quote_names_its_line(good_csv):
    lines = good_csv.read_text().split("\n")
    lines[5] = lines[5].replace("A000005", '"A000005')
    good_csv.write_text("\n".join(lines))
    assert "good.csv, line 6: opens a quote" in _load_error(good_csv)


def test_a_byte_order_mark_and_windows_line_ends_are_fine(tmp_path, good_csv, sample):
    windows = tmp_path / "windows.csv"
    windows.write_bytes(b"\xef\xbb\xbf" + good_csv.read_bytes().replace(b"\n", b"\r\n"))
    pd.testing.assert_frame_equal(load_applications(windows), sample)


def test_a_header_without_rows_is_refused(tmp_path):
    path = tmp_path / "header.csv"
    path.write_text(",".join(COLUMN_NAMES) + "\n")
    assert "header.csv: has a header but no rows" in _load_error(path)


def test_a_semicolon_file_is_recognised(tmp_path, sample):
    path = tmp_path / "semi.csv"
    sample.to_csv(path, sep=";", index=False)
    assert "semi.csv: is separated by semicolons" in _load_error(path)


def test_a_bad_cell_names_file_row_and_column(tmp_path, good_csv):
    text = good_csv.read_text().split("\n")
    cells = text[4].split(",")
    cells[COLUMN_NAMES.index("response_days")] = "three"
    text[4] = ",".join(cells)
    good_csv.write_text("\n".join(text))
    message = _load_error(good_csv)
    assert message.startswith("good.csv, row 4 (app_id A000004), column 'response_days'")
    assert "'three' is not a number" in message


@pytest.mark.parametrize("name, words", [
    ("tracker.xlsx", "is a '.xlsx' file, not .csv or .parquet"),
    ("broken.parquet", "is not a readable Parquet file"),
])
def test_other_formats_and_damaged_parquet_are_refused(tmp_path, name, words):
    path = tmp_path / name
    path.write_bytes(b"not really " * 20)
    assert words in _load_error(path)


def test_a_folder_is_not_a_file(tmp_path):
    assert "is a folder" in _load_error(tmp_path)


def test_a_raw_tracker_is_sent_to_the_anonymiser():
    raw = REAL_DATA / "job-application-statistics-merged.csv"
    if not raw.is_file():
        pytest.skip("the real tracker lives in ../shared/real-data, absent in a fresh clone")
    message = _load_error(raw)
    assert "has none of the applications schema's columns" in message
    assert "anonymise_file()" in message
