"""How fast employers respond, with censoring: unanswered applications are kept.

An application with no response yet is *censored*: the wait lasted at least
``response_days``. Dropping those rows (the "naive" median) makes employers look faster
than they are; the Kaplan–Meier estimator keeps them. Functions take a validated table
(:func:`~followup_lib.outcomes.loader.load_applications`); the curve functions also take
a curve from :func:`fit_response_curve`, so a widget can fit once. ``lifelines`` is
imported inside the functions that need it. The decision rates by follow-up behaviour
are in :mod:`~followup_lib.outcomes.rates`; :func:`summarise` reports both.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from followup_lib.errors import InputError
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.outcomes.arguments import check_days, resolve_k
from followup_lib.outcomes.rates import require_columns, response_rates_by_follow_up
from followup_lib.outcomes.summary import Summary

#: Days at which :func:`summarise` reports P(response by day t).
REPORT_DAYS = (7, 14, 21, 28)
#: Days of silence at which :func:`summarise` reports P(any response | silent so far).
REPORT_SILENT_DAYS = (7, 14, 21)


@dataclass(frozen=True)
class MedianDays:
    """A median number of days with its confidence interval (``inf``: not reached)."""

    days: float
    ci_lower: float
    ci_upper: float

    def as_dict(self, digits: int = 1) -> dict:
        """Rounded values, ``None`` where the median is not reached (JSON-friendly).

        Parameters
        ----------
        digits : int, default 1
            Decimal places kept.

        Returns
        -------
        dict
            ``days``, ``ci_lower`` and ``ci_upper``.

        Examples
        --------
        >>> MedianDays(7.0, 6.0, math.inf).as_dict()
        {'days': 7.0, 'ci_lower': 6.0, 'ci_upper': None}
        """
        return {name: _json_number(value, digits) for name, value in vars(self).items()}


def response_durations(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Days waited and whether each was answered, as arrays; InputError if unusable.

    Parameters
    ----------
    df : pandas.DataFrame
        Validated applications (``response_days``, ``response_censored``).

    Returns
    -------
    days : numpy.ndarray
        Days to the response, or days watched without one.
    answered : numpy.ndarray
        True where a response came (not censored).

    Examples
    --------
    >>> days, answered = response_durations(
    ...     pd.DataFrame({"response_days": [3.0, 40.0], "response_censored": [False, True]}))
    >>> days.tolist(), answered.tolist()
    ([3.0, 40.0], [True, False])
    """
    require_columns(df, ("response_days", "response_censored"))
    if len(df) == 0:
        raise InputError("applications", "has no rows", "choose a table with applications")
    days = pd.to_numeric(df["response_days"], errors="coerce").to_numpy(dtype=float)
    censored = df["response_censored"]
    if not (np.isfinite(days).all() and (days >= 0).all()
            and pd.api.types.is_bool_dtype(censored.dtype) and not censored.isna().any()):
        raise InputError("response_days / response_censored", "are not checked durations",
                         "load the table with load_applications() (it validates)")
    return days, ~censored.to_numpy(dtype=bool)


def fit_response_curve(df: pd.DataFrame, confidence: float = 0.95):
    """Fit the Kaplan–Meier curve of days to the first response.

    Censored rows (no response yet) stay in: each counts as "still waiting" up to its
    ``response_days``. Rows are first counted per distinct (days, answered) pair and
    fitted with those counts as weights, which gives the same curve and Greenwood
    interval as fitting every row, in a fraction of the time on a million rows.

    Parameters
    ----------
    df : pandas.DataFrame
        Validated applications (``response_days``, ``response_censored``).
    confidence : float, default 0.95
        Level of the pointwise confidence band.

    Returns
    -------
    lifelines.KaplanMeierFitter
        ``survival_function_`` is the probability of *still* having no response.

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> curve = fit_response_curve(load_applications())
    >>> int(curve.event_table["at_risk"].iloc[0])  # every row, answered or not
    3000
    """
    from lifelines import KaplanMeierFitter

    if not 0 < confidence < 1:
        raise InputError("confidence", f"must be between 0 and 1, not {confidence!r}",
                         "give e.g. 0.95")
    days, answered = response_durations(df)
    counts = pd.DataFrame({"days": days, "answered": answered}).value_counts(sort=False)
    keys = counts.index.to_frame(index=False)
    fitter = KaplanMeierFitter(label="still waiting", alpha=1 - confidence)
    return fitter.fit(keys["days"], keys["answered"], weights=counts.to_numpy(dtype=float))


