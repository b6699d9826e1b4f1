"""A tracker's dates: how each column writes them, and which ones cannot be right.

:func:`parse_dates` reads a column of text cells (ISO, US month-first or day-first,
detected per column) on its distinct values. A cell that is no calendar date is "not a
valid date"; a real calendar date outside the :class:`DateWindow` (after the export date
or today, or before :data:`EARLIEST_PLAUSIBLE_DATE`) is *implausible*, and refused with
its row and column: one mistyped year (``1/1/2200``) would otherwise become the end of
observation of every unanswered application. Dates are computed with numpy's calendar,
which has no year limit, so ``9999-12-31`` or ``1/1/1500`` are named as implausible,
never as unreadable, although pandas cannot hold them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd

from followup_lib.clock import today
from followup_lib.errors import InputError
from followup_lib.outcomes.tracker.values import cell_name, first_row, shown, strip_blanks

#: The earliest date a tracker row may hold; an earlier one is taken as a typo.
EARLIEST_PLAUSIBLE_DATE = date(1990, 1, 1)
_DATE_PATTERN = (
    r"^(?:(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2}))"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_ORDERS = {"us": "month/day/year", "dayfirst": "day/month/year", "iso": "year-month-day only"}


@dataclass(frozen=True)
class DateWindow:
    """The dates a tracker can hold: from ``earliest`` to ``latest``, both included.

    Attributes
    ----------
    latest : datetime.date
        The export date when it is known, else today.
    exported : bool
        Whether ``latest`` is a given export date (``export_date=``) rather than today.
    earliest : datetime.date
        :data:`EARLIEST_PLAUSIBLE_DATE` by default.

    Examples
    --------
    >>> DateWindow(date(2024, 6, 30), exported=True).latest_is
    'the export date'
    """

    latest: date
    exported: bool = False
    earliest: date = EARLIEST_PLAUSIBLE_DATE

    @classmethod
    def until(cls, export_date: date | str | None) -> "DateWindow":
        """The window ending on ``export_date`` (a date or ``YYYY-MM-DD``), or today.

        Today is :func:`followup_lib.clock.today` (fixed by ``FOLLOWUP_TODAY`` in tests).
        An export date in the future or before 1990 is refused.

        Examples
        --------
        >>> DateWindow.until("2024-06-30").latest
        datetime.date(2024, 6, 30)
        """
        if export_date is None:
            return cls(today())
        if isinstance(export_date, str):
            try:
                export_date = date.fromisoformat(export_date.strip())
            except ValueError:
                raise InputError("export_date", f"{shown(export_date)} is not a date",
                                 "write it as YYYY-MM-DD") from None
        if not isinstance(export_date, date):
            raise InputError("export_date", f"must be a date, not {shown(export_date)}",
                             "give e.g. export_date=date(2024, 6, 30)")
        if isinstance(export_date, datetime):
            export_date = export_date.date()
        if not EARLIEST_PLAUSIBLE_DATE <= export_date <= today():
            raise InputError("export_date", f"{export_date:%Y-%m-%d} is implausible: it is "
                             f"{'in the future' if export_date > today() else 'before 1990'}",
                             "give the day the tracker was exported")
        return cls(export_date, exported=True)

    @property
    def latest_is(self) -> str:
        """How messages name the last day: ``the export date`` or ``today``."""
        return "the export date" if self.exported else "today"


def parse_dates(values: pd.Series, column: str, date_format: str | None = None, *,
                window: DateWindow | None = None) -> pd.Series:
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
    window : DateWindow, optional
        The plausible dates; from 1990 until today by default.

    Returns
    -------
    pandas.Series
        ``datetime64`` days, ``NaT`` for blanks.

    Raises
    ------
    InputError
        Naming the first bad row and the column: a cell that is not a date, or a date
        outside ``window`` ("implausible", with how many more rows are).

    Examples
    --------
    >>> s = pd.Series(["3/13/2023 18:51:27", "2021-11-14", ""], index=[2, 3, 4])
    >>> parse_dates(s, "Sent").dt.strftime("%Y-%m-%d").tolist()
    ['2023-03-13', '2021-11-14', nan]
    >>> parse_dates(pd.Series(["14.11.2021"], index=[2]), "Sent").iloc[0].month
    11
    >>> parse_dates(pd.Series(["1/2/2022", "1/1/2200"], index=[2, 3]), "Sent")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: row 3, column 'Sent': '1/1/2200' is implausible: ...
    """
    window = window or DateWindow.until(None)
    text = strip_blanks(values)
    uniques = pd.Series(text.dropna().unique(), dtype=object)
    parts = uniques.str.extract(_DATE_PATTERN)
    nums = parts.drop(columns="sep").astype(float)
    order = date_format or _date_order(text, uniques, nums, parts["sep"], column)
    days = _calendar_days(nums, order)
    unreadable = np.isnat(days)
    if unreadable.any():
        raise _first_error(text, uniques[unreadable], column,
                           f"is not a valid date (this column's dates are read as "
                           f"{_ORDERS[order]})", "fix the date, write it like 2021-11-14, "
                           "or set date_format in a mapping")
    _check_window(text, uniques, days, column, window)
    lookup = pd.Series(days.astype("datetime64[ns]"), index=uniques.to_numpy())
    return text.map(lookup).astype("datetime64[ns]")  # each distinct cell parsed once


