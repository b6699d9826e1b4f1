"""Property-based checks of the anonymiser on generated trackers full of identifiers."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_lib.errors import InputError
from followup_lib.outcomes.schema import validate_applications
from followup_lib.outcomes.tracker.anonymise import anonymise_table
from followup_lib.outcomes.tracker.k_anonymity import QUASI_IDENTIFIERS

NAMES = st.from_regex(r"[A-Z][a-z]{3,8} [A-Z][a-z]{3,8}", fullmatch=True)
EMAILS = st.from_regex(r"[a-z]{3,8}\.[a-z]{3,8}@[a-z]{4,8}\.(com|org|net)", fullmatch=True)
PHONES = st.from_regex(r"\(\d{3}\) \d{3}-\d{4}", fullmatch=True)
URLS = st.from_regex(r"https://(www\.)?[a-z]{4,10}\.(com|io)/jobs/\d{2,6}", fullmatch=True)
ANSWERED = ("Rejected", "Interview", "Offer", "Inter + Rejec")
START = date(2021, 1, 1)


@st.composite
def applications(draw) -> dict:
    """One tracker row: identifiers in every text column, plausible dates and labels."""
    status = draw(st.sampled_from(ANSWERED + ("Ghosted", "Withdrawn", "Position Removed", "")))
    applied = START + timedelta(days=draw(st.integers(0, 700)))
    answered = status in ANSWERED or (status and draw(st.booleans()))
    response = applied + timedelta(days=draw(st.integers(0, 60))) if answered else None
    interview = (response + timedelta(days=draw(st.integers(0, 14)))
                 if status in ("Interview", "Offer", "Inter + Rejec") else None)
    name, phone = draw(NAMES), draw(PHONES)
    return {
        "Company": draw(NAMES), "Contact": name, "Email": draw(EMAILS), "Phone": phone,
        "URL": draw(URLS), "Notes": f"spoke to {name}, call {phone}",
        "Company Type": draw(st.one_of(
            st.sampled_from(["IT", "Government", "Finance", "Retail", "Staffing", ""]),
            NAMES)),
        "Job Level": draw(st.sampled_from(["Entry", "Mid", "Senior", "Intern", ""])),
        "Date Applied": applied, "Date of 1st Response": response, "Interview Date": interview,
        "Status": status,
    }


def as_text(rows: list[dict], date_style: str) -> pd.DataFrame:
    """The rows as a raw tracker of text cells (dates written US or ISO style)."""
    def show(value):
        if isinstance(value, date):
            return (f"{value.month}/{value.day}/{value.year}" if date_style == "us"
                    else value.isoformat())
        return "" if value is None else value
    table = pd.DataFrame([{k: show(v) for k, v in row.items()} for row in rows])
    table.index = range(2, 2 + len(table))
    return table


IDENTIFYING = ("Company", "Contact", "Email", "Phone", "URL", "Notes")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(applications(), min_size=1, max_size=30),
       date_style=st.sampled_from(["us", "iso"]), k=st.integers(1, 6))
def test_no_identifier_survives_and_every_group_has_k_rows(rows, date_style, k):
    raw = as_text(rows, date_style)
    try:
        out, report = anonymise_table(raw, k=k)
    except InputError as err:  # only when no group of k rows can be formed at all
        assert err.field == "k" and len(raw) >= 1
        return
    secrets = {str(v).lower() for col in IDENTIFYING for v in raw[col]}
    secrets |= {v.lower() for v in raw["Company Type"] if " " in v}  # names used as labels
    cells = {str(v).lower() for v in out.astype(str).to_numpy().ravel()}
    assert not {(s, c) for s in secrets for c in cells if s in c}
    text = out.to_csv(index=False).lower()
    assert not [s for s in secrets if s in text]
    assert out.groupby(list(QUASI_IDENTIFIERS), observed=True).size().min() >= k
    assert report.rows_out + report.rows_suppressed == report.rows_in == len(raw)
    assert report.k_achieved >= k
    validate_applications(out)
