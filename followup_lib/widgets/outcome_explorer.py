"""The outcome explorer: curves, decision rates and a fair comparison, on the dataset or a cohort.

Choices (a segment, what the wait is for, a follow-up behaviour, a landmark) go to the
pure functions of :mod:`followup_lib.outcomes` (curves from
:class:`~followup_lib.outcomes.segments.SegmentCurves`, rates from
:func:`~followup_lib.outcomes.rates.response_rates_by_follow_up`, the landmark comparison
from :func:`~followup_lib.outcomes.landmark.landmark_comparison`) and their plots. One
picture is shown at a time and each is kept once drawn, so a change redraws one plot.

A coach's tracker export comes in through the **Upload** button: it is anonymised in
memory (:func:`~followup_lib.outcomes.upload.anonymise_upload`), its report is shown,
and the cohort becomes a choice of **Data**. The uploaded bytes are never written to
disk, and the upload control is emptied as soon as they are read: only the anonymised
table stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import ipywidgets as w

from followup_lib.errors import FollowupError
from followup_lib.outcomes.segments import (BEHAVIOURS, STAGE_UNITS, STAGES, Segment,
                                            SegmentCurves, segment_options)
from followup_lib.widgets.base import CoachView
from followup_lib.widgets.html import error_html
from followup_lib.widgets.model import CaseModel
from followup_lib.outcomes.picture import picture_html
from followup_lib.widgets.silence_meter import CONTROL_WIDTH, KEPT_PICTURES, LABEL_WIDTH

VIEWS = (("Waiting curve", "curve"), ("Decision rates", "rates"),
         ("Fair comparison", "landmark"))
#: What the synthetic data cannot show (from the datasheet, ``data/README.md``).
CANNOT_SHOW = (
    "Anything about real employers, industries or people: every row is made up.",
    "That following up, or a thank-you, makes an answer more likely. People follow up only "
    "while they are still waiting, and the one follow-up effect built into the data is an "
    "assumption; a thank-you has no effect in it at all.",
    "The published survey figures themselves: they only set the simulation's dials.",
    "Your own odds: a share of many made-up applications is not a forecast for yours.",
)
#: What an uploaded cohort (or a table given in code) cannot show.
CANNOT_SHOW_COHORT = (
    "Employers in general: a cohort is one small group of applications, and its shares "
    "describe that group only.",
    "What following up does: a job tracker records no follow-ups, and whoever follows up "
    "is still waiting by definition.",
    "Any one person: groups smaller than k were generalised or left out so that nobody "
    "can be picked out.",
)
_UPLOAD_NOTE = ("Upload a tracker export (.csv or .xlsx). It is anonymised here, in memory: "
                "names, companies, job titles, links and notes are dropped, dates become day "
                "counts, and groups smaller than k are generalised or left out. Nothing is "
                "saved, and the file itself is not kept.")


def caveats_html(synthetic: bool) -> str:
    """What the data shown cannot show: the datasheet's list, or a cohort's."""
    title, lines = (("What the synthetic data cannot show", CANNOT_SHOW) if synthetic else
                    ("What this cohort cannot show", CANNOT_SHOW_COHORT))
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return (f"<div class='fc-cannot-show'><b>&#9888; {escape(title)}</b><ul>{items}</ul>"
            "</div>")


def upload_html(result, *, exported=None) -> str:
    """An anonymised upload: one line of what happened, the full report (escaped) below."""
    report = result.report
    tip = ("" if exported is not None or "as_of" in report.columns_used else
           "<div><i>Tip: set <b>Exported on</b> to the day the tracker was exported and "
           "upload it again, so that unanswered applications count as waiting until then."
           "</i></div>")
    return (f"<div class='fc-upload'>&#10004; <b>{escape(result.name)}</b>: anonymised in "
            f"memory. {report.rows_in:,} rows in, {report.rows_out:,} kept, "
            f"{report.rows_suppressed:,} left out; every group has at least "
            f"{report.k_achieved} applications. It is now a choice under <b>Data</b>.{tip}"
            f"<details open><summary>What the anonymiser did (its report)</summary>"
            f"<pre style='white-space:pre-wrap'>{escape(report.to_text())}</pre></details>"
            "</div>")


@dataclass(frozen=True)
class Exploration:
    """What the explorer shows: the choices, the sentences and the result behind the plot.

    ``rates`` (a table) or ``landmark`` (a
    :class:`~followup_lib.outcomes.landmark.LandmarkComparison`) is set for those views;
    ``upload`` is the latest anonymised upload (its table and report, never the file).
    """

    source: str
    view: str
    segment: Segment
    stage: str
    behaviour: str
    after_deadline: int
    words: tuple[str, ...]
    rates: object = None
    landmark: object = None
    upload: object = None

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{escape(line)}</li>" for line in self.words)
        return f"<div class='fc-exploration'><ul>{items}</ul></div>"


class OutcomeExplorer(CoachView):
    """Curves, decision rates and the landmark comparison by segment; a cohort by upload.

    Parameters
    ----------
    model : CaseModel, optional
        The notebook's shared model; its ``params`` set ``k`` (smallest group shown)
        and the follow-up windows. A new one when left out.
    data : pandas.DataFrame, optional
        A validated applications table to start from; the shipped synthetic dataset
        when left out.
    projector : bool, optional
        Large text and plots for a projector (default: the session's projector mode).

    ``value`` (read-only) is the latest :class:`Exploration`.
    """

    def __init__(self, model: CaseModel | None = None, *, data=None,
                 projector: bool | None = None, **kwargs):
        from followup_lib.outcomes.landmark import landmark_choices
        from followup_lib.projector_mode import projector_on

        self._projector = projector_on() if projector is None else projector
        self._sources = {} if data is None else {"given": SegmentCurves(data, "your data")}
        self._pictures: dict = {}
        self._upload_result = None
        first = "given" if data is not None else "synthetic"
        labels = {"given": "your table", "synthetic": "synthetic dataset (3,000 applications)"}
        self._data = w.Dropdown(description="Data", options=[(labels[first], first)])
        self._segment = {column: w.Dropdown(description=label, options=segment_options(column),
                                            value="any")
                         for column, label in (("industry", "Industry"),
                                               ("company_size", "Company size"),
                                               ("role_level", "Role level"))}
        self._view = w.ToggleButtons(description="Show", options=VIEWS, value="curve")
        self._stage = w.Dropdown(description="Waiting for", value="application",
                                 options=[(words, stage) for stage, words in STAGES.items()])
        self._behaviour = w.Dropdown(description="Follow-up", value="all",
                                     options=[(v[0], k) for k, v in BEHAVIOURS.items()])
        model_params = (model or CaseModel()).params
        self._landmark = w.Dropdown(description="Landmark",
                                    options=landmark_choices(model_params),
                                    value=int(model_params.late_after))
        self._words, self._plot = w.HTML(), w.HTML()
        self._upload = w.FileUpload(accept=".csv,.xlsx", multiple=False,
                                    description="Upload tracker",
                                    layout=w.Layout(width="auto"))  # its whole label, never cut off
        self._exported = w.DatePicker(description="Exported on")
        self._upload_status = w.HTML()
        for widget in (self._data, *self._segment.values(), self._stage, self._behaviour,
                       self._landmark, self._exported):
            widget.style.description_width = LABEL_WIDTH
            widget.layout.width = CONTROL_WIDTH
        self._landmark.layout.width = "34em"
        self._data.layout.width = "34em"
        self._cannot_show = self._caveats(data is None)
        super().__init__([self._controls(), self._words, self._plot, self._cannot_show,
                          self._upload_box()], model=model, projector=self._projector, **kwargs)
        self.add_class("fc-outcome-explorer")
        for widget in (self._data, *self._segment.values(), self._view, self._stage,
                       self._behaviour, self._landmark):
            widget.observe(self.redraw, names="value")
        self.model.observe(self.redraw, names="params")
        self._upload.observe(self._uploaded, names="value")
        self.redraw()

    def _controls(self) -> w.VBox:
        s = self._segment
        self._curve_row = w.HBox([self._stage, self._behaviour])
        return w.VBox([w.HBox([self._data]), w.HBox([s["industry"], s["company_size"]]),
                       w.HBox([s["role_level"]]), self._view, self._curve_row, self._landmark])

    @staticmethod
    def _caveats(synthetic: bool = True) -> w.HTML:
        return w.HTML(caveats_html(synthetic))

    def _upload_box(self) -> w.VBox:
        return w.VBox([w.HTML(f"<b>Your own cohort</b><div>{escape(_UPLOAD_NOTE)}</div>"),
                       w.HBox([self._upload, self._exported]), self._upload_status])

    @property
    def segment(self) -> Segment:
        """The segment chosen in the dropdowns."""
        return Segment(**{column: d.value for column, d in self._segment.items()})

    def set_choices(self, **values) -> None:
        """Set several choices in one go (one redraw): ``industry``, ``company_size``,
        ``role_level``, ``view``, ``stage``, ``behaviour``, ``landmark`` or ``data``."""
        named = {"view": self._view, "stage": self._stage, "behaviour": self._behaviour,
                 "landmark": self._landmark, "data": self._data, **self._segment}
        with self.quiet():
            for name, value in values.items():
                named[name].value = value

    def _source(self) -> SegmentCurves:
        key = self._data.value
        if key not in self._sources:
            from followup_lib.outcomes.segments import shipped_curves

            self._sources[key] = shipped_curves()
        return self._sources[key]

    def _k(self) -> int:
        return int(self.model.params.k_anonymity)

    def draw(self):
        view, stage = self._view.value, self._stage.value
        self._curve_row.layout.display = None if view == "curve" else "none"
        self._landmark.layout.display = None if view == "landmark" else "none"
        self._behaviour.disabled = stage != "interview"
        behaviour = self._behaviour.value if stage == "interview" else "all"
        source = self._source()
        result = {"curve": self._curve_view, "rates": self._rates_view,
                  "landmark": self._landmark_view}[view](source, behaviour)
        words, picture, extra = result
        self._words.value = "<ul class='fc-words'>" + "".join(
            f"<li>{escape(line)}</li>" for line in words) + "</ul>"
        self._plot.value = picture
        self._cannot_show.value = caveats_html(self._data.value == "synthetic")
        return Exploration(source.source, view, self.segment, stage, behaviour,
                           int(self._landmark.value), tuple(words), upload=self._upload_result,
                           **extra)

    def _picture(self, key: tuple, draw, alt: str, layout: str) -> str:
        """A plot drawn once per choice and kept (the oldest dropped past a limit)."""
        key = (self._data.value, id(self._source()), self._k(), self._projector, *key)
        if key not in self._pictures:
            from followup_lib.outcomes.segment_plots import png_bytes

            if len(self._pictures) >= KEPT_PICTURES:
                self._pictures.pop(next(iter(self._pictures)))
            png = png_bytes(draw, projector=self._projector, layout_key=layout)
            self._pictures[key] = picture_html(png, alt)
        return self._pictures[key]

    def _curve_view(self, source: SegmentCurves, behaviour: str):
        from followup_lib.outcomes.analysis import median_days_to_response, p_response_by_day
        from followup_lib.outcomes.segment_plots import plot_segment_curve

        segment, stage, k = self.segment, self._stage.value, self._k()
        days, _, undated = source.durations(segment, stage, behaviour)
        unit, label = STAGE_UNITS[stage], segment.label()
        if behaviour != "all":
            label += f" · {BEHAVIOURS[behaviour][0]}"
        if len(days) < k:
            return [f"Fewer than {k} {unit} in {source.source} ({label}): not shown (groups "
                    f"under {k} are suppressed). Choose a broader segment."], "", {}
        curve = source.curve(segment, stage, behaviour)
        median = median_days_to_response(curve)
        by_day = p_response_by_day(curve, (7, 14, 28))
        what = "a decision" if stage == "interview" else "a first response"
        half = (f"half had {what} by day {median.days:g}" if median.days != float("inf")
                else f"fewer than half ever had {what} in the data")
        chances = ", ".join(f"day {d}: {p:.0%}" for d, p in by_day.items())
        words = [f"{len(days):,} {unit} in {source.source} ({label}); {half}. "
                 f"Share with {what} by {chances}. Those never answered stay in the curve "
                 "(censored), so it does not flatter employers."]
        if undated:
            words.append(f"{undated:,} interviews without dates are left out of the curve.")
        if behaviour != "all":
            words.append("Careful: people follow up only while they are still waiting, so a "
                         "follow-up group's curve is slow by construction. See the fair "
                         "comparison.")
        picture = self._picture(
            ("curve", segment, stage, behaviour),
            lambda ax: plot_segment_curve(curve, stage, label=label, ax=ax), words[0], "curve")
        return words, picture, {}

    def _rates_view(self, source: SegmentCurves, behaviour: str):
        from followup_lib.outcomes.rate_plot import plot_response_rates
        from followup_lib.outcomes.rates import (FACTOR_NAMES, GROUP_NAMES,
                                                 response_rates_by_follow_up)

        segment, k = self.segment, self._k()
        rows = source.df[segment.mask(source.df)]
        table = response_rates_by_follow_up(rows, k=k)
        words = []
        for factor in [f for f in FACTOR_NAMES if not table.loc[table["factor"] == f,
                                                               "in_file"].any()]:
            words.append(f"{FACTOR_NAMES[factor]}: not recorded in this file")
        for row in table[table["in_file"]].itertuples(index=False):
            name = GROUP_NAMES[row.group]
            if row.suppressed:
                words.append(f"{name}: fewer than {k} interviews, not shown")
            else:
                words.append(f"{name}: {row.rate:.0%} of {row.n:,} heard a decision "
                             f"(95% interval {row.ci_lower:.0%}–{row.ci_upper:.0%})")
        timed = table[(table["factor"] == "follow_up_timing") & table["in_file"]
                      & (table["group"] != "unknown")]
        words.append("An association, not a cause: candidates follow up only while they are "
                     "still waiting, which is why 'no follow-up' looks best here. The fair "
                     "comparison removes that tilt." if len(timed) else
                     "An association, not a cause. Without a record of the follow-ups, this "
                     "file cannot say anything about following up.")
        picture = self._picture(("rates", segment),
                                lambda ax: plot_response_rates(table, ax=ax, k=k),
                                "; ".join(words), "rates")
        return words, picture, {"rates": table}

    def _landmark_view(self, source: SegmentCurves, behaviour: str):
        from followup_lib.outcomes.landmark import landmark_comparison
        from followup_lib.outcomes.segment_plots import plot_landmark

        segment, after = self.segment, int(self._landmark.value)
        comparison = landmark_comparison(source.df, after_deadline=after, segment=segment,
                                         params=self.model.params, source=source.source)
        words = comparison.words()
        picture = "" if not comparison.shown else self._picture(
            ("landmark", segment, after), lambda ax: plot_landmark(comparison, ax=ax),
            " ".join(words), "landmark")
        return words, picture, {"landmark": comparison}

    def _uploaded(self, change) -> None:
        """Anonymise the uploaded file in memory, then empty the upload control."""
        files = change.new
        if not files:
            return
        name, content = files[0].get("name", ""), files[0].get("content", b"")
        try:
            self._take_upload(bytes(content), name)
        finally:
            del content, files
            self._upload.value = ()  # the raw bytes are not kept on the widget

    def _take_upload(self, data: bytes, name: str) -> None:
        from followup_lib.outcomes.upload import anonymise_upload, upload_name

        try:
            result = anonymise_upload(data, name, params=self.model.params,
                                      export_date=self._exported.value)
        except FollowupError as err:
            self._upload_status.value = error_html(err)
            return
        except Exception as err:  # any other reader failure: still one line, no traceback
            self._upload_status.value = error_html(FollowupError(
                f"{upload_name(name)}: could not be read ({type(err).__name__}); export it "
                "again as CSV (UTF-8) or .xlsx"))
            return
        self._upload_result = result
        self._sources["cohort"] = SegmentCurves(result.table, "your cohort")
        self._upload_status.value = upload_html(result, exported=self._exported.value)
        label = f"your cohort: {result.name} ({len(result.table):,} applications)"
        options = [o for o in self._data.options if o[1] != "cohort"] + [(label, "cohort")]
        self._pictures = {key: v for key, v in self._pictures.items() if key[0] != "cohort"}
        with self.quiet():
            self._data.options = options
            self._data.value = "cohort"
            self._view.value, self._stage.value = "curve", "application"

    @property
    def upload_result(self):
        """The latest anonymised upload (:class:`~followup_lib.outcomes.upload.UploadResult`)."""
        return self._upload_result

    def show_error(self, err: Exception) -> None:
        super().show_error(err)
        self._words.value, self._plot.value = "", ""

