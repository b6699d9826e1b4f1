"""The chance of still hearing back after some days of silence, for one segment.

P(any answer eventually | none after ``s`` days) = 1 − S(end)/S(s), from the segment's
Kaplan–Meier curve (:mod:`~followup_lib.outcomes.segments`; censored rows kept), as
:func:`~followup_lib.outcomes.analysis.p_response_given_silent` computes it for the whole
table. S(end) is the curve's last value, so answers later than the data reaches are not
counted: the chance is a floor.

Suppression: a segment with fewer than ``k`` rows (``params.k_anonymity``) shows no
chance, and neither does one where fewer than ``k`` rows were still waiting at ``s``
(a chance resting on a handful of rows says nothing, and would let them be picked out).
:meth:`SegmentChance.words` then says why, in plain words. ``lifelines`` is imported
only when a curve is fitted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.outcomes.arguments import check_days, resolve_k
from followup_lib.outcomes.segments import STAGE_UNITS, Segment, SegmentCurves


@dataclass(frozen=True)
class SegmentChance:
    """The chance of still hearing back after ``silent_days``, for one segment and stage.

    Attributes
    ----------
    segment : Segment
    stage : str
        ``"interview"`` or ``"application"``.
    silent_days : float
        Days of silence so far.
    k : int
        The smallest group shown.
    n : int or None
        Rows in the segment's curve; None when the segment is suppressed.
    still_waiting : int or None
        Of those, rows still waiting after ``silent_days``; None when suppressed.
    chance : float or None
        P(an answer eventually | none after ``silent_days``), 0 to 1; None when suppressed.
    reason : str or None
        Why nothing is shown: ``"small_segment"`` (under ``k`` rows) or
        ``"few_still_waiting"`` (under ``k`` still waiting at ``silent_days``).
    source : str
        What the rows are, in words (``"the synthetic dataset"``, ``"your cohort"``).
    curve : lifelines.KaplanMeierFitter or None
        The segment's curve (None for a small segment), for plotting.
    """

    segment: Segment
    stage: str
    silent_days: float
    k: int
    n: int | None
    still_waiting: int | None
    chance: float | None
    reason: str | None = None
    source: str = "the data"
    curve: object = field(default=None, repr=False, compare=False)

    @property
    def suppressed(self) -> bool:
        """True when no chance is shown (see ``reason``)."""
        return self.reason is not None

    def words(self) -> str:
        """The result as plain sentences (the reason, when nothing is shown)."""
        unit, s = STAGE_UNITS[self.stage], f"{self.silent_days:g}"
        where = "" if not self.segment.chosen() else f" in this segment ({self.segment.label()})"
        if self.reason == "small_segment":
            return (f"Fewer than {self.k} {unit}{where}: too few to show, so no chance is given "
                    f"(groups under {self.k} are suppressed). Choose a broader segment.")
        if self.reason == "few_still_waiting":
            return (f"Fewer than {self.k} {unit}{where} were still waiting after {s} days: too "
                    "few to estimate a chance, so none is shown.")
        what = "a decision" if self.stage == "interview" else "a first response"
        chance = ("under 1%" if self.chance < 0.005 else f"about {self.chance:.0%}")
        return (f"In {self.source} ({self.segment.label()}: {self.n:,} {unit}), "
                f"{self.still_waiting:,} were still without {what} after {s} days; the estimated "
                f"chance that they still got one is {chance}. This is a floor (answers later "
                "than the data reaches are not counted), not your own odds.")

    def to_dict(self) -> dict:
        """JSON-ready values (the curve left out)."""
        return {"segment": self.segment.chosen(), "segment_label": self.segment.label(),
                "stage": self.stage, "silent_days": self.silent_days, "k": self.k, "n": self.n,
                "still_waiting": self.still_waiting,
                "chance": None if self.chance is None else round(self.chance, 4),
                "suppressed": self.suppressed, "reason": self.reason, "words": self.words()}

    def __str__(self) -> str:
        return self.words()

    def _repr_html_(self) -> str:
        return (f'<div class="fc-chance" data-suppressed="{str(self.suppressed).lower()}">'
                f"{escape(self.words())}</div>")


def _chance(curves: SegmentCurves, silent_days, segment: Segment | None, stage: str,
            params: Params, k: int | None) -> SegmentChance:
    """:func:`chance_still_hearing` on a table's cached curves."""
    check_days(silent_days, "silent_days")
    k = resolve_k(k, params)
    segment = segment or Segment()
    days, _, _ = curves.durations(segment, stage)
    silent = float(silent_days)
    base = dict(segment=segment, stage=stage, silent_days=silent, k=k, source=curves.source)
    if len(days) < k:
        return SegmentChance(**base, n=None, still_waiting=None, chance=None,
                             reason="small_segment")
    curve = curves.curve(segment, stage)
    waiting = int((days > silent).sum())
    if waiting < k:
        return SegmentChance(**base, n=len(days), still_waiting=None, chance=None,
                             reason="few_still_waiting", curve=curve)
    at_end = float(curve.survival_function_.iloc[-1, 0])
    at_s = float(curve.survival_function_at_times([silent]).iloc[0])
    chance = 1 - at_end / at_s if at_s > 0 else math.nan
    return SegmentChance(**base, n=len(days), still_waiting=waiting, chance=chance,
                         curve=curve)


def chance_still_hearing(data, silent_days, *, segment: Segment | None = None,
                         stage: str = "interview", params: Params = DEFAULTS,
                         k: int | None = None) -> SegmentChance:
    """The chance of still hearing back after ``silent_days`` of silence, for a segment.

    From the segment's Kaplan–Meier curve (censored rows kept): 1 − S(end)/S(s), where
    S(end) is the curve's last value. That counts only answers the data saw, so it is a
    floor. Nothing is shown for a segment of fewer than ``k`` rows, or when fewer than
    ``k`` of its rows were still waiting after ``silent_days``; :meth:`SegmentChance.words`
    then says why.

    Parameters
    ----------
    data : pandas.DataFrame or SegmentCurves
        Validated applications, or a :class:`SegmentCurves` (fits reused).
    silent_days : float
        Days of silence so far (since the interview for ``stage="interview"``, since
        applying for ``"application"``), 0 or more.
    segment : Segment, optional
        Industry, company size and role level; all rows when left out.
    stage : {"interview", "application"}, default "interview"
        Waiting for a decision after the interview, or for a first response.
    params : Params, default ``DEFAULTS``
        ``params.k_anonymity`` is the smallest group shown.
    k : int, optional
        An explicit smallest group; it wins over ``params``.

    Returns
    -------
    SegmentChance

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> df = load_applications()
    >>> result = chance_still_hearing(df, 14)
    >>> result.n, result.still_waiting, round(result.chance, 2)
    (561, 145, 0.31)
    >>> chance_still_hearing(df, 14, segment=Segment(industry="government",
    ...                                              role_level="senior")).reason
    'small_segment'
    >>> round(chance_still_hearing(df, 7, stage="application").chance, 2)  # as summarise()
    0.26
    """
    curves = data if isinstance(data, SegmentCurves) else SegmentCurves(data)
    return _chance(curves, silent_days, segment, stage, params, k)
