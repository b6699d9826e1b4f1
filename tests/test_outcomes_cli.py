"""``followup analyse``: text and JSON reports, bad files as one-line errors."""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys

import pytest

from followup_lib.cli.outcomes import register
from followup_lib.errors import InputError

OTHER_COMMAND_MODULES = ("plans", "messages", "anonymise")


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="followup")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.handler(args)


def test_json_report_has_the_promised_keys(capsys):
    assert _run(["analyse", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 3000
    assert report["n_censored"] > 0
    assert set(report["median_days_to_response"]) == {"days", "ci_lower", "ci_upper"}
    assert list(report["p_response_by_day"]) == ["7", "14", "21", "28"]
    assert list(report["p_response_given_silent"]) == ["7", "14", "21"]


def test_text_report_reads_like_a_coach(capsys):
    assert _run(["analyse"]) == 0
    text = capsys.readouterr().out
    assert "Median wait for a first response: 7 days" in text
    assert "Counting only answered applications would say 2 days" in text
    assert "An association, not a cause" in text


def test_a_named_file_is_read(tmp_path, capsys):
    from followup_lib.outcomes.generator import generate_applications
    from followup_lib.outcomes.loader import save_applications

    path = save_applications(generate_applications(80, seed=4), tmp_path / "cohort.parquet")
    assert _run(["analyse", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["n"] == 80


def test_a_bad_file_is_an_input_error_and_nothing_is_written(tmp_path):
    bad = tmp_path / "cohort.csv"
    bad.write_bytes(b"app_id;industry\nA1;tech\n")
    with pytest.raises(InputError, match="cohort.csv: is separated by semicolons"):
        _run(["analyse", str(bad)])
    assert [p.name for p in tmp_path.iterdir()] == ["cohort.csv"]


def test_the_followup_command_prints_one_line_and_exits_2(tmp_path):
    missing = [m for m in OTHER_COMMAND_MODULES
               if importlib.util.find_spec(f"followup_lib.cli.{m}") is None]
    if missing:
        pytest.skip(f"followup_lib.cli modules not written yet: {', '.join(missing)}")
    bad = tmp_path / "empty.csv"
    bad.write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "followup_lib.cli", "analyse", str(bad)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["followup: error: empty.csv: is empty; "
                                                  "choose a file that has a header and rows"]
    assert result.stdout == ""
