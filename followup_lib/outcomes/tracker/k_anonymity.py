"""k-anonymity for the anonymiser: generalise quasi-identifiers, then suppress.

The quasi-identifiers (:data:`QUASI_IDENTIFIERS`) are coarsened step by step along
:data:`LADDER`, only for rows whose group is still smaller than ``k``; rows still in a
group smaller than ``k`` after the last step are dropped by :func:`k_anonymise`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.outcomes.arguments import resolve_k

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


def k_anonymise(table: pd.DataFrame, *, params: Params = DEFAULTS,
                k: int | None = None) -> KAnonymous:
    """Generalise quasi-identifiers along :data:`LADDER`, then suppress what is left.

    Only rows in a group smaller than ``k`` are coarsened at each step, so rows already
    in large enough groups keep their detail. Deterministic.

    Parameters
    ----------
    table : pandas.DataFrame
        Holds :data:`QUASI_IDENTIFIERS` as text codes and ``outcome``.
    params : Params, default ``DEFAULTS``
        ``params.k_anonymity`` is the smallest group size allowed.
    k : int, optional
        An explicit smallest group size, 1 or more; it wins over ``params``.

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
    k = resolve_k(k, params)
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
