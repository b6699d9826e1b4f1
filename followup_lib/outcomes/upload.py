"""A coach's tracker export, uploaded in a browser, anonymised in memory.

:func:`anonymise_upload` takes the uploaded file's bytes and name (what a Jupyter file
upload gives) and returns the anonymised table with the anonymiser's report. It goes
through the same reader and anonymiser as ``followup anonymise``
(:func:`~followup_lib.outcomes.tracker.reader.read_tracker_bytes`, then
:func:`~followup_lib.outcomes.tracker.anonymise.anonymise_table`), and the result is
validated against the applications schema, but nothing is written to disk: the upload
lives only in memory, and only the anonymised table is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from html import escape
from pathlib import PurePath

import pandas as pd

from followup_lib.errors import InputError
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.outcomes.arguments import resolve_k

#: File endings an upload may have: a CSV export or an Excel workbook.
UPLOAD_SUFFIXES = (".csv", ".xlsx")
#: The largest upload read, in bytes (an assumption: a cohort's tracker export is a few
#: hundred kilobytes; anything far larger is almost certainly the wrong file).
MAX_UPLOAD_BYTES = 20_000_000
#: How much of a file name is shown in a message.
_NAME_CHARACTERS = 80


def upload_name(name: object) -> str:
    """The uploaded file's name without any folder, cut short for messages.

    Examples
    --------
    >>> upload_name("C:/Users/sam/cohort.csv"), upload_name("")
    ('cohort.csv', 'the upload')
    """
    text = PurePath(str(name).replace("\\", "/")).name if name else ""
    if len(text) > _NAME_CHARACTERS:
        text = text[:_NAME_CHARACTERS - 1] + "…"
    return text or "the upload"


@dataclass(frozen=True)
class UploadResult:
    """An anonymised upload: the file's name, the anonymised table and the report.

    Attributes
    ----------
    name : str
        The uploaded file's name (shown escaped).
    table : pandas.DataFrame
        The applications schema, k-anonymous, validated.
    report : AnonymisationReport
        What the anonymiser did (:meth:`report_text` gives it as lines).
    """

    name: str
    table: pd.DataFrame = field(repr=False, compare=False)
    report: object

    def report_text(self) -> str:
        """The anonymiser's report as readable lines."""
        return self.report.to_text()

    def _repr_html_(self) -> str:
        return (f"<div class='fc-upload'><b>{escape(self.name)}</b>: anonymised, "
                f"{self.report.rows_out:,} applications kept<pre>{escape(self.report_text())}"
                "</pre></div>")


def anonymise_upload(data, name: str, *, sheet: str | None = None, mapping=None,
                     params: Params = DEFAULTS, k: int | None = None,
                     export_date: date | str | None = None) -> UploadResult:
    """Anonymise an uploaded tracker export in memory: bytes and file name in, table out.

    Parameters
    ----------
    data : bytes
        The file's content (``bytes``, ``bytearray`` or ``memoryview``), never written.
    name : str
        The file's name; it must end in ``.csv`` or ``.xlsx``.
    sheet : str, optional
        For a workbook, the sheet to read; the first one when absent.
    mapping : TrackerMapping, optional
        Which column feeds which field, when the headers are not the common ones.
    params : Params, default ``DEFAULTS``
        ``params.k_anonymity`` is the smallest group kept.
    k : int, optional
        An explicit smallest group; it wins over ``params``.
    export_date : datetime.date or str, optional
        The day the tracker was exported (see
        :func:`~followup_lib.outcomes.tracker.anonymise.anonymise_table`).

    Returns
    -------
    UploadResult

    Raises
    ------
    InputError
        A wrong file type, an empty or oversized upload, a file that is not text or not
        a workbook, malformed CSV, a tracker too small for ``k``: one line naming the
        upload and the fix.

    Examples
    --------
    >>> rows = "Company,Date sent,Status\\n" + "Acme,11/14/2021,Ghosted\\n" * 5
    >>> result = anonymise_upload(rows.encode(), "cohort.csv")
    >>> result.report.rows_out, result.report.columns_dropped
    (5, ('Company',))
    >>> anonymise_upload(b"%PDF-1.4", "notes.pdf")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: notes.pdf: is a '.pdf' file, not a tracker export; ...
    """
    from followup_lib.outcomes.schema import validate_applications
    from followup_lib.outcomes.tracker.anonymise import anonymise_table
    from followup_lib.outcomes.tracker.reader import read_tracker_bytes

    shown = upload_name(name)
    k = resolve_k(k, params)
    suffix = PurePath(shown).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        what = f"a '{suffix}' file" if suffix else "a file with no ending"
        raise InputError(shown, f"is {what}, not a tracker export",
                         "upload a .csv or .xlsx file")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError("data", f"must be the file's bytes, not a {type(data).__name__}",
                         "pass the uploaded file's content")
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(shown, f"is {len(data) / 1e6:.0f} MB, more than the "
                         f"{MAX_UPLOAD_BYTES / 1e6:.0f} MB a tracker export needs",
                         "check it is the right file, or anonymise it with 'followup anonymise'")
    if not bytes(data).strip():
        raise InputError(shown, "is empty", "export the tracker again with a header row")
    read = read_tracker_bytes(data, shown, sheet)
    try:
        table, report = anonymise_table(read.table, mapping, k=k, export_date=export_date)
    except InputError as exc:
        raise read.explain(exc) from None
    report = replace(report, sheet=read.sheet, other_sheets=read.other_sheets)
    return UploadResult(shown, validate_applications(table), report)