def as_response_curve(data):
    """A fitted curve: fit a table, or pass a fitted KaplanMeierFitter through.

    Parameters
    ----------
    data : pandas.DataFrame or lifelines.KaplanMeierFitter
        A table to fit with :func:`fit_response_curve`, or a curve, returned as it is.

    Returns
    -------
    lifelines.KaplanMeierFitter

    Examples
    --------
    >>> table = pd.DataFrame({"response_days": [1.0, 2.0], "response_censored": [False, True]})
    >>> curve = as_response_curve(table)
    >>> as_response_curve(curve) is curve
    True
    """
    return data if hasattr(data, "survival_function_") else fit_response_curve(data)


def median_days_to_response(data) -> MedianDays:
    """Median days to a first response (Kaplan–Meier), with its confidence interval.

    Parameters
    ----------
    data : pandas.DataFrame or lifelines.KaplanMeierFitter
        Validated applications, or a curve from :func:`fit_response_curve`.

    Returns
    -------
    MedianDays
        ``days`` when half of all applications (answered or not) have had a response;
        ``inf`` when the curve never drops to one half. The interval is where the
        band's edges cross one half.

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> median_days_to_response(load_applications())
    MedianDays(days=7.0, ci_lower=6.0, ci_upper=7.0)
    """
    from lifelines.utils import median_survival_times

    curve = as_response_curve(data)
    band = median_survival_times(curve.confidence_interval_)
    return MedianDays(float(curve.median_survival_time_), float(band.iloc[0, 0]),
                      float(band.iloc[0, 1]))


def _checked_days(days, field: str) -> list[float]:
    """Day values as a list of numbers 0 or more, or InputError naming ``field``."""
    values = list(np.atleast_1d(np.asarray(days, dtype=object)))
    for value in values:
        check_days(value, field, example="(7, 14, 21)")
    return values


def p_response_by_day(data, days=REPORT_DAYS) -> dict:
    """Chance that an application has had a response by each day: 1 − S(t).

    Parameters
    ----------
    data : pandas.DataFrame or lifelines.KaplanMeierFitter
        Validated applications, or a fitted curve.
    days : sequence of numbers, default (7, 14, 21, 28)
        Days after applying.

    Returns
    -------
    dict
        Day to probability (0 to 1).

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> chances = p_response_by_day(load_applications(), days=(7, 28))
    >>> {day: round(p, 2) for day, p in chances.items()}
    {7: 0.52, 28: 0.62}
    """
    curve = as_response_curve(data)
    wanted = _checked_days(days, "days")
    still_waiting = curve.survival_function_at_times(wanted).to_numpy()
    return {day: float(1 - s) for day, s in zip(wanted, still_waiting)}


def p_response_given_silent(data, silent_days=REPORT_SILENT_DAYS) -> dict:
    """Chance of any response eventually, after ``s`` days of silence: 1 − S(∞)/S(s).

    S(∞) is taken as the curve's last value. Caveat: that is the share still waiting
    at the longest wait observed, not forever; answers later than anything in the data
    are not counted, so the result is a floor, and it rests on few rows when ``s`` is
    near the end of the data. It is ``nan`` where nobody is still waiting at ``s``.

    Parameters
    ----------
    data : pandas.DataFrame or lifelines.KaplanMeierFitter
        Validated applications, or a fitted curve.
    silent_days : sequence of numbers, default (7, 14, 21)
        Days of silence so far.

    Returns
    -------
    dict
        Days of silence to probability (0 to 1).

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> curve = fit_response_curve(load_applications())  # fit once, ask many times
    >>> after = p_response_given_silent(curve, silent_days=(7, 21))
    >>> round(after[7], 2), round(after[21], 2)
    (0.26, 0.08)
    """
    curve = as_response_curve(data)
    wanted = _checked_days(silent_days, "silent_days")
    at_end = float(curve.survival_function_.iloc[-1, 0])
    waiting = curve.survival_function_at_times(wanted).to_numpy()
    return {day: (float(1 - at_end / s) if s > 0 else math.nan)
            for day, s in zip(wanted, waiting)}


