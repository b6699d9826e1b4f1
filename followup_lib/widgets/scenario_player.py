"""The scenario player: an instructor steps a preset (or their own) scenario through its days."""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as w

from followup_lib.errors import FollowupError, InputError
from followup_lib.etiquette.render_html import advice_html, plan_html
from followup_lib.etiquette.scenarios import Scenario, load_scenario, preset_scenarios, scenario_day
from followup_lib.widgets.base import CoachView
from followup_lib.widgets.html import case_download_html, error_html
from followup_lib.widgets.model import CaseModel
from followup_lib.workspace import LearnerFolder

#: Largest scenario file the upload accepts, in bytes (a real one is a few kilobytes).
MAX_UPLOAD_BYTES = 100_000
#: Extra sizing for the player on a projector (on top of :data:`~followup_lib.widgets.base.PROJECTOR_CSS`).
PLAYER_CSS = ("<style>.fc-projector.fc-scenario-player .widget-html-content {"
              "font-size: calc(var(--jp-widgets-font-size, 13px) * 1.6) !important; line-height: 1.35}"
              ".fc-projector.fc-scenario-player .widget-label, .fc-projector.fc-scenario-player button, "
              ".fc-projector.fc-scenario-player select, .fc-projector.fc-scenario-player .widget-readout "
              "{font-size: calc(var(--jp-widgets-font-size, 13px) * 1.6) !important}"
              ".fc-projector.fc-scenario-player .widget-html-content table {font-size: 100% !important}"
              ".fc-projector.fc-scenario-player select, .fc-projector.fc-scenario-player button "
              "{height: auto !important; padding: 0.15em 0.5em}"
              ".fc-projector.fc-scenario-player .widget-readout {min-width: 6em}"
              ".fc-scenario-player pre {word-break: normal !important; overflow-wrap: break-word}</style>")
AUTO = {"width": "auto", "flex": "0 0 auto"}  # buttons as wide as their label, at any text size, never squeezed


