"""The draft reviewer: the hand-written corpus, each rule, bad input, timing and speed."""

from __future__ import annotations

import importlib.util
import json
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_lib.errors import InputError
from followup_lib.etiquette.advisor import advise
from followup_lib.etiquette.windows import windows
from followup_lib.messages.context import ReviewContext
from followup_lib.messages.kinds import KINDS
from followup_lib.messages.review import MAX_REVIEW_CHARS, Review, review_draft
from tests.helpers import case

_LOADER = Path(__file__).resolve().parent / "corpus" / "corpus_loader.py"
_spec = importlib.util.spec_from_file_location("corpus_loader", _LOADER)
corpus_loader = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus_loader)
CORPUS = corpus_loader.load_corpus()

GOOD_NOTE = """Subject: Thank you

Hi Sam,

Thank you for taking the time to meet with me about the Data Analyst role. I especially
enjoyed our conversation about the churn dashboard.

I am very interested in the position and look forward to hearing about the next steps.

Best regards,
Zoë Ångström"""


def _fired(review: Review) -> set[str]:
    return set(review.rules("error")) | set(review.rules("warning"))


# --- the corpus ---------------------------------------------------------------------------
def test_corpus_is_big_and_mixed():
    good = [e for e in CORPUS if e["good"]]
    bad = [e for e in CORPUS if not e["good"]]
    assert len(CORPUS) >= 30 and len(good) >= 14 and len(bad) >= 16
    assert all(e["expect"] for e in bad) and not any(e["expect"] for e in good)


@pytest.mark.parametrize("entry", CORPUS, ids=[e["id"] for e in CORPUS])
def test_corpus_labels(entry):
    review = review_draft(entry["text"], entry["kind"], entry["context"])
    missed = set(entry["expect"]) - _fired(review)
    assert not missed, f"missed {sorted(missed)}"
    if entry["good"]:
        assert review.ok, [f.message for f in review.findings if f.severity == "error"]
    assert all(f.severity != "error" for f in review.findings if f.rule in ("spelling", "missing_subject"))


# --- individual rules ----------------------------------------------------------------------
def test_good_note_has_no_findings_but_offsets_fit():
    review = review_draft(GOOD_NOTE, "thank_you", {"name": "Zoë Ångström", "interviewer": "Sam"})
    assert review.findings == () and review.ok and review.speaking_seconds is None
    assert review.word_count == len(GOOD_NOTE.split("\n\n", 1)[1].split()) == 46  # body only


@pytest.mark.parametrize("placeholder", ["[Your Name]", "{{ name }}", "<COMPANY NAME>", "XXX",
                                         "(insert topic here)", "Mr./Ms. Lee", "Your Name", "{company}"])
def test_placeholders_are_errors_with_their_span(placeholder):
    text = GOOD_NOTE.replace("Zoë Ångström", placeholder)
    review = review_draft(text, "thank_you")
    found = [f for f in review.findings if f.rule == "placeholder"]
    assert found and found[0].severity == "error" and not review.ok
    assert text[found[0].start:found[0].end] in placeholder


def test_links_and_addresses_in_angle_brackets_are_not_placeholders():
    text = GOOD_NOTE + "\n<zoe@example.org> <https://example.org/portfolio>"
    assert "placeholder" not in review_draft(text, "thank_you").rules()


@pytest.mark.parametrize("phrase", ["Please reply ASAP.", "I need to know by Friday.",
                                    "If I don't hear back by Monday, I will accept another offer.",
                                    "I’m still waiting for an answer.", "I am begging you.",
                                    "This is the least you could do.", "Why haven't you replied?"])
def test_pressure_phrases_are_errors(phrase):
    review = review_draft(GOOD_NOTE.replace("Best regards", phrase + "\n\nBest regards"), "thank_you")
    assert "pressure" in review.rules("error")


@pytest.mark.parametrize("phrase", ["I could start immediately.", "I look forward to hearing from you.",
                                    "Whenever it suits you, I would be glad to talk again.",
                                    "I would appreciate any update when you have a moment."])
def test_polite_phrases_are_not_pressure(phrase):
    review = review_draft(GOOD_NOTE.replace("Best regards", phrase + "\n\nBest regards"), "thank_you")
    assert "pressure" not in review.rules()


def test_one_exclamation_is_fine_two_are_a_warning():
    one = review_draft(GOOD_NOTE.replace("steps.", "steps!"), "thank_you")
    two = review_draft(GOOD_NOTE.replace("steps.", "steps!").replace("role.", "role!"), "thank_you")
    assert "exclamations" not in one.rules()
    assert two.rules("warning") == ["exclamations"]


