"""The learner's own folder: where a case, drafts and answers are saved, and nowhere else.

In JupyterLab, Voilà or on a JupyterHub, whatever the app can write a visitor can write,
so a widget never writes a path typed by the user. It writes a *name* into the learner's
folder (``my-work/`` beside the notebooks by default, created on first save, ignored by
git): a name has no folder separators and no ``..``, gets its suffix added (``.json``),
and an existing file is replaced only when the caller says so (the widget's "Replace?"
step). Writes are atomic: a crash never leaves half a file.

The folder is ``my-work`` in the current directory (the notebook's own folder in
JupyterLab and Voilà), or the folder named by the environment variable
``FOLLOWUP_WORK_DIR``.

Examples
--------
>>> import tempfile
>>> folder = LearnerFolder(Path(tempfile.mkdtemp()) / "my-work")
>>> folder.path_for("my case").name
'my case.json'
>>> folder.path_for("../../etc/passwd")
Traceback (most recent call last):
...
followup_lib.errors.InputError: file name: '../../etc/passwd' names a folder; type a plain name such as my-case
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from followup_lib.errors import InputError, clipped
from followup_lib.textio import read_user_text, write_output

#: Environment variable naming the learner's folder.
WORK_DIR_VARIABLE = "FOLLOWUP_WORK_DIR"
#: The folder's name when none is set, beside the notebooks.
DEFAULT_FOLDER = "my-work"
#: Longest file name, in characters, before the suffix.
MAX_NAME = 80
_ALLOWED = re.compile(r"^[\w][\w .,()+-]*$")


class FileExists(InputError):
    """Saving would replace a file the learner did not ask to replace."""


@dataclass(frozen=True)
class LearnerFolder:
    """One learner's folder; every name is confined to it.

    Parameters
    ----------
    root : Path
        The folder. It is created on the first save, not before.
    """

    root: Path

    def path_for(self, name: str, suffix: str = ".json") -> Path:
        """The path of a file called ``name`` in this folder (``suffix`` added when missing).

        Raises
        ------
        InputError
            When the name is empty, too long, holds a folder separator, ``..``, starts with
            a dot, or holds characters other than letters, digits, spaces and ``.,()+-_``.
        """
        if not isinstance(name, str):
            raise InputError("file name", "must be text", "type a plain name such as my-case")
        text = unicodedata.normalize("NFC", name).strip()
        if text.lower().endswith(suffix):
            text = text[: -len(suffix)].rstrip()
        shown = clipped(text)
        if not text:
            raise InputError("file name", "is empty", "type a plain name such as my-case")
        if "/" in text or "\\" in text or ".." in text or os.sep in text:
            raise InputError("file name", f"{shown!r} names a folder", "type a plain name such as my-case")
        if len(text) > MAX_NAME:
            raise InputError("file name", f"is {len(text)} characters long", f"keep it under {MAX_NAME}")
        if not _ALLOWED.match(text):
            raise InputError("file name", f"{shown!r} has characters a file name cannot safely hold",
                             "use letters, digits, spaces, '-' and '_'")
        return self.root / f"{text}{suffix}"

    def exists(self, name: str, suffix: str = ".json") -> bool:
        """True when a file of that name is already in the folder."""
        return self.path_for(name, suffix).is_file()

    def save(self, name: str, payload: bytes | str, *, suffix: str = ".json", replace: bool = False) -> Path:
        """Write ``payload`` to ``name`` atomically; an existing file only with ``replace=True``.

        Raises
        ------
        FileExists
            When the file exists and ``replace`` is False (ask the learner first).
        InputError
            For a bad name, or when the folder cannot be written.
        """
        path = self.path_for(name, suffix)
        if path.exists() and not replace:
            raise FileExists("file name", f"{path.name} already exists in {self.root.name}/",
                             "press Replace to overwrite it, or type another name")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError("learner folder", f"{self.root.name}/ cannot be created ({exc.strerror})",
                             f"set {WORK_DIR_VARIABLE} to a folder you can write") from None
        data = payload.encode("utf-8") if isinstance(payload, str) else payload
        return write_output(path, data, "file name", force=True, suffixes=(suffix,))

    def read(self, name: str, suffix: str = ".json") -> str:
        """The text of a file in the folder (InputError naming the file when it is missing or unreadable)."""
        path = self.path_for(name, suffix)
        if not path.is_file():
            raise InputError("file name", f"there is no {path.name} in {self.root.name}/",
                             "check the name, or save a case first")
        return read_user_text(path, "file name")

    def names(self, suffix: str = ".json") -> list[str]:
        """The names (without suffix) of the folder's files, sorted; empty before the first save."""
        if not self.root.is_dir():
            return []
        return sorted(p.name[: -len(suffix)] for p in self.root.iterdir() if p.is_file() and p.name.endswith(suffix))


def learner_folder(root: str | Path | None = None) -> LearnerFolder:
    """The learner's folder: ``root``, else ``$FOLLOWUP_WORK_DIR``, else ``./my-work``."""
    chosen = root or os.environ.get(WORK_DIR_VARIABLE) or Path.cwd() / DEFAULT_FOLDER
    return LearnerFolder(Path(chosen))
