"""``followup anonymise``: turn a coach's raw tracker export into the anonymised schema.

The heavy work (pandas, the importer) is imported when the command runs, so that
``followup --help`` and the other sub-commands stay quick. The library names its
parameters in its errors (``sheet``, ``k``, ``output``); :data:`FLAGS` says which flag
of this command stands for each, and every message is reworded to them
(:mod:`followup_lib.cli.flags`).
"""

from __future__ import annotations

import argparse

from followup_lib.cli.common import add_format_option, print_json
from followup_lib.cli.flags import add_param_option, command_words, params_from_options, reword

#: Parameter of :func:`~followup_lib.outcomes.tracker.anonymise.anonymise_file` -> the
#: flag (or argument) of this command that gives it.
FLAGS = {"source": "input", "output": "--output", "sheet": "--sheet", "mapping": "--mapping",
         "k": "--k", "params": "--param", "export_date": "--export-date",
         "force": "--force"}


def register(sub) -> None:
    """Add the ``anonymise`` sub-command.

    Parameters
    ----------
    sub : argparse._SubParsersAction
        The ``followup`` command's sub-commands.
    """
    parser = sub.add_parser(
        "anonymise", help="anonymise a job-tracker export (CSV or .xlsx)",
        description="Drop names, companies, URLs and notes; turn dates into day counts; "
                    "generalise until every group has at least k rows; write CSV or "
                    "Parquet. The input file is only read, and an existing output file "
                    "is replaced only with --force. See docs/anonymise.md.")
    parser.add_argument("input", metavar="INPUT", help="the tracker export (.csv or .xlsx)")
    parser.add_argument("-o", "--output", required=True, metavar="OUTPUT",
                        help="where to write the anonymised table (.csv or .parquet)")
    parser.add_argument("--force", action="store_true",
                        help="replace OUTPUT if it exists")
    parser.add_argument("--mapping", metavar="FILE",
                        help="a .json/.yaml file naming your columns and labels")
    parser.add_argument("--sheet", metavar="NAME",
                        help="the workbook sheet to read (default: the first; the report "
                             "names the sheet read and the others)")
    parser.add_argument("--k", type=int, default=None, metavar="N",
                        help="smallest group size allowed (default: the parameter "
                             "k_anonymity, 5)")
    parser.add_argument("--export-date", metavar="YYYY-MM-DD",
                        help="the day the tracker was exported: no date may be later, and "
                             "unanswered applications count as watched until then "
                             "(default: dates up to today; watched until the latest date)")
    add_param_option(parser)
    add_format_option(parser)
    parser.set_defaults(handler=run_anonymise)


def run_anonymise(args: argparse.Namespace) -> int:
    """Anonymise ``args.input`` into ``args.output`` and print the report.

    Parameters
    ----------
    args : argparse.Namespace
        ``input``, ``output``, ``force``, ``mapping``, ``sheet``, ``k``, ``export_date``,
        ``param`` and ``format``.

    Returns
    -------
    int
        0; a problem raises InputError in this command's words (its flags), which
        ``followup`` prints as one line. The output path is checked before any work.
        The report (text, or JSON with ``sheet``, ``other_sheets`` and ``warnings``)
        says which sheet was read and what the output cannot give.
    """
    from followup_lib.outcomes.tracker.anonymise import anonymise_file
    from followup_lib.outcomes.tracker.mapping import load_mapping

    with command_words(FLAGS):
        params = params_from_options(args.param)
        mapping = load_mapping(args.mapping) if args.mapping else None
        report = anonymise_file(args.input, args.output, mapping=mapping, sheet=args.sheet,
                                params=params, k=args.k, export_date=args.export_date,
                                force=args.force)
    if args.format == "json":
        data = report.to_dict()
        data["warnings"] = [reword(w, FLAGS) for w in data["warnings"]]
        print_json({"output": args.output, **data})
    else:
        print(reword(report.to_text(), FLAGS))
        print(f"Wrote {report.rows_out} rows to {args.output}")
    return 0
