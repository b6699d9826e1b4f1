"""The scenario player, headless: step, slide, reset, load your own file, share the model."""

import json
from datetime import date, datetime, timezone

import pytest

from followup_lib.etiquette.case import Case
from followup_lib.etiquette.params import Params
from followup_lib.etiquette.scenarios import PRESET_FOLDER, load_scenario, preset_scenarios
from followup_lib.widgets.model import CaseModel
from followup_lib.widgets.planner import PlannerWidget
from followup_lib.widgets.scenario_player import ScenarioPlayer
from followup_lib.workspace import LearnerFolder

PRESETS = preset_scenarios()
GOOD = {
    "title": "Demo <script>alert(1)</script>", "story": "Sam <b>interviewed</b> on Monday.",
    "candidate": {"name": "Sam <i>Roe</i>", "position": "Analyst", "company": "Acme", "topic": "the dashboard",
                  "interviewer": "Ms. Lee"},
    "case": {"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"},
    "first_day": "2026-11-16", "last_day": "2026-11-25",
}


@pytest.fixture
def folder(tmp_path):
    return LearnerFolder(tmp_path / "my-work")


@pytest.fixture
def player(folder):
    return ScenarioPlayer(folder=folder)


def upload(player, name: str, content: bytes) -> None:
    """What the browser does when a file is chosen in **Load my scenario**."""
    player._upload.value = ({"name": name, "type": "", "size": len(content), "content": memoryview(content),
                             "last_modified": datetime(2026, 11, 24, tzinfo=timezone.utc)},)


def test_starts_on_the_first_preset_and_writes_it_into_the_model(player):
    first = next(iter(PRESETS.values()))
    assert player.scenario is first and player.day == first.first_day
    assert player.model.case == first.case and player.model.today == first.first_day
    assert player.value.action == "send_thank_you" and player.value.day == first.first_day
    assert "slipped past the weekend" in player._story.value
    assert "Send your thank-you email now." in player._advice.value
    assert "Draft to send today" in player._draft.value and "Why today:" in player._reason.value
    assert "<table" in player._plan.value and "Day 1 of 19" in player._heading.value


def test_next_and_previous_day_step_and_stop_at_the_ends(player):
    assert player._prev.disabled and not player._next.disabled
    player._next.click()
    player._next.click()
    assert player.day == date(2026, 11, 8) and player.value.action == "thank_you_late"
    assert player.model.today == date(2026, 11, 8)
    player._prev.click()
    assert player.day == date(2026, 11, 7)
    player.step(100)
    assert player.day == player.scenario.last_day and player._next.disabled
    player._next.click()
    assert player.day == player.scenario.last_day
    player.step(-100)
    assert player.day == player.scenario.first_day


def test_the_slider_picks_any_day(player):
    player._slider.value = date(2026, 11, 24)
    assert player.value.action == "send_follow_up" and "Follow up by email" in player._reason.value
    assert player._slider.label == "Tue 24 Nov" and player.model.today == date(2026, 11, 24)
    player._slider.value = date(2026, 11, 12)
    assert player.value.draft is None and "Nothing to send today." in player._draft.value


def test_reset_goes_back_to_the_first_day_and_restores_the_case(player):
    player.step(5)
    player.model.accept(Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00"}))  # another widget edits
    player._reset.click()
    assert player.day == player.scenario.first_day and player.model.case == player.scenario.case
    assert player.value.action == "send_thank_you"


def test_choosing_a_preset_starts_it_from_its_first_day(player):
    player.step(3)
    player._picker.value = "over-eager"
    assert player.scenario is PRESETS["over-eager"] and player.day == date(2026, 11, 2)
    assert player.model.case == PRESETS["over-eager"].case
    player._slider.value = date(2026, 11, 4)
    assert "call_not_permitted" in player._advice.value and "too_early" in player._advice.value


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_renders_on_its_first_and_last_day(player, name):
    player._picker.value = name
    for day in (PRESETS[name].first_day, PRESETS[name].last_day):
        player._slider.value = day
        assert player.value is not None and player.value.day == day
        assert player._error.value == "" and 'class="fc-advice"' in player._advice.value
        assert "<table" in player._plan.value and PRESETS[name].title.split()[0] in player._story.value


def test_a_draft_day_shows_the_draft_escaped_in_a_box(folder):
    player = ScenarioPlayer(scenario=load_scenario(json.dumps(GOOD)), folder=folder)
    assert 'class="fc-draft-box"' in player._draft.value and "<pre" in player._draft.value
    assert "Sam &lt;i&gt;Roe&lt;/i&gt;" in player._draft.value and "<i>Roe" not in player._draft.value


def test_loading_a_good_file_plays_it_and_shares_its_case(player):
    upload(player, "mine.json", json.dumps(GOOD).encode("utf-8"))
    assert player.scenario.title.startswith("Demo") and player.day == date(2026, 11, 16)
    assert player.model.case == player.scenario.case and player.value.action == "send_thank_you"
    assert player._picker.options[-1] == ("My scenario: Demo <script>alert(1)</script>", "mine:mine")
    assert player._upload.value == ()        # cleared, so an edited file can be loaded again
    assert "Loaded" in player._status.value and "<script>" not in player._status.value


def test_loading_a_yaml_copy_of_a_preset(player):
    text = (PRESET_FOLDER / "no-timeline.yaml").read_bytes().replace(b"No timeline given", b"My own story")
    upload(player, "no-timeline.yaml", text)
    assert player.scenario.title == "My own story" and player._picker.label == "My scenario: My own story"
    player._picker.value = "no-timeline"
    assert player.scenario is PRESETS["no-timeline"]


def test_a_scenario_title_with_html_is_escaped_everywhere(player):
    upload(player, "mine.json", json.dumps(GOOD).encode("utf-8"))
    shown = player._story.value + player._heading.value + player._status.value
    assert "<script>" not in shown and "&lt;script&gt;alert(1)&lt;/script&gt;" in player._story.value
    assert "<b>interviewed" not in shown and "&lt;b&gt;interviewed" in player._story.value


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.yaml", b"title: x\nstory: y\nfirst_dya: 2026-11-16\n", "first_dya: is not a field of a scenario; "
                                                                 "did you mean &#x27;first_day&#x27;?"),
    ("bad.yaml", b"title: [x,\n", "is not valid YAML (line"),
    ("bad.json", b'{"title": "x",}', "is not valid JSON (line 1"),
    ("bad.txt", b"title: x", "does not end in .yaml, .yml, .json"),
    ("bad.yaml", b"\x00\x01binary", "is not a text file"),
    ("bad.yaml", b"", "is empty"),
    ("bad.yaml", b"x" * 200_000, "is 200,000 bytes"),
    ("bad.json", json.dumps({**GOOD, "last_day": "2026-11-01"}).encode(), "last_day: 2026-11-01 is before first_day"),
    ("bad.json", json.dumps({**GOOD, "case": {"interview_end": "2026-11-16T15:00:00-05:00",
                                               "decision_by": "2026-11-01"}}).encode(), "case.decision_by"),
])
def test_a_bad_file_is_one_line_and_keeps_the_current_scenario(player, folder, tmp_path, monkeypatch,
                                                               name, content, message):
    monkeypatch.chdir(tmp_path)
    before = player.scenario
    upload(player, name, content)        # never raises
    assert message in player._status.value and player._status.value.count("<div") == 1
    assert "Traceback" not in player._status.value
    assert player.scenario is before and player.value is not None
    assert list(tmp_path.iterdir()) == []          # nothing was written to disk


