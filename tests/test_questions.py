"""Knowledge-check questions: the shipped sets, the computed answers, the schema's errors, the answer sheet."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from followup_lib.errors import InputError
from followup_lib.etiquette.calls import call_permission
from followup_lib.etiquette.windows import as_of, windows
from followup_lib.messages.review import review_draft
from followup_lib.questions import (CALL_OPTIONS, DAY_RULES, QUESTION_TYPES, REVIEW_RULES, AnswerSheet, grade,
                                    load_questions, question_set_ids, solve)
from followup_lib.workspace import FileExists, LearnerFolder

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK_STEMS = ["00-start-here", "01-set-up-during-the-interview", "02-thank-you", "03-wait-out-the-timeline",
                  "04-follow-up-by-email", "05-call-only-when-warranted", "06-one-more-attempt",
                  "07-read-the-silence", "08-data-lab"]
ALL_QUESTIONS = [(sid, q.id) for sid in NOTEBOOK_STEMS for q in load_questions(sid)]


def _question(set_id, qid):
    return load_questions(set_id).question(qid)


def _write(tmp_path, body: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


MINIMAL = """\
title: Mine
questions:
  - id: one
    type: multiple_choice
    prompt: Which?
    options:
      - {text: This, correct: true, explanation: Because.}
      - {text: That, explanation: Not that.}
