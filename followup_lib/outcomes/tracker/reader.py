"""Read a coach's raw job-tracker export as text cells, indexed by spreadsheet row.

A tracker comes as CSV (UTF-8, UTF-8 with BOM or Windows-1252) or as an Excel ``.xlsx``
workbook. :func:`read_tracker` reads it as text, with the index set to the row number a
spreadsheet shows (the header is row 1), every cell in Unicode NFC form, and a header
that stands twice told apart by its column (``Company (column F)``,
:func:`~followup_lib.outcomes.tracker.mapping.distinct_headers`).
:func:`~followup_lib.outcomes.tracker.records.import_tracker` then finds and parses the
columns it needs, and :mod:`~followup_lib.outcomes.tracker.anonymise` turns the result
into the anonymised applications schema.

Nothing here writes a file. Every problem a user can cause is an
:class:`~followup_lib.errors.InputError` naming the file (or the parameter, such as
``sheet``) and the fix.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePath

import pandas as pd

from followup_lib.errors import InputError
from followup_lib.outcomes.tracker.mapping import distinct_headers
from followup_lib.outcomes.tracker.values import shown
from followup_lib.textio import decode_user_bytes

#: Bytes a text file may hold: all but the control characters (tab, line ends and
#: form feed are allowed), in UTF-8 or Windows-1252 alike.
_TEXT_BYTES = bytes(range(32, 127)) + bytes(range(128, 256)) + b"\t\n\r\x0c"


def read_tracker(path: str | Path, sheet: str | None = None) -> pd.DataFrame:
    """Read a tracker export as text cells, indexed by spreadsheet row number.

    Parameters
    ----------
    path : str or Path
        A CSV file (comma, semicolon or tab separated; UTF-8, UTF-8 with BOM or
        Windows-1252) or an Excel ``.xlsx``/``.xlsm`` workbook. The file is only read.
    sheet : str, optional
        For a workbook, the sheet to read; the first sheet when absent
        (:func:`read_tracker_source` also says which sheet that was).

    Returns
    -------
    pandas.DataFrame
        One string column per header, blanks as ``""``; rows with no value at all are
        left out. The index is the row number a spreadsheet shows (header = row 1).

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = os.path.join(tmp, "t.csv")
    ...     _ = open(p, "w", encoding="cp1252").write("Company,Date sent\\nCafé,11/14/2021\\n")
    ...     read_tracker(p)
        Company   Date sent
    row
    2      Café  11/14/2021
    """
    return read_tracker_source(path, sheet).table


@dataclass(frozen=True)
class TrackerSource:
    """A tracker's cells and, for a workbook, which sheet they came from.

    Attributes
    ----------
    table : pandas.DataFrame
        As returned by :func:`read_tracker`.
    sheet : str or None
        The sheet read; ``None`` for a CSV file.
    other_sheets : tuple of str
        The workbook's other sheets when no sheet was named (the first one was read);
        empty when a sheet was named or the workbook has one sheet.
    """

    table: pd.DataFrame
    sheet: str | None = None
    other_sheets: tuple[str, ...] = ()

    def sheet_hint(self) -> str:
        """What to say when the first sheet, read by default, may be the wrong one.

        Returns
        -------
        str
            E.g. ``read sheet 'Notes'; the workbook also has '2025': pass sheet=NAME``;
            empty when no other sheet could have been meant.

        Examples
        --------
        >>> TrackerSource(pd.DataFrame(), "Notes", ("2025", "Archive")).sheet_hint()
        "read sheet 'Notes'; the workbook also has '2025', 'Archive': pass sheet=NAME"
        >>> TrackerSource(pd.DataFrame()).sheet_hint()
        ''
        """
        if not self.other_sheets:
            return ""
        return (f"read sheet {self.sheet!r}; the workbook also has "
                f"{', '.join(map(repr, self.other_sheets))}: pass sheet=NAME")

    def explain(self, error: InputError) -> InputError:
        """``error`` with :meth:`sheet_hint` added, when a wrong sheet would explain it.

        That is: too few rows for ``k``, a missing column (``columns``), or a mapping
        naming a header the sheet lacks.

        Parameters
        ----------
        error : InputError
            Raised while anonymising this source's table.

        Returns
        -------
        InputError
            A new error with the hint before the fix, or ``error`` itself.
        """
        if error.field in ("k", "columns") or error.field.startswith("mapping:"):
            return _with_hint(error, self.sheet_hint())
        return error


def _with_hint(error: InputError, hint: str) -> InputError:
    """The same error with ``hint`` put before its fix (``error`` itself if no hint)."""
    if not hint:
        return error
    return InputError(error.field, error.problem,
                      f"{hint}, or {error.fix}" if error.fix else hint)


def read_tracker_source(path: str | Path, sheet: str | None = None) -> TrackerSource:
    """Read a tracker like :func:`read_tracker`, and say which sheet was read.

    Parameters
    ----------
    path : str or Path
        A CSV file or an Excel workbook (see :func:`read_tracker`).
    sheet : str, optional
        For a workbook, the sheet to read; the first sheet when absent. When the
        first sheet is read by default from a workbook with others, an empty sheet or a
        sheet without rows is an error that names the other sheets.

    Returns
    -------
    TrackerSource

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = os.path.join(tmp, "t.csv")
    ...     _ = open(p, "w").write("Date sent\\n11/14/2021\\n")
    ...     source = read_tracker_source(p)
    >>> source.sheet, len(source.table)
    (None, 1)
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("path", f"no file named {shown(str(path), 120)}", "check the path")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError(path.name, "is in the old Excel format", "save it as .xlsx or CSV")
    if suffix in (".xlsx", ".xlsm"):
        source = _read_workbook(path, sheet)
    elif sheet is not None:
        raise InputError("sheet", f"{path.name!r} is not a workbook, so it has no sheets",
                         "leave out sheet= for a CSV file")
    else:
        source = TrackerSource(_read_csv_text(path))
    return _numbered_rows(source, path.name)


