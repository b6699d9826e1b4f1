"""The draft reviewer, headless: paste, switch, click, read the marks, the findings and ``value``."""

from datetime import date
from unicodedata import normalize

import pytest

from followup_lib.errors import InputError
from followup_lib.etiquette.case import Case
from followup_lib.messages.review import MAX_REVIEW_CHARS, Review
from followup_lib.widgets.composer import ThankYouComposer
from followup_lib.widgets.model import CaseModel
from followup_lib.widgets.reviewer import DraftReviewer

TODAY = date(2026, 11, 24)
CASE = {"interview_end": "2026-11-23T16:30:00", "timezone": "America/New_York", "decision_by": "2026-12-04",
        "company": "Northwind Health", "position": "Data Analyst", "contact_name": "Ms. Okafor"}
FLAWED = """Subject: thanks

Dear [Interviewer Name],

Thank you for the interview today!!! I am VERY INTERESTED in the job and I realy hope to hear back.
Please let me know ASAP.

Sam"""
GOOD = """Subject: Thank you for the Data Analyst interview

Dear Ms. Okafor,

Thank you for meeting with me yesterday about the Data Analyst position at Northwind Health.
I enjoyed our conversation about the readmission dashboard. I am very interested in the role
and look forward to hearing about the next steps.

Best regards,
Zoë O'Neill"""


@pytest.fixture
def model():
    return CaseModel(Case.from_dict(CASE), today=TODAY)


def test_a_flawed_draft_is_marked_with_its_fixes(model):
    reviewer = DraftReviewer(model, text=FLAWED)
    review = reviewer.value
    assert isinstance(review, Review) and not review.ok
    assert set(review.rules("error")) == {"placeholder", "shouting", "pressure"}
    assert "&#10006; Fix the errors before sending (3 errors" in reviewer._verdict.value
    marked = reviewer._marked.value
    assert '<mark title="Error: ' in marked and ">[Interviewer Name]<sup>[1]</sup></mark>" in marked
    assert ">ASAP<sup>" in marked and ">realy<sup>" in marked
    findings = reviewer._findings.value
    assert findings.count("<li") == len(review.findings)
    assert "&#10006; Error</span>" in findings and "&#9888; Warning</span>" in findings  # words and icons


def test_a_good_draft_is_ready_to_send(model):
    reviewer = DraftReviewer(model, text=GOOD)
    assert reviewer.value.ok and "&#10004; Ready to send" in reviewer._verdict.value
    assert "Nothing to fix" in reviewer._findings.value or "<li" in reviewer._findings.value


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u200b\u200b"])
def test_an_empty_box_is_a_prompt_not_an_error(model, text):
    reviewer = DraftReviewer(model, text=text)
    assert reviewer.value is None and reviewer._error.value == ""
    assert "Paste or type a draft" in reviewer._verdict.value and reviewer._marked.value == ""
    reviewer._text.value = GOOD
    assert reviewer.value is not None
    reviewer._text.value = ""
    assert reviewer.value is None and "Paste or type a draft" in reviewer._verdict.value


def test_a_one_megabyte_paste_is_reviewed_and_shown_cut_short(model):
    reviewer = DraftReviewer(model, text="word " * 200_000)
    assert "too_long" in reviewer.value.rules("error")
    marked = reviewer._marked.value
    assert len(marked) < 3 * MAX_REVIEW_CHARS and "990,000 more characters, not shown" in marked
    assert "<li" in reviewer._findings.value


def test_decomposed_text_is_reviewed_and_marked_composed(model):
    reviewer = DraftReviewer(model, text=normalize("NFD", "Zoë here. Thank you!!! I realy enjoyed it."))
    assert "Zoë here." in reviewer._marked.value
    assert ">realy<sup>" in reviewer._marked.value  # the mark is on the word, not shifted


