"""Reading a user's text file: UTF-8 (with or without BOM), else Windows-1252.

Case files, drafts and review contexts come from people's own editors; on Windows many
still save as Windows-1252. Either is accepted; anything else gets a clear message
naming the file and the fix, and the file is never changed.
"""

from __future__ import annotations

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
    data = p.read_bytes()
    if not data.strip() and not allow_empty:
        raise InputError(field, f"{p.name} is empty", "check you saved the file")
    if b"\x00" in data[:4096]:
        raise InputError(field, f"{p.name} is not a text file", "save it as plain text (UTF-8)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(field, f"{p.name} is neither UTF-8 nor Windows-1252 text", "save it as UTF-8")