def naive_median_days(df: pd.DataFrame) -> float:
    """Median days to response over answered rows only — biased, for teaching.

    Dropping the unanswered (censored) rows keeps only the fast answers, so this is
    never longer than the Kaplan–Meier median. It is the same kind of median: the first
    day by which more than half of the (answered) applications had their answer, as
    :func:`median_days_to_response` takes it, so the two differ only by the rows left out.

    Parameters
    ----------
    df : pandas.DataFrame
        Validated applications.

    Returns
    -------
    float
        That day; ``nan`` if no row was answered.

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> naive_median_days(load_applications())
    2.0
    >>> naive_median_days(pd.DataFrame({"response_days": [1.0, 3.0],
    ...                                 "response_censored": [False, False]}))
    3.0
    """
    days, answered = response_durations(df)
    waits = np.sort(days[answered])
    return float(waits[waits.size // 2]) if waits.size else math.nan


def _json_number(value: float, digits: int):
    """Round a number for a report; ``None`` for nan or infinity."""
    return round(float(value), digits) if math.isfinite(value) else None


def _plain(value):
    """A table cell as a plain JSON value: ``None`` for missing, Python bool/int/float."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    return _json_number(value, 4) if isinstance(value, (float, np.floating)) else value


def summarise(df: pd.DataFrame, *, params: Params = DEFAULTS, k: int | None = None) -> Summary:
    """The report behind ``followup analyse``: waiting times, chances, follow-up table.

    Parameters
    ----------
    df : pandas.DataFrame
        Validated applications.
    params : Params, default ``DEFAULTS``
        ``params.k_anonymity`` is the smallest group shown in the follow-up table.
    k : int, optional
        An explicit smallest group; it wins over ``params``.

    Returns
    -------
    Summary
        ``n``, ``n_censored``, ``n_interviewed``, ``median_days_to_response`` (``days``,
        ``ci_lower``, ``ci_upper``; ``None`` if not reached), ``naive_median_days``,
        ``p_response_by_day`` (keys 7, 14, 21, 28), ``p_response_given_silent`` (keys
        7, 14, 21), ``follow_up`` (records of :func:`response_rates_by_follow_up`,
        ``None`` for suppressed numbers) and ``k``. Days are rounded to 0.1,
        probabilities to 0.0001; the values are plain Python types, and
        :meth:`~followup_lib.outcomes.summary.Summary.to_dict` gives them as a JSON-ready
        dict. A notebook shows the summary as a table; ``print`` shows it as text.

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> report = summarise(load_applications())
    >>> report.n, report.n_censored, report.median_days_to_response["days"]
    (3000, 1088, 7.0)
    >>> report.naive_median_days < report.median_days_to_response["days"]
    True
    """
    k = resolve_k(k, params)
    curve = fit_response_curve(df)
    table = response_rates_by_follow_up(df, k=k)
    follow_up = tuple({key: _plain(value) for key, value in record.items()}
                      for record in table.to_dict("records"))
    return Summary(
        n=int(len(df)),
        n_censored=int(df["response_censored"].sum()),
        n_interviewed=int(df["interviewed"].sum()),
        median_days_to_response=median_days_to_response(curve).as_dict(),
        naive_median_days=_json_number(naive_median_days(df), 1),
        p_response_by_day={int(d): _json_number(p, 4) for d, p in
                           p_response_by_day(curve, REPORT_DAYS).items()},
        p_response_given_silent={int(d): _json_number(p, 4) for d, p in
                                 p_response_given_silent(curve, REPORT_SILENT_DAYS).items()},
        follow_up=follow_up,
        k=k,
    )
