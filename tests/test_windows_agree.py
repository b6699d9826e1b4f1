"""One rule, one place: the advisor, the plan and the reviewer read the same windows.

Property tests over any valid case and any day (hypothesis), plus the issue's own example.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_lib.etiquette.advisor import advise
from followup_lib.etiquette.plan import make_plan
from followup_lib.etiquette.windows import windows
from followup_lib.messages.timing import timing_findings
from tests.helpers import case, contact
from tests.test_etiquette_properties import cases

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
days_around = st.integers(-3, 150)

#: The plan step each action (and, for ``wait``, each stage) acts on.
STEP_OF = {"send_thank_you": "thank_you", "thank_you_late": "thank_you", "send_follow_up": "follow_up",
           "second_attempt": "second_attempt", "follow_new_timeline": "follow_up",
           "reply_to_employer": "reply_to_employer", "move_on": "move_on"}
WAIT_STEP = {3: "follow_up", 6: "second_attempt", 7: "move_on"}


def _day(c, offset):
    return c.interview_date + timedelta(days=offset)


@SETTINGS
@given(cases(), days_around)
def test_advice_and_plan_agree_on_the_next_step_and_its_day(c, offset):
    today = _day(c, offset)
    a = advise(c, today=today)
    if a.action == "done" or today < c.interview_date:
        return
    if a.action == "wait" and a.stage == 6 and len(a.dates.attempts) == 0:
        return  # not reached: waiting in stage 6 always follows an attempt
    name = WAIT_STEP[a.stage] if a.action == "wait" else STEP_OF[a.action]
    step = make_plan(c, today=today).step(name)
    assert step is not None and not step.done, (a.action, name)
    if a.action == "move_on":
        assert a.next_date is None and step.due == c.calendar.next_business_day(today)
    else:
        assert step.due == a.next_date, (a.action, name, step, a.next_date)


@SETTINGS
@given(cases(), days_around)
def test_no_attempt_or_move_on_before_the_follow_up_date(c, offset):
    today = _day(c, offset)
    a = advise(c, today=today)
    if a.action in ("send_follow_up", "second_attempt", "move_on"):
        assert today >= a.dates.follow_up_due, (a.action, today, a.dates.follow_up_due)
    plan = make_plan(c, today=today)
    win = windows(c, today=today)
    for name in ("second_attempt", "move_on"):
        step = plan.step(name)
        if step is not None and not step.done:
            assert step.due >= win.follow_up_due


near_the_windows = st.integers(-8, 25)


@SETTINGS
@given(cases(), near_the_windows, st.sampled_from(["follow_up", "second_attempt"]))
def test_the_reviewer_times_a_message_as_the_advisor_would(c, offset, kind):
    """A message sent on a day the advisor says to send it is not 'late'; one sent while the
    advisor says to wait for that step is 'too early'. Days are drawn around the window
    that matters (the follow-up date, or the second attempt's date)."""
    win = windows(c)
    anchor = win.second_attempt_due if kind == "second_attempt" and win.attempts else win.follow_up_due
    today = anchor + timedelta(days=offset)
    if today < c.interview_date:
        return
    a = advise(c, today=today)
    late = [f for f in timing_findings(kind, c, today, today=today) if f.rule == "late"]
    if kind == "follow_up" and not a.dates.attempts:
        if a.action == "send_follow_up" and today <= a.dates.follow_up_late_after:
            assert late == []
        if a.action in ("wait", "follow_new_timeline") and a.stage in (3, 6):
            assert late and "too early" in late[0].message
    if kind == "second_attempt" and len(a.dates.attempts) == 1:
        if a.action == "second_attempt":
            assert late == []
        if a.action == "wait" and a.stage == 6:
            assert late and "wait until" in late[0].message


@SETTINGS
@given(cases(), st.integers(0, 120), st.integers(1, 60))
def test_a_warning_about_a_past_contact_is_given_once(c, offset, later):
    """Warnings about something already sent appear on the day it went out, never again."""
    today = _day(c, offset)
    past = {"too_early", "too_many_contacts", "call_not_permitted", "thank_you_not_email"}
    for day in (today, today + timedelta(days=later)):
        a = advise(c, today=day)
        sent_today = {c.local_date(x.at) for x in c.contacts} & {day}
        if not sent_today:
            assert not [w for w in a.warnings if w.rule in past], (day, a.warnings)


def test_the_issue_example_agrees_everywhere():
    """Decision date Fri 11 Dec, a follow-up sent far too early on 17 Nov."""
    c = case(decision_by="2026-12-11", contacts=[contact("thank_you", "2026-11-16"),
                                                 contact("follow_up", "2026-11-17")])
    for day in (date(2026, 11, 24), date(2026, 12, 1), date(2026, 12, 14)):
        a = advise(c, today=day)
        assert a.action == "wait" and a.next_date == date(2026, 12, 15)
        assert make_plan(c, today=day).step("second_attempt").due == date(2026, 12, 15)
        assert [f.rule for f in timing_findings("second_attempt", c, day)] == ["late"]
    assert advise(c, today=date(2026, 12, 15)).action == "second_attempt"
    assert timing_findings("second_attempt", c, date(2026, 12, 15)) == []
    assert [w.rule for w in advise(c, today=date(2026, 11, 17)).warnings] == ["too_early"]
    assert advise(c, today=date(2026, 11, 18)).warnings == ()
