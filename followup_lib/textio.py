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


def check_output_path(path, field: str, *, force: bool = False, suffixes: tuple[str, ...] = (),
                      replace_hint: str = "pass force=True to replace it") -> Path:
    """Check a path the user named for output before anything is written there.

    Refuses a folder, a missing parent folder, a wrong suffix, and an existing file
    unless ``force`` is True (the command line's ``--force``): nothing the user did not
    ask to replace is ever replaced.

    Parameters
    ----------
    path : str or Path
    field : str
        How to name the path in an error (``"--ics"``, ``"output"``).
    force : bool, optional
        Replace an existing file.
    replace_hint : str, optional
        How the caller replaces a file, for the error (the command line rewords
        ``force=True`` to ``--force``).
    suffixes : tuple of str, optional
        Allowed endings such as ``(".ics",)``; any when empty.

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> check_output_path(folder, "--ics", suffixes=(".ics",))
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: --ics: '...' is a folder; name a file inside it, e.g. .../output.ics
    """
    p = Path(path)
    shown = str(path) if len(str(path)) <= 120 else str(path)[:117] + "..."
    try:
        return _checked_output(p, shown, field, force, suffixes, replace_hint)
    except OSError as exc:  # a name too long for the file system, a loop of links, ...
        raise InputError(field, f"{shown!r} cannot be used ({exc.strerror})", "pick a shorter or simpler name") from None


def _checked_output(p: Path, shown: str, field: str, force: bool, suffixes: tuple[str, ...],
                    replace_hint: str) -> Path:
    if p.is_dir():
        example = suffixes[0] if suffixes else ".txt"
        raise InputError(field, f"{shown!r} is a folder", f"name a file inside it, e.g. {p / ('output' + example)}")
    if suffixes and p.suffix.lower() not in suffixes:
        raise InputError(field, f"{shown!r} does not end in {' or '.join(suffixes)}",
                         f"name the file e.g. output{suffixes[0]}")
    if not p.parent.is_dir():
        raise InputError(field, f"the folder {str(p.parent)[:120]!r} does not exist", "create it or pick another")
    if p.exists() and not force:
        raise InputError(field, f"{shown!r} already exists", f"pick another name, or {replace_hint}")
    if not os.access(p.parent, os.W_OK):
        raise InputError(field, f"the folder {str(p.parent)[:120]!r} cannot be written to", "pick a folder of your own")
    if len(p.name.encode("utf-8")) > 255:
        raise InputError(field, f"the name is {len(p.name.encode('utf-8'))} bytes long", "use a name under 255 bytes")
    return p


def write_output(path, payload: bytes, field: str, *, force: bool = False, suffixes: tuple[str, ...] = (),
                 replace_hint: str = "pass force=True to replace it") -> Path:
    """Check ``path`` with :func:`check_output_path`, then write ``payload`` there atomically.

    A failure while writing (a full disk, a permission change) is an InputError naming
    ``field``; the file that was there before, if any, is left as it was.
    """
    p = check_output_path(path, field, force=force, suffixes=suffixes, replace_hint=replace_hint)
    try:
        with atomic_path(p) as part:
            part.write_bytes(payload)
    except OSError as exc:
        raise InputError(field, f"could not write {p.name} ({exc.strerror})", "check the disk and folder") from None
    return p
