"""Figures for a segment: where you are on its curve, its curve, the landmark comparison.

These build on :mod:`~followup_lib.outcomes.plots` (:func:`plot_where_you_are`,
:func:`plot_still_waiting`): each takes ``ax=None`` and returns the Axes, and a curve of
decisions after the interview is labelled as such. A suppressed group is never drawn:
the figure says why in words. :func:`png_bytes` renders a drawing to PNG without pyplot
(for widgets), in the projector style when projector mode is on. matplotlib is imported
inside the functions.
"""

from __future__ import annotations

import functools
import io

from followup_lib.outcomes.plot_style import NOTE_BOX, OKABE_ITO, new_axes, percent_axis

#: Axis labels, titles and legend words for each stage's curve.
STAGE_WORDS = {
    "application": {"x": "days since applying", "y": "still without a response",
                    "title": "How long until the first response?", "never": "never answered"},
    "interview": {"x": "days since the interview", "y": "still without a decision",
                  "title": "How long until a decision?", "never": "no decision ever"},
}
#: Figure size (inches) of a widget's plot; the projector style has its own.
WIDGET_FIGSIZE = (8.0, 4.5)


def honours_projector(plot):
    """Draw ``plot`` in the projector style when projector mode is on and it makes its figure.

    A plot given ``ax=`` draws in whatever style its figure has.
    """
    @functools.wraps(plot)
    def styled(*args, ax=None, **kwargs):
        from followup_lib.outcomes.plot_style import projector_style
        from followup_lib.projector_mode import projector_on

        if ax is not None or not projector_on():
            return plot(*args, ax=ax, **kwargs)
        with projector_style():
            return plot(*args, ax=ax, **kwargs)

    return styled


def relabel_for_stage(ax, stage: str):
    """Name the axes, title and legend of a still-waiting plot for ``stage``; returns ``ax``.

    Examples
    --------
    >>> from followup_lib.outcomes.plots import plot_still_waiting
    >>> from followup_lib.outcomes.loader import load_applications
    >>> ax = relabel_for_stage(plot_still_waiting(load_applications()), "interview")
    >>> ax.get_xlabel(), ax.get_title()
    ('days since the interview', 'How long until a decision?')
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    words = STAGE_WORDS[stage]
    ax.set_xlabel(words["x"])
    ax.set_ylabel(words["y"])
    if ax.get_title().startswith("How long"):
        ax.set_title(words["title"])
    legend = ax.get_legend()
    if legend is not None:
        for text in legend.get_texts():
            text.set_text(text.get_text().replace("never answered", words["never"]))
    return ax


def _say_instead(ax, words: str, title: str):
    """An empty plot that says, in words, why nothing is drawn."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, words, ha="center", va="center", wrap=True, transform=ax.transAxes,
            bbox=NOTE_BOX)
    ax.set_title(title)
    return ax


@honours_projector
def plot_silence(chance, *, ax=None):
    """Where you are on a segment's curve, with the chance of still hearing back.

    Parameters
    ----------
    chance : SegmentChance
        From :func:`~followup_lib.outcomes.chance.chance_still_hearing`.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        :func:`~followup_lib.outcomes.plots.plot_where_you_are` of the segment, labelled
        for its stage; without the chance when too few were still waiting; only words
        for a segment under ``k``.

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> from followup_lib.outcomes.chance import chance_still_hearing
    >>> ax = plot_silence(chance_still_hearing(load_applications(), 14))
    >>> ax.get_xlabel(), "After 14 days of silence" in ax.texts[0].get_text()
    ('days since the interview', True)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from followup_lib.outcomes.plots import plot_still_waiting, plot_where_you_are

    ax = new_axes(ax)
    title = f"Where you are · {chance.segment.label()}"
    if chance.curve is None:
        return _say_instead(ax, chance.words(), title)
    right = max(60.0, 2 * chance.silent_days)
    if chance.suppressed:
        plot_still_waiting(chance.curve, ax=ax, max_days=right)
        ax.axvline(chance.silent_days, color=OKABE_ITO["vermillion"], linewidth=2,
                   label="you are here")
        ax.text(0.97, 0.97, f"Too few still waiting after {chance.silent_days:g} days\n"
                "to estimate a chance", transform=ax.transAxes, ha="right", va="top",
                bbox=NOTE_BOX)
    else:
        plot_where_you_are(chance.curve, chance.silent_days, ax=ax, max_days=right)
        _clear_of_the_curve(ax, chance)
    relabel_for_stage(ax, chance.stage)
    ax.set_title(title)
    return ax


def _clear_of_the_curve(ax, chance) -> None:
    """Keep the dot and the curve visible: a short legend top right, the rest as notes.

    A decision curve stays low and flat on the right and a legend in the lower left (as
    :func:`plot_where_you_are` places it) would hide the dot; the "never answered" line is
    named where it ends instead, and the chance note moves to the free middle.
    """
    words = STAGE_WORDS[chance.stage]
    handles, labels = ax.get_legend_handles_labels()
    keep = [(h, label) for h, label in zip(handles, labels)
            if not label.startswith(("never answered", "you are here"))]
    ax.get_legend().remove()
    ax.legend(*zip(*keep), loc="upper right")
    at_end = float(chance.curve.survival_function_.iloc[-1, 0])
    below = at_end >= 0.12
    ax.text(0.98, at_end - 0.02 if below else at_end + 0.02,
            f"{words['never']} (estimate): {at_end:.0%}", transform=ax.get_yaxis_transform(),
            ha="right", va="top" if below else "bottom", fontsize="small", bbox=NOTE_BOX)
    note = ax.texts[0]
    share = "under 1%" if chance.chance < 0.005 else f"{chance.chance:.0%}"
    note.set_text(f"After {chance.silent_days:g} days of silence:\n{share} chance of still "
                  "hearing back")
    note.xyann = (0.3, 0.62)


@honours_projector
def plot_segment_curve(curve, stage: str, *, label: str = "all", ax=None, words: str = ""):
    """The still-waiting curve of a segment, labelled for its stage.

    Parameters
    ----------
    curve : lifelines.KaplanMeierFitter or None
        The segment's curve; None (a suppressed or empty segment) draws only ``words``.
    stage : {"interview", "application"}
    label : str
        The segment in words, for the title.
    ax : matplotlib.axes.Axes, optional
    words : str
        What to say instead of a curve.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from followup_lib.outcomes.segments import Segment, shipped_curves
    >>> curve = shipped_curves().curve(Segment(industry="tech"), "interview")
    >>> plot_segment_curve(curve, "interview", label="tech").get_title()
    'How long until a decision? · tech'
    >>> plot_segment_curve(None, "interview", words="Fewer than 5.").texts[0].get_text()
    'Fewer than 5.'
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from followup_lib.outcomes.plots import plot_still_waiting

    ax = new_axes(ax)
    title = f"{STAGE_WORDS[stage]['title']} · {label}"
    if curve is None:
        return _say_instead(ax, words or "Nothing to show.", title)
    plot_still_waiting(curve, ax=ax)
    relabel_for_stage(ax, stage)
    ax.set_title(title)
    return ax