"""


# --- the shipped sets ------------------------------------------------------------------

def test_one_set_per_notebook():
    assert question_set_ids() == NOTEBOOK_STEMS


@pytest.mark.parametrize("set_id", NOTEBOOK_STEMS)
def test_every_shipped_set_loads_with_three_to_five_questions(set_id):
    qs = load_questions(set_id)
    assert qs.id == set_id and qs.title
    assert 3 <= len(qs) <= 5
    qs.check_answers()  # every computed answer exists
    for q in qs:
        assert q.type in QUESTION_TYPES
        assert all(o.explanation for o in q.options)


def test_the_shipped_sets_use_every_type():
    used = {load_questions(sid).question(qid).type for sid, qid in ALL_QUESTIONS}
    assert used == set(QUESTION_TYPES)


@pytest.mark.parametrize("set_id,qid", ALL_QUESTIONS)
def test_every_shipped_question_grades_its_own_answer_as_correct(set_id, qid):
    q = _question(set_id, qid)
    right = solve(q).answer
    assert grade(q, right).correct
    assert grade(q, right).headline == "Correct"


def test_the_notebooks_that_exist_name_a_shipped_set():
    for nb in (REPO / "notebooks").glob("*.ipynb"):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        for found in re.findall(r'KnowledgeCheck\(\s*"([^"]+)"', "".join("".join(c["source"]) for c in cells)):
            assert found == nb.stem and found in NOTEBOOK_STEMS


# --- computed answers ------------------------------------------------------------------

def test_which_day_over_us_thanksgiving():
    q = _question("04-follow-up-by-email", "when-over-thanksgiving")
    fb = grade(q, date(2026, 11, 26))
    assert not fb.correct and fb.answer == date(2026, 11, 30) and fb.business_days == 2
    assert (date(2026, 11, 26), "Thanksgiving Day, a public holiday") in fb.skipped
    text = " ".join(fb.notes)
    assert "Mon 30 Nov 2026 is 2 business days after the decision date, Wed 25 Nov 2026." in text
    assert "Thu 26 Nov 2026 (Thanksgiving Day, a public holiday)" in text and "Sat 28 Nov 2026 (weekend)" in text
    assert "Thanksgiving Day, a public holiday: the coach never sets a due date on one" in text


def test_which_day_in_britain_names_the_observed_boxing_day():
    fb = grade(_question("04-follow-up-by-email", "christmas-in-britain"), date(2026, 12, 30))
    assert fb.correct and fb.business_days == 2
    reasons = dict(fb.skipped)
    assert reasons[date(2026, 12, 25)] == "Christmas Day, a public holiday"
    assert reasons[date(2026, 12, 28)] == "Boxing Day (observed), a public holiday"
    assert "(GB calendar)" in " ".join(fb.notes)


@pytest.mark.parametrize("set_id,qid,expected", [
    ("00-start-here", "first-follow-up-day", date(2026, 11, 24)),
    ("01-set-up-during-the-interview", "no-date-given", date(2026, 11, 30)),
    ("02-thank-you", "friday-window", date(2026, 11, 14)),
    ("06-one-more-attempt", "second-attempt-day", date(2026, 12, 2)),
    ("06-one-more-attempt", "after-the-new-date", date(2026, 12, 15)),
    ("07-read-the-silence", "move-on-day", date(2026, 12, 9)),
])
def test_which_day_answers(set_id, qid, expected):
    assert solve(_question(set_id, qid)).answer == expected


@pytest.mark.parametrize("set_id,qid", [k for k in ALL_QUESTIONS if _question(*k).type == "which_day"])
def test_which_day_answers_are_the_windows_of_the_case(set_id, qid):
    q = _question(set_id, qid)
    value = getattr(windows(q.case, today=q.day, params=q.params), DAY_RULES[q.rule].field)
    assert solve(q).answer == (value.date() if hasattr(value, "date") else value)


def test_the_thank_you_window_is_elapsed_time_not_business_days():
    fb = grade(_question("02-thank-you", "friday-window"), date(2026, 11, 16))
    assert fb.business_days is None and fb.answer == date(2026, 11, 14)
    assert any("after the window closed" in n for n in fb.notes)


@pytest.mark.parametrize("set_id,qid,expected", [
    ("00-start-here", "call-on-the-monday", False),
    ("03-wait-out-the-timeline", "call-before-the-date", False),
    ("05-call-only-when-warranted", "date-long-passed", True),
    ("05-call-only-when-warranted", "invited-to-call", True),
    ("05-call-only-when-warranted", "no-date-two-weeks-on", False),
])
def test_call_or_not_answers_come_from_call_permission(set_id, qid, expected):
    q = _question(set_id, qid)
    case = as_of(q.case, q.day)
    assert call_permission(case, q.day, windows(case, today=q.day))[0] is expected
    assert solve(q).answer is expected
    fb = grade(q, not expected)
    assert not fb.correct and fb.answer_text == CALL_OPTIONS[0 if expected else 1][0]


def test_call_or_not_feedback_says_why_each_exception_fails():
    fb = grade(_question("00-start-here", "call-on-the-monday"), True)
    text = " ".join(fb.notes)
    assert "passed only 1 business day ago" in text and "acceptable from Wed 25 Nov 2026" in text
    assert "(b) does not hold" in text and "(c) does not hold" in text


@pytest.mark.parametrize("set_id,qid,faults", [
    ("02-thank-you", "spot-the-faults", {"placeholder", "shouting", "exclamations", "missing_specific_topic"}),
    ("04-follow-up-by-email", "follow-up-faults", {"pressure", "missing_thanks", "missing_interest"}),
    ("05-call-only-when-warranted", "script-faults", {"missing_identity", "missing_interest"}),
    ("06-one-more-attempt", "a-third-chase", {"too_many_contacts"}),
])
def test_whats_wrong_faults_are_the_reviewers_errors_and_warnings(set_id, qid, faults):
    q = _question(set_id, qid)
    review = review_draft(q.draft, q.kind, q.context, today=q.day)
    fired = {f.rule for f in review.findings if f.severity in ("error", "warning")}
    assert {q.options[i].rule for i in solve(q).answer} == faults == fired & {o.rule for o in q.options}


def test_call_or_not_options_carry_their_own_explanations():
    fb = grade(_question("05-call-only-when-warranted", "invited-to-call"), False)
    yes, no = fb.options
    assert yes.right and not yes.chosen and "(b) the interviewer invited you to call." in yes.explanation
    assert no.chosen and not no.right and no.verdict == "your answer: not right" and no.explanation
    assert any("Email is still the recommended channel" in n for n in fb.notes)


def test_whats_wrong_feedback_explains_each_option_with_the_reviewers_words():
    q = _question("04-follow-up-by-email", "follow-up-faults")
    fb = grade(q, [0, 3])
    assert not fb.correct and len(fb.options) == len(q.options)
    by_rule = dict(zip((o.rule for o in q.options), fb.options))
    assert by_rule["pressure"].verdict == "you ticked it: right"
    assert any("reads as a demand" in d for d in by_rule["pressure"].details)
    assert by_rule["missing_thanks"].verdict == "you missed this one: it belongs"
    assert by_rule["placeholder"].verdict == "you ticked it, but it does not belong"
    assert by_rule["exclamations"].verdict == "not ticked: right" and by_rule["exclamations"].explanation


def test_choice_feedback_gives_every_option_its_explanation():
    q = _question("04-follow-up-by-email", "why-timing-matters")
    fb = grade(q, 1)
    assert not fb.correct and [o.explanation for o in fb.options] == [o.explanation for o in q.options]
    assert fb.options[1].verdict == "your answer: not right" and fb.options[0].verdict == "the right answer"
    assert grade(q, q.options[0].text).correct  # an option's text works as the answer too


@pytest.mark.parametrize("answer", [None, 7, True, "not an option", []])
def test_an_unusable_answer_is_one_error_naming_answer(answer):
    with pytest.raises(InputError, match=r"^answer: "):
        grade(_question("04-follow-up-by-email", "worth-reading" if answer == [] else "why-timing-matters"), answer)


# --- the schema's errors --------------------------------------------------------------

@pytest.mark.parametrize("edit,message", [
    (("type: multiple_choice", "type: essay"),
     "mine.yaml, question 'one', type: 'essay' is not a type of question"),
    (("{text: That, explanation: Not that.}", "{text: That}"),
     "mine.yaml, question 'one', options[1].explanation: is missing; every option needs its own explanation"),
    (("{text: This, correct: true, explanation: Because.}", "{text: This, explanation: Because.}"),
     "mine.yaml, question 'one', options: has no correct option; mark the right one with correct: true"),
    (("{text: That, explanation: Not that.}", "{text: That, correct: true, explanation: Not that.}"),
     "mine.yaml, question 'one', options: has 2 correct options, but a multiple_choice question has one"),
    (("prompt: Which?", "promt: Which?"),
     "mine.yaml, question 'one', promt: is not a field here; did you mean 'prompt'?"),
    (("{text: That,", "{text: No,"), "mine.yaml, question 'one', options[1].text: is not text (False)"),
    (("  - id: one", "  - id: One Two"), "mine.yaml, question 1, id: 'One Two' is not a usable id"),
    (("title: Mine", "title: Mine\ntitle: Again"), "mine.yaml, line 2: the key 'title' is given twice"),
    (("prompt: Which?", "prompt: [Which?"), "mine.yaml, line"),
])
def test_schema_errors_name_the_file_question_and_field(tmp_path, edit, message):
    path = _write(tmp_path, MINIMAL.replace(*edit))
    with pytest.raises(InputError) as err:
        load_questions(path)
    assert str(err.value).startswith(message)


def test_yaml_that_builds_python_objects_is_refused(tmp_path):
    path = _write(tmp_path, MINIMAL.replace("title: Mine", 'title: !!python/object/apply:os.system ["echo hi"]'))
    with pytest.raises(InputError, match=r"^mine.yaml, line 1: is not readable YAML"):
        load_questions(path)


def test_duplicate_question_ids_are_refused(tmp_path):
    body = MINIMAL + MINIMAL.split("questions:\n")[1]
    with pytest.raises(InputError, match=r"^mine.yaml, question 'one', id: is used by question 1 too"):
        load_questions(_write(tmp_path, body))


WHICH_DAY = """\
title: Days
questions:
  - id: due
    type: which_day
    prompt: When?
    rule: follow_up_due
    case: {interview_end: "2026-11-16T15:00:00-05:00", decision_by: "2026-11-20"}