class ScenarioPlayer(CoachView):
    """Step a scenario day by day: the story, then on each day the advice, the plan, the draft and why.

    Parameters
    ----------
    model : CaseModel, optional
        The notebook's shared case model; the player writes the scenario's case and the
        day into it, so the other widgets of the notebook follow.
    scenario : Scenario, optional
        Start with this scenario (default: the first preset).
    folder : LearnerFolder, optional
        Where **Copy to my folder** writes (default: the learner's ``my-work/``).
    projector : bool, optional
        Large text for a projector (default: the setting of :func:`followup_lib.projector`).

    ``value`` (read-only) is the :class:`~followup_lib.etiquette.scenarios.ScenarioDay` shown.
    """

    def __init__(self, model: CaseModel | None = None, *, scenario: Scenario | None = None,
                 folder: LearnerFolder | None = None, projector: bool | None = None, **kwargs):
        model = model if model is not None else CaseModel()
        self._folder, self._picking = folder, False
        self._scenarios = dict(preset_scenarios())
        if scenario is not None:
            self._scenarios[self._key(scenario)] = scenario
        start = scenario or next(iter(self._scenarios.values()))
        self._picker = w.Dropdown(description="Scenario", options=self._options(),
                                  value=self._key(start) if scenario is not None else next(iter(self._scenarios)),
                                  layout=w.Layout(width="auto", min_width="32em"))
        self._reset = w.Button(description="Reset", icon="undo", tooltip="Back to the first day", layout=AUTO)
        self._prev = w.Button(description="Previous day", icon="arrow-left", layout=AUTO)
        self._next = w.Button(description="Next day", icon="arrow-right", layout=AUTO)
        self._slider = w.SelectionSlider(description="Day", options=self._days(start), continuous_update=False,
                                         layout=w.Layout(width="36em"))
        self._upload = w.FileUpload(description="Load my scenario", accept=".yaml,.yml,.json", multiple=False,
                                    layout=AUTO)
        self._copy = w.Button(description="Copy to my folder", icon="copy", tooltip="Write this scenario's file "
                              "into your folder, to edit", layout=AUTO)
        self._replace = w.Button(description="Replace", icon="check", button_style="warning",
                                 layout=w.Layout(display="none", width="auto"))
        self._status, self._story = w.HTML(), w.HTML()
        self._heading, self._advice, self._reason = w.HTML(), w.HTML(), w.HTML()
        self._draft, self._plan, self._case_link = w.HTML(), w.HTML(), w.HTML()
        for widget in (self._picker, self._slider):
            widget.style.description_width = "5em"
        children = [w.HTML(PLAYER_CSS), w.HBox([self._picker, self._reset]), self._story,
                    w.HBox([self._prev, self._slider, self._next], layout=w.Layout(flex_flow="row wrap")),
                    self._heading, self._advice, self._reason,
                    self._draft, self._plan, w.HBox([self._upload, self._copy, self._replace]), self._case_link,
                    self._status]
        super().__init__(children, model=model, projector=projector, **kwargs)
        self.add_class("fc-scenario-player")
        self._scenario = None
        self._picker.observe(self._picked, names="value")
        self._slider.observe(self._day_changed, names="value")
        self._prev.on_click(lambda _: self.step(-1))
        self._next.on_click(lambda _: self.step(1))
        self._reset.on_click(lambda _: self.reset())
        self._upload.observe(self._uploaded, names="value")
        self._copy.on_click(lambda _: self.copy())
        self._replace.on_click(lambda _: self.copy(replace=True))
        model.observe(self._today_from_elsewhere, names="today")
        model.observe(self.redraw, names="params")
        self.choose(self._picker.value)

    # --- choosing a scenario and a day ---------------------------------------------
    @staticmethod
    def _key(scenario: Scenario) -> str:
        return f"mine:{scenario.name or scenario.title}"

    @staticmethod
    def _days(scenario: Scenario) -> list[tuple[str, date]]:
        return [(f"{d:%a %d %b}", d) for d in scenario.days]

    def _options(self) -> list[tuple[str, str]]:
        return [(f"My scenario: {s.title}" if key.startswith("mine:") else s.title, key)
                for key, s in self._scenarios.items()]

    def _picked(self, change) -> None:
        if not self._picking:
            self.choose(change.new)

    @property
    def scenario(self) -> Scenario | None:
        """The scenario being played."""
        return self._scenario

    @property
    def day(self) -> date | None:
        """The day shown."""
        return self._slider.value

    def choose(self, key: str) -> None:
        """Play the scenario of that key (a preset's name, or a loaded file's), from its first day."""
        scenario = self._scenarios[key]
        self._scenario = scenario
        self._story.value = scenario._repr_html_()
        self._case_link.value = case_download_html(scenario.case, f"{scenario.name or 'scenario'}-case.json",
                                                   "Download this case (.json)")
        self._replace.layout.display = "none"
        with self.quiet():
            self._picking = True
            try:
                self._picker.value = key
                self._slider.options = self._days(scenario)
                self._slider.value = scenario.first_day
            finally:
                self._picking = False
            self._publish(with_case=True)

    def load(self, scenario: Scenario) -> None:
        """Add a scenario of your own to the list and play it from its first day."""
        key = self._key(scenario)
        self._scenarios[key] = scenario
        self._picking = True
        try:
            self._picker.options = self._options()
        finally:
            self._picking = False
        self.choose(key)

    def step(self, days: int) -> None:
        """Move ``days`` days on (back when negative), within the scenario."""
        options = [d for _, d in self._slider.options]
        index = min(max(options.index(self._slider.value) + days, 0), len(options) - 1)
        self._slider.value = options[index]

    def reset(self) -> None:
        """Back to the scenario's first day, with its case in the shared model again."""
        with self.quiet():
            self._slider.value = self._scenario.first_day
            self._publish(with_case=True)

    def _day_changed(self, change) -> None:
        if change.new is None or self._quiet:
            return
        with self.quiet():
            self._publish()

    def _publish(self, with_case: bool = False) -> None:
        """Write the day (and the scenario's case) into the shared model, in one notification."""
        with self.model.hold_trait_notifications():
            if with_case:
                self.model.accept(self._scenario.case)
            self.model.today = self._slider.value

    def _today_from_elsewhere(self, change) -> None:
        """Another widget changed the day: follow it while it lies inside the scenario."""
        if not self._quiet and change.new in self._scenario.days and change.new != self._slider.value:
            self._slider.value = change.new

    # --- drawing ---------------------------------------------------------------------
    def draw(self):
        day = self._slider.value
        result = scenario_day(self._scenario, day, params=self.model.params)
        self._prev.disabled, self._next.disabled = day == self._scenario.first_day, day == self._scenario.last_day
        self._heading.value = result.heading_html()
        self._advice.value = advice_html(result.advice)
        self._reason.value = result.reason_html()
        self._draft.value = result.draft_html()
        self._plan.value = "<div><b>The plan as of this day</b></div>" + plan_html(result.plan)
        return result

    def show_error(self, err: Exception) -> None:
        super().show_error(err)
        self._advice.value = error_html(err)
        self._reason.value = self._draft.value = self._plan.value = ""

    # --- your own scenario -------------------------------------------------------------
    def _uploaded(self, change) -> None:
        if not change.new:
            return
        item = change.new[-1]
        self.load_file(item.get("name") or "upload.yaml", bytes(item.get("content") or b""))
        self._upload.value = ()  # so the same file, edited, can be loaded again

    def load_file(self, filename: str, content: bytes) -> Scenario | None:
        """Load a scenario from a file's name and bytes (what **Load my scenario** does).

        Nothing is written to disk. A bad file leaves the current scenario in place and
        shows one line saying what to fix.
        """
        self._replace.layout.display = "none"
        try:
            if len(content) > MAX_UPLOAD_BYTES:
                raise InputError(f"scenario file {filename}", f"is {len(content):,} bytes",
                                 f"a scenario is a few kilobytes; keep it under {MAX_UPLOAD_BYTES:,}")
            scenario = load_scenario(content, name=filename)
        except FollowupError as err:
            self._status.value = error_html(err)
            return None
        self.load(scenario)
        self._status.value = f"Loaded <b>{escape(scenario.title)}</b> from <code>{escape(filename)}</code>."
        return scenario

    def copy(self, replace: bool = False):
        """Write the scenario's file into the learner's folder to edit; a **Replace** button asks first."""
        scenario = self._scenario
        return self.save_step(
            lambda: scenario.copy_to(self._folder, replace=replace), status=self._status,
            replace_button=self._replace,
            saved=lambda path: (f"Copied to <code>{escape(path.parent.name)}/{escape(path.name)}</code>: edit it, "
                                "then load it with <b>Load my scenario</b>."))
