"""A small timeline chart of a plan: each step a marker on a date axis, today a labelled line.

:func:`plot_plan_timeline` draws one row per step of a
:class:`~followup_lib.etiquette.plan.Plan`. A step's status is said by the shape of its
marker *and* in words beside it (filled circle "done", hollow diamond "to do", cross
"missed"), never by colour alone; colours come from the Okabe-Ito palette. The follow-up
row also shows its window (ideal, then on time, then late) read from the same
:func:`~followup_lib.etiquette.windows.windows` the plan was made from; weekends and the
public holidays of the case's country are shaded (a holiday hatched, and named with its
date in the legend).
:func:`describe_plan_timeline` says the same in one sentence, for a screen reader.

matplotlib is imported inside the function that draws, so importing this module costs nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from followup_lib.clock import resolve_today
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.timefields import check_date_range
from followup_lib.etiquette.windows import windows

#: How each step is named on the chart.
STEP_LABELS = {"thank_you": "Thank-you email", "decision_expected": "Decision date",
               "reply_to_employer": "Reply to employer", "follow_up": "Follow-up email",
               "call_option": "Call (optional)", "second_attempt": "One more attempt",
               "move_on": "Move on", "decision": "Decision received"}
#: Okabe-Ito colour of each step (decoration only: status is in the marker's shape and label).
STEP_COLOURS = {"thank_you": "blue", "decision_expected": "black", "reply_to_employer": "green",
                "follow_up": "vermillion", "call_option": "purple", "second_attempt": "orange",
                "move_on": "sky_blue", "decision": "green"}
#: Marker of each status: (matplotlib marker, filled, words beside it).
STATUS_MARKERS = {"done": ("o", True, "done"), "to_do": ("D", False, "to do"), "missed": ("X", True, "missed")}
#: Days shaded as weekends or holidays only when the chart spans at most this many days.
SHADE_MAX_DAYS = 180
#: Columns of the legend (normal, projector).
LEGEND_COLUMNS = {False: 4, True: 3}
#: Public holidays named one by one in the legend (the rest are counted).
MAX_HOLIDAYS_NAMED = 3
#: The follow-up window is drawn this far below its row, so the step's label stays clear.
WINDOW_OFFSET = 0.32
#: A step's label sits on a light box, readable over shading and the today line.
LABEL_BOX = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
#: Grey of the shading for non-business days (a holiday is hatched as well).
DAY_OFF_GREY = "#E6E6E6"


def _status(step) -> str:
    return "done" if step.done else "missed" if step.missed else "to_do"


def describe_plan_timeline(plan, *, today: date | None = None) -> str:
    """The chart in words: every step with its date and status, and today.

    Parameters
    ----------
    plan : Plan
    today : date, optional
        Default :func:`followup_lib.clock.today`.

    Returns
    -------
    str

    Examples
    --------
    >>> from followup_lib.etiquette.case import Case
    >>> from followup_lib.etiquette.plan import make_plan
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20",
    ...                        "contacts": [{"at": "2026-11-16", "kind": "thank_you"}]})
    >>> describe_plan_timeline(make_plan(case, today=date(2026, 11, 24)), today=date(2026, 11, 24))[:87]
    'Timeline of the plan: Thank-you email Mon 16 Nov, done; Decision date Fri 20 Nov, done;'
    """
    today = resolve_today(today)
    steps = "; ".join(f"{STEP_LABELS.get(s.step, s.step)} {s.due:%a %d %b}, {STATUS_MARKERS[_status(s)][2]}"
                      for s in plan.steps)
    first, last = min(s.due for s in plan.steps), max(s.due for s in plan.steps)
    holidays = [] if (last - first).days > SHADE_MAX_DAYS else [
        f"{day:%a %d %b} {name}" for day, name in _holidays(plan.case.calendar, first, last)]
    named = f" Public holidays: {', '.join(holidays)}." if holidays else ""
    return f"Timeline of the plan: {steps}. Today is {today:%a %d %b %Y}.{named}"


def _holidays(calendar, start: date, end: date) -> list:
    """The public holidays from ``start`` to ``end``, as (day, name)."""
    days = (start + timedelta(days=i) for i in range((end - start).days + 1))
    return [(day, calendar.holiday_name(day)) for day in days if calendar.holiday_name(day)]


def plot_plan_timeline(plan, *, today: date | None = None, ax=None, params: Params = DEFAULTS,
                       shade_days_off: bool = True, projector: bool | None = None):
    """Draw a plan as a timeline: one row per step, today marked, days off shaded.

    Parameters
    ----------
    plan : Plan
        From :func:`~followup_lib.etiquette.plan.make_plan` (best made with the same ``today``).
    today : date, optional
        Marked with a labelled line; default :func:`followup_lib.clock.today`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure sized to the plan when left out.
    params : Params, optional
        The parameters the plan was made with (they place the follow-up window).
    shade_days_off : bool, optional
        Shade weekends and public holidays (and name the holidays), for charts of up to
        :data:`SHADE_MAX_DAYS` days.
    projector : bool, optional
        Large type for a projector; default :func:`followup_lib.projector_mode.projector_on`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from followup_lib.etiquette.case import Case
    >>> from followup_lib.etiquette.plan import make_plan
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    >>> ax = plot_plan_timeline(make_plan(case, today=date(2026, 11, 24)), today=date(2026, 11, 24))
    >>> [t.get_text() for t in ax.get_yticklabels()][::-1][:3]    # top to bottom
    ['Thank-you email', 'Decision date', 'Follow-up email']
    >>> plt.close("all")
    """
    from followup_lib.outcomes.plot_style import projector_style
    from followup_lib.projector_mode import projector_on

    today = check_date_range(resolve_today(today), "today")
    if projector is None:
        projector = projector_on()
    if not projector:
        return _draw(plan, today, ax, params, shade_days_off, projector)
    with projector_style():
        return _draw(plan, today, ax, params, shade_days_off, projector)


def _x(day: date) -> float:
    """A day's position on the axis: its middle (noon), so a shaded day is the cell around it."""
    return day.toordinal() + 0.5


