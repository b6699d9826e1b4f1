"""Instructors' scenarios: the presets cover every rule, files are checked field by field,
and a scenario replays day by day (contacts after the day are ignored)."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from followup_lib.errors import InputError
from followup_lib.etiquette.advisor import WARNING_RULES
from followup_lib.etiquette.kinds import Action
from followup_lib.etiquette.params import Params
from followup_lib.etiquette.scenarios import (PRESET_FOLDER, Scenario, ScenarioDay, copy_preset, load_scenario,
                                              preset_scenarios, scenario_day)
from followup_lib.etiquette.stages import StageId
from followup_lib.workspace import FileExists, LearnerFolder

PRESETS = preset_scenarios()
NAMES = list(PRESETS)


def _all_days():
    return {name: [s.on(day) for day in s.days] for name, s in PRESETS.items()}


DAYS = _all_days()


def _minimal(**changes) -> dict:
    data = {
        "title": "Demo", "story": "Sam interviewed on Monday and was told Friday.",
        "candidate": {"name": "Sam Roe", "position": "Analyst", "company": "Acme", "topic": "the dashboard",
                      "interviewer": "Ms. Lee"},
        "case": {"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"},
        "first_day": "2026-11-16", "last_day": "2026-11-24",
    }
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def _load(**changes) -> Scenario:
    return load_scenario(json.dumps(_minimal(**changes)))


# --- the presets -------------------------------------------------------------------
def test_at_least_nine_presets_each_with_a_story():
    assert len(PRESETS) >= 9
    for name, s in PRESETS.items():
        assert s.name == name and len(s.story) > 200 and s.title and s.expect, name


def test_the_presets_cover_the_situations_instructors_asked_for():
    assert {"promised-date-long-past", "invited-to-call", "no-timeline", "new-later-timeline", "traditional-industry",
            "silence-after-second-attempt", "late-thank-you", "over-eager", "holidays-scotland"} <= set(PRESETS)
    assert PRESETS["no-timeline"].case.decision_by is None
    assert PRESETS["invited-to-call"].case.invited_to_call
    assert PRESETS["traditional-industry"].case.traditional_industry
    assert PRESETS["new-later-timeline"].case.responses_of("new_timeline")
    scotland = PRESETS["holidays-scotland"].case
    assert (scotland.country, scotland.subdivision) == ("GB", "SCT")


def test_stepping_every_preset_through_every_day_gives_all_nine_actions():
    seen = {str(result.action) for results in DAYS.values() for result in results}
    assert seen == set(Action.values())


@pytest.mark.parametrize("name", NAMES)
def test_expected_actions_on_key_days(name):
    scenario = PRESETS[name]
    got = {day: str(scenario.on(day).action) for day, _ in scenario.expect}
    assert got == {day: str(action) for day, action in scenario.expect}


@pytest.mark.parametrize("name", NAMES)
def test_each_preset_exercises_the_stage_rules_it_declares(name):
    exercised = set().union(*(result.stages for result in DAYS[name]))
    assert {s.number for s in PRESETS[name].stages} <= exercised


def test_together_the_presets_declare_and_exercise_every_stage_rule():
    declared = {s for scenario in PRESETS.values() for s in scenario.stages}
    assert declared == set(StageId)
    assert set().union(*(r.stages for results in DAYS.values() for r in results)) == set(range(1, 8))


def test_together_the_presets_raise_every_advice_warning():
    rules = {w.rule for results in DAYS.values() for r in results for w in r.advice.warnings}
    assert rules == set(WARNING_RULES)


def test_the_scottish_bank_holiday_moves_the_follow_up():
    scotland = PRESETS["holidays-scotland"]
    result = scotland.on(date(2026, 11, 30))
    assert result.advice.dates.follow_up_due == date(2026, 12, 2)
    assert any("Saint Andrew" in event for event in result.events)
    england = load_scenario(scotland.source_text.replace('"SCT"', '"ENG"'), name="england.json")
    assert england.on(date(2026, 11, 30)).advice.dates.follow_up_due == date(2026, 12, 1)


def test_presets_are_in_teaching_order_and_listed_as_a_table():
    assert NAMES[0] == "late-thank-you"
    html = PRESETS._repr_html_()
    assert html.count("<tr>") == len(PRESETS) + 1 and "late-thank-you" in str(PRESETS)


def test_preset_files_are_the_ones_in_the_package_folder():
    files = {p.stem for p in PRESET_FOLDER.iterdir() if p.suffix in (".yaml", ".json")}
    assert files == set(PRESETS)


# --- one day of a scenario ---------------------------------------------------------
def test_contacts_after_the_day_are_ignored():
    eager = PRESETS["over-eager"]
    before, after = eager.on(date(2026, 11, 3)), eager.on(date(2026, 11, 4))
    assert before.advice.dates.attempts == () and len(after.advice.dates.attempts) == 1
    assert before.events == () and after.events == ("You phoned: call.",)
    assert not before.plan.step("follow_up").done


@pytest.mark.parametrize(("name", "day", "kind"), [
    ("late-thank-you", date(2026, 11, 6), "thank_you"),
    ("late-thank-you", date(2026, 11, 8), "thank_you"),        # late: a short one anyway
    ("late-thank-you", date(2026, 11, 24), "follow_up"),
    ("invited-to-call", date(2026, 11, 17), "call_script"),    # phone preferred and permitted
    ("promised-date-long-past", date(2026, 11, 10), "second_attempt"),
    ("no-timeline", date(2026, 10, 7), "reply"),
    ("no-timeline", date(2026, 10, 9), None),                  # wait
    ("new-later-timeline", date(2026, 11, 19), None),          # follow the new timeline
    ("over-eager", date(2026, 11, 17), None),                  # move on
    ("holidays-scotland", date(2026, 12, 8), None),            # done
])
def test_the_draft_of_the_day_matches_the_action(name, day, kind):
    result = PRESETS[name].on(day)
    assert (result.draft.kind if result.draft else None) == kind


def test_drafts_use_the_candidate_and_the_case_as_of_the_day():
    result = PRESETS["promised-date-long-past"].on(date(2026, 11, 10))
    text = result.draft.text
    assert "Ms. Grant" in text and "Priya Raman" in text and "Harbourline Freight" in text
    assert "November 3" in text        # the follow-up she sent, known by then
    follow_up = PRESETS["no-timeline"].on(date(2026, 10, 2)).draft.text
    assert "https://github.com/trivera/returns-forecast-demo" in follow_up


def test_a_traditional_field_gets_formal_drafts_and_replies():
    reply = load_scenario(PRESETS["no-timeline"].source_text.replace("country: US", "country: US\n  "
                                                                     "traditional_industry: true"))
    assert reply.on(date(2026, 10, 7)).draft.text.startswith("Subject: Re: the Data Analyst role\n\nDear Jordan")


def test_the_reason_is_the_rule_of_the_advice_stage():
    result = PRESETS["late-thank-you"].on(date(2026, 11, 24))
    assert result.reason.startswith("Stage 4 (Follow up by email): the decision date (Fri 20 Nov) passed")


def test_result_shows_as_escaped_html_and_readable_text():
    scenario = _load(title="<script>alert(1)</script>",
                     candidate={"name": "Zoë <b>O'Neill</b>", "position": "Analyst", "company": "A & B",
                                "topic": "the <i>churn</i> model", "interviewer": "Ms. Lee"})
    result = scenario.on(date(2026, 11, 16))
    html = result._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>O" not in html and "&lt;b&gt;O" in html
    assert "<script>" not in scenario._repr_html_()
    text = str(result)
    assert "Day 1 of 9 · Mon 16 Nov 2026" in text and "Why today: Stage 2" in text and "Subject:" in text
    assert isinstance(result, ScenarioDay) and result.label.startswith("Day 1 of 9")


def test_params_change_the_replay():
    late = PRESETS["late-thank-you"]
    assert late.on(date(2026, 11, 24)).action == "send_follow_up"
    assert scenario_day(late, date(2026, 11, 24), params=Params(follow_up_grace=3)).action == "wait"


@pytest.mark.parametrize("day", ["2026-11-16", None, date(9999, 1, 1)])
def test_a_bad_day_is_an_input_error(day):
    with pytest.raises(InputError, match="day"):
        scenario_day(PRESETS["late-thank-you"], day)


# --- reading files -----------------------------------------------------------------
def test_yaml_and_json_give_the_same_scenario(tmp_path):
    import yaml

    data = _minimal(stages=["thank_you", "follow_up"], expect={"2026-11-24": "send_follow_up"})
    from_json = load_scenario(json.dumps(data))
    from_yaml = load_scenario(yaml.safe_dump(data, allow_unicode=True))
    path = tmp_path / "demo.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    for other in (from_yaml, load_scenario(path), load_scenario(str(path)), load_scenario(path.read_bytes(),
                                                                                          name="demo.yaml")):
        assert (other.case, other.first_day, other.expect, other.stages, other.candidate) == (
            from_json.case, from_json.first_day, from_json.expect, from_json.stages, from_json.candidate)
    assert load_scenario(path).name == "demo"


def test_unquoted_yaml_dates_and_norway():
    text = PRESETS["late-thank-you"].source_text.replace("country: US", "country: NO")
    scenario = load_scenario(text)
    assert scenario.case.country == "NO" and scenario.first_day == date(2026, 11, 6)


def test_the_candidate_fills_the_names_the_case_lacks():
    scenario = _load()
    assert (scenario.case.company, scenario.case.position, scenario.case.contact_name) == ("Acme", "Analyst", "Ms. Lee")
    from_case = _load(candidate={"name": "Sam Roe", "topic": "SQL"},
                      case={"interview_end": "2026-11-16T15:00:00-05:00", "company": "Initech",
                            "position": "Tester", "contact_name": "Bill"})
    assert (from_case.candidate.company, from_case.candidate.interviewer) == ("Initech", "Bill")


@pytest.mark.parametrize(("changes", "message"), [
    ({"title": None}, "title: is missing; give the scenario a title"),
    ({"story": 42}, "story: must be text, not int"),
    ({"case": None}, "case: is missing; add the case, with at least its interview_end"),
    ({"first_day": None}, "first_day: is missing; give the day as YYYY-MM-DD"),
    ({"first_day": "16/11/2026"}, "first_day: '16/11/2026' is not a date or time"),
    ({"last_day": "2026-02-30"}, "last_day: '2026-02-30' is not a date or time"),
    ({"last_day": "2026-11-10"}, "last_day: 2026-11-10 is before first_day (2026-11-16); make it first_day or later"),
    ({"last_day": "2027-06-01"}, "last_day: is 197 days after first_day; keep a scenario under 120 days"),
    ({"first_day": "2026-10-01"}, "first_day: 2026-10-01 is more than 7 days before the interview"),
    ({"stroy": "x"}, "stroy: is not a field of a scenario; did you mean 'story'?"),
    ({"candidate": {"name": "Sam Roe", "topic": "SQL", "compnay": "Acme"}},
     "candidate.compnay: is not a field of the candidate; did you mean 'company'?"),
    ({"candidate": {"name": "Sam Roe", "position": "Analyst", "company": "Acme", "interviewer": "Ms. Lee"}},
     "candidate.topic: is missing"),
    ({"candidate": {"name": "Sam Roe", "topic": "SQL", "company": "Acme", "interviewer": "Ms. Lee"}},
     "candidate.position: is missing; give the candidate's position (or position in the case)"),
    ({"candidate": {"name": "[Your Name]", "topic": "SQL", "position": "A", "company": "B", "interviewer": "C"}},
     "candidate.name: looks like template text"),
    ({"candidate": "Sam"}, "candidate: must be a mapping of fields"),
    ({"case": {"interview_end": "2026-11-16T15:00:00-05:00", "decison_by": "2026-11-20"}},
     "case.decison_by: is not a field of the case; did you mean 'decision_by'?"),
    ({"case": {"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-02"}},
     "case.decision_by: 2026-11-02 is before the interview (2026-11-16)"),
    ({"case": {"interview_end": "2026-11-16T15:00:00-05:00", "country": "Narnia"}}, "case.country"),
    ({"case": {"interview_end": "2026-11-16T15:00:00-05:00", "contacts": [{"at": "2026-11-17", "kind": "thanks"}]}},
     "case.contacts[0].kind: 'thanks' is not a known value"),
    ({"case": "2026-11-16"}, "case: must be a JSON object"),
    ({"stages": ["thank_you", "folow_up"]}, "stages[1]: 'folow_up' is not a known value; did you mean 'follow_up'?"),
    ({"stages": "thank_you"}, "stages: must be a list"),
    ({"expect": {"2026-11-24": "send_folow_up"}}, "expect.2026-11-24: 'send_folow_up' is not a known value; "
                                                  "did you mean 'send_follow_up'?"),
    ({"expect": {"2026-12-24": "wait"}}, "expect.2026-12-24: is outside the scenario (2026-11-16 to 2026-11-24)"),
    ({"expect": {"tomorrow": "wait"}}, "expect.tomorrow: 'tomorrow' is not a date or time"),
    ({"expect": ["wait"]}, "expect: must map days to actions"),
])
def test_a_bad_field_is_one_error_naming_it_and_the_fix(changes, message):
    with pytest.raises(InputError) as caught:
        _load(**changes)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(("text", "name", "message"), [
    ("", None, "scenario: is empty"),
    ("title: [a,", None, "scenario: is not valid YAML (line 1"),
    ('{"title": "a",}', None, "scenario: is not valid JSON (line 1, column 15"),
    ('{"title": "a", "title": "b"}', "x.json", "scenario file x.json: names 'title' twice in one object"),
    ("title: a\ntitle: b\n", None, "scenario: names 'title' twice in one mapping (line 2); keep one of them"),
    ("a: &x [1, 2]\nb: *x\n", None, "scenario: uses an alias (*x) on line 2; write each value out in full"),
    ("- a\n- b\n", None, "scenario: must hold one mapping of fields"),
    ("title: x\n" + "#" * 100_001, None, "scenario: is 100,010 characters long"),
    ("title: x", "notes.txt", "scenario file notes.txt: does not end in .yaml, .yml, .json"),
    ("[" * 5000, None, "scenario: is not valid YAML"),
    ("? [a, b]\n: c\n", None, "scenario: is not valid YAML"),
    ("title: a\n7: b\n", None, "7: is not a field of a scenario"),
])
def test_a_bad_file_is_one_clear_error(text, name, message):
    with pytest.raises(InputError) as caught:
        load_scenario(text, name=name)
    assert str(caught.value).startswith(message)


def test_a_missing_file_or_binary_upload_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no file named"):
        load_scenario(tmp_path / "nothing.yaml")
    with pytest.raises(InputError, match="not a text file"):
        load_scenario(b"\x00\x01\x02", name="x.yaml")
    with pytest.raises(InputError, match="must be a path or the file's text"):
        load_scenario(42)


# --- copying a preset into the learner's folder -------------------------------------
def test_copy_preset_writes_an_editable_copy_and_never_replaces_silently(tmp_path):
    folder = LearnerFolder(tmp_path / "my-work")
    path = copy_preset("over-eager", folder)
    assert path == folder.root / "over-eager.yaml"
    assert path.read_text(encoding="utf-8") == (PRESET_FOLDER / "over-eager.yaml").read_text(encoding="utf-8")
    assert load_scenario(path).case == PRESETS["over-eager"].case
    assert copy_preset("over-eager", folder) == path          # still identical: left as it is
    path.write_text(path.read_text(encoding="utf-8").replace("Too keen", "Far too keen"), encoding="utf-8")
    with pytest.raises(FileExists, match="pass replace=True to overwrite it"):
        copy_preset("over-eager", folder)
    assert "Far too keen" in path.read_text(encoding="utf-8")
    copy_preset("over-eager", folder, replace=True)
    assert "Far too keen" not in path.read_text(encoding="utf-8")
    assert PRESETS["holidays-scotland"].copy_to(folder, name="scotland").name == "scotland.json"


def test_copy_preset_names_an_unknown_preset(tmp_path):
    with pytest.raises(InputError, match="did you mean 'over-eager'"):
        copy_preset("overeager", LearnerFolder(tmp_path))


def test_copy_preset_goes_to_the_learner_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_WORK_DIR", str(tmp_path / "work"))
    assert copy_preset("no-timeline") == tmp_path / "work" / "no-timeline.yaml"


def test_scenario_days_and_text():
    late = PRESETS["late-thank-you"]
    assert late.days[0] == late.first_day and late.days[-1] == late.last_day
    assert len(late.days) == (late.last_day - late.first_day).days + 1 == len(set(late.days))
    assert all(b - a == timedelta(days=1) for a, b in zip(late.days, late.days[1:]))
    assert str(late).startswith("A thank-you that slipped past the weekend\n")
    assert Path(PRESET_FOLDER).is_dir()
