"""Figures of how fast employers respond, for the workbook and for live demos.

Every function takes the data (a validated applications table, or a result already
computed from it) and an optional matplotlib ``ax``, draws on it and returns it, so a
figure is one call in a notebook cell. Colours come from the Okabe–Ito palette, which
stays distinguishable for the common forms of colour blindness; :func:`projector_style`
enlarges everything for a projector.

matplotlib is imported inside the functions, so importing this module costs nothing.
"""

from __future__ import annotations

import math
from contextlib import contextmanager

import numpy as np
import pandas as pd

from followup_lib.etiquette.params import K_ANONYMITY
from followup_lib.outcomes.analysis import (as_response_curve, check_days,
                                            median_days_to_response, p_response_given_silent,
                                            response_durations)
from followup_lib.outcomes.rates import GROUP_NAMES, response_rates_by_follow_up

#: Okabe & Ito (2008), "Color Universal Design": colours safe for colour-blind viewers.
OKABE_ITO = {"black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9",
             "green": "#009E73", "yellow": "#F0E442", "blue": "#0072B2",
             "vermillion": "#D55E00", "purple": "#CC79A7"}
#: matplotlib settings for a projector: large type, thick lines, a wide figure.
PROJECTOR_STYLE = {"font.size": 18, "axes.titlesize": 22, "axes.labelsize": 20,
                   "xtick.labelsize": 17, "ytick.labelsize": 17, "legend.fontsize": 16,
                   "lines.linewidth": 3.5, "figure.figsize": (13, 7.5),
                   "axes.spines.top": False, "axes.spines.right": False}
#: Days shown on the x axis by default: the first weeks are what a candidate lives.
DEFAULT_MAX_DAYS = 60
#: Bar labels: the group names on two lines.
_GROUP_LABELS = {group: name.replace(" ", "\n", 1) for group, name in GROUP_NAMES.items()}
_BOX = {"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": "#999999",
        "alpha": 0.95}


@contextmanager
def projector_style():
    """Draw with large fonts and thick lines inside a ``with`` block.

    Yields
    ------
    None
        matplotlib's settings are :data:`PROJECTOR_STYLE` until the block ends.

    Examples
    --------
    >>> import matplotlib
    >>> with projector_style():
    ...     matplotlib.rcParams["font.size"]
    18.0
    """
    import matplotlib

    with matplotlib.rc_context(PROJECTOR_STYLE):
        yield


