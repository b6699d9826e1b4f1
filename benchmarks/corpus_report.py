"""Precision and recall of each review rule over the hand-written corpus in tests/corpus.

A rule "fires" on a draft when the reviewer reports it as an error or a warning (tips are
advice, not faults). A firing on a draft whose label does not list the rule counts as a
false positive for that rule; a listed rule that does not fire is a false negative.

Run:  python benchmarks/corpus_report.py
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from followup_lib.messages.review import review_draft  # noqa: E402


def load_corpus() -> list[dict]:
    """The corpus entries, read by the loader that the tests use."""
    path = REPO / "tests" / "corpus" / "corpus_loader.py"
    spec = importlib.util.spec_from_file_location("corpus_loader", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.load_corpus()


def rule_counts(entries: list[dict]) -> dict[str, Counter]:
    """True positives, false positives and false negatives per rule."""
    counts: dict[str, Counter] = {}
    for entry in entries:
        review = review_draft(entry["text"], entry["kind"], entry["context"])
        fired = set(review.rules("error")) | set(review.rules("warning"))
        labelled = set(entry["expect"])
        for rule in fired | labelled:
            c = counts.setdefault(rule, Counter())
            c["tp" if rule in fired and rule in labelled else "fp" if rule in fired else "fn"] += 1
    return counts


def main() -> None:
    entries = load_corpus()
    good = sum(e["good"] for e in entries)
    print(f"corpus: {len(entries)} drafts ({good} good, {len(entries) - good} bad)")
    print(f"{'rule':<24}{'TP':>4}{'FP':>4}{'FN':>4}{'precision':>11}{'recall':>8}")
    for rule, c in sorted(rule_counts(entries).items()):
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
        print(f"{rule:<24}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}{precision:>11.2f}{recall:>8.2f}")


if __name__ == "__main__":
    main()
