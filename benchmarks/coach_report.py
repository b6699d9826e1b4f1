"""Out-of-sample measurement of the reviewer on messages written in career centres' styles.

``benchmarks/coach_messages.yaml`` holds messages written by someone who had not seen the
reviewer's rules, each labelled good or bad with the faults a career coach would name. The
file is split in two, once and for all, by :func:`split`: within each kind of message and
each verdict (good or bad), the messages in id order go alternately to the *tuning* half
and the *test* half. Rules may be tuned on the tuning half only; the test half is the
measurement. This is a measurement, not a test: nothing asserts, and the messages are not
to be edited to chase results.

Run:  python benchmarks/coach_report.py            (the test half: the figures to report)
      python benchmarks/coach_report.py --tuning   (the half the rules may be tuned on)
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reviewer_scoring import COACH_LABELS, print_score, score  # noqa: E402

MESSAGES = Path(__file__).with_name("coach_messages.yaml")
#: The day the messages are reviewed on, when one gives no send date (fixed, so the figures
#: do not change with the day the report runs).
REVIEW_DAY = date(2026, 11, 24)


def split(entries: list[dict]) -> tuple[list[dict], list[dict]]:
    """(tuning, test): alternate messages of each kind and verdict, in id order."""
    tuning, test = [], []
    groups: dict[tuple, list[dict]] = {}
    for entry in entries:
        groups.setdefault((entry["kind"], bool(entry["good"])), []).append(entry)
    for key in sorted(groups):
        for i, entry in enumerate(sorted(groups[key], key=lambda e: e["id"])):
            (tuning if i % 2 == 0 else test).append(entry)
    return tuning, test


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tuning", action="store_true", help="score the tuning half instead")
    parser.add_argument("--brief", action="store_true", help="only the table")
    args = parser.parse_args()
    entries = yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))
    for entry in entries:
        entry.setdefault("today", REVIEW_DAY)
    tuning, test = split(entries)
    half = tuning if args.tuning else test
    print_score(score(half, same_fault=COACH_LABELS), "tuning half" if args.tuning else "test half (not tuned on)", not args.brief)


if __name__ == "__main__":
    main()