def test_pasted_html_and_script_are_escaped(model):
    reviewer = DraftReviewer(model, text=f"<p>Dear Sam,</p>{'<script>alert(1)</script>'} Thanks!")
    shown = reviewer._marked.value + reviewer._findings.value + reviewer._verdict.value
    assert "<script" not in shown and "<p>" not in shown and "&lt;script&gt;" in shown
    assert "html" in reviewer.value.rules("error")


def test_switching_the_kind_reviews_it_as_that_kind(model):
    reviewer = DraftReviewer(model, text=GOOD)
    assert reviewer.value.kind == "thank_you"
    reviewer._kind.value = "follow_up"
    assert reviewer.value.kind == "follow_up" and reviewer.kind == "follow_up"
    assert "late" in reviewer.value.rules()  # a follow-up before the decision date is too early
    reviewer._kind.value = "voicemail"
    assert reviewer.value.speaking_seconds is not None


def test_a_send_date_checks_the_timing(model):
    reviewer = DraftReviewer(model, text=GOOD)
    assert "late" not in reviewer.value.rules()
    reviewer._send_on.value = date(2026, 11, 27)
    assert "late" in reviewer.value.rules("warning") and "window closed" in reviewer._findings.value  # late: send anyway
    reviewer._send_on.value = date(9999, 1, 1)
    assert reviewer.value is None and "send_date" in reviewer._error.value and reviewer._marked.value == ""


def test_without_a_case_no_timing_and_with_a_bad_case_a_notice():
    model = CaseModel(today=TODAY)
    reviewer = DraftReviewer(model, text=GOOD, send_date=date(2026, 12, 20))
    assert "late" not in reviewer.value.rules()
    model.report(InputError("decision_by", "is before the interview"))
    assert reviewer.value is not None and "timing is not checked" in reviewer._notice.value


def test_the_review_button_reviews_again(model, monkeypatch):
    import followup_lib.messages.review as module

    reviewer = DraftReviewer(model, text=GOOD)
    calls, real = [], module.review_draft
    monkeypatch.setattr(module, "review_draft", lambda *a, **k: calls.append(a) or real(*a, **k))
    reviewer._review.click()
    assert len(calls) == 1 and reviewer.value.ok


def test_set_values_reviews_once(model, monkeypatch):
    import followup_lib.messages.review as module

    reviewer = DraftReviewer(model)
    calls, real = [], module.review_draft
    monkeypatch.setattr(module, "review_draft", lambda *a, **k: calls.append(a) or real(*a, **k))
    reviewer.set_values(text=GOOD, kind="follow_up", send_date=date(2026, 12, 8))
    assert len(calls) == 1 and reviewer.value.kind == "follow_up"
    with pytest.raises(InputError):
        reviewer.set_values(txt="x")


def test_linked_to_a_composer_it_reviews_the_draft_with_its_fields(model):
    composer = ThankYouComposer(model, name="Zyxwv Qrstu", topic="the Kpqzt migration")
    reviewer = DraftReviewer(model).link_to(composer)
    assert reviewer._text.value == composer.value.text and reviewer.value.ok
    assert "spelling" not in reviewer.value.rules()  # the names are known from the composer
    composer.kind = "follow_up"
    assert reviewer.kind == "follow_up" and reviewer._text.value == composer.value.text
    reviewer._text.value = "My own words: thank you, Ms. Okafor."
    composer.set_values(variant=2)
    assert reviewer._text.value == "My own words: thank you, Ms. Okafor."


def test_the_composer_option_links_at_once(model):
    composer = ThankYouComposer(model, kind="second_attempt", name="Sam Roe", topic="SQL")
    reviewer = DraftReviewer(model, composer=composer)
    assert reviewer.kind == "second_attempt" and reviewer.value.kind == "second_attempt"


def test_an_unknown_kind_is_refused():
    with pytest.raises(InputError, match="did you mean 'thank_you'"):
        DraftReviewer(kind="thankyou")
