"""A seeded synthetic applications dataset, calibrated on published figures.

:func:`generate_applications` simulates each application: the first response (or
silence), an interview for some, the candidate's thank-you and follow-up, the decision
(or silence). Each parameter is a named constant of
:mod:`~followup_lib.outcomes.calibration`, whose comment names its published source (see
``data/README.md``) or says **assumption**. Observation stops on
:data:`OBSERVATION_END`, so recent applications are censored, as in real trackers. The
simulation is vectorised (one draw per row per quantity, always in the same order): the
same seed gives the same rows, and a million rows take seconds. The follow-up effect is
an assumption; nothing here shows that following up works.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from followup_lib.etiquette.params import DEFAULT_DECISION_BUSINESS_DAYS, SECOND_ATTEMPT_AFTER
from followup_lib.outcomes.arguments import check_whole
from followup_lib.outcomes.calibration import (
    APPLICATION_SILENCE, COMPANY_SIZE_SHARES, DECISION_SPREAD, FIRST_APPLICATION,
    FOLLOW_UP_DAY_RANGES, FOLLOW_UP_EMAIL_SHARE, FOLLOW_UP_INTENT, FOLLOW_UP_REPLY_EFFECT,
    FOLLOW_UP_TIMING_SHARES, HOLIDAY_COUNTRY, INDUSTRY_SHARES, INTERVIEW_SHARE,
    INVITED_TO_CALL_SHARE, LAST_ROUND_SHARES, NO_INTERVIEW_OUTCOMES, OBSERVATION_END,
    OFFER_SHARE_BY_ROUND, PENDING_WITHIN_DAYS, POSITION_REMOVED_AFTER_INTERVIEW,
    POST_INTERVIEW_SILENCE, REPLY_AFTER_FOLLOW_UP_DAYS, RESPONSE_MEDIAN_DAYS, RESPONSE_SPREAD,
    ROLE_LEVEL_SHARES, SCHEDULING_DAYS, SECOND_ATTEMPT_SHARE, THANK_YOU_MEDIAN_HOURS,
    THANK_YOU_SHARE, THANK_YOU_SPREAD, TIMELINE_BUSINESS_DAYS, TIMELINE_GIVEN_SHARE,
    US_MEAN_PROCESS_DAYS, WITHDRAWN_AFTER_INTERVIEW, days_before_last_round,
    decision_median_days, process_days_by_industry,
)
from followup_lib.outcomes.schema import (COLUMN_NAMES, COMPANY_SIZE_CODES,
                                          FOLLOW_UP_CHANNEL_CODES, FOLLOW_UP_TIMING_CODES,
                                          INDUSTRY_CODES, INTERVIEW_ROUND_CODES,
                                          OUTCOME_CODES, ROLE_LEVEL_CODES, month_codes)


def _lognormal(rng: np.random.Generator, median, spread: float, n: int) -> np.ndarray:
    """Draw ``n`` log-normal values with the given median(s) and log-scale spread."""
    return np.asarray(median) * np.exp(spread * rng.standard_normal(n))


def _pick(rng: np.random.Generator, shares: dict, n: int) -> np.ndarray:
    """Draw ``n`` indices into ``list(shares)`` with the given probabilities."""
    return rng.choice(len(shares), size=n, p=np.array(list(shares.values())))


def _as_codes(picked: np.ndarray, shares: dict, codes: tuple[str, ...]) -> np.ndarray:
    """Map indices into ``list(shares)`` to indices into the schema's ``codes``."""
    return np.array([codes.index(key) for key in shares])[picked]


def _holidays() -> np.ndarray:
    """Public holidays over the observation window (and the follow-ups after it)."""
    import holidays

    years = range(FIRST_APPLICATION.astype(object).year, OBSERVATION_END.astype(object).year + 2)
    return np.array(sorted(holidays.country_holidays(HOLIDAY_COUNTRY, years=years)),
                    dtype="datetime64[D]")