"""


@pytest.mark.parametrize("edit,message", [
    (('    case: {interview_end: "2026-11-16T15:00:00-05:00", decision_by: "2026-11-20"}\n', ""),
     "days.yaml, question 'due', case: is missing"),
    (("    rule: follow_up_due\n", ""), "days.yaml, question 'due', rule: is missing; use one of: thank_you_due, decision_date"),
    (("rule: follow_up_due", "rule: folow_up_due"),
     "days.yaml, question 'due', rule: 'folow_up_due' is not a dated rule; did you mean 'follow_up_due'?"),
    (('decision_by: "2026-11-20"', 'decision_by: "2026-11-02"'),
     "days.yaml, question 'due', case.decision_by: 2026-11-02 is before the interview"),
    (("rule: follow_up_due", "rule: follow_up_due\n    params: {follow_up_grace: -1}"),
     "days.yaml, question 'due', params.follow_up_grace: must be from 0 to 260"),
])
def test_which_day_needs_a_case_and_a_rule(tmp_path, edit, message):
    with pytest.raises(InputError) as err:
        load_questions(_write(tmp_path, WHICH_DAY.replace(*edit), "days.yaml"))
    assert str(err.value).startswith(message)


def test_a_which_day_with_no_day_to_compute_is_refused_when_answers_are_checked(tmp_path):
    qs = load_questions(_write(tmp_path, WHICH_DAY.replace("follow_up_due", "call_ok_from")
                               .replace(', decision_by: "2026-11-20"', ""), "days.yaml"))
    with pytest.raises(InputError, match=r"^days.yaml, question 'due', rule: call_ok_from has no day"):
        qs.check_answers()


def test_params_of_a_question_change_its_computed_day(tmp_path):
    qs = load_questions(_write(tmp_path, WHICH_DAY.replace("rule: follow_up_due",
                                                           "rule: follow_up_due\n    params: {follow_up_grace: 3}")))
    assert solve(qs.question("due")).answer == date(2026, 11, 25)


WHATS_WRONG = """\
title: Faults
questions:
  - id: draft
    type: whats_wrong
    prompt: What is wrong?
    kind: follow_up
    draft: "Hi Sam, any news?? Please reply ASAP!!"
    options:
      - {rule: pressure, text: Pressure, explanation: Demands an answer.}
      - {rule: placeholder, text: Template text, explanation: None here.}
