"""``followup draft`` and ``followup review``: write a message, then check it.

Examples of use::

    followup draft thank_you --case case.json --name "Zoë Ångström" \\
        --interviewer "Ms. Lee" --position "Data Analyst" --company Acme \\
        --topic "the churn dashboard" --tone formal
    followup draft voicemail --interview-end 2026-11-16T15:00-05:00 --name "Sam Roe" \\
        --interviewer "Ms. Lee" --position Analyst --phone "+1 555 010 0199"
    followup review note.txt --kind thank_you --context context.json --format json

``draft`` takes the case like ``advise`` does (``--case`` and the case flags), and
the case's ``contact_name``, ``company`` and ``position`` stand in for ``--interviewer``,
``--company`` and ``--position`` when those are not given. ``review`` exits with 0 when
the draft has no errors, 1 when it has; bad input exits 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from followup_lib.cli.common import add_format_option, parse_today, print_json, read_text_arg
from followup_lib.cli.plans import add_case_options, case_from_args, case_given
from followup_lib.errors import InputError
from followup_lib.messages.drafts import TONES, VARIANTS
from followup_lib.messages.kinds import KINDS, check_kind
from followup_lib.messages.required import KIND_NAMES, MissingFieldsError

_DRAFT_HELP = "draft a thank-you, follow-up, second attempt, call script or voicemail"
_DRAFT_DESCRIPTION = ("Draft a thank-you, follow-up, second attempt, call script or voicemail. "
                      "A call script and a voicemail need the case (--case or --interview-end); "
                      "its contact_name, company and position fill in --interviewer, --company and "
                      "--position when they are not given.")
_REVIEW_HELP = "review a draft: missing elements, placeholders, pressure, length, spelling, timing"
_REVIEW_DESCRIPTION = "Review a draft: missing elements, placeholders, pressure, length, spelling, timing."
#: How ``draft`` names a missing field, and the option(s) that supply it.
_FIELD_OPTIONS = {
    "name": ("name", "--name"), "interviewer": ("interviewer", "--interviewer"),
    "position": ("position", "--position"), "company": ("company", "--company"),
    "topics": ("topic", "--topic"), "phone": ("phone", "--phone"),
    "case": ("case", "--case FILE.json", "--interview-end DATETIME"),
    "hr_contact": ("hr-contact", "--hr-contact", "--interviewer"),
}


#: The options that fill a draft's fields: flag -> (argparse dest, keyword of ``draft()``).
DRAFT_FIELD_OPTIONS = {
    "--name": ("name", "name"), "--interviewer": ("interviewer", "interviewer"),
    "--position": ("position", "position"), "--company": ("company", "company"),
    "--topic": ("topics", "topics"), "--tone": ("tone", "tone"), "--link": ("link", "value_link"),
    "--note": ("note", "value_note"), "--hr-contact": ("hr_contact", "hr_contact"), "--phone": ("phone", "phone"),
}


def add_draft_field_options(parser, *, phone_help: str = "your phone number") -> None:
    """Add the options of :data:`DRAFT_FIELD_OPTIONS` (``draft`` and ``handout --drafts`` take them)."""
    parser.add_argument("--name", help="your full name, as you sign your emails")
    parser.add_argument("--interviewer", help="the interviewer as you'd greet them (default: the case's contact)")
    parser.add_argument("--position", help="the job title (default: the case's position)")
    parser.add_argument("--company", help="the employer (default: the case's company)")
    parser.add_argument("--topic", dest="topics", action="append", metavar="TOPIC",
                        help="a specific topic from the conversation (repeatable; the first is used)")
    parser.add_argument("--tone", choices=TONES, default=None,
                        help="warm or formal (default: formal with --traditional-industry, else warm)")
    parser.add_argument("--link", help="follow-up: a link that adds value")
    parser.add_argument("--note", help="follow-up: one sentence about the link")
    parser.add_argument("--hr-contact", help="second attempt: write to this HR contact")
    parser.add_argument("--phone", help=phone_help)


def draft_fields_from_args(args: argparse.Namespace) -> dict:
    """The draft fields given on the command line, as ``draft()``'s keywords (those left out are absent)."""
    return {field: getattr(args, dest) for dest, field in DRAFT_FIELD_OPTIONS.values()
            if getattr(args, dest) is not None}


