"""The decision-rate chart: share of interviews with a decision heard, by behaviour.

:func:`plot_response_rates` draws the table of
:func:`~followup_lib.outcomes.rates.response_rates_by_follow_up` as bars with their
intervals, the factor's name once under its groups, and the caveat that these are
associations (:data:`RATE_CAVEAT`) under the title, where a projected chart cannot lose
it. matplotlib is imported inside the functions.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.outcomes.arguments import resolve_k
from followup_lib.outcomes.plot_style import OKABE_ITO, font_points, new_axes, percent_axis
from followup_lib.outcomes.rates import FACTOR_NAMES, response_rates_by_follow_up

#: Bar labels, short: the factor's name is written once under its bars.
_GROUP_LABELS = {"yes": "sent", "no": "not\nsent", "early": "early", "on_time": "on\ntime",
                 "late": "late", "none": "none", "unknown": "not\nrecorded"}
#: The caveat under the response-rate chart's title: what the bars must not be read as.
RATE_CAVEAT = ("An association, not a cause: candidates\n"
               "follow up only while they are still waiting")


def _rate_slots(table: pd.DataFrame) -> pd.DataFrame:
    """The bars to draw, with x and width; one wide slot for a factor not in the file.

    A factor whose groups are all out of the file (``in_file`` False) gets one slot, wide
    enough for its note; groups of a factor in the file get one bar each. Factors are
    set apart by a gap.
    """
    parts = []
    for factor, rows in table.groupby("factor", sort=False):
        shown = rows[rows["in_file"].to_numpy(dtype=bool)]
        parts.append(shown.assign(missing=False, width=1.0) if len(shown) else pd.DataFrame(
            {"factor": [factor], "group": [None], "suppressed": [False], "missing": [True],
             "width": [2.0]}))
    slots = pd.concat(parts, ignore_index=True)
    widths = slots["width"].to_numpy()
    factor_gaps = 0.8 * pd.factorize(slots["factor"])[0]
    slots["x"] = np.cumsum(widths) - widths / 2 + factor_gaps
    return slots


def _draw_rate_bars(ax, slots: pd.DataFrame, k: int) -> None:
    """One bar with its interval and ``rate / n`` per group; a note where none is drawn."""
    notes = {True: "not recorded\nin this file", False: f"fewer\nthan {k}"}
    for row in slots.itertuples(index=False):
        if row.missing or row.suppressed:
            ax.text(row.x, 0.04, notes[row.missing], ha="center", va="bottom",
                    style="italic", color="#555555", fontsize="small")
            continue
        colour = OKABE_ITO["orange" if row.factor == "thank_you_sent" else "green"]
        ax.bar(row.x, row.rate, width=0.7, color=colour)
        ax.errorbar(row.x, row.rate, yerr=[[row.rate - row.ci_lower], [row.ci_upper - row.rate]],
                    color=OKABE_ITO["black"], capsize=6, linewidth=1.5)
        ax.text(row.x, row.ci_upper + 0.02, f"{row.rate:.0%}\nn={row.n}", ha="center",
                va="bottom", fontsize="small")


def _label_factors(ax, slots: pd.DataFrame) -> None:
    """Short group labels under the bars, and each factor's name once under its groups."""
    import matplotlib

    ax.set_xticks(slots["x"], [_GROUP_LABELS.get(g, "") for g in slots["group"]])
    centres = slots.groupby("factor", sort=False)["x"].mean()
    factors = ax.secondary_xaxis("bottom")
    factors.set_xticks(centres.to_numpy(), [FACTOR_NAMES[f] for f in centres.index],
                       fontweight="bold")
    rc = matplotlib.rcParams
    lines = max(str(label).count("\n") + 1 for label in _GROUP_LABELS.values())
    below_ticks = lines * 1.25 * font_points(rc["xtick.labelsize"]) + 2 * rc["xtick.major.pad"]
    factors.tick_params(length=0, pad=rc["xtick.major.size"] + below_ticks)
    factors.spines["bottom"].set_visible(False)
    factors.set_xlabel("whiskers: 95% intervals", loc="right", fontsize="small",
                       color="#555555")


def _title_with_caveat(ax, title: str, caveat: str) -> None:
    """A title with a caveat under it, in the warning colour, both above the axes."""
    import matplotlib

    size = font_points("medium")
    ax.annotate(caveat, xy=(0.5, 1), xycoords="axes fraction", xytext=(0, 6),
                textcoords="offset points", ha="center", va="bottom", fontsize=size,
                color=OKABE_ITO["vermillion"])
    height = (caveat.count("\n") + 1) * 1.2 * size
    ax.set_title(title, pad=6 + height + 0.5 * font_points(matplotlib.rcParams["axes.titlesize"]))


def plot_response_rates(data, *, ax=None, params: Params = DEFAULTS, k: int | None = None):
    """Share of interviews that led to a decision, by thank-you and follow-up timing.

    Bars show rates with Wilson 95% intervals; groups with fewer than ``k`` rows are not
    drawn: the plot says "fewer than k" in their place, and "not recorded in this file"
    in place of a factor the file does not record (``in_file`` False). The caveat that
    these are associations, not causes (:data:`RATE_CAVEAT`), stands under the title.

    Parameters
    ----------
    data : pandas.DataFrame
        Validated applications, or a table from
        :func:`~followup_lib.outcomes.rates.response_rates_by_follow_up`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    params : Params, default ``DEFAULTS``
        ``params.k_anonymity`` is the smallest group shown (and named in the notes).
    k : int, optional
        An explicit smallest group; it wins over ``params``.

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with bars, interval whiskers, notes, and the factor names on a
        secondary x axis under the group labels.

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> ax = plot_response_rates(load_applications())
    >>> [t.get_text() for t in ax.get_xticklabels()][:3]
    ['sent', 'not\\nsent', 'early']
    >>> ax.get_title()
    'Decision heard after the interview'
    """
    k = resolve_k(k, params)
    table = data if "factor" in getattr(data, "columns", ()) else \
        response_rates_by_follow_up(data, k=k)
    ax = new_axes(ax)
    slots = _rate_slots(table)
    _draw_rate_bars(ax, slots, k)
    _label_factors(ax, slots)
    ax.set_xlim(-0.2, float(slots["x"].iloc[-1] + slots["width"].iloc[-1] / 2) + 0.2)
    percent_axis(ax, "decision heard")
    ax.set_ylim(0, 1.2)
    ax.set_yticks(np.linspace(0, 1, 6))
    _title_with_caveat(ax, "Decision heard after the interview", RATE_CAVEAT)
    return ax