def test_shouting_is_flagged_but_acronyms_are_not():
    acronyms = review_draft(GOOD_NOTE.replace("churn dashboard", "SQL and AWS dashboard"), "thank_you")
    shouted = review_draft(GOOD_NOTE.replace("very interested", "VERY INTERESTED"), "thank_you")
    assert "shouting" not in acronyms.rules()
    finding = next(f for f in shouted.findings if f.rule == "shouting")
    assert finding.severity == "error" and "INTERESTED" in shouted_text(finding)  # certainly wrong: an error


def shouted_text(finding) -> str:
    return GOOD_NOTE.replace("very interested", "VERY INTERESTED")[finding.start:finding.end]


def test_missing_subject_is_only_a_tip():
    review = review_draft(GOOD_NOTE.split("\n\n", 1)[1], "thank_you")
    assert review.rules() == ["missing_subject"] and review.findings[0].severity == "tip"


def test_spelling_spares_names_links_acronyms_and_workplace_words():
    text = GOOD_NOTE.replace("the churn dashboard", "onboarding at Kowalczyk Ltd (https://kwz.example/x, "
                             "ops@kwz.example) and the ETL backlog")
    review = review_draft(text, "thank_you", {"interviewer": "Szczepański"})
    assert "spelling" not in review.rules()
    typo = review_draft(GOOD_NOTE.replace("especially", "especialy"), "thank_you")
    finding = next(f for f in typo.findings if f.rule == "spelling")
    assert finding.severity == "warning" and "'especially'" in finding.message


@pytest.mark.parametrize("word", ["programme", "organisation", "organise", "colour", "behaviour", "favour",
                                  "centre", "analyse", "licence", "catalogue", "travelled", "rollout",
                                  "onboarding", "roadmap", "timelines", "deliverables"])
def test_british_spellings_and_workplace_words_are_not_misspelled(word):
    text = GOOD_NOTE.replace("the churn dashboard", f"the {word} of the churn dashboard")
    assert "spelling" not in review_draft(text, "thank_you").rules()


@pytest.mark.parametrize("typo,correction", [("programe", "programme"), ("rolout", "rollout"),
                                             ("organsation", "organisation")])
def test_near_misses_of_listed_words_are_still_flagged(typo, correction):
    text = GOOD_NOTE.replace("the churn dashboard", f"the {typo} of the churn dashboard")
    finding = next(f for f in review_draft(text, "thank_you").findings if f.rule == "spelling")
    assert finding.severity == "warning" and f"'{typo}'" in finding.message


@pytest.mark.parametrize("kind,expected", [("thank_you", "Thank you for the interview"),
                                           ("follow_up", "Following up on my interview"),
                                           ("second_attempt", "Checking in on my application")])
def test_missing_subject_suggests_a_subject_that_fits_the_kind(kind, expected):
    body = FOLLOW_UP.split("\n\n", 1)[1]
    tip = next(f for f in review_draft(body, kind).findings if f.rule == "missing_subject")
    assert f"'{expected}'" in tip.message
    named = next(f for f in review_draft(body, kind, {"position": "Data Analyst"}).findings
                 if f.rule == "missing_subject")
    assert "Data Analyst" in named.message and ("Thank you" in named.message) is (kind == "thank_you")


def test_missing_elements_of_a_thank_you():
    review = review_draft("Hi Sam,\n\nThe interview was today.\n\nZoë", "thank_you")
    # wholly generic (no thanks, no interest, no topic): errors
    assert {"missing_thanks", "missing_interest", "missing_specific_topic"} <= set(review.rules("error"))
    assert "missing_next_steps" in review.rules()
    one_missing = review_draft(GOOD_NOTE.replace("Thank you for taking the time", "It was good")
                               .replace("Subject: Thank you", "Subject: Our meeting"), "thank_you")
    assert one_missing.rules("warning") == ["missing_thanks"] and one_missing.ok  # one element: a warning


TOPIC_PHRASES = [("I enjoyed discussing the night shift rota.", "night shift rota"),
                 ("It was great to hear about the new clinic.", "new clinic"),
                 ("Your plans for the new patient portal sound exciting.", "patient portal"),
                 ("I enjoyed learning about the warehouse robotics pilot.", "robotics pilot"),
                 ("The rollout plan you described made a lot of sense.", "rollout plan")]


