"""The ``followup`` command: a face of the library for coaches and scripts.

Each group of sub-commands lives in its own module here (``plans``, ``messages``,
``handout``, ``outcomes``) and exposes ``register(subparsers)``; every sub-command's handler returns
an exit status. Errors the user can cause arrive as :class:`~followup_lib.errors.InputError`
and are printed as one line on standard error with exit status 2 — never a traceback.

Exit statuses: 0 success, 1 the command ran and found errors (``review``), 2 bad input.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from followup_lib.errors import FollowupError

#: Modules that register sub-commands, in the order they appear in ``followup --help``.
COMMAND_MODULES = ("plans", "messages", "handout", "anonymise", "outcomes")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with status 2 in one clear line."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.exit(2, f"followup: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """Build the ``followup`` argument parser with every sub-command registered."""
    parser = _Parser(
        prog="followup",
        description="Plan, time, draft and review follow-ups after a job interview.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"followup_lib.cli.{name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``followup`` command and return its exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # usage errors (already printed as one line) and --help
        return int(stop.code or 0)
    try:
        status = int(args.handler(args) or 0)
        sys.stdout.flush()  # an unwritable output (a full disk, /dev/full) fails here, not at exit
    except FollowupError as exc:
        print(f"followup: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `followup plan | head -1`
        _silence_stdout()
        return 0
    except OSError as exc:
        _silence_stdout()
        print(f"followup: error: cannot write the output ({exc.strerror or exc}); "
              "check the disk or the file you redirected to", file=sys.stderr)
        return 1
    return status


def _silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