def _application_stage(rng: np.random.Generator, n: int) -> dict:
    """Who applied where and when, and the employer's first response."""
    rows = {"industry": _pick(rng, INDUSTRY_SHARES, n),
            "company_size": _pick(rng, COMPANY_SIZE_SHARES, n),
            "role_level": _pick(rng, ROLE_LEVEL_SHARES, n)}
    window = int((OBSERVATION_END - FIRST_APPLICATION).astype(int)) + 1
    rows["applied"] = FIRST_APPLICATION + np.sort(rng.integers(0, window, n))
    rows["observed"] = (OBSERVATION_END - rows["applied"]).astype(np.int64)
    means = process_days_by_industry()
    rows["scale"] = np.array([means[k] for k in INDUSTRY_SHARES])[rows["industry"]] \
        / US_MEAN_PROCESS_DAYS
    silent = rng.random(n) < APPLICATION_SILENCE
    delay = _lognormal(rng, RESPONSE_MEDIAN_DAYS * rows["scale"], RESPONSE_SPREAD, n)
    rows["response_delay"] = delay
    rows["response_seen"] = ~silent & (np.floor(delay) <= rows["observed"])
    rows["response_days"] = np.where(rows["response_seen"], np.floor(delay), rows["observed"])
    rows["invited"] = rows["response_seen"] & (rng.random(n) < INTERVIEW_SHARE)
    rows["no_interview_outcome"] = _pick(rng, NO_INTERVIEW_OUTCOMES, n)
    return rows


def _interview_stage(rng: np.random.Generator, rows: dict, free_days: np.ndarray) -> None:
    """Interview dates, rounds, the decision's kind and timing, and the candidate's notes."""
    n = rows["observed"].size
    rows["last_round"] = _pick(rng, LAST_ROUND_SHARES, n)
    before_last = np.array([days_before_last_round(r) for r in LAST_ROUND_SHARES])
    lead = (rng.uniform(*SCHEDULING_DAYS, n) + before_last[rows["last_round"]]) * rows["scale"]
    rows["process_days"] = rows["response_delay"] + lead  # latent, before the decision
    interview_on = rows["applied"] + rows["response_days"].astype(np.int64) \
        + np.ceil(lead).astype(np.int64)
    rows["interview_on"] = np.busday_offset(interview_on, 0, roll="forward", holidays=free_days)
    rows["interviewed"] = rows["invited"] & (rows["interview_on"] <= OBSERVATION_END)
    rows["watched"] = np.maximum((OBSERVATION_END - rows["interview_on"]).astype(np.int64), 0)
    edges = np.cumsum([POST_INTERVIEW_SILENCE, WITHDRAWN_AFTER_INTERVIEW,
                       POSITION_REMOVED_AFTER_INTERVIEW])
    ending = np.searchsorted(edges, rng.random(n), side="right")  # 3 = a decision
    rows["silent"], rows["withdrawn"], rows["removed"] = ending == 0, ending == 1, ending == 2
    decision = _lognormal(rng, decision_median_days() * rows["scale"], DECISION_SPREAD, n)
    rows["process_days"] = rows["process_days"] + decision
    rows["event_day"] = np.where(rows["silent"], np.inf, np.floor(decision))
    offer_share = np.array([OFFER_SHARE_BY_ROUND[r] for r in LAST_ROUND_SHARES])
    rows["offer"] = rng.random(n) < offer_share[rows["last_round"]]
    rows["timeline_given"] = rng.random(n) < TIMELINE_GIVEN_SHARE
    lengths = np.array(list(TIMELINE_BUSINESS_DAYS))[_pick(rng, TIMELINE_BUSINESS_DAYS, n)]
    rows["timeline_days"] = np.where(rows["timeline_given"], lengths,
                                     DEFAULT_DECISION_BUSINESS_DAYS)
    rows["invited_to_call"] = rng.random(n) < INVITED_TO_CALL_SHARE
    rows["thank_you_sent"] = rng.random(n) < THANK_YOU_SHARE
    rows["thank_you_hours"] = np.round(
        _lognormal(rng, THANK_YOU_MEDIAN_HOURS, THANK_YOU_SPREAD, n), 1)


