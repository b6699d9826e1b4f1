"""Speed of the tracker anonymiser on a large generated tracker export.

Generates a raw tracker (100,000 rows by default: names, e-mails, URLs, notes, US dates,
outcome labels), writes it as CSV in a temporary folder, then times in one run:
plain ``pandas.read_csv`` of the file (the baseline), ``read_tracker``,
``anonymise_table`` and the whole ``anonymise_file`` (read, anonymise, validate, write).
The budget is 10 s for ``anonymise_file`` on 100,000 rows.

Run: ``python benchmarks/bench_anonymise.py [ROWS]``
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from followup_lib.outcomes.tracker.anonymise import anonymise_file, anonymise_table
from followup_lib.outcomes.tracker.reader import read_tracker

BUDGET_SECONDS = 10.0
STATUSES = np.array(["Ghosted", "Rejected", "Interview", "Inter + Rejec", "Offer",
                     "Position Removed", "Withdrawn"])
STATUS_SHARES = [0.6, 0.27, 0.06, 0.03, 0.01, 0.015, 0.015]
ANSWERED = ["Rejected", "Interview", "Inter + Rejec", "Offer", "Position Removed"]
INTERVIEWED = ["Interview", "Inter + Rejec", "Offer"]
COMPANY_TYPES = np.array(["IT", "Consulting", "Staffing", "Healthcare", "Education",
                          "Government", "Finance", "Retail", "Software", "Agriculture", ""])
LEVELS = np.array(["Entry", "Mid", "Senior", "Associate", "Intern"])
WORDS = np.array(["Amber", "Birch", "Cobalt", "Delta", "Ember", "Fjord", "Garnet", "Harbor",
                  "Indigo", "Jasper", "Kestrel", "Lumen", "Maple", "Nimbus", "Onyx", "Pine"])


def us_dates(days: pd.Series) -> pd.Series:
    """Day offsets from 2021-01-01 as M/D/YYYY text; missing offsets as blanks."""
    dates = pd.Timestamp("2021-01-01") + pd.to_timedelta(days, unit="D")
    text = (dates.dt.month.astype("Int64").astype(str) + "/"
            + dates.dt.day.astype("Int64").astype(str) + "/"
            + dates.dt.year.astype("Int64").astype(str))
    return text.where(dates.notna(), "")


def generate_tracker(rows: int, seed: int = 0) -> pd.DataFrame:
    """A raw tracker export with identifiers in every text column (vectorised)."""
    rng = np.random.default_rng(seed)
    first, second = rng.choice(WORDS, rows), rng.choice(WORDS, rows)
    number = pd.Series(rng.integers(1000, 999999, rows)).astype(str)
    status = pd.Series(rng.choice(STATUSES, rows, p=STATUS_SHARES))
    applied = pd.Series(rng.integers(0, 700, rows))  # every date before the current date
    answered = status.isin(ANSWERED)
    response = (applied + rng.integers(0, 60, rows)).where(answered)
    interview = (response + rng.integers(0, 14, rows)).where(status.isin(INTERVIEWED))
    company = pd.Series(first) + " " + pd.Series(second) + " Inc"
    return pd.DataFrame({
        "Company": company,
        "Position": pd.Series(second) + " Analyst " + number.str[:2],
        "Website": "https://jobs." + pd.Series(first).str.lower() + ".example/" + number,
        "Contact": pd.Series(first).str.lower() + "." + number + "@mail.example",
        "Notes": "spoke to " + pd.Series(second) + " on (555) 010-" + number.str[:4],
        "Date sent": us_dates(applied), "Response?": status,
        "Date of 1st Response": us_dates(response), "Date Interview": us_dates(interview),
        "Company Type": rng.choice(COMPANY_TYPES, rows), "Job Level": rng.choice(LEVELS, rows),
        "Current Date": "3/13/2023 18:51:27",
    })


def seconds(func) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def main(rows: int = 100_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "tracker.csv"
        generate_tracker(rows).to_csv(source, index=False)
        size_mb = source.stat().st_size / 1e6
        baseline, _ = seconds(lambda: pd.read_csv(source))
        read, raw = seconds(lambda: read_tracker(source))
        anonymise, (_, report) = seconds(lambda: anonymise_table(raw))
        whole, _ = seconds(lambda: anonymise_file(source, Path(folder) / "cohort.csv"))
    print(f"{rows:,} raw rows ({size_mb:.1f} MB CSV); {report.rows_out:,} rows out, "
          f"{report.rows_suppressed:,} suppressed, k achieved {report.k_achieved}")
    print(f"{'step':<32} {'seconds':>8} {'x read_csv':>11}")
    for name, value in [("pandas.read_csv (baseline)", baseline), ("read_tracker", read),
                        ("anonymise_table", anonymise), ("anonymise_file (all)", whole)]:
        print(f"{name:<32} {value:8.2f} {value / baseline:11.1f}")
    verdict = "ok" if whole < BUDGET_SECONDS else "OVER"
    print(f"budget: anonymise_file under {BUDGET_SECONDS:.0f} s -> {verdict}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
