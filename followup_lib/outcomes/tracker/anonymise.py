"""Turn a raw tracker into the anonymised applications schema, k-anonymous.

Three things happen to a tracker read by :mod:`~followup_lib.outcomes.tracker.reader`
and parsed by :mod:`~followup_lib.outcomes.tracker.records`:

1. **Drop.** Only dates, flags and labels of closed code lists are used; every other
   column (company, title, URL, location, notes, salary …) is left behind. Category
   labels become codes (``"Government"`` → ``government``); a label that is not in the
   vocabulary becomes ``other`` (industry) or ``unknown``: no source text survives.
2. **Offset.** Exact dates become day counts (``response_days``, ``decision_days``)
   and the month of application (``applied_month``).
3. **Generalise, then suppress.** The quasi-identifiers
   (:data:`~followup_lib.outcomes.tracker.k_anonymity.QUASI_IDENTIFIERS`) are coarsened
   step by step, only for rows whose group is still smaller than ``k`` (month → quarter → year,
   size → unknown, round → unknown, industry → other, level → unknown, industry →
   unknown, year → unknown); rows still in a group smaller than ``k`` after the last
   step are suppressed (:mod:`~followup_lib.outcomes.tracker.k_anonymity`).

After an interview, an offer, a rejection or a removed post is a decision heard
(``decision_censored`` False) whether or not the tracker dates it; ``decision_days`` is
then empty when the decision or interview date is not known. A candidate who withdrew
heard no decision (censored at the withdrawal). A tracker records no follow-ups, so
``follow_up_timing`` and ``follow_up_channel`` are ``unknown`` after an interview
(``not_applicable`` without one). What the output cannot give is listed in the report's
warnings (:func:`~followup_lib.outcomes.tracker.report.tracker_warnings`).

Rows come out sorted by their anonymised content with sequential ids (``A000001``),
so neither the id nor the order says anything about the source rows.

The group size ``k`` comes from ``params.k_anonymity``
(:class:`~followup_lib.etiquette.params.Params`), or from an explicit ``k=``, which wins.
:func:`anonymise_file` checks the output path before any work, and never replaces an
existing file unless ``force=True``.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd

from followup_lib.errors import InputError
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.outcomes.arguments import resolve_k
from followup_lib.outcomes.loader import PARQUET_SUFFIXES, save_applications
from followup_lib.outcomes.rules import DECIDED, ENDED_BY_EMPLOYER
from followup_lib.outcomes.schema import COLUMN_NAMES, COLUMNS, month_codes
from followup_lib.outcomes.tracker.k_anonymity import k_anonymise
from followup_lib.outcomes.tracker.labels import generalise_labels
from followup_lib.outcomes.tracker.mapping import LABEL_FIELDS, TrackerMapping
from followup_lib.outcomes.tracker.reader import read_tracker_source
from followup_lib.outcomes.tracker.records import ImportedTracker, import_tracker
from followup_lib.outcomes.tracker.report import AnonymisationReport, tracker_warnings
from followup_lib.outcomes.tracker.values import cell_name, first_row
from followup_lib.textio import check_output_path

#: What an output file may end in: CSV, or Parquet.
OUTPUT_SUFFIXES = (".csv", *PARQUET_SUFFIXES)

#: Outcomes that end the wait for a decision: ``decision_days`` run to the decision date
#: (the withdrawal's date for ``withdrawn``), or are empty without one, instead of running
#: to the export date. Only :data:`ENDED_BY_EMPLOYER` is a decision heard.
_CLOSED = ENDED_BY_EMPLOYER + ("withdrawn",)
_ROUNDS_HELD = ("phone", "one_on_one", "panel", "final")


def to_schema(tracker: ImportedTracker,
              value_maps: dict[str, dict[str, str]] | None = None
              ) -> tuple[pd.DataFrame, dict[str, tuple[str, ...]]]:
    """Derive the schema's columns (all but ``app_id``) from an imported tracker.

    A row with no response date whose outcome or interview says the employer answered
    is an error (its ``response_days`` cannot be known).

    Parameters
    ----------
    tracker : ImportedTracker
        From :func:`~followup_lib.outcomes.tracker.records.import_tracker`.
    value_maps : dict, optional
        Label maps for the category fields.

    Returns
    -------
    table : pandas.DataFrame
        Not yet k-anonymous; category columns as plain text codes.
    unmatched : dict
        Per category field, the labels that became ``other``/``unknown``.

    Examples
    --------
    >>> from followup_lib.outcomes.tracker.records import import_tracker
    >>> raw = pd.DataFrame({"Date sent": ["11/14/2021"], "Status": ["Rejected"],
    ...                     "Date of 1st Response": ["11/30/2021"]}, index=[2])
    >>> table, unmatched = to_schema(import_tracker(raw))
    >>> print(table.loc[2, ["applied_month", "response_days", "outcome"]].to_string())
    applied_month      2021-11
    response_days         16.0
    outcome          rejection
    """
    rec = tracker.records
    generalised = {f: generalise_labels(rec[f], f, (value_maps or {}).get(f))
                   for f in LABEL_FIELDS}
    codes = {f: pair[0] for f, pair in generalised.items()}
    as_of = rec["as_of"].fillna(tracker.watched_until)
    outcome, interviewed, answered = _outcome_interviewed_answered(tracker, codes)
    table = pd.DataFrame({
        "industry": codes["industry"], "company_size": codes["company_size"],
        "role_level": codes["role_level"],
        "applied_month": month_codes(rec["applied"].to_numpy()),
        "response_days": _days(rec["applied"], answered.fillna(as_of)),
        "response_censored": answered.isna(),
        "interviewed": interviewed,
        **_interview_stage(rec, codes["interview_round"], interviewed, outcome, as_of),
        "outcome": outcome,
    }, index=rec.index)
    return table, {f: pair[1] for f, pair in generalised.items() if pair[1]}


def _interview_stage(rec: pd.DataFrame, rounds: pd.Series, interviewed: pd.Series,
                     outcome: pd.Series, as_of: pd.Series) -> dict[str, pd.Series]:
    """The interview-stage columns, in schema order, empty for rows not interviewed.

    A tracker records no follow-ups: they are ``unknown`` after an interview (not
    ``none``, which would claim there was none) and ``not_applicable`` without one. The
    decision is heard when the employer ended the application, dated or not.
    """
    ended = outcome.isin(_CLOSED)
    decision_days = _days(rec["interview"], rec["decision"].where(ended, as_of))
    decision_days = decision_days.where(interviewed)
    heard = outcome.isin(ENDED_BY_EMPLOYER)
    no_value = pd.Series(pd.NA, index=rec.index)
    follow_up = pd.Series("unknown", index=rec.index).where(interviewed, "not_applicable")
    return {
        "interview_round": rounds.replace("none", "unknown").where(interviewed, "none"),
        "timeline_given": no_value.astype("boolean"),
        "timeline_business_days": no_value.astype("Int64"),
        "invited_to_call": rec["invited_to_call"].where(interviewed),
        "thank_you_sent": rec["thank_you_sent"].where(interviewed),
        "thank_you_hours": pd.Series(float("nan"), index=rec.index),
        "follow_up_timing": follow_up,
        "follow_up_business_days": no_value.astype("Int64"),
        "follow_up_channel": follow_up,
        "second_attempt": no_value.astype("boolean"),
        "decision_days": decision_days,
        "decision_censored": (~heard).astype("boolean").where(interviewed),
    }


def _outcome_interviewed_answered(tracker: ImportedTracker, codes: dict[str, pd.Series]
                                  ) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Each row's outcome code, whether it reached an interview, and its first answer."""
    rec, used = tracker.records, tracker.columns_used
    answered = rec[["first_response", "interview", "decision"]].min(axis=1)
    outcome = rec["outcome"].astype(object)
    if "outcome" not in used:
        outcome = pd.Series("no_response", index=rec.index).where(answered.isna(), "pending")
    offered = rec["offer"].eq(True).fillna(False).astype(bool)
    outcome = outcome.mask(offered & (outcome == "pending"), "offer")
    interviewed = (rec["interviewed"].fillna(False).astype(bool) | rec["interview"].notna()
                   | rec["outcome_interviewed"].astype(bool) | outcome.eq("offer")
                   | codes["interview_round"].isin(_ROUNDS_HELD))
    undated = answered.isna() & (interviewed | outcome.isin(DECIDED))
    if undated.any():
        row = first_row(undated)
        said_by = next(used[f] for f in ("outcome", "offer", "interviewed", "interview_round")
                       if f in used)
        where = (f"in column {used['first_response']!r}" if "first_response" in used
                 else "(no column of first-response dates was found)")
        raise InputError(cell_name(row, said_by),
                         f"says the employer answered ({outcome[row]}"
                         f"{', interviewed' if interviewed[row] else ''}) but there is no "
                         f"response date {where}",
                         "fill in the date of the first response (or map a column "
                         "holding it as first_response in a mapping file)")
    return outcome, interviewed, answered