def _follow_up_stage(rng: np.random.Generator, rows: dict, free_days: np.ndarray) -> None:
    """When the candidate follows up, what it prompts, and the second attempt."""
    n = rows["observed"].size
    intent = rng.random(n) < FOLLOW_UP_INTENT
    rows["timing"] = _pick(rng, FOLLOW_UP_TIMING_SHARES, n)
    ranges = np.array([FOLLOW_UP_DAY_RANGES[t] for t in FOLLOW_UP_TIMING_SHARES])
    low = ranges[rows["timing"], 0]
    low = np.where(rows["timing"] == 0, np.maximum(low, 1 - rows["timeline_days"]), low)
    span = ranges[rows["timing"], 1] - low + 1
    rows["follow_up_days"] = low + np.floor(rng.random(n) * span).astype(np.int64)
    deadline = np.busday_offset(rows["interview_on"], rows["timeline_days"], roll="forward",
                                holidays=free_days)
    sent_on = np.busday_offset(deadline, rows["follow_up_days"], roll="forward",
                               holidays=free_days)
    sent_day = (sent_on - rows["interview_on"]).astype(np.int64)
    rows["followed_up"] = (rows["interviewed"] & intent & ~(rows["event_day"] < sent_day)
                           & (sent_day <= rows["watched"]))
    rows["by_email"] = rng.random(n) < FOLLOW_UP_EMAIL_SHARE
    effect = np.array([FOLLOW_UP_REPLY_EFFECT[t] for t in FOLLOW_UP_TIMING_SHARES])
    prompted = (rows["followed_up"] & rows["silent"]
                & (rng.random(n) < effect[rows["timing"]]))  # ASSUMPTION, see above
    reply_day = sent_day + rng.integers(REPLY_AFTER_FOLLOW_UP_DAYS[0],
                                        REPLY_AFTER_FOLLOW_UP_DAYS[1] + 1, n)
    rows["event_day"] = np.where(prompted, reply_day, rows["event_day"])
    rows["silent"] = rows["silent"] & ~prompted
    again_on = np.busday_offset(sent_on, SECOND_ATTEMPT_AFTER, roll="forward",
                                holidays=free_days)
    again_day = (again_on - rows["interview_on"]).astype(np.int64)
    rows["second_attempt"] = (rows["followed_up"] & ~(rows["event_day"] < again_day)
                              & (again_day <= rows["watched"])
                              & (rng.random(n) < SECOND_ATTEMPT_SHARE))


def _outcomes(rows: dict) -> None:
    """The outcome code and the decision's censoring for every row."""
    code = {name: OUTCOME_CODES.index(name) for name in OUTCOME_CODES}
    waiting = lambda days: np.where(days < PENDING_WITHIN_DAYS, code["pending"],  # noqa: E731
                                    code["no_response"])
    before = _as_codes(rows["no_interview_outcome"], NO_INTERVIEW_OUTCOMES, OUTCOME_CODES)
    outcome = np.where(~rows["response_seen"], waiting(rows["observed"]),
                       np.where(rows["invited"], code["pending"], before))
    heard = rows["event_day"] <= rows["watched"]
    decided = np.where(rows["offer"], code["offer"], code["rejection"])
    ending = np.where(rows["withdrawn"], code["withdrawn"],
                      np.where(rows["removed"], code["position_removed"], decided))
    after = np.where(heard, ending, waiting(rows["watched"]))
    rows["outcome"] = np.where(rows["interviewed"], after, outcome)
    rows["decision_censored"] = ~heard | rows["withdrawn"]
    rows["decision_days"] = np.where(heard, rows["event_day"], rows["watched"]).astype(float)


def _categorical(codes: np.ndarray, categories: tuple[str, ...]) -> pd.Categorical:
    """A categorical of the schema's ``categories`` from integer codes."""
    return pd.Categorical.from_codes(codes, categories=list(categories))


def _only_where(values: np.ndarray, keep: np.ndarray, dtype: str):
    """``values`` where ``keep`` is true, empty (NA) elsewhere, as a nullable array."""
    if dtype == "boolean":
        return pd.arrays.BooleanArray(values.astype(bool), ~keep)
    if dtype == "Int64":
        return pd.arrays.IntegerArray(values.astype(np.int64), ~keep)
    return np.where(keep, values, np.nan).astype(float)


def _follow_up_codes(rows: dict) -> tuple[pd.Categorical, pd.Categorical]:
    """``follow_up_timing`` and ``follow_up_channel`` as schema categoricals."""
    timing_names = np.array(list(FOLLOW_UP_TIMING_SHARES))[rows["timing"]]
    timing = np.where(rows["followed_up"], timing_names, "none")
    channel = np.where(rows["followed_up"], np.where(rows["by_email"], "email", "phone"), "none")
    timing = np.where(rows["interviewed"], timing, "not_applicable")
    channel = np.where(rows["interviewed"], channel, "not_applicable")
    return (pd.Categorical(timing, categories=FOLLOW_UP_TIMING_CODES),
            pd.Categorical(channel, categories=FOLLOW_UP_CHANNEL_CODES))


