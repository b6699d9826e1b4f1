"""Checks of the arguments a caller passes to the outcomes functions, in one place.

Whole numbers (``n``, ``seed``, ``k``), numbers of days, and the etiquette parameters
(:class:`~followup_lib.etiquette.params.Params`) that reach the outcomes rules: each is
checked here and a bad value is an :class:`~followup_lib.errors.InputError` naming the
Python parameter and the fix. Only numpy is imported.
"""

from __future__ import annotations

import math

import numpy as np

from followup_lib.errors import InputError
from followup_lib.etiquette.params import Params


def check_whole(value: object, field: str, minimum: int, example: object,
                wanted: str | None = None) -> None:
    """Raise InputError unless ``value`` is a whole number (Python or numpy), ``minimum`` or more.

    Parameters
    ----------
    value : object
        The value given.
    field : str
        Its name in the message.
    minimum : int
        The smallest value allowed.
    example : object
        A good value, for the fix.
    wanted : str, optional
        What the message says is wanted; ``a whole number of <minimum> or more`` by default.

    Raises
    ------
    InputError
        Naming ``field``, the value given and an example.

    Examples
    --------
    >>> check_whole(3, "n", 1, 3000)
    >>> check_whole(-1, "seed", 0, 2024, "a whole number, 0 or more")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: seed: must be a whole number, 0 or more, not -1; give e.g. 2024
    """
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        shown = repr(value) if len(repr(value)) <= 40 else f"a {type(value).__name__}"
        raise InputError(field, f"must be {wanted or f'a whole number of {minimum} or more'}, "
                         f"not {shown}", f"give e.g. {example}")


def check_k(k: object) -> None:
    """Raise InputError unless ``k`` is a whole number, 1 or more.

    Parameters
    ----------
    k : object
        The smallest group size asked for (a Python or numpy integer).

    Raises
    ------
    InputError
        Naming ``k`` and the fix.

    Examples
    --------
    >>> check_k(5)
    >>> check_k(0)
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: k: must be a whole number of 1 or more, not 0; give e.g. 5
    """
    check_whole(k, "k", 1, 5)


def check_params(params: object) -> Params:
    """``params`` itself when it is a :class:`~followup_lib.etiquette.params.Params`.

    Raises
    ------
    InputError
        Naming ``params`` and how to build one.

    Examples
    --------
    >>> check_params(Params()).k_anonymity
    5
    >>> check_params({"k_anonymity": 10})
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: params: must be a Params, not a dict; give e.g. params=Params(k_anonymity=10)
    """
    if not isinstance(params, Params):
        raise InputError("params", f"must be a Params, not a {type(params).__name__}",
                         "give e.g. params=Params(k_anonymity=10)")
    return params


def resolve_k(k: object, params: object) -> int:
    """The smallest group size to use: ``k`` when given (it wins), else ``params.k_anonymity``.

    Parameters
    ----------
    k : int or None
        An explicit group size, or None.
    params : Params
        The parameters whose ``k_anonymity`` applies when ``k`` is None.

    Returns
    -------
    int

    Examples
    --------
    >>> resolve_k(None, Params(k_anonymity=10)), resolve_k(3, Params(k_anonymity=10))
    (10, 3)
    """
    params = check_params(params)
    if k is None:
        return int(params.k_anonymity)
    check_k(k)
    return int(k)


def check_days(value, field: str, *, zero_ok: bool = True, example: str = "14") -> None:
    """Raise InputError unless ``value`` is a finite number of days, 0 or more.

    Parameters
    ----------
    value : object
        The number to check.
    field : str
        Its name, for the message.
    zero_ok : bool, default True
        Whether 0 is allowed (else the value must be above 0).
    example : str, default "14"
        A good value, shown in the fix.

    Raises
    ------
    InputError
        Naming ``field`` and the fix.

    Examples
    --------
    >>> check_days(7, "days")
    >>> check_days(0, "max_days", zero_ok=False)
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: max_days: must be a number of days above 0, not 0; give e.g. 14
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) \
            or not math.isfinite(value) or value < 0 or (value == 0 and not zero_ok):
        least = "0 or more" if zero_ok else "above 0"
        raise InputError(field, f"must be a number of days {least}, not {value!r}",
                         f"give e.g. {example}")