def _new_axes(ax):
    """The given Axes, or those of a new figure."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=plt.rcParams["figure.figsize"], layout="constrained")[1]


def _percent_axis(ax, label: str) -> None:
    """A 0-100% y axis with the given label."""
    from matplotlib.ticker import PercentFormatter

    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylim(0, 1.02)
    ax.set_ylabel(label)
    ax.grid(axis="y", alpha=0.3)


def _checked_days(value, field: str, *, zero_ok: bool = False) -> float:
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
            label="still no response (Kaplan–Meier)")
    ax.set_xlim(0, max_days)
    ax.set_xlabel("days since applying")
    _percent_axis(ax, "applications still without a response")


def plot_still_waiting(data, ax=None, *, max_days: float = DEFAULT_MAX_DAYS):
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
    ax = _new_axes(ax)
    _draw_curve(ax, curve, _checked_days(max_days, "max_days"))
    median = median_days_to_response(curve)
    if math.isfinite(median.days):
        ax.axhline(0.5, color=OKABE_ITO["black"], linewidth=1, linestyle=":")
        ax.axvline(median.days, color=OKABE_ITO["vermillion"], linestyle="--", linewidth=2,
                   label=f"median: {median.days:g} days")
        ax.annotate(f"half have heard back\nby day {median.days:g}",
                    xy=(median.days, 0.5), xytext=(0.3, 0.75), textcoords="axes fraction",
                    arrowprops={"arrowstyle": "->", "color": OKABE_ITO["vermillion"]},
                    bbox=_BOX)
    ax.set_title("How long until the first response?")
    ax.legend(loc="upper right")
    return ax


def plot_days_to_response(df: pd.DataFrame, deadline_days: float = 14, ax=None, *,
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
    max_days = _checked_days(max_days, "max_days")
    deadline = _checked_days(deadline_days, "deadline_days", zero_ok=True)
    shown = days[answered & (days <= max_days)]
    ax = _new_axes(ax)
    ax.hist(shown, bins=np.arange(0, max_days + 2) - 0.5, color=OKABE_ITO["sky_blue"],
            edgecolor="white", label="answered applications")
    ax.axvline(deadline, color=OKABE_ITO["vermillion"], linestyle="--", linewidth=2.5,
               label=f"stated deadline: day {deadline:g}")
    late = int(answered.sum() - shown.size)
    note = (f"Not shown:\n{int((~answered).sum()):,} never answered\n"
            f"{late:,} answered after day {max_days:g}")
    ax.text(0.97, 0.7, note, transform=ax.transAxes, ha="right", va="top", bbox=_BOX)
    ax.set_xlim(-0.5, max_days + 0.5)
    ax.set_xlabel("days from applying to the first response")
    ax.set_ylabel("applications")
    ax.set_title("When do answers arrive?")
    ax.legend(loc="upper right")
    return ax


def _bar_positions(table: pd.DataFrame) -> np.ndarray:
    """x positions of the groups, with a gap between factors."""
    factor_index = pd.factorize(table["factor"])[0]
    return np.arange(len(table)) + 0.8 * factor_index


def _draw_rate_bars(ax, table: pd.DataFrame, x: np.ndarray, k: int) -> None:
    """One bar with its interval and ``rate / n`` per group; a note where suppressed."""
    colours = np.where(table["factor"] == "thank_you_sent", OKABE_ITO["orange"],
                       OKABE_ITO["green"])
    for xi, colour, row in zip(x, colours, table.itertuples(index=False)):
        if row.suppressed:
            ax.text(xi, 0.04, f"fewer\nthan {k}", ha="center", va="bottom", style="italic",
                    color="#555555", fontsize="small")
            continue
        ax.bar(xi, row.rate, width=0.7, color=colour)
        ax.errorbar(xi, row.rate, yerr=[[row.rate - row.ci_lower], [row.ci_upper - row.rate]],
                    color=OKABE_ITO["black"], capsize=6, linewidth=1.5)
        ax.text(xi, row.ci_upper + 0.02, f"{row.rate:.0%}\nn={row.n}", ha="center",
                va="bottom", fontsize="small")


def plot_response_rates(data, ax=None, *, k: int = K_ANONYMITY):
    """Share of interviews that led to a decision, by thank-you and follow-up timing.

    Bars show rates with Wilson 95% intervals; groups with fewer than ``k`` rows are not
    drawn: the plot says "fewer than k" in their place.

    Parameters
    ----------
    data : pandas.DataFrame
        Validated applications, or a table from
        :func:`~followup_lib.outcomes.rates.response_rates_by_follow_up`.
    ax : matplotlib.axes.Axes, optional
    k : int, default ``K_ANONYMITY``
        Smallest group shown (used when ``data`` is an applications table).

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with bars, interval whiskers and "fewer than k" notes.

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> ax = plot_response_rates(load_applications())
    >>> [t.get_text() for t in ax.get_xticklabels()][:3]
    ['thank-you\\nsent', 'no\\nthank-you', 'follow-up\\nearly']
    """
    table = data if "factor" in getattr(data, "columns", ()) else \
        response_rates_by_follow_up(data, k)
    ax = _new_axes(ax)
    x = _bar_positions(table)
    _draw_rate_bars(ax, table, x, k)
    ax.set_xticks(x, [_GROUP_LABELS[g] for g in table["group"]])
    _percent_axis(ax, "interviews with a decision heard")
    ax.set_ylim(0, 1.2)
    ax.set_yticks(np.linspace(0, 1, 6))
    ax.set_title("Decision heard after the interview, by what the candidate did")
    ax.text(0.01, 0.98, "95% intervals. An association, not a cause:\ncandidates follow up "
            "only while they are still waiting.", transform=ax.transAxes, va="top",
            fontsize="small", color="#444444")
    return ax


def plot_where_you_are(data, silent_days: float, ax=None, *, max_days: float | None = None):
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
    silent = _checked_days(silent_days, "silent_days", zero_ok=True)
    chance = p_response_given_silent(curve, (silent,))[silent]
    ax = _new_axes(ax)
    right = max(DEFAULT_MAX_DAYS, 2 * silent) if max_days is None else max_days
    _draw_curve(ax, curve, _checked_days(right, "max_days"))
    waiting = float(curve.survival_function_at_times([silent]).iloc[0])
    at_end = float(curve.survival_function_.iloc[-1, 0])
    ax.axhline(at_end, color=OKABE_ITO["black"], linestyle=":", linewidth=1.5,
               label=f"never answered (estimate): {at_end:.0%}")
    ax.plot([silent], [waiting], marker="o", markersize=14, color=OKABE_ITO["vermillion"],
            linestyle="none", label="you are here")
    words = "no estimate (nobody waits this long)" if math.isnan(chance) else f"{chance:.0%}"
    ax.annotate(f"After {silent:g} days of silence:\n{words} chance of still hearing back",
                xy=(silent, waiting), xytext=(0.35, 0.8), textcoords="axes fraction",
                arrowprops={"arrowstyle": "->", "color": OKABE_ITO["vermillion"]}, bbox=_BOX)
    ax.set_title("Where you are")
    ax.legend(loc="lower left")
    return ax
