"""No traceback from any input: each class of hostile input gets one clear line.

Each test covers a class (a file name that is a folder, an unwritable output, JSON built
to exhaust a parser, an overlong field, decomposed Unicode, …), through the ``followup``
command (exit status 2 and one line on standard error, or 1 for an unwritable output) and,
where a notebook user meets the same input, through the library (an ``InputError`` that
names the field).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.helpers import run_cli as run

import followup_lib as fc
from followup_lib.errors import InputError

CASE = {"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"}
NAMES = ["--name", "Sam Roe", "--interviewer", "Ms. Lee", "--position", "Analyst", "--company", "Acme",
         "--topic", "the rota tool"]



def one_line_error(status, err, expected_status=2):
    assert status == expected_status, err
    assert err.count("\n") == 1 and err.startswith("followup: error: ") and "Traceback" not in err
    return err


@pytest.fixture
def case_file(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE))
    return path


# --- output files: folders, missing folders, unwritable places, existing files -----------------
def test_ics_naming_a_folder(capsys, case_file, tmp_path):
    err = one_line_error(*run(capsys, "plan", "--case", case_file, "--ics", tmp_path)[::2])
    assert "--ics:" in err and "is a folder" in err


def test_ics_in_a_missing_folder(capsys, case_file, tmp_path):
    err = one_line_error(*run(capsys, "plan", "--case", case_file, "--ics", tmp_path / "no" / "x.ics")[::2])
    assert "does not exist" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_ics_in_an_unwritable_folder(capsys, case_file, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    err = one_line_error(*run(capsys, "plan", "--case", case_file, "--ics", locked / "x.ics")[::2])
    assert "cannot be written" in err


def test_ics_in_a_folder_that_cannot_be_written_even_as_root(capsys, case_file):
    err = one_line_error(*run(capsys, "plan", "--case", case_file, "--ics", "/proc/followup-plan.ics")[::2])
    assert "--ics" in err


def test_ics_refuses_to_replace_a_file_without_force(capsys, case_file, tmp_path):
    target = tmp_path / "plan.ics"
    target.write_text("my own calendar")
    err = one_line_error(*run(capsys, "plan", "--case", case_file, "--ics", target)[::2])
    assert "already exists" in err and "--force" in err and target.read_text() == "my own calendar"
    status, out, _ = run(capsys, "plan", "--case", case_file, "--ics", target, "--force")
    assert status == 0 and target.read_text().startswith("BEGIN:VCALENDAR")


def test_ics_with_a_name_too_long_for_the_file_system(capsys, case_file, tmp_path):
    err = one_line_error(*run(capsys, "plan", "--case", case_file, "--ics", tmp_path / ("x" * 300 + ".ics"))[::2])
    assert "--ics" in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [["advise", "--format", "json"], ["plan"], ["draft", "thank_you", *NAMES]])
def test_standard_output_that_cannot_be_written(case_file, argv):
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "followup_lib.cli", *argv, "--case", str(case_file)],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and "cannot write the output" in result.stderr


# --- case files built to break a parser ----------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("[" * 100_000 + "]" * 100_000, "nested more than"),
    ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested more than"),
    ('{"interview_end": "2026-11-16T15:00:00-05:00", "x": ' + "9" * 5000 + "}", "more than 30 digits"),
    ('{"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20", "decision_by": "2026-12-20"}',
     "names 'decision_by' twice"),
    ('{"interview_end": "2026-11-16T15:00:00-05:00", "contacts": [{"at": "2026-11-17", "kind": "follow_up",'
     ' "kind": "call"}]}', "names 'kind' twice"),
    ("", "is empty"),
    ("\x00\x01\x02", "not a text file"),
    ('"just a string"', "must hold one JSON object"),
    ('{"interview_end": "' + "2" * 10_000 + '"}', "too long for a date"),
])
def test_hostile_case_files(capsys, tmp_path, text, expected):
    path = tmp_path / "case.json"
    path.write_bytes(text.encode("utf-8"))
    before = path.read_bytes()
    err = one_line_error(*run(capsys, "advise", "--case", path)[::2])
    assert expected in err
    with pytest.raises(InputError, match=expected):
        fc.load_case(path)
    assert path.read_bytes() == before


def test_old_flag_name_still_works(capsys, case_file):
    status, out, _ = run(capsys, "advise", "--situation", case_file, "--today", "2026-11-24")
    assert status == 0 and out.startswith("Send one follow-up email")


# --- overlong and odd fields -----------------------------------------------------------------
@pytest.mark.parametrize("argv, expected", [
    (["--timezone", "x" * 100_000], "timezone: is 100,000 characters long"),
    (["--timezone", "../../../../etc/passwd"], "is not a time zone name"),
    (["--country", "x" * 10_000], "country"),
    (["--today", "9999-12-31"], "--today: 9999-12-31 is outside the years"),
    (["--today", "5000-01-01"], "--today: 5000-01-01 is outside the years"),
    (["--decision-by", "9999-12-31"], "decision_by: 9999-12-31 is outside the years"),
    (["--interview-end", "0001-01-01T00:00+00:00"], "interview_end: 0001-01-01 is outside the years"),
    (["--interview-end", "9999-12-31T23:59-12:00"], "interview_end: 9999-12-31 is outside the years"),
])
def test_hostile_case_flags(capsys, case_file, argv, expected):
    err = one_line_error(*run(capsys, "advise", "--case", case_file, *argv)[::2])
    assert expected in err


@pytest.mark.parametrize("param, expected", [
    ("THANK_YOU_WINDOW=1.5", None), ("Follow_Up_Grace=3", None), ("FOLLOW_UP_GRACE=x", "is not a whole number"),
    ("words_per_minute=0", "--param words_per_minute: must be from 60"),
    ("late_after=" + "9" * 40, "--param late_after: must be from"),
    ("thank_you_window=nan", "--param thank_you_window"), ("thank_you_window=inf", "--param thank_you_window"),
    ("thank_you_window=1e12", "--param thank_you_window: must be from 1 to 336 hours"),
    ("nonsense=1", "--param nonsense: is not a parameter"),
])
def test_param_names_any_case_and_bad_values(capsys, case_file, param, expected):
    status, out, err = run(capsys, "advise", "--case", case_file, "--param", param, "--format", "json")
    if expected is None:
        assert status == 0 and json.loads(out)["action"]
    else:
        assert expected in one_line_error(status, err)


def test_upper_case_param_takes_effect(capsys, case_file):
    _, out, _ = run(capsys, "advise", "--case", case_file, "--today", "2026-11-24", "--param", "FOLLOW_UP_GRACE=3",
                    "--param", "FOLLOW_UP_IDEAL_MAX=3", "--format", "json")
    assert json.loads(out)["dates"]["follow_up_due"] == "2026-11-25"


# --- drafts and reviews ------------------------------------------------------------------------
@pytest.mark.parametrize("field, value", [("--name", "..."), ("--interviewer", "—"), ("--company", "!!!"),
                                          ("--position", " . . . ")])
def test_punctuation_only_names_are_refused(capsys, field, value):
    argv = list(NAMES)
    argv[argv.index(field) + 1] = value
    err = one_line_error(*run(capsys, "draft", "thank_you", *argv)[::2])
    assert field.lstrip("-") in err and "no letters or digits" in err


def test_decomposed_and_composed_text_review_the_same():
    composed = "Dear Ms. Lévy, thank you for the chat about the café rota. I am keen on the rôle and look forward to next steps."
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    one, two = fc.review_draft(composed, "thank_you"), fc.review_draft(decomposed, "thank_you")
    assert one.word_count == two.word_count
    assert [(f.rule, f.start, f.end) for f in one.findings] == [(f.rule, f.start, f.end) for f in two.findings]
    assert two.text == composed


def test_decomposed_names_in_a_draft_are_composed():
    d = fc.draft("thank_you", name=unicodedata.normalize("NFD", "Zoë Lévy"), interviewer="Ms. Lee",
                 position="Analyst", company="Acme", topics=["the rota"])
    assert "Zoë Lévy" in d.text


@pytest.mark.parametrize("text", ["", "   \n\t", "\u200b"])
def test_an_empty_draft_is_a_message(capsys, tmp_path, text):
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    err = one_line_error(*run(capsys, "review", path, "--kind", "thank_you")[::2])
    assert "empty" in err or "text" in err


def test_a_one_megabyte_paste_answers_with_one_error():
    review = fc.review_draft("word " * 200_000, "thank_you")
    assert "too_long" in review.rules("error")


def test_html_in_a_name_is_kept_as_text_and_escaped_when_shown():
    d = fc.draft("thank_you", name="Sam <img src=x onerror=alert(1)>", interviewer="Ms. Lee",
                 position="Analyst", company="Acme", topics=["the rota"])
    assert "<img" in d.text and "<img" not in d._repr_html_()
