"""A fair comparison of follow-up behaviour: a landmark analysis.

**Why the plain table misleads.** The decision rates by follow-up timing
(:func:`~followup_lib.outcomes.rates.response_rates_by_follow_up`) group interviews by
something that happens *later*: a candidate can only follow up on day 12 if no decision
had come by day 12. Interviews decided quickly never get the chance to be followed up, so
they all land in "no follow-up", which therefore looks much better than "follow-up late"
(in the shipped data 82% against 15%) without the follow-up having anything to do with
it. Whoever follows up is, by construction, someone facing a slow or silent employer.

**What a landmark does.** Fix one day, the *landmark*: here a number of business days
after each interview's decision date (by default the end of the on-time follow-up
window, ``LATE_AFTER``). Keep only the interviews still waiting on that day (no decision
yet, and still watched: not withdrawn, not past the end of the data). Put them in two
groups by what was already true on that day (had the candidate followed up by then, or
not yet), and compare what happened *afterwards*: the chance of a decision within
``horizon_days`` after the landmark, with a Wilson interval (an interview that left
the data sooner, by a withdrawal or the data's end, cannot say and is not counted).
Both groups are in the same position on the same day, so the comparison is no longer
tilted by who happened to follow up (the remedy for this
"immortal time" bias; Anderson, Cain & Gelber 1983). It remains an association in
synthetic data, whose only follow-up effect is an assumption: no causal claim.

**Days.** The data hold day counts, not dates: ``decision_days`` counts calendar days
after the interview, the deadline and the follow-up count business days. The landmark's
calendar day is taken as ``ceil(business days × 7 / 5)`` (exact for whole weeks, within
a day or two otherwise, public holidays ignored).

Groups under ``k`` rows (``params.k_anonymity``) are suppressed; when one of the two is,
both are, so that neither can be recovered from the total. Pure numpy and pandas.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

import numpy as np
import pandas as pd

from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.outcomes.arguments import check_days, check_whole, resolve_k
from followup_lib.outcomes.rates import require_columns, wilson_interval
from followup_lib.outcomes.segments import Segment

#: Days after the landmark within which a decision is counted, by default.
DEFAULT_HORIZON_DAYS = 30
#: The two groups, in display order, and their names.
GROUP_LABELS = {"followed_up": "had followed up by then",
                "not_yet": "had not followed up (yet)"}
_NEEDED = ("interviewed", "timeline_business_days", "follow_up_timing",
           "follow_up_business_days", "decision_days", "decision_censored")


def landmark_choices(params: Params = DEFAULTS) -> tuple[tuple[str, int], ...]:
    """Landmarks a widget offers: ``(label, business days after the decision date)``.

    Examples
    --------
    >>> [days for _, days in landmark_choices()]
    [2, 3, 10]
    """
    return ((f"when the follow-up falls due (decision date + {params.follow_up_grace} "
             "business days)", int(params.follow_up_grace)),
            (f"end of the ideal window (+ {params.follow_up_ideal_max})",
             int(params.follow_up_ideal_max)),
            (f"end of the on-time window (+ {params.late_after})", int(params.late_after)))


def landmark_name(after_deadline: int, params: Params = DEFAULTS) -> str:
    """The landmark in words, e.g. ``'the end of the on-time window'``.

    Examples
    --------
    >>> landmark_name(10), landmark_name(4)
    ('the end of the on-time window', '4 business days after the decision date')
    """
    names = {params.late_after: "the end of the on-time window",
             params.follow_up_ideal_max: "the end of the ideal window",
             params.follow_up_grace: "the day the follow-up falls due"}
    return names.get(after_deadline, f"{after_deadline} business days after the decision date")


def landmark_day(deadline_business_days, after_deadline: int) -> np.ndarray:
    """The landmark in calendar days after the interview: ``ceil(bd × 7 / 5)``.

    Examples
    --------
    >>> landmark_day(np.array([10, 5, 3]), 10).tolist()
    [28.0, 21.0, 19.0]
    """
    return np.ceil((np.asarray(deadline_business_days, dtype=float) + after_deadline) * 7 / 5)


@dataclass(frozen=True)
class LandmarkGroup:
    """One group of the comparison; numbers are None when suppressed."""

    group: str
    n: int | None
    chance: float | None
    ci_lower: float | None
    ci_upper: float | None
    suppressed: bool = False

    @property
    def label(self) -> str:
        return GROUP_LABELS[self.group]


@dataclass(frozen=True)
class LandmarkComparison:
    """What :func:`landmark_comparison` found; ``words()``, a table, HTML and JSON.

    Attributes
    ----------
    after_deadline : int
        The landmark, in business days after each interview's decision date.
    horizon_days : float
        Days after the landmark within which a decision counts.
    k : int
        The smallest group shown.
    segment : Segment
    source : str
        What the rows are, in words.
    interviews : int or None
        Interviews in the segment (None when fewer than ``k``, but 0 when none).
    not_recorded, undated : int
        Interviews left out: follow-up not recorded; no ``decision_days``.
    waiting : int or None
        Interviews still waiting on the landmark (None when fewer than ``k``).
    groups : tuple of LandmarkGroup
        ``followed_up`` and ``not_yet``: interviews still waiting on the landmark and
        followed for ``horizon_days`` after it (or decided within them).
    left_early : int
        Interviews still waiting on the landmark that left the data (withdrawn, or the
        data end) within ``horizon_days`` without a decision: not counted.
    in_file : bool
        False when no interview of the file records its follow-up (a tracker).
    """

    after_deadline: int
    horizon_days: float
    k: int
    segment: Segment
    source: str
    interviews: int | None
    not_recorded: int
    undated: int
    waiting: int | None
    groups: tuple[LandmarkGroup, ...] = ()
    left_early: int = 0
    in_file: bool = True
    params: Params = field(default=DEFAULTS, repr=False, compare=False)

    @property
    def shown(self) -> bool:
        """True when the two groups' numbers are shown."""
        return bool(self.groups) and not any(g.suppressed for g in self.groups)

    def table(self) -> pd.DataFrame:
        """One row per group: ``group``, ``label``, ``n``, ``chance``, interval, ``suppressed``."""
        return pd.DataFrame([{"group": g.group, "label": g.label, "n": g.n, "chance": g.chance,
                              "ci_lower": g.ci_lower, "ci_upper": g.ci_upper,
                              "suppressed": g.suppressed} for g in self.groups],
                            columns=["group", "label", "n", "chance", "ci_lower", "ci_upper",
                                     "suppressed"])

    def words(self) -> list[str]:
        """The comparison as plain sentences, the caveat last."""
        landmark = landmark_name(self.after_deadline, self.params)
        where = f"{self.source} ({self.segment.label()})"
        if not self.in_file:
            return [f"Follow-ups are not recorded in {where}, so no landmark comparison can "
                    "be made (a job tracker records none)."]
        if self.interviews == 0:
            return [f"There are no interviews in {where}: nothing to compare."]
        if self.interviews is None:
            return [f"Fewer than {self.k} interviews in {where}: nothing is shown "
                    f"(groups under {self.k} are suppressed). Choose a broader segment."]
        lines = [f"Landmark: {landmark}, {self.after_deadline} business days after each "
                 "interview's decision date. Only interviews still waiting on that day are "
                 "compared, by what the candidate had done by then."]
        waiting = (f"fewer than {self.k}" if self.waiting is None else f"{self.waiting:,}")
        left_out = self.not_recorded + self.undated
        lines.append(f"In {where}, {waiting} of {self.interviews:,} interviews were still "
                     "waiting then; the rest had their decision, withdrew or left the data "
                     "before it" + (f" ({left_out:,} more left out: follow-up or dates not "
                                   "recorded)." if left_out else "."))
        if not self.shown:
            lines.append(f"One group has fewer than {self.k} interviews, so neither is shown "
                         "(the other could be worked out from the total).")
        else:
            for g in self.groups:
                lines.append(f"{g.label[0].upper()}{g.label[1:]}: {_percent(g.chance)} of "
                             f"{g.n:,} heard a decision within {self.horizon_days:g} days "
                             f"after it (95% interval {_percent(g.ci_lower)}–"
                             f"{_percent(g.ci_upper)}).")
            if self.left_early:
                many = (f"{self.left_early:,}" if self.left_early >= self.k
                        else f"A few (fewer than {self.k})")
                lines.append(f"{many} more were still waiting but left the data "
                             f"(withdrew, or the data end) within {self.horizon_days:g} days "
                             "without a decision: they cannot say, so they are not counted.")
            lines.append("Both groups were waiting on the same day, so who happened to follow "
                         "up does not tilt the comparison. It is still an association, not "
                         "proof that following up works (in the synthetic dataset the only "
                         "follow-up effect is an assumption).")
        return lines

    def to_dict(self) -> dict:
        """JSON-ready values."""
        return {"after_deadline": self.after_deadline, "horizon_days": self.horizon_days,
                "left_early": self.left_early, "k": self.k,
                "segment": self.segment.chosen(), "source": self.source,
                "interviews": self.interviews, "not_recorded": self.not_recorded,
                "undated": self.undated, "waiting": self.waiting, "in_file": self.in_file,
                "groups": [{"group": g.group, "label": g.label, "n": g.n,
                            "chance": _rounded(g.chance), "ci_lower": _rounded(g.ci_lower),
                            "ci_upper": _rounded(g.ci_upper), "suppressed": g.suppressed}
                           for g in self.groups],
                "words": self.words()}

    def __str__(self) -> str:
        return "\n".join(self.words())

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{escape(line)}</li>" for line in self.words())
        return (f'<div class="fc-landmark"><b>A fair comparison (landmark)</b>'
                f"<ul>{items}</ul></div>")


