"""Decision rates after an interview, by follow-up behaviour, with small groups hidden.

:func:`response_rates_by_follow_up` counts, for each thank-you and follow-up-timing
group, the interviews after which a decision was heard (:func:`decision_heard`), with a
Wilson interval (:func:`wilson_interval`). Groups under ``k`` rows are suppressed, and
when that hides a single group of a factor the next smallest is hidden too. A factor the
file does not record at all (a tracker with no thank-you column) is marked ``in_file``
False: not recorded, which is not the same as a small group. Pure numpy and pandas.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
import pandas as pd

from followup_lib.errors import InputError
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.outcomes.arguments import resolve_k
from followup_lib.outcomes.rules import ENDED_BY_EMPLOYER

#: Groups of :func:`response_rates_by_follow_up`, in display order. ``unknown`` timing is
#: an interview whose follow-up was not recorded (e.g. from a tracker): its own group,
#: never counted as ``none``.
FOLLOW_UP_GROUPS = {"thank_you_sent": ("yes", "no"),
                    "follow_up_timing": ("early", "on_time", "late", "none", "unknown")}
#: What each group is called in reports and on plots.
GROUP_NAMES = {"yes": "thank-you sent", "no": "no thank-you", "early": "follow-up early",
               "on_time": "follow-up on time", "late": "follow-up late", "none": "no follow-up",
               "unknown": "follow-up not recorded"}
#: What each factor is called in reports and on plots.
FACTOR_NAMES = {"thank_you_sent": "thank-you", "follow_up_timing": "follow-up timing"}
#: Groups listed only when at least one interview falls in them (the shipped synthetic
#: dataset records every follow-up, so its table has no ``unknown`` row).
GROUPS_SHOWN_IF_PRESENT = frozenset({"unknown"})
#: Columns :func:`response_rates_by_follow_up` needs.
_NEEDED = ("interviewed", "decision_censored", "thank_you_sent", "follow_up_timing", "outcome")


def wilson_interval(successes, trials, confidence: float = 0.95):
    """Wilson score interval of a proportion (vectorised; ``nan`` where trials is 0).

    Parameters
    ----------
    successes, trials : array-like of int
        Counts, ``0 <= successes <= trials``.
    confidence : float, default 0.95
        Level of the interval.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        Lower and upper bounds.

    Examples
    --------
    >>> low, high = wilson_interval([8], [10])
    >>> round(float(low[0]), 3), round(float(high[0]), 3)
    (0.49, 0.943)
    """
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    s = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = s / n
        denominator = 1 + z ** 2 / n
        centre = (p + z ** 2 / (2 * n)) / denominator
        half = z * np.sqrt(p * (1 - p) / n + z ** 2 / (4 * n ** 2)) / denominator
    # exact ends where rounding would leave 1e-16 gaps: 0 successes, or all of them
    low = np.where(s == 0, 0.0, np.clip(centre - half, 0, 1))
    high = np.where(s == n, 1.0, np.clip(centre + half, 0, 1))
    return np.where(n > 0, low, np.nan), np.where(n > 0, high, np.nan)


def _suppress_small(table: pd.DataFrame, k: int) -> pd.Series:
    """Groups to hide: under ``k`` rows, plus the next smallest where only one is hidden.

    Hiding a second group stops the hidden one being recovered by subtraction from the
    factor's total. Groups not in the file (``in_file`` False) are never hidden: they
    hold no one.
    """
    hidden = (table["n"] < k) & table["in_file"]
    for _, rows in table[table["in_file"]].groupby("factor", sort=False):
        small = hidden[rows.index]
        if small.sum() == 1 and len(rows) > 1:
            hidden[rows.loc[~small, "n"].idxmin()] = True
    return hidden


def decision_heard(df: pd.DataFrame) -> np.ndarray:
    """Where the candidate heard the employer's decision, one boolean per row.

    ``decision_censored`` False means heard. Where it is empty (files anonymised before
    it was always filled in), the outcome says it: an offer, a rejection or a removed
    post (:data:`~followup_lib.outcomes.rules.ENDED_BY_EMPLOYER`) is a decision heard; a
    withdrawal, a pending or unanswered application is not.

    Parameters
    ----------
    df : pandas.DataFrame
        Validated applications (``decision_censored``, ``outcome``).

    Returns
    -------
    numpy.ndarray
        Booleans, one per row.

    Examples
    --------
    >>> table = pd.DataFrame({"decision_censored": pd.array([False, True, None, None]),
    ...                       "outcome": ["rejection", "pending", "offer", "withdrawn"]})
    >>> decision_heard(table).tolist()
    [True, False, True, False]
    """
    censored = df["decision_censored"]
    by_outcome = df["outcome"].isin(ENDED_BY_EMPLOYER).to_numpy(dtype=bool)
    return np.where(censored.isna().to_numpy(), by_outcome,
                    ~censored.to_numpy(dtype=bool, na_value=True))


def require_columns(df: pd.DataFrame, names) -> None:
    """Raise InputError unless ``df`` is a table holding every column in ``names``.

    For the analyses here and in :mod:`~followup_lib.outcomes.analysis`, which need a
    few columns of a validated table.

    Parameters
    ----------
    df : pandas.DataFrame
        The table given to an analysis.
    names : iterable of str
        The columns it needs.

    Raises
    ------
    InputError
        Naming the first missing column (or saying ``df`` is not a table).

    Examples
    --------
    >>> require_columns(pd.DataFrame({"outcome": []}), ["outcome", "interviewed"])
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: columns: missing required column: interviewed; load the table with load_applications()
    """
    if not isinstance(df, pd.DataFrame):
        raise InputError("applications", f"expected a table, not {type(df).__name__}",
                         "load one with load_applications()")
    for column in names:
        if column not in df.columns:
            raise InputError("columns", f"missing required column: {column}",
                             "load the table with load_applications()")


def _count_by_group(df: pd.DataFrame) -> pd.DataFrame:
    """Interviews (``n``), decisions heard (``responded``) and ``in_file`` per group."""
    interviews = df[df["interviewed"].to_numpy(dtype=bool)]
    heard = decision_heard(interviews)
    labels = {"thank_you_sent": interviews["thank_you_sent"].map({True: "yes", False: "no"}),
              "follow_up_timing": interviews["follow_up_timing"].astype(object)}
    records = []
    for factor, groups in FOLLOW_UP_GROUPS.items():
        values = labels[factor].to_numpy(dtype=object)
        recorded = pd.Series(values).isin(groups).to_numpy() & (values != "unknown")
        factor_in_file = recorded.any() or len(values) == 0
        for group in groups:
            members = values == group
            if group in GROUPS_SHOWN_IF_PRESENT and not members.any():
                continue
            records.append({"factor": factor, "group": group, "n": int(members.sum()),
                            "responded": int(heard[members].sum()),
                            "in_file": bool(factor_in_file or members.any())})
    return pd.DataFrame(records)


def response_rates_by_follow_up(df: pd.DataFrame, *, params: Params = DEFAULTS,
                                k: int | None = None) -> pd.DataFrame:
    """Share of interviews that led to a decision, by thank-you and by follow-up timing.

    Every interviewed row counts; "responded" means a decision was heard
    (:func:`decision_heard`: from ``decision_censored``, or from the outcome where that
    is empty). Interviews whose follow-up was not recorded (``follow_up_timing``
    ``unknown``, as in an anonymised tracker) form their own ``unknown`` group, listed
    only when there are any: they are neither counted as ``none`` nor dropped.
    Interviews with an empty ``thank_you_sent`` are in no thank-you group. A factor that
    no interview of the file records (every ``thank_you_sent`` empty, or every
    follow-up ``unknown``) has its groups marked ``in_file`` False, with empty numbers:
    "not recorded in this file", which is not "fewer than k". These are associations in observational (here synthetic) data:
    candidates follow up only while still waiting, so the groups differ in more than
    their behaviour — no causal claim.

    Parameters
    ----------
    df : pandas.DataFrame
        Validated applications.
    params : Params, default ``DEFAULTS``
        Groups with fewer than ``params.k_anonymity`` rows (5 by default) are
        suppressed: flagged, with every number left empty. If that hides only one group
        of a factor, the next smallest is hidden too.
    k : int, optional
        An explicit smallest group size; it wins over ``params``.

    Returns
    -------
    pandas.DataFrame
        Columns ``factor``, ``group``, ``n``, ``responded``, ``rate``, ``ci_lower``,
        ``ci_upper`` (Wilson 95%), ``suppressed`` and ``in_file``; one row per group of
        :data:`FOLLOW_UP_GROUPS` (those of :data:`GROUPS_SHOWN_IF_PRESENT` only when
        they have rows).

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> table = response_rates_by_follow_up(load_applications())
    >>> table[["factor", "group", "n", "suppressed"]]
                 factor    group    n  suppressed
    0    thank_you_sent      yes  138       False
    1    thank_you_sent       no  423       False
    2  follow_up_timing    early   44       False
    3  follow_up_timing  on_time   25       False
    4  follow_up_timing     late   20       False
    5  follow_up_timing     none  472       False
    """
    require_columns(df, _NEEDED)
    k = resolve_k(k, params)
    table = _count_by_group(df)
    table["rate"] = table["responded"] / table["n"].where(table["n"] > 0)
    table["ci_lower"], table["ci_upper"] = wilson_interval(table["responded"], table["n"])
    table["suppressed"] = _suppress_small(table, k)
    table[["n", "responded"]] = table[["n", "responded"]].astype("Int64")
    empty = table["suppressed"] | ~table["in_file"]
    table.loc[empty, ["n", "responded", "rate", "ci_lower", "ci_upper"]] = pd.NA
    return table[["factor", "group", "n", "responded", "rate", "ci_lower", "ci_upper",
                  "suppressed", "in_file"]]
