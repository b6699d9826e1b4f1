"""Widget callback latency, headless: the time from a value change to the redrawn output.

The design's budget: a callback that does not redraw a plot answers in under 50 ms at
the 95th percentile. Run: ``python benchmarks/bench_widgets.py``
"""

from __future__ import annotations

import statistics
import time
from datetime import date, timedelta

from followup_lib.widgets.planner import PlannerWidget


def main(runs: int = 200) -> None:
    start = time.perf_counter()
    planner = PlannerWidget(today=date(2026, 11, 18))
    planner.set_values(interview_day=date(2026, 11, 16), decision_by=date(2026, 11, 20),
                       thank_you=date(2026, 11, 16))
    print(f"PlannerWidget built and first drawn in {(time.perf_counter() - start) * 1000:.1f} ms")
    samples = []
    for i in range(runs):
        start = time.perf_counter()
        planner._today.value = date(2026, 11, 17) + timedelta(days=i % 50)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[int(0.95 * runs) - 1]
    print(f"change the day ({runs} runs): median {statistics.median(samples):.2f} ms, p95 {p95:.2f} ms "
          f"(budget 50 ms: {'ok' if p95 < 50 else 'OVER'}; p95/budget = {p95 / 50:.2f})")
    shared(planner, runs)


def shared(planner: PlannerWidget, runs: int) -> None:
    """Two planners on one case model: a change in the first redraws both."""
    other = PlannerWidget(planner.model)
    samples = []
    for i in range(runs):
        start = time.perf_counter()
        planner._inputs["decision_by"].value = date(2026, 11, 20) + timedelta(days=i % 10)
        samples.append((time.perf_counter() - start) * 1000)
    assert other.case == planner.case
    samples.sort()
    p95 = samples[int(0.95 * runs) - 1]
    print(f"change a field, two widgets on one model ({runs} runs): median {statistics.median(samples):.2f} ms, "
          f"p95 {p95:.2f} ms (budget 50 ms: {'ok' if p95 < 50 else 'OVER'})")


if __name__ == "__main__":
    main()
