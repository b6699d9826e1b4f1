"""The analysis summary as a result object: JSON as before, readable text, escaped HTML."""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser

import pytest

from followup_lib.outcomes.analysis import summarise
from followup_lib.outcomes.generator import generate_applications
from followup_lib.outcomes.loader import load_applications
from followup_lib.outcomes.summary import Summary

KEYS = ["n", "n_censored", "n_interviewed", "median_days_to_response", "naive_median_days",
        "p_response_by_day", "p_response_given_silent", "follow_up", "k"]


@pytest.fixture(scope="module")
def shipped() -> Summary:
    return summarise(load_applications())


@pytest.fixture(scope="module")
def small() -> Summary:
    return summarise(generate_applications(60, seed=2))


def test_to_dict_is_the_json_report_with_the_documented_keys(shipped):
    data = shipped.to_dict()
    assert list(data) == KEYS
    assert data["n"] == 3000 and data["median_days_to_response"] == {
        "days": 7.0, "ci_lower": 6.0, "ci_upper": 7.0}
    assert list(data["p_response_by_day"]) == [7, 14, 21, 28]
    assert isinstance(data["follow_up"], list) and data["k"] == 5
    json.dumps(data, allow_nan=False)


def test_to_dict_gives_a_new_dict_each_time(shipped):
    data = shipped.to_dict()
    data["median_days_to_response"]["days"] = -1
    data["follow_up"][0]["n"] = -1
    assert shipped.median_days_to_response["days"] == 7.0
    assert shipped.to_dict()["follow_up"][0]["n"] != -1


def test_a_summary_is_indexed_like_the_dict_it_was(shipped):
    assert shipped["n"] == shipped.n == 3000
    assert shipped["median_days_to_response"]["days"] == 7.0
    with pytest.raises(KeyError):
        shipped["file"]


def test_the_text_reads_like_a_coach(shipped, small):
    text = str(shipped)
    assert text.splitlines()[0] == ("Applications: 3,000, of which 1,088 have had no response "
                                    "yet (kept in, as censored)")
    assert "Median wait for a first response: 7 days (95% interval 6-7)" in text
    assert "Counting only answered applications would say 2 days" in text
    assert "An association, not a cause" in text
    assert "fewer than 5 applications: not shown" in str(small)
    assert "<" not in text


class _Cells(HTMLParser):
    """The text of every table cell and the tags seen."""

    def __init__(self):
        super().__init__()
        self.cells, self.tags, self._open = [], set(), False

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag in ("td", "th"):
            self._open = True
            self.cells.append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._open = False

    def handle_data(self, data):
        if self._open:
            self.cells[-1] += data


def cells_of(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    return parser


def test_the_html_is_a_readable_table(shipped, small):
    parsed = cells_of(shipped._repr_html_())
    assert {"table", "tr", "th", "td"} <= parsed.tags
    for wanted in ("Median wait for a first response", "7 days (95% interval 6–7)",
                   "P(response by day 7)", "P(any response | silent 21 days)",
                   "follow-up on time", "no thank-you"):
        assert any(wanted in cell for cell in parsed.cells), wanted
    assert any(re.fullmatch(r"\d+%–\d+%", cell) for cell in parsed.cells)  # an interval
    suppressed = cells_of(small._repr_html_()).cells
    assert "suppressed: fewer than 5 applications" in suppressed


def test_a_factor_not_in_the_file_shows_as_not_recorded(shipped):
    rows = tuple({**row, "in_file": False, "n": None} if row["factor"] == "thank_you_sent"
                 else row for row in shipped.follow_up)
    changed = dataclasses.replace(shipped, follow_up=rows)
    assert cells_of(changed._repr_html_()).cells.count("not recorded in this file") == 1
    assert "thank-you              not recorded in this file" in str(changed)


def test_every_label_in_the_html_is_escaped(shipped):
    hostile = "<script>alert('x')</script>"
    rows = (({**shipped.follow_up[0], "group": hostile}),) + shipped.follow_up[1:]
    html = dataclasses.replace(shipped, follow_up=rows)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert hostile in str(dataclasses.replace(shipped, follow_up=rows))  # text stays text


def test_k_from_params_is_named_in_every_view():
    from followup_lib.etiquette.params import Params

    summary = summarise(generate_applications(300, seed=3), params=Params(k_anonymity=40))
    assert summary.k == 40 and summary.to_dict()["k"] == 40
    assert "fewer than 40 applications" in str(summary)
    assert "fewer than 40 applications" in summary._repr_html_()


def test_a_summary_reads_like_the_dict_it_replaces(shipped):
    assert list(shipped) == KEYS and len(shipped) == len(KEYS)
    assert "k" in shipped and "file" not in shipped
    assert shipped == shipped.to_dict() and dict(shipped.items())["n"] == 3000
