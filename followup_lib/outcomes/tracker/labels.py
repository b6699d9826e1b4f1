"""Category labels of a tracker turned into the schema's closed code lists.

Industry, company size, role level and interview round are written freely in trackers
(``"IT"``, ``"51-200"``, ``"Sr"``, ``"Phone screen"``). :func:`generalise_labels` maps them
through a coach's value map, then the vocabulary :data:`LABEL_CODES`, then (for company
size) a head-count; any other label becomes ``other`` (industry) or ``unknown``, so that no
free text survives into the anonymised table.
"""

from __future__ import annotations

import re

import pandas as pd

from followup_lib.outcomes.schema import LARGE_COMPANY_STAFF, SMALL_COMPANY_STAFF
from followup_lib.outcomes.tracker.values import normalise_label


def _vocabulary(**codes: tuple[str, ...]) -> dict[str, str]:
    """Label to code, from each code's labels."""
    return {label: code for code, labels in codes.items() for label in labels}


#: Tracker labels (compared after normalising) for each closed code list.
LABEL_CODES: dict[str, dict[str, str]] = {
    "industry": _vocabulary(
        tech=("tech", "technology", "it", "information technology", "software", "hardware",
              "saas", "internet", "cyber security", "cybersecurity", "data science",
              "telecommunications", "telecom", "semiconductors", "computer software"),
        finance=("finance", "financial services", "banking", "bank", "insurance", "fintech",
                 "accounting", "investment management", "capital markets"),
        healthcare=("healthcare", "health care", "health", "hospital", "medical", "pharma",
                    "pharmaceutical", "pharmaceuticals", "biotech", "biotechnology"),
        government=("government", "public sector", "federal government", "state government",
                    "local government", "public administration"),
        retail=("retail", "ecommerce", "e commerce", "supermarket", "supermarkets", "grocery"),
        hospitality=("hospitality", "restaurant", "restaurants", "restaurants bars", "hotel",
                     "hotels", "food service", "food and beverage"),
        education=("education", "higher education", "university", "school", "college",
                   "edtech", "e learning"),
        manufacturing=("manufacturing", "automotive", "industrial", "industrials"),
        staffing=("staffing", "staffing agency", "recruiting", "recruitment",
                  "staffing and recruiting", "staffing recruiting", "employment agency"),
        unknown=("", "unknown", "n a", "na", "not sure", "tbd"),
    ),
    "company_size": _vocabulary(
        small=("small", "startup", "start up", "micro", "small business"),
        medium=("medium", "mid", "mid size", "midsize", "mid sized", "sme"),
        large=("large", "enterprise", "big", "corporate", "multinational", "fortune 500"),
        unknown=("", "unknown", "n a", "na"),
    ),
    "role_level": _vocabulary(
        entry=("entry", "entry level", "junior", "jr", "intern", "internship", "associate",
               "graduate", "new grad", "trainee", "apprentice"),
        mid=("mid", "mid level", "mid senior", "mid senior level", "intermediate",
             "experienced", "professional"),
        senior=("senior", "sr", "lead", "principal", "staff", "manager", "director",
                "head", "executive", "vp", "vice president", "chief"),
        unknown=("", "unknown", "n a", "na"),
    ),
    "interview_round": _vocabulary(
        none=("none", "no interview"),
        phone=("phone", "phone screen", "phone interview", "screen", "screening",
               "recruiter screen"),
        one_on_one=("one on one", "1 on 1", "1 1", "in person", "onsite", "on site",
                    "individual"),
        panel=("panel", "panel interview", "group", "group panel"),
        final=("final", "final round", "final interview", "last round"),
        unknown=("", "unknown", "n a", "na"),
    ),
}


def generalise_labels(labels: pd.Series, field_name: str, value_map: dict[str, str] | None = None
                      ) -> tuple[pd.Series, tuple[str, ...]]:
    """Map free category labels onto a closed code list.

    The mapping file's value map is tried first, then :data:`LABEL_CODES`, then (for
    company size) a head-count such as ``"51-200"`` or ``"1000+"``. Any other label
    becomes ``other`` for industry and ``unknown`` elsewhere; missing labels ``unknown``.

    Parameters
    ----------
    labels : pandas.Series
        The tracker's labels (missing as ``NA``).
    field_name : {"industry", "company_size", "role_level", "interview_round"}
    value_map : dict, optional
        Normalised label to code, from a
        :class:`~followup_lib.outcomes.tracker.mapping.TrackerMapping`.

    Returns
    -------
    codes : pandas.Series
        One code per row.
    unmatched : tuple of str
        The labels that fell back to ``other``/``unknown``, sorted.

    Examples
    --------
    >>> codes, unmatched = generalise_labels(
    ...     pd.Series(["Government", "IT", "Consulting", None]), "industry")
    >>> codes.tolist(), unmatched
    (['government', 'tech', 'other', 'unknown'], ('Consulting',))
    >>> generalise_labels(pd.Series(["11-50", "51-200", "10,000+"]), "company_size")[0].tolist()
    ['small', 'medium', 'large']
    """
    fallback = "other" if field_name == "industry" else "unknown"
    known = {**LABEL_CODES[field_name], **(value_map or {})}
    text = labels.astype("string")
    codes, unmatched = {}, []
    for label in text.dropna().unique():
        key = normalise_label(label)
        code = known.get(key) or (_size_from_staff(label) if field_name == "company_size"
                                  else None)
        if code is None:
            code = fallback
            unmatched.append(str(label))
        codes[label] = code
    return text.map(codes).fillna("unknown").astype(object), tuple(sorted(unmatched))


def _size_from_staff(label: str) -> str | None:
    """The size code of a head-count label, by its lower bound and the schema's thresholds."""
    match = re.fullmatch(r"(\d[\d,]*)\s*(?:(?:-|–|to)\s*\d[\d,]*)?\s*\+?\s*(?:employees)?",
                         label.strip().lower())
    if match is None:
        return None
    smallest = int(match.group(1).replace(",", ""))  # the lower bound of "51-200"
    if smallest < SMALL_COMPANY_STAFF:
        return "small"
    return "medium" if smallest < LARGE_COMPANY_STAFF else "large"

