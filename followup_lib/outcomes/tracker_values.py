"""What a tracker's cells mean: dates, yes/no flags and outcome labels.

Each parser takes one column of text cells (indexed by spreadsheet row number) and
returns typed values or schema codes, working on the column's distinct values so that a
100,000-row column costs little more than its few hundred distinct cells. A cell that
cannot be read is an :class:`~followup_lib.errors.InputError` naming its row and column
(:func:`cell_name`). Category labels (industry, size, level, round) are turned into codes
by :mod:`~followup_lib.outcomes.tracker_labels`.
"""

from __future__ import annotations

import re

import pandas as pd

from followup_lib.errors import InputError
from followup_lib.outcomes.schema import OUTCOME_CODES

_OUTCOME_LABELS: dict[str, tuple[str, bool]] = {
    **dict.fromkeys(("ghosted", "ghost", "no response", "no reply", "no answer", "silence",
                     "ignored", "never heard back"), ("no_response", False)),
    **dict.fromkeys(("rejected", "rejection", "reject", "rejec", "rej", "not selected",
                     "not moving forward", "turned down"), ("rejection", False)),
    **dict.fromkeys(("offer", "offered", "job offer", "offer received", "offer accepted",
                     "offer declined", "accepted", "hired"), ("offer", True)),
    **dict.fromkeys(("withdrawn", "withdrew", "withdraw", "i withdrew"), ("withdrawn", False)),
    **dict.fromkeys(("position removed", "position closed", "job removed", "posting removed",
                     "job closed", "role closed", "position cancelled", "position canceled",
                     "hiring freeze"), ("position_removed", False)),
    **dict.fromkeys(("pending", "applied", "submitted", "in progress", "waiting", "open",
                     "under review", "active", "sent"), ("pending", False)),
    **dict.fromkeys(("interview", "interviewing", "interviewed", "interview scheduled",
                     "phone screen", "inter"), ("pending", True)),
}
_INTERVIEW_WORDS = frozenset({"inter", "interview", "interviewed", "after", "then", "and"})
_TRUE_FLAGS = frozenset({"y", "yes", "true", "t", "1", "x", "✓", "✔", "☑", "checked"})
_FALSE_FLAGS = frozenset({"n", "no", "false", "f", "0"})
_MARKS = frozenset({"x", "✓", "✔", "☑"})
_DATE_PATTERN = (
    r"^(?:(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2}))"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)


def normalise_label(text: str) -> str:
    """Lower-case a header or label and reduce punctuation and spaces to single spaces.

    Parameters
    ----------
    text : str
        A header or a cell's label.

    Returns
    -------
    str
        The form headers and labels are compared in (check marks are kept).

    Examples
    --------
    >>> normalise_label("  Date of 1st Response ")
    'date of 1st response'
    >>> normalise_label("Inter + Rejec")
    'inter rejec'
    """
    return " ".join(re.sub(r"[^\w✓✔☑]+", " ", str(text).lower()).split())


def strip_blanks(values: pd.Series) -> pd.Series:
    """Text cells stripped of surrounding spaces, with blank cells as ``NA``.

    Parameters
    ----------
    values : pandas.Series
        Text cells (missing values allowed).

    Returns
    -------
    pandas.Series
        ``string`` dtype, same index; each distinct cell is stripped once.

    Examples
    --------
    >>> strip_blanks(pd.Series([" a ", "  ", None])).tolist()
    ['a', <NA>, <NA>]
    """
    text = values.astype(object)
    stripped = {v: v.strip() or pd.NA for v in pd.unique(text) if isinstance(v, str)}
    return text.map(stripped).astype("string")  # each distinct cell stripped once


def cell_name(rows, column: str) -> str:
    """How a message names tracker cells: by spreadsheet row number(s) and header.

    Parameters
    ----------
    rows : int or tuple of int
        One row, or two rows that clash.
    column : str
        The header.

    Returns
    -------
    str

    Examples
    --------
    >>> cell_name(4, "Date sent"), cell_name((2, 5), "ID")
    ("row 4, column 'Date sent'", "rows 2 and 5, column 'ID'")
    """
    where = f"rows {rows[0]} and {rows[1]}" if isinstance(rows, tuple) else f"row {rows}"
    return f"{where}, column {column!r}"


