"""The timeline planner, headless: set values, pick send dates, read what it shows."""

from __future__ import annotations

import base64
import re
import struct
from datetime import date, time

import pytest

from followup_lib.etiquette.plan import Plan
from followup_lib.etiquette.send_verdict import SendVerdict
from followup_lib.widgets.model import CaseModel
from followup_lib.widgets.planner import PlannerWidget
from followup_lib.widgets.timeline_planner import TimelinePlanner, TimelineResult
from followup_lib.workspace import LearnerFolder

TODAY = date(2026, 11, 24)
INTERVIEW = {"interview_day": date(2026, 11, 16), "interview_time": time(15), "timezone": "America/New_York",
             "decision_by": date(2026, 11, 20), "thank_you": date(2026, 11, 16)}


@pytest.fixture
def folder(tmp_path):
    return LearnerFolder(tmp_path / "my-work")


@pytest.fixture
def timeline(folder):
    widget = TimelinePlanner(today=TODAY, folder=folder)
    widget.set_values(**INTERVIEW)
    return widget


def chart_png(widget) -> bytes:
    match = re.search(r'src="data:image/png;base64,([^"]+)"', widget._chart.value)
    assert match, widget._chart.value[:200]
    return base64.b64decode(match.group(1))


def png_width(png: bytes) -> int:
    return struct.unpack(">I", png[16:20])[0]


def test_shows_advice_chart_plan_calendar_and_verdict(timeline):
    value = timeline.value
    assert isinstance(value, TimelineResult) and isinstance(value.plan, Plan)
    assert isinstance(value.verdict, SendVerdict)
    assert value.advice.action == "send_follow_up" and value.verdict.timing == "on_time"
    assert chart_png(timeline)[:8] == b"\x89PNG\r\n\x1a\n"
    assert 'alt="Timeline of the plan: Thank-you email Mon 16 Nov, done;' in timeline._chart.value
    assert "<table" in timeline._plan.value and 'download="follow-up-plan.ics"' in timeline._download.value
    assert "&#10004; On time" in timeline._verdict.value
    assert timeline._error.value == ""


def test_the_parts_come_in_reading_order(timeline):
    kids = list(timeline.children)
    order = [kids.index(part) for part in (timeline._advice, timeline._chart, timeline._plan, timeline._download,
                                          timeline._error)]
    assert order == sorted(order) and kids[-1] is timeline._error
    assert any(timeline._verdict in getattr(k, "children", ()) for k in kids)


@pytest.mark.parametrize("day, words, icon", [
    (date(2026, 11, 23), "Too early", "&#9719;"),
    (date(2026, 11, 24), "On time", "&#10004;"),
    (date(2026, 12, 1), "On time", "&#10004;"),
    (date(2026, 12, 8), "Late", "&#9888;"),
])
def test_follow_up_send_dates(timeline, day, words, icon):
    timeline._send_on.value = day
    assert f"{icon}" in timeline._verdict.value and words in timeline._verdict.value
    assert timeline.value.verdict.label == words and timeline.value.verdict.send == day


def test_the_reason_is_shown(timeline):
    timeline._send_on.value = date(2026, 11, 20)
    assert "too early: the decision date is Friday, November 20" in timeline._verdict.value
    assert "Window: from Tue 24 Nov, ideally by Wed 25 Nov, late after Mon 07 Dec." in timeline._verdict.value


@pytest.mark.parametrize("day, timing", [
    (date(2026, 11, 27), "too_early"), (date(2026, 12, 2), "on_time"), (date(2026, 12, 10), "late"),
])
def test_second_attempt_send_dates(timeline, day, timing):
    timeline.set_values(follow_up=date(2026, 11, 24), kind="second_attempt", send_on=day)
    assert timeline.value.verdict.kind == "second_attempt" and timeline.value.verdict.timing == timing
    assert f'data-timing="{timing}"' in timeline._verdict.value


def test_second_attempt_with_no_follow_up_says_to_send_that_first(timeline):
    timeline.set_values(kind="second_attempt", send_on=date(2026, 12, 3))
    assert "No follow-up is logged yet" in timeline._verdict.value