@pytest.mark.parametrize("with_context", [False, True])
@pytest.mark.parametrize("sentence,topic", TOPIC_PHRASES)
def test_natural_topic_phrasings_count_as_a_topic(sentence, topic, with_context):
    text = GOOD_NOTE.replace("I especially\nenjoyed our conversation about the churn dashboard.", sentence)
    assert sentence in text
    review = review_draft(text, "thank_you", {"topics": [topic]} if with_context else None)
    assert review.findings == (), [f.message for f in review.findings]


@pytest.mark.parametrize("sentence", ["I enjoyed our conversation.", "I enjoyed discussing the role.",
                                      "It was great to learn more about the team.",
                                      "I look forward to hearing about the next steps.",
                                      "I hope to hear about your decision soon."])
def test_generic_lead_ins_still_miss_a_topic(sentence):
    text = GOOD_NOTE.replace("I especially\nenjoyed our conversation about the churn dashboard.", sentence)
    assert "missing_specific_topic" in review_draft(text, "thank_you").rules("warning")


def test_context_topic_must_appear():
    ctx = {"topics": ["the warehouse robotics pilot"]}
    other = review_draft(GOOD_NOTE, "thank_you", ctx)  # specific, but about another topic: a tip
    assert other.rules() == ["missing_specific_topic"] and other.findings[0].severity == "tip"
    generic = GOOD_NOTE.replace("I especially\nenjoyed our conversation about the churn dashboard.", "")
    assert "missing_specific_topic" in review_draft(generic, "thank_you", ctx).rules("warning")
    assert "missing_specific_topic" not in review_draft(
        GOOD_NOTE.replace("churn dashboard", "robotics pilot in the warehouse"), "thank_you", ctx).rules()


SCRIPT = ("Hi Ms. Lee, this is Zoë Ångström. I interviewed for the Data Analyst position on Monday, "
          "November 16, and I'm calling to say I remain very interested. You can reach me at "
          "+1 555 010 0199. Thanks, and have a good day.")


def test_scripts_need_identity_with_and_without_context():
    ctx = {"name": "Zoë Ångström", "position": "Data Analyst", "phone": "+1 555 010 0199",
           "situation": case(), "send_date": "2026-11-25"}
    assert review_draft(SCRIPT, "voicemail", ctx).findings == ()
    assert review_draft(SCRIPT, "voicemail").findings == ()
    anonymous = review_draft("Hi, just calling about the job. Thanks, bye.", "voicemail")
    found = {f.severity: f.message for f in anonymous.findings if f.rule == "missing_identity"}
    assert "full name" in found["warning"] and "date" in found["warning"]  # "about the job" names the position
    assert "phone number" in found["error"]  # nobody can call back: the one certain fault
    wrong_day = dict(ctx, situation=case(interview_end="2026-11-18T15:00:00-05:00"))
    assert "missing_identity" in review_draft(SCRIPT, "voicemail", wrong_day).rules("warning")


def test_speaking_time_of_scripts():
    long_script = SCRIPT + " I also wanted to add something." * 60
    review = review_draft(long_script, "call_script")
    assert review.speaking_seconds == pytest.approx(review.word_count * 60 / 150, abs=0.1)
    assert "too_long_to_say" in review.rules("error")
    assert review_draft(SCRIPT, "call_script").speaking_seconds < 30


# --- timing --------------------------------------------------------------------------------
def test_thank_you_window_is_24_hours():
    due = windows(case()).thank_you_due
    on_time = review_draft(GOOD_NOTE, "thank_you", {"case": case(), "send_date": due})
    late = review_draft(GOOD_NOTE, "thank_you", {"case": case(), "send_date": due + timedelta(minutes=1)})
    # late, but still worth sending (as the advisor says): a warning
    assert "late" not in on_time.rules() and "late" in late.rules("warning") and late.ok


FOLLOW_UP = GOOD_NOTE.replace("Thank you for taking the time to meet", "Thank you again for meeting")


@pytest.mark.parametrize("offset,expected", [(-1, "error"), (0, None), (None, "warning")])
def test_follow_up_window(offset, expected):
    """Too early is an error (wrong to send now); too late a warning (still better sent)."""
    dates = windows(case())
    send = dates.follow_up_late_after + timedelta(days=1) if offset is None \
        else dates.follow_up_due + timedelta(days=offset)
    review = review_draft(FOLLOW_UP, "follow_up", {"case": case(), "send_date": send})
    found = {str(f.severity) for f in review.findings if f.rule == "late"}
    assert found == ({expected} if expected else set())
    if expected:
        assert ("too early" in review.findings[0].message) is (offset == -1)


