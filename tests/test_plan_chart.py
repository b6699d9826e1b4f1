"""The plan's timeline chart: what it draws, how status is told apart, projector mode."""

from __future__ import annotations

import io
import re
from datetime import date

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from followup_lib.etiquette.case import Case  # noqa: E402
from followup_lib.etiquette.plan import make_plan  # noqa: E402
from followup_lib.etiquette.plan_chart import (STATUS_MARKERS, STEP_LABELS, describe_plan_timeline,  # noqa: E402
                                               plot_plan_timeline)
from followup_lib.outcomes.plot_style import OKABE_ITO  # noqa: E402
from followup_lib.projector_mode import projector  # noqa: E402
from tests.helpers import case as make_case  # noqa: E402
from tests.helpers import contact  # noqa: E402

TODAY = date(2026, 11, 24)
THANKSGIVING = make_case(interview_end="2026-11-19T11:00:00-05:00", decision_by="2026-11-25",
                         contacts=[contact("thank_you", "2026-11-19")])


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")
    projector(False)


def draw(case=THANKSGIVING, today=TODAY, **kw):
    return plot_plan_timeline(make_plan(case, today=today), today=today, **kw)


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def step_markers(ax) -> dict:
    """Marker lines of the steps (one point each), keyed by their x position."""
    return {line.get_xdata()[0]: line for line in ax.lines
            if len(line.get_xdata()) == 1 and line.get_marker() in ("o", "D", "X")}


def test_returns_the_axes_with_one_row_per_step():
    plan = make_plan(THANKSGIVING, today=TODAY)
    ax = plot_plan_timeline(plan, today=TODAY)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [STEP_LABELS[s.step] for s in reversed(plan.steps)]
    assert len(step_markers(ax)) == len(plan.steps)


def test_done_and_to_do_differ_in_shape_fill_and_words():
    ax = draw()
    markers = step_markers(ax)
    thank_you = markers[date(2026, 11, 19).toordinal() + 0.5]
    follow_up = markers[date(2026, 11, 30).toordinal() + 0.5]
    assert thank_you.get_marker() == "o" and thank_you.get_markerfacecolor() != "white"
    assert follow_up.get_marker() == "D" and follow_up.get_markerfacecolor() == "white"
    assert "Thu 19 Nov \u00b7 done" in texts(ax) and "Mon 30 Nov \u00b7 to do" in texts(ax)


def test_a_missed_thank_you_is_a_cross():
    unsent = make_case()
    ax = draw(unsent, today=date(2026, 11, 25))
    assert any(line.get_marker() == "X" for line in step_markers(ax).values())
    assert any(t.endswith("\u00b7 missed") for t in texts(ax))


def test_today_is_a_labelled_line():
    ax = draw()
    lines = [line for line in ax.lines if list(line.get_xdata()) == [TODAY.toordinal() + 0.5] * 2]
    assert lines and lines[0].get_linestyle() == "--"
    assert "today, Tue 24 Nov" in texts(ax)


def legend(ax) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_holidays_are_shaded_and_named_by_country():
    ax = draw()
    assert "Thu 26 Nov: Thanksgiving Day" in legend(ax)
    assert any(p.get_hatch() for p in ax.patches)
    british = Case.from_dict({**THANKSGIVING.to_dict(), "country": "GB"})
    assert not any("Thanksgiving" in t for t in legend(draw(british)))
    assert not any(p.get_hatch() for p in draw(british).patches)


def test_many_holidays_are_counted_after_the_first_few():
    ax = draw(today=date(2027, 1, 25))        # Thanksgiving, Christmas, New Year, Martin Luther King Jr. Day
    named = [t for t in legend(ax) if ": " in t]
    assert len(named) == 3 and re.fullmatch(r"and \d+ more public holidays?", legend(ax)[-1])


def test_shading_can_be_left_out():
    ax = draw(shade_days_off=False)
    assert len(ax.patches) == 0
    assert "weekend" not in legend(ax) and not any("Thanksgiving" in t for t in legend(ax))


def test_the_follow_up_window_runs_to_the_late_day():
    ax = draw()
    spans = [line for line in ax.lines if len(line.get_xdata()) == 2 and line.get_xdata()[0] != line.get_xdata()[1]]
    starts = sorted(line.get_xdata()[0] for line in spans)
    ends = sorted(line.get_xdata()[1] for line in spans)
    assert starts[0] == date(2026, 11, 30).toordinal()              # due Mon 30 Nov (Thanksgiving)
    assert ends[-1] == date(2026, 12, 10).toordinal() + 1            # late after Thu 10 Dec
    followed = make_case(interview_end="2026-11-19T11:00:00-05:00", decision_by="2026-11-25",
                         contacts=[contact("thank_you", "2026-11-19"), contact("follow_up", "2026-11-30")])
    assert "ideal follow-up window" not in legend(draw(followed, today=date(2026, 12, 1)))


def test_legend_names_only_what_is_drawn():
    shown = legend(draw())
    assert {"done", "to do", "today", "weekend", "ideal follow-up window", "late after this day"} <= set(shown)
    assert "missed" not in shown


def test_the_figure_fits_its_rows_and_legend():
    from followup_lib.etiquette.plan_chart import chart_size

    plan = make_plan(THANKSGIVING, today=TODAY)
    figure = draw().get_figure()
    assert (figure.get_figwidth(), figure.get_figheight()) == chart_size(len(plan.steps), 2, False)[0]
    assert chart_size(6, 4, False)[0][1] > chart_size(6, 2, False)[0][1]


def test_colours_are_from_the_colour_blind_safe_palette():
    palette = {c.lower() for c in OKABE_ITO.values()}
    colours = {matplotlib.colors.to_hex(line.get_markeredgecolor()) for line in step_markers(draw()).values()}
    assert colours <= palette


def test_draws_on_a_given_axes_and_gives_it_a_layout():
    figure, ax = plt.subplots()
    assert draw(ax=ax) is ax
    assert figure.get_layout_engine() is not None


def test_projector_mode_uses_large_type_and_restores_it():
    size = matplotlib.rcParams["font.size"]
    projector(True)
    ax = draw()
    assert ax.get_yticklabels()[0].get_fontsize() >= 17
    assert ax.get_figure().get_figwidth() == 13
    assert matplotlib.rcParams["font.size"] == size
    projector(False)
    assert draw(projector=True).get_yticklabels()[0].get_fontsize() >= 17
    assert draw().get_yticklabels()[0].get_fontsize() < 17


def test_a_far_future_day_still_draws_with_years():
    ax = draw(today=date(2099, 12, 31))
    assert len(ax.patches) == 0                                      # no shading over 70 years
    assert "today, Thu 31 Dec 2099" in texts(ax)
    assert len(ax.get_xticks()) <= 9


def test_a_bad_day_is_an_input_error():
    from followup_lib.errors import InputError

    with pytest.raises(InputError, match="today: 9999-12-31 is outside the years"):
        plot_plan_timeline(make_plan(THANKSGIVING), today=date(9999, 12, 31))


def test_renders_to_png():
    buffer = io.BytesIO()
    draw().get_figure().savefig(buffer, format="png")
    assert buffer.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"


def test_describe_says_every_step_and_today():
    plan = make_plan(THANKSGIVING, today=TODAY)
    text = describe_plan_timeline(plan, today=TODAY)
    assert text.endswith("Today is Tue 24 Nov 2026. Public holidays: Thu 26 Nov Thanksgiving Day.")
    for step in plan.steps:
        assert STEP_LABELS[step.step] in text
    assert "Follow-up email Mon 30 Nov, to do" in text and STATUS_MARKERS["done"][2] in text
