"""``followup draft`` and ``followup review``: output, exit statuses, files left untouched."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import followup_lib.cli as cli
from followup_lib.messages.review import review_draft
from tests.helpers import BASE

REPO = Path(__file__).resolve().parents[1]
GOOD = """Hi Sam,

Thank you for meeting with me about the Data Analyst role. I especially enjoyed our
conversation about the churn dashboard. I am very interested in the position and look
forward to hearing about the next steps.

Best regards,
Zoë Ångström
"""
DRAFT_ARGS = ["--name", "Zoë Ångström", "--interviewer", "Ms. Lee", "--position", "Data Analyst",
              "--company", "Acme", "--topic", "the churn dashboard"]


@pytest.fixture
def run(monkeypatch, capsys):
    """Run ``followup`` with only this module's sub-commands; return (status, stdout, stderr)."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("messages",))

    def _run(*argv, stdin: str | bytes | None = None):
        if stdin is not None:
            raw = stdin if isinstance(stdin, bytes) else stdin.encode("utf-8")
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
        status = cli.main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return status, out, err
    return _run


@pytest.fixture
def files(tmp_path):
    (tmp_path / "case.json").write_text(json.dumps(BASE), encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.txt").write_text("Hi Sam, any news?? Reply ASAP.", encoding="utf-8")
    return tmp_path


def test_draft_prints_the_message(run, files):
    status, out, _ = run("draft", "thank_you", *DRAFT_ARGS, "--tone", "formal")
    assert status == 0 and out.startswith("Subject: ") and "Dear Ms. Lee," in out
    assert "the churn dashboard" in out and out.rstrip().endswith("Zoë Ångström")


def test_draft_json_and_a_case_file(run, files):
    status, out, _ = run("draft", "voicemail", *DRAFT_ARGS, "--phone", "555 010 0199",
                         "--situation", files / "case.json", "--format", "json")
    data = json.loads(out)
    assert status == 0 and data["kind"] == "voicemail" and data["subject"] is None
    assert "Monday, November 16" in data["body"] and data["speaking_seconds"] < 45


def test_draft_takes_the_interviewer_from_the_case(run, files):
    (files / "case.json").write_text(json.dumps({**BASE, "contact_name": "Dr. Okafor"}), encoding="utf-8")
    status, out, _ = run("draft", "call_script", "--name", "Sam Roe", "--position", "Analyst",
                         "--situation", files / "case.json", "--variant", "0")
    assert status == 0 and out.startswith("Hi Dr. Okafor, this is Sam Roe.")


@pytest.mark.parametrize("argv,message", [
    (["draft", "voicemail", *DRAFT_ARGS, "--situation", "{case}"], "followup: error: phone: is missing"),
    (["draft", "call_script", *DRAFT_ARGS], "followup: error: case: is missing"),
    (["draft", "thank_you", *DRAFT_ARGS, "--today", "2026-11-17"], "unrecognized arguments: --today"),
    (["draft", "thank_you", *DRAFT_ARGS, "--contact", "thank_you=2026-11-16"], "interview_end: is missing"),
    (["draft", "call_script", *DRAFT_ARGS, "--situation", "nope.json"], "no file named 'nope.json'"),
    (["draft", "follow_up", *DRAFT_ARGS, "--link", "ftp:/x"], "value_link"),
    (["review", "{empty}", "--kind", "thank_you"], "followup: error: text: is empty"),
    (["review", "missing.txt", "--kind", "thank_you"], "FILE: no file named"),
    (["review", "{good}", "--kind", "thank_you", "--context", "{badjson}"], "--context: is not valid JSON (line 1"),
    (["review", "{good}", "--kind", "thank_you", "--context", "{badfield}"], "context.nmae"),
])
def test_bad_input_exits_2_with_one_line(run, files, argv, message):
    (files / "empty.txt").write_text("  \n", encoding="utf-8")
    (files / "badjson.json").write_text("{name: 1}", encoding="utf-8")
    (files / "badfield.json").write_text('{"nmae": "Sam"}', encoding="utf-8")
    names = {"{case}": files / "case.json", "{empty}": files / "empty.txt", "{good}": files / "good.txt",
             "{badjson}": files / "badjson.json", "{badfield}": files / "badfield.json"}
    status, out, err = run(*[names.get(a, a) for a in argv])
    assert status == 2 and out == "" and message in err and err.count("\n") == 1


@pytest.mark.parametrize("argv", [["draft", "thankyou", *DRAFT_ARGS], ["review", "{good}", "--kind", "thankyou"]])
def test_a_mistyped_kind_gets_a_suggestion(run, files, argv):
    status, out, err = run(*[files / "good.txt" if a == "{good}" else a for a in argv])
    assert status == 2 and out == ""
    assert err == "followup: error: kind: 'thankyou' is not a kind of message; did you mean 'thank_you'?\n"


def test_an_unknown_kind_lists_the_kinds_once(run, files):
    status, _, err = run("review", files / "good.txt", "--kind", "postcard")
    assert status == 2 and err.count("thank_you") == 1 and err.count("voicemail") == 1


def test_a_script_without_a_case_says_which_options_give_it(run):
    status, _, err = run("draft", "call_script", *DRAFT_ARGS)
    assert status == 2
    assert err.strip().endswith("; pass --case FILE.json or --interview-end DATETIME")
    assert "give the case" not in err


def test_every_missing_field_is_named_with_its_option(run):
    status, _, err = run("draft", "thank_you", "--name", "Sam Roe", "--position", "Analyst")
    assert status == 2 and err.count("\n") == 1
    assert err.startswith("followup: error: interviewer, company, topic: are missing")
    assert err.rstrip().endswith("; pass --interviewer, --company and --topic")
    _, _, err = run("draft", "voicemail", "--name", "Sam Roe", "--position", "Analyst", "--interviewer", "Lee")
    assert "case, phone: are missing" in err and "--interview-end DATETIME" in err and "--phone" in err


def test_draft_takes_the_case_flags_of_advise(run):
    status, out, _ = run("draft", "voicemail", *DRAFT_ARGS, "--phone", "555 010 0199",
                         "--interview-end", "2026-11-16T15:00-05:00", "--format", "json")
    assert status == 0 and "Monday, November 16" in json.loads(out)["body"]
    status, out, _ = run("draft", "second_attempt", *DRAFT_ARGS, "--interview-end", "2026-11-16T15:00-05:00",
                         "--decision-by", "2026-11-20", "--contact", "follow_up=2026-11-24T10:00-05:00")
    assert status == 0 and "November 24" in out


def test_draft_falls_back_to_the_case_company_position_and_contact(run, files):
    case = {**BASE, "contact_name": "Dr. Okafor", "company": "Globex", "position": "Data Analyst"}
    (files / "case.json").write_text(json.dumps(case), encoding="utf-8")
    status, out, _ = run("draft", "thank_you", "--name", "Sam Roe", "--topic", "the churn dashboard",
                         "--situation", files / "case.json")
    assert status == 0 and "Dr. Okafor," in out and "Globex" in out and "Data Analyst" in out
    status, out, _ = run("draft", "thank_you", "--name", "Sam Roe", "--topic", "SQL", "--company", "Initech",
                         "--situation", files / "case.json")
    assert status == 0 and "Initech" in out and "Globex" not in out


@pytest.mark.parametrize("command", ["draft", "review"])
def test_help_descriptions_start_with_a_capital(run, capsys, command):
    status, out, _ = run(command, "--help")
    assert status == 0
    description = out.split("\n\n")[1]
    assert description[0].isupper() and description.rstrip().endswith(".")


def test_review_exit_status_follows_errors(run, files):
    good, out, _ = run("review", files / "good.txt", "--kind", "thank_you")
    bad, bad_out, _ = run("review", files / "bad.txt", "--kind", "follow_up")
    assert good == 0 and "ready to send" in out.splitlines()[0]
    assert bad == 1 and "pressure" in bad_out and "fix the errors" in bad_out


def test_review_json_is_the_review_dict(run, files):
    status, out, _ = run("review", files / "bad.txt", "--kind", "follow_up", "--format", "json")
    expected = review_draft((files / "bad.txt").read_text(encoding="utf-8"), "follow_up").to_dict()
    assert status == 1 and json.loads(out) == expected


def test_review_reads_standard_input(run):
    status, out, _ = run("review", "-", "--kind", "thank_you", "--format", "json", stdin=GOOD)
    assert status == 0 and json.loads(out)["ok"] is True


def test_review_context_with_a_case_path_and_send_date(run, files):
    context = {"name": "Zoë Ångström", "topics": ["the churn dashboard"], "situation": "case.json",
               "send_date": "2026-11-19"}
    (files / "context.json").write_text(json.dumps(context), encoding="utf-8")
    before = (files / "good.txt").read_bytes(), (files / "good.txt").stat().st_mtime_ns
    status, out, _ = run("review", files / "good.txt", "--kind", "thank_you", "--context", files / "context.json")
    assert status == 0 and "late" in out  # a late thank-you is a warning: send it anyway
    assert ((files / "good.txt").read_bytes(), (files / "good.txt").stat().st_mtime_ns) == before


def test_the_installed_command_runs_review(files):
    result = subprocess.run([sys.executable, "-m", "followup_lib.cli", "review", "-", "--kind", "thank_you"],
                            input=GOOD, capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("thank_you: ")


def test_standard_input_is_decoded_like_a_file(run, files):
    by_file = run("review", files / "good.txt", "--kind", "thank_you", "--format", "json")[1]
    with_bom = "\ufeff" + (files / "good.txt").read_text(encoding="utf-8")
    by_stdin = run("review", "-", "--kind", "thank_you", "--format", "json", stdin=with_bom.encode("utf-8"))[1]
    assert json.loads(by_stdin) == json.loads(by_file)
