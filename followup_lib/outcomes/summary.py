"""The analysis summary: one result that prints as text, shows as a table, and saves as JSON.

:func:`~followup_lib.outcomes.analysis.summarise` returns a :class:`Summary`. A notebook
cell shows it as an HTML table (``_repr_html_``, every label escaped); ``print`` gives
the plain text ``followup analyse`` prints; :meth:`Summary.to_dict` gives the JSON-ready
dict of ``followup analyse --format json``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from html import escape

from followup_lib.outcomes.rates import FACTOR_NAMES, GROUP_NAMES

#: What the follow-up table must not be read as, under it in every view.
CAVEAT = "An association, not a cause: candidates follow up only while still waiting."


@dataclass(frozen=True, eq=False)
class Summary(Mapping):
    """Waiting times, chances and decision rates of one applications table.

    It reads like the dict :func:`~followup_lib.outcomes.analysis.summarise` used to
    return (``summary["n"]``, ``"k" in summary``, ``summary.items()``, equality with a
    dict), and :meth:`to_dict` gives that dict itself, for JSON.

    Attributes
    ----------
    n, n_censored, n_interviewed : int
        Applications; those with no response seen (kept in, as censored); interviews.
    median_days_to_response : dict
        ``days``, ``ci_lower``, ``ci_upper`` (Kaplan–Meier, 95%); ``None`` where not
        reached.
    naive_median_days : float or None
        The median over answered applications only (biased, for teaching).
    p_response_by_day, p_response_given_silent : dict
        Day to P(response by that day); days of silence to P(any response after them).
    follow_up : tuple of dict
        The records of :func:`~followup_lib.outcomes.rates.response_rates_by_follow_up`,
        ``None`` for suppressed or unrecorded numbers.
    k : int
        The smallest group shown in the follow-up table.

    Examples
    --------
    >>> s = Summary(10, 4, 0, {"days": 7.0, "ci_lower": 5.0, "ci_upper": None}, 3.0,
    ...             {7: 0.5}, {7: 0.25}, (), 5)
    >>> s["n"], s.to_dict()["median_days_to_response"]["ci_upper"] is None
    (10, True)
    >>> print(str(s).splitlines()[1])
    Median wait for a first response: 7 days (95% interval 5-not reached)
    """

    n: int
    n_censored: int
    n_interviewed: int
    median_days_to_response: dict
    naive_median_days: float | None
    p_response_by_day: dict
    p_response_given_silent: dict
    follow_up: tuple
    k: int

    def to_dict(self) -> dict:
        """The summary as plain JSON-ready values (a new dict, safe to change).

        Returns
        -------
        dict
            One key per attribute; ``follow_up`` as a list of records.
        """
        data = {f.name: copy.deepcopy(getattr(self, f.name)) for f in fields(self)}
        data["follow_up"] = list(data["follow_up"])
        return data

    def __getitem__(self, key: str):
        """The value of :meth:`to_dict` under ``key`` (``summary["n"]``, as with a dict)."""
        return self.to_dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter([f.name for f in fields(self)])

    def __len__(self) -> int:
        return len(fields(self))

    def __str__(self) -> str:
        return "\n".join(self.text_lines())

    def text_lines(self) -> list[str]:
        """The summary as readable lines: the wait, the chances, the follow-up table.

        A factor the file does not record is "not recorded in this file"; a group under
        ``k`` applications is "fewer than k"; the naive median is mentioned only when it
        differs from the Kaplan–Meier one.
        """
        median = self.median_days_to_response
        by_day = "   ".join(f"day {d}: {_percent(p)}" for d, p in self.p_response_by_day.items())
        silent = "   ".join(f"{d} days: {_percent(p)}"
                            for d, p in self.p_response_given_silent.items())
        return [f"Applications: {self.n:,}, of which {self.n_censored:,} have had no "
                "response yet (kept in, as censored)",
                f"Median wait for a first response: {_days(median['days'])} days "
                f"(95% interval {_days(median['ci_lower'])}-{_days(median['ci_upper'])})",
                *self._naive_median_lines(),
                f"Chance of a response by {by_day}",
                f"Chance of any response after a silence of {silent}",
                *self._follow_up_lines()]

    def _naive_median_lines(self) -> list[str]:
        """What counting only answered applications would say, when it says something else."""
        naive, median = self.naive_median_days, self.median_days_to_response["days"]
        if naive is None or naive == median:
            return []
        if median is None or naive < median:
            return [f"  (Counting only answered applications would say {naive:g} days:",
                    "  too rosy, because it leaves out everyone still waiting.)"]
        return [f"  (Counting only answered applications would say {naive:g} days, longer than",
                "  the estimate above, which also counts everyone still waiting.)"]

    def _follow_up_lines(self) -> list[str]:
        """The follow-up table as aligned lines; suppressed and unrecorded groups say so."""
        lines = [f"After an interview ({self.n_interviewed:,} interviewed): "
                 "share who heard a decision, 95% interval"]
        for kind, name, row in self._follow_up_rows():
            label = f"  {name:<22}"
            if kind == "unrecorded":
                lines.append(f"{label} not recorded in this file")
            elif kind == "suppressed":
                lines.append(f"{label} fewer than {self.k} applications: not shown")
            else:
                lines.append(f"{label} {_percent(row['rate']):>4}  ({_percent(row['ci_lower'])}"
                             f"-{_percent(row['ci_upper'])})  n={row['n']:,}")
        return [*lines, f"  {CAVEAT}"]

    def _follow_up_rows(self) -> list[tuple[str, str, dict]]:
        """``(kind, name, record)`` per line of the follow-up table, in order.

        ``kind`` is ``unrecorded`` (once per factor the file does not record, named by
        the factor), ``suppressed`` or ``shown`` (named by the group).
        """
        rows, unrecorded = [], set()
        for row in self.follow_up:
            if not row["in_file"]:
                if row["factor"] not in unrecorded:
                    unrecorded.add(row["factor"])
                    rows.append(("unrecorded", FACTOR_NAMES.get(row["factor"], row["factor"]),
                                 row))
                continue
            kind = "suppressed" if row["suppressed"] else "shown"
            rows.append((kind, GROUP_NAMES.get(row["group"], str(row["group"])), row))
        return rows

    def _repr_html_(self) -> str:
        """The summary as an HTML table for a notebook; every label is escaped."""
        median = self.median_days_to_response
        cells = [("Applications", f"{self.n:,} ({self.n_censored:,} with no response yet, "
                                  "kept in as censored)"),
                 ("Median wait for a first response",
                  f"{_days(median['days'])} days (95% interval {_days(median['ci_lower'])}"
                  f"–{_days(median['ci_upper'])})")]
        cells += [(f"P(response by day {d})", _percent(p))
                  for d, p in self.p_response_by_day.items()]
        cells += [(f"P(any response | silent {d} days)", _percent(p))
                  for d, p in self.p_response_given_silent.items()]
        head = "".join(f"<tr><th style='text-align:left'>{escape(name)}</th>"
                       f"<td style='text-align:left'>{escape(value)}</td></tr>"
                       for name, value in cells)
        return (f"<table class='fc-summary'><tbody>{head}</tbody></table>"
                f"<p><b>After an interview</b> ({self.n_interviewed:,} interviewed): share "
                f"who heard a decision</p>{self._follow_up_html()}<p><i>{escape(CAVEAT)}</i></p>")

    def _follow_up_html(self) -> str:
        """The follow-up table as HTML rows: rate, 95% interval and n, or why not shown."""
        rows = []
        for kind, name, row in self._follow_up_rows():
            if kind == "shown":
                values = (_percent(row["rate"]),
                          f"{_percent(row['ci_lower'])}–{_percent(row['ci_upper'])}",
                          f"{row['n']:,}")
                cells = "".join(f"<td>{escape(v)}</td>" for v in values)
            else:
                why = ("not recorded in this file" if kind == "unrecorded"
                       else f"suppressed: fewer than {self.k} applications")
                cells = f"<td colspan='3'><i>{escape(why)}</i></td>"
            rows.append(f"<tr><th style='text-align:left'>{escape(name)}</th>{cells}</tr>")
        return ("<table class='fc-follow-up'><thead><tr><th>group</th><th>rate</th>"
                f"<th>95% interval</th><th>n</th></tr></thead><tbody>{''.join(rows)}"
                "</tbody></table>")


def _percent(value) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _days(value) -> str:
    return "not reached" if value is None else f"{value:g}"
