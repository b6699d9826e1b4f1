"""``followup handout``: a printable page of a case's plan and the seven stages, as HTML and PDF.

Examples of use::

    followup handout --case case.json -o handout.html --pdf handout.pdf
    followup handout --case case.json --drafts --name "Sam Roe" --topic "the dashboard" -o handout.html

The HTML page prints from any browser; ``--pdf`` prints it with the system's headless
Chromium (Debian's ``chromium`` package). Existing files are replaced only with ``--force``.
"""

from __future__ import annotations

import argparse

from followup_lib.cli.common import parse_today
from followup_lib.cli.flags import add_param_option, command_words
from followup_lib.cli.messages import DRAFT_FIELD_OPTIONS, add_draft_field_options, draft_fields_from_args
from followup_lib.cli.plans import add_case_options, case_from_args, params_from_args
from followup_lib.errors import InputError
from followup_lib.textio import check_output_path, write_output

_HELP = "a printable handout: your plan and the seven stages (HTML, and PDF with --pdf)"
_DESCRIPTION = ("Render a case's plan, the seven-stage guide and, with --drafts, drafts of the messages "
                "still to send, as a printable HTML page; --pdf also prints it to PDF with headless Chromium.")
#: The library's words reworded to this command's flags.
_FLAGS = {"force": "--force", "replace": "--force", "chromium": "--chromium", "pdf": "--pdf"}
_HTML_SUFFIXES = (".html", ".htm")


def register(sub) -> None:
    """Add the ``handout`` sub-command."""
    parser = sub.add_parser("handout", help=_HELP, description=_DESCRIPTION)
    add_case_options(parser)
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="the day the plan is made for (default: today)")
    add_param_option(parser)
    parser.add_argument("-o", "--output", metavar="FILE.html", help="write the handout here (HTML)")
    parser.add_argument("--pdf", metavar="FILE.pdf", help="also print it to this PDF (needs Debian's chromium)")
    parser.add_argument("--force", action="store_true", help="replace the output files if they exist")
    parser.add_argument("--chromium", metavar="PATH", default=None,
                        help="the Chromium to print the PDF with (default: /usr/bin/chromium)")
    drafts = parser.add_argument_group("drafts (with --drafts)")
    drafts.add_argument("--drafts", action="store_true", help="add drafts of the messages the plan still has to send")
    add_draft_field_options(drafts)
    parser.set_defaults(handler=run_handout)


def draft_fields(args: argparse.Namespace) -> dict:
    """The draft options given, as ``handout_html``'s ``fields``; an error if given without ``--drafts``."""
    fields = draft_fields_from_args(args)
    if fields and not args.drafts:
        flags = [flag for flag, (_, field) in DRAFT_FIELD_OPTIONS.items() if field in fields]
        raise InputError("--drafts", f"is missing, and without it {', '.join(flags)} "
                         f"{'is' if len(flags) == 1 else 'are'} not used", "add --drafts, or leave them out")
    return fields


def _check_outputs(args: argparse.Namespace) -> None:
    """Check the output paths before any work, so a mistake costs nothing."""
    if not args.output and not args.pdf:
        raise InputError("-o", "is missing", "name the handout, e.g. -o handout.html (and/or --pdf handout.pdf)")
    if args.output:
        check_output_path(args.output, "-o", force=args.force, suffixes=_HTML_SUFFIXES)
    if args.pdf:
        from followup_lib.handout import CHROMIUM, check_chromium

        check_output_path(args.pdf, "--pdf", force=args.force, suffixes=(".pdf",))
        check_chromium(args.chromium or CHROMIUM)


def run_handout(args: argparse.Namespace) -> int:
    """Handle ``followup handout``: write the HTML (and the PDF); say what was written; exit status 0."""
    from followup_lib.cli.messages import options_error
    from followup_lib.handout import CHROMIUM, handout_html, handout_pdf
    from followup_lib.messages.required import MissingFieldsError

    with command_words(_FLAGS):
        _check_outputs(args)
        fields = draft_fields(args)
        case, today, params = case_from_args(args), parse_today(args.today), params_from_args(args)
        try:
            html = handout_html(case, today=today, params=params, drafts=args.drafts, fields=fields)
        except MissingFieldsError as error:
            raise options_error(error) from None
        written = []
        if args.output:
            written.append(write_output(args.output, html.encode("utf-8"), "-o", force=args.force,
                                        suffixes=_HTML_SUFFIXES))
        if args.pdf:
            written.append(handout_pdf(html, args.pdf, chromium=args.chromium or CHROMIUM, replace=args.force))
    print(f"Handout written to {' and '.join(str(p) for p in written)}"
          f" (plan as of {today:%a %d %b %Y}{', with drafts' if args.drafts else ''}).")
    if args.output and not args.pdf:
        print("Open it in a browser and print it, or choose 'Save as PDF' in the print dialogue.")
    return 0