def test_other_widgets_on_the_model_follow_the_scenario(player, folder):
    planner = PlannerWidget(player.model, folder=folder)
    player._picker.value = "promised-date-long-past"
    assert planner.case == PRESETS["promised-date-long-past"].case
    player._slider.value = date(2026, 11, 10)
    assert planner.value.action == "second_attempt" == player.value.action
    planner._today.value = date(2026, 11, 19)           # the planner moves the day: the player follows
    assert player.day == date(2026, 11, 19) and player.value.action == "move_on"


def test_a_day_outside_the_scenario_from_elsewhere_leaves_the_player_as_it_is(player):
    player.model.today = date(2030, 1, 1)
    assert player.day == player.scenario.first_day and player.value.action == "send_thank_you"


def test_params_in_the_model_change_the_replay(player):
    player._slider.value = date(2026, 11, 24)
    assert player.value.action == "send_follow_up"
    player.model.params = Params(follow_up_grace=3)
    assert player.value.action == "wait"


def test_copy_to_my_folder_asks_before_replacing(player, folder):
    player._copy.click()
    path = folder.root / "late-thank-you.yaml"
    assert path.is_file() and "Copied to" in player._status.value
    path.write_text("title: edited\n", encoding="utf-8")
    player._copy.click()
    assert "already exists" in player._status.value and player._replace.layout.display is None
    assert path.read_text(encoding="utf-8") == "title: edited\n"
    player._replace.click()
    assert path.read_text(encoding="utf-8") == PRESETS["late-thank-you"].source_text
    assert player._replace.layout.display == "none"


def test_projector_mode_enlarges_the_player(folder):
    big = ScenarioPlayer(folder=folder, projector=True)
    assert "fc-projector" in big._dom_classes and "fc-scenario-player" in big._dom_classes
    assert any("font-size: 150%" in getattr(child, "value", "") for child in big.children)
    small = ScenarioPlayer(folder=folder, projector=False)
    assert "fc-projector" not in small._dom_classes


def test_every_control_has_a_visible_label(player):
    assert player._picker.description == "Scenario" and player._slider.description == "Day"
    assert {b.description for b in (player._prev, player._next, player._reset, player._copy)} == {
        "Previous day", "Next day", "Reset", "Copy to my folder"}
    assert player._upload.description == "Load my scenario" and player._upload.accept == ".yaml,.yml,.json"


def test_a_shared_model_can_be_passed_in(folder):
    model = CaseModel(today=date(2026, 11, 24))
    player = ScenarioPlayer(model, folder=folder)
    assert player.model is model and model.today == player.scenario.first_day


def test_the_case_downloads_as_a_data_link(player, tmp_path):
    from followup_lib.etiquette.case import load_case
    from tests.test_widgets_planner import data_link

    first = next(iter(PRESETS.values()))
    mime, payload = data_link(player._case_link.value, f"{first.name}-case.json")
    (tmp_path / "case.json").write_bytes(payload)
    assert mime == "application/json" and load_case(tmp_path / "case.json") == first.case
    assert "Download this case (.json)" in player._case_link.value
    player.load_file("demo.json", json.dumps(GOOD).encode())
    _, payload = data_link(player._case_link.value, "demo-case.json")
    (tmp_path / "demo.json").write_bytes(payload)
    assert load_case(tmp_path / "demo.json") == player.scenario.case
