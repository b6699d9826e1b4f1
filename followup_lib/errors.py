"""The library's own exception types.

Every error a user can cause (a wrong date, an unknown country, a malformed file) is
raised as :class:`InputError`, which names the field at fault and says how to fix it.
Faces (the ``followup`` command, the widgets) show ``str(error)`` and never a traceback.
"""

from __future__ import annotations


class FollowupError(Exception):
    """Base class of every error raised on purpose by ``followup_lib``."""


class InputError(FollowupError, ValueError):
    """A value supplied by the user is missing or wrong.

    Parameters
    ----------
    field : str
        Where the problem is, as the user would name it: ``"interview_end"``,
        ``"contacts[1].at"``, ``"row 12, column 'Date sent'"``.
    problem : str
        What is wrong, in plain words.
    fix : str, optional
        What to do about it.

    Examples
    --------
    >>> err = InputError("decision_by", "is before the interview", "give a later date")
    >>> str(err)
    'decision_by: is before the interview; give a later date'
    >>> err.field
    'decision_by'
    """

    def __init__(self, field: str, problem: str, fix: str | None = None):
        self.field = field
        self.problem = problem
        self.fix = fix
        message = f"{field}: {problem}"
        if fix:
            message += f"; {fix}"
        super().__init__(message)


def clipped(text: str, limit: int = 40) -> str:
    """``text`` as an error message quotes it: whole up to ``limit`` characters, else cut with "...".

    Examples
    --------
    >>> clipped("decison_by"), clipped("x" * 50)
    ('decison_by', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...')
    """
    return text if len(text) <= limit else text[:limit - 3] + "..."


def described(value) -> str:
    """A value as an error message shows it: its ``repr``, or its type and size when that is long.

    Examples
    --------
    >>> described("no"), described("x" * 100)
    ("'no'", 'a str of 102 characters')
    """
    text = repr(value)
    return text if len(text) <= 40 else f"a {type(value).__name__} of {len(text):,} characters"
