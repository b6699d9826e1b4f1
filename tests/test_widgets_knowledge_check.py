"""The knowledge check widget, headless: answer, check, retry, save, load, export; read what it shows."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import textwrap
from datetime import date

import pytest

from followup_lib.questions import AnswerSheet, load_questions
from followup_lib.widgets.knowledge_check import KnowledgeCheck
from followup_lib.workspace import LearnerFolder

SET = "04-follow-up-by-email"
RIGHT, WRONG = "&#10004; Correct", "&#10006; Not quite"

# question id -> (a right answer, a wrong one), as a learner enters them in the controls
ANSWERS = {
    "multiple_choice": (SET, "why-timing-matters", 0, 2),
    "many_choice": (SET, "worth-reading", {0, 1, 2}, {0, 3}),
    "which_day": (SET, "when-over-thanksgiving", date(2026, 11, 30), date(2026, 11, 26)),
    "whats_wrong": (SET, "follow-up-faults", {0, 1, 2}, {0, 3}),
    "call_or_not": ("05-call-only-when-warranted", "date-long-passed", True, False),
}


@pytest.fixture
def folder(tmp_path):
    return LearnerFolder(tmp_path / "my-work")


@pytest.fixture
def check(folder):
    return KnowledgeCheck(SET, folder=folder)


def _enter(widget, qid, answer):
    """Set a question's controls as a learner would: click the radio, tick the boxes, type the date."""
    card = widget._cards[qid]
    if isinstance(answer, set):
        for i, box in enumerate(card.inputs):
            box.value = i in answer
    else:
        card.inputs[0].value = answer
    return card


def _answer(widget, qid, answer):
    card = _enter(widget, qid, answer)
    card.check.click()
    return card


@pytest.mark.parametrize("qtype", list(ANSWERS))
def test_a_right_answer_says_correct(folder, qtype):
    set_id, qid, right, _ = ANSWERS[qtype]
    widget = KnowledgeCheck(set_id, folder=folder)
    card = _answer(widget, qid, right)
    assert RIGHT in card.feedback.value and WRONG not in card.feedback.value
    assert widget.value.get(qid).correct and widget.value.score[0] == 1
    assert all(box.disabled for box in card.inputs)
    assert card.check.layout.display == "none" and card.retry.layout.display is None


@pytest.mark.parametrize("qtype", list(ANSWERS))
def test_a_wrong_answer_says_not_quite_and_gives_the_answer(folder, qtype):
    set_id, qid, _, wrong = ANSWERS[qtype]
    widget = KnowledgeCheck(set_id, folder=folder)
    card = _answer(widget, qid, wrong)
    assert WRONG in card.feedback.value and "The answer: <b>" in card.feedback.value
    assert widget.value.get(qid).correct is False and widget.value.score == (0, 1, len(widget.value.questions))


def test_which_day_feedback_counts_days_and_names_the_holiday(check):
    card = _answer(check, "when-over-thanksgiving", date(2026, 11, 27))
    html = card.feedback.value
    assert "Mon 30 Nov 2026 is 2 business days after the decision date, Wed 25 Nov 2026." in html
    assert "Thu 26 Nov 2026 (Thanksgiving Day, a public holiday)" in html
    assert "Your day, Fri 27 Nov 2026, is 1 business day after the decision date." in html


def test_every_option_shows_its_explanation_after_checking(check):
    card = _answer(check, "worth-reading", {0})
    for option in check.value.questions.question("worth-reading").options:
        assert option.explanation.replace("'", "&#x27;") in card.feedback.value
    assert "you missed this one: it belongs" in card.feedback.value


def test_the_controls_are_labelled(check):
    kinds = {type(c.inputs[0]).__name__: c for c in check._cards.values()}
    assert kinds["DatePicker"].inputs[0].description == "Your answer"
    assert kinds["RadioButtons"].inputs[0].description == "Your answer"
    assert all(box.description for box in kinds["Checkbox"].inputs)
    assert check._learner.description == "Your name"