def _draw(plan, today: date, ax, params: Params, shade: bool, projector: bool):
    from followup_lib.outcomes.plot_style import OKABE_ITO

    steps = list(plan.steps)
    created = ax is None
    ax = _axes(ax, projector)
    first, last = min([s.due for s in steps] + [today]), max([s.due for s in steps] + [today])
    span = (last - first).days
    start = first - timedelta(days=max(1, round(span * 0.03)))
    end = last + timedelta(days=max(5, round(span * (0.4 if projector else 0.3))))
    ax.set_xlim(start.toordinal(), end.toordinal())
    ax.set_ylim(-0.8, len(steps) + 0.2)
    rows = {id(s): len(steps) - 1 - i for i, s in enumerate(steps)}
    shown = {"statuses": {_status(s) for s in steps}, "weekend": False, "holidays": []}
    if shade and span <= SHADE_MAX_DAYS:
        shown.update(_shade_days_off(ax, plan.case.calendar, start, end))
    shown["window"] = _follow_up_window(ax, plan, today, params, rows, OKABE_ITO)
    _steps(ax, steps, rows, OKABE_ITO, projector, with_year=span > 300)
    _today_line(ax, today, len(steps), with_year=span > 300)
    ax.set_yticks(range(len(steps)), [STEP_LABELS.get(s.step, s.step) for s in reversed(steps)])
    ax.tick_params(axis="y", length=0)
    _date_ticks(ax, start, end)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", alpha=0.25)
    ax.set_title("Your follow-up plan", loc="left", fontweight="bold")
    _legend(ax, OKABE_ITO, projector, shown)
    if created:
        fit_chart_figure(ax, projector=projector)
    return ax


def _axes(ax, projector: bool):
    """The given Axes (with a layout that fits), or those of a new figure (sized once drawn)."""
    import matplotlib.pyplot as plt

    if ax is None:
        return plt.subplots(figsize=chart_size(1, 1, projector)[0], layout="constrained")[1]
    if ax.get_figure(root=True).get_layout_engine() is None:
        ax.get_figure(root=True).set_layout_engine("constrained")
    return ax


