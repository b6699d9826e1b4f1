"""What a tracker's cells mean: yes/no flags and outcome labels, and how cells are named.

Each parser takes one column of text cells (indexed by spreadsheet row number) and
returns typed values or schema codes, working on the column's distinct values so that a
100,000-row column costs little more than its few hundred distinct cells. A cell that
cannot be read is an :class:`~followup_lib.errors.InputError` naming its row and column
(:func:`cell_name`), quoting at most :data:`SHOWN_CHARACTERS` of it (:func:`shown`).
Dates are read by :mod:`~followup_lib.outcomes.tracker.dates`; category labels
(industry, size, level, round) are turned into codes by
:mod:`~followup_lib.outcomes.tracker.labels`. Labels are compared in Unicode NFC form,
so a label typed with combining accents matches the same label typed precomposed.
"""

from __future__ import annotations

import re
import unicodedata

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
#: Longest cell text quoted in a message; a longer cell is cut, with its length given.
SHOWN_CHARACTERS = 60


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
    >>> normalise_label("Refuse\u0301") == normalise_label("Refus\u00e9")   # NFD, NFC
    True
    """
    text = unicodedata.normalize("NFC", str(text))
    return " ".join(re.sub(r"[^\w✓✔☑]+", " ", text.lower()).split())


def shown(value: object, limit: int = SHOWN_CHARACTERS) -> str:
    """A cell's text quoted for a message, cut to ``limit`` characters.

    Parameters
    ----------
    value : object
        The cell (or header) as read.
    limit : int, default :data:`SHOWN_CHARACTERS`

    Returns
    -------
    str
        ``repr`` of the text, or of its start with ``…`` and the full length.

    Examples
    --------
    >>> shown("Ghosted")
    "'Ghosted'"
    >>> shown("x" * 1000, limit=5)
    "'xxxxx…' (1000 characters)"
    """
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit] + '…'!r} ({len(text)} characters)"


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
    """The error naming the first ``bad`` cell; ``{value}`` in ``problem`` is its quoted text."""
    row = first_row(bad)
    return InputError(cell_name(row, column), problem.format(value=shown(values.loc[row])), fix)


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
        raise _row_error(values, bad, column, "{value} is not a yes/no value",
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
            raise _row_error(values, bad, column, "{value} is not an outcome label I know",
                             f"map it in a mapping file: values: {{outcome: {{{shown(label)}: "
                             f"<code>}}}} with a code from {', '.join(OUTCOME_CODES)}")
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
