"""The applications dataset's column contract: names, types, codes and validation.

One row is one job application, in the shipped synthetic dataset and in a coach's tracker
after the anonymiser alike. :func:`validate_applications` types a raw frame and checks
every rule, raising :class:`~followup_lib.errors.InputError` with the row, the column and
the fix. Checks are vectorised (codes and months on their distinct values only), so a
million rows validate in seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from followup_lib.errors import InputError
from followup_lib.etiquette.params import FOLLOW_UP_GRACE, LATE_AFTER
from followup_lib.outcomes.rules import RULES
from followup_lib.suggest import closest

# --- codes ---------------------------------------------------------------------------
INDUSTRY_CODES = ("tech", "finance", "healthcare", "government", "retail", "hospitality",
                  "education", "manufacturing", "staffing", "other", "unknown")
COMPANY_SIZE_CODES = ("small", "medium", "large", "unknown")
ROLE_LEVEL_CODES = ("entry", "mid", "senior", "unknown")
INTERVIEW_ROUND_CODES = ("none", "phone", "one_on_one", "panel", "final", "unknown")
#: Follow-up codes: ``unknown`` = interviewed but the follow-up is not recorded;
#: ``not_applicable`` = not interviewed (see :mod:`~followup_lib.outcomes.rules`).
FOLLOW_UP_TIMING_CODES = ("none", "early", "on_time", "late", "unknown", "not_applicable")
FOLLOW_UP_CHANNEL_CODES = ("email", "phone", "none", "unknown", "not_applicable")
OUTCOME_CODES = ("offer", "rejection", "withdrawn", "position_removed", "no_response",
                 "pending")

#: ``company_size`` by staff head-count: ``small`` below SMALL_COMPANY_STAFF, ``medium``
#: below LARGE_COMPANY_STAFF, ``large`` from it on.
SMALL_COMPANY_STAFF, LARGE_COMPANY_STAFF = 50, 1000

#: ``applied_month``: a month, or a quarter or year when generalised for k-anonymity.
MONTH_PATTERN = re.compile(r"\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?|unknown")
#: Whole numbers beyond this cannot be held exactly by a float, so are refused.
_LARGEST_WHOLE = 2 ** 53


def month_codes(dates) -> np.ndarray:
    """The ``applied_month`` code (``YYYY-MM``) of each date, as Python strings.

    Each distinct month is formatted once, so a million dates cost little.

    Parameters
    ----------
    dates : array-like of datetime64
        Dates (any datetime64 unit).

    Returns
    -------
    numpy.ndarray
        Object array of ``YYYY-MM`` strings, one per date.

    Examples
    --------
    >>> month_codes(np.array(["2024-01-31", "2023-12-01", "2024-01-02"], "datetime64[D]")).tolist()
    ['2024-01', '2023-12', '2024-01']
    """
    months, position = np.unique(np.asarray(dates).astype("datetime64[M]"), return_inverse=True)
    return np.datetime_as_string(months).astype(object)[position]


#: The pandas type of each kind of typed column (categories: a categorical of their codes).
_DTYPES = {"id": object, "month": object, "float": "float64", "Int64": "Int64",
           "bool": "bool", "boolean": "boolean"}


@dataclass(frozen=True)
class ColumnSpec:
    """One column: ``kind`` is id, category, month, float, Int64, bool or boolean."""

    name: str
    kind: str
    nullable: bool
    meaning: str
    codes: tuple[str, ...] = ()
    minimum: float | None = None
    below_minimum: str = ""

    @property
    def dtype(self):
        """The column's pandas type once typed (a categorical of ``codes`` for categories).

        Examples
        --------
        >>> ColumnSpec("n", "Int64", True, "a count").dtype
        'Int64'
        """
        return pd.CategoricalDtype(self.codes) if self.kind == "category" else _DTYPES[self.kind]


_NEGATIVE = "is negative: {} cannot come before {}"
COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("app_id", "id", False, "pseudonymous application id, unique (A000001)"),
    ColumnSpec("industry", "category", False, "employer's industry", INDUSTRY_CODES),
    ColumnSpec("company_size", "category", False, f"staff: small <{SMALL_COMPANY_STAFF}, "
               f"medium {SMALL_COMPANY_STAFF}-{LARGE_COMPANY_STAFF - 1}, large "
               f"{LARGE_COMPANY_STAFF}+", COMPANY_SIZE_CODES),
    ColumnSpec("role_level", "category", False, "seniority of the role", ROLE_LEVEL_CODES),
    ColumnSpec("applied_month", "month", False, "YYYY-MM (YYYY-Qn, YYYY, unknown if generalised)"),
    ColumnSpec("response_days", "float", False, "days to the first response, or watched "
               "without one if censored", minimum=0,
               below_minimum=_NEGATIVE.format("a response", "the application")),
    ColumnSpec("response_censored", "bool", False, "True = no response seen by the end"),
    ColumnSpec("interviewed", "bool", False, "reached at least one interview"),
    ColumnSpec("interview_round", "category", False, "last round reached", INTERVIEW_ROUND_CODES),
    ColumnSpec("timeline_given", "boolean", True, "a decision timeline was stated"),
    ColumnSpec("timeline_business_days", "Int64", True, "its length after the interview",
               minimum=0, below_minimum=_NEGATIVE.format("a deadline", "the interview")),
    ColumnSpec("invited_to_call", "boolean", True, "the interviewer invited a call"),
    ColumnSpec("thank_you_sent", "boolean", True, "a thank-you was sent"),
    ColumnSpec("thank_you_hours", "float", True, "hours after the interview's end", minimum=0,
               below_minimum=_NEGATIVE.format("a thank-you", "the interview ends")),
    ColumnSpec("follow_up_timing", "category", False, f"early: before deadline + "
               f"{FOLLOW_UP_GRACE} business days; on_time: up to + {LATE_AFTER}; late: after",
               FOLLOW_UP_TIMING_CODES),
    ColumnSpec("follow_up_business_days", "Int64", True, "follow-up day after the deadline"),
    ColumnSpec("follow_up_channel", "category", False, "channel (unknown: not recorded)",
               FOLLOW_UP_CHANNEL_CODES),
    ColumnSpec("second_attempt", "boolean", True, "one more attempt after the follow-up"),
    ColumnSpec("decision_days", "float", True, "days from interview to decision, or watched "
               "if censored", minimum=0,
               below_minimum=_NEGATIVE.format("a decision", "the interview")),
    ColumnSpec("decision_censored", "boolean", True, "True = no decision heard"),
    ColumnSpec("outcome", "category", False, "how the application ended", OUTCOME_CODES),
)

COLUMN_NAMES: tuple[str, ...] = tuple(spec.name for spec in COLUMNS)
_SPECS = {spec.name: spec for spec in COLUMNS}
#: Text read as an empty cell (what pandas, spreadsheets and ``astype(str)`` write for
#: missing values); no code of the contract collides with these.
EMPTY_CELLS = ("", "NA", "<NA>", "NaN", "nan", "null", "None")
_TRUE_WORDS = frozenset({"true", "1", "1.0"})
_FALSE_WORDS = frozenset({"false", "0", "0.0"})


class _BadRows(Exception):
    """A coercer's first bad row: ``args`` are (position, column, problem, fix)."""


