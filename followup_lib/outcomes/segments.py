"""Segments of the applications table and their waiting curves, fitted once each.

A *segment* is a choice of industry, company size and role level (each may be left as
"any"); a *stage* says what the wait is for:

- ``"interview"`` — a decision after the interview: the interviewed rows, days from the
  (last) interview to the decision (``decision_days``), censored when no decision was
  heard (``decision_censored``: still waiting, or the candidate withdrew);
- ``"application"`` — a first response after applying: every row, ``response_days``,
  censored when ``response_censored``.

:class:`SegmentCurves` keeps one fitted Kaplan–Meier curve per (segment, stage,
follow-up behaviour), so a widget fits each once and redraws quickly after;
:func:`shipped_curves` is the one every widget shares on the shipped dataset. The
chance of still hearing back is in :mod:`~followup_lib.outcomes.chance`. ``lifelines``
is imported inside :func:`fit_curve`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from followup_lib.errors import InputError
from followup_lib.outcomes.rates import require_columns
from followup_lib.outcomes.schema import COMPANY_SIZE_CODES, INDUSTRY_CODES, ROLE_LEVEL_CODES

#: What each stage's wait is for, in words.
STAGES = {"interview": "a decision after the interview",
          "application": "a first response after applying"}
#: What each stage counts, in words ("interviews", "applications").
STAGE_UNITS = {"interview": "interviews", "application": "applications"}
#: Segment columns, their codes and the words a dropdown shows for each code.
SEGMENT_LABELS = {
    "industry": {**{code: code for code in INDUSTRY_CODES}, "tech": "tech",
                 "other": "other industries", "unknown": "industry not known"},
    "company_size": {"small": "small companies (under 50 staff)",
                     "medium": "medium companies (50–999 staff)",
                     "large": "large companies (1,000+ staff)",
                     "unknown": "company size not known"},
    "role_level": {"entry": "entry-level roles", "mid": "mid-level roles",
                   "senior": "senior roles", "unknown": "role level not known"},
}
#: The shorter words of :meth:`Segment.label` (titles, sentences).
SHORT_LABELS = {
    "industry": {**{code: code for code in INDUSTRY_CODES}, "other": "other industries",
                 "unknown": "industry unknown"},
    "company_size": {"small": "small firms (<50)", "medium": "medium firms (50–999)",
                     "large": "large firms (1,000+)", "unknown": "size unknown"},
    "role_level": {"entry": "entry level", "mid": "mid level", "senior": "senior",
                   "unknown": "level unknown"},
}
#: What "any" is called for each segment column.
ANY_LABELS = {"industry": "any industry", "company_size": "any company size",
              "role_level": "any role level"}
_CODES = {"industry": INDUSTRY_CODES, "company_size": COMPANY_SIZE_CODES,
          "role_level": ROLE_LEVEL_CODES}
#: Follow-up behaviours a decision curve can be drawn for: name -> (words, column, value).
BEHAVIOURS = {"all": ("all interviews", None, None),
              "thank_you": ("thank-you sent", "thank_you_sent", True),
              "no_thank_you": ("no thank-you", "thank_you_sent", False),
              "early": ("followed up early", "follow_up_timing", "early"),
              "on_time": ("followed up on time", "follow_up_timing", "on_time"),
              "late": ("followed up late", "follow_up_timing", "late"),
              "none": ("no follow-up", "follow_up_timing", "none")}


def _check_stage(stage: object) -> str:
    if stage not in STAGES:
        raise InputError("stage", f"must be one of {', '.join(map(repr, STAGES))}, not {stage!r}",
                         "give stage='interview' (a decision) or stage='application'")
    return str(stage)


@dataclass(frozen=True)
class Segment:
    """A choice of industry, company size and role level; ``None`` (or "any") is any.

    Examples
    --------
    >>> Segment(industry="tech", role_level="senior").label()
    'tech · senior'
    >>> Segment().label()
    'all'
    >>> Segment(company_size="huge")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: company_size: 'huge' is not a code of the dataset; ...
    """

    industry: str | None = None
    company_size: str | None = None
    role_level: str | None = None

    def __post_init__(self) -> None:
        for column, codes in _CODES.items():
            value = getattr(self, column)
            if value in ("any", ""):
                object.__setattr__(self, column, None)
            elif value is not None and value not in codes:
                shown = repr(value) if len(repr(value)) <= 40 else f"a {type(value).__name__}"
                raise InputError(column, f"{shown} is not a code of the dataset",
                                 f"choose one of: {', '.join(codes)} (or None for any)")

    def chosen(self) -> dict[str, str]:
        """The columns chosen, with their codes (an empty dict for "all")."""
        return {c: getattr(self, c) for c in _CODES if getattr(self, c) is not None}

    def label(self) -> str:
        """The segment in short words, e.g. ``'tech · senior'``; ``'all'`` for no choice."""
        chosen = self.chosen()
        return " · ".join(SHORT_LABELS[c][v] for c, v in chosen.items()) or "all"

    def mask(self, df: pd.DataFrame) -> np.ndarray:
        """True for the rows of ``df`` in this segment."""
        keep = np.ones(len(df), dtype=bool)
        for column, code in self.chosen().items():
            keep &= (df[column].astype(object) == code).to_numpy(dtype=bool)
        return keep


def segment_options(column: str) -> tuple[tuple[str, str], ...]:
    """Dropdown choices for one segment column: ``(label, code)`` pairs, "any" first.

    Examples
    --------
    >>> segment_options("role_level")[:2]
    (('any role level', 'any'), ('entry-level roles', 'entry'))
    """
    if column not in _CODES:
        raise InputError("column", f"{column!r} is not a segment column",
                         f"choose one of: {', '.join(_CODES)}")
    return ((ANY_LABELS[column], "any"),
            *((SEGMENT_LABELS[column][code], code) for code in _CODES[column]))


def behaviour_mask(df: pd.DataFrame, behaviour: str = "all") -> np.ndarray:
    """True for the rows of ``df`` with a follow-up behaviour of :data:`BEHAVIOURS`.

    Examples
    --------
    >>> table = pd.DataFrame({"thank_you_sent": pd.array([True, None, False], dtype="boolean"),
    ...                       "follow_up_timing": ["late", "none", "not_applicable"]})
    >>> behaviour_mask(table, "thank_you").tolist(), behaviour_mask(table, "none").tolist()
    ([True, False, False], [False, True, False])
    """
    if behaviour not in BEHAVIOURS:
        raise InputError("behaviour", f"{behaviour!r} is not a follow-up behaviour",
                         f"choose one of: {', '.join(BEHAVIOURS)}")
    _, column, value = BEHAVIOURS[behaviour]
    if column is None:
        return np.ones(len(df), dtype=bool)
    require_columns(df, (column,))
    values = df[column].astype(object)
    return values.eq(value).fillna(False).to_numpy(dtype=bool)


def stage_durations(df: pd.DataFrame,
                    stage: str = "interview") -> tuple[np.ndarray, np.ndarray, int]:
    """Days waited, whether an answer came, and rows left out for want of a date.

    Parameters
    ----------
    df : pandas.DataFrame
        Validated applications (or a segment of them).
    stage : {"interview", "application"}
        What the wait is for (see the module docstring).

    Returns
    -------
    days : numpy.ndarray
    answered : numpy.ndarray of bool
    undated : int
        Interviews without ``decision_days`` (an anonymised tracker may lack the dates):
        left out of the curve. Always 0 for ``"application"``.

    Examples
    --------
    >>> table = pd.DataFrame({"interviewed": [True, True, False],
    ...     "decision_days": [4.0, None, None],
    ...     "decision_censored": pd.array([False, True, None], dtype="boolean"),
    ...     "response_days": [1.0, 2.0, 9.0], "response_censored": [False, False, True]})
    >>> days, answered, undated = stage_durations(table)
    >>> days.tolist(), answered.tolist(), undated
    ([4.0], [True], 1)
    """
    stage = _check_stage(stage)
    if stage == "application":
        require_columns(df, ("response_days", "response_censored"))
        days = pd.to_numeric(df["response_days"], errors="coerce").to_numpy(dtype=float)
        return days, ~df["response_censored"].to_numpy(dtype=bool), 0
    require_columns(df, ("interviewed", "decision_days", "decision_censored"))
    interviews = df[df["interviewed"].to_numpy(dtype=bool)]
    days = pd.to_numeric(interviews["decision_days"], errors="coerce").to_numpy(dtype=float)
    censored = interviews["decision_censored"]
    dated = np.isfinite(days) & ~censored.isna().to_numpy()
    answered = ~censored.to_numpy(dtype=bool, na_value=True)
    return days[dated], answered[dated], int((~dated).sum())


def fit_curve(days: np.ndarray, answered: np.ndarray):
    """A Kaplan–Meier curve of waits (``lifelines`` imported here).

    Parameters
    ----------
    days, answered : numpy.ndarray
        As from :func:`stage_durations`; at least one row.

    Returns
    -------
    lifelines.KaplanMeierFitter

    Examples
    --------
    >>> curve = fit_curve(np.array([1.0, 3.0, 5.0]), np.array([True, True, False]))
    >>> round(float(curve.survival_function_.iloc[-1, 0]), 3)
    0.333
    """
    from followup_lib.outcomes.analysis import fit_response_curve

    table = pd.DataFrame({"response_days": np.asarray(days, dtype=float),
                          "response_censored": ~np.asarray(answered, dtype=bool)})
    return fit_response_curve(table)


class SegmentCurves:
    """One applications table with a cache of fitted curves, keyed by segment and stage.

    Parameters
    ----------
    df : pandas.DataFrame
        Validated applications (the shipped dataset, or an anonymised cohort).
    source : str, default "the data"
        What the rows are, in words (e.g. ``"the synthetic dataset"``), for sentences.

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> curves = SegmentCurves(load_applications())
    >>> first = curves.curve(Segment(industry="tech"), "interview")
    >>> curves.curve(Segment(industry="tech"), "interview") is first   # fitted once
    True
    """

    def __init__(self, df: pd.DataFrame, source: str = "the data"):
        require_columns(df, ("industry", "company_size", "role_level"))
        self.df, self.source = df, source
        self._durations: dict = {}
        self._curves: dict = {}

    def durations(self, segment: Segment, stage: str,
                  behaviour: str = "all") -> tuple[np.ndarray, np.ndarray, int]:
        """:func:`stage_durations` of the segment's rows (cached).

        ``behaviour`` (:data:`BEHAVIOURS`) keeps only interviews with that follow-up
        behaviour; it applies to ``stage="interview"`` only.
        """
        key = (segment, _check_stage(stage), behaviour)
        if key not in self._durations:
            rows = segment.mask(self.df)
            if behaviour != "all":
                if stage != "interview":
                    raise InputError("behaviour", "applies to decisions after the interview",
                                     "choose stage='interview', or behaviour='all'")
                rows &= behaviour_mask(self.df, behaviour)
            self._durations[key] = stage_durations(self.df[rows], stage)
        return self._durations[key]

    def curve(self, segment: Segment, stage: str, behaviour: str = "all"):
        """The segment's Kaplan–Meier curve (fitted on first use, then cached); None if empty."""
        key = (segment, _check_stage(stage), behaviour)
        if key not in self._curves:
            days, answered, _ = self.durations(segment, stage, behaviour)
            self._curves[key] = fit_curve(days, answered) if len(days) else None
        return self._curves[key]


@lru_cache(maxsize=1)
def shipped_curves() -> SegmentCurves:
    """The :class:`SegmentCurves` of the shipped dataset, loaded once per session.

    Examples
    --------
    >>> shipped_curves() is shipped_curves()
    True
    """
    from followup_lib.outcomes.loader import load_applications

    return SegmentCurves(load_applications(), "the synthetic dataset")