def _days(start: pd.Series, end: pd.Series) -> pd.Series:
    """Whole days from ``start`` to ``end`` (``NaN`` where either is missing)."""
    return (end - start).dt.days.astype(float)


def anonymise_table(table: pd.DataFrame, mapping: TrackerMapping | None = None, *,
                    params: Params = DEFAULTS, k: int | None = None,
                    export_date: date | str | None = None
                    ) -> tuple[pd.DataFrame, AnonymisationReport]:
    """Anonymise a tracker read by :func:`~followup_lib.outcomes.tracker.reader.read_tracker`.

    Parameters
    ----------
    table : pandas.DataFrame
        Text cells indexed by spreadsheet row (used in error messages).
    mapping : TrackerMapping, optional
        Columns, value maps and date order; common header names otherwise.
    params : Params, default ``DEFAULTS``
        Every group of :data:`~followup_lib.outcomes.tracker.k_anonymity.QUASI_IDENTIFIERS`
        keeps at least ``params.k_anonymity`` rows.
    k : int, optional
        An explicit smallest group size, 1 or more; it wins over ``params``.
    export_date : datetime.date or str, optional
        The day the tracker was exported: no date may come after it, and unanswered
        applications count as watched until it. Without it, no date may come after
        today, and they are watched until the latest date in the file.

    Returns
    -------
    anonymised : pandas.DataFrame
        The applications schema (:data:`COLUMN_NAMES`).
    report : AnonymisationReport

    Examples
    --------
    >>> raw = pd.DataFrame({"Company": ["Acme Ltd"] * 6, "Status": ["Ghosted"] * 6,
    ...                     "Date sent": ["11/14/2021"] * 5 + ["3/2/2022"]}, index=range(2, 8))
    >>> out, report = anonymise_table(raw)
    >>> print(out.loc[0, ["app_id", "applied_month", "outcome", "response_days"]].to_string())
    app_id               A000001
    applied_month        2021-11
    outcome          no_response
    response_days          108.0
    >>> report.rows_suppressed, report.columns_dropped, report.k_achieved
    (1, ('Company',), 5)
    """
    k = resolve_k(k, params)
    tracker = import_tracker(table, mapping, export_date=export_date)
    derived, unmatched = to_schema(tracker, (mapping or TrackerMapping()).values)
    anonymous = k_anonymise(derived, k=k)
    kept = anonymous.table
    if kept.empty:
        raise InputError("k", f"no group of {k} similar applications can be formed from "
                         f"{len(derived)} rows",
                         "give a smaller k= (e.g. k=2), or bring more applications")
    warnings = tracker_warnings(kept, tracker.records.loc[kept.index], tracker.columns_used,
                                watched_until_cell=tracker.watched_until_cell)
    report = AnonymisationReport(
        rows_in=len(derived), rows_out=len(kept),
        columns_used=dict(tracker.columns_used), columns_dropped=tracker.columns_dropped,
        generalised=anonymous.steps, labels_generalised=unmatched, k_requested=k,
        k_achieved=anonymous.k_achieved, groups=anonymous.groups,
        warnings=tracker.warnings + warnings)
    return _finish(kept), report


