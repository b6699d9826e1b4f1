import json
import subprocess
import sys

import pytest

from tests.helpers import run_cli as run

from tests.test_case import ISSUE_EXAMPLE


@pytest.fixture
def case_file(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(ISSUE_EXAMPLE))
    return path



def test_advise_json_has_documented_fields(capsys, case_file):
    code, out, _ = run(capsys, "advise", "--situation", str(case_file), "--today", "2026-11-24", "--format", "json")
    advice = json.loads(out)
    assert code == 0
    assert advice["action"] == "send_follow_up" and advice["next_date"] == "2026-11-24"
    assert advice["channel"] == "email" and advice["call_permitted"] is False


def test_advise_after_new_timeline(capsys, case_file):
    _, out, _ = run(capsys, "advise", "--situation", str(case_file), "--today", "2026-11-30", "--format", "json")
    assert json.loads(out)["action"] == "follow_new_timeline"


def test_advise_text_is_readable(capsys, case_file):
    code, out, _ = run(capsys, "advise", "--situation", str(case_file), "--today", "2026-11-18")
    assert code == 0 and out.startswith("Wait.") and "Why:" in out and "Key dates:" in out


def test_advise_from_flags_alone(capsys):
    code, out, _ = run(capsys, "advise", "--interview-end", "2026-11-16T15:00-05:00", "--decision-by", "2026-11-20",
                       "--contact", "thank_you=2026-11-16", "--invited-to-call", "--today", "2026-11-18",
                       "--format", "json")
    advice = json.loads(out)
    assert code == 0 and advice["action"] == "wait" and advice["call_permitted"]


def test_param_override(capsys, case_file):
    _, out, _ = run(capsys, "advise", "--interview-end", "2026-11-16T15:00-05:00", "--decision-by", "2026-11-20",
                    "--contact", "thank_you=2026-11-16", "--today", "2026-11-24", "--format", "json",
                    "--param", "follow_up_grace=3", "--param", "follow_up_ideal_max=4")
    assert json.loads(out)["action"] == "wait"


def test_plan_json_and_ics(capsys, case_file, tmp_path):
    ics = tmp_path / "plan.ics"
    code, out, _ = run(capsys, "plan", "--situation", str(case_file), "--today", "2026-11-21",
                       "--format", "json", "--ics", str(ics))
    steps = json.loads(out)
    assert code == 0
    assert all(set(s) >= {"step", "due", "channel", "description"} for s in steps)
    assert [s["due"] for s in steps] == sorted(s["due"] for s in steps)
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("argv,field", [
    (["advise"], "interview_end"),
    (["advise", "--interview-end", "yesterday"], "interview_end"),
    (["advise", "--interview-end", "2026-11-16T15:00-05:00", "--decision-by", "2026-11-01"], "decision_by"),
    (["advise", "--interview-end", "2026-11-16T15:00-05:00", "--country", "Atlantis"], "country"),
    (["advise", "--interview-end", "2026-11-16T15:00-05:00", "--contact", "thank_you=2026-11-15"], "contacts[0].at"),
    (["advise", "--interview-end", "2026-11-16T15:00-05:00", "--today", "16/11/2026"], "--today"),
    (["advise", "--interview-end", "2026-11-16T15:00-05:00", "--param", "grace=3"], "--param grace"),
    (["plan", "--interview-end", "2026-11-16T15:00-05:00", "--ics", "plan.txt"], "--ics"),
])
def test_bad_input_one_line_exit_2(capsys, argv, field):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"followup: error: {field}")


def test_malformed_json_file(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"interview_end": "2026-11-16T15:00:00-05:00",,}')
    code, _, err = run(capsys, "advise", "--situation", str(bad))
    assert code == 2 and "not valid JSON (line 1" in err
    assert bad.read_text() == '{"interview_end": "2026-11-16T15:00:00-05:00",,}'


def test_installed_command_prints_no_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    proc = subprocess.run([sys.executable, "-m", "followup_lib.cli", "advise", "--situation", str(bad)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
