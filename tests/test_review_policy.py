"""The reviewer's severity policy, and detection that generalises beyond word lists.

Policy: ``error`` only for what is certainly wrong (a leftover placeholder, pressure,
shouting, pasted HTML, a message outside its window, a voicemail with no call-back
number, a third attempt); a missing element that can be said in many ways is a
``warning`` with a sentence to add, and an error only when the message lacks every one
of them.
"""

from __future__ import annotations

import pytest

from followup_lib.messages.combinations import all_combinations, distinct_bodies
from followup_lib.messages.drafts import TONES, Draft, draft
from followup_lib.messages.grammar import grammar_findings
from followup_lib.messages.mailto import MAX_MAILTO_LENGTH, mailto_link
from followup_lib.messages.review import review_draft

NOTE = ("Dear Ms. Lee,\n\nThank you for meeting with me about the analyst role. I enjoyed our "
        "conversation about the churn model.\n\nI remain very interested and look forward to the next steps.\n\nBest,\nSam Roe")


def severities(text, kind="thank_you", context=None, **kw):
    return {f.rule: str(f.severity) for f in review_draft(text, kind, context, **kw).findings}


@pytest.mark.parametrize("text, rule", [
    (NOTE.replace("Ms. Lee", "[Interviewer Name]"), "placeholder"),
    (NOTE.replace("Best,", "Please reply ASAP. Best,"), "pressure"),
    (NOTE.replace("very interested", "VERY INTERESTED"), "shouting"),
    ("<p>" + NOTE + "</p>", "html"),
])
def test_certain_faults_are_errors(text, rule):
    assert severities(text)[rule] == "error"


def test_a_voicemail_with_no_number_is_an_error_and_a_missing_date_a_warning():
    found = review_draft("Hi Ms. Lee, this is Sam Roe about the analyst position. I'm still keen. Thanks.",
                         "voicemail").findings
    assert sorted((f.rule, str(f.severity)) for f in found if f.rule == "missing_identity") == [
        ("missing_identity", "error"), ("missing_identity", "warning")]


@pytest.mark.parametrize("old, new", [("Thank you for meeting", "It was good meeting"),
                                      ("I remain very interested and look", "I look")])
def test_one_missing_element_is_a_warning_with_a_suggestion(old, new):
    review = review_draft(NOTE.replace(old, new), "thank_you")
    missing = [f for f in review.findings if f.rule in ("missing_thanks", "missing_interest")]
    assert missing and all(str(f.severity) == "warning" and "e.g." in f.message for f in missing)
    assert review.ok


def test_a_wholly_generic_message_gets_errors():
    assert severities("Hi Sam,\n\nHope you are well.\n\nSam", "thank_you")["missing_thanks"] == "error"


@pytest.mark.parametrize("sentence", [
    "I would love to help your team tighten its release process.",
    "I'd be glad to contribute to the data platform work.",
    "It is exactly the kind of work I would genuinely enjoy.",
    "I can't wait to dig into the onboarding redesign.",
    "Northwind remains my first choice.",
    "I'm eager to bring my SQL experience to the team.",
])
def test_interest_said_without_the_word_interested(sentence):
    text = f"Dear Ms. Lee,\n\nThank you for our conversation about the churn model. {sentence}\n\nI look forward to the next steps."
    assert "missing_interest" not in severities(text)


@pytest.mark.parametrize("sentence", [
    "Your description of the on-call rota made the role concrete for me.",
    "Learning about your work as a clinical data lead was inspiring.",
    "I will read the book you recommended on forecasting.",
    "I appreciated your point about testing dashboards with nurses.",
    "Hearing how your team triages support tickets was eye-opening.",
])
def test_a_specific_topic_in_other_words(sentence):
    text = f"Dear Ms. Lee,\n\nThank you for your time. {sentence} I am very keen on the role.\n\nI look forward to hearing from you."
    assert "missing_specific_topic" not in severities(text)


@pytest.mark.parametrize("sentence", ["I enjoyed learning about the team.", "It was great to hear about the role.",
                                      "I enjoyed discussing the position.", "I liked learning about your work."])
def test_generic_phrases_do_not_count_as_a_topic(sentence):
    text = f"Dear Ms. Lee,\n\nThank you for your time. {sentence} I am very keen on the role.\n\nI look forward to hearing from you."
    assert severities(text)["missing_specific_topic"] == "warning"


@pytest.mark.parametrize("slot", ["(your name)", "(date)", "(job title)", "[Company Name]", "<Interviewer>",
                                  "{position}", "{{ name }}", "(Hiring Manager's name)", "[insert topic]"])
def test_placeholder_slots_in_every_bracket_style_are_reported_once(slot):
    review = review_draft(NOTE.replace("the churn model", f"the churn model on {slot}"), "thank_you")
    assert review.rules("error").count("placeholder") == 1


def test_a_slot_where_the_name_goes_is_not_also_a_missing_identity():
    text = ("Hi Ms. Lee, this is (your name). I interviewed for the (job title) position on (date). "
            "You can reach me at (phone number). Thanks.")
    review = review_draft(text, "voicemail")
    assert review.rules().count("placeholder") == 4 and "missing_identity" not in review.rules()


