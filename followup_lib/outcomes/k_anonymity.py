"""k-anonymity for the anonymiser: generalise quasi-identifiers, then suppress.

The quasi-identifiers (:data:`QUASI_IDENTIFIERS`) are coarsened step by step along
:data:`LADDER`, only for rows whose group is still smaller than ``k``; rows still in a
group smaller than ``k`` after the last step are dropped by :func:`k_anonymise`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from followup_lib.errors import InputError
from followup_lib.etiquette.params import K_ANONYMITY

#: Columns that, together, could single out an application; each group of equal
#: values has at least ``k`` rows in the output.
QUASI_IDENTIFIERS = ("industry", "company_size", "role_level", "applied_month",
                     "interview_round")


@dataclass(frozen=True)
class Generalisation:
    """One coarsening step: ``rows`` rows of ``column`` went from one level to another."""

    column: str
    from_level: str
    to_level: str
    rows: int


def _to_quarter(months: pd.Series) -> pd.Series:
    """``YYYY-MM`` months to ``YYYY-Qn``; other values unchanged."""
    is_month = months.str.fullmatch(r"\d{4}-\d{2}")
    quarter = (pd.to_numeric(months.str[5:7], errors="coerce") - 1) // 3 + 1
    return months.where(~is_month, months.str[:4] + "-Q" + quarter.astype("Int64").astype(str))


def _to_year(months: pd.Series) -> pd.Series:
    """Months and quarters to their year; ``unknown`` unchanged."""
    return months.where(months == "unknown", months.str[:4])


def _constant(code: str, keep: tuple[str, ...] = ()):
    """A coarsening that turns every value but those in ``keep`` into ``code``."""
    return lambda values: values.where(values.isin(keep), code)


#: The generalisation ladder, tried in this order on rows whose group is too small.
LADDER = (
    ("applied_month", "month", "quarter", _to_quarter),
    ("applied_month", "quarter", "year", _to_year),
    ("company_size", "size", "unknown", _constant("unknown")),
    ("interview_round", "round", "unknown", _constant("unknown", keep=("none",))),
    ("industry", "industry", "other", _constant("other", keep=("unknown",))),
    ("role_level", "level", "unknown", _constant("unknown")),
    ("industry", "other", "unknown", _constant("unknown")),
    ("applied_month", "year", "unknown", _constant("unknown")),
)


def check_k(k: object) -> None:
    """Raise InputError unless ``k`` is a whole number, 1 or more.

    Parameters
    ----------
    k : object
        The smallest group size asked for (a Python or numpy integer).

    Raises
    ------
    InputError
        Naming ``k`` and the fix.

    Examples
    --------
    >>> check_k(5)
    >>> check_k(0)
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: k: must be a whole number of 1 or more, not 0; give e.g. 5
    """
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise InputError("k", f"must be a whole number of 1 or more, not {k!r}", "give e.g. 5")


def group_sizes(table: pd.DataFrame) -> pd.Series:
    """For each row, the number of rows sharing its :data:`QUASI_IDENTIFIERS`.

    Parameters
    ----------
    table : pandas.DataFrame
        Holds :data:`QUASI_IDENTIFIERS` and ``outcome``.

    Returns
    -------
    pandas.Series
        One group size per row, on the table's index.

    Examples
    --------
    >>> t = pd.DataFrame({"industry": "tech", "company_size": "small", "role_level": "mid",
    ...                   "interview_round": "none", "applied_month": ["2024-01"] * 2
    ...                   + ["2024-02"], "outcome": "pending"})
    >>> group_sizes(t).tolist()
    [2, 2, 1]
    """
    return table.groupby(list(QUASI_IDENTIFIERS), sort=False)["outcome"].transform("size")


def k_anonymise(table: pd.DataFrame, k: int = K_ANONYMITY
                ) -> tuple[pd.DataFrame, tuple[Generalisation, ...]]:
    """Generalise quasi-identifiers along :data:`LADDER`, then suppress what is left.

    Only rows in a group smaller than ``k`` are coarsened at each step, so rows already
    in large enough groups keep their detail. Deterministic.

    Parameters
    ----------
    table : pandas.DataFrame
        Holds :data:`QUASI_IDENTIFIERS` as text codes and ``outcome``.
    k : int
        The smallest group size allowed.

    Returns
    -------
    table : pandas.DataFrame
        Every group of quasi-identifiers has ``k`` rows or more (suppressed rows gone).
    steps : tuple of Generalisation
        The steps that changed at least one row, in order.

    Examples
    --------
    >>> t = pd.DataFrame({"industry": "tech", "company_size": "unknown",
    ...                   "role_level": "entry", "interview_round": "none",
    ...                   "applied_month": ["2021-11"] * 3 + ["2021-12"] * 2 + ["2021-10"],
    ...                   "outcome": "pending"})
    >>> out, steps = k_anonymise(t, k=3)
    >>> out["applied_month"].tolist()
    ['2021-11', '2021-11', '2021-11', '2021-Q4', '2021-Q4', '2021-Q4']
    >>> steps
    (Generalisation(column='applied_month', from_level='month', to_level='quarter', rows=3),)
    """
    check_k(k)
    table = table.copy()
    steps = []
    sizes = group_sizes(table)
    for column, from_level, to_level, coarsen in LADDER:
        at_risk = sizes < k
        if not at_risk.any():
            break
        before = table.loc[at_risk, column]
        after = coarsen(before)
        changed = int((after != before).sum())
        if changed:
            table.loc[at_risk, column] = after
            steps.append(Generalisation(column, from_level, to_level, changed))
            sizes = group_sizes(table)  # only a change can move a row between groups
    return table[sizes >= k], tuple(steps)