def chart_size(steps: int, legend_rows: int, projector: bool) -> tuple:
    """The figure size and margins (inches) that fit a chart of ``steps`` rows and its legend.

    Parameters
    ----------
    steps : int
        Rows of the chart (steps of the plan).
    legend_rows : int
        Rows of the legend under it.
    projector : bool

    Returns
    -------
    ((width, height), (left, right, top, bottom))
        In inches: room for the step names on the left, the title on top, and the two-line
        dates and the legend at the bottom.

    Examples
    --------
    >>> chart_size(6, 2, False)
    ((9.0, 4.69), (1.45, 0.2, 0.45, 1.3))
    """
    row, legend_row = (0.75, 0.42) if projector else (0.42, 0.25)
    left, right, top, ticks = (2.75, 0.3, 0.75, 1.25) if projector else (1.45, 0.2, 0.45, 0.8)
    bottom = ticks + legend_rows * legend_row
    width = 13.0 if projector else 9.0
    return (width, round(top + bottom + row * (steps + 1), 2)), (left, right, top, round(bottom, 2))


def fit_chart_figure(ax, *, projector: bool, margins: bool = False) -> None:
    """Size the figure of a drawn chart to its rows and legend; with ``margins``, fix its margins too.

    Fixed margins (instead of a layout engine) make a redraw about twice as fast: the
    widget uses them.
    """
    figure = ax.get_figure(root=True)
    legend = ax.get_legend()
    entries = len(legend.legend_handles) if legend is not None else 0
    rows = -(-entries // LEGEND_COLUMNS[projector])
    (width, height), (left, right, top, bottom) = chart_size(len(ax.get_yticks()), rows, projector)
    figure.set_size_inches(width, height)
    if margins:
        figure.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height,
                               bottom=bottom / height)


def _steps(ax, steps, rows: dict, palette: dict, projector: bool, with_year: bool) -> None:
    """One marker per step, its shape saying the status, and the date and status in words beside it."""
    for s in steps:
        marker, filled, words = STATUS_MARKERS[_status(s)]
        colour = palette[STEP_COLOURS.get(s.step, "black")]
        y = rows[id(s)]
        ax.plot([_x(s.due)], [y], linestyle="none", marker=marker, markersize=13 if projector else 10,
                markeredgewidth=2.2, markeredgecolor=colour, markerfacecolor=colour if filled else "white", zorder=4)
        day = f"{s.due:%a %d %b %Y}" if with_year else f"{s.due:%a %d %b}"
        ax.annotate(f"{day} \u00b7 {words}", (_x(s.due), y), xytext=(11, 0), textcoords="offset points",
                    va="center", ha="left", zorder=5, fontsize="medium" if projector else "small", bbox=LABEL_BOX)


def _today_line(ax, today: date, rows: int, with_year: bool) -> None:
    from followup_lib.outcomes.plot_style import NOTE_BOX

    ax.axvline(_x(today), color="black", linestyle="--", linewidth=1.6, zorder=3)
    ax.annotate(f"today, {today:%a %d %b %Y}" if with_year else f"today, {today:%a %d %b}",
                (_x(today), rows - 0.1), ha="center", va="center", fontsize="small",
                fontweight="bold", bbox=NOTE_BOX, zorder=6)


def _shade_days_off(ax, calendar, start: date, end: date) -> dict:
    """Grey cells for weekends and holidays (one span per run of days off), a holiday hatched too.

    Returns what was drawn: ``weekend`` (bool) and ``holidays`` (a list of (day, name)),
    which the legend names.
    """
    drawn, run, day = {"weekend": False, "holidays": []}, None, start
    while day <= end + timedelta(days=1):
        off = day <= end and not calendar.is_business_day(day)
        holiday = calendar.holiday_name(day) if off else None
        if run is not None and (not off or holiday):
            ax.axvspan(run.toordinal(), day.toordinal(), facecolor=DAY_OFF_GREY, linewidth=0, zorder=0)
            run = None
        if holiday:
            drawn["holidays"].append((day, holiday))
            ax.axvspan(day.toordinal(), day.toordinal() + 1, facecolor=DAY_OFF_GREY, edgecolor="#9A9A9A",
                       hatch="///", linewidth=0, zorder=0)
        elif off:
            drawn["weekend"] = True
            run = run or day
        day += timedelta(days=1)
    return drawn


