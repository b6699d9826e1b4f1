"""Regenerate the shipped applications dataset, byte for byte.

Usage::

    python tools/make_dataset.py            # rewrite data/applications.csv and the
                                            # package copy followup_lib/outcomes/applications.csv
    python tools/make_dataset.py --out X.csv  # write only X.csv (e.g. to compare)

The rows come from ``generate_applications(ROWS, SEED)``; the same seed, the same code
and the same library versions give the same bytes (``tests/test_outcomes_generator.py``
checks it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from followup_lib.outcomes.generator import generate_applications  # noqa: E402
from followup_lib.outcomes.loader import SHIPPED_DATASET, save_applications  # noqa: E402

#: Rows and seed of the shipped dataset.
ROWS, SEED = 3000, 2024
#: Where the dataset is shipped: the repository's data/ and the installed package.
TARGETS = (REPO / "data" / "applications.csv", SHIPPED_DATASET)


def main(argv: list[str] | None = None) -> int:
    """Write the dataset to ``--out`` or to both shipped locations."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write only this file")
    args = parser.parse_args(argv)
    rows = generate_applications(ROWS, SEED)
    for target in [args.out] if args.out else TARGETS:
        save_applications(rows, target)
        print(f"wrote {len(rows)} rows to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
