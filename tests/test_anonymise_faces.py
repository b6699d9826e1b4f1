"""Both faces of one error: the library names the Python parameter, the command its flag.

A notebook user calls ``anonymise_file(..., sheet="2025")``; a coach types
``followup anonymise … --sheet 2025``. The same mistake reads ``sheet: …; … sheet=``
in Python and ``--sheet: …; … --sheet`` on the command line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import followup_lib.cli as cli
from followup_lib.cli.flags import reword, reworded
from followup_lib.errors import InputError
from followup_lib.outcomes.loader import load_applications
from followup_lib.outcomes.tracker.anonymise import anonymise_file
from followup_lib.outcomes.tracker.mapping import load_mapping

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "tracker_sample.csv"
FLAGS = ("--sheet", "--mapping", "--output", "--k", "--force", "--export-date", "--param",
         "followup ")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("FOLLOWUP_TODAY", "2026-12-01")


@pytest.fixture
def followup(monkeypatch, capsys):
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("anonymise", "outcomes"))

    def run(*argv) -> str:
        assert cli.main([str(a) for a in argv]) == 2
        err = capsys.readouterr().err
        assert err.startswith("followup: error: ") and err.count("\n") == 1
        return err.removeprefix("followup: error: ").rstrip("\n")
    return run


def _workbook(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "2025"
    book.save(path)
    return path


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _cases(d: Path) -> dict:
    """Each case: (library call, command-line arguments, library text, command text)."""
    out = d / "out.csv"
    mapping = _write(d / "m.yaml", "applied: Sent on\n")
    late = _write(d / "late.csv", "Date sent,Status\n" + "1/10/2022,Ghosted\n" * 4
                  + "3/1/2022,Ghosted\n")
    return {
        "sheet of a csv": (lambda: anonymise_file(SAMPLE, out, sheet="2025"),
                           [SAMPLE, "-o", out, "--sheet", "2025"],
                           "sheet: 'tracker_sample.csv' is not a workbook, so it has no sheets; "
                           "leave out sheet= for a CSV file",
                           "--sheet: 'tracker_sample.csv' is not a workbook, so it has no "
                           "sheets; leave out --sheet for a CSV file"),
        "missing sheet": (lambda: anonymise_file(_workbook(d / "t.xlsx"), out, sheet="Jobs"),
                          [d / "t.xlsx", "-o", out, "--sheet", "Jobs"],
                          "sheet: 't.xlsx' has no sheet named 'Jobs'",
                          "--sheet: 't.xlsx' has no sheet named 'Jobs'"),
        "mapping names a missing header": (
            lambda: anonymise_file(SAMPLE, out, load_mapping(mapping)),
            [SAMPLE, "-o", out, "--mapping", mapping],
            "mapping: applied: names a column 'Sent on' the tracker lacks",
            "--mapping: applied: names a column 'Sent on' the tracker lacks"),
        "empty mapping file": (lambda: load_mapping(_write(d / "e.yaml", " \n")),
                               [SAMPLE, "-o", out, "--mapping", d / "e.yaml"],
                               "mapping: e.yaml is empty", "--mapping: e.yaml is empty"),
        "k too large": (lambda: anonymise_file(SAMPLE, out, k=50), [SAMPLE, "-o", out, "--k", "50"],
                        "k: no group of 50 similar applications can be formed from 12 rows; "
                        "give a smaller k= (e.g. k=2), or bring more applications",
                        "--k: no group of 50 similar applications can be formed from 12 rows; "
                        "give a smaller --k (e.g. --k 2), or bring more applications"),
        "missing source": (lambda: anonymise_file(d / "absent.csv", out),
                           [d / "absent.csv", "-o", out], "source: no file named",
                           "input: no file named"),
        "output is the source": (lambda: anonymise_file(SAMPLE, SAMPLE), [SAMPLE, "-o", SAMPLE],
                                 "output: is the input file itself",
                                 "--output: is the input file itself"),
        "bad export date": (lambda: anonymise_file(SAMPLE, out, export_date="soon"),
                            [SAMPLE, "-o", out, "--export-date", "soon"],
                            "export_date: 'soon' is not a date",
                            "--export-date: 'soon' is not a date"),
        "date after the export date": (
            lambda: anonymise_file(late, out, export_date="2022-02-01"),
            [late, "-o", out, "--export-date", "2022-02-01"],
            "row 6, column 'Date sent': '3/1/2022' is implausible: 2022-03-01 is in the future "
            "(after the export date, 2022-02-01); correct the date, or give the real "
            "export_date=",
            "row 6, column 'Date sent': '3/1/2022' is implausible: 2022-03-01 is in the future "
            "(after the export date, 2022-02-01); correct the date, or give the real "
            "--export-date"),
    }


CASE_NAMES = ["sheet of a csv", "missing sheet", "mapping names a missing header",
              "empty mapping file", "k too large", "missing source", "output is the source",
              "bad export date", "date after the export date"]


def test_every_case_is_listed(tmp_path):
    assert list(_cases(tmp_path)) == CASE_NAMES


@pytest.mark.parametrize("name", CASE_NAMES)
def test_the_library_names_parameters_and_the_command_names_flags(followup, tmp_path, name):
    call, argv, library, command = _cases(tmp_path)[name]
    with pytest.raises(InputError) as err:
        call()
    assert str(err.value).startswith(library)
    assert not any(flag in str(err.value) for flag in FLAGS), str(err.value)
    assert followup("anonymise", *argv).startswith(command)


def test_a_raw_tracker_given_to_analyse_points_to_the_anonymiser(followup):
    with pytest.raises(InputError) as err:
        load_applications(SAMPLE)
    assert "anonymise_file() first" in str(err.value)
    assert "with 'followup anonymise' first" in followup("analyse", SAMPLE)


def test_the_command_rewords_the_report_too(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("anonymise",))
    assert cli.main(["anonymise", str(SAMPLE), "-o", str(tmp_path / "o.csv"), "--k", "2"]) == 0
    out = capsys.readouterr().out
    assert "pass --export-date" in out and "export_date=" not in out


@pytest.mark.parametrize("error, flags, expected", [
    (InputError("params.k_anonymity", "must be from 2", "give e.g. 5"), {"params": "--param"},
     "--param k_anonymity: must be from 2; give e.g. 5"),
    (InputError("mapping: values.outcome", "bad", None), {"mapping": "--mapping"},
     "--mapping: values.outcome: bad"),
    (InputError("row 2, column 'k='", "k=3 is odd", "see sheet=NAME"), {"sheet": "--sheet"},
     "row 2, column 'k=': k=3 is odd; see --sheet NAME"),
    (InputError("output", "exists", "pass force=True to replace it"), {"force": "--force"},
     "output: exists; pass --force to replace it"),
])
def test_reworded_changes_only_parameter_words(error, flags, expected):
    assert str(reworded(error, flags)) == expected


def test_reword_leaves_words_that_merely_contain_a_name():
    assert reword("check=1, desk=2, risk level", {"k": "--k"}) == "check=1, desk=2, risk level"
