"""Drafts: every kind, both tones, unusual names; missing and bad fields; light import."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from followup_lib.errors import InputError
from followup_lib.etiquette.params import CALL_MAX_SECONDS, THANK_YOU_MAX_WORDS, VOICEMAIL_MAX_SECONDS
from followup_lib.messages.drafts import TONES, draft
from followup_lib.messages.kinds import KINDS
from followup_lib.messages.required import MissingFieldsError
from followup_lib.messages.review import review_draft
from followup_lib.messages.rules import find_placeholders
from tests.helpers import case

PHONE = "+1 555 010 0199"
FIELDS = {"position": "Data Analyst", "company": "Acme Logistics",
          "topics": ["the churn dashboard"], "phone": PHONE}
# (full name, interviewer as greeted): accents, apostrophes, hyphens, one word.
NAMES = [("Zoë Ångström", "Ms. Ångström"), ("Siobhán O'Neill", "Mr. O'Neill"),
         ("Anne-Marie Lévy-Dubois", "Anne-Marie"), ("Madonna", "Madonna")]


def _situation():
    """Interview Monday 16 November 2026, decision by Friday 20 November."""
    return case()


def _send_date(kind: str) -> str:
    """A day inside each kind's window for the base case (a call waits a day longer)."""
    return {"thank_you": "2026-11-16T18:00:00-05:00", "call_script": "2026-11-25",
            "voicemail": "2026-11-25"}.get(kind, "2026-11-24")


def _make(kind, name="Zoë Ångström", interviewer="Ms. Lee", tone="warm", **extra):
    values = {**FIELDS, "name": name, "interviewer": interviewer, "tone": tone, **extra}
    return draft(kind, _situation(), **values)


def _context(kind, name, interviewer):
    return {"name": name, "interviewer": interviewer, "phone": PHONE, "position": FIELDS["position"],
            "company": FIELDS["company"], "topics": FIELDS["topics"],
            "situation": _situation(), "send_date": _send_date(kind)}


@pytest.mark.parametrize("variant", range(3))
@pytest.mark.parametrize("name,interviewer", NAMES)
@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_draft_passes_its_own_review(kind, tone, name, interviewer, variant):
    made = _make(kind, name, interviewer, tone, variant=variant)
    for context in (_context(kind, name, interviewer), None):
        review = review_draft(made.text, kind, context)
        warnings = review.rules("warning")
        if context is None and " " not in name and kind in ("call_script", "voicemail"):
            # a one-word name cannot be told from a first name ("it's Stan") without the context
            warnings = [rule for rule in warnings if rule != "missing_identity"]
        assert review.rules("error") == [] and warnings == [], made.text
    assert name in made.text and "[" not in made.text and "{" not in made.text


_letters = st.text(alphabet="abcdeéëfghijklmnñoöprstuüvwyz", min_size=2, max_size=8)
_part = st.builds(lambda first, rest: first + rest, st.sampled_from("ABCDEÉGHJKLMNOÖPRSTVWZÅ"), _letters)
_name = st.builds(lambda parts, joins: parts[0] + "".join(j + p for j, p in zip(joins, parts[1:])),
                  st.lists(_part, min_size=1, max_size=3), st.lists(st.sampled_from([" ", "-", " O'"]),
                                                                    min_size=2, max_size=2))


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(name=_name, kind=st.sampled_from(KINDS), tone=st.sampled_from(TONES))
def test_generated_names_pass_review(name, kind, tone):
    assume(not find_placeholders(name))
    interviewer = name.split()[-1]
    made = _make(kind, name, interviewer, tone)
    review = review_draft(made.text, kind, _context(kind, name, interviewer))
    assert review.rules("error") == [] and review.rules("warning") == [], made.text


def test_tones_read_differently():
    warm, formal = _make("thank_you", tone="warm", variant=0), _make("thank_you", tone="formal", variant=0)
    assert warm.body.startswith("Hi Ms. Lee,") and formal.body.startswith("Dear Ms. Lee,")
    assert warm.body.splitlines()[-2] != formal.body.splitlines()[-2]  # sign-offs differ
    assert "I'm" in warm.body and "I'm" not in formal.body