def test_checking_with_no_answer_is_one_line_and_records_nothing(check):
    card = check._cards["why-timing-matters"]
    card.check.click()
    assert "answer: is empty; choose an answer first" in card.feedback.value
    card = check._cards["worth-reading"]
    card.check.click()
    assert "no option is ticked" in card.feedback.value
    assert check.value.score == (0, 0, 5) and not card.inputs[0].disabled


def test_retry_clears_the_feedback_and_keeps_the_count_of_tries(check):
    card = _answer(check, "why-timing-matters", 2)
    card.retry.click()
    assert card.feedback.value == "" and not card.inputs[0].disabled and card.check.layout.display is None
    assert check.value.get("why-timing-matters") is None and check.value.tries("why-timing-matters") == 1
    _answer(check, "why-timing-matters", 0)
    assert RIGHT in card.feedback.value and check.value.tries("why-timing-matters") == 2


def test_the_score_line_follows_the_answers(check):
    assert "Score: 0 of 5 correct (0 answered; 5 still to answer)." in check._score.value
    _answer(check, "why-timing-matters", 0)
    _answer(check, "worth-reading", {0})
    assert "Score: 1 of 5 correct (2 answered; 3 still to answer)." in check._score.value


def test_value_is_the_answer_sheet_and_changes_with_each_check(check):
    seen = []
    check.observe(lambda change: seen.append(change.new), names="value")
    _answer(check, "why-timing-matters", 0)
    assert isinstance(check.value, AnswerSheet) and len(seen) == 1 and seen[0].score == (1, 1, 5)


def test_save_and_load_round_trip(folder, check):
    _answer(check, "when-over-thanksgiving", date(2026, 11, 30))
    _answer(check, "follow-up-faults", {0, 3})
    check._save.click()
    assert "Saved your answers as <code>answers-04-follow-up-by-email.json</code>" in check._status.value
    assert (folder.root / "answers-04-follow-up-by-email.json").is_file()
    again = KnowledgeCheck(SET, folder=folder)
    again._load.click()
    assert again.value == check.value and "2 of 5 answered" in again._status.value
    card = again._cards["follow-up-faults"]
    assert [box.value for box in card.inputs] == [True, False, False, True, False]
    assert WRONG in card.feedback.value and card.inputs[0].disabled
    assert again._cards["worth-reading"].feedback.value == "" and not again._cards["worth-reading"].inputs[0].disabled
    assert again._cards["when-over-thanksgiving"].inputs[0].value == date(2026, 11, 30)


def test_saving_over_earlier_answers_takes_a_second_step(folder, check):
    _answer(check, "why-timing-matters", 0)
    check.save()
    first = (folder.root / "answers-04-follow-up-by-email.json").read_text(encoding="utf-8")
    _answer(check, "worth-reading", {0, 1, 2})
    assert check.save() is None
    assert "already saved" in check._status.value and check._replace.layout.display is None
    assert (folder.root / "answers-04-follow-up-by-email.json").read_text(encoding="utf-8") == first
    check._replace.click()
    assert check._replace.layout.display == "none" and "Saved your answers" in check._status.value
    assert AnswerSheet.load(check.value.questions, folder).score == (2, 2, 5)


def test_saving_nothing_is_refused(check):
    assert check.save() is None and "there are none yet" in check._status.value


def test_loading_with_nothing_saved_or_another_sets_file_is_a_plain_message(folder, check):
    check._load.click()
    assert "none saved yet for this set in my-work/; press Save my answers first" in check._status.value
    other = AnswerSheet(load_questions("02-thank-you")).record("which-channel", 0)
    folder.save("answers-04-follow-up-by-email", other.to_json())
    check._load.click()
    assert "holds answers to &#x27;02-thank-you&#x27;, not to &#x27;04-follow-up-by-email&#x27;" in check._status.value
    assert check.value.answers == ()


def _exported(widget) -> str:
    href = re.search(r'href="data:text/csv;base64,([^"]+)"', widget._link.value).group(1)
    return base64.b64decode(href).decode("utf-8")