def test_second_attempt_waits_a_week_after_the_follow_up():
    situation = case(contacts=[{"at": "2026-11-24T10:00:00-05:00", "kind": "follow_up"}])
    early = review_draft(FOLLOW_UP, "second_attempt", {"case": situation, "send_date": "2026-11-27"})
    later = review_draft(FOLLOW_UP, "second_attempt", {"case": situation, "send_date": "2026-12-03"})
    assert "late" in early.rules("error") and "late" not in later.rules()


def test_timing_restarts_with_the_advisor_after_an_employer_update():
    """The employer wrote on Nov 23 and the candidate replied on Nov 24: the advisor waits a week."""
    situation = case(contacts=[{"at": "2026-11-16T19:00:00-05:00", "kind": "thank_you"},
                               {"at": "2026-11-24", "kind": "follow_up"}],
                     responses=[{"at": "2026-11-23", "kind": "update"}])
    for day in (date(2026, 11, 24) + timedelta(days=d) for d in range(14)):
        review = review_draft(FOLLOW_UP, "follow_up", {"case": situation, "send_date": day})
        too_early = any("too early" in f.message for f in review.findings if f.rule == "late")
        assert too_early is (advise(situation, today=day).action == "wait"), day


def test_send_date_before_the_interview_is_bad_input():
    with pytest.raises(InputError) as err:
        review_draft(GOOD_NOTE, "thank_you", {"case": case(), "send_date": "2026-11-01"})
    assert err.value.field == "send_date"


def test_send_date_defaults_to_today():
    from followup_lib.clock import today

    situation = case(interview_end=f"{today() - timedelta(days=30)}T10:00:00+00:00", decision_by=None)
    assert "late" in review_draft(GOOD_NOTE, "thank_you", {"case": situation}).rules("warning")
    ahead = case(interview_end=f"{today() + timedelta(days=3)}T10:00:00+00:00", decision_by=None)
    review = review_draft(GOOD_NOTE, "thank_you", {"case": ahead})
    assert review.rules() == ["timing_unchecked"] and review.findings[0].severity == "tip"


# --- context -------------------------------------------------------------------------------
def test_context_as_dict_or_dataclass_gives_the_same_review():
    data = {"name": "Zoë Ångström", "topics": "the churn dashboard", "situation": case(),
            "send_date": "2026-11-16T20:00:00-05:00"}
    as_dict = review_draft(GOOD_NOTE, "thank_you", data)
    as_object = review_draft(GOOD_NOTE, "thank_you", ReviewContext.from_value(data))
    assert as_dict == as_object and as_dict.findings == ()


def test_context_situation_may_be_a_path(tmp_path):
    (tmp_path / "case.json").write_text(case().to_json(), encoding="utf-8")
    ctx = ReviewContext.from_value({"case": "case.json"}, base_dir=tmp_path)
    assert ctx.case.interview_date == date(2026, 11, 16)


def test_a_punctuation_only_context_topic_is_dropped_like_a_blank_one():
    assert ReviewContext.from_value({"topics": ["...", " ", "the pilot."]}).topics == ("the pilot",)
    review = review_draft(GOOD_NOTE, "thank_you", {"topics": "..."})
    assert "missing_specific_topic" not in review.rules()


@pytest.mark.parametrize("context,field", [({"nmae": "Sam"}, "context.nmae"), ("Sam", "context"),
                                           ({"send_date": "yesterday"}, "context.send_date"),
                                           ({"name": "x" * 81}, "context.name")])
def test_bad_context_names_the_field(context, field):
    with pytest.raises(InputError) as err:
        review_draft(GOOD_NOTE, "thank_you", context)
    assert err.value.field == field


# --- bad input -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "   \n\t  ", None, 42])
def test_empty_or_non_text_is_refused(text):
    with pytest.raises(InputError) as err:
        review_draft(text, "thank_you")
    assert err.value.field == "text"


def test_unknown_kind_names_the_allowed_values_once():
    with pytest.raises(InputError) as err:
        review_draft(GOOD_NOTE, "postcard")
    assert err.value.field == "kind" and all(str(err.value).count(kind) == 1 for kind in KINDS)


@pytest.mark.parametrize("typed,meant", [("thankyou", "thank_you"), ("Follow-up", "follow_up"),
                                         ("voice mail", "voicemail"), ("second", "second_attempt")])
def test_a_near_miss_kind_gets_a_suggestion(typed, meant):
    with pytest.raises(InputError) as err:
        review_draft(GOOD_NOTE, typed)
    assert str(err.value).endswith(f"did you mean '{meant}'?")
    assert "use one of" not in str(err.value) and "call_script" not in str(err.value)