def _raise_at(series: pd.Series, bad: np.ndarray, problem: str, fix: str) -> None:
    """Raise ``_BadRows`` for the first row where ``bad`` is true (if any)."""
    positions = np.flatnonzero(bad)
    if positions.size:
        value = series.iloc[positions[0]]
        value = value.item() if isinstance(value, np.generic) else value
        more = f" (and {positions.size - 1} more rows)" if positions.size > 1 else ""
        raise _BadRows(positions[0], series.name, f"{problem.format(value=value)}{more}", fix)


def _raise_at_values(series: pd.Series, values: pd.Series, bad_values: list, problem: str,
                     fix: str) -> None:
    """Raise ``_BadRows`` for the first row of ``values`` holding one of ``bad_values``.

    ``bad_values`` are found by the caller among the distinct values; when there are none
    (the usual case) the rows are not scanned at all.
    """
    if bad_values:
        _raise_at(series, values.isin(bad_values).to_numpy(), problem, fix)


def _row_label(position: int, columns, app_ids: pd.Series) -> str:
    """``row 4 (app_id A000004), column 'x'`` (row 1 is the first row of the table)."""
    columns = (columns,) if isinstance(columns, str) else tuple(columns)
    where = (f"column '{columns[0]}'" if len(columns) == 1
             else "columns " + ", ".join(f"'{c}'" for c in columns))
    app_id = app_ids.iloc[position]
    named = f" (app_id {app_id})" if pd.notna(app_id) else ""
    return f"row {position + 1}{named}, {where}"


def _as_bool(series: pd.Series, spec: ColumnSpec) -> pd.Series:
    """True/False (any case), 1/0 or booleans to ``bool``, or ``boolean`` if nullable."""
    if pd.api.types.is_bool_dtype(series.dtype):
        result = series.astype("boolean")
    else:
        codes = series.astype("category")
        words = [str(c).strip().lower() for c in codes.cat.categories]
        unknown = [c for c, w in zip(codes.cat.categories, words)
                   if w not in _TRUE_WORDS | _FALSE_WORDS]
        _raise_at_values(series, codes, unknown, "{value!r} is not True or False",
                         "write True or False")
        lookup = np.array([w in _TRUE_WORDS for w in words] + [False])
        result = pd.Series(pd.arrays.BooleanArray(lookup[codes.cat.codes.to_numpy()],
                                                  codes.isna().to_numpy()), index=series.index)
    if spec.nullable:
        return result
    _raise_at(series, result.isna().to_numpy(), "is empty", "write True or False")
    return result.astype(bool)


