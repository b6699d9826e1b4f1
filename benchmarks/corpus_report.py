"""Precision and recall of each review rule over the hand-written corpus in tests/corpus.

A rule "fires" on a draft when the reviewer reports it as an error or a warning (tips are
advice, not faults). A firing on a draft whose label does not list the rule counts as a
false positive for that rule; a listed rule that does not fire is a false negative.

Run:  python benchmarks/corpus_report.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reviewer_scoring import print_score, score  # noqa: E402


def load_corpus() -> list[dict]:
    """The corpus entries, read by the loader that the tests use."""
    path = REPO / "tests" / "corpus" / "corpus_loader.py"
    spec = importlib.util.spec_from_file_location("corpus_loader", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.load_corpus()


def main() -> None:
    entries = load_corpus()
    print_score(score(entries, labels="expect"), "corpus (in-sample: the rules were written with it)")


if __name__ == "__main__":
    main()