def _check_window(text: pd.Series, uniques: pd.Series, days: np.ndarray, column: str,
                  window: DateWindow) -> None:
    """Raise naming the first row whose date lies outside ``window``: implausible."""
    latest, earliest = np.datetime64(window.latest, "D"), np.datetime64(window.earliest, "D")
    later, earlier = days > latest, days < earliest
    if later.any():
        fix = ("correct the date, or give the real export_date=" if window.exported else
               "correct the date (a typo in the year?), or leave it blank if it has not "
               "happened yet")
        raise _first_error(text, uniques[later], column,
                           "is implausible: {date} is in the future (after "
                           f"{window.latest_is}, {window.latest:%Y-%m-%d})", fix,
                           days=dict(zip(uniques[later], days[later].astype(str))))
    if earlier.any():
        raise _first_error(text, uniques[earlier], column,
                           f"is implausible: {{date}} is before {window.earliest:%Y-%m-%d}",
                           "correct the date (a typo in the year?)",
                           days=dict(zip(uniques[earlier], days[earlier].astype(str))))


def _first_error(text: pd.Series, bad_values: pd.Series, column: str, problem: str, fix: str,
                 days: dict[str, str] | None = None) -> InputError:
    """The error naming the first row holding one of ``bad_values``, and how many more do.

    ``{date}`` in ``problem`` is that cell's date in ISO form (``days``: cell to date).
    """
    bad = text.isin(bad_values.to_numpy())
    row = first_row(bad)
    value = text.loc[row]
    others = bad.index[bad.to_numpy(dtype=bool, na_value=False)][1:]
    more = ""
    if len(others):
        listed = ", ".join(str(r) for r in others[:5]) + (", …" if len(others) > 5 else "")
        more = f" (and {len(others)} more row{'s' if len(others) > 1 else ''}: {listed})"
    when = days[value] if days is not None else ""
    return InputError(cell_name(row, column),
                      f"{shown(value)} {problem.format(date=when)}{more}", fix)


def _calendar_days(nums: pd.DataFrame, order: str) -> np.ndarray:
    """Calendar days (``datetime64[D]``) from the numbers of :data:`_DATE_PATTERN`'s groups.

    Read in ``order``; ``NaT`` where the parts make no calendar date (or, for ``iso``,
    are not year-first). numpy's calendar has no year limit, unlike pandas'.
    """
    first, second = (nums["b"], nums["a"]) if order == "dayfirst" else (nums["a"], nums["b"])
    slashed = nums["y"].where(nums["y"] >= 100, nums["y"] + 2000)
    if order == "iso":  # only year-first dates are valid
        first = second = slashed = pd.Series(float("nan"), index=nums.index)
    year = nums["iy"].fillna(slashed).to_numpy()
    month = nums["im"].fillna(first).to_numpy()
    day = nums["id"].fillna(second).to_numpy()
    usable = np.isfinite(year) & np.isfinite(month) & np.isfinite(day) \
        & (month >= 1) & (month <= 12) & (day >= 1) & (day <= 31)
    months = np.where(usable, (year - 1970) * 12 + month - 1, 0).astype(np.int64)
    starts = months.astype("datetime64[M]")
    days = starts.astype("datetime64[D]") + np.where(usable, day - 1, 0).astype("timedelta64[D]")
    usable &= days.astype("datetime64[M]") == starts  # 2/30 runs into March
    return np.where(usable, days, np.datetime64("NaT", "D"))


def _date_order(text: pd.Series, uniques: pd.Series, nums: pd.DataFrame, seps: pd.Series,
                column: str) -> str:
    """The column's order: day-first or US, detected from its dates; mixed orders refused."""
    day_first = uniques[(nums["a"] > 12) & (nums["b"] <= 12)]
    month_first = uniques[(nums["b"] > 12) & (nums["a"] <= 12)]
    if len(day_first) and len(month_first):
        rows = tuple(first_row(text == v) for v in (day_first.iloc[0], month_first.iloc[0]))
        raise InputError(cell_name(rows, column),
                         f"the column mixes day-first ({shown(day_first.iloc[0])}) and US "
                         f"month-first ({shown(month_first.iloc[0])}) dates",
                         "make the whole column use one order")
    if len(day_first) or (seps == ".").any():
        return "dayfirst"
    return "us"
