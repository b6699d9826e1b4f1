"""``followup analyse``: how fast employers respond, from an applications file.

Reads the shipped dataset or a coach's anonymised file (CSV or Parquet), and reports
the median wait for a first response (unanswered applications kept in, as censored),
the chance of a response by day 7, 14, 21 and 28, the chance of any response after 7,
14 or 21 days of silence, and the decision rates by follow-up behaviour. Nothing is
written; a bad file is one ``followup: error:`` line and exit status 2.
"""

from __future__ import annotations

import argparse

from followup_lib.cli.common import add_format_option, print_json


def register(subparsers) -> None:
    """Add the ``analyse`` sub-command.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The ``followup`` command's sub-commands.
    """
    parser = subparsers.add_parser(
        "analyse", help="how fast employers respond, from an applications file",
        description="Summarise an applications file: waiting times with censoring, "
                    "chances after silence, decision rates by follow-up behaviour.")
    parser.add_argument("file", nargs="?", default=None,
                        help="applications .csv or .parquet in the anonymised schema "
                             "(default: the shipped synthetic dataset)")
    add_format_option(parser)
    parser.set_defaults(handler=run_analyse)


def run_analyse(args: argparse.Namespace) -> int:
    """Load, validate and summarise the file; print text or JSON.

    Parameters
    ----------
    args : argparse.Namespace
        ``file`` (or ``None`` for the shipped dataset) and ``format``.

    Returns
    -------
    int
        0; a bad file raises InputError, which ``followup`` prints as one line.
    """
    from followup_lib.outcomes.analysis import summarise
    from followup_lib.outcomes.loader import SHIPPED_DATASET, load_applications

    report = summarise(load_applications(args.file))
    report["file"] = args.file or f"{SHIPPED_DATASET.name} (shipped synthetic dataset)"
    if args.format == "json":
        print_json(report)
    else:
        print(format_report(report))
    return 0


def _percent(value) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _days(value) -> str:
    return "not reached" if value is None else f"{value:g}"


def _follow_up_lines(report: dict) -> list[str]:
    """The follow-up table as aligned lines; suppressed and unrecorded groups say so."""
    from followup_lib.outcomes.rates import FACTOR_NAMES, GROUP_NAMES

    lines = [f"After an interview ({report['n_interviewed']:,} interviewed): "
             "share who heard a decision, 95% interval"]
    unrecorded = []
    for row in report["follow_up"]:
        if not row["in_file"]:
            if row["factor"] not in unrecorded:
                unrecorded.append(row["factor"])
                lines.append(f"  {FACTOR_NAMES[row['factor']]:<22} not recorded in this file")
            continue
        label = f"  {GROUP_NAMES.get(row['group'], row['group']):<22}"
        if row["suppressed"]:
            lines.append(f"{label} fewer than {report['k']} applications: not shown")
        else:
            lines.append(f"{label} {_percent(row['rate']):>4}  ({_percent(row['ci_lower'])}"
                         f"-{_percent(row['ci_upper'])})  n={row['n']:,}")
    lines.append("  An association, not a cause: candidates follow up only while still waiting.")
    return lines


def _naive_median_lines(report: dict) -> list[str]:
    """What counting only answered applications would say, when it says something else."""
    naive, median = report["naive_median_days"], report["median_days_to_response"]["days"]
    if naive is None or naive == median:
        return []
    if median is None or naive < median:
        return [f"  (Counting only answered applications would say {naive:g} days:",
                "  too rosy, because it leaves out everyone still waiting.)"]
    return [f"  (Counting only answered applications would say {naive:g} days, longer than",
            "  the estimate above, which also counts everyone still waiting.)"]


def format_report(report: dict) -> str:
    """The :func:`~followup_lib.outcomes.analysis.summarise` report as text for a coach.

    Parameters
    ----------
    report : dict
        From :func:`~followup_lib.outcomes.analysis.summarise`, optionally with ``file``.

    Returns
    -------
    str
        A few lines: the wait (and, when it differs, what counting only answered
        applications would say), the chances, the follow-up table and its caveat. A
        factor the file does not record is "not recorded in this file"; a group under
        ``k`` applications is "fewer than k".

    Examples
    --------
    >>> from followup_lib.outcomes.loader import load_applications
    >>> from followup_lib.outcomes.analysis import summarise
    >>> print(format_report(summarise(load_applications())).splitlines()[1])
    Applications: 3,000, of which 1,088 have had no response yet (kept in, as censored)
    """
    median = report["median_days_to_response"]
    by_day = "   ".join(f"day {d}: {_percent(p)}" for d, p in report["p_response_by_day"].items())
    silent = "   ".join(f"{d} days: {_percent(p)}"
                        for d, p in report["p_response_given_silent"].items())
    return "\n".join([
        f"File: {report.get('file', 'applications')}",
        f"Applications: {report['n']:,}, of which {report['n_censored']:,} have had no "
        "response yet (kept in, as censored)",
        f"Median wait for a first response: {_days(median['days'])} days "
        f"(95% interval {_days(median['ci_lower'])}-{_days(median['ci_upper'])})",
        *_naive_median_lines(report),
        f"Chance of a response by {by_day}",
        f"Chance of any response after a silence of {silent}",
        *_follow_up_lines(report),
    ])