def test_export_makes_a_one_row_csv_link_with_the_name(check):
    _answer(check, "why-timing-matters", 0)
    check._learner.value = 'Zoë O\'Neill, "ZO"'
    check._export.click()
    assert 'download="answers-04-follow-up-by-email-zoe-o-neill-zo.csv"' in check._link.value
    assert "nothing is sent anywhere" in check._link.value
    text = _exported(check)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 2 and rows[1][:5] == ['Zoë O\'Neill, "ZO"', SET, "1", "1", "5"]
    assert dict(zip(rows[0], rows[1]))["why-timing-matters"] == "correct"


def test_export_needs_a_name_and_goes_stale_when_answers_change(check):
    check._export.click()
    assert "Your name: is empty" in check._link.value
    check._learner.value = "Sam Lee"
    check._export.click()
    assert "data:text/csv" in check._link.value
    _answer(check, "why-timing-matters", 0)
    assert check._link.value == ""


HOSTILE = """\
title: "<script>alert('t')</script>"
questions:
  - id: x
    type: multiple_choice
    prompt: "Is <b>this</b> bold?"
    explanation: "<img src=x onerror=alert(1)>"
    options:
      - {text: "<i>yes</i>", correct: true, explanation: "<script>alert(2)</script>"}
      - {text: "no & never", explanation: "a < b"}
"""


def test_all_text_is_escaped(tmp_path, folder):
    path = tmp_path / "hostile.yaml"
    path.write_text(textwrap.dedent(HOSTILE), encoding="utf-8")
    widget = KnowledgeCheck(path, folder=folder)
    card = _answer(widget, "x", 1)
    shown = widget.children[0].value + card.box.children[0].value + card.feedback.value
    assert "<script>" not in shown and "<b>this</b>" not in shown and "<img" not in shown and "<i>yes</i>" not in shown
    assert "&lt;script&gt;" in shown and "Is &lt;b&gt;this&lt;/b&gt; bold?" in shown and "no &amp; never" in shown
    widget._learner.value = "<script>x</script>"
    widget._export.click()
    assert "<script>" not in widget._link.value and 'download="answers-hostile-script-x-script.csv"' in widget._link.value


def test_a_draft_is_shown_as_text(check):
    html = check._cards["follow-up-faults"].box.children[0].value
    assert '<pre class="fc-draft-text"' in html and "I need an answer by Friday" in html


def test_an_unknown_set_is_one_line_in_the_widget(folder):
    widget = KnowledgeCheck("04-folow-up", folder=folder)
    assert widget.value is None
    assert "question set: &#x27;04-folow-up&#x27; is not a question set" in widget._error.value
    assert widget.save() is None and widget.load() is None and widget.export() is None


def test_a_broken_file_is_one_line_naming_the_question(tmp_path, folder):
    path = tmp_path / "broken.yaml"
    path.write_text(textwrap.dedent(HOSTILE).replace("explanation: \"a < b\"", "correct: false"), encoding="utf-8")
    widget = KnowledgeCheck(path, folder=folder)
    assert widget.value is None and "broken.yaml, question &#x27;x&#x27;, options[1].explanation: is missing" \
        in widget._error.value


def test_projector_mode_enlarges_the_text(folder):
    assert "fc-projector" in KnowledgeCheck(SET, folder=folder, projector=True)._dom_classes


def test_saved_file_is_the_sheet_json(folder, check):
    _answer(check, "christmas-in-britain", date(2026, 12, 30))
    path = check.save()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["set"] == SET and data["answers"] == {"christmas-in-britain": {"answer": "2026-12-30", "tries": 1}}


def test_the_right_answer_is_not_always_shown_first():
    """Authors write the right answer first; the widget shows options in another, fixed order."""
    from followup_lib.questions import load_questions, question_set_ids
    from followup_lib.widgets.knowledge_check import display_order

    positions = [display_order(q).index(next(i for i, o in enumerate(q.options) if o.correct))
                 for sid in question_set_ids() for q in load_questions(sid) if q.type == "multiple_choice"]
    assert len(positions) >= 10 and len(set(positions)) >= 3 and positions.count(0) < len(positions) / 2