def test_picking_a_send_date_redraws_nothing_else(timeline):
    renders, plan, advice_html = timeline.chart_renders, timeline.value.plan, timeline._advice.value
    for day in (date(2026, 11, 17), date(2026, 11, 30), date(2026, 12, 20)):
        timeline._send_on.value = day
    timeline._kind.value = "call"
    assert timeline.chart_renders == renders
    assert timeline.value.plan is plan and timeline._advice.value == advice_html
    assert timeline.value.verdict.kind == "call"


def test_the_chart_redraws_when_the_plan_or_the_day_changes(timeline):
    renders, before = timeline.chart_renders, chart_png(timeline)
    timeline._inputs["decision_by"].value = date(2026, 11, 25)
    assert timeline.chart_renders == renders + 1 and chart_png(timeline) != before
    timeline._today.value = date(2026, 11, 18)
    assert timeline.chart_renders == renders + 2 and timeline.value.advice.action == "wait"
    assert "today, Wed 18 Nov" not in timeline._chart.value  # the label is drawn into the image...
    assert "Today is Wed 18 Nov 2026." in timeline._chart.value  # ...and said in its alt text


def test_nothing_changed_draws_no_chart(timeline):
    renders = timeline.chart_renders
    timeline.redraw()
    timeline._name.value = "acme"
    assert timeline.chart_renders == renders


def test_changing_the_day_changes_the_advice_not_the_send_date(timeline):
    timeline._send_on.value = date(2026, 11, 23)
    timeline._today.value = date(2026, 12, 1)
    assert timeline.model.today == date(2026, 12, 1) and timeline.value.advice.action == "send_follow_up"
    assert timeline.value.verdict.send == date(2026, 11, 23) and timeline.value.verdict.timing == "too_early"


def test_set_values_redraws_once(timeline, monkeypatch):
    import followup_lib.etiquette.advisor as module

    calls = []
    real = module.advise
    monkeypatch.setattr(module, "advise", lambda *a, **k: calls.append(a) or real(*a, **k))
    renders = timeline.chart_renders
    timeline.set_values(decision_by=date(2026, 11, 27), send_on=date(2026, 12, 1), kind="follow_up")
    assert len(calls) == 1 and timeline.chart_renders == renders + 1
    assert timeline.value.verdict.send == date(2026, 12, 1) and timeline.value.verdict.timing == "on_time"


# --- hostile input through the widget's own inputs ------------------------------------------------
def test_far_future_day_is_one_clear_line(timeline):
    timeline._today.value = date(9999, 12, 31)
    assert timeline.value is None and "outside the years" in timeline._error.value
    assert timeline._chart.value == "" and timeline._verdict.value == ""
    timeline._today.value = TODAY
    assert timeline.value.advice.action == "send_follow_up" and "<img" in timeline._chart.value


def test_far_future_day_inside_the_range_still_draws(timeline):
    timeline._today.value = date(2099, 12, 31)
    assert timeline.value is not None and "Today is Thu 31 Dec 2099." in timeline._chart.value


def test_far_future_send_date_is_an_error_under_the_question_only(timeline):
    timeline._send_on.value = date(9999, 1, 1)
    assert "send_date: 9999-01-01 is outside the years 1970 to 2099" in timeline._verdict.value
    assert timeline.value is not None and timeline.value.verdict is None
    assert "<img" in timeline._chart.value and timeline._error.value == ""
    timeline._send_on.value = date(2099, 12, 31)
    assert timeline.value.verdict.timing == "late"


def test_send_date_before_the_interview_is_a_message(timeline):
    timeline._send_on.value = date(2026, 11, 1)
    assert "send_date: 2026-11-01 is before the interview ended" in timeline._verdict.value
    assert timeline.value.verdict is None


def test_empty_send_date_is_a_message(timeline):
    timeline._send_on.value = None
    assert "Send on: is empty; pick the day you would send it" in timeline._verdict.value