def _as_number(series: pd.Series, spec: ColumnSpec) -> pd.Series:
    """Numbers (or numeric strings) to float64, or to nullable Int64 for counts."""
    kind = pd.api.types
    if kind.is_numeric_dtype(series.dtype) and not kind.is_bool_dtype(series.dtype):
        numbers = series.astype("float64")
    else:
        numbers = pd.to_numeric(series.astype(object), errors="coerce").astype("float64")
        _raise_at(series, (numbers.isna() & series.notna()).to_numpy(),
                  "{value!r} is not a number", "write a number of days, e.g. 12")
    values = numbers.to_numpy()
    _raise_at(series, np.isinf(values), "is infinite", "write a finite number")
    if not spec.nullable:
        _raise_at(series, np.isnan(values), "is empty", "write a number (0 or more)")
    if spec.kind == "Int64":
        missing = np.isnan(values)
        _raise_at(series, ~missing & (values != np.round(values)),
                  "{value!r} is not a whole number", "write whole business days")
        _raise_at(series, np.abs(values) > _LARGEST_WHOLE, "{value!r} is too large",
                  "write whole business days")
        whole = np.where(missing, 0, values).astype(np.int64)  # already checked: exact
        return pd.Series(pd.arrays.IntegerArray(whole, missing), index=series.index)
    return numbers


def _as_category(series: pd.Series, spec: ColumnSpec) -> pd.Series:
    """Strings to a categorical with the contract's codes (distinct values checked)."""
    codes = series if isinstance(series.dtype, pd.CategoricalDtype) else series.astype("category")
    unknown = [c for c in codes.cat.categories if c not in spec.codes]
    fallback = " ('unknown' when not known)" if "unknown" in spec.codes else ""
    fix = f"use one of: {', '.join(spec.codes)}{fallback}"
    _raise_at_values(series, codes, unknown, f"{{value!r}} is not a {spec.name} code", fix)
    _raise_at(series, codes.isna().to_numpy(), "is empty", fix)
    return codes.cat.set_categories(spec.codes)


def _as_text(series: pd.Series, spec: ColumnSpec) -> pd.Series:
    """Ids and months to Python strings; months checked against the allowed forms."""
    _raise_at(series, series.isna().to_numpy(), "is empty",
              "give every row an id" if spec.kind == "id" else "write YYYY-MM or 'unknown'")
    if isinstance(series.dtype, pd.CategoricalDtype):  # as the loader reads months
        distinct = series.cat.categories.astype(str).to_numpy(dtype=object)
        text = pd.Series(distinct[series.cat.codes.to_numpy()], index=series.index)
    else:
        text = series.astype(str).astype(object)
        distinct = pd.unique(text) if spec.kind == "month" else ()
    if spec.kind == "month":
        _raise_at_values(series, text, [m for m in distinct if not MONTH_PATTERN.fullmatch(m)],
                         "{value!r} is not a month", "write YYYY-MM (or YYYY-Qn, YYYY, unknown)")
    return text


