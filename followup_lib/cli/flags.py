"""The command line's words for the library's parameters, and ``--param NAME=VALUE``.

A library function names its Python parameters in its errors (``sheet: … pass
sheet=NAME``), because a notebook user calls it too. A sub-command says which of its
flags stands for which parameter (a small table, e.g. ``{"sheet": "--sheet"}``) and runs
inside :func:`command_words`, which rewords every
:class:`~followup_lib.errors.InputError` to the flags before ``followup`` prints it:
``--sheet: … pass --sheet NAME``. :func:`reword` does the same to a text such as a report.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from followup_lib.errors import InputError

#: Python calls that have a command of their own.
COMMANDS = {"anonymise_file()": "'followup anonymise'"}


def reword(text: str, flags: Mapping[str, str]) -> str:
    """``text`` with each ``name=`` of a parameter in ``flags`` written as its flag.

    ``name=True`` becomes the flag alone, ``name=VALUE`` the flag and the value, a bare
    ``name=`` the flag; ``params.name`` becomes ``--param name``; a call that has a
    command of its own (:data:`COMMANDS`) becomes the command.

    Examples
    --------
    >>> reword("pass sheet=NAME, or force=True, or lower k (e.g. k=2)",
    ...        {"sheet": "--sheet", "force": "--force", "k": "--k"})
    'pass --sheet NAME, or --force, or lower k (e.g. --k 2)'
    >>> reword("with anonymise_file() first", {})
    "with 'followup anonymise' first"
    """
    for name, flag in flags.items():
        text = re.sub(rf"\b{re.escape(name)}=True\b", flag, text)
        text = re.sub(rf"\b{re.escape(name)}=(?=[\w'\"<])", f"{flag} ", text)
        text = re.sub(rf"\b{re.escape(name)}=", flag, text)
    if "params" in flags:
        text = re.sub(r"\bparams\.(\w+)", rf"{flags['params']} \1", text)
    for call, command in COMMANDS.items():
        text = text.replace(call, command)
    return text


def reworded(error: InputError, flags: Mapping[str, str]) -> InputError:
    """The same error in the command line's words: its field, problem and fix reworded.

    A field that is a parameter's name (``sheet``), or starts with one (``mapping:
    applied``, ``params.k_anonymity``), names the flag instead.

    Examples
    --------
    >>> str(reworded(InputError("sheet", "no sheet named 'Jobs'", "pass sheet=NAME"),
    ...              {"sheet": "--sheet"}))
    "--sheet: no sheet named 'Jobs'; pass --sheet NAME"
    """
    field = error.field
    for name, flag in flags.items():
        if field == name:
            field = flag
        elif field.startswith((f"{name}:", f"{name} ")):
            field = flag + field[len(name):]
        elif field.startswith(f"{name}."):
            field = f"{flag} {field[len(name) + 1:]}"
    fix = reword(error.fix, flags) if error.fix else error.fix
    return InputError(field, reword(error.problem, flags), fix)


@contextmanager
def command_words(flags: Mapping[str, str]) -> Iterator[None]:
    """Reword any InputError raised inside the block to the command line's flags.

    Examples
    --------
    >>> with command_words({"k": "--k"}):
    ...     raise InputError("k", "must be 1 or more", "give e.g. k=5")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: --k: must be 1 or more; give e.g. --k 5
    """
    try:
        yield
    except InputError as exc:
        raise reworded(exc, flags) from None


def add_param_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--param NAME=VALUE`` (repeatable): an etiquette parameter for this run."""
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="override a parameter for this run, e.g. k_anonymity=10 "
                             "(names as in followup_lib/etiquette/params.py)")


def params_from_options(items: list[str]):
    """The :class:`~followup_lib.etiquette.params.Params` that ``--param NAME=VALUE`` items give.

    Examples
    --------
    >>> params_from_options(["k_anonymity=10"]).k_anonymity
    10
    >>> params_from_options(["K_ANONYMITY=ten"])
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: --param k_anonymity: 'ten' is not a whole number; give e.g. 3
    """
    from followup_lib.etiquette.params import Params

    values = {}
    for item in items:
        name, equals, value = item.partition("=")
        if not equals or not name.strip():
            raise InputError("--param", f"{item[:60]!r} is not NAME=VALUE",
                             "write e.g. --param follow_up_grace=3")
        name = name.strip().lower()  # FOLLOW_UP_GRACE, as the docs spell it, works too
        number = value.strip().replace("_", "")
        try:
            values[name] = float(number) if name == "thank_you_window" else int(number)
        except ValueError:
            kind = "a number of hours" if name == "thank_you_window" else "a whole number"
            raise InputError(f"--param {name[:60]}", f"{value[:60]!r} is not {kind}", "give e.g. 3") from None
    with command_words({"params": "--param"}):
        return Params.from_dict(values)