def _follow_up_window(ax, plan, today: date, params: Params, rows: dict, palette: dict) -> bool:
    """Under the follow-up row, while it is to do: the ideal window (thick), then on time (thin), then late."""
    step = plan.step("follow_up")
    if step is None or step.done:
        return False
    win = windows(plan.case, today=today, params=params)
    y = rows[id(step)] - WINDOW_OFFSET
    ideal_end = win.follow_up_ideal_end
    ax.plot([win.follow_up_due.toordinal(), ideal_end.toordinal() + 1], [y, y], color=palette["green"],
            linewidth=9, alpha=0.45, solid_capstyle="butt", zorder=2)
    ax.plot([ideal_end.toordinal() + 1, win.follow_up_late_after.toordinal() + 1], [y, y],
            color=palette["green"], linewidth=2.5, alpha=0.7, zorder=2)
    ax.plot([win.follow_up_late_after.toordinal() + 1], [y], marker="|", markersize=14, markeredgewidth=2.5,
            color=palette["vermillion"], zorder=2)
    return True


def _date_ticks(ax, start: date, end: date) -> None:
    """Ticks at the middle of days: daily for short charts; Mondays, months or years for longer ones."""
    span = (end - start).days
    every = [start + timedelta(days=i) for i in range(span + 1)] if span <= 800 else []
    if span <= 16:
        days, fmt = every, "%a\n%d %b"
    elif span <= 70:
        days, fmt = [d for d in every if d.weekday() == 0], "Mon\n%d %b"
    elif span <= 240:
        days, fmt = [d for d in every if d.day == 1], "%b\n%Y"
    elif span <= 800:
        days, fmt = [d for d in every if d.day == 1 and d.month % 3 == 1], "%b\n%Y"
    else:
        stride = -(-(end.year - start.year) // 8)
        days, fmt = [date(y, 1, 1) for y in range(start.year + 1, end.year + 1, stride)], "%Y"
    ax.set_xticks([_x(d) for d in days], [d.strftime(fmt) for d in days])


def _legend(ax, palette: dict, projector: bool, shown: dict) -> None:
    """A legend of what the chart shows, below it."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    size, grey = (11 if projector else 8), "#555555"
    handles = [Line2D([], [], linestyle="none", marker=marker, markersize=size, markeredgewidth=2,
                      markeredgecolor=grey, markerfacecolor=grey if filled else "white", label=words)
               for status, (marker, filled, words) in STATUS_MARKERS.items() if status in shown["statuses"]]
    if shown["window"]:
        handles += [Line2D([], [], color=palette["green"], linewidth=8, alpha=0.45, label="ideal follow-up window"),
                    Line2D([], [], color=palette["green"], linewidth=2.5, alpha=0.7, label="still on time"),
                    Line2D([], [], linestyle="none", marker="|", markersize=size + 4, markeredgewidth=2.5,
                           color=palette["vermillion"], label="late after this day")]
    handles.append(Line2D([], [], color="black", linestyle="--", label="today"))
    if shown["weekend"]:
        handles.append(Patch(facecolor=DAY_OFF_GREY, label="weekend"))
    holidays = shown["holidays"]
    for day, name in holidays[:MAX_HOLIDAYS_NAMED]:
        handles.append(Patch(facecolor=DAY_OFF_GREY, edgecolor="#9A9A9A", hatch="///",
                             label=f"{day:%a %d %b}: {name}"))
    more = len(holidays) - MAX_HOLIDAYS_NAMED
    if more > 0:
        handles.append(Patch(facecolor=DAY_OFF_GREY, edgecolor="#9A9A9A", hatch="///",
                             label=f"and {more} more public holiday{'s' if more > 1 else ''}"))
    # Anchored under the axes by a distance in font sizes, so it clears the two-line date labels
    # whatever the height of the chart.
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0), borderaxespad=4.2,
              ncols=LEGEND_COLUMNS[projector], frameon=False, fontsize="medium" if projector else "small")
