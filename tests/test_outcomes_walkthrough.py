"""Problems found by a coach and an instructor reading ``followup analyse``.

A factor a file does not record is "not recorded in this file", not "fewer than k"; the
naive median is mentioned only when it differs from the Kaplan–Meier one.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from followup_lib.outcomes.analysis import naive_median_days, summarise
from followup_lib.outcomes.loader import load_applications
from followup_lib.outcomes.rates import response_rates_by_follow_up


@pytest.fixture(scope="module")
def shipped():
    return load_applications()


@pytest.fixture(scope="module")
def shipped_report(shipped):
    return summarise(shipped)


def like_a_tracker(table: pd.DataFrame, thank_you: bool = False) -> pd.DataFrame:
    """The shipped rows as an anonymised tracker holds them: follow-ups not recorded."""
    tracker = table.copy()
    interviewed = tracker["interviewed"].to_numpy()
    for column in ("follow_up_timing", "follow_up_channel"):
        tracker.loc[interviewed, column] = "unknown"
    tracker[["follow_up_business_days", "second_attempt"]] = pd.NA
    if not thank_you:
        tracker[["thank_you_sent", "thank_you_hours"]] = pd.NA
    return tracker


# --- 2. a factor that is not in the file --------------------------------------------------
def test_a_factor_missing_from_the_file_is_not_in_file_rather_than_suppressed(shipped):
    table = response_rates_by_follow_up(like_a_tracker(shipped)).set_index(["factor", "group"])
    for group in ("yes", "no"):
        row = table.loc[("thank_you_sent", group)]
        assert not row["in_file"] and not row["suppressed"] and pd.isna(row["n"])
    for group in ("early", "on_time", "late", "none"):
        assert not table.loc[("follow_up_timing", group), "in_file"]
    unknown = table.loc[("follow_up_timing", "unknown")]
    assert unknown["in_file"] and unknown["n"] == int(shipped["interviewed"].sum())


def test_the_text_report_says_not_recorded_for_a_missing_factor(shipped):
    text = str(summarise(like_a_tracker(shipped.head(300))))
    assert "thank-you              not recorded in this file" in text
    assert "follow-up timing       not recorded in this file" in text
    assert "fewer than" not in text
    assert text.count("not recorded in this file") == 2
    assert "follow-up not recorded" in text  # the unrecorded interviews keep their rate


def test_a_real_small_group_still_says_fewer_than_k(shipped):
    interviews = shipped[shipped["interviewed"]]
    thanked = interviews["thank_you_sent"].astype(bool)
    small = like_a_tracker(pd.concat([interviews[thanked].head(3), interviews[~thanked].head(40)]),
                           thank_you=True)
    table = response_rates_by_follow_up(small)
    thanks = table[table["factor"] == "thank_you_sent"]
    assert thanks["in_file"].all() and thanks["suppressed"].any()
    text = str(summarise(small))
    assert "fewer than 5 applications: not shown" in text
    assert "thank-you              not recorded" not in text


def test_a_file_with_no_interviews_shows_small_groups_not_missing_factors(shipped):
    table = response_rates_by_follow_up(shipped[~shipped["interviewed"]])
    assert table["in_file"].all() and table["suppressed"].all()


def test_the_json_report_carries_in_file(shipped):
    report = summarise(like_a_tracker(shipped.head(300))).to_dict()
    assert {row["group"]: row["in_file"] for row in report["follow_up"]}["yes"] is False


# --- 4. the naive median is mentioned only when it differs -------------------------------
def with_medians(report, naive, median):
    return dataclasses.replace(report, naive_median_days=naive, median_days_to_response={
        **report.median_days_to_response, "days": median})


def test_equal_medians_print_no_naive_sentence(shipped_report):
    text = str(with_medians(shipped_report, 7.0, 7.0))
    assert "Counting only answered" not in text


@pytest.mark.parametrize("naive, median", [(2.0, 7.0), (8.0, None)])
def test_a_shorter_naive_median_is_too_rosy(shipped_report, naive, median):
    text = str(with_medians(shipped_report, naive, median))
    assert f"would say {naive:g} days:\n  too rosy" in text


def test_a_longer_naive_median_is_not_called_rosy(shipped_report):
    text = str(with_medians(shipped_report, 9.0, 7.0))
    assert "would say 9 days, longer than" in text and "rosy" not in text


def test_the_naive_median_is_the_same_kind_of_median_as_kaplan_meier():
    # no censoring: both are the first day by which more than half had an answer (3, not 2)
    table = pd.DataFrame({"response_days": [1.0, 3.0], "response_censored": [False, False]})
    report = summarise(pd.concat([table] * 3, ignore_index=True).assign(
        interviewed=False, decision_censored=pd.NA, thank_you_sent=pd.NA,
        follow_up_timing="not_applicable", outcome="rejection"))
    assert report.naive_median_days == report.median_days_to_response["days"] == 3
    assert "Counting only answered" not in str(report)


def test_the_naive_median_is_never_longer_on_random_waits():
    rng = np.random.default_rng(3)
    for _ in range(10):
        days = rng.integers(0, 30, 40).astype(float)
        censored = rng.random(40) < 0.4
        table = pd.DataFrame({"response_days": days, "response_censored": censored})
        from followup_lib.outcomes.analysis import median_days_to_response

        assert naive_median_days(table) <= median_days_to_response(table).days
