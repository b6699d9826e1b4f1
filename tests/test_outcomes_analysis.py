"""Time to response with censoring: Kaplan–Meier, conditional chances, follow-up rates."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_lib.errors import InputError
from followup_lib.outcomes.analysis import (fit_response_curve, median_days_to_response,
                                            naive_median_days, p_response_by_day,
                                            p_response_given_silent, summarise)
from followup_lib.outcomes.generator import generate_applications
from followup_lib.outcomes.loader import load_applications
from followup_lib.outcomes.rates import response_rates_by_follow_up, wilson_interval


@pytest.fixture(scope="module")
def shipped() -> pd.DataFrame:
    return load_applications()


def _waits(days, answered) -> pd.DataFrame:
    """A minimal table of waits: days and whether each was answered."""
    return pd.DataFrame({"response_days": np.asarray(days, dtype=float),
                         "response_censored": ~np.asarray(answered, dtype=bool)})


def test_the_library_median_is_kaplan_meier_not_the_naive_one(shipped):
    from lifelines import KaplanMeierFitter

    every_row = KaplanMeierFitter().fit(shipped["response_days"], ~shipped["response_censored"])
    median = median_days_to_response(shipped)
    assert median.days == every_row.median_survival_time_
    assert naive_median_days(shipped) != median.days
    report = summarise(shipped)
    assert report["median_days_to_response"]["days"] == median.days
    assert report["naive_median_days"] == naive_median_days(shipped)


def test_counting_rows_by_wait_gives_the_same_curve_and_band(shipped):
    from lifelines import KaplanMeierFitter

    every_row = KaplanMeierFitter(alpha=0.05).fit(shipped["response_days"],
                                                  ~shipped["response_censored"])
    counted = fit_response_curve(shipped)
    np.testing.assert_allclose(counted.survival_function_.to_numpy(),
                               every_row.survival_function_.to_numpy())
    np.testing.assert_allclose(counted.confidence_interval_.to_numpy(),
                               every_row.confidence_interval_.to_numpy())


def test_censored_rows_are_kept_at_risk(shipped):
    curve = fit_response_curve(shipped)
    assert curve.event_table["at_risk"].iloc[0] == len(shipped)
    assert curve.event_table["censored"].sum() == shipped["response_censored"].sum()


def test_a_hand_computed_example():
    # waits 1, 2, 3 answered; 2 and 4 unanswered: S(1)=4/5, S(2)=4/5*3/4, S(3)=S(2)*1/2
    table = _waits([1, 2, 2, 3, 4], [True, True, False, True, False])
    by_day = p_response_by_day(table, days=(0, 1, 2, 3, 10))
    assert by_day == pytest.approx({0: 0, 1: 0.2, 2: 0.4, 3: 0.7, 10: 0.7})
    # S(end) = 0.3; after 1 day of silence: 1 - 0.3 / 0.8
    assert p_response_given_silent(table, (1,))[1] == pytest.approx(1 - 0.3 / 0.8)
    assert median_days_to_response(table).days == 3
    assert naive_median_days(table) == 2


def test_nobody_answering_gives_no_median_and_null_json():
    table = _waits([5, 9, 12], [False, False, False])
    assert math.isinf(median_days_to_response(table).days)
    assert math.isnan(naive_median_days(table))
    assert summarise_waits_only(table)["days"] is None


def summarise_waits_only(table: pd.DataFrame) -> dict:
    return median_days_to_response(table).as_dict()


def test_p_response_given_silent_is_nan_when_nobody_is_still_waiting():
    table = _waits([1, 2, 3], [True, True, True])
    assert math.isnan(p_response_given_silent(table, (5,))[5])


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.booleans()), min_size=1, max_size=40))
def test_chances_are_probabilities_and_grow_with_time(waits):
    table = _waits([d for d, _ in waits], [a for _, a in waits])
    by_day = list(p_response_by_day(table, days=(0, 7, 14, 30, 90)).values())
    assert all(0 <= p <= 1 for p in by_day)
    assert by_day == sorted(by_day)
    silent = p_response_given_silent(table, (0, 7, 14))
    assert all(math.isnan(p) or -1e-12 <= p <= 1 for p in silent.values())


@pytest.mark.parametrize("bad", [(-1,), ("soon",), (math.inf,), (True,)])
def test_bad_days_are_input_errors(shipped, bad):
    with pytest.raises(InputError, match="days"):
        p_response_by_day(shipped, days=bad)


def test_tables_that_cannot_be_analysed_are_input_errors():
    with pytest.raises(InputError, match="has no rows"):
        median_days_to_response(_waits([], []))
    with pytest.raises(InputError, match="missing required column: response_censored"):
        fit_response_curve(pd.DataFrame({"response_days": [1.0]}))
    with pytest.raises(InputError, match="not checked durations"):
        fit_response_curve(_waits([-1, 2], [True, True]))
    with pytest.raises(InputError, match="confidence"):
        fit_response_curve(_waits([1, 2], [True, True]), confidence=1.5)


def test_wilson_interval_matches_a_published_value():
    low, high = wilson_interval([8], [10])  # Wilson (1927) score interval for 8/10
    assert (low[0], high[0]) == pytest.approx((0.4902, 0.9433), abs=1e-4)


@given(st.integers(1, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_interval_contains_the_rate_and_stays_in_0_1(counts):
    successes, trials = counts
    low, high = wilson_interval([successes], [trials])
    assert 0 <= low[0] <= successes / trials <= high[0] <= 1


def test_follow_up_rates_count_interviews_and_decisions(shipped):
    table = response_rates_by_follow_up(shipped)
    interviewed = shipped[shipped["interviewed"]]
    timing = table[table["factor"] == "follow_up_timing"]
    assert timing["n"].sum() == len(interviewed)
    early = interviewed[interviewed["follow_up_timing"] == "early"]
    row = timing.set_index("group").loc["early"]
    assert row["n"] == len(early)
    assert row["responded"] == (~early["decision_censored"].astype(bool)).sum()
    assert row["ci_lower"] <= row["rate"] <= row["ci_upper"]


def test_unrecorded_follow_ups_are_their_own_group_never_none(shipped):
    assert "unknown" not in set(response_rates_by_follow_up(shipped)["group"])
    table = shipped.copy()
    interviewed = np.flatnonzero(table["interviewed"].to_numpy())
    unrecorded = interviewed[:30]
    for column in ("follow_up_timing", "follow_up_channel"):
        table.loc[unrecorded, column] = "unknown"
    table.loc[unrecorded, ["follow_up_business_days", "second_attempt"]] = pd.NA
    rates = response_rates_by_follow_up(table).set_index(["factor", "group"])
    before = response_rates_by_follow_up(shipped).set_index(["factor", "group"])
    unknown = rates.loc[("follow_up_timing", "unknown")]
    assert unknown["n"] == 30
    assert unknown["responded"] == (~table.loc[unrecorded, "decision_censored"]).sum()
    timing = rates.loc["follow_up_timing"]
    assert timing["n"].sum() == before.loc["follow_up_timing", "n"].sum()
    assert list(timing.index) == ["early", "on_time", "late", "none", "unknown"]


def test_small_groups_are_suppressed_with_their_numbers(shipped):
    small = shipped[shipped["industry"] == "hospitality"]
    table = response_rates_by_follow_up(small)
    hidden = table[table["suppressed"]]
    assert len(hidden) >= 1
    assert hidden[["n", "responded", "rate", "ci_lower", "ci_upper"]].isna().all().all()
    shown = table[~table["suppressed"]]
    assert (shown["n"] >= 5).all()


def test_one_hidden_group_hides_a_second_so_it_cannot_be_subtracted(shipped):
    interviewed = shipped[shipped["interviewed"]]
    thanked = interviewed["thank_you_sent"].astype(bool)
    table = response_rates_by_follow_up(pd.concat([interviewed[thanked].head(3),
                                                   interviewed[~thanked].head(40)]))
    thanks = table[table["factor"] == "thank_you_sent"]
    assert thanks["suppressed"].all()


def test_k_must_be_a_positive_whole_number(shipped):
    with pytest.raises(InputError, match="k"):
        response_rates_by_follow_up(shipped, k=0)


def test_summary_has_the_documented_keys_and_is_strict_json(shipped):
    report = summarise(shipped).to_dict()
    assert {"n", "n_censored", "median_days_to_response", "naive_median_days",
            "p_response_by_day", "p_response_given_silent", "follow_up"} <= set(report)
    assert list(report["p_response_by_day"]) == [7, 14, 21, 28]
    assert list(report["p_response_given_silent"]) == [7, 14, 21]
    assert report["n"] == len(shipped)
    assert report["n_censored"] == int(shipped["response_censored"].sum())
    text = json.dumps(report, allow_nan=False)
    assert '"7":' in text


def test_summary_of_a_generated_cohort_with_tiny_groups():
    report = summarise(generate_applications(60, seed=2))
    suppressed = [row for row in report["follow_up"] if row["suppressed"]]
    assert suppressed and all(row["n"] is None and row["rate"] is None for row in suppressed)
