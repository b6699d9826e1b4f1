"""The call decider, headless: tick the boxes, change the day, type names, read what it shows."""

import re
from datetime import date, timedelta

import pytest
import traitlets

from followup_lib.errors import InputError
from followup_lib.etiquette.call_verdict import CallStatus
from followup_lib.etiquette.calls import call_permission
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.params import Params
from followup_lib.etiquette.windows import as_of, windows
from followup_lib.widgets.call_decider import CallDecider, time_bar_html
from followup_lib.widgets.model import CaseModel
from followup_lib.widgets.planner import PlannerWidget
from followup_lib.workspace import LearnerFolder

CASE = {"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20",
        "contact_name": "Ms. Okafor", "position": "Data Analyst", "company": "Northwind Health",
        "contacts": [{"at": "2026-11-16T18:00:00-05:00", "kind": "thank_you"}]}
MON_23, TUE_24, WED_25 = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)


def make(day=MON_23, **changes) -> CallDecider:
    model = CaseModel(Case.from_dict({**CASE, **changes}), today=day)
    return CallDecider(model, name="Zoë O'Neill", phone="+1 555 010 0199")


def errors(html: str) -> int:
    return html.count('class="fc-error"')


def test_a_no_then_a_yes_a_few_business_days_later():
    decider = make()
    assert decider.value.status == CallStatus.NOT_YET
    assert "Not yet: a call is acceptable from Wed 25 Nov." in decider._verdict.value
    assert "passed only 1 business day ago: calls are acceptable from Wed 25 Nov." in decider._verdict.value
    assert decider._verdict.value.count("does not hold") == 3
    assert "For when a call is warranted (from Wed 25 Nov)" in decider._script.value
    assert "Fri 20 Nov 2026" in decider._decision.value and "the date you were given" in decider._decision.value
    decider._day.value = WED_25
    assert decider.value.status == CallStatus.YES and decider.model.today == WED_25
    assert "&#10004; Yes: a short, prepared call is acceptable today." in decider._verdict.value
    assert "<b>Your call script</b>" in decider._script.value and "fc-not-yet" not in decider._script.value
    assert "Email is still the recommended channel" in decider._verdict.value


@pytest.mark.parametrize("flags", [{}, {"invited_to_call": True}, {"traditional_industry": True}])
def test_the_verdict_matches_call_permission_day_by_day(flags):
    decider = make(day=date(2026, 11, 16), **flags)
    for offset in range(21):
        day = date(2026, 11, 16) + timedelta(days=offset)
        decider._day.value = day
        case = as_of(decider.model.case, day)
        permitted, reasons = call_permission(case, day, windows(case, today=day))
        assert decider.value.permitted == permitted
        assert [e.text for e in decider.value.exceptions if e.holds] == reasons
        assert decider._verdict.value.count("<b>holds</b>") == len(reasons)


def test_ticking_invited_writes_the_case_and_changes_the_verdict():
    decider = make(day=TUE_24)
    assert decider.value.status == CallStatus.NOT_YET
    decider._invited.value = True
    assert decider.model.case.invited_to_call is True
    assert decider.value.status == CallStatus.YES and decider.value.holding == ("b",)
    decider._invited.value = False
    decider._traditional.value = True
    assert decider.model.case.traditional_industry and not decider.model.case.invited_to_call
    assert decider.value.holding == ("c",)
    assert "Hello, Ms. Okafor" in decider._script.value  # a traditional field: the formal tone


def test_a_case_changed_elsewhere_shows_in_the_boxes_and_the_names():
    decider = make(day=TUE_24)
    model = decider.model
    model.accept(Case.from_dict({**CASE, "invited_to_call": True, "contact_name": "Dr. Abara"}))
    assert decider._invited.value is True and decider._inputs["interviewer"].value == "Dr. Abara"
    assert decider.value.holding == ("b",) and "Dr. Abara" in decider._script.value


def test_the_shared_model_reaches_the_planner_and_back(tmp_path):
    model = CaseModel(Case.from_dict(CASE), today=TUE_24)
    planner = PlannerWidget(model, folder=LearnerFolder(tmp_path / "my-work"))
    decider = CallDecider(model, name="Sam Roe")
    decider._traditional.value = True
    assert planner._inputs["traditional_industry"].value is True
    planner._inputs["traditional_industry"].value = False
    planner._inputs["invited_to_call"].value = True
    assert decider._invited.value and not decider._traditional.value and decider.value.holding == ("b",)
    planner._today.value = WED_25
    assert decider._day.value == WED_25 and decider.value.day == WED_25


def test_changing_the_day_in_the_model_moves_the_picker():
    decider = make()
    decider.model.today = WED_25
    assert decider._day.value == WED_25 and decider.value.status == CallStatus.YES


def test_names_with_html_are_escaped_everywhere():
    decider = make(day=WED_25)
    decider.set_values(name="<script>alert(1)</script> Roe", interviewer="<b>Sam</b>", position="<i>Analyst</i>")
    shown = decider._script.value + decider._voicemail.value + decider._checklist.value
    assert "<script>" not in shown and "<b>Sam</b>" not in shown and "<i>Analyst</i>" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Roe" in decider._checklist.value
    assert "&lt;b&gt;Sam&lt;/b&gt;" in decider._script.value


