"""Speed of the draft reviewer: first call, then median and 95th percentile of warm calls.

The budget (DESIGN.md) is 50 ms at the 95th percentile for a widget callback that does
not redraw a plot; ``review_draft`` on a 300-word draft must fit in it once the
dictionary is loaded. Also timed: drafting a message, and a 1 MB paste.

Run:  python benchmarks/bench_review.py [--runs 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BUDGET_MS = 50.0
PARAGRAPH = ("Thank you for meeting with me on Monday about the Data Analyst role at Acme. I especially "
             "enjoyed our conversation about the churn dashboard and how the team plans to rebuild it "
             "with SQL and a cleaner ETL pipeline next year. In my current job I led a similar project, "
             "and I recieved good feedback from the finance team about how quickly they could find "
             "answers. I am very interested in the position and look forward to hearing about the next "
             "steps. ")


def three_hundred_words() -> str:
    """A 300-word email: a subject, a greeting, repeated paragraphs (one typo) and a sign-off."""
    words = (PARAGRAPH * 6).split()[:290]
    return "Subject: Thank you\n\nHi Sam,\n\n" + " ".join(words) + "\n\nBest regards,\nZoë Ångström"


def timed(call, runs: int) -> list[float]:
    """Milliseconds per call, over ``runs`` calls."""
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        out.append((time.perf_counter() - started) * 1000)
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs

    started = time.perf_counter()
    from followup_lib.etiquette.case import Case
    from followup_lib.messages.drafts import draft
    from followup_lib.messages.review import review_draft
    import_ms = (time.perf_counter() - started) * 1000

    text = three_hundred_words()
    case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    context = {"name": "Zoë Ångström", "interviewer": "Sam", "company": "Acme", "position": "Data Analyst",
               "topics": ["the churn dashboard"], "situation": case, "send_date": "2026-11-16T20:00:00-05:00"}
    first_ms = timed(lambda: review_draft(text, "thank_you", context), 1)[0]
    warm = timed(lambda: review_draft(text, "thank_you", context), runs)
    bare = timed(lambda: review_draft(text, "thank_you"), runs)
    drafts = timed(lambda: draft("follow_up", case, name="Zoë Ångström", interviewer="Sam",
                                 position="Data Analyst", company="Acme", topics="the churn dashboard"), runs)
    paste = ("Thank you for your time and our conversation about SQL. " * 18_000)[:1_000_000]
    paste_ms = timed(lambda: review_draft(paste, "thank_you"), 5)

    review = review_draft(text, "thank_you", context)
    print(f"draft under review: {review.word_count} words, findings: {review.rules()}")
    print(f"import of drafts + review modules: {import_ms:7.1f} ms")
    print(f"first review (loads the dictionary): {first_ms:7.1f} ms")
    for label, values in (("review, 300 words, with context", warm), ("review, 300 words, no context", bare),
                          ("draft a follow-up", drafts)):
        p95 = percentile(values, 0.95)
        print(f"{label:<34} median {statistics.median(values):6.2f} ms   p95 {p95:6.2f} ms   "
              f"p95 / {BUDGET_MS:.0f} ms budget = {p95 / BUDGET_MS:.2f}   ({len(values)} runs)")
    print(f"review of a 1 MB paste: median {statistics.median(paste_ms):6.1f} ms, max {max(paste_ms):6.1f} ms "
          f"(5 runs)")


if __name__ == "__main__":
    main()
