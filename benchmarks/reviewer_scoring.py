"""Scoring the draft reviewer against labelled messages: the one scorer every report uses.

A rule "fires" on a message when the reviewer reports it as an ``error`` or a ``warning``
(tips are advice, not faults). A firing rule the labels do not list is a false positive
for that rule; a listed rule that does not fire is a false negative. Labels name the fault
a coach sees; :data:`COACH_LABELS` maps the reviewer's ids onto them where they differ
(``too_long`` covers ``too_long_to_say``).
Good messages given any ``error`` are counted apart: the figure that matters most, since a
learner told that a good message has errors stops trusting the coach.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from followup_lib.messages.review import review_draft  # noqa: E402

FIRING = ("error", "warning")
#: Reviewer rule -> the label the coach-style messages give the same fault.
COACH_LABELS = {"too_long_to_say": "too_long"}


@dataclass
class Score:
    """Counts per rule, and the messages behind every miss and false alarm."""

    counts: dict[str, Counter] = field(default_factory=dict)
    good: int = 0
    bad: int = 0
    good_with_error: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)


def score(entries: list[dict], labels: str = "faults", same_fault: dict[str, str] | None = None) -> Score:
    """Score the reviewer on ``entries`` (each with ``id``, ``kind``, ``text``, ``good``, ``context``
    and the list of expected rules under ``labels``); ``same_fault`` maps rule ids to labels."""
    same = same_fault or {}
    result = Score()
    for entry in entries:
        review = review_draft(entry["text"], entry["kind"], context=entry.get("context"), today=entry.get("today"))
        findings = list(review.findings)
        fired = {same.get(f.rule, f.rule) for f in findings if f.severity in FIRING}
        expected = set(entry.get(labels) or [])
        if entry["good"]:
            result.good += 1
            if any(f.severity == "error" for f in findings):
                result.good_with_error.append(entry["id"])
        else:
            result.bad += 1
        for rule in fired | expected:
            counter = result.counts.setdefault(rule, Counter())
            counter["tp" if rule in fired and rule in expected else "fp" if rule in fired else "fn"] += 1
        for rule in sorted(expected - fired):
            other = [f"{f.severity}: {f.message}" for f in findings if same.get(f.rule, f.rule) == rule]
            note = f" (only as {'; '.join(other)})" if other else " (not reported)"
            result.misses.append(f"  {entry['id']:<40}{rule:<24}{note}")
        for f in findings:
            if f.severity in FIRING and same.get(f.rule, f.rule) not in expected:
                result.false_alarms.append(f"  {entry['id']:<40}{f.rule:<24}{f.severity}: {f.message[:90]}")
    return result


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def print_score(result: Score, title: str, details: bool = True) -> None:
    """Print the table: rule, TP, FP, FN, precision, recall; then the good messages with an error."""
    print(f"{title}: {result.good + result.bad} messages ({result.good} good, {result.bad} bad)")
    print(f"{'rule':<26}{'TP':>4}{'FP':>4}{'FN':>4}{'precision':>11}{'recall':>8}")
    total = Counter()
    for rule, c in sorted(result.counts.items()):
        total.update(c)
        print(f"{rule:<26}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}{_ratio(c['tp'], c['tp'] + c['fp']):>11}"
              f"{_ratio(c['tp'], c['tp'] + c['fn']):>8}")
    print(f"{'(all rules)':<26}{total['tp']:>4}{total['fp']:>4}{total['fn']:>4}"
          f"{_ratio(total['tp'], total['tp'] + total['fp']):>11}{_ratio(total['tp'], total['tp'] + total['fn']):>8}")
    print(f"good messages with any error finding: {len(result.good_with_error)} of {result.good}"
          + (f" ({', '.join(result.good_with_error)})" if result.good_with_error else ""))
    if details:
        print(f"misses: {len(result.misses)}")
        print("\n".join(result.misses) if result.misses else "  none")
        print(f"false alarms: {len(result.false_alarms)}")
        print("\n".join(result.false_alarms) if result.false_alarms else "  none")