def test_variants_differ_and_default_is_stable():
    texts = {_make("thank_you", variant=v).body for v in range(3)}
    assert len(texts) == 3
    assert _make("thank_you").text == _make("thank_you").text


@pytest.mark.parametrize("kind", ["thank_you", "follow_up"])
def test_topic_is_mentioned_naturally(kind):
    topic = "the churn dashboard"
    for v in range(3):
        text = _make(kind, variant=v, topics=["About the churn dashboard."]).body
        assert f"about {topic}" in text or f"discussed {topic}" in text


@pytest.mark.parametrize("tone", TONES)
def test_thank_you_stays_short_even_with_the_longest_fields(tone):
    longest = {"name": "N" * 80, "interviewer": "I" * 80, "position": ("Senior " * 20)[:120],
               "company": ("Company " * 20)[:120], "topics": [("the inventory " * 20)[:200]]}
    for variant in range(3):
        assert draft("thank_you", tone=tone, variant=variant, **longest).word_count < THANK_YOU_MAX_WORDS


@pytest.mark.parametrize("kind", ["call_script", "voicemail"])
def test_scripts_state_identity_and_fit_the_time(kind):
    made = _make(kind, name="Anne-Marie Lévy-Dubois")
    assert made.subject is None and made.text == made.body
    assert "Anne-Marie Lévy-Dubois" in made.body and "Data Analyst" in made.body
    assert "Monday, November 16" in made.body
    limit = CALL_MAX_SECONDS if kind == "call_script" else VOICEMAIL_MAX_SECONDS
    assert made.speaking_seconds < limit
    if kind == "voicemail":
        assert made.body.count(PHONE) == 2


def test_follow_up_mentions_dates_and_the_link():
    made = _make("follow_up", value_link="https://example.org/churn", value_note="It shows a quick win",
                 variant=0)
    assert "Friday, November 20" in made.body and "https://example.org/churn" in made.body
    assert "It shows a quick win." in made.body


def test_second_attempt_to_hr_names_the_interviewer_and_the_follow_up_date():
    situation = case(contacts=[{"at": "2026-11-24T10:00:00-05:00", "kind": "follow_up"}])
    made = draft("second_attempt", situation, name="Sam Roe", interviewer="Ms. Lee", hr_contact="Mr. Grant",
                 position="Analyst", company="Acme", tone="formal")
    assert made.body.startswith("Dear Mr. Grant,")
    assert "with Ms. Lee" in made.body and "Tuesday, November 24" in made.body


def test_interviewer_defaults_to_the_case_contact():
    made = draft("call_script", case(contact_name="Dr. Okafor"), name="Sam Roe", position="Analyst", variant=0)
    assert made.body.startswith("Hi Dr. Okafor, this is Sam Roe.")


@pytest.mark.parametrize("kind,missing", [
    ("thank_you", "name"), ("thank_you", "interviewer"), ("thank_you", "position"),
    ("thank_you", "company"), ("thank_you", "topics"), ("follow_up", "topics"),
    ("second_attempt", "company"), ("call_script", "case"), ("voicemail", "phone"),
])
def test_missing_required_field_names_the_field(kind, missing):
    values = {**FIELDS, "name": "Sam Roe", "interviewer": "Ms. Lee"}
    values[missing] = None
    situation = None if missing == "case" else _situation()
    with pytest.raises(InputError) as err:
        draft(kind, situation, **{k: v for k, v in values.items() if k != "case"})
    assert err.value.field == missing and err.value.fix


def test_every_missing_field_is_named_in_one_error():
    with pytest.raises(MissingFieldsError) as err:
        draft("thank_you", name="Sam Roe", position="Analyst")
    assert err.value.field == "interviewer, company, topics" and err.value.names == ("interviewer", "company", "topics")
    assert "are missing" in str(err.value) and "company's name" in str(err.value)
    with pytest.raises(InputError) as err:
        draft("voicemail")
    assert err.value.field == "name, interviewer, position, case, phone"


