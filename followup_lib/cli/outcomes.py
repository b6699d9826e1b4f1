"""``followup analyse``: how fast employers respond, from an applications file.

Reads the shipped dataset or a coach's anonymised file (CSV or Parquet), and reports
the median wait for a first response (unanswered applications kept in, as censored),
the chance of a response by day 7, 14, 21 and 28, the chance of any response after 7,
14 or 21 days of silence, and the decision rates by follow-up behaviour (groups smaller
than the parameter ``k_anonymity`` suppressed: ``--param k_anonymity=10``). Nothing is
written; a bad file is one ``followup: error:`` line and exit status 2. The report's
text and JSON come from :class:`~followup_lib.outcomes.summary.Summary`.
"""

from __future__ import annotations

import argparse

from followup_lib.cli.common import add_format_option, print_json
from followup_lib.cli.flags import add_param_option, command_words, params_from_options

#: Parameters the library names in its errors -> this command's words for them.
FLAGS = {"params": "--param"}


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
    add_param_option(parser)
    add_format_option(parser)
    parser.set_defaults(handler=run_analyse)


def run_analyse(args: argparse.Namespace) -> int:
    """Load, validate and summarise the file; print text or JSON.

    Parameters
    ----------
    args : argparse.Namespace
        ``file`` (or ``None`` for the shipped dataset), ``param`` and ``format``.

    Returns
    -------
    int
        0; a bad file raises InputError in this command's words, which ``followup``
        prints as one line.

    Examples
    --------
    >>> run_analyse(argparse.Namespace(file=None, param=[], format="text"))  # doctest: +ELLIPSIS
    File: applications.csv (shipped synthetic dataset)
    Applications: 3,000, of which 1,088 have had no response yet (kept in, as censored)
    ...
    0
    """
    from followup_lib.outcomes.analysis import summarise
    from followup_lib.outcomes.loader import SHIPPED_DATASET, load_applications

    with command_words(FLAGS):
        summary = summarise(load_applications(args.file), params=params_from_options(args.param))
    name = args.file or f"{SHIPPED_DATASET.name} (shipped synthetic dataset)"
    if args.format == "json":
        print_json({**summary.to_dict(), "file": name})
    else:
        print(f"File: {name}\n{summary}")
    return 0
