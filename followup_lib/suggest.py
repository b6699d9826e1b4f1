"""The one "did you mean …?" helper behind every unknown name a user types.

Field names of a case file, parameter names, message kinds, contact kinds and tracker
columns all answer a typo the same way, through :func:`did_you_mean`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(value, choices: Iterable[str]) -> str | None:
    """The choice closest to ``value`` (ignoring case), or None when none is close.

    Examples
    --------
    >>> closest("decison_by", ["decision_by", "country"])
    'decision_by'
    >>> closest("zzz", ["decision_by"]) is None
    True
    """
    options = list(choices)
    lowered = {option.lower(): option for option in options}
    match = difflib.get_close_matches(str(value).lower()[:200], list(lowered), n=1)
    return lowered[match[0]] if match else None


def did_you_mean(value, choices: Iterable[str], *, listing: str = "use one of") -> str:
    """A fix for an unknown name: "did you mean 'x'?", else the list of choices.

    Examples
    --------
    >>> did_you_mean("folow_up", ["thank_you", "follow_up"])
    "did you mean 'follow_up'?"
    >>> did_you_mean("zzz", ["thank_you", "follow_up"])
    'use one of: thank_you, follow_up'
    """
    options = list(choices)
    match = closest(value, options)
    if match is not None:
        return f"did you mean {match!r}?"
    return f"{listing}: {', '.join(options)}"