@pytest.mark.parametrize("unit", ["Thank you for your time and our conversation about SQL. ",
                                  "a" * 1000, "([{<" * 250, "XXXXXXXXXX " * 50, "!" * 1000,
                                  "ASAP ASAP! " * 50, "1 2 3 4 5 6 " * 100])
def test_a_one_megabyte_paste_answers_within_a_second(unit):
    text = unit * (1_000_000 // len(unit) + 1)
    started = time.perf_counter()
    review = review_draft(text, "call_script")
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"{elapsed:.2f} s"
    assert "too_long" in review.rules("error")
    assert all(0 <= f.start <= f.end <= len(text) for f in review.findings)
    assert MAX_REVIEW_CHARS < len(text)


@pytest.mark.parametrize("text", [
    "Bonjour Madame Lefèvre,\n\nMerci beaucoup pour votre temps et pour cet entretien très agréable "
    "concernant le poste de chef de projet. Je reste très intéressée par ce poste et par votre équipe.",
    "山田様\n\n本日はお忙しい中、面接の機会をいただき、誠にありがとうございました。",
])
def test_non_english_gets_one_clear_finding_not_a_flood(text):
    review = review_draft(text, "thank_you")
    assert review.rules("warning") == ["not_english"] and "spelling" not in review.rules()
    assert "English" in review.findings[0].message


HTML_NOTE = ("<p>Hi Sam,</p><p>Thank you for meeting with me about the <b>Data Analyst</b> role. I especially "
             "enjoyed our conversation about the churn dashboard.<br>I am very interested in the position "
             "and look forward to hearing about the next steps.</p><p>Best regards,<br>Zoë Ångström</p>")


def test_pasted_html_is_one_clear_finding_not_one_per_tag():
    review = review_draft(HTML_NOTE, "thank_you")
    assert review.rules("error") == ["html"] and review.rules("warning") == []
    finding = review.findings[0]
    assert HTML_NOTE[finding.start:finding.end] == "<p>" and "<p>" in finding.message
    assert "HTML" in finding.message and "plain text" in finding.message


def test_a_real_angle_placeholder_is_still_a_placeholder_next_to_html():
    review = review_draft(HTML_NOTE.replace("Zoë Ångström", "<YOUR NAME>"), "thank_you")
    assert sorted(review.rules("error")) == ["html", "placeholder"]
    finding = next(f for f in review.findings if f.rule == "placeholder")
    assert "<YOUR NAME>" in finding.message


def test_html_in_the_text_is_reported_as_text():
    text = GOOD_NOTE.replace("Best regards", "<script>alert('hi')</script>\n\nBest regards")
    review = review_draft(text, "thank_you")
    finding = next(f for f in review.findings if f.rule == "html")
    assert text[finding.start:finding.end] == "<script>" and "<script>" in finding.message
    assert review.rules("error") == ["html"]


def test_to_dict_is_json_ready_and_consistent():
    review = review_draft("Hi Sam, any news?", "follow_up")
    data = json.loads(json.dumps(review.to_dict()))
    assert data["ok"] is False and data["counts"]["error"] == len(review.rules("error"))
    assert {"rule", "severity", "message", "start", "end"} <= set(data["findings"][0])
    assert review.summary().startswith("fix the errors")


@settings(max_examples=120, deadline=None, derandomize=True, database=None)
@given(text=st.text(max_size=400), kind=st.sampled_from(KINDS))
def test_any_text_gets_a_review_or_a_clear_input_error(text, kind):
    try:
        review = review_draft(text, kind)
    except InputError as err:
        assert err.field == "text" and not text.strip()
        return
    assert all(0 <= f.start <= f.end <= len(text) for f in review.findings)
    assert all(f.message.rstrip()[-1] in ".?" for f in review.findings)
    assert review.ok == (not review.rules("error"))


def test_topic_with_curly_apostrophe_is_found():
    from followup_lib.messages.elements import mentions, text_words

    assert mentions(text_words("We discussed O’Neill’s rollout plan."), "O’Neill’s rollout")


def test_context_topic_reads_as_the_drafts_phrase_it():
    from followup_lib.messages.context import ReviewContext

    assert ReviewContext.from_value({"topics": ["About the ETL pipeline."]}).topics == ("the ETL pipeline",)


def test_context_takes_the_old_name_situation_for_the_case():
    assert ReviewContext.from_value({"situation": case()}).case == case()
    with pytest.raises(InputError, match="context.situation: is given as well as context.case"):
        ReviewContext.from_value({"situation": case(), "case": case()})
