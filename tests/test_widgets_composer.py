"""The message composer, headless: set fields, click, read what it shows and its ``value``."""

from datetime import date
from html import escape
from unicodedata import normalize

import ipywidgets as w
import pytest

from followup_lib.errors import InputError
from followup_lib.etiquette.case import Case
from followup_lib.messages.compose_fields import fields_for
from followup_lib.messages.drafts import Draft
from followup_lib.widgets.composer import ThankYouComposer
from followup_lib.widgets.model import CaseModel
from followup_lib.workspace import LearnerFolder

TODAY = date(2026, 11, 24)
CASE = {"interview_end": "2026-11-23T16:30:00", "timezone": "America/New_York", "decision_by": "2026-12-04",
        "company": "Northwind Health", "position": "Data Analyst", "contact_name": "Ms. Okafor"}
SCRIPT = "<script>alert(1)</script>"


def html_of(widget) -> str:
    """Every piece of HTML a widget shows, its children's included."""
    if isinstance(widget, w.HTML):
        return widget.value
    return "".join(html_of(child) for child in getattr(widget, "children", ()))


@pytest.fixture
def folder(tmp_path):
    return LearnerFolder(tmp_path / "my-work")


@pytest.fixture
def model():
    return CaseModel(Case.from_dict(CASE), today=TODAY)


@pytest.fixture
def composer(model, folder):
    return ThankYouComposer(model, name="Zoë O'Neill", topic="the readmission dashboard",
                            to="a.okafor@example.org", folder=folder)


def test_a_thank_you_from_the_fields_and_the_case(composer):
    draft = composer.value
    assert isinstance(draft, Draft) and draft.kind == "thank_you"
    assert "Ms. Okafor" in draft.body and "Northwind Health" in draft.body and "readmission dashboard" in draft.body
    assert escape(draft.text) in composer._draft.value
    assert f"{draft.word_count} words" in composer._stats.value
    assert "Coach's check: ready to send" in composer._stats.value
    assert composer._copy.value == draft.text
    assert composer._error.value == "" and composer._missing.value == ""


def test_company_position_and_interviewer_default_from_the_case(composer):
    values = composer.field_values()
    assert (values["interviewer"], values["position"], values["company"]) == (
        "Ms. Okafor", "Data Analyst", "Northwind Health")


def test_a_traditional_field_starts_formal():
    case = Case.from_dict({**CASE, "traditional_industry": True})
    composer = ThankYouComposer(CaseModel(case, today=TODAY), name="Sam Roe", topic="the audit plan")
    assert composer.field_values()["tone"] == "formal" and composer.value.body.startswith("Dear Ms. Okafor,")


def test_a_new_case_fills_only_the_fields_not_typed_over(composer, model):
    composer.set_values(company="Acme")
    model.accept(Case.from_dict({**CASE, "company": "Globex", "contact_name": "Dr. Ng"}))
    values = composer.field_values()
    assert values["company"] == "Acme" and values["interviewer"] == "Dr. Ng"
    assert "Dr. Ng" in composer.value.body


def test_missing_fields_are_one_plain_line_naming_them():
    composer = ThankYouComposer(CaseModel(today=TODAY))
    assert composer.value is None and composer._error.value == ""
    line = composer._missing.value
    assert "fill in: Your full name, Greet them as, Position, Company, One topic." in line
    assert line.count("<div") == 1 and composer._result.layout.display == "none"
    composer.set_values(name="Sam Roe", interviewer="Sam", position="Analyst", company="Acme", topic="SQL")
    assert composer.value is not None and composer._missing.value == "" and composer._result.layout.display is None


def test_a_punctuation_only_name_gives_one_line(composer):
    composer._inputs["name"].value = "..."
    assert composer.value is None
    assert "Your full name: &#x27;...&#x27; has no letters or digits; type the real value" in composer._error.value
    assert composer._error.value.count("<div") == 1 and composer._draft.value == ""
    composer._inputs["name"].value = "Sam Roe"
    assert composer.value is not None and composer._error.value == ""


@pytest.mark.parametrize("kind", ["thank_you", "follow_up", "second_attempt"])
def test_html_in_every_text_field_is_escaped(model, folder, kind):
    composer = ThankYouComposer(model, kind=kind, folder=folder)
    for field in fields_for(kind):
        value = f"https://example.org/{SCRIPT}" if field == "value_link" else SCRIPT
        composer.set_values(**{"name": "Sam Roe", "topic": "SQL", field: value})
        shown = html_of(composer)
        assert "<script" not in shown, field
        assert composer.value is None or "&lt;script&gt;" in composer._draft.value, field
    composer.set_values(to=SCRIPT)
    assert "<script" not in html_of(composer) and "Their email:" in composer._mail.value


def test_decomposed_text_is_drafted_composed(composer):
    composer.set_values(name=normalize("NFD", "Zoë Ångström"), topic=normalize("NFD", "the café rota"))
    assert "Zoë Ångström" in composer.value.text and "café rota" in composer.value.text
    assert normalize("NFC", composer.value.text) == composer.value.text
    assert "Zo%C3%AB%20%C3%85ngstr%C3%B6m" in composer._mail.value


def test_the_mail_link_is_present_and_encoded(composer):
    link = composer.value.mailto("a.okafor@example.org")
    shown = composer._mail.value
    assert link.complete and f'href="{escape(link.url)}"' in shown and "Open in my email" in shown
    assert "mailto:a.okafor@example.org?subject=Thanks%20for%20the%20Data%20Analyst%20conversation&amp;body=" in shown
    assert "%0D%0A" in shown and " " not in link.url


