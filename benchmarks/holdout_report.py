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
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reviewer_scoring import print_score, score  # noqa: E402

DRAFTS = Path(__file__).with_name("holdout_drafts.yaml")


def main() -> None:
    entries = yaml.safe_load(DRAFTS.read_text(encoding="utf-8"))
    print_score(score(entries, labels="expect"), "held-out drafts")


if __name__ == "__main__":
    main()
