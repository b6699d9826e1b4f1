"""Reading question sets: the YAML files beside this module, or an instructor's own copy.

Each notebook's knowledge check is one file here, named by the notebook's file stem
(``04-follow-up-by-email.yaml``). An instructor may copy one, edit it and load the copy
by its path: the same checks apply (see :mod:`followup_lib.questions.schema`).

The YAML is read safely (no Python objects), with two stricter rules than plain YAML:
a key given twice in one mapping is an error (which one was meant cannot be guessed), and
dates stay text until the schema parses them, so ``2026-11-20`` and ``"2026-11-20"`` mean
the same.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import yaml

from followup_lib.errors import InputError
from followup_lib.questions.schema import QuestionSet, parse_question_set
from followup_lib.suggest import did_you_mean
from followup_lib.textio import decode_user_bytes

#: The folder of the shipped question sets.
QUESTIONS_DIR = Path(__file__).resolve().parent
SUFFIXES = (".yaml", ".yml")
#: Largest question file read, in bytes.
MAX_FILE_BYTES = 1_000_000
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML that refuses duplicate keys and keeps dates as text."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping_without_duplicates(loader, node):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if isinstance(key, (str, int, float, bool)) and key in seen:
            raise _Duplicate(key, key_node.start_mark.line + 1)
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


class _Duplicate(Exception):
    def __init__(self, key, line):
        super().__init__(key, line)
        self.key, self.line = key, line


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


def question_set_ids() -> list[str]:
    """The ids of the shipped question sets, one per notebook, in reading order.

    Examples
    --------
    >>> question_set_ids()[:2]
    ['00-start-here', '01-set-up-during-the-interview']
    """
    return sorted(p.stem for p in QUESTIONS_DIR.iterdir() if p.suffix in SUFFIXES)


def read_yaml(text: str, source: str):
    """The data of a YAML text; a syntax error or a repeated key names the file and line."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except _Duplicate as dup:
        raise InputError(f"{source}, line {dup.line}", f"the key {str(dup.key)[:40]!r} is given twice in one mapping",
                         "keep one of them") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or "is not readable YAML"
        raise InputError(f"{source}{line}", f"is not readable YAML ({problem})",
                         "check the indentation and quote text that holds ': '") from None


def _locate(set_id_or_path) -> Path:
    if isinstance(set_id_or_path, Path) or (isinstance(set_id_or_path, str) and (
            set_id_or_path.endswith(SUFFIXES) or "/" in set_id_or_path or os.sep in set_id_or_path)):
        path = Path(set_id_or_path)
        if not path.is_file():
            raise InputError("question set", f"there is no file {str(path)[:80]!r}", "check the path")
        return path
    if not isinstance(set_id_or_path, str) or not set_id_or_path.strip():
        raise InputError("question set", f"{set_id_or_path!r:.40} is not a set name",
                         "give the notebook's name, e.g. '02-thank-you'")
    name = set_id_or_path.strip()
    ids = question_set_ids()
    if name not in ids:
        raise InputError("question set", f"{name[:60]!r} is not a question set", did_you_mean(name, ids))
    return QUESTIONS_DIR / f"{name}.yaml"


def load_questions(set_id_or_path) -> QuestionSet:
    """Load a question set by its id (the notebook's file stem) or from a YAML file.

    Parameters
    ----------
    set_id_or_path : str or Path
        ``"04-follow-up-by-email"``, or the path of a ``.yaml`` file (an instructor's copy).

    Returns
    -------
    QuestionSet
        Its ``id`` is the file's stem. Computed answers are worked out on first use
        (:meth:`QuestionSet.check_answers` works them all out at once).

    Raises
    ------
    InputError
        Naming the file, the question and the field of the first mistake.

    Examples
    --------
    >>> qs = load_questions("02-thank-you")
    >>> qs.id, len(qs) >= 3
    ('02-thank-you', True)
    >>> load_questions("02-thankyou")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: question set: '02-thankyou' is not a question set; did you mean '02-thank-you'?
    """
    path = _locate(set_id_or_path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise InputError("question set", f"{path.name} cannot be read ({exc.strerror})", "check the path") from None
    return _load(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _load(path: str, mtime_ns: int, size: int) -> QuestionSet:
    """One file, read once per version of it (a set is immutable, so it can be shared)."""
    p = Path(path)
    if size > MAX_FILE_BYTES:
        raise InputError(p.name, f"is {size:,} bytes", f"a question set is far smaller: keep it under {MAX_FILE_BYTES:,}")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(p.name, f"cannot be read ({exc.strerror})", "check that you may open it") from None
    text = decode_user_bytes(data, p.name, "the file")
    return parse_question_set(read_yaml(text, p.name), p.stem, p.name)