def test_company_position_and_interviewer_default_to_the_case():
    situation = case(contact_name="Dr. Okafor", company="Acme Logistics", position="Data Analyst")
    made = draft("thank_you", situation, name="Sam Roe", topics="the churn dashboard", variant=0)
    assert "Hi Dr. Okafor," in made.body and "Data Analyst" in made.text and "Acme Logistics" in made.text
    given = draft("thank_you", situation, name="Sam Roe", topics="SQL", company="Initech", position="Tester")
    assert "Initech" in given.text and "Tester" in given.text and "Acme" not in given.text


def test_second_attempt_needs_someone_to_write_to():
    with pytest.raises(InputError, match="hr_contact"):
        draft("second_attempt", name="Sam Roe", position="Analyst", company="Acme")


@pytest.mark.parametrize("field,value,problem", [
    ("name", "   ", "is empty"),
    ("name", "x" * 81, "81 characters"),
    ("interviewer", "[Interviewer Name]", "template text"),
    ("topics", ["t" * 201], "201 characters"),
    ("value_link", "not a link", "web address"),
    ("phone", "call me", "phone number"),
    ("name", 42, "must be text"),
    ("name", "Sam\x00Roe", "control characters"),
])
def test_bad_field_values_are_refused_clearly(field, value, problem):
    values = {**FIELDS, "name": "Sam Roe", "interviewer": "Ms. Lee", field: value}
    with pytest.raises(InputError) as err:
        draft("follow_up", _situation(), **values)
    assert err.value.field.startswith(field) and problem in str(err.value)


def test_unknown_kind_and_tone_list_the_choices():
    with pytest.raises(InputError) as err:
        draft("letter", name="Sam")
    assert err.value.field == "kind" and "thank_you" in str(err.value) and "voicemail" in str(err.value)
    with pytest.raises(InputError) as err:
        _make("thank_you", tone="grumpy")
    assert err.value.field == "tone" and "formal" in str(err.value)


def test_html_in_fields_stays_literal_text():
    made = _make("thank_you", name="<script>alert(1)</script> Sam", company="<b>Acme</b> & Co")
    assert "<script>alert(1)</script> Sam" in made.text and "<b>Acme</b> & Co" in made.text
    assert "&lt;" not in made.text and "&amp;" not in made.text


@pytest.mark.parametrize("company", ["<COMPANY NAME>", "<company name>"])
def test_an_angle_placeholder_in_a_field_is_refused(company):
    with pytest.raises(InputError) as err:
        _make("thank_you", company=company)
    assert err.value.field == "company" and "template text" in str(err.value)


def test_whitespace_is_tidied():
    made = _make("thank_you", name="  Zoë\n  Ångström  ", variant=0)
    assert made.body.endswith("\nZoë Ångström")
    assert "  " not in made.text and "\n\n\n" not in made.text


def test_to_dict_is_json_ready():
    data = _make("voicemail").to_dict()
    assert json.loads(json.dumps(data))["kind"] == "voicemail"
    assert data["subject"] is None and data["speaking_seconds"] > 0 and data["word_count"] > 20


def test_importing_the_package_loads_no_template_or_dictionary_engine():
    probe = ("import sys, followup_lib.messages as m; m.__all__; "
             "print(sorted(k for k in ('jinja2', 'spellchecker', 'pandas', 'matplotlib', 'lifelines') "
             "if k in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_second_attempt_names_the_follow_up_of_the_current_timeline():
    from followup_lib.etiquette.case import Case

    case = Case.from_dict({
        "interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20",
        "contacts": [{"at": "2026-11-24", "kind": "follow_up"}],
        "responses": [{"at": "2026-11-25", "kind": "new_timeline", "new_decision_by": "2026-12-11"}]})
    text = draft("second_attempt", case, name="Sam Roe", interviewer="Ms. Lee", position="Analyst",
                 company="Acme", topics=["the dashboard"]).text
    assert "November 24" not in text  # the new timeline restarted the rules: that follow-up no longer counts
