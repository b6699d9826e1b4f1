"""Held-out measurement of the draft reviewer on drafts it was not tuned on.

This is a measurement, not a test: nothing asserts, and neither the reviewer nor the drafts in
``benchmarks/holdout_drafts.yaml`` are to be adjusted to improve its numbers. The drafts were
written independently of the reviewer's rules and of ``tests/corpus``; each is labelled good
or bad, with the rule ids that must fire on it (``expect``).

A rule "fires" on a draft when the reviewer reports it with severity ``error`` or ``warning``
(tips are advice, not faults). A firing rule not in ``expect`` is a false positive for that
rule; an expected rule that does not fire is a false negative. For good drafts the report also
counts how many got any ``error`` finding, and it lists every miss and false alarm.

Run:  python benchmarks/holdout_report.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from followup_lib.messages.review import review_draft  # noqa: E402

DRAFTS = Path(__file__).with_name("holdout_drafts.yaml")
FIRING = ("error", "warning")


def main() -> None:
    entries = yaml.safe_load(DRAFTS.read_text(encoding="utf-8"))
    counts: dict[str, Counter] = {}
    misses: list[str] = []
    false_alarms: list[str] = []
    good_with_error: list[str] = []
    for entry in entries:
        review = review_draft(entry["text"], entry["kind"], context=entry["context"])
        findings = list(review.findings)
        fired = {f.rule for f in findings if f.severity in FIRING}
        expected = set(entry["expect"])
        if entry["good"] and any(f.severity == "error" for f in findings):
            good_with_error.append(entry["id"])
        for rule in fired | expected:
            c = counts.setdefault(rule, Counter())
            c["tp" if rule in fired and rule in expected else "fp" if rule in fired else "fn"] += 1
        for rule in sorted(expected - fired):
            other = [f"{f.severity}: {f.message}" for f in findings if f.rule == rule]
            note = f" (reported only as {'; '.join(other)})" if other else " (not reported)"
            misses.append(f"  {entry['id']:<36}{rule:<24}{note}")
        for f in findings:
            if f.severity in FIRING and f.rule not in expected:
                false_alarms.append(f"  {entry['id']:<36}{f.rule:<24}{f.severity}: {f.message}")

    good = sum(bool(e["good"]) for e in entries)
    print(f"held-out drafts: {len(entries)} ({good} good, {len(entries) - good} bad)")
    print(f"{'rule':<24}{'TP':>4}{'FP':>4}{'FN':>4}{'precision':>11}{'recall':>8}")
    total = Counter()
    for rule, c in sorted(counts.items()):
        total.update(c)
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
        print(f"{rule:<24}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}{p:>11.2f}{r:>8.2f}")
    p = total["tp"] / (total["tp"] + total["fp"]) if total["tp"] + total["fp"] else float("nan")
    r = total["tp"] / (total["tp"] + total["fn"]) if total["tp"] + total["fn"] else float("nan")
    print(f"{'(all rules)':<24}{total['tp']:>4}{total['fp']:>4}{total['fn']:>4}{p:>11.2f}{r:>8.2f}")
    print(f"good drafts with any error finding: {len(good_with_error)} of {good}"
          + (f" ({', '.join(good_with_error)})" if good_with_error else ""))
    print(f"misses (expected rule did not fire): {len(misses)}")
    print("\n".join(misses) if misses else "  none")
    print(f"false alarms (rule fired, not expected): {len(false_alarms)}")
    print("\n".join(false_alarms) if false_alarms else "  none")


if __name__ == "__main__":
    main()