def _percent(value) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) \
        else f"{value:.0%}"


def _rounded(value):
    return None if value is None else round(float(value), 4)


def _share_within(after: np.ndarray, heard: np.ndarray, horizon: float):
    """Rows followed for the horizon, the share with a decision within it, Wilson 95%.

    A row counts when a decision came within ``horizon`` days after the landmark, or
    when it was still watched, undecided, ``horizon`` days after it; a row that left the
    data sooner (withdrawn, or the data end) cannot say, and is not counted.
    """
    decided = heard & (after <= horizon)
    counted = decided | (after >= horizon)
    n, yes = int(counted.sum()), int(decided.sum())
    low, high = wilson_interval([yes], [n])
    return n, (yes / n if n else math.nan), float(low[0]), float(high[0]), int((~counted).sum())


def _usable(interviews: pd.DataFrame) -> tuple[pd.DataFrame, int, int]:
    """Interviews whose follow-up and decision days are recorded, and the counts left out."""
    timing = interviews["follow_up_timing"].astype(object)
    day = pd.to_numeric(interviews["follow_up_business_days"], errors="coerce")
    placed = timing.eq("none") | (timing.isin(("early", "on_time", "late")) & day.notna())
    days = pd.to_numeric(interviews["decision_days"], errors="coerce")
    dated = days.notna() & interviews["decision_censored"].notna()
    return (interviews[placed & dated], int((~placed).sum()), int((placed & ~dated).sum()))


