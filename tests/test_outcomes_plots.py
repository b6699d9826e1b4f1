"""Plots: each returns its Axes with the promised lines, labels and texts (Agg backend)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from followup_lib.errors import InputError  # noqa: E402
from followup_lib.outcomes import plots  # noqa: E402
from followup_lib.outcomes.analysis import (fit_response_curve,  # noqa: E402
                                            p_response_given_silent)
from followup_lib.outcomes.loader import load_applications  # noqa: E402
from followup_lib.outcomes.rates import response_rates_by_follow_up  # noqa: E402


@pytest.fixture(scope="module")
def shipped():
    return load_applications()


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _texts(ax) -> str:
    return "\n".join(t.get_text() for t in ax.texts)


def test_still_waiting_curve_has_band_median_and_labels(shipped):
    ax = plots.plot_still_waiting(shipped)
    labels = [line.get_label() for line in ax.get_lines()]
    assert "still waiting (Kaplan–Meier)" in labels
    assert "median: 7 days" in labels
    assert ax.collections, "the confidence band is drawn"
    assert "by day 7" in _texts(ax)
    assert ax.get_xlabel() == "days since applying"
    assert ax.get_xlim() == (0, 60)


def test_plots_draw_on_the_given_axes_and_accept_a_fitted_curve(shipped):
    fig, ax = plt.subplots()
    assert plots.plot_still_waiting(fit_response_curve(shipped), ax=ax) is ax
    assert plots.plot_where_you_are(fit_response_curve(shipped), 5, ax=ax) is ax


def test_histogram_marks_the_deadline_and_counts_what_it_leaves_out(shipped):
    ax = plots.plot_days_to_response(shipped, deadline_days=10)
    (deadline,) = ax.get_lines()
    assert deadline.get_label() == "stated deadline: day 10"
    assert list(deadline.get_xdata()) == [10, 10]
    unanswered = int(shipped["response_censored"].sum())
    assert f"{unanswered:,} never answered" in _texts(ax)
    assert sum(p.get_height() for p in ax.patches) + unanswered + int(
        ((shipped["response_days"] > 60) & ~shipped["response_censored"]).sum()) == len(shipped)


def test_rate_bars_have_intervals_and_suppressed_groups_are_words(shipped):
    small = shipped[shipped["industry"] == "hospitality"]
    table = response_rates_by_follow_up(small)
    ax = plots.plot_response_rates(table)
    bars = [p for p in ax.patches if p.get_height() > 0]
    shown = table[~table["suppressed"]]
    heights = sorted(round(b.get_height(), 6) for b in bars)
    assert heights == sorted(round(r, 6) for r in shown["rate"])
    assert _texts(ax).count("fewer\nthan 5") == int(table["suppressed"].sum())
    for n in table.loc[table["suppressed"], "n"]:
        assert n is not None  # NA, never a number on the plot
    assert "n=" in _texts(ax)


def test_where_you_are_writes_the_conditional_chance(shipped):
    ax = plots.plot_where_you_are(shipped, silent_days=14)
    chance = p_response_given_silent(shipped, (14,))[14]
    assert f"After 14 days of silence:\n{chance:.0%} chance of still hearing back" in _texts(ax)
    assert "you are here" in [line.get_label() for line in ax.get_lines()]


@pytest.mark.parametrize("call", [
    lambda df: plots.plot_still_waiting(df, max_days=0),
    lambda df: plots.plot_days_to_response(df, deadline_days=-1),
    lambda df: plots.plot_where_you_are(df, silent_days="ten"),
])
def test_bad_plot_arguments_are_input_errors(shipped, call):
    with pytest.raises(InputError):
        call(shipped)


def test_projector_style_enlarges_type_and_restores_it():
    before = matplotlib.rcParams["font.size"]
    with plots.projector_style():
        assert matplotlib.rcParams["font.size"] == 18
        ax = plots.plot_still_waiting(load_applications())
        assert ax.title.get_fontsize() == 22
    assert matplotlib.rcParams["font.size"] == before


def test_palette_is_okabe_ito():
    assert plots.OKABE_ITO["vermillion"] == "#D55E00"
    assert len(set(plots.OKABE_ITO.values())) == 8


def test_a_picture_carries_its_words_escaped_and_needs_them():
    import followup_lib as fc
    from followup_lib.errors import InputError

    data = fc.generate_applications(n=300, seed=3)
    shown = fc.picture(fc.plot_still_waiting, data, alt='Curve "A" <falls>')
    html = shown._repr_html_()
    assert html.startswith('<img class="fc-plot" alt="Curve &quot;A&quot; &lt;falls&gt;"')
    assert shown.png[:4] == b"\x89PNG" and "data:image/png;base64," in html
    for empty in ("", "   "):
        with pytest.raises(InputError, match="alt: is empty"):
            fc.picture(fc.plot_still_waiting, data, alt=empty)