def register(subparsers) -> None:
    """Add the ``draft`` and ``review`` sub-commands to the ``followup`` parser."""
    draft = subparsers.add_parser("draft", help=_DRAFT_HELP, description=_DRAFT_DESCRIPTION)
    draft.add_argument("kind", metavar="KIND", help=f"one of {', '.join(KINDS)}")
    add_case_options(draft)  # --case and the case fields, as for `advise`
    add_format_option(draft)
    add_draft_field_options(draft, phone_help="your phone number (needed for a voicemail)")
    draft.add_argument("--variant", type=int, choices=range(VARIANTS), help=f"pick one of {VARIANTS} wordings")
    draft.set_defaults(handler=run_draft)

    review = subparsers.add_parser("review", help=_REVIEW_HELP, description=_REVIEW_DESCRIPTION)
    review.add_argument("file", metavar="FILE|-", help="the draft as a UTF-8 text file, or - for standard input")
    review.add_argument("--kind", required=True, metavar="KIND", help=f"one of {', '.join(KINDS)}")
    review.add_argument("--context", metavar="FILE.json",
                        help="JSON with name, interviewer, company, position, phone, topics, "
                             "case (a case object or a case file's path) and send_date")
    review.add_argument("--today", metavar="YYYY-MM-DD",
                        help="the day of the review, the send date when the context gives none (default: today)")
    add_format_option(review)
    review.set_defaults(handler=run_review)


def options_error(error: MissingFieldsError) -> InputError:
    """The library's missing-fields error, reworded with the options that supply each field."""
    labels = [_FIELD_OPTIONS[name][0] for name in error.names]
    if len(error.names) == 1:
        flags = " or ".join(_FIELD_OPTIONS[error.names[0]][1:])
        problem = f"is missing ({KIND_NAMES[error.kind]} needs it)"
    else:
        options = [_FIELD_OPTIONS[name][1] + "".join(f" (or {alt})" for alt in _FIELD_OPTIONS[name][2:])
                   for name in error.names]
        flags = f"{', '.join(options[:-1])} and {options[-1]}"
        problem = f"are missing ({KIND_NAMES[error.kind]} needs them)"
    return InputError(", ".join(labels), problem, f"pass {flags}")


def run_draft(args: argparse.Namespace) -> int:
    """Handle ``followup draft``: print the draft; exit status 0."""
    from followup_lib.messages.drafts import draft

    kind = check_kind(args.kind)
    case = case_from_args(args) if case_given(args) else None
    try:
        result = draft(kind, case, **draft_fields_from_args(args), variant=args.variant)
    except MissingFieldsError as error:
        raise options_error(error) from None
    if args.format == "json":
        print_json(result.to_dict())
    else:
        print(result.text)
    return 0


def load_context(path: str | None):
    """Read a review context from a JSON file; a case path inside it is relative to the file."""
    from followup_lib.messages.context import ReviewContext

    if path is None:
        return ReviewContext()
    from followup_lib.etiquette.case import case_json_object

    data = case_json_object(read_text_arg(path, "--context", allow_empty=False), "--context")
    base = Path(path).parent if path != "-" else None
    return ReviewContext.from_value(data, base_dir=base)


def _where(text: str, start: int, end: int) -> str:
    if start == end == 0:
        return "-"
    line = text.count("\n", 0, start) + 1
    column = start - text.rfind("\n", 0, start)
    return f"{line}:{column}"


def run_review(args: argparse.Namespace) -> int:
    """Handle ``followup review``: print the findings; exit 0 with no errors, else 1."""
    from followup_lib.messages.review import review_draft

    kind = check_kind(args.kind)
    if args.file == "-" and args.context == "-":
        raise InputError("--context", "cannot share standard input with the draft", "give it as a file")
    text = read_text_arg(args.file, "FILE")
    review = review_draft(text, kind, load_context(args.context), today=parse_today(args.today))
    if args.format == "json":
        print_json(review.to_dict())
    else:
        seconds = f", about {review.speaking_seconds:.0f} s aloud" if review.speaking_seconds is not None else ""
        print(f"{review.kind}: {review.word_count} words{seconds}; {review.summary()}")
        for f in review.findings:
            print(f"  {f.severity:<8}{_where(review.text, f.start, f.end):<8}{f.rule:<24}{f.message}")
    return 0 if review.ok else 1
