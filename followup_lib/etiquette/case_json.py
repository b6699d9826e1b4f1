"""Reading a case file's JSON text safely: one object, no duplicated keys, no parser bombs.

A case file comes from a person's editor or from a download. Before the JSON parser sees
it, its nesting depth is measured (a file nested 100,000 levels deep is refused at once,
without recursion); while parsing, a key given twice in one object is refused, naming the
key (which of the two was meant cannot be guessed), and so is a number of more than 30
digits (no field takes one). Malformed JSON names its line and column.
"""

from __future__ import annotations

import json

from followup_lib.errors import InputError, clipped

#: Deepest nesting a case file may have (a real one has three levels).
MAX_JSON_DEPTH = 20
#: Most digits a number in a case file may have.
MAX_DIGITS = 30


def case_json_object(text: str, source: str = "case") -> dict:
    """The JSON object of a case file's text; malformed JSON names the line and column.

    Examples
    --------
    >>> case_json_object('{"interview_end": "2026-11-16T15:00-05:00",}', "case.json")
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: case.json: is not valid JSON (line 1, column ...); check for a missing or extra comma, quote or bracket there
    """
    if _nesting_depth(text) > MAX_JSON_DEPTH:
        raise InputError(source, f"is nested more than {MAX_JSON_DEPTH} levels deep",
                         "a case file has three levels at most: check it is the right file")
    try:
        data = json.loads(text, object_pairs_hook=_refuse_duplicate_keys, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
                         "check for a missing or extra comma, quote or bracket there") from None
    except _DuplicateKey as exc:
        raise InputError(source, f"names {exc.key!r} twice in one object",
                         "keep one of them: which one you meant cannot be guessed") from None
    except _HugeNumber:
        raise InputError(source, f"holds a number with more than {MAX_DIGITS} digits",
                         "check the file: no field takes one") from None
    if not isinstance(data, dict):
        raise InputError(source, "must hold one JSON object {...}")
    return data


class _DuplicateKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = clipped(key)


class _HugeNumber(ValueError):
    pass


def _refuse_duplicate_keys(pairs: list) -> dict:
    out = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _HugeNumber(text[:20])
    return int(text)


def _nesting_depth(text: str) -> int:
    """How deeply brackets nest in ``text``, outside strings (cheap; the text is read once)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest
