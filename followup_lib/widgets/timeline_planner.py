"""The timeline planner: the planner, plus a chart of the plan and a send-date verdict.

It is the :class:`~followup_lib.widgets.planner.PlannerWidget` (the form, the advice of
the day, the plan, the ``.ics`` link, Save and Load) with two more parts:

- the plan as a timeline chart (:func:`~followup_lib.etiquette.plan_chart.plot_plan_timeline`),
  drawn again only when the plan, the day or the parameters change;
- **When would you send it?**: a kind of message and a day, answered with the verdict
  of :func:`~followup_lib.etiquette.send_verdict.send_verdict` (too early, on time, late)
  in words, with an icon and the reason. Changing these two inputs redraws nothing else.
"""

from __future__ import annotations

import base64
import io
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import date
from html import escape

import ipywidgets as w

from followup_lib.errors import FollowupError, InputError
from followup_lib.etiquette.advisor import Advice
from followup_lib.etiquette.kinds import ContactKind
from followup_lib.etiquette.plan import Plan
from followup_lib.etiquette.plan_chart import describe_plan_timeline, fit_chart_figure, plot_plan_timeline
from followup_lib.etiquette.send_verdict import SendVerdict, send_verdict
from followup_lib.widgets.html import error_html
from followup_lib.widgets.model import CaseModel
from followup_lib.widgets.planner import LABEL_WIDTH, PlannerWidget

#: The kinds of message the verdict can judge, as (label, kind) pairs for the dropdown.
SEND_KINDS = (("follow-up email", "follow_up"), ("one more attempt", "second_attempt"),
              ("thank-you email", "thank_you"), ("phone call", "call"))
#: Resolution of the chart image (dots per inch): sharp on a laptop, small enough to send fast.
CHART_DPI = 80  # enough for a notebook or a projector; keeps a redraw inside the 250 ms budget


@dataclass(frozen=True)
class TimelineResult:
    """What a :class:`TimelinePlanner` shows: its ``value``.

    Attributes
    ----------
    advice : Advice
        The advice for the day in **Advice for** (what :class:`PlannerWidget` gives).
    plan : Plan
        The plan as of that day (the table and the chart).
    verdict : SendVerdict or None
        The verdict on **When would you send it?**; None while that day has an error
        (shown under it).
    """

    advice: Advice
    plan: Plan
    verdict: SendVerdict | None