def test_a_mail_link_without_an_address_lets_the_mail_client_ask(composer):
    composer.set_values(to="")
    assert 'href="mailto:?subject=' in composer._mail.value


def test_a_wrong_address_is_one_line_and_keeps_the_draft(composer):
    composer.set_values(to="not an address")
    assert composer.value is not None
    assert "Their email: &#x27;not an address&#x27; is not an email address" in composer._mail.value


def test_a_draft_too_long_for_a_mail_link_says_to_paste_it(model, folder):
    composer = ThankYouComposer(model, kind="follow_up", folder=folder, name="Sam Roe " + "é" * 70,
                                topic="é" * 190, value_link="https://example.org/" + "a" * 480,
                                value_note="ü" * 290)
    shown = composer._mail.value
    assert composer.value is not None
    assert "too long for a mail link" in shown and "&amp;body=" not in shown and "subject=" in shown
    assert composer._copy.value == composer.value.text  # the box it says to copy from


def test_switching_the_kind_shows_its_own_fields(composer):
    shown = lambda: {f for f, widget in composer._inputs.items() if widget.layout.display != "none"}
    assert "value_link" not in shown() and "hr_contact" not in shown()
    composer.kind = "follow_up"
    assert {"value_link", "value_note"} <= shown() and composer.value.kind == "follow_up"
    assert "Your follow-up email" in composer._heading.value and composer._name.value == "follow-up"
    composer.kind = "second_attempt"
    assert "hr_contact" in shown() and "value_link" not in shown() and composer.value.kind == "second_attempt"
    composer.set_values(hr_contact="Mr. Diaz")
    assert composer.value.body.startswith("Hi Mr. Diaz,")


def test_a_follow_up_with_a_link_that_adds_value(model, folder):
    composer = ThankYouComposer(model, kind="follow_up", folder=folder, name="Sam Roe", topic="the dashboard",
                                value_link="https://example.org/demo", value_note="It shows my refresh fix.")
    assert "https://example.org/demo" in composer.value.body and "It shows my refresh fix." in composer.value.body
    assert "too early" in composer._stats.value  # reviewed for the model's day: before the decision date
    composer.set_values(value_link="example.org")
    assert composer.value is None
    assert "Link to share: &#x27;example.org&#x27; is not a web address" in composer._error.value


def test_an_unknown_kind_or_field_is_refused():
    with pytest.raises(InputError, match="'voicemail' is not an email"):
        ThankYouComposer(kind="voicemail")
    with pytest.raises(InputError, match="nmae: is not a field"):
        ThankYouComposer().set_values(nmae="Sam")


def test_the_copy_box_holds_the_draft_and_edits_snap_back(composer):
    composer._copy.value = "my own words"
    assert composer._copy.value == composer.value.text
    assert "fc-copy-text" in composer._copy._dom_classes and "Copy" in html_of(composer)


def test_wording_and_tone_change_the_draft(composer):
    first = composer.value.body
    composer._inputs["variant"].value = 2
    second = composer.value.body
    composer._inputs["tone"].value = "formal"
    assert len({first, second, composer.value.body}) == 3


def test_without_a_case_there_is_no_review_and_with_a_bad_case_a_notice():
    model = CaseModel(today=TODAY)
    composer = ThankYouComposer(model, name="Sam Roe", interviewer="Sam", position="Analyst", company="Acme",
                                topic="SQL")
    assert composer.value is not None and "Coach" not in composer._stats.value
    model.report(InputError("decision_by", "is before the interview"))
    assert composer.value is not None and "decision_by: is before the interview" in composer._notice.value


def test_set_values_redraws_once(composer, monkeypatch):
    import followup_lib.messages.drafts as drafts

    calls, real = [], drafts.draft
    monkeypatch.setattr(drafts, "draft", lambda *a, **k: calls.append(a) or real(*a, **k))
    composer.set_values(name="Sam Roe", topic="SQL", tone="formal", variant=1)
    assert len(calls) == 1 and composer.value.body.startswith("Dear Ms. Okafor,")


def test_save_a_draft_and_replace_it_in_a_second_step(composer, folder):
    composer._name.value = "okafor thanks"
    composer._save.click()
    target = folder.root / "okafor thanks.txt"
    assert target.read_text(encoding="utf-8") == composer.value.text + "\n"
    assert "Saved as <code>okafor thanks.txt</code>" in composer._status.value
    composer.set_values(variant=2)
    composer._save.click()
    assert "already exists" in composer._status.value and composer._replace.layout.display is None
    assert target.read_text(encoding="utf-8") != composer.value.text + "\n"
    composer._replace.click()
    assert target.read_text(encoding="utf-8") == composer.value.text + "\n"
    assert composer._replace.layout.display == "none"


def test_saving_needs_a_draft_and_a_plain_name(composer, folder):
    composer._name.value = "../escape"
    composer._save.click()
    assert "names a folder" in composer._status.value and not folder.root.exists()
    composer.set_values(topic="")
    assert composer.save() is None and "fill in the fields above first" in composer._status.value


def test_projector_mode_enlarges_the_text(model):
    assert "fc-projector" in ThankYouComposer(model, projector=True)._dom_classes
