"""Helpers shared by the ``followup`` sub-commands: options, dates, output."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from followup_lib.errors import InputError


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--format text|json`` (text by default)."""
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="output format (default: text)")


def parse_today(value: str | None) -> date:
    """Parse ``--today YYYY-MM-DD``; when absent, :func:`followup_lib.clock.today` (``FOLLOWUP_TODAY`` fixes it)."""
    from followup_lib.clock import today
    from followup_lib.etiquette.timefields import check_date_range

    if value is None:
        return today()
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise InputError("--today", f"{value[:40]!r} is not a date", "write it as YYYY-MM-DD") from None
    return check_date_range(day, "--today")


def read_text_arg(path: str, field: str, *, allow_empty: bool = True) -> str:
    """Read a text file named on the command line (UTF-8 or Windows-1252), or standard input for ``-``."""
    from followup_lib.textio import decode_user_bytes, read_user_text

    if path == "-":
        return decode_user_bytes(sys.stdin.buffer.read(), field, "standard input", allow_empty=allow_empty)
    return read_user_text(path, field, allow_empty=allow_empty)


def print_json(obj) -> None:
    """Print an object as indented JSON on standard output."""
    print(json.dumps(obj, indent=2, ensure_ascii=False))