def _assemble(rows: dict) -> pd.DataFrame:
    """The rows as a typed DataFrame in the contract's column order."""
    n, seen = rows["observed"].size, rows["interviewed"]
    rounds = _as_codes(rows["last_round"], LAST_ROUND_SHARES, INTERVIEW_ROUND_CODES)
    timing, channel = _follow_up_codes(rows)
    frame = {
        "app_id": np.char.add("A", np.char.zfill(np.arange(1, n + 1).astype(str), 6))
                    .astype(object),
        "industry": _categorical(_as_codes(rows["industry"], INDUSTRY_SHARES, INDUSTRY_CODES),
                                 INDUSTRY_CODES),
        "company_size": _categorical(_as_codes(rows["company_size"], COMPANY_SIZE_SHARES,
                                               COMPANY_SIZE_CODES), COMPANY_SIZE_CODES),
        "role_level": _categorical(_as_codes(rows["role_level"], ROLE_LEVEL_SHARES,
                                             ROLE_LEVEL_CODES), ROLE_LEVEL_CODES),
        "applied_month": month_codes(rows["applied"]),
        "response_days": rows["response_days"].astype(float),
        "response_censored": ~rows["response_seen"],
        "interviewed": seen,
        "interview_round": _categorical(np.where(seen, rounds, 0), INTERVIEW_ROUND_CODES),
        "timeline_given": _only_where(rows["timeline_given"], seen, "boolean"),
        "timeline_business_days": _only_where(rows["timeline_days"],
                                              seen & rows["timeline_given"], "Int64"),
        "invited_to_call": _only_where(rows["invited_to_call"], seen, "boolean"),
        "thank_you_sent": _only_where(rows["thank_you_sent"], seen, "boolean"),
        "thank_you_hours": _only_where(rows["thank_you_hours"],
                                       seen & rows["thank_you_sent"], "float"),
        "follow_up_timing": timing,
        "follow_up_business_days": _only_where(rows["follow_up_days"], rows["followed_up"],
                                               "Int64"),
        "follow_up_channel": channel,
        "second_attempt": _only_where(rows["second_attempt"], seen, "boolean"),
        "decision_days": _only_where(rows["decision_days"], seen, "float"),
        "decision_censored": _only_where(rows["decision_censored"], seen, "boolean"),
        "outcome": _categorical(rows["outcome"], OUTCOME_CODES),
    }
    return pd.DataFrame(frame, columns=list(COLUMN_NAMES))


def simulate(n: int, seed: int) -> dict:
    """Run the simulation and return every latent and observed quantity as arrays.

    For checks of the calibration; :func:`generate_applications` keeps only what a
    tracker would record.

    Parameters
    ----------
    n, seed : int
        As for :func:`generate_applications`.

    Returns
    -------
    dict
        Name to numpy array of length ``n``, e.g. ``process_days`` (latent days from
        application to decision, before rounding and censoring), ``response_seen``,
        ``interviewed``, ``silent`` (no decision ever), ``followed_up``.

    Examples
    --------
    >>> rows = simulate(1000, seed=1)
    >>> rows["process_days"].shape, rows["interviewed"].dtype
    ((1000,), dtype('bool'))
    """
    check_whole(n, "n", 1, 3000, "a whole number of rows, 1 or more")
    check_whole(seed, "seed", 0, 2024, "a whole number, 0 or more")
    rng = np.random.default_rng(seed)
    free_days = _holidays()
    rows = _application_stage(rng, int(n))
    _interview_stage(rng, rows, free_days)
    _follow_up_stage(rng, rows, free_days)
    _outcomes(rows)
    return rows


def generate_applications(n: int = 3000, seed: int = 2024) -> pd.DataFrame:
    """Generate ``n`` synthetic applications, the same ones for the same ``seed``.

    Parameters
    ----------
    n : int, default 3000
        Number of rows (applications), 1 or more.
    seed : int, default 2024
        Seed of numpy's random generator; the shipped dataset uses the defaults.

    Returns
    -------
    pandas.DataFrame
        One row per application, with the columns and types of
        :data:`~followup_lib.outcomes.schema.COLUMNS`, in order of application date;
        ``app_id`` runs ``A000001``, ``A000002``, ...

    Raises
    ------
    InputError
        If ``n`` or ``seed`` is not a whole number in range.

    Examples
    --------
    >>> df = generate_applications(1000, seed=7)
    >>> df.shape
    (1000, 21)
    >>> df.equals(generate_applications(1000, seed=7))
    True
    >>> 0.25 < float(df["response_censored"].mean()) < 0.5
    True
    """
    return _assemble(simulate(n, seed))