def test_missing_phone_gives_one_line_and_the_script_still_shows():
    decider = make(day=WED_25)
    decider._inputs["phone"].value = ""
    assert errors(decider._voicemail.value) == 1 and "phone: is empty" in decider._voicemail.value
    assert errors(decider._script.value) == 0 and "Ms. Okafor" in decider._script.value
    assert decider.value.status == CallStatus.YES
    decider._inputs["phone"].value = "12"
    assert errors(decider._voicemail.value) == 1 and "is not a phone number" in decider._voicemail.value
    decider._inputs["phone"].value = "+1 555 010 0199"
    assert errors(decider._voicemail.value) == 0 and decider._voicemail.value.count("+1 555 010 0199") == 2


def test_missing_name_gives_one_line_in_each_script_and_in_the_checklist():
    decider = make(day=WED_25)
    decider._inputs["name"].value = "   "
    assert errors(decider._script.value) == 1 and "name: is empty" in decider._script.value
    assert errors(decider._voicemail.value) == 1
    assert "&#10006; Say your full name: missing" in decider._checklist.value


def test_speaking_time_is_said_in_words_and_drawn_against_the_limit():
    decider = make(day=WED_25)
    assert "of 120 at most: &#10004; within the limit" in decider._script.value
    assert "of 45 at most: &#10004; within the limit" in decider._voicemail.value
    decider.model.params = Params(call_max_seconds=30, voicemail_max_seconds=10)
    assert "of 30 at most: &#10006; over the limit" in decider._script.value
    assert "of 10 at most: &#10006; over the limit" in decider._voicemail.value
    assert "Under 30 seconds" in decider._checklist.value


def test_speaking_time_follows_the_words_per_minute_parameter():
    decider = make(day=WED_25)
    words = int(re.search(r"(\d+) words", decider._script.value).group(1))
    decider.model.params = Params(words_per_minute=60)
    assert f"about {words} seconds aloud" in decider._script.value


def test_time_bar_is_capped_at_its_width():
    assert "width:100%" in time_bar_html(500, 120) and "width:50%" in time_bar_html(60, 120)


def test_the_checklist_names_what_to_state():
    checklist = make(day=WED_25)._checklist.value
    for text in ("Zoë O&#x27;Neill", "Data Analyst", "Monday, November 16", "Direct and warm", "No pressure",
                 "Under 2 minutes"):
        assert text in checklist


def test_no_exception_points_to_email_and_shows_no_script():
    no_date = {key: value for key, value in CASE.items() if key != "decision_by"}
    decider = CallDecider(CaseModel(Case.from_dict(no_date), today=date(2026, 12, 10)), name="Sam Roe")
    assert decider.value.status == CallStatus.NO
    assert "Email stays your channel" in decider._script.value and "fc-spoken" not in decider._script.value
    assert decider._voicemail.value == "" and decider._checklist.value == ""
    assert "no decision date was given" in decider._verdict.value
    decider._invited.value = True
    assert decider.value.status == CallStatus.YES and "Your call script" in decider._script.value


def test_a_decision_leaves_nothing_to_chase():
    decided = make(day=WED_25, invited_to_call=True, responses=[{"at": "2026-11-23", "kind": "decision"}])
    assert decided.value.status == CallStatus.NO and "Nothing is left to chase" in decided._script.value


def test_no_case_yet_is_one_line_then_a_verdict_once_there_is_one():
    decider = CallDecider(CaseModel(today=TUE_24))
    assert decider.value is None and errors(decider._error.value) == 1
    assert "No case yet" in decider._verdict.value
    decider._invited.value = True  # no case to write into: still one line, no exception
    assert decider.value is None
    decider.model.accept(Case.from_dict(CASE))
    assert decider.value is not None and decider._invited.value is False


def test_an_error_in_the_shared_model_is_shown_not_stale_advice():
    decider = make()
    decider.model.report(InputError("decision_by", "is before the interview", "give a later date"))
    assert decider.value is None and "decision_by: is before the interview" in decider._verdict.value
    assert decider._script.value == ""


def test_a_bad_or_empty_day_is_one_line_and_can_be_fixed():
    decider = make()
    decider._day.value = date(9999, 12, 31)
    assert decider.value is None and "outside the years" in decider._verdict.value
    decider._day.value = None
    assert decider.value is None and "Decide for: is empty" in decider._verdict.value
    decider._day.value = WED_25
    assert decider.value.status == CallStatus.YES


def test_no_company_never_prints_none():
    for name in ("Ann Lee", "Bo Chen", "Cy Diaz", "Dee Ek"):  # several names, so several wordings
        decider = CallDecider(CaseModel(Case.from_dict({**CASE, "company": None}), today=WED_25), name=name)
        assert "None" not in decider._script.value


def test_value_is_read_only_and_set_values_names_unknown_inputs():
    decider = make()
    with pytest.raises(traitlets.TraitError):
        decider.value = None
    with pytest.raises(InputError, match="nmae: is not an input"):
        decider.set_values(nmae="Sam")


def test_set_values_redraws_once():
    decider = make()
    calls = []
    decider.observe(lambda change: calls.append(change), names="value")
    decider.set_values(today=WED_25, invited_to_call=True, name="Sam Roe")
    assert len(calls) == 1 and decider.value.holding == ("a", "b")


def test_projector_enlarges_the_text():
    decider = CallDecider(CaseModel(Case.from_dict(CASE), today=TUE_24), projector=True)
    assert "fc-projector" in decider._dom_classes and "fc-call-decider" in decider._dom_classes