def first_row(bad: pd.Series):
    """The index (spreadsheet row) of the first true value of a boolean Series.

    Parameters
    ----------
    bad : pandas.Series
        Booleans (``NA`` counts as false) with at least one true value.

    Returns
    -------
    object
        Its index label.

    Examples
    --------
    >>> print(first_row(pd.Series([False, True, pd.NA], index=[2, 3, 4], dtype="boolean")))
    3
    """
    return bad.index[bad.to_numpy(dtype=bool, na_value=False)][0]


def _row_error(values: pd.Series, bad: pd.Series, column: str, problem: str,
               fix: str) -> InputError:
    """The error naming the first ``bad`` cell; ``{value}`` in ``problem`` is its text."""
    row = first_row(bad)
    return InputError(cell_name(row, column), problem.format(value=values.loc[row]), fix)


def parse_dates(values: pd.Series, column: str, date_format: str | None = None) -> pd.Series:
    """Parse a column of dates (times of day are dropped) in the order the column uses.

    ISO dates (``2021-11-14``) are always understood. For ``a/b/yyyy`` (also with ``.``
    or ``-``, and two-digit years taken as 20yy) the order is detected: a first part
    over 12 means day-first, a second part over 12 means US; dots alone also mean
    day-first; otherwise US, unless ``date_format`` says otherwise.

    Parameters
    ----------
    values : pandas.Series
        Text cells, indexed by row number; blanks are missing dates.
    column : str
        The header, for error messages.
    date_format : {"us", "dayfirst", "iso"}, optional
        The order to use instead of detecting it.

    Returns
    -------
    pandas.Series
        ``datetime64`` days, ``NaT`` for blanks.

    Examples
    --------
    >>> s = pd.Series(["3/13/2023 18:51:27", "2021-11-14", ""], index=[2, 3, 4])
    >>> parse_dates(s, "Sent").dt.strftime("%Y-%m-%d").tolist()
    ['2023-03-13', '2021-11-14', nan]
    >>> parse_dates(pd.Series(["14.11.2021"], index=[2]), "Sent").iloc[0].month
    11
    """
    text = strip_blanks(values)
    uniques = pd.Series(text.dropna().unique(), dtype=object)
    parts = uniques.str.extract(_DATE_PATTERN)
    nums = parts.drop(columns="sep").astype(float)
    order = date_format or _date_order(text, uniques, nums, parts["sep"], column)
    lookup = pd.Series(_dates_in_order(nums, order).to_numpy(), index=uniques.to_numpy(),
                       dtype="datetime64[ns]")
    dates = text.map(lookup).astype("datetime64[ns]")  # each distinct cell parsed once
    bad = text.notna() & dates.isna()
    if bad.any():
        described = {"us": "month/day/year", "dayfirst": "day/month/year",
                     "iso": "year-month-day only"}
        raise _row_error(text, bad, column, "{value!r} is not a valid date (this column's "
                         f"dates are read as {described[order]})", "fix the date, write "
                         "it like 2021-11-14, or set date_format in a mapping")
    return dates


def _dates_in_order(nums: pd.DataFrame, order: str) -> pd.Series:
    """Dates from the numbers of :data:`_DATE_PATTERN`'s groups, read in ``order``.

    ``NaT`` where the parts make no date (or, for ``iso``, are not year-first).
    """
    first, second = (nums["b"], nums["a"]) if order == "dayfirst" else (nums["a"], nums["b"])
    slashed = nums["y"].where(nums["y"] >= 100, nums["y"] + 2000)
    if order == "iso":  # only year-first dates are valid
        first = second = slashed = pd.Series(float("nan"), index=nums.index)
    day_parts = pd.DataFrame({"year": nums["iy"].fillna(slashed),
                              "month": nums["im"].fillna(first),
                              "day": nums["id"].fillna(second)})
    return pd.to_datetime(day_parts, errors="coerce")


