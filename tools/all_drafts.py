"""Render every draft combination (kind x tone x variant x option), review each, and print them.

For reading the drafts as a career coach would, and for the test that every combination
passes its own review. Run: ``python tools/all_drafts.py [--only-problems]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from followup_lib.messages.combinations import all_combinations  # noqa: E402


def main() -> None:
    only_problems = "--only-problems" in sys.argv
    count = problems = 0
    for combo in all_combinations():
        count += 1
        bad = [f"{f.severity} {f.rule}: {f.message}" for f in combo.review.findings if f.severity != "tip"]
        problems += bool(bad)
        if only_problems and not bad:
            continue
        print(f"===== {combo.label}")
        print(combo.draft.text)
        for line in bad:
            print(f"  !! {line}")
        print()
    print(f"{count} combinations, {problems} with an error or a warning")


if __name__ == "__main__":
    main()