@honours_projector
def plot_landmark(comparison, *, ax=None):
    """The landmark comparison: chance of a decision after the landmark, by group.

    Parameters
    ----------
    comparison : LandmarkComparison
        From :func:`~followup_lib.outcomes.landmark.landmark_comparison`.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Two bars with their 95% intervals and ``n``; words instead when suppressed or
        not recorded.

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> from followup_lib.outcomes.landmark import landmark_comparison
    >>> ax = plot_landmark(landmark_comparison(load_applications()))
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['had followed up\\nby then', 'had not followed\\nup (yet)']
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from followup_lib.outcomes.landmark import landmark_name

    ax = new_axes(ax)
    title = f"Still waiting at {landmark_name(comparison.after_deadline, comparison.params)}"
    if not comparison.shown:
        return _say_instead(ax, comparison.words()[-1], title)
    labels = ["had followed up\nby then", "had not followed\nup (yet)"]
    colours = [OKABE_ITO["green"], OKABE_ITO["blue"]]
    for x, (group, colour) in enumerate(zip(comparison.groups, colours)):
        ax.bar(x, group.chance, width=0.6, color=colour)
        ax.errorbar(x, group.chance, yerr=[[group.chance - group.ci_lower],
                                           [group.ci_upper - group.chance]],
                    color=OKABE_ITO["black"], capsize=8, linewidth=1.5)
        ax.text(x, group.ci_upper + 0.03, f"{group.chance:.0%}\nn={group.n}", ha="center",
                va="bottom")
    ax.set_xticks([0, 1], labels)
    ax.set_xlim(-0.6, 1.6)
    percent_axis(ax, f"decision within {comparison.horizon_days:g} days after")
    top = min(1.0, max(g.ci_upper for g in comparison.groups))
    ax.set_ylim(0, min(1.25, top + 0.3))
    ax.set_yticks([y for y in (0, 0.25, 0.5, 0.75, 1.0) if y <= top + 0.25])
    ax.set_title(title)
    ax.set_xlabel("whiskers: 95% intervals · an association, not a cause", fontsize="small",
                  color="#555555")
    return ax


#: Axes positions found by the constrained layout, per kind of plot and style (see png_bytes).
_LAYOUTS: dict = {}


def png_bytes(draw, *, projector: bool | None = None, dpi: int = 80,
              layout_key: str | None = None) -> bytes:
    """Render a drawing to PNG bytes, without pyplot (nothing shown twice in a notebook).

    Parameters
    ----------
    draw : callable
        Called with a new Axes; draws on it.
    projector : bool, optional
        The large-font projector style; by default whether projector mode is on
        (:func:`followup_lib.projector_mode.projector_on`).
    dpi : int, default 80
    layout_key : str, optional
        Plots of one kind (the same labels, differing only in their data) share a
        layout: the first is laid out by matplotlib's constrained layout, and the axes'
        place it found is reused for the next ones with that key and style, which
        saves about a third of the drawing time.

    Returns
    -------
    bytes
        A PNG image.

    Examples
    --------
    >>> png_bytes(lambda ax: ax.plot([0, 1], [0, 1]))[:4]
    b'\\x89PNG'
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from followup_lib.outcomes.plot_style import PROJECTOR_STYLE
    from followup_lib.projector_mode import projector_on

    projector = projector_on() if projector is None else projector
    style = PROJECTOR_STYLE if projector else {"figure.figsize": WIDGET_FIGSIZE}
    key = None if layout_key is None else (layout_key, projector)
    with matplotlib.rc_context(style):
        figure = Figure(figsize=matplotlib.rcParams["figure.figsize"], dpi=dpi,
                        layout="constrained")
        ax = figure.add_subplot()
        draw(ax)
        if key in _LAYOUTS:
            figure.set_layout_engine("none")
            ax.set_position(_LAYOUTS[key])
        buffer = io.BytesIO()
        FigureCanvasAgg(figure).print_png(buffer)  # one drawing (savefig draws twice)
        if key is not None and key not in _LAYOUTS:
            _LAYOUTS[key] = ax.get_position()
    return buffer.getvalue()
