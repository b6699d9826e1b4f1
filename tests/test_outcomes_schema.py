"""The applications column contract: types, codes, and every rule naming row and column."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_lib.errors import InputError
from followup_lib.etiquette.params import FOLLOW_UP_GRACE, LATE_AFTER
from followup_lib.outcomes.generator import generate_applications
from followup_lib.outcomes.rules import RULES, follow_up_timing_code
from followup_lib.outcomes.schema import (COLUMN_NAMES, COLUMNS, applications_schema,
                                          validate_applications)


@pytest.fixture(scope="module")
def good() -> pd.DataFrame:
    """A valid typed table with interviewed rows and follow-ups."""
    return generate_applications(400, seed=11)


def _row(df: pd.DataFrame, **conditions) -> int:
    """Position of the first row matching all ``column=value`` conditions."""
    mask = np.ones(len(df), dtype=bool)
    for column, value in conditions.items():
        mask &= (df[column] == value).to_numpy(dtype=bool, na_value=False)
    return int(np.flatnonzero(mask)[0])


def _error(df: pd.DataFrame) -> str:
    with pytest.raises(InputError) as caught:
        validate_applications(df)
    return str(caught.value)


def test_generated_rows_have_the_contract_types(good):
    typed = validate_applications(good)
    assert list(typed.columns) == list(COLUMN_NAMES)
    expected = {"category": "category", "float": "float64", "Int64": "Int64", "bool": "bool",
                "boolean": "boolean", "id": "object", "month": "object"}
    for spec in COLUMNS:
        assert typed[spec.name].dtype.name == expected[spec.kind], spec.name
        if spec.kind == "category":
            assert tuple(typed[spec.name].cat.categories) == spec.codes


def test_text_cells_are_typed_and_the_input_is_left_alone(good):
    raw = good.astype(str)
    before = raw.copy()
    typed = validate_applications(raw)
    assert raw.equals(before)
    pd.testing.assert_frame_equal(typed, good)


def test_pandera_schema_accepts_typed_rows_and_rejects_a_negative(good):
    schema = applications_schema()
    schema.validate(good)
    bad = good.copy()
    bad.loc[0, "response_days"] = -1.0
    with pytest.raises(Exception, match="response_days"):
        schema.validate(bad)


def test_missing_and_unexpected_columns_are_named(good):
    assert "missing required column(s): outcome" in _error(good.drop(columns="outcome"))
    assert "unexpected column(s): Company" in _error(good.assign(Company="x"))


def test_a_misspelt_column_gets_a_suggestion(good):
    message = _error(good.rename(columns={"response_days": "respons_days"}))
    assert "missing required column(s): response_days" in message
    assert "is 'respons_days' meant to be 'response_days'? rename it" in message


def test_a_raw_tracker_is_pointed_to_the_anonymiser(good):
    assert "anonymise_file() first" in _error(pd.DataFrame({"Company": ["Acme"]}))


@pytest.mark.parametrize("column, value, words", [
    ("response_days", "soon", "'soon' is not a number"),
    ("response_days", -3.0, "a response cannot come before the application"),
    ("industry", "banking", "'banking' is not a industry code"),
    ("response_censored", "maybe", "'maybe' is not True or False"),
    ("response_censored", None, "is empty"),
    ("applied_month", "2024-13", "'2024-13' is not a month"),
    ("app_id", None, "is empty"),
    ("response_days", np.inf, "is infinite"),
])
def test_a_bad_cell_is_named_by_row_app_id_and_column(good, column, value, words):
    bad = good.astype(object)
    bad.loc[7, column] = value
    message = _error(bad)
    assert message.startswith(f"row 8 (app_id A000008), column '{column}'") or \
        (column == "app_id" and message.startswith("row 8, column 'app_id'"))
    assert words in message


def test_a_decision_before_the_interview_is_refused(good):
    bad = good.copy()
    where = _row(good, interviewed=True)
    bad.loc[where, "decision_days"] = -2.0
    message = _error(bad)
    assert f"row {where + 1} " in message and "'decision_days'" in message
    assert "a decision cannot come before the interview" in message


def test_duplicate_ids_name_both_rows(good):
    bad = good.copy()
    bad.loc[9, "app_id"] = bad.loc[2, "app_id"]
    message = _error(bad)
    assert message.startswith("row 3 (app_id A000003), column 'app_id'")
    assert "duplicates the app_id of row 10" in message


def test_non_whole_business_days_are_refused(good):
    bad = good.copy().astype({"timeline_business_days": "float64"})
    where = _row(good, timeline_given=True)
    bad.loc[where, "timeline_business_days"] = 2.5
    assert "2.5 is not a whole number" in _error(bad)


@pytest.mark.parametrize("find, change, rule", [
    (dict(response_censored=True), dict(outcome="offer"), "censored_response_decided"),
    (dict(interviewed=True, decision_censored=True), dict(outcome="rejection"),
     "censored_decision_decided"),
    (dict(interviewed=True, outcome="no_response"), dict(response_censored=True),
     "interview_without_response"),
    (dict(interviewed=False), dict(decision_days=3.0, decision_censored=False),
     "interview_values_without_interview"),
    (dict(interviewed=True), dict(interview_round="none"), "interview_without_round"),
    (dict(interviewed=True), dict(decision_censored=pd.NA), "decision_days_without_censoring"),
    (dict(interviewed=True, outcome="withdrawn"), dict(decision_censored=False),
     "withdrawn_with_decision_heard"),
    (dict(interviewed=True), dict(follow_up_timing="not_applicable",
                                  follow_up_channel="not_applicable"),
     "not_applicable_after_interview"),
    (dict(follow_up_timing="none"), dict(follow_up_channel="email"),
     "channel_disagrees_with_timing"),
    (dict(follow_up_timing="none"), dict(follow_up_channel="unknown"),
     "channel_disagrees_with_timing"),
    (dict(follow_up_timing="early"), dict(follow_up_business_days=LATE_AFTER + 5),
     "timing_disagrees_with_days"),
    (dict(timeline_given=False), dict(timeline_business_days=5),
     "timeline_days_without_timeline"),
    (dict(thank_you_sent=False), dict(thank_you_hours=3.0), "thank_you_hours_without_thank_you"),
    (dict(follow_up_timing="none"), dict(second_attempt=True), "second_attempt_without_follow_up"),
])
def test_each_rule_between_columns_names_the_row_and_its_columns(good, find, change, rule):
    bad = good.copy()
    where = _row(good, **find)
    for column, value in change.items():
        bad.loc[where, column] = value
    message = _error(bad)
    spec = next(r for r in RULES if r.name == rule)
    assert message.startswith(f"row {where + 1} (app_id {good.loc[where, 'app_id']}), columns ")
    assert all(f"'{column}'" in message for column in spec.columns.split())
    assert spec.problem in message


def test_every_rule_is_tested():
    tested = {"censored_response_decided", "censored_decision_decided",
              "interview_without_response", "interview_values_without_interview",
              "interview_without_round", "decision_days_without_censoring",
              "channel_disagrees_with_timing", "timing_disagrees_with_days",
              "timeline_days_without_timeline", "thank_you_hours_without_thank_you",
              "second_attempt_without_follow_up", "interview_codes_without_interview",
              "not_applicable_after_interview", "withdrawn_with_decision_heard"}
    assert {rule.name for rule in RULES} == tested


@pytest.mark.parametrize("outcome, censored", [("rejection", False), ("pending", True)])
def test_decision_days_may_be_unknown_when_the_decision_is_known(good, outcome, censored):
    table = good.copy()
    where = _row(good, interviewed=True, outcome=outcome)
    table.loc[where, "decision_days"] = float("nan")
    typed = validate_applications(table)
    assert pd.isna(typed.loc[where, "decision_days"])
    assert typed.loc[where, "decision_censored"] == censored


def test_codes_without_an_interview_are_refused(good):
    bad = good.copy()
    where = _row(good, interviewed=False)
    bad.loc[where, "interview_round"] = "phone"
    assert "interview_round must be 'none'" in _error(bad)


def test_unknown_follow_up_is_accepted_after_an_interview_only(good):
    known = good.copy()
    where = _row(good, interviewed=True, follow_up_timing="none")
    known.loc[where, ["follow_up_timing", "follow_up_channel"]] = "unknown"
    known.loc[where, "second_attempt"] = True  # a follow-up whose timing was not recorded
    assert validate_applications(known).loc[where, "follow_up_timing"] == "unknown"
    bad = good.copy()
    where = _row(good, interviewed=False)
    bad.loc[where, ["follow_up_timing", "follow_up_channel"]] = "unknown"
    assert "the follow-up codes 'not_applicable'" in _error(bad)


def test_unknown_timing_with_follow_up_days_is_refused(good):
    bad = good.copy()
    where = int(np.flatnonzero(good["follow_up_business_days"].notna().to_numpy())[0])
    bad.loc[where, "follow_up_timing"] = "unknown"
    assert "columns 'follow_up_timing', 'follow_up_business_days'" in _error(bad)


def test_a_table_is_required():
    with pytest.raises(InputError, match="expected a table"):
        validate_applications([1, 2, 3])


@given(st.integers(-20, 40))
def test_timing_codes_follow_the_etiquette_parameters(days):
    code = follow_up_timing_code([days])[0]
    if days < FOLLOW_UP_GRACE:
        assert code == "early"
    elif days <= LATE_AFTER:
        assert code == "on_time"
    else:
        assert code == "late"


@settings(max_examples=15, deadline=None)
@given(n=st.integers(1, 60), seed=st.integers(0, 10_000))
def test_any_generated_table_survives_a_trip_through_text(n, seed):
    table = generate_applications(n, seed)
    pd.testing.assert_frame_equal(validate_applications(table.astype(str)), table)
