"""Plots side by side on a wide figure, as an instructor projects them: nothing overlaps.

Each check draws the figure (Agg) and compares the extents, in pixels, of what was drawn.
"""

from __future__ import annotations

from contextlib import nullcontext
from itertools import combinations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

from followup_lib.outcomes import plots  # noqa: E402
from followup_lib.outcomes.loader import load_applications  # noqa: E402


@pytest.fixture(scope="module")
def shipped():
    return load_applications()


def tracker_like(table: pd.DataFrame) -> pd.DataFrame:
    """Few rows, follow-ups and thank-yous not recorded: a wide band, missing factors."""
    small = table.head(120).copy()
    interviewed = small["interviewed"].to_numpy()
    for column in ("follow_up_timing", "follow_up_channel"):
        small.loc[interviewed, column] = "unknown"
    small[["follow_up_business_days", "second_attempt", "thank_you_sent",
           "thank_you_hours"]] = pd.NA
    return small


def two_panels(df: pd.DataFrame, projector: bool):
    with plots.projector_style() if projector else nullcontext():
        fig, (left, right) = plt.subplots(1, 2, figsize=(16, 6))
        plots.plot_still_waiting(df, ax=left)
        plots.plot_response_rates(df, ax=right)
        fig.canvas.draw()
    return fig, left, right


def extent(artist):
    renderer = artist.get_figure(root=True).canvas.get_renderer()
    if isinstance(artist, Annotation) and artist.get_bbox_patch() is not None:
        return artist.get_bbox_patch().get_window_extent(renderer)
    return artist.get_window_extent(renderer)


def drawn_texts(ax) -> list:
    texts = [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.texts]
    for axes in (ax, *ax.child_axes):
        texts.append(axes.xaxis.label)
        texts += [t for t in axes.get_xticklabels() if within(t.get_position()[0], ax.get_xlim())]
    texts += [t for t in ax.get_yticklabels() if within(t.get_position()[1], ax.get_ylim())]
    return list({id(t): t for t in texts if t.get_text() and t.get_visible()}.values())


def within(value: float, limits) -> bool:
    low, high = sorted(limits)
    return low <= value <= high


def overlapping(a, b) -> bool:
    a, b = extent(a), extent(b)
    return a.x0 < b.x1 - 1 and b.x0 < a.x1 - 1 and a.y0 < b.y1 - 1 and b.y0 < a.y1 - 1


#: (data, projector style): the shipped rows both ways; a small tracker (wide band,
#: factors not in the file) as projected, the tightest case.
CASES = [("shipped", False), ("shipped", True), ("tracker", True)]


@pytest.fixture(scope="module")
def drawn(shipped):
    """Each two-panel figure of :data:`CASES`, drawn once: ``{case: (fig, left, right)}``."""
    figures = {(name, projector): two_panels(tracker_like(shipped) if name == "tracker"
                                             else shipped, projector)
               for name, projector in CASES}
    yield figures
    plt.close("all")


@pytest.fixture(params=CASES, ids=lambda case: f"{case[0]}-{'projector' if case[1] else 'normal'}")
def panels(request, drawn):
    return drawn[request.param]


def test_the_legend_does_not_cover_the_median_note(panels):
    _, left, _ = panels
    (note,) = [t for t in left.texts if "half have heard back" in t.get_text()]
    assert not overlapping(left.get_legend(), note)


def test_every_text_is_inside_the_figure(panels):
    fig, left, right = panels
    for ax in (left, right):
        for text in drawn_texts(ax):
            box = extent(text)
            assert box.x0 >= -1 and box.x1 <= fig.bbox.width + 1, text.get_text()
            assert box.y0 >= -1 and box.y1 <= fig.bbox.height + 1, text.get_text()


def test_no_two_texts_of_a_plot_overlap(panels):
    _, left, right = panels
    for ax in (left, right):
        for a, b in combinations(drawn_texts(ax), 2):
            assert not overlapping(a, b), (a.get_text(), b.get_text())


def test_the_two_plots_do_not_overlap(panels):
    fig, left, right = panels
    renderer = fig.canvas.get_renderer()
    assert left.get_tightbbox(renderer).x1 <= right.get_tightbbox(renderer).x0


@pytest.mark.parametrize("projector", [False, True])
def test_the_caveat_stands_under_the_title_in_the_warning_colour(drawn, projector):
    _, _, right = drawn[("shipped", projector)]
    (caveat,) = [t for t in right.texts if "not a cause" in t.get_text()]
    assert to_hex(caveat.get_color()) == plots.OKABE_ITO["vermillion"].lower()
    assert caveat.get_fontsize() >= right.get_xticklabels()[0].get_fontsize()
    title, axes = extent(right.title), right.get_window_extent()
    assert axes.y1 <= extent(caveat).y0 and extent(caveat).y1 <= title.y0


def test_a_layout_chosen_by_the_caller_is_kept(shipped):
    fig, ax = plt.subplots(layout="tight")
    plots.plot_response_rates(shipped, ax=ax)
    assert type(fig.get_layout_engine()).__name__ == "TightLayoutEngine"
    plt.close(fig)


@pytest.mark.parametrize("draw", [plots.plot_still_waiting, plots.plot_response_rates])
@pytest.mark.parametrize("projector", [False, True])
def test_each_plot_alone_fits_its_default_figure(shipped, draw, projector):
    with plots.projector_style() if projector else nullcontext():
        ax = draw(shipped)
        fig = ax.get_figure(root=True)
        fig.canvas.draw()
    for text in drawn_texts(ax):
        box = extent(text)
        assert box.x0 >= -1 and box.x1 <= fig.bbox.width + 1, text.get_text()
    for a, b in combinations(drawn_texts(ax), 2):
        assert not overlapping(a, b), (a.get_text(), b.get_text())
    plt.close(fig)


def test_a_factor_not_in_the_file_is_one_note_not_small_groups(drawn):
    _, _, right = drawn[("tracker", True)]
    notes = [t.get_text() for t in right.texts]
    assert notes.count("not recorded\nin this file") == 1  # the thank-you; follow-up has a bar
    assert not any(note.startswith("fewer") for note in notes)
    factors = [t.get_text() for t in right.child_axes[0].get_xticklabels()]
    assert factors == ["thank-you", "follow-up timing"]