def _blank_to_na(series: pd.Series) -> pd.Series:
    """Text columns with :data:`EMPTY_CELLS` turned into real missing values."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        blank = [c for c in series.cat.categories
                 if isinstance(c, str) and c.strip() in EMPTY_CELLS]
        return series.cat.remove_categories(blank) if blank else series
    if pd.api.types.is_object_dtype(series.dtype) or pd.api.types.is_string_dtype(series.dtype):
        return series.mask(series.isin(EMPTY_CELLS))
    return series


_COERCERS = {"id": _as_text, "month": _as_text, "category": _as_category, "float": _as_number,
             "Int64": _as_number, "bool": _as_bool, "boolean": _as_bool}


def _check_columns(df: pd.DataFrame) -> None:
    """Raise when a required column is missing or an unknown one is present."""
    missing = [name for name in COLUMN_NAMES if name not in df.columns]
    if len(missing) == len(COLUMN_NAMES):
        raise InputError("columns", "has none of the applications schema's columns (app_id, "
                         "response_days, ...)", "turn a raw tracker export into this schema "
                         "with anonymise_file() first")
    extra = [str(name) for name in df.columns if name not in _SPECS]
    if missing:
        near = closest(missing[0], extra)
        raise InputError("columns", f"missing required column(s): {', '.join(missing)}",
                         f"is {near!r} meant to be {missing[0]!r}? rename it" if near else
                         "add them (the datasheet data/README.md lists every column)")
    if extra:
        raise InputError("columns", f"unexpected column(s): {', '.join(extra)}",
                         "keep only the schema's columns (anonymise_file() does)")


@cache
def applications_schema():
    """The pandera schema of typed applications (run by :func:`validate_applications`).

    Returns
    -------
    pandera.DataFrameSchema
        Types, codes, empties, minimums, unique ``app_id`` and the :data:`RULES`; built
        once and cached.

    Examples
    --------
    >>> schema = applications_schema()
    >>> list(schema.columns)[:3]
    ['app_id', 'industry', 'company_size']
    """
    import pandera.pandas as pa

    columns = {}
    for spec in COLUMNS:
        checks = []
        if spec.minimum is not None:
            checks.append(pa.Check.ge(spec.minimum, error=spec.below_minimum))
        columns[spec.name] = pa.Column(spec.dtype, checks=checks, nullable=spec.nullable,
                                       unique=spec.kind == "id", description=spec.meaning)
    frame_checks = [pa.Check(lambda d, r=rule: pd.Series(~np.asarray(r.broken(d)), index=d.index),
                             name=rule.name, error=rule.problem, ignore_na=False)
                    for rule in RULES]
    return pa.DataFrameSchema(columns, checks=frame_checks, strict=True, ordered=True)


def validate_applications(df: pd.DataFrame) -> pd.DataFrame:
    """Type and check an applications table; raise on the first problem.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per application with exactly the columns of :data:`COLUMNS` (any
        order). Values may be strings as read from a CSV file (``True``/``False``,
        numbers, codes) or already typed.

    Returns
    -------
    pandas.DataFrame
        A new frame (the input is not changed) with the columns in contract order, a
        fresh 0..n-1 index and the contract's types: categoricals with fixed codes,
        ``float64`` durations, ``bool``/``boolean`` flags, ``Int64`` business days.

    Raises
    ------
    InputError
        ``row N (app_id ...), column '...'`` (row 1 is the first) and the fix, for a
        missing or unknown column, an empty required value, a wrong type or unknown
        code, a negative duration (e.g. a decision before the interview), a duplicate
        ``app_id``, or a broken rule (e.g. a censored response with outcome ``offer``).

    Examples
    --------
    >>> from followup_lib.outcomes.generator import generate_applications
    >>> raw = generate_applications(50, seed=1).astype(str)  # as text, e.g. from a file
    >>> typed = validate_applications(raw)
    >>> typed["response_days"].dtype, typed["outcome"].dtype.name
    (dtype('float64'), 'category')
    >>> raw.loc[3, "response_days"] = "-2"
    >>> validate_applications(raw)
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: row 4 (app_id A000004), column 'response_days': is negative: a response cannot come before the application; ...
    """
    if not isinstance(df, pd.DataFrame):
        raise InputError("applications", f"expected a table, not {type(df).__name__}",
                         "pass a pandas DataFrame")
    _check_columns(df)
    typed = _typed(df.reset_index(drop=True))
    import pandera.pandas as pa

    try:
        applications_schema().validate(typed)
    except pa.errors.SchemaError as exc:
        raise _as_input_error(exc, typed) from None
    return typed


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Every column coerced to its contract type; InputError naming the first bad row."""
    try:
        return pd.DataFrame({spec.name: _COERCERS[spec.kind](_blank_to_na(frame[spec.name]),
                                                             spec)
                             for spec in COLUMNS})
    except _BadRows as bad:
        position, column, problem, fix = bad.args
        raise InputError(_row_label(position, column, frame["app_id"]), problem, fix) from None


def _as_input_error(exc, typed: pd.DataFrame) -> InputError:
    """Translate a pandera ``SchemaError`` into a row-and-column ``InputError``."""
    cases = exc.failure_cases
    rows = sorted(pd.unique(cases["index"].dropna())) if "index" in cases else []
    if not rows:  # a whole-table problem, e.g. a dtype; coercion makes this rare
        return InputError("applications", str(exc).splitlines()[0], "check the columns")
    more = f" (and {len(rows) - 1} more rows)" if len(rows) > 1 else ""
    check = getattr(exc.check, "name", exc.check)
    rule = next((r for r in RULES if r.name == check), None)
    if rule is not None:
        return InputError(_row_label(rows[0], rule.columns.split(), typed["app_id"]),
                          rule.problem + more, rule.fix)
    column = exc.schema.name
    label = _row_label(rows[0], column, typed["app_id"])
    if check == "field_uniqueness":
        twin = f"row {rows[1] + 1}" if len(rows) > 1 else "another row"
        return InputError(label, f"duplicates the app_id of {twin}{more}",
                          "give every row its own id")
    spec = _SPECS[column]
    problem = spec.below_minimum if check == "greater_than_or_equal_to" else f"fails {check}"
    return InputError(label, problem + more, "correct the value")