def read_tracker_bytes(data: bytes, name: str, sheet: str | None = None) -> TrackerSource:
    """Read a tracker held in memory (an upload), exactly as :func:`read_tracker_source` reads a file.

    Nothing is written to disk: a CSV is decoded in memory, a workbook is opened from
    an in-memory buffer. The file name is used only for its ending (``.xlsx``/``.xlsm``
    is a workbook, anything else is read as CSV) and to name the upload in messages.

    Parameters
    ----------
    data : bytes
        The file's content (``bytes``, ``bytearray`` or ``memoryview``).
    name : str
        The file's name as the user's computer gave it, e.g. ``"cohort-2025.csv"``.
    sheet : str, optional
        For a workbook, the sheet to read; the first sheet when absent.

    Returns
    -------
    TrackerSource

    Raises
    ------
    InputError
        As :func:`read_tracker_source`: empty, binary, malformed, not a workbook, no rows.

    Examples
    --------
    >>> source = read_tracker_bytes(b"Company,Date sent\\nCaf\\xe9,11/14/2021\\n", "t.csv")
    >>> source.table
        Company   Date sent
    row
    2      Café  11/14/2021
    >>> read_tracker_bytes(b"", "t.csv")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: t.csv: is empty; export the tracker again with a header row
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError("data", f"must be the file's bytes, not a {type(data).__name__}",
                         "pass the uploaded file's content")
    data = bytes(data)
    name = PurePath(str(name)).name or "the upload"
    suffix = PurePath(name).suffix.lower()
    if suffix == ".xls":
        raise InputError(name, "is in the old Excel format", "save it as .xlsx or CSV")
    if suffix in (".xlsx", ".xlsm"):
        source = _read_workbook_from(io.BytesIO(data), name, sheet)
    elif sheet is not None:
        raise InputError("sheet", f"{name!r} is not a workbook, so it has no sheets",
                         "leave out sheet= for a CSV file")
    else:
        source = TrackerSource(_csv_cells(data, name))
    return _numbered_rows(source, name)


def _numbered_rows(source: TrackerSource, name: str) -> TrackerSource:
    """Headers told apart, rows numbered as a spreadsheet shows them, blank rows left out."""
    table = source.table
    table.columns = distinct_headers(table.columns)
    table.index = pd.RangeIndex(2, len(table) + 2, name="row")
    table = table[_rows_with_text(table)]
    if table.empty:
        where = "" if source.sheet is None else f"sheet {source.sheet!r} "
        raise _with_hint(InputError(name, f"{where}has a header row but no applications",
                                    "export the tracker again with its rows"),
                         source.sheet_hint())
    return TrackerSource(table, source.sheet, source.other_sheets)


def _rows_with_text(table: pd.DataFrame) -> pd.Series:
    """Rows with at least one cell that is not blank (columns looked at until decided)."""
    has_text = pd.Series(False, index=table.index)
    for column in table.columns:
        undecided = ~has_text
        if not undecided.any():
            break
        has_text[undecided] = (table.loc[undecided, column].str.strip() != "").to_numpy(bool)
    return has_text


def _read_csv_text(path: Path) -> pd.DataFrame:
    """A CSV file's cells as text: decoded once, separator detected, binary refused."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path.name, f"cannot be read ({exc.strerror or exc})",
                         "check that the file is yours to read") from None
    return _csv_cells(data, path.name)


