"""A tracker's text cells turned into typed records: dates, flags, outcomes, labels.

:func:`import_tracker` finds the columns it needs
(:mod:`~followup_lib.outcomes.tracker.mapping`: common header names or a coach's mapping
file) and parses them: dates (:mod:`~followup_lib.outcomes.tracker.dates`, each one
checked to lie between 1990 and the export date or today), yes/no flags and outcome labels
(:mod:`~followup_lib.outcomes.tracker.values`). Every other column is left behind.

A header the importer needs that stands twice (``Date applied`` in columns C and F) is
refused when the two columns differ, since either could be the right one; when they hold
the same cells the first is used and :attr:`ImportedTracker.warnings` says so.

Nothing here writes a file. Every problem a user can cause is an
:class:`~followup_lib.errors.InputError` naming the row and column, and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from followup_lib.errors import InputError
from followup_lib.outcomes.tracker.dates import DateWindow, parse_dates
from followup_lib.outcomes.tracker.mapping import (
    DATE_FIELDS, FLAG_FIELDS, LABEL_FIELDS, TrackerMapping, distinct_headers, find_columns,
    header_base,
)
from followup_lib.outcomes.tracker.values import (
    cell_name, first_row, normalise_label, parse_flags, parse_outcomes, shown, strip_blanks,
)


@dataclass(frozen=True)
class ImportedTracker:
    """A tracker's usable columns, parsed; the source of the anonymised table.

    Attributes
    ----------
    records : pandas.DataFrame
        Indexed by spreadsheet row. Dates (``applied`` … ``as_of``) as ``datetime64``
        days; ``outcome`` code and ``outcome_interviewed``; flags as nullable booleans;
        category labels as stripped text (``NA`` if blank). Absent fields are all missing.
    columns_used : dict
        Field name to the header it came from.
    columns_dropped : tuple of str
        Every header that is not used (names, companies, URLs, notes, salaries …).
    watched_until : pandas.Timestamp
        Where observation ends for a row with no ``as_of`` date: the export date given,
        else the latest date in the file.
    watched_until_cell : str or None
        The cell holding that latest date (``row 9, column 'Date Interview'``); None
        when ``watched_until`` is the export date given.
    warnings : tuple of str
        What the report must say about the columns (a header standing twice).
    """

    records: pd.DataFrame
    columns_used: dict[str, str]
    columns_dropped: tuple[str, ...]
    watched_until: pd.Timestamp | None = None
    watched_until_cell: str | None = None
    warnings: tuple[str, ...] = ()


def import_tracker(table: pd.DataFrame, mapping: TrackerMapping | None = None, *,
                   export_date: date | str | None = None) -> ImportedTracker:
    """Find and parse the columns of a tracker's text cells, as ``read_tracker`` gives them.

    Parameters
    ----------
    table : pandas.DataFrame
        Text cells; the index is used as the row number in messages.
    mapping : TrackerMapping, optional
        Column choices, value maps and date order; common header names otherwise.
    export_date : datetime.date or str, optional
        The day the tracker was exported (``YYYY-MM-DD`` allowed). No date may come
        after it, and unanswered applications without an ``as_of`` date count as watched
        until it. Without it, no date may come after today
        (:func:`followup_lib.clock.today`) and they are watched until the latest date
        in the file.

    Returns
    -------
    ImportedTracker

    Raises
    ------
    InputError
        Naming the row and column: a date that is not one, or implausible (before 1990,
        after the export date or today), dates in the wrong order, an answer without a
        date, an id used twice, a needed header standing twice with different cells.

    Examples
    --------
    >>> raw = pd.DataFrame({"Company": ["Acme"], "Date sent": ["11/14/2021"],
    ...                     "Date of 1st Response": ["11/30/2021"], "Response?": ["Rejected"]},
    ...                    index=[2])
    >>> t = import_tracker(raw)
    >>> t.columns_dropped, t.records.loc[2, "outcome"], str(t.records.loc[2, "first_response"])
    (('Company',), 'rejection', '2021-11-30 00:00:00')
    """
    mapping = mapping or TrackerMapping()
    window = DateWindow.until(export_date)
    if not table.columns.is_unique:
        table = table.set_axis(distinct_headers(table.columns), axis=1)
    used = find_columns([str(c) for c in table.columns], mapping)
    warnings = _check_repeated_headers(table, used, mapping)
    out = pd.DataFrame(index=table.index)
    for name in DATE_FIELDS:
        out[name] = (parse_dates(table[used[name]], used[name], mapping.date_format,
                                 window=window)
                     if name in used else pd.Series(pd.NaT, index=table.index,
                                                    dtype="datetime64[ns]"))
    missing = out["applied"].isna()
    if missing.any():
        raise InputError(cell_name(first_row(missing), used["applied"]),
                         "has no application date", "fill it in or delete the row")
    _check_date_order(out, used)
    _parse_other_fields(out, table, used, mapping)
    if "id" in used:
        _check_unique_ids(table[used["id"]], used["id"])
    dropped = tuple(str(c) for c in table.columns if c not in used.values())
    until, cell = _watched_until(out, used, window)
    return ImportedTracker(out, used, dropped, until, cell, tuple(warnings))


def _parse_other_fields(out: pd.DataFrame, table: pd.DataFrame, used: dict[str, str],
                        mapping: TrackerMapping) -> None:
    """Add the outcome, the yes/no flags and the category labels to ``out``."""
    outcomes = (parse_outcomes(table[used["outcome"]], used["outcome"],
                               mapping.values.get("outcome"))
                if "outcome" in used else None)
    out["outcome"] = outcomes["outcome"] if outcomes is not None else pd.NA
    out["outcome_interviewed"] = outcomes["interviewed"] if outcomes is not None else False
    for name in FLAG_FIELDS:
        out[name] = (parse_flags(table[used[name]], used[name]) if name in used
                     else pd.Series(pd.NA, index=table.index, dtype="boolean"))
    for name in LABEL_FIELDS:
        out[name] = strip_blanks(table[used[name]]) if name in used else pd.NA


def _watched_until(dates: pd.DataFrame, used: dict[str, str],
                   window: DateWindow) -> tuple[pd.Timestamp, str | None]:
    """The end of observation for rows without an ``as_of`` date, and the cell it is from.

    The export date when it was given; otherwise the latest date in the file, named by
    its row and column so that the report can say which row sets it.
    """
    if window.exported:
        return pd.Timestamp(window.latest), None
    latest = dates[list(DATE_FIELDS)].max()
    field = latest.idxmax()
    return latest[field], cell_name(first_row(dates[field] == latest[field]), used[field])


def _check_repeated_headers(table: pd.DataFrame, used: dict[str, str],
                            mapping: TrackerMapping) -> list[str]:
    """Refuse a used header that stands twice with different cells; else say which was used.

    A header named exactly in the mapping (``Date applied (column F)``) was chosen by
    the user and is not questioned.
    """
    groups: dict[str, list[str]] = {}
    for header in map(str, table.columns):
        groups.setdefault(normalise_label(header_base(header)), []).append(header)
    notes = []
    for name, header in used.items():
        same = groups[normalise_label(header_base(header))]
        if len(same) < 2 or mapping.columns.get(name) == header:
            continue
        cells = [strip_blanks(table[h]).fillna("") for h in same]
        differ = pd.concat([c != cells[0] for c in cells[1:]], axis=1).any(axis=1)
        where = ", ".join(map(repr, same[:-1])) + f" and {same[-1]!r}"
        if differ.any():
            row = first_row(differ)
            raise InputError(f"column {shown(header_base(header))}",
                             f"stands twice ({where}) with different cells, first in row "
                             f"{row} ({' and '.join(shown(c.loc[row]) for c in cells[:2])}), "
                             f"so it is not clear which one to use as {name}",
                             f"rename or delete one of them, or name the one to use in a "
                             f"mapping ({name}: {same[0]!r})")
        notes.append(f"the header {shown(header_base(header))} stands twice ({where}) with "
                     f"the same cells: {header!r} was used as {name}")
    return notes


def _check_date_order(dates: pd.DataFrame, used: dict[str, str]) -> None:
    """Raise naming the first row where a date comes before the one it must follow."""
    pairs = (("first_response", "applied"), ("interview", "applied"),
             ("decision", "interview"), ("decision", "applied"), ("as_of", "applied"),
             ("as_of", "first_response"), ("as_of", "interview"), ("as_of", "decision"))
    for later, earlier in pairs:
        bad = dates[later] < dates[earlier]  # False wherever either date is missing
        if bad.any():
            row = first_row(bad)
            raise InputError(cell_name(row, used[later]),
                             f"{dates.loc[row, later]:%Y-%m-%d} is before "
                             f"{dates.loc[row, earlier]:%Y-%m-%d} in column "
                             f"{used[earlier]!r}, which would make a negative duration",
                             "correct whichever of the two dates is wrong")


def _check_unique_ids(values: pd.Series, column: str) -> None:
    """Raise naming the first two rows that share an id (blank ids are not compared)."""
    text = strip_blanks(values)
    repeated = text.notna() & text.duplicated(keep=False)
    if repeated.any():
        same = text == text.loc[first_row(repeated)]
        rows = tuple(same.index[same.to_numpy(dtype=bool, na_value=False)][:2])
        raise InputError(cell_name(rows, column),
                         f"the id {shown(text.loc[rows[0]])} is used twice",
                         "give each application its own id, or leave the id column unmapped")
