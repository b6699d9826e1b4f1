"""``followup anonymise``: reports, exit statuses, one-line errors, nothing written on error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import followup_lib.cli as cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "tracker_sample.csv"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def followup(monkeypatch, capsys):
    """Run ``followup`` in-process with only this sub-command registered."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("anonymise",))

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            status = cli.main([str(a) for a in argv])
        except SystemExit as exit_:  # argparse usage errors
            status = exit_.code
        captured = capsys.readouterr()
        return status, captured.out, captured.err
    return run


def test_text_report_and_file(followup, tmp_path):
    output = tmp_path / "cohort.csv"
    status, out, err = followup("anonymise", SAMPLE, "-o", output, "--k", "2")
    assert (status, err) == (0, "")
    assert "Rows: 12 in, 10 out, 2 suppressed" in out
    assert f"Wrote 10 rows to {output}" in out
    assert output.is_file()


def test_json_report(followup, tmp_path):
    output = tmp_path / "cohort.parquet"
    status, out, _ = followup("anonymise", FIXTURES / "tracker_dayfirst.csv", "-o", output,
                              "--mapping", FIXTURES / "tracker_dayfirst_mapping.yaml",
                              "--k", "2", "--format", "json")
    report = json.loads(out)
    assert status == 0 and report["output"] == str(output)
    assert report["rows_in"] == 6 and report["k_requested"] == 2
    assert report["columns_dropped"] == ["Firma", "Stelle", "Notizen"]
    assert output.is_file()


def _workbook(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.save(path)
    return path


@pytest.mark.parametrize("make_input, extra, message", [
    (lambda d: d / "absent.csv", [], "input: no file named"),
    (lambda d: _write(d / "t.csv", b"Date sent,Status\n1/2/2022,x\n13/45/2022,x\n"),
     [], "row 3, column 'Date sent'"),
    (lambda d: _write(d / "t.csv", b"\x00\x01binary\x00" * 20), [], "t.csv: is not a text"),
    (lambda d: _write(d / "t.csv", b""), [], "t.csv: is empty"),
    (lambda d: _workbook(d / "t.xlsx"), ["--sheet", "Jobs"],
     "--sheet: 't.xlsx' has no sheet named 'Jobs'; choose one of: 'Sheet1'"),
    (lambda d: _write(d / "t.csv", SAMPLE.read_bytes()), ["--k", "0"], "--k: must be a whole"),
    (lambda d: _write(d / "t.csv", SAMPLE.read_bytes()), ["--mapping", "nope.yaml"],
     "--mapping: no file named"),
    (lambda d: _write(d / "t.csv", b"Date sent,Status\n1/2/2022,Ghosted\n"), [],
     "--k: no group of 5"),
])
def test_errors_are_one_line_with_status_2_and_write_nothing(followup, tmp_path, make_input,
                                                             extra, message):
    source = make_input(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    status, out, err = followup("anonymise", source, "-o", tmp_path / "out.csv", *extra)
    assert status == 2 and out == ""
    assert err.startswith(f"followup: error: {message}")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def test_output_may_not_be_the_input(followup, tmp_path):
    source = _write(tmp_path / "t.csv", SAMPLE.read_bytes())
    status, _, err = followup("anonymise", source, "-o", source, "--k", "2")
    assert status == 2 and "is the input file itself" in err
    assert source.read_bytes() == SAMPLE.read_bytes()


def test_usage_errors_exit_2_in_one_line(followup, tmp_path):
    status, _, err = followup("anonymise", SAMPLE, "-o", tmp_path / "o.csv", "--k", "five")
    assert status == 2 and err.count("\n") == 1 and "invalid int value" in err
    status, _, err = followup("anonymise", SAMPLE)
    assert status == 2 and "-o/--output" in err


def test_command_line_shows_no_traceback(tmp_path):
    bad = _write(tmp_path / "t.csv", b"Date sent\nsoon\n")
    script = ("import sys, followup_lib.cli as c; c.COMMAND_MODULES = ('anonymise',); "
              "sys.exit(c.main(sys.argv[1:]))")
    result = subprocess.run([sys.executable, "-c", script, "anonymise", str(bad), "-o",
                             str(tmp_path / "o.csv")], capture_output=True, text=True,
                            cwd=REPO, timeout=60)
    assert result.returncode == 2
    assert result.stderr == ("followup: error: row 2, column 'Date sent': 'soon' is not a "
                             "valid date (this column's dates are read as month/day/year); "
                             "fix the date, write it like 2021-11-14, or set date_format "
                             "in a mapping\n")
    assert not (tmp_path / "o.csv").exists()


def test_full_followup_command(tmp_path, capsys):
    try:
        cli.build_parser()
    except ImportError as exc:
        pytest.skip(f"another sub-command module is not there yet ({exc})")
    output = tmp_path / "cohort.csv"
    assert cli.main(["anonymise", str(SAMPLE), "-o", str(output), "--k", "2"]) == 0
    assert "Rows: 12 in" in capsys.readouterr().out and output.is_file()
