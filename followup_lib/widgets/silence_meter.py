"""The silence meter: how long the silence has lasted, what you sent, what comes next, and the odds.

The top half reads the shared case on the model's day
(:func:`~followup_lib.outcomes.silence.read_silence`): days since the interview, each
message sent, and the advisor's next step with its reasons. The bottom half gives the
dataset's chance of still hearing back after that many days, for a segment chosen in
three dropdowns (:func:`~followup_lib.outcomes.chance.chance_still_hearing`), with the
"where you are" plot.

Speed: loading the dataset and ``lifelines`` takes a couple of seconds the first time,
so nothing of it happens when the meter is built or when the case changes. The chance
appears when the learner presses **Show the chance** (or with ``chance=True``); every
curve is then fitted once per segment and kept (:class:`SegmentCurves`), and each
picture is kept too, so a later change redraws in well under 250 ms.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from followup_lib.outcomes.picture import picture_html
from followup_lib.outcomes.segments import SegmentCurves, Segment, segment_options
from followup_lib.widgets.base import CoachView
from followup_lib.widgets.model import CaseModel

LABEL_WIDTH = "9em"
#: Width of a labelled dropdown, label included (in em, so it grows with projector text).
CONTROL_WIDTH = "26em"
#: Pictures kept per meter (one per segment and day seen).
KEPT_PICTURES = 64
_PROMPT = ("<i>Choose a segment if you like, then press <b>Show the chance</b> to see how "
           "often interviews still silent after this many days heard back in the synthetic "
           "dataset (it takes a few seconds the first time).</i>")


class SilenceMeter(CoachView):
    """Days of silence, what was sent and the next step, with the chance of still hearing back.

    Parameters
    ----------
    model : CaseModel, optional
        The notebook's shared case model (its case, day and ``params``); a new, empty
        one when left out.
    data : pandas.DataFrame, optional
        A validated applications table (e.g. a coach's anonymised cohort); the shipped
        synthetic dataset when left out.
    chance : bool, default False
        Show the chance straight away (loads the data and fits the curve while the
        meter is built) instead of waiting for **Show the chance**.
    projector : bool, optional
        Large text and plots for a projector (default: the session's projector mode).

    ``value`` (read-only) is the latest
    :class:`~followup_lib.outcomes.silence.SilenceReading` (with its ``chance`` once
    shown), or None while the case has an error.
    """

    def __init__(self, model: CaseModel | None = None, *, data=None, chance: bool = False,
                 projector: bool | None = None, **kwargs):
        from followup_lib.projector_mode import projector_on

        self._projector = projector_on() if projector is None else projector
        self._curves = None if data is None else SegmentCurves(data, "your data")
        self._pictures: dict = {}
        self._chance_on = False
        self._summary, self._chance, self._plot = w.HTML(), w.HTML(_PROMPT), w.HTML()
        self._segment = {column: w.Dropdown(description=label, options=segment_options(column),
                                            value="any")
                         for column, label in (("industry", "Industry"),
                                               ("company_size", "Company size"),
                                               ("role_level", "Role level"))}
        for dropdown in self._segment.values():
            dropdown.style.description_width = LABEL_WIDTH
            dropdown.layout.width = CONTROL_WIDTH  # in em: wide enough on a projector too
        self._show = w.Button(description="Show the chance", icon="line-chart",
                              tooltip="The dataset's chance of still hearing back",
                              layout=w.Layout(width="13em"))
        controls = w.VBox([w.HTML("<b>Your chance of still hearing back, from the data</b>"),
                           w.HBox(list(self._segment.values())[:2]),
                           w.HBox([self._segment["role_level"], self._show])])
        super().__init__([self._summary, controls, self._chance, self._plot], model=model,
                         projector=self._projector, **kwargs)
        self.add_class("fc-silence-meter")
        for dropdown in self._segment.values():
            dropdown.observe(self.redraw, names="value")
        self.model.observe(self.redraw, names=["case", "today", "params", "error"])
        self._show.on_click(lambda _: self.show_chance())
        if chance:
            self._chance_on = True
            self._show.description = "Update"
        self.redraw()

    @property
    def segment(self) -> Segment:
        """The segment chosen in the dropdowns."""
        return Segment(**{column: d.value for column, d in self._segment.items()})

    def set_segment(self, **codes) -> None:
        """Choose a segment in one go (one redraw), e.g. ``set_segment(industry="tech")``."""
        with self.quiet():
            for column, code in codes.items():
                self._segment[column].value = code

    def show_chance(self) -> None:
        """Show the dataset's chance (what **Show the chance** does)."""
        self._chance_on = True
        self._show.description = "Update"
        self.redraw()

    def _data(self) -> SegmentCurves:
        if self._curves is None:
            from followup_lib.outcomes.segments import shipped_curves

            self._curves = shipped_curves()
        return self._curves

    def draw(self):
        from followup_lib.outcomes.silence import read_silence, silence_html

        model = self.model
        reading = read_silence(model.check(), today=model.today, params=model.params)
        self._summary.value = silence_html(reading)
        if not self._chance_on:
            self._chance.value, self._plot.value = _PROMPT, ""
            return reading
        if not reading.silent:
            self._chance.value = f"<i>{escape(reading.silence_words())}</i>"
            self._plot.value = ""
            return reading
        from followup_lib.outcomes.chance import chance_still_hearing

        chance = chance_still_hearing(self._data(), reading.days_since_interview,
                                      segment=self.segment, params=model.params)
        self._chance.value = chance._repr_html_()
        self._plot.value = self._picture(chance)
        return reading.with_chance(chance)

    def _picture(self, chance) -> str:
        """The "where you are" plot of a chance, drawn once per segment, day and size."""
        if chance.curve is None:
            return ""
        key = (chance.segment, chance.stage, chance.silent_days, chance.k, self._projector)
        if key not in self._pictures:
            from followup_lib.outcomes.segment_plots import plot_silence, png_bytes

            png = png_bytes(lambda ax: plot_silence(chance, ax=ax), projector=self._projector,
                            layout_key="silence")
            if len(self._pictures) >= KEPT_PICTURES:
                self._pictures.pop(next(iter(self._pictures)))
            self._pictures[key] = picture_html(png, chance.words())
        return self._pictures[key]

    def show_error(self, err: Exception) -> None:
        super().show_error(err)
        self._summary.value, self._plot.value = "", ""
        self._chance.value = "" if self._chance_on else _PROMPT