def _finish(table: pd.DataFrame) -> pd.DataFrame:
    """Sort by content, number the rows and give each column its schema type."""
    table = table.sort_values(list(table.columns), kind="stable").reset_index(drop=True)
    width = max(6, len(str(len(table))))
    table.insert(0, "app_id", [f"A{i:0{width}d}" for i in range(1, len(table) + 1)])
    return table.astype({spec.name: spec.dtype for spec in COLUMNS})[list(COLUMN_NAMES)]


def anonymise_file(source: str | Path, output: str | Path,
                   mapping: TrackerMapping | None = None, sheet: str | None = None, *,
                   params: Params = DEFAULTS, k: int | None = None,
                   export_date: date | str | None = None,
                   force: bool = False) -> AnonymisationReport:
    """Read a tracker file, anonymise it and write the result; the source is only read.

    Parameters
    ----------
    source : str or Path
        The tracker export (CSV or ``.xlsx``).
    output : str or Path
        Where to write the anonymised table (``.csv`` or ``.parquet``); never the source,
        and not an existing file unless ``force`` is True. It is checked before any
        work, validated against the schema and written atomically
        (:func:`~followup_lib.outcomes.loader.save_applications`): nothing is written if
        anything goes wrong.
    mapping : TrackerMapping, optional
        From :func:`~followup_lib.outcomes.tracker.mapping.load_mapping`.
    sheet : str, optional
        The workbook sheet to read; the first when absent. The report names the sheet
        read (and the others, when none was named); an error that a wrong sheet would
        explain (too few rows, no application-date column) names them too.
    params, k, export_date
        As for :func:`anonymise_table`.
    force : bool, default False
        Replace ``output`` if it exists.

    Returns
    -------
    AnonymisationReport

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     source = Path(folder, "tracker.csv")
    ...     _ = source.write_text("Company,Date sent,Status\\n" + "Acme,11/14/2021,Ghosted\\n" * 5)
    ...     report = anonymise_file(source, Path(folder, "cohort.csv"))
    ...     sorted(p.name for p in Path(folder).iterdir()), report.rows_out
    (['cohort.csv', 'tracker.csv'], 5)
    """
    source, output = Path(source), Path(output)
    k = resolve_k(k, params)
    _check_paths(source, output, force)
    read = read_tracker_source(source, sheet)
    try:
        anonymised, report = anonymise_table(read.table, mapping, k=k, export_date=export_date)
    except InputError as exc:
        raise read.explain(exc) from None
    report = replace(report, sheet=read.sheet, other_sheets=read.other_sheets)
    try:
        save_applications(anonymised, output)  # validated, then written atomically
    except OSError as exc:
        raise InputError("output", f"{str(output)!r} cannot be written "
                         f"({exc.strerror or exc})", "choose a folder you can write to") from None
    return report


def _check_paths(source: Path, output: Path, force: bool) -> None:
    """Refuse, before any work, an output that may not be written, then a missing source.

    The output may not be the source (even with ``force``), a folder, in a missing or
    read-only folder, end in anything but ``.csv``/``.parquet``, or exist unless
    ``force`` is True.
    """
    if output.resolve() == source.resolve() or (output.exists() and source.exists()
                                                and os.path.samefile(output, source)):
        raise InputError("output", "is the input file itself",
                         "write the anonymised table to a new file; the source is never changed")
    check_output_path(output, "output", force=force, suffixes=OUTPUT_SUFFIXES)
    if not source.is_file():
        raise InputError("source", f"no file named {str(source)[:120]!r}", "check the path")
