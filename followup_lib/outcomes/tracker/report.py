"""What the anonymiser tells a coach: the report, and warnings about what it cannot compute.

:class:`AnonymisationReport` is built by
:func:`~followup_lib.outcomes.tracker.anonymise.anonymise_table` (and completed with the
sheet read by :func:`~followup_lib.outcomes.tracker.anonymise.anonymise_file`).
:func:`tracker_warnings` lists the numbers an anonymised tracker cannot give, so that a
figure left empty or approximate is said, never silently printed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pandas as pd

from followup_lib.outcomes.tracker.k_anonymity import Generalisation


@dataclass(frozen=True)
class AnonymisationReport:
    """What the anonymiser did to one tracker; ``to_text()`` and ``to_dict()`` show it.

    Attributes
    ----------
    rows_in, rows_out, rows_suppressed : int
        Applications read, written, and left out because their group stayed under ``k``.
    columns_used : dict
        Field name to the source header it was derived from (the header is not output).
    columns_dropped : tuple of str
        Source headers not used at all.
    generalised : tuple of Generalisation
        Quasi-identifier coarsening steps, in order, with the rows each changed.
    labels_generalised : dict
        Per category field, source labels that became ``other``/``unknown`` (map them
        in the mapping file's ``values`` to keep them).
    k_requested, k_achieved, groups : int
        The ``k`` asked for, the smallest group in the output, the number of groups.
    warnings : tuple of str
        Numbers the output cannot give, or gives approximately (:func:`tracker_warnings`).
    sheet : str or None
        The workbook sheet read (``None`` for a CSV file or a table given in code).
    other_sheets : tuple of str
        The workbook's other sheets, listed when no sheet was named (the first was read).
    """

    rows_in: int
    rows_out: int
    rows_suppressed: int = field(init=False)  # rows_in - rows_out
    columns_used: dict[str, str]
    columns_dropped: tuple[str, ...]
    generalised: tuple[Generalisation, ...]
    labels_generalised: dict[str, tuple[str, ...]]
    k_requested: int
    k_achieved: int
    groups: int
    warnings: tuple[str, ...] = ()
    sheet: str | None = None
    other_sheets: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "rows_suppressed", self.rows_in - self.rows_out)

    def to_dict(self) -> dict:
        """The report as plain JSON-ready values.

        Returns
        -------
        dict
            The attributes, with tuples as lists and each generalisation as a dict.

        Examples
        --------
        >>> report = AnonymisationReport(5, 5, {"applied": "Date sent"}, (), (), {}, 5, 5,
        ...                              1, warnings=("a warning",), sheet="2025")
        >>> data = report.to_dict()
        >>> data["sheet"], data["other_sheets"], data["warnings"]
        ('2025', [], ['a warning'])
        """
        data = asdict(self)
        for name in ("columns_dropped", "warnings", "other_sheets"):
            data[name] = list(getattr(self, name))
        data["labels_generalised"] = {f: list(v) for f, v in self.labels_generalised.items()}
        return data

    def to_text(self) -> str:
        """The report as a few readable lines.

        Returns
        -------
        str
            The sheet read, rows, columns used and dropped, each generalisation, the
            ``k`` achieved, then one ``Warning:`` line per warning.

        Examples
        --------
        >>> report = AnonymisationReport(5, 5, {"applied": "Date sent"}, ("Company",), (),
        ...                              {}, 5, 5, 1, sheet="Notes", other_sheets=("2025",))
        >>> print(report.to_text().splitlines()[0])
        Sheet read: 'Notes' (the workbook also has '2025'; pass sheet=NAME to read another)
        """
        used = ", ".join(f"{h!r} → {f}" for f, h in self.columns_used.items())
        lines = [] if self.sheet is None else [f"Sheet read: {self.sheet!r}{self._others()}"]
        lines += [f"Rows: {self.rows_in} in, {self.rows_out} out, "
                  f"{self.rows_suppressed} suppressed",
                  f"Columns used: {used}",
                  f"Columns dropped: {', '.join(map(repr, self.columns_dropped)) or 'none'}"]
        lines += [f"Generalised {g.column}: {g.from_level} → {g.to_level} ({g.rows} rows)"
                  for g in self.generalised]
        lines += [f"Labels made {'other' if f == 'industry' else 'unknown'} in {f}: "
                  f"{', '.join(map(repr, labels))}"
                  for f, labels in self.labels_generalised.items()]
        lines.append(f"k-anonymity: asked {self.k_requested}, achieved {self.k_achieved} "
                     f"(smallest of {self.groups} groups)")
        lines += [f"Warning: {warning}" for warning in self.warnings]
        return "\n".join(lines)

    def _others(self) -> str:
        if not self.other_sheets:
            return ""
        return (f" (the workbook also has {', '.join(map(repr, self.other_sheets))}; "
                "pass sheet=NAME to read another)")


def tracker_warnings(table: pd.DataFrame, dates: pd.DataFrame,
                     columns_used: dict[str, str], *,
                     watched_until_cell: str | None = None) -> tuple[str, ...]:
    """What an anonymised tracker cannot say, as sentences for the report.

    Parameters
    ----------
    table : pandas.DataFrame
        The anonymised rows (schema columns) that are written.
    dates : pandas.DataFrame
        The same rows' tracker dates (``interview``, ``decision``), same index.
    columns_used : dict
        Field name to the tracker header it came from.
    watched_until_cell : str, optional
        The cell holding the latest date in the file, where unanswered waits end when
        neither an export-date column nor ``export_date=`` says otherwise; None when an
        export date was given.

    Returns
    -------
    tuple of str
        One sentence per gap: decision days left empty (and why), a thank-you column
        missing or blank, follow-ups never recorded by a tracker, and unanswered waits
        that end at the latest date in the file for want of an export-date column.

    Examples
    --------
    >>> table = pd.DataFrame({"interviewed": [True, False], "response_censored": [False, True],
    ...                       "decision_days": [float("nan")] * 2,
    ...                       "thank_you_sent": pd.array([None, None], dtype="boolean")})
    >>> dates = pd.DataFrame({"interview": pd.to_datetime(["2024-01-05", None]),
    ...                       "decision": pd.to_datetime([None, None])})
    >>> used = {"applied": "Sent", "interview": "Interviewed on"}
    >>> for line in tracker_warnings(table, dates, used, watched_until_cell="row 2, column 'Sent'"):
    ...     print(line.split(":")[0])
    decision_days is empty for 1 of 1 interviews (1 with no decision date
    the tracker has no thank-you column
    a tracker records no follow-ups
    no export-date column
    """
    interviews = table["interviewed"].to_numpy(dtype=bool)
    n = int(interviews.sum())
    warnings = []
    if n:
        warnings += _decision_warnings(table[interviews], dates[interviews], columns_used)
        warnings += _thank_you_warnings(table.loc[interviews, "thank_you_sent"], columns_used)
        warnings.append(f"a tracker records no follow-ups: follow_up_timing is 'unknown' for "
                        f"all {n} interviews, so decision rates by follow-up timing cannot "
                        "be computed (they show as not recorded)")
    waiting = int(table["response_censored"].sum())
    if "as_of" not in columns_used and waiting and watched_until_cell is not None:
        warnings.append(f"no export-date column: the {waiting} applications with no response "
                        "count as watched until the latest date in the file "
                        f"({watched_until_cell}), which may be too short (map a column as "
                        "as_of, or pass export_date=)")
    return tuple(warnings)


def _decision_warnings(interviews: pd.DataFrame, dates: pd.DataFrame,
                       used: dict[str, str]) -> list[str]:
    """The warning when some interviews have no ``decision_days``, with the reasons."""
    empty = interviews["decision_days"].isna().to_numpy()
    if not empty.any():
        return []
    undated_interview = int((empty & dates["interview"].isna().to_numpy()).sum())
    undated_decision = int(empty.sum()) - undated_interview
    reasons = [f"{undated_interview} with no interview date"] if undated_interview else []
    if undated_decision:
        reasons.append(f"{undated_decision} with no decision date"
                       + ("" if "decision" in used else ": the tracker has no decision-date "
                          "column"))
    return [f"decision_days is empty for {int(empty.sum())} of {len(interviews)} interviews "
            f"({'; '.join(reasons)}): whether a decision was heard is known from the outcome, "
            "how long it took is not"]


def _thank_you_warnings(sent: pd.Series, used: dict[str, str]) -> list[str]:
    """The warning when the thank-you is not recorded for some or all interviews."""
    if "thank_you_sent" not in used:
        return ["the tracker has no thank-you column: decision rates by thank-you cannot be "
                "computed (they show as not recorded in this file)"]
    blank = int(sent.isna().sum())
    if not blank:
        return []
    return [f"thank_you_sent is blank for {blank} of {len(sent)} interviews: they are left "
            "out of the decision rates by thank-you"]