@pytest.mark.parametrize("opening, full", [("this is Stan", False), ("it's Stan", False), ("this is Stan Ross", True),
                                            ("my name is Ana de la Cruz", True), ("it's Siobhán O'Neill", True)])
def test_a_full_name_needs_more_than_one_word(opening, full):
    text = f"Hi Ms. Lee, {opening}. I interviewed for the analyst position on Monday. I'm still very interested."
    warned = any(f.rule == "missing_identity" and "full name" in f.message
                 for f in review_draft(text, "call_script").findings)
    assert warned is not full


@pytest.mark.parametrize("kind, text", [
    ("follow_up", "Hi Sam, we spoke yesterday about the role. Any news?"),
    ("follow_up", "Hi Sam, following up on this morning's interview. Is there an update?"),
    ("second_attempt", "Hi Sam, I followed up yesterday but wanted to try again. Thank you, still keen."),
    ("thank_you", "Dear Ms. Lee, thank you for meeting me last week about the analyst role. I'm keen."),
])
def test_time_words_in_the_text_feed_the_timing_rule_without_a_case(kind, text):
    assert severities(text, kind)["late"] == "error"
    with_case = {"case": {"interview_end": "2026-11-16T15:00:00-05:00"}, "send_date": "2026-11-16T18:00:00-05:00"}
    assert ("late" in severities(text, kind, with_case)) is (kind != "thank_you")  # the case decides instead


def test_an_informational_interview_thank_you_needs_no_next_steps_or_interest():
    text = ("Hi Rachel,\n\nThank you for the coffee and your advice on moving into UX research. Your point about "
            "leading case studies with the research question was exactly what I needed.\n\nMei")
    assert not {"missing_next_steps", "missing_interest"} & set(severities(text))


def test_a_short_status_check_needs_no_topic_or_link():
    text = "Dear Ms. Lee,\n\nThank you again for the interview. I remain very interested and wanted to ask whether there is any update on the timeline.\n\nBest,\nSam Roe"
    assert "missing_specific_topic" not in severities(text, "follow_up")


@pytest.mark.parametrize("word", ["résumé", "CV", "co-op", "naïve", "pre-screen", "app"])
def test_ordinary_words_are_not_misspellings(word):
    assert "spelling" not in severities(NOTE.replace("the churn model", f"the churn model and my {word}"))


# --- drafts a person would send --------------------------------------------------------
COMBINATIONS = list(all_combinations())


def test_every_combination_renders_and_passes_its_own_review():
    assert len(COMBINATIONS) >= 150
    failing = {c.label: c.review.rules() for c in COMBINATIONS
               if c.review.rules("error") or c.review.rules("warning")}
    assert failing == {}


def test_no_combination_gets_a_grammar_tip():
    assert {c.label for c in COMBINATIONS if grammar_findings(c.draft.text)} == set()


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("kind", ["thank_you", "follow_up", "second_attempt", "call_script", "voicemail"])
def test_three_variants_differ_in_their_wording(kind, tone):
    assert len(distinct_bodies(kind, tone)) == 3


def test_a_link_has_its_own_introducing_sentence_and_the_note_says_what_it_shows():
    for c in COMBINATIONS:
        if c.option in ("link", "link+note"):
            before, link, after = c.draft.body.partition("https://example.org/portfolio/readmissions")
            paragraph = before.rstrip().split("\n\n")[-1]
            sentences = [s for s in paragraph.replace(":", ".").split(". ") if s]
            assert link and len(sentences) >= 2, c.label  # the topic sentence, then the link's own
            if c.option == "link+note":
                assert paragraph.endswith("It shows a small readmission model I built last spring."), c.label
            else:
                assert paragraph.endswith(":"), c.label


def test_no_follow_up_has_the_old_ungrammatical_sentence():
    assert not any("so I wanted" in c.draft.text and "As your team" in c.draft.text for c in COMBINATIONS)


# --- mailto -------------------------------------------------------------------------------
def test_mailto_link_carries_subject_and_body_encoded():
    made = draft("thank_you", name="Zoë Ångström", interviewer="Ms. Lee", position="Analyst", company="A&B",
                 topics=["the churn model"], variant=0)
    link = made.mailto("lee@example.org")
    assert link.complete and link.url.startswith("mailto:lee@example.org?subject=")
    assert "%0D%0A" in link.url and "&body=" in link.url and "%C3%AB" in link.url and "A%26B" in link.url
    assert " " not in link.url and len(link.url) <= MAX_MAILTO_LENGTH


def test_a_long_draft_gets_a_subject_only_link_and_a_note():
    link = mailto_link(Draft("follow_up", "Following up", "long words here " * 300))
    assert not link.complete and "&body=" not in link.url and "paste" in link.note


def test_mailto_refuses_a_script_and_a_bad_address():
    with pytest.raises(Exception, match="spoken"):
        mailto_link(Draft("voicemail", None, "Hi"))
    with pytest.raises(Exception, match="to: .* is not an email address"):
        mailto_link(Draft("thank_you", "Hi", "Hi"), "not an address?subject=x")
