"""Speed of the etiquette engine, as a widget callback would call it.

Prints the first call (holiday tables built), then median and 95th percentile of
``advise``, ``make_plan`` and ``Plan.to_ics`` over repeated calls with a changing day.
The design's budget for a widget callback that does not redraw a plot is 50 ms at p95.

Run: ``python benchmarks/bench_etiquette.py``
"""

from __future__ import annotations

import statistics
import time
from datetime import date, timedelta

from followup_lib.etiquette.advisor import advise
from followup_lib.etiquette.plan import make_plan
from followup_lib.etiquette.case import Case

CASE = Case.from_dict({
    "interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20", "country": "US",
    "contacts": [{"at": "2026-11-16T19:00:00-05:00", "kind": "thank_you"},
                 {"at": "2026-11-24", "kind": "follow_up"}],
    "responses": [{"at": "2026-11-25", "kind": "new_timeline", "new_decision_by": "2026-12-11"}],
})


def timed(func, runs: int = 300) -> tuple[float, float, float]:
    """First call, median and p95, in milliseconds."""
    start = time.perf_counter()
    func(0)
    first = (time.perf_counter() - start) * 1000
    samples = []
    for i in range(1, runs + 1):
        start = time.perf_counter()
        func(i)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return first, statistics.median(samples), samples[int(0.95 * len(samples)) - 1]


def main() -> None:
    day = CASE.interview_date
    rows = {
        "advise": lambda i: advise(CASE, today=day + timedelta(days=i % 60)),
        "make_plan": lambda i: make_plan(CASE, today=day + timedelta(days=i % 60)),
        "plan.to_ics": lambda i: make_plan(CASE).to_ics(),
    }
    print(f"{'call':<12} {'first ms':>9} {'median ms':>10} {'p95 ms':>8}  budget 50 ms")
    medians = {}
    for name, func in rows.items():
        first, median, p95 = timed(func)
        medians[name] = median
        print(f"{name:<12} {first:9.2f} {median:10.3f} {p95:8.3f}  {'ok' if p95 < 50 else 'OVER'}")
    edges()


def edges() -> None:
    """The slowest answers the range of dates allows: a day at the end of 2099 for a case of 1970,
    and a case file nested 100,000 levels deep (refused before it is parsed)."""
    from followup_lib.errors import InputError

    old = Case.from_dict({"interview_end": "1970-01-02T10:00:00+00:00"})
    late = date(2099, 12, 31)
    cases = {
        "advise, 1970 case on 2099-12-31": lambda i: advise(old, today=late),
        "make_plan + ics, same": lambda i: make_plan(old, today=late).to_ics(),
        "advise, 2026 case on 2099-12-31": lambda i: advise(CASE, today=late),
    }
    print(f"\n{'edge of the date range':<34} {'first ms':>9} {'median ms':>10} {'p95 ms':>8}")
    for name, func in cases.items():
        first, median, p95 = timed(func, runs=30)
        print(f"{name:<34} {first:9.2f} {median:10.3f} {p95:8.3f}")
    deep = "[" * 100_000 + "]" * 100_000
    start = time.perf_counter()
    try:
        Case.from_json(deep)
    except InputError:
        pass
    print(f"{'refuse a case nested 100,000 deep':<34} {(time.perf_counter() - start) * 1000:9.2f}")


if __name__ == "__main__":
    main()
