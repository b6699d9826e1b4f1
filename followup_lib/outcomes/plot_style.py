"""The look shared by the outcome plots: palette, projector style, axes and notes.

matplotlib is imported inside the functions, so importing this module costs nothing.
"""

from __future__ import annotations

from contextlib import contextmanager

#: Okabe & Ito (2008), "Color Universal Design": colours safe for colour-blind viewers.
OKABE_ITO = {"black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9",
             "green": "#009E73", "yellow": "#F0E442", "blue": "#0072B2",
             "vermillion": "#D55E00", "purple": "#CC79A7"}
#: matplotlib settings for a projector: large type, thick lines, a wide figure.
PROJECTOR_STYLE = {"font.size": 18, "axes.titlesize": 22, "axes.labelsize": 20,
                   "xtick.labelsize": 17, "ytick.labelsize": 17, "legend.fontsize": 16,
                   "lines.linewidth": 3.5, "figure.figsize": (13, 7.5),
                   "axes.spines.top": False, "axes.spines.right": False}
#: Notes written on a plot: a white, rounded box over whatever is behind.
NOTE_BOX = {"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": "#999999",
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


def new_axes(ax):
    """The given Axes, or those of a new figure; either way with a layout that fits.

    A figure with no layout engine (``plt.subplots()`` without ``layout=``) is given the
    constrained layout, so that titles, labels and notes are not cut off or overlapped
    by a neighbouring plot; a layout already chosen is left alone.

    Parameters
    ----------
    ax : matplotlib.axes.Axes or None
        Where a plot function was asked to draw.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> figure, given = plt.subplots()
    >>> new_axes(given) is given, type(figure.get_layout_engine()).__name__
    (True, 'ConstrainedLayoutEngine')
    >>> plt.close("all")
    """
    if ax is None:
        import matplotlib.pyplot as plt

        return plt.subplots(figsize=plt.rcParams["figure.figsize"], layout="constrained")[1]
    figure = ax.get_figure(root=True)
    if figure.get_layout_engine() is None:
        figure.set_layout_engine("constrained")
    return ax


def percent_axis(ax, label: str) -> None:
    """A 0-100% y axis with the given label and a light grid.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    label : str
        The y axis label.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> figure, ax = plt.subplots()
    >>> percent_axis(ax, "share")
    >>> ax.get_ylabel(), [float(y) for y in ax.get_ylim()]
    ('share', [0.0, 1.02])
    >>> plt.close("all")
    """
    from matplotlib.ticker import PercentFormatter

    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylim(0, 1.02)
    ax.set_ylabel(label)
    ax.grid(axis="y", alpha=0.3)


def font_points(size) -> float:
    """A matplotlib font size (a number, or a name such as ``"medium"``) in points.

    Parameters
    ----------
    size : float or str
        As matplotlib takes it; names are relative to ``font.size`` now.

    Returns
    -------
    float

    Examples
    --------
    >>> font_points(12)
    12.0
    """
    from matplotlib.font_manager import FontProperties

    return FontProperties(size=size).get_size_in_points()