def _csv_cells(data: bytes, name: str) -> pd.DataFrame:
    """A CSV file's bytes as text cells: decoded once, separator detected, binary refused."""
    if not data.strip():
        raise InputError(name, "is empty", "export the tracker again with a header row")
    not_text = InputError(name, "is not a text (CSV) file",
                          "export the tracker as CSV (UTF-8) or as an .xlsx workbook")
    try:
        text = decode_user_bytes(data, name)
    except InputError:
        raise not_text from None
    if data.translate(None, _TEXT_BYTES):  # control bytes: textio looks for NUL only
        raise not_text
    text = unicodedata.normalize("NFC", text)
    delimiter = max(",;\t", key=text.lstrip().split("\n", 1)[0].count)
    try:  # the header is read as a row, so that a header standing twice keeps its name
        cells = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, na_filter=False,
                            skip_blank_lines=False, header=None)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(name, f"is not well-formed CSV ({_first_line(exc)})",
                         "check the quoting and the number of cells on that line") from None
    return pd.DataFrame(cells.iloc[1:].to_numpy(), columns=_named(cells.iloc[0])).astype(str)


def _named(header) -> list[str]:
    """A header row's cells, a blank one named ``Unnamed: <position>`` as pandas names it."""
    return [h if h.strip() else f"Unnamed: {i}" for i, h in enumerate(header)]


def _first_line(exc: Exception) -> str:
    """A parser's message, its first line only and cut short (it may quote a huge cell)."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return message if len(message) <= 160 else message[:157] + "..."


def _read_workbook(path: Path, sheet: str | None) -> TrackerSource:
    """A workbook sheet's cells as text, padded to the header's width."""
    return _read_workbook_from(path, path.name, sheet)


def _read_workbook_from(source, name: str, sheet: str | None) -> TrackerSource:
    """A workbook sheet's cells as text, from a path or an in-memory buffer."""
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputError(name, f"cannot be opened as an Excel workbook ({exc})",
                         "save it again from Excel as .xlsx, or export it as CSV") from None
    try:
        names = tuple(book.sheetnames)
        if sheet is not None and sheet not in names:
            raise InputError("sheet", f"{name!r} has no sheet named {shown(sheet)}",
                             f"choose one of: {', '.join(map(repr, names))}")
        rows = book[sheet or names[0]].iter_rows(values_only=True)
        cells = [[_cell_text(v) for v in row] for row in rows]
    finally:
        book.close()
    read = TrackerSource(pd.DataFrame(), sheet or names[0],
                         () if sheet is not None else names[1:])
    if not cells or not any(cells[0]):
        raise _with_hint(InputError(name, f"sheet {read.sheet!r} is empty",
                                    "put the header in row 1"), read.sheet_hint())
    header = _named(cells[0])
    width = len(header)
    rows = [(row + [""] * width)[:width] for row in cells[1:]]
    return TrackerSource(pd.DataFrame(rows, columns=header, dtype=str), read.sheet,
                         read.other_sheets)


def _cell_text(value: object) -> str:
    """A workbook cell as the text a CSV export would hold (whole floats without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, (datetime, date)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
