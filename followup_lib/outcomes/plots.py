"""Figures of how fast employers respond, for the workbook and for live demos.

Every function takes the data (a validated applications table, or a result already
computed from it) and an optional keyword ``ax`` (matplotlib), draws on it and returns it, so a
figure is one call in a notebook cell. Colours come from the Okabe–Ito palette, which
stays distinguishable for the common forms of colour blindness; :func:`projector_style`
enlarges everything for a projector. Labels are kept short and notes are placed away from
the data, so that two plots side by side on a wide figure, in projector style too, stay
readable; a figure without a layout engine is given matplotlib's constrained layout so
that titles and labels fit.

matplotlib is imported inside the functions, so importing this module costs nothing.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from followup_lib.outcomes.analysis import (as_response_curve, median_days_to_response,
                                            p_response_given_silent, response_durations)
from followup_lib.outcomes.arguments import check_days
from followup_lib.outcomes.plot_style import (  # noqa: F401 (public here too)
    NOTE_BOX, OKABE_ITO, PROJECTOR_STYLE, new_axes, percent_axis, projector_style,
)
from followup_lib.outcomes.rate_plot import RATE_CAVEAT, plot_response_rates  # noqa: F401

#: Days shown on the x axis by default: the first weeks are what a candidate lives.
DEFAULT_MAX_DAYS = 60


def _day_count(value, field: str, *, zero_ok: bool = False) -> float:
    """A finite number of days above 0 (or 0 too) as a float, or InputError naming ``field``."""
    check_days(value, field, zero_ok=zero_ok)
    return float(value)


def _draw_curve(ax, curve, max_days: float) -> None:
    """The still-waiting step curve with its confidence band."""
    survival = curve.survival_function_.iloc[:, 0]
    band = curve.confidence_interval_
    ax.fill_between(band.index, band.iloc[:, 0], band.iloc[:, 1], step="post",
                    color=OKABE_ITO["sky_blue"], alpha=0.35,
                    label=f"{1 - curve.alpha:.0%} confidence band")
    ax.step(survival.index, survival.to_numpy(), where="post", color=OKABE_ITO["blue"],
            label="still waiting (Kaplan–Meier)")
    ax.set_xlim(0, max_days)
    ax.set_xlabel("days since applying")
    percent_axis(ax, "still without a response")


def plot_still_waiting(data, *, ax=None, max_days: float = DEFAULT_MAX_DAYS):
    """The still-waiting curve: share of applications with no response yet, by day.

    Unanswered applications stay in the curve (censored), with a confidence band; the
    median day to a response is marked.

    Parameters
    ----------
    data : pandas.DataFrame or lifelines.KaplanMeierFitter
        Validated applications, or a curve from
        :func:`~followup_lib.outcomes.analysis.fit_response_curve`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    max_days : float, default 60
        Right end of the x axis.

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with the curve (a step line), its band and the median marked.

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> ax = plot_still_waiting(load_applications())
    >>> ax.get_xlabel()
    'days since applying'
    """
    curve = as_response_curve(data)
    ax = new_axes(ax)
    right = _day_count(max_days, "max_days")
    _draw_curve(ax, curve, right)
    median = median_days_to_response(curve)
    legend_at, note = _places_clear_of_band(curve, median.days, right)
    if math.isfinite(median.days):
        ax.axhline(0.5, color=OKABE_ITO["black"], linewidth=1, linestyle=":")
        ax.axvline(median.days, color=OKABE_ITO["vermillion"], linestyle="--", linewidth=2,
                   label=f"median: {median.days:g} days")
        ax.annotate(f"half have heard back\nby day {median.days:g}", xy=(median.days, 0.5),
                    textcoords="axes fraction", va="center", bbox=NOTE_BOX,
                    arrowprops={"arrowstyle": "->", "color": OKABE_ITO["vermillion"]}, **note)
    ax.set_title("How long until the first response?")
    # the median is named by its note, so the legend keeps two entries
    handles = [h for h in ax.get_legend_handles_labels()[0]
               if not h.get_label().startswith("median")]
    ax.legend(handles=handles, loc=legend_at)
    return ax


def _band_range(curve, start: float, end: float) -> tuple[float, float]:
    """The lowest lower bound and highest upper bound of the band between two days."""
    band = curve.confidence_interval_
    days = np.linspace(start, max(start, end), 25)
    sampled = band.reindex(band.index.union(days)).ffill().loc[days]
    return float(sampled.iloc[:, 0].min()), float(sampled.iloc[:, 1].max())


def _places_clear_of_band(curve, median: float, right: float) -> tuple[str, dict]:
    """Where the legend and the median's note go, clear of the curve and its band.

    Decided from the data rather than by matplotlib's ``loc="best"``, whose choice
    changes with the resolution. Right of the median the curve is below one half: the
    legend goes low on the right when the band stays high there, else high; the note
    goes right of the median, above the band, or under it when the band is wide. A
    median in the right half gets its note to its left, under the curve.

    Returns
    -------
    (str, dict)
        The legend's ``loc``, and ``xytext`` (axes fraction) and ``ha`` for the note.
    """
    where = median / right if math.isfinite(median) else 1.0
    if where > 0.5:
        return "upper right", {"xytext": (max(where - 0.08, 0.3), 0.25), "ha": "right"}
    note = {"xytext": (where + 0.08, 0.68), "ha": "left"}
    if _band_range(curve, right / 2, right)[0] >= 0.3:
        return "lower right", note
    highest_after = _band_range(curve, median + 0.08 * right, right)[1]
    note["xytext"] = (where + 0.08, 0.6 if highest_after <= 0.46 else 0.13)
    return "upper right", note


def plot_days_to_response(df: pd.DataFrame, *, deadline_days: float = 14, ax=None,
                          max_days: float = DEFAULT_MAX_DAYS):
    """Histogram of days to a first response, with a stated deadline marked.

    Only answered applications can be counted here; how many were left out (never
    answered, or answered after ``max_days``) is written on the plot.

    Parameters
    ----------
    df : pandas.DataFrame
        Validated applications.
    deadline_days : float, default 14
        The deadline to mark, e.g. "we will get back to you within two weeks".
    ax : matplotlib.axes.Axes, optional
    max_days : float, default 60
        Last day shown.

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with one bar per day and the deadline as a dashed line.

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> ax = plot_days_to_response(load_applications(), deadline_days=10)
    >>> [line.get_label() for line in ax.get_lines()]
    ['stated deadline: day 10']
    """
    days, answered = response_durations(df)
    max_days = _day_count(max_days, "max_days")
    deadline = _day_count(deadline_days, "deadline_days", zero_ok=True)
    shown = days[answered & (days <= max_days)]
    ax = new_axes(ax)
    ax.hist(shown, bins=np.arange(0, max_days + 2) - 0.5, color=OKABE_ITO["sky_blue"],
            edgecolor="white", label="answered applications")
    ax.axvline(deadline, color=OKABE_ITO["vermillion"], linestyle="--", linewidth=2.5,
               label=f"stated deadline: day {deadline:g}")
    late = int(answered.sum() - shown.size)
    note = (f"Not shown:\n{int((~answered).sum()):,} never answered\n"
            f"{late:,} answered after day {max_days:g}")
    ax.text(0.97, 0.7, note, transform=ax.transAxes, ha="right", va="top", bbox=NOTE_BOX)
    ax.set_xlim(-0.5, max_days + 0.5)
    ax.set_xlabel("days from applying to the first response")
    ax.set_ylabel("applications")
    ax.set_title("When do answers arrive?")
    ax.legend(loc="upper right")
    return ax


def plot_where_you_are(data, silent_days: float, *, ax=None, max_days: float | None = None):
    """Mark a candidate's days of silence on the still-waiting curve, with their chance.

    The chance written on the plot is P(any response eventually | silent so far), from
    :func:`~followup_lib.outcomes.analysis.p_response_given_silent` (a floor: answers
    later than the data reaches are not counted).

    Parameters
    ----------
    data : pandas.DataFrame or lifelines.KaplanMeierFitter
        Validated applications, or a fitted curve.
    silent_days : float
        Days since applying without a response.
    ax : matplotlib.axes.Axes, optional
    max_days : float, optional
        Right end of the x axis; by default 60 days or twice ``silent_days``.

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with the curve, the "you are here" dot and the chance.

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> ax = plot_where_you_are(load_applications(), silent_days=10)
    >>> "After 10 days of silence" in ax.texts[0].get_text()
    True
    """
    curve = as_response_curve(data)
    silent = _day_count(silent_days, "silent_days", zero_ok=True)
    chance = p_response_given_silent(curve, (silent,))[silent]
    ax = new_axes(ax)
    right = max(DEFAULT_MAX_DAYS, 2 * silent) if max_days is None else max_days
    _draw_curve(ax, curve, _day_count(right, "max_days"))
    waiting = float(curve.survival_function_at_times([silent]).iloc[0])
    at_end = float(curve.survival_function_.iloc[-1, 0])
    ax.axhline(at_end, color=OKABE_ITO["black"], linestyle=":", linewidth=1.5,
               label=f"never answered (estimate): {at_end:.0%}")
    ax.plot([silent], [waiting], marker="o", markersize=14, color=OKABE_ITO["vermillion"],
            linestyle="none", label="you are here")
    words = "no estimate (nobody waits this long)" if math.isnan(chance) else f"{chance:.0%}"
    ax.annotate(f"After {silent:g} days of silence:\n{words} chance of still hearing back",
                xy=(silent, waiting), xytext=(0.35, 0.8), textcoords="axes fraction",
                arrowprops={"arrowstyle": "->", "color": OKABE_ITO["vermillion"]}, bbox=NOTE_BOX)
    ax.set_title("Where you are")
    ax.legend(loc="lower left")
    return ax
