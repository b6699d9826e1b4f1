"""``followup advise`` and ``followup plan``: what to do next, and the whole schedule."""

from __future__ import annotations

import argparse

from followup_lib.cli.common import add_format_option, parse_today, print_json, read_text_arg
from followup_lib.cli.flags import add_param_option, command_words, params_from_options
from followup_lib.errors import InputError
from followup_lib.etiquette.params import Params
from followup_lib.textio import check_output_path, write_output

CASE_FLAGS = {  # flag dest -> case field
    "interview_end": "interview_end", "timezone": "timezone", "country": "country",
    "subdivision": "subdivision", "decision_by": "decision_by",
}


def register(sub) -> None:
    """Add the ``advise`` and ``plan`` sub-commands."""
    advise = sub.add_parser("advise", help="what to do next in a case, and why",
                            description="Advise on the next step of a case (see README: the case file).")
    _add_advice_options(advise)
    advise.set_defaults(handler=run_advise)
    plan = sub.add_parser("plan", help="the whole follow-up schedule of a case",
                          description="Lay out every step from the thank-you to moving on.")
    _add_advice_options(plan)
    plan.add_argument("--ics", metavar="FILE", help="also write the schedule as an iCalendar (.ics) file")
    plan.add_argument("--force", action="store_true", help="replace the --ics file if it exists")
    plan.set_defaults(handler=run_plan)


def _add_advice_options(parser: argparse.ArgumentParser) -> None:
    """The case options plus ``--today``, ``--format`` and ``--param`` (for advise and plan)."""
    add_case_options(parser)
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="the day to advise for (default: today)")
    add_format_option(parser)
    add_param_option(parser)


def add_case_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--case`` (also spelt ``--situation``, its old name) and the case-field flags."""
    parser.add_argument("--case", "--situation", dest="situation", metavar="FILE.json",
                        help="the case file (JSON); '-' reads standard input")
    flags = parser.add_argument_group("case fields (instead of, or on top of, --case)")
    flags.add_argument("--interview-end", metavar="DATETIME", help="e.g. 2026-11-16T15:00-05:00")
    flags.add_argument("--timezone", metavar="ZONE", help="e.g. America/New_York (for daylight saving)")
    flags.add_argument("--country", metavar="CODE", help="whose public holidays count (default: US)")
    flags.add_argument("--subdivision", metavar="CODE", help="state or region code, e.g. CA")
    flags.add_argument("--decision-by", metavar="YYYY-MM-DD", help="the decision date you were given")
    flags.add_argument("--invited-to-call", action="store_true", default=None, help="the interviewer invited a call")
    flags.add_argument("--traditional-industry", action="store_true", default=None,
                       help="your field expects a follow-up call")
    flags.add_argument("--contact", action="append", default=[], metavar="KIND=WHEN",
                       help="something you sent, e.g. thank_you=2026-11-16T19:00-05:00 (repeatable)")
    flags.add_argument("--response", action="append", default=[], metavar="KIND=WHEN[,NEW_DATE]",
                       help="what the employer sent, e.g. new_timeline=2026-11-25,2026-12-11 (repeatable)")


def case_given(args: argparse.Namespace) -> bool:
    """True when ``--case`` or any case flag was given."""
    return bool(args.situation or any(getattr(args, dest) is not None for dest in CASE_FLAGS)
                or args.invited_to_call or args.traditional_industry or args.contact or args.response)


def _split(item: str, flag: str) -> tuple[str, str]:
    if "=" not in item:
        raise InputError(flag, f"{item!r} is not KIND=WHEN", f"write it like {flag} follow_up=2026-11-24")
    key, _, value = item.partition("=")
    return key.strip(), value.strip()


def case_from_args(args: argparse.Namespace):
    """Build the :class:`Case` from ``--case`` and the case flags."""
    from followup_lib.etiquette.case import Case, case_json_object

    data: dict = {}
    if args.situation:
        text = read_text_arg(args.situation, "--case", allow_empty=False)
        data = case_json_object(text, f"--case {args.situation}")
    for dest, key in CASE_FLAGS.items():
        if getattr(args, dest) is not None:
            data[key] = getattr(args, dest)
    for dest in ("invited_to_call", "traditional_industry"):
        if getattr(args, dest):
            data[dest] = True
    for item in args.contact:
        kind, when = _split(item, "--contact")
        data.setdefault("contacts", []).append({"at": when, "kind": kind})
    for item in args.response:
        kind, rest = _split(item, "--response")
        when, _, new_date = rest.partition(",")
        entry = {"at": when, "kind": kind}
        if new_date:
            entry["new_decision_by"] = new_date
        data.setdefault("responses", []).append(entry)
    if "interview_end" not in data:
        raise InputError("interview_end", "is missing", "pass --case FILE.json or --interview-end DATETIME")
    return Case.from_dict(data)


def params_from_args(args: argparse.Namespace) -> Params:
    """Parse ``--param NAME=VALUE`` overrides (names in any case)."""
    return params_from_options(args.param)


def run_advise(args: argparse.Namespace) -> int:
    from followup_lib.etiquette.advisor import advise
    from followup_lib.etiquette.render import advice_text

    advice = advise(case_from_args(args), today=parse_today(args.today), params=params_from_args(args))
    if args.format == "json":
        print_json(advice.to_dict())
    else:
        print(advice_text(advice))
    return 0


def run_plan(args: argparse.Namespace) -> int:
    from followup_lib.etiquette.plan import make_plan
    from followup_lib.etiquette.render import plan_text

    today = parse_today(args.today) if args.today else None
    with command_words({"force": "--force"}):
        if args.ics:  # checked before any work, so a mistake costs nothing
            check_output_path(args.ics, "--ics", force=args.force, suffixes=(".ics",))
        plan = make_plan(case_from_args(args), today=today, params=params_from_args(args))
        if args.ics:
            path = write_output(args.ics, plan.to_ics(), "--ics", force=args.force, suffixes=(".ics",))
    if args.format == "json":
        print_json(plan.to_list())
    else:
        print(plan_text(plan))
        if args.ics:
            print(f"\nCalendar written to {path} ({sum(1 for s in plan.steps if not s.done)} events with reminders).")
    return 0
