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


def check_whole(value: object, field: str, minimum: int, example: object,
                wanted: str | None = None) -> None:
    """Raise InputError unless ``value`` is a whole number (Python or numpy), ``minimum`` or more.

    Parameters
    ----------
    value : object
        The value given.
    field : str
        Its name in the message.
    minimum : int
        The smallest value allowed.
    example : object
        A good value, for the fix.
    wanted : str, optional
        What the message says is wanted; ``a whole number of <minimum> or more`` by default.

    Raises
    ------
    InputError
        Naming ``field``, the value given and an example.

    Examples
    --------
    >>> check_whole(3, "n", 1, 3000)
    >>> check_whole(-1, "seed", 0, 2024, "a whole number, 0 or more")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: seed: must be a whole number, 0 or more, not -1; give e.g. 2024
    """
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise InputError(field, f"must be {wanted or f'a whole number of {minimum} or more'}, "
                         f"not {value!r}", f"give e.g. {example}")


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
    check_whole(k, "k", 1, 5)


def _grouped(table: pd.DataFrame):
    """``table``'s ``outcome`` grouped by :data:`QUASI_IDENTIFIERS` (the one groupby)."""
    return table.groupby(list(QUASI_IDENTIFIERS), sort=False)["outcome"]


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
    return _grouped(table).transform("size")


@dataclass(frozen=True)
class KAnonymous:
    """What :func:`k_anonymise` returns.

    Attributes
    ----------
    table : pandas.DataFrame
        Every group of quasi-identifiers has ``k`` rows or more (suppressed rows gone).
    steps : tuple of Generalisation
        The steps that changed at least one row, in order.
    k_achieved : int
        The smallest group in ``table`` (0 when every row was suppressed).
    groups : int
        The number of groups in ``table``.
    """

    table: pd.DataFrame
    steps: tuple[Generalisation, ...]
    k_achieved: int
    groups: int


def k_anonymise(table: pd.DataFrame, k: int = K_ANONYMITY) -> KAnonymous:
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
    KAnonymous
        The k-anonymous table, the generalisation steps, the smallest group and the
        number of groups.

    Examples
    --------
    >>> t = pd.DataFrame({"industry": "tech", "company_size": "unknown",
    ...                   "role_level": "entry", "interview_round": "none",
    ...                   "applied_month": ["2021-11"] * 3 + ["2021-12"] * 2 + ["2021-10"],
    ...                   "outcome": "pending"})
    >>> result = k_anonymise(t, k=3)
    >>> result.table["applied_month"].tolist()
    ['2021-11', '2021-11', '2021-11', '2021-Q4', '2021-Q4', '2021-Q4']
    >>> result.steps
    (Generalisation(column='applied_month', from_level='month', to_level='quarter', rows=3),)
    >>> result.k_achieved, result.groups
    (3, 2)
    """
    check_k(k)
    table = table.copy()
    steps = []
    grouped = _grouped(table)
    sizes = grouped.transform("size")
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
            grouped = _grouped(table)  # only a change can move a row between groups
            sizes = grouped.transform("size")
    kept_groups = grouped.size()
    kept_groups = kept_groups[kept_groups >= k]  # suppression drops whole groups
    return KAnonymous(table[sizes >= k], tuple(steps),
                      int(kept_groups.min()) if len(kept_groups) else 0, len(kept_groups))
