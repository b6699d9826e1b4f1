"""Reading a user's text files and writing output files atomically.

Case files, drafts and review contexts come from people's own editors; on Windows many
still save as Windows-1252. Either is accepted; anything else gets a clear message
naming the file and the fix, and the file is never changed. Everything the library
writes goes through :func:`atomic_path`, so a crash never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from followup_lib.errors import InputError


def read_user_text(path, field: str, *, allow_empty: bool = False) -> str:
    """Read a text file a user supplied.

    Parameters
    ----------
    path : str or Path
    field : str
        How to name the file in an error, e.g. ``"--situation"``.
    allow_empty : bool, optional
        Return an empty file's text instead of raising (for callers that check it themselves).

    Returns
    -------
    str

    Raises
    ------
    InputError
        When the path is missing or a folder, the file is empty or binary, or it is
        neither UTF-8 nor Windows-1252 text.

    Examples
    --------
    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> p = Path(folder, "note.txt"); _ = p.write_bytes("caf\\xe9".encode("cp1252"))
    >>> read_user_text(p, "draft")
    'café'
    """
    p = Path(path)
    if p.is_dir():
        raise InputError(field, f"{str(path)!r} is a folder, not a file", "name the file inside it")
    if not p.is_file():
        raise InputError(field, f"no file named {str(path)!r}", "check the path")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(field, f"{p.name} cannot be read ({exc.strerror})", "check that you may open it") from None
    return decode_user_bytes(data, field, p.name, allow_empty=allow_empty)


def decode_user_bytes(data: bytes, field: str, name: str = "the input", *, allow_empty: bool = False) -> str:
    r"""Decode a user's bytes (a file's or standard input's): UTF-8 with or without BOM, else Windows-1252.

    Examples
    --------
    >>> decode_user_bytes("\ufeffHi".encode("utf-8"), "draft")
    'Hi'
    >>> decode_user_bytes(b"\x00\x01", "draft")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: draft: the input is not a text file; save it as plain text (UTF-8)
    """
    if not data.strip() and not allow_empty:
        raise InputError(field, f"{name} is empty", "check you saved the file")
    if b"\x00" in data[:4096]:
        raise InputError(field, f"{name} is not a text file", "save it as plain text (UTF-8)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(field, f"{name} is neither UTF-8 nor Windows-1252 text", "save it as UTF-8")


@contextmanager
def atomic_path(target):
    """A temporary path beside ``target`` that replaces it only if the block succeeds.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp(), "plan.ics")
    >>> with atomic_path(target) as part:
    ...     _ = part.write_text("BEGIN:VCALENDAR")
    >>> target.read_text()
    'BEGIN:VCALENDAR'
    """
    target = Path(target)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(handle)
    os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o644)
    try:
        yield Path(temporary)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
