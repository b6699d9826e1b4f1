"""Load the hand-written drafts in this folder (one ``.txt`` each: a YAML header, ``---``, the text).

Header fields: ``kind``, ``good`` (true for a draft a careful writer could send),
``expect`` (rule ids the reviewer must report) and an optional ``context``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

CORPUS_DIR = Path(__file__).resolve().parent


def load_corpus(folder: Path = CORPUS_DIR) -> list[dict]:
    """Every draft as a dict with ``id``, ``text``, ``kind``, ``good``, ``expect``, ``context``."""
    entries = []
    for path in sorted(folder.glob("*.txt")):
        header, separator, text = path.read_text(encoding="utf-8").partition("\n---\n")
        if not separator:
            raise ValueError(f"{path.name}: no '---' line between header and text")
        meta = yaml.safe_load(header)
        entries.append({"id": path.stem, "text": text.rstrip("\n"), "kind": meta["kind"],
                        "good": bool(meta["good"]), "expect": list(meta.get("expect") or []),
                        "context": meta.get("context")})
    return entries