def landmark_comparison(df: pd.DataFrame, *, after_deadline: int | None = None,
                        horizon_days: float = DEFAULT_HORIZON_DAYS,
                        segment: Segment | None = None, params: Params = DEFAULTS,
                        k: int | None = None, source: str = "the data") -> LandmarkComparison:
    """Compare interviews still waiting at a landmark, by whether they had followed up.

    See the module docstring for why this is fairer than the plain table of rates by
    follow-up timing, and how the landmark is placed.

    Parameters
    ----------
    df : pandas.DataFrame
        Validated applications.
    after_deadline : int, optional
        The landmark in business days after each interview's decision date (the stated
        timeline, else ``params.default_decision_business_days``); by default
        ``params.late_after``, the end of the on-time window. A follow-up on or before
        it counts as "had followed up by then".
    horizon_days : float, default 30
        Days after the landmark within which a decision counts.
    segment : Segment, optional
        Industry, company size and role level; all rows when left out.
    params : Params, default ``DEFAULTS``
        ``k_anonymity`` (smallest group shown), ``late_after``, and the default deadline.
    k : int, optional
        An explicit smallest group; it wins over ``params``.
    source : str, default "the data"
        What the rows are, in words.

    Returns
    -------
    LandmarkComparison

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> result = landmark_comparison(load_applications(), source="the synthetic dataset")
    >>> result.interviews, result.waiting, [g.n for g in result.groups]
    (561, 109, [32, 70])
    >>> print(result.words()[0][:70])
    Landmark: the end of the on-time window, 10 business days after each i
    """
    require_columns(df, ("industry", "company_size", "role_level", *_NEEDED))
    k = resolve_k(k, params)
    after = int(params.late_after) if after_deadline is None else after_deadline
    check_whole(after, "after_deadline", 0, 10, "a whole number of business days, 0 or more")
    check_days(horizon_days, "horizon_days", zero_ok=False, example="30")
    segment = segment or Segment()
    interviews = df[segment.mask(df) & df["interviewed"].to_numpy(dtype=bool)]
    usable, not_recorded, undated = _usable(interviews)
    base = dict(after_deadline=after, horizon_days=float(horizon_days), k=k, segment=segment,
                source=source, not_recorded=not_recorded, undated=undated, params=params)
    if len(interviews) and not_recorded == len(interviews):
        return LandmarkComparison(**base, interviews=len(interviews), waiting=None,
                                  in_file=False)
    if len(interviews) < k:
        return LandmarkComparison(**base, interviews=len(interviews) and None, waiting=None)
    deadline = pd.to_numeric(usable["timeline_business_days"], errors="coerce") \
        .fillna(params.default_decision_business_days).to_numpy(dtype=float)
    landmark = landmark_day(deadline, after)
    days = pd.to_numeric(usable["decision_days"]).to_numpy(dtype=float)
    waiting = days > landmark
    heard = ~usable["decision_censored"].to_numpy(dtype=bool, na_value=True)
    followed = pd.to_numeric(usable["follow_up_business_days"], errors="coerce") \
        .le(after).to_numpy(dtype=bool, na_value=False)
    counts = {name: _share_within(days[member] - landmark[member], heard[member],
                                  float(horizon_days))
              for name, member in (("followed_up", waiting & followed),
                                   ("not_yet", waiting & ~followed))}
    hide = any(n < k for n, *_ in counts.values())
    groups = tuple(LandmarkGroup(name, None, None, None, None, suppressed=True) if hide
                   else LandmarkGroup(name, n, share, low, high)
                   for name, (n, share, low, high, _) in counts.items())
    total = int(waiting.sum())
    return LandmarkComparison(**base, interviews=len(interviews),
                              waiting=total if total >= k else None, groups=groups,
                              left_early=sum(c[4] for c in counts.values()))