def test_decision_date_before_the_interview_is_shown_not_raised(timeline):
    timeline._inputs["decision_by"].value = date(2026, 11, 1)
    assert timeline.value is None and timeline.model.error.startswith("decision_by: 2026-11-01 is before")
    assert "before the interview" in timeline._error.value and timeline._chart.value == ""
    timeline._send_on.value = date(2026, 11, 30)  # asking while the form is wrong: the same one line
    assert timeline.value is None and timeline._verdict.value == ""
    timeline._inputs["decision_by"].value = date(2026, 11, 20)
    assert timeline.value.verdict.send == date(2026, 11, 30) and "<img" in timeline._chart.value


def test_html_in_a_field_is_escaped(timeline):
    timeline._inputs["country"].value = "<script>alert(1)</script>"
    shown = timeline._advice.value + timeline._error.value + timeline._verdict.value + timeline._chart.value
    assert "<script>" not in shown and "&lt;script&gt;" in timeline._error.value


def test_html_in_a_loaded_case_never_reaches_the_page(folder):
    from followup_lib.etiquette.case import Case

    case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20",
                           "company": "<img src=x onerror=alert(1)>", "position": "<b>Analyst</b>"})
    widget = TimelinePlanner(today=TODAY, case=case, folder=folder)
    shown = "".join(part.value for part in (widget._advice, widget._plan, widget._verdict, widget._error))
    assert "onerror" not in widget._chart.value and "<b>Analyst" not in shown and "<img src=x" not in shown


# --- options and sharing ----------------------------------------------------------------------------
def test_starting_kind_and_send_date(folder):
    case_widget = TimelinePlanner(today=TODAY, folder=folder, kind="second_attempt", send_on=date(2026, 12, 2))
    case_widget.set_values(**INTERVIEW, follow_up=date(2026, 11, 24))
    assert case_widget._kind.value == "second_attempt" and case_widget.value.verdict.timing == "on_time"


def test_an_unknown_starting_kind_names_the_choices(folder):
    from followup_lib.errors import InputError

    with pytest.raises(InputError, match="kind: 'folow_up' is not a known value; did you mean 'follow_up'"):
        TimelinePlanner(today=TODAY, folder=folder, kind="folow_up")


def test_form_can_be_hidden_for_an_example(folder):
    from followup_lib.etiquette.case import Case

    case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    widget = TimelinePlanner(CaseModel(case, today=TODAY), folder=folder, form=False)
    form = widget.children[0]
    assert form.layout.display == "none" and widget.value.advice is not None and "<img" in widget._chart.value


def test_projector_draws_a_larger_chart(folder):
    small = TimelinePlanner(today=TODAY, folder=folder, projector=False)
    big = TimelinePlanner(today=TODAY, folder=folder, projector=True)
    for widget in (small, big):
        widget.set_values(**INTERVIEW)
    assert "fc-projector" in big._dom_classes and "fc-projector" not in small._dom_classes
    assert png_width(chart_png(big)) > png_width(chart_png(small))


def test_projector_mode_is_the_default(folder):
    from followup_lib.projector_mode import projector

    projector(True)
    try:
        widget = TimelinePlanner(today=TODAY, folder=folder)
    finally:
        projector(False)
    assert "fc-projector" in widget._dom_classes


def test_shares_one_case_with_a_planner(timeline, folder):
    planner = PlannerWidget(timeline.model, folder=folder)
    planner._inputs["decision_by"].value = date(2026, 11, 27)
    assert timeline.value.plan.case.decision_by == date(2026, 11, 27)
    assert timeline.form_values()["decision_by"] == date(2026, 11, 27)
    timeline.model.params = timeline.model.params.__class__(follow_up_grace=3, follow_up_ideal_max=3)
    assert timeline.value.verdict is not None and planner.value.action == "wait"


def test_save_and_load_still_work(timeline, folder):
    timeline._name.value = "acme"
    timeline._save.click()
    assert (folder.root / "acme.json").exists()
    fresh = TimelinePlanner(today=TODAY, folder=folder)
    fresh._name.value = "acme"
    fresh._load.click()
    assert fresh.case == timeline.case and fresh.value.verdict is not None
