"""``followup anonymise``: turn a coach's raw tracker export into the anonymised schema.

The heavy work (pandas, the importer) is imported when the command runs, so that
``followup --help`` and the other sub-commands stay quick.
"""

from __future__ import annotations

import argparse

from followup_lib.cli.common import add_format_option, print_json
from followup_lib.etiquette.params import K_ANONYMITY


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
                    "Parquet. The input file is only read. See docs/anonymise.md.")
    parser.add_argument("input", metavar="INPUT", help="the tracker export (.csv or .xlsx)")
    parser.add_argument("-o", "--output", required=True, metavar="OUTPUT",
                        help="where to write the anonymised table (.csv or .parquet)")
    parser.add_argument("--mapping", metavar="FILE",
                        help="a .json/.yaml file naming your columns and labels")
    parser.add_argument("--sheet", metavar="NAME",
                        help="the workbook sheet to read (default: the first; the report "
                             "names the sheet read and the others)")
    parser.add_argument("--k", type=int, default=K_ANONYMITY, metavar="N",
                        help=f"smallest group size allowed (default: {K_ANONYMITY})")
    add_format_option(parser)
    parser.set_defaults(handler=run_anonymise)


def run_anonymise(args: argparse.Namespace) -> int:
    """Anonymise ``args.input`` into ``args.output`` and print the report.

    Parameters
    ----------
    args : argparse.Namespace
        ``input``, ``output``, ``mapping``, ``sheet``, ``k`` and ``format``.

    Returns
    -------
    int
        0; a problem raises InputError, which ``followup`` prints as one line. The report
        (text, or JSON with ``sheet``, ``other_sheets`` and ``warnings``) says which
        sheet was read and what the output cannot give.
    """
    from followup_lib.outcomes.anonymise import anonymise_file
    from followup_lib.outcomes.tracker_mapping import load_mapping

    mapping = load_mapping(args.mapping) if args.mapping else None
    report = anonymise_file(args.input, args.output, mapping=mapping, sheet=args.sheet,
                            k=args.k)
    if args.format == "json":
        print_json({"output": args.output, **report.to_dict()})
    else:
        print(report.to_text())
        print(f"Wrote {report.rows_out} rows to {args.output}")
    return 0