"""


def test_whats_wrong_options_name_reviewer_rules(tmp_path):
    with pytest.raises(InputError, match=r"^faults.yaml, question 'draft', options\[1\]\.rule: 'placholder' is not"
                                         r" a rule of the reviewer; did you mean 'placeholder'\?"):
        load_questions(_write(tmp_path, WHATS_WRONG.replace("rule: placeholder", "rule: placholder"), "faults.yaml"))
    with pytest.raises(InputError, match=r"^faults.yaml, question 'draft', kind: 'email' is not a kind of message"):
        load_questions(_write(tmp_path, WHATS_WRONG.replace("kind: follow_up", "kind: email"), "faults.yaml"))


def test_a_whats_wrong_draft_without_any_listed_fault_has_no_correct_option(tmp_path):
    body = WHATS_WRONG.replace("rule: pressure", "rule: shouting")
    qs = load_questions(_write(tmp_path, body, "faults.yaml"))
    with pytest.raises(InputError, match=r"^faults.yaml, question 'draft', options: has no correct option"):
        qs.check_answers()


def test_call_or_not_needs_a_day(tmp_path):
    body = WHICH_DAY.replace("type: which_day", "type: call_or_not").replace("    rule: follow_up_due\n", "")
    with pytest.raises(InputError, match=r"^days.yaml, question 'due', day: is missing"):
        load_questions(_write(tmp_path, body, "days.yaml"))


def test_unknown_set_suggests_the_nearest():
    with pytest.raises(InputError, match="did you mean '05-call-only-when-warranted'"):
        load_questions("05-call-only")


def test_every_review_rule_a_question_may_name_is_a_documented_rule():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \| (?:error|warning|tip)", readme, re.MULTILINE))
    assert set(REVIEW_RULES) <= documented | {"missing_thanks", "missing_interest", "missing_specific_topic",
                                              "missing_next_steps"}


def test_the_questions_package_loads_no_widgets():
    probe = ("import sys, followup_lib.questions as q; s = q.load_questions('02-thank-you'); "
             "q.grade(s.question('friday-window'), '2026-11-14'); print('ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


# --- the answer sheet ----------------------------------------------------------------------

def _answered_sheet():
    qs = load_questions("04-follow-up-by-email")
    sheet = (AnswerSheet(qs).record("when-over-thanksgiving", date(2026, 11, 27))
             .record("christmas-in-britain", date(2026, 12, 30))
             .record("follow-up-faults", [0, 1, 2])
             .record("why-timing-matters", 0))
    return qs, sheet.clear("why-timing-matters").record("why-timing-matters", 0)


def test_score_counts_right_answers_and_tries():
    qs, sheet = _answered_sheet()
    assert sheet.score == (3, 4, 5)
    assert sheet.tries("why-timing-matters") == 2 and sheet.tries("worth-reading") == 0
    assert sheet.score_line() == "Score: 3 of 5 correct (4 answered; 1 still to answer)."


def test_json_round_trip_regrades_every_answer():
    qs, sheet = _answered_sheet()
    data = json.loads(sheet.to_json())
    assert data["answers"]["christmas-in-britain"] == {"answer": "2026-12-30", "tries": 1}
    assert data["answers"]["why-timing-matters"]["answer"] == qs.question("why-timing-matters").options[0].text
    data["score"]["correct"] = 5  # a file's own verdicts are not trusted
    again = AnswerSheet.from_json(json.dumps(data), qs)
    assert again == sheet and again.score == (3, 4, 5)
    cleared = sheet.clear("when-over-thanksgiving")
    assert AnswerSheet.from_json(cleared.to_json(), qs).tries("when-over-thanksgiving") == 1


def test_every_type_round_trips():
    answers = {}
    for set_id, qid in ALL_QUESTIONS:
        answers.setdefault(set_id, []).append(qid)
    for set_id, qids in answers.items():
        qs = load_questions(set_id)
        sheet = AnswerSheet(qs)
        for qid in qids:
            sheet = sheet.record(qid, solve(qs.question(qid)).answer)
        assert AnswerSheet.from_json(sheet.to_json(), qs) == sheet and sheet.score == (len(qs),) * 3


def test_saving_in_the_learner_folder_takes_a_second_step_to_replace(tmp_path):
    folder = LearnerFolder(tmp_path / "my-work")
    qs, sheet = _answered_sheet()
    path = sheet.save(folder)
    assert path.name == "answers-04-follow-up-by-email.json"
    with pytest.raises(FileExists):
        AnswerSheet(qs).record("worth-reading", [0]).save(folder)
    assert AnswerSheet.load(qs, folder) == sheet
    AnswerSheet(qs).record("worth-reading", [0]).save(folder, replace=True)
    assert AnswerSheet.load(qs, folder).score == (0, 1, 5)


@pytest.mark.parametrize("mangle,message", [
    (lambda d: {**d, "set": "02-thank-you"}, "holds answers to '02-thank-you', not to '04-follow-up-by-email'"),
    (lambda d: {**d, "answers": {**d["answers"], "gone": {"answer": "x"}}},
     "does not match this set of questions (it answers a question 'gone' the set does not have)"),
    (lambda d: {**d, "answers": {**d["answers"], "why-timing-matters": {"answer": "An old option"}}},
     "an option chosen for 'why-timing-matters' is no longer offered"),
    (lambda d: {**d, "answers": {**d["answers"], "christmas-in-britain": {"answer": "30/12/2026"}}},
     "the answer to 'christmas-in-britain' is unreadable"),
    (lambda d: {**d, "format": "something else"}, "is not a Follow-up Coach answers file"),
])
def test_an_answers_file_that_does_not_match_gives_a_plain_message(mangle, message):
    qs, sheet = _answered_sheet()
    text = json.dumps(mangle(json.loads(sheet.to_json())))
    with pytest.raises(InputError) as err:
        AnswerSheet.from_json(text, qs, source="answers-04-follow-up-by-email.json")
    assert str(err.value).startswith("answers-04-follow-up-by-email.json: ") and message in str(err.value)


def test_a_file_that_is_not_json_says_where():
    qs, _ = _answered_sheet()
    with pytest.raises(InputError, match=r"answers file: is not readable JSON \(line 1, column 2\)"):
        AnswerSheet.from_json("{nope", qs)


def test_loading_when_nothing_was_saved_says_so(tmp_path):
    qs, _ = _answered_sheet()
    with pytest.raises(InputError, match="none saved yet for this set in my-work/; press Save my answers first"):
        AnswerSheet.load(qs, LearnerFolder(tmp_path / "my-work"))


@pytest.mark.parametrize("name,cell", [
    ('Lee, Sam "the analyst"', 'Lee, Sam "the analyst"'),
    ("Zoë O'Neill", "Zoë O'Neill"),
    ("Two\nlines", "Two lines"),
    ("=1+2", "'=1+2"),
    ("@SUM(A1)", "'@SUM(A1)"),
])
def test_csv_export_escapes_the_name(name, cell):
    _, sheet = _answered_sheet()
    text = sheet.to_csv(name)
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2 and len(rows[0]) == len(rows[1]) == 5 + 2 * 5
    assert rows[1][0] == cell and rows[1][1:5] == ["04-follow-up-by-email", "3", "4", "5"]
    assert dict(zip(rows[0], rows[1]))["when-over-thanksgiving"] == "not quite"
    assert dict(zip(rows[0], rows[1]))["why-timing-matters tries"] == "2"
    assert text.endswith("\r\n") and text.count("\r\n") == 2


@pytest.mark.parametrize("name", ["", "   ", None, "x" * 101])
def test_csv_export_needs_a_name(name):
    _, sheet = _answered_sheet()
    with pytest.raises(InputError, match=r"^Your name: "):
        sheet.to_csv_row(name)
