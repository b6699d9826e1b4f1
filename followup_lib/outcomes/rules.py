"""Rules between the columns of the applications table, each with its problem and fix.

A :class:`Rule` marks the rows of a typed table that break it (vectorised, one boolean
per row); :func:`~followup_lib.outcomes.schema.validate_applications` runs every rule of
:data:`RULES` and names the first broken row. The follow-up codes carry three kinds of
"no follow-up day": ``none`` (interviewed, did not follow up), ``unknown`` (interviewed,
follow-up not recorded, e.g. a tracker without follow-up columns) and ``not_applicable``
(not interviewed).

After an interview, ``decision_censored`` says whether the candidate heard the employer's
decision (:data:`ENDED_BY_EMPLOYER`); a candidate who withdrew heard none. Its
``decision_days`` may be empty when the days are not known (a tracker without decision or
interview dates): the decision is then known from the outcome, its timing is not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from followup_lib.etiquette.params import DEFAULTS, FOLLOW_UP_GRACE, LATE_AFTER, Params
from followup_lib.outcomes.arguments import check_params

#: Outcomes that are an employer's decision.
DECIDED = ("offer", "rejection")
#: Outcomes by which the employer ended an application; after an interview, the candidate
#: heard a decision (a removed post is the employer's word too). ``withdrawn`` is not one:
#: the candidate ended the wait without hearing a decision.
ENDED_BY_EMPLOYER = DECIDED + ("position_removed",)
#: ``follow_up_timing`` codes of a follow-up that was sent.
SENT = ("early", "on_time", "late")


def follow_up_timing_code(business_days, *, params: Params = DEFAULTS) -> np.ndarray:
    """Timing codes of follow-up days: ``early``, ``on_time`` or ``late``.

    ``early`` below ``params.follow_up_grace``, ``on_time`` up to ``params.late_after``,
    else ``late``. The applications table's codes follow the defaults
    (``FOLLOW_UP_GRACE``, ``LATE_AFTER``: the datasheet's contract), so the rules check
    them with :data:`~followup_lib.etiquette.params.DEFAULTS`.

    Parameters
    ----------
    business_days : array-like of int
        Follow-up days, in business days after the deadline (negative: before it).
    params : Params, default ``DEFAULTS``
        Where the limits between the codes lie.

    Returns
    -------
    numpy.ndarray
        Object array of timing codes, one per day.

    Examples
    --------
    >>> follow_up_timing_code([-1, 1, 2, 10, 11]).tolist()
    ['early', 'early', 'on_time', 'on_time', 'late']
    >>> follow_up_timing_code([2, 10], params=Params(follow_up_grace=3, late_after=8)).tolist()
    ['early', 'late']
    """
    params = check_params(params)
    days = np.asarray(business_days)
    return np.where(days < params.follow_up_grace, "early",
                    np.where(days <= params.late_after, "on_time", "late")).astype(object)


def _true(series: pd.Series) -> np.ndarray:
    """Where a (nullable) boolean column is True; empty counts as not True."""
    return series.to_numpy(dtype=bool, na_value=False)


def _false(series: pd.Series) -> np.ndarray:
    """Where a (nullable) boolean column is False; empty counts as not False."""
    return ~series.to_numpy(dtype=bool, na_value=True)


def _is(series: pd.Series, *codes: str) -> np.ndarray:
    """Where a (categorical) column holds one of ``codes``.

    A categorical is looked up through its few categories rather than hashed row by row;
    empty cells (code -1, the lookup's last entry) hold none of the codes.
    """
    if not isinstance(series.dtype, pd.CategoricalDtype):
        return series.isin(codes).to_numpy()
    wanted = np.append(series.cat.categories.isin(codes), False)
    return wanted[series.cat.codes.to_numpy()]


def _timing_mismatch(df: pd.DataFrame) -> np.ndarray:
    """Where follow_up_business_days is given but disagrees with follow_up_timing."""
    days, timing = df["follow_up_business_days"], df["follow_up_timing"]
    given = np.flatnonzero(days.notna().to_numpy())  # few rows: compare only those
    broken = np.zeros(len(df), dtype=bool)
    expected = follow_up_timing_code(days.iloc[given].to_numpy(dtype=np.int64))
    actual = timing.iloc[given].astype(object).to_numpy()
    broken[given] = ~_is(timing.iloc[given], *SENT) | (expected != actual)
    return broken


def _codes_disagree(df: pd.DataFrame, code: str) -> np.ndarray:
    """Where exactly one of follow_up_timing and follow_up_channel holds ``code``."""
    return _is(df["follow_up_timing"], code) != _is(df["follow_up_channel"], code)


@dataclass(frozen=True)
class Rule:
    """A rule between ``columns`` (space-separated): ``broken(df)`` marks rows breaking it."""

    name: str
    columns: str
    problem: str
    fix: str
    broken: Callable[[pd.DataFrame], np.ndarray]


RULES: tuple[Rule, ...] = (
    Rule("censored_response_decided", "response_censored outcome",
         "no response was seen, yet the outcome is an offer or a rejection",
         "set response_censored to False (with the days to the reply), or fix the outcome",
         lambda d: d["response_censored"].to_numpy() & _is(d["outcome"], *DECIDED)),
    Rule("censored_decision_decided", "decision_censored outcome",
         "no decision was heard, yet the outcome is an offer or a rejection",
         "set decision_censored to False, or fix the outcome",
         lambda d: _true(d["decision_censored"]) & _is(d["outcome"], *DECIDED)),
    Rule("interview_without_response", "interviewed response_censored",
         "an interview is a response, yet response_censored is True",
         "set response_censored to False and response_days to the days to the invitation",
         lambda d: d["interviewed"].to_numpy() & d["response_censored"].to_numpy()),
    Rule("interview_values_without_interview",
         "interviewed timeline_given decision_days decision_censored",
         "has interview-stage values although interviewed is False",
         "set interviewed to True, or leave those cells empty",
         lambda d: ~d["interviewed"].to_numpy() & d[["timeline_given", "decision_days",
                                                     "decision_censored"]].notna().any(axis=1)),
    Rule("interview_codes_without_interview",
         "interviewed interview_round follow_up_timing follow_up_channel",
         "is not interviewed, so interview_round must be 'none' and the follow-up codes "
         "'not_applicable'", "fix interviewed or those codes",
         lambda d: ~d["interviewed"].to_numpy() & (
             ~_is(d["interview_round"], "none") | ~_is(d["follow_up_timing"], "not_applicable")
             | ~_is(d["follow_up_channel"], "not_applicable"))),
    Rule("not_applicable_after_interview",
         "interviewed follow_up_timing follow_up_channel",
         "is interviewed, so the follow-up codes cannot be 'not_applicable' (not interviewed)",
         "use 'unknown' when the follow-up was not recorded, 'none' when there was none",
         lambda d: d["interviewed"].to_numpy() & (
             _is(d["follow_up_timing"], "not_applicable")
             | _is(d["follow_up_channel"], "not_applicable"))),
    Rule("interview_without_round", "interviewed interview_round",
         "is interviewed but interview_round is 'none'", "name the last round, or 'unknown'",
         lambda d: d["interviewed"].to_numpy() & _is(d["interview_round"], "none")),
    Rule("decision_days_without_censoring", "decision_days decision_censored",
         "gives decision_days but not decision_censored (decision_days alone may be empty, "
         "when the days are not known)",
         "fill in decision_censored (True = no decision heard) or clear decision_days",
         lambda d: (d["decision_days"].notna() & d["decision_censored"].isna()).to_numpy()),
    Rule("withdrawn_with_decision_heard", "decision_censored outcome",
         "the candidate withdrew, so heard no employer decision, yet decision_censored is "
         "False", "set decision_censored to True (decision_days: the days until the "
         "withdrawal, or empty)",
         lambda d: _false(d["decision_censored"]) & _is(d["outcome"], "withdrawn")),
    Rule("channel_disagrees_with_timing", "follow_up_timing follow_up_channel",
         "disagree on whether a follow-up was sent ('unknown' fits any code but 'none' and "
         "'not_applicable')", "use 'none' (or 'not_applicable') in both",
         lambda d: _codes_disagree(d, "none") | _codes_disagree(d, "not_applicable")),
    Rule("timing_disagrees_with_days", "follow_up_timing follow_up_business_days",
         f"disagree (early: below {FOLLOW_UP_GRACE} business days, on_time: {FOLLOW_UP_GRACE} "
         f"to {LATE_AFTER}, late: above; no days without a follow-up)", "fix one of the two",
         _timing_mismatch),
    Rule("timeline_days_without_timeline", "timeline_given timeline_business_days",
         "gives a timeline length but timeline_given is not True", "fix one of the two",
         lambda d: d["timeline_business_days"].notna().to_numpy() & ~_true(d["timeline_given"])),
    Rule("thank_you_hours_without_thank_you", "thank_you_sent thank_you_hours",
         "gives thank-you hours but thank_you_sent is not True", "fix one of the two",
         lambda d: d["thank_you_hours"].notna().to_numpy() & ~_true(d["thank_you_sent"])),
    Rule("second_attempt_without_follow_up", "second_attempt follow_up_timing",
         "records a second attempt but no follow-up", "fix one of the two",
         lambda d: _true(d["second_attempt"]) & ~_is(d["follow_up_timing"], *SENT, "unknown")),
)