class TimelinePlanner(PlannerWidget):
    """The planner with a timeline chart of the plan and a "When would you send it?" verdict.

    Parameters
    ----------
    model : CaseModel, optional
        The notebook's shared case model; a new one when left out.
    projector : bool, optional
        Large text and a large chart (default: the setting of :func:`followup_lib.projector`).
    kind : str, optional
        The message the verdict starts on: ``"follow_up"`` (default), ``"second_attempt"``,
        ``"thank_you"`` or ``"call"``.
    send_on : date, optional
        The send day the verdict starts on (default: the model's day).
    form : bool, optional
        Show the planner's form (default True); False shows only the answers, for an example.
    **kwargs
        As for :class:`PlannerWidget`: ``today``, ``params``, ``case``, ``folder``.

    ``value`` (read-only) is a :class:`TimelineResult` (advice, plan, verdict), or None
    while the form has an error (shown inside the widget and in ``model.error``).
    """

    def __init__(self, model: CaseModel | None = None, *, projector: bool | None = None, kind: str = "follow_up",
                 send_on: date | None = None, form: bool = True, **kwargs):
        from followup_lib.projector_mode import projector_on

        if model is None:
            model = CaseModel(today=kwargs.pop("today", None), params=kwargs.pop("params", None))
        self._big = projector_on() if projector is None else projector
        self._chart, self._chart_key, self.chart_renders = w.HTML(), None, 0
        self._kind = w.Dropdown(description="Message", options=SEND_KINDS, value=str(ContactKind.parse(kind, "kind")))
        self._send_on = w.DatePicker(description="Send on", value=send_on if send_on is not None else model.today)
        self._verdict = w.HTML()
        for widget in (self._kind, self._send_on):
            widget.style.description_width = LABEL_WIDTH
        self._show_form = form
        super().__init__(model, projector=projector, **kwargs)  # draws the first time
        self.add_class("fc-timeline-planner")
        self._kind.observe(self._send_changed, names="value")
        self._send_on.observe(self._send_changed, names="value")
        self._arrange()

    def set_values(self, **values) -> None:
        """Set several fields at once (one redraw): the planner's, and ``kind`` and ``send_on``."""
        self._quiet = True
        try:
            if "kind" in values:
                self._kind.value = values.pop("kind")
            if "send_on" in values:
                self._send_on.value = values.pop("send_on")
        finally:
            self._quiet = False
        super().set_values(**values)

    def _form(self) -> w.VBox:
        box = super()._form()
        if not self._show_form:
            box.layout.display = "none"
        return box

    def _arrange(self) -> None:
        """Order the parts: form, advice, chart, the verdict, plan table, calendar link, the error line."""
        head = [c for c in self.children if c not in (self._advice, self._plan, self._download, self._error)]
        asking = w.VBox([w.HTML("<b>When would you send it?</b>"), w.HBox([self._kind, self._send_on]),
                         self._verdict], layout=w.Layout(margin="0.8em 0 0 0"))
        self.children = [*head, self._advice, self._chart, asking, self._plan, self._download, self._error]

    def draw(self):
        advice = super().draw()
        plan = self.model.plan()
        self._draw_chart(plan)
        return TimelineResult(advice, plan, self._judge())

    def _draw_chart(self, plan: Plan) -> None:
        """Draw the chart again only when what it shows has changed."""
        key = (plan, self.model.today, self.model.params, self._big)
        if key == self._chart_key:
            return
        self._chart.value = _chart_html(plan, self.model.today, self.model.params, self._big)
        self._chart_key = key
        self.chart_renders += 1

    def _judge(self) -> SendVerdict | None:
        """The verdict for the kind and day asked, shown under them (an error in one line)."""
        try:
            if self._send_on.value is None:
                raise InputError("Send on", "is empty", "pick the day you would send it")
            verdict = send_verdict(self.model.check(), self._kind.value, self._send_on.value,
                                   params=self.model.params)
        except FollowupError as err:
            self._verdict.value = error_html(err)
            return None
        self._verdict.value = verdict._repr_html_()
        return verdict

    def _send_changed(self, change=None) -> None:
        if self._quiet:
            return
        if self.value is None:  # the form has an error: the full redraw shows it
            self.redraw()
            return
        self.set_trait("value", replace(self.value, verdict=self._judge()))

    def show_error(self, err: Exception) -> None:
        super().show_error(err)
        self._chart.value, self._verdict.value, self._chart_key = "", "", None


def _chart_html(plan: Plan, today: date, params, projector: bool) -> str:
    """The chart as an ``<img>`` (a PNG ``data:`` URI) with the plan in words as its alt text.

    The margins are fixed (:func:`~followup_lib.etiquette.plan_chart.fit_chart_figure`)
    instead of computed by a layout engine, so the figure is drawn once, not twice or
    more: that more than halves the time a redraw takes.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    from followup_lib.outcomes.plot_style import projector_style

    with projector_style() if projector else nullcontext():
        figure = Figure()
        FigureCanvasAgg(figure)
        figure.set_layout_engine(PlaceHolderLayoutEngine(adjust_compatible=True, colorbar_gridspec=True))
        ax = plot_plan_timeline(plan, today=today, ax=figure.subplots(), params=params, projector=projector)
        figure.set_layout_engine(None)  # any layout engine makes savefig draw everything twice
        fit_chart_figure(ax, projector=projector, margins=True)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=CHART_DPI, pil_kwargs={"compress_level": 1})
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    alt = escape(describe_plan_timeline(plan, today=today), quote=True)
    return (f'<img class="fc-timeline-chart" alt="{alt}" src="data:image/png;base64,{data}" '
            'style="max-width:100%;height:auto">')
