"""Benchmark: load + validate + summarise a million applications, against plain read_csv.

Usage::

    python benchmarks/bench_data.py [--rows 1000000] [--repeats 3]

Generates the rows with the project's generator, writes them to a temporary CSV, then in
one run times (best of ``--repeats``) plain ``pandas.read_csv`` of that file and
``load_applications`` (read, type, validate) followed by ``summarise`` (Kaplan–Meier,
conditional chances, follow-up table). Prints the times and their ratio; the quality bar
in DESIGN.md asks for "seconds", and this project aims at under 3x plain ``read_csv``.
Imports and the first pandera/lifelines set-up are warmed up before timing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from followup_lib.outcomes.analysis import summarise  # noqa: E402
from followup_lib.outcomes.generator import generate_applications  # noqa: E402
from followup_lib.outcomes.loader import load_applications, save_applications  # noqa: E402


def best_seconds(action, repeats: int) -> float:
    """The shortest of ``repeats`` wall-clock timings of ``action()``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    summarise(load_applications())  # warm up imports and caches
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        rows = generate_applications(args.rows, seed=1)
        generated = time.perf_counter() - start
        path = save_applications(rows, Path(folder) / "applications.csv")
        size_mb = path.stat().st_size / 1e6
        del rows
        plain = best_seconds(lambda: pd.read_csv(path), args.repeats)
        load = best_seconds(lambda: load_applications(path), args.repeats)
        table = load_applications(path)
        summary = best_seconds(lambda: summarise(table), args.repeats)
        both = best_seconds(lambda: summarise(load_applications(path)), args.repeats)
    print(f"rows: {args.rows:,}  file: {size_mb:.0f} MB  generate: {generated:.2f} s")
    print(f"plain pandas.read_csv:           {plain:.2f} s")
    print(f"load_applications (validate):    {load:.2f} s")
    print(f"summarise:                       {summary:.2f} s")
    print(f"load_applications + summarise:   {both:.2f} s")
    print(f"ratio (load + summarise) / read_csv: {both / plain:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