def _date_order(text: pd.Series, uniques: pd.Series, nums: pd.DataFrame, seps: pd.Series,
                column: str) -> str:
    day_first = uniques[(nums["a"] > 12) & (nums["b"] <= 12)]
    month_first = uniques[(nums["b"] > 12) & (nums["a"] <= 12)]
    if len(day_first) and len(month_first):
        rows = tuple(first_row(text == v) for v in (day_first.iloc[0], month_first.iloc[0]))
        raise InputError(cell_name(rows, column),
                         f"the column mixes day-first ({day_first.iloc[0]!r}) and US "
                         f"month-first ({month_first.iloc[0]!r}) dates",
                         "make the whole column use one order")
    if len(day_first) or (seps == ".").any():
        return "dayfirst"
    return "us"


def parse_flags(values: pd.Series, column: str) -> pd.Series:
    """Parse yes/no cells: y/n, yes/no, true/false, 1/0, or a mark (x, ✓) and blank.

    Blanks are missing, except in a column whose only values are marks, where a blank
    means no.

    Parameters
    ----------
    values : pandas.Series
        Text cells, indexed by row number.
    column : str
        The header, for error messages.

    Returns
    -------
    pandas.Series
        Nullable booleans, same index.

    Examples
    --------
    >>> parse_flags(pd.Series(["y", "No", "", "TRUE"], index=[2, 3, 4, 5]), "Paid").tolist()
    [True, False, <NA>, True]
    >>> parse_flags(pd.Series(["x", "", "✓"], index=[2, 3, 4]), "Done").tolist()
    [True, False, True]
    """
    text = strip_blanks(values).str.lower()
    seen = set(text.dropna().unique())
    flags = pd.Series(pd.NA, index=text.index, dtype="boolean")
    flags[text.isin(_TRUE_FLAGS).fillna(False).astype(bool)] = True
    flags[text.isin(_FALSE_FLAGS).fillna(False).astype(bool)] = False
    if seen and seen <= _MARKS:
        flags = flags.fillna(False)
    bad = text.notna() & flags.isna()
    if bad.any():
        raise _row_error(values, bad, column, "{value!r} is not a yes/no value",
                         "write y or n (also yes/no, true/false, 1/0, or x for yes)")
    return flags


def parse_outcomes(values: pd.Series, column: str,
                   value_map: dict[str, str] | None = None) -> pd.DataFrame:
    """Map outcome labels to outcome codes, and note labels that mean an interview.

    Blank cells are ``pending``. Labels such as ``"Inter + Rejec"`` or ``"Rejected after
    interview"`` are the outcome with ``interviewed`` true.

    Parameters
    ----------
    values, column : pandas.Series, str
        As for :func:`parse_flags`.
    value_map : dict, optional
        Normalised label to code (``+interviewed`` allowed), tried first.

    Returns
    -------
    pandas.DataFrame
        Columns ``outcome`` (code) and ``interviewed`` (bool), same index as ``values``.

    Examples
    --------
    >>> s = pd.Series(["Ghosted", "Inter + Rejec", "", "Hired!"], index=[2, 3, 4, 5])
    >>> parsed = parse_outcomes(s, "Response?")
    >>> parsed["outcome"].tolist(), parsed["interviewed"].tolist()
    (['no_response', 'rejection', 'pending', 'offer'], [False, True, False, True])
    """
    text = strip_blanks(values).fillna("")
    known = {}
    for label in text.unique():
        code = _outcome_code(normalise_label(label), value_map or {})
        if code is None:
            bad = text == label
            raise _row_error(values, bad, column, "{value!r} is not an outcome label I know",
                             f'map it in a mapping file: values: {{outcome: {{"{label}": '
                             f'<code>}}}} with a code from {", ".join(OUTCOME_CODES)}')
        known[label] = code
    return pd.DataFrame({"outcome": text.map({k: v[0] for k, v in known.items()}),
                         "interviewed": text.map({k: v[1] for k, v in known.items()})
                                            .astype(bool)}, index=values.index)


def _outcome_code(label: str, value_map: dict[str, str]) -> tuple[str, bool] | None:
    if label in value_map:
        code = value_map[label]
        return code.removesuffix("+interviewed"), code.endswith("+interviewed")
    if label == "":
        return "pending", False
    if label in _OUTCOME_LABELS:
        return _OUTCOME_LABELS[label]
    words = label.split()
    rest = " ".join(w for w in words if w not in _INTERVIEW_WORDS)
    if rest != label and rest in _OUTCOME_LABELS:
        return _OUTCOME_LABELS[rest][0], True
    return None
