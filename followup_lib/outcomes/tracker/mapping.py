"""Which tracker column feeds which field: common header names and the mapping file.

A tracker's columns are matched to the fields the anonymiser can use (:data:`FIELDS`)
by common header names (:data:`HEADER_NAMES`, compared case-, space- and
punctuation-insensitively) or by a coach's mapping file, which can also map the
tracker's labels to the schema's codes and say in which order ambiguous dates are
written. The file format is described in ``docs/anonymise.md``.

A header that stands twice (``Company`` in columns C and F) is told apart by its
spreadsheet column: :func:`distinct_headers` names them ``Company (column C)`` and
``Company (column F)``, and either name can be given in a mapping.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from followup_lib.errors import InputError
from followup_lib.outcomes.schema import (
    COMPANY_SIZE_CODES, INDUSTRY_CODES, INTERVIEW_ROUND_CODES, OUTCOME_CODES, ROLE_LEVEL_CODES,
)
from followup_lib.outcomes.tracker.values import normalise_label, shown
from followup_lib.suggest import closest, did_you_mean
from followup_lib.textio import read_user_text

#: The codes of the closed lists a value map may point to (the applications schema).
CODE_LISTS: dict[str, tuple[str, ...]] = {
    "industry": INDUSTRY_CODES, "company_size": COMPANY_SIZE_CODES,
    "role_level": ROLE_LEVEL_CODES, "interview_round": INTERVIEW_ROUND_CODES,
    "outcome": OUTCOME_CODES,
}
DATE_FIELDS = ("applied", "first_response", "interview", "decision", "as_of")
FLAG_FIELDS = ("interviewed", "offer", "thank_you_sent", "invited_to_call")
LABEL_FIELDS = ("industry", "company_size", "role_level", "interview_round")
#: Every field a tracker column can feed, in the order they are looked for.
FIELDS = DATE_FIELDS + ("outcome",) + LABEL_FIELDS + FLAG_FIELDS + ("id",)
DATE_ORDERS = ("us", "dayfirst", "iso")

#: Header names recognised without a mapping, compared after :func:`normalise_label`.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "applied": ("date applied", "applied on", "applied", "date sent", "application date",
                "applied date", "date of application", "date submitted", "submitted on"),
    "first_response": ("date of 1st response", "date of first response", "first response",
                       "first response date", "response date", "date of response"),
    "interview": ("date interview", "interview date", "date of interview", "interviewed on"),
    "decision": ("decision date", "date of decision", "date decided", "outcome date"),
    "as_of": ("current date", "as of", "export date", "exported on"),
    "outcome": ("status", "response", "outcome", "result", "application status", "stage"),
    "industry": ("industry", "company type", "sector"),
    "company_size": ("company size", "size", "employees", "headcount"),
    "role_level": ("job level", "level", "seniority", "role level", "position level"),
    "interview_round": ("interview round", "interview type", "round"),
    "interviewed": ("interviewed",),
    "offer": ("job offer", "offer", "offered"),
    "thank_you_sent": ("thank you sent", "thank you", "sent thank you"),
    "invited_to_call": ("invited to call", "call invited"),
    "id": ("id", "app id", "application id"),
}

_MAPPING_HELP = ("write a mapping file naming your columns, e.g. "
                 '{"applied": "Date sent", "outcome": "Status"} (see docs/anonymise.md)')


@dataclass(frozen=True)
class TrackerMapping:
    """Which tracker column feeds which field, plus optional label-to-code value maps.

    Parameters
    ----------
    columns : dict
        Field name (one of :data:`FIELDS`) to the tracker's header; ``None`` means
        "do not use this field even if a header looks like it".
    values : dict
        Field name to a map of the tracker's labels to codes, e.g.
        ``{"outcome": {"Ghosted": "no_response"}}``. An outcome code may end in
        ``+interviewed`` to say the label also means an interview took place.
    date_format : str, optional
        ``"us"`` (month first), ``"dayfirst"`` or ``"iso"``; detected per column if absent.

    Examples
    --------
    >>> m = TrackerMapping.from_dict({"applied": "Date sent", "date_format": "dayfirst",
    ...                               "values": {"industry": {"Consulting": "other"}}})
    >>> m.columns, m.date_format, m.values["industry"]
    ({'applied': 'Date sent'}, 'dayfirst', {'consulting': 'other'})
    """

    columns: dict[str, str | None] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    date_format: str | None = None

    @classmethod
    def from_dict(cls, data: object, source: str = "mapping") -> "TrackerMapping":
        """Check a parsed mapping file and build the mapping; labels are normalised.

        Parameters
        ----------
        data : object
            The parsed file: field names to headers, plus ``values`` and ``date_format``.
        source : str, default "mapping"
            What messages call the file.

        Returns
        -------
        TrackerMapping
        """
        if not isinstance(data, dict):
            raise InputError(source, "must be a mapping of field names to column headers",
                             _MAPPING_HELP)
        data = dict(data)
        values = data.pop("values", None) or {}
        date_format = data.pop("date_format", None)
        if date_format is not None and date_format not in DATE_ORDERS:
            raise InputError(f"{source}: date_format", f"{shown(date_format)} is not known",
                             did_you_mean(date_format, DATE_ORDERS))
        for name, header in data.items():
            if name not in FIELDS:
                raise InputError(f"{source}: {str(name)[:60]}", "is not a field I can fill",
                                 did_you_mean(name, (*FIELDS, "values", "date_format")))
            if header is not None and not isinstance(header, str):
                raise InputError(f"{source}: {name}", "must be a column header (text)",
                                 "write the header as it stands in the tracker, or null")
        return cls(columns=data, values=_check_value_maps(values, source),
                   date_format=date_format)


def _check_value_maps(values: object, source: str) -> dict[str, dict[str, str]]:
    """Check the mapping file's ``values`` and normalise their labels."""
    if not isinstance(values, dict):
        raise InputError(f"{source}: values", "must map field names to label maps",
                         'write e.g. values: {outcome: {"Ghosted": no_response}}')
    checked = {}
    for name, labels in values.items():
        if name not in CODE_LISTS or not isinstance(labels, dict):
            raise InputError(f"{source}: values.{str(name)[:60]}",
                             "is not a field with a code list",
                             did_you_mean(name, CODE_LISTS, listing="give label maps for"))
        for label, code in labels.items():
            if str(code).removesuffix("+interviewed") not in CODE_LISTS[name] or (
                    name != "outcome" and str(code).endswith("+interviewed")):
                raise InputError(f"{source}: values.{name}.{str(label)[:60]}",
                                 f"{shown(code)} is not a code of {name}",
                                 did_you_mean(code, CODE_LISTS[name]))
        checked[name] = {normalise_label(k): str(v) for k, v in labels.items()}
    return checked


def load_mapping(path: str | Path) -> TrackerMapping:
    """Read a column mapping from a ``.json``, ``.yaml`` or ``.yml`` file.

    Parameters
    ----------
    path : str or Path
        The mapping file (see :class:`TrackerMapping` for its keys), in UTF-8 or
        Windows-1252.

    Returns
    -------
    TrackerMapping

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = os.path.join(tmp, "m.yaml")
    ...     _ = open(p, "w").write("applied: Date sent\\noutcome: Response?\\n")
    ...     load_mapping(p).columns
    {'applied': 'Date sent', 'outcome': 'Response?'}
    """
    import yaml

    path = Path(path)
    label = f"mapping file {path.name!r}"
    text = read_user_text(path, "mapping")  # UTF-8 or Windows-1252
    if path.suffix.lower() not in (".json", ".yaml", ".yml"):
        raise InputError(label, "must end in .json, .yaml or .yml",
                         "save the mapping as .yaml or .json (see docs/anonymise.md)")
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        problem = str(exc).splitlines()[0]
        raise InputError(label, f"cannot be read ({problem})", "fix its syntax") from None
    return TrackerMapping.from_dict(data, label)


def find_columns(headers: list[str], mapping: TrackerMapping | None = None) -> dict[str, str]:
    """Decide which header feeds which field: the mapping first, then common names.

    Parameters
    ----------
    headers : list of str
        The tracker's headers as read.
    mapping : TrackerMapping, optional
        Explicit choices; a field mapped to ``None`` is not filled.

    Returns
    -------
    dict
        Field name to header, for the fields found.

    Examples
    --------
    >>> find_columns(["Company", "Date sent", "Response?", "Paid? "])
    {'applied': 'Date sent', 'outcome': 'Response?'}
    """
    mapping = mapping or TrackerMapping()
    by_name = {}
    for header in headers:
        by_name.setdefault(normalise_label(header_base(header)), header)
    found = {}
    for name, wanted in mapping.columns.items():
        if wanted is None:
            continue
        header = wanted if wanted in headers else by_name.get(normalise_label(wanted))
        if header is None:
            near = closest(wanted, headers)
            raise InputError(f"mapping: {name}",
                             f"names a column {shown(wanted)} the tracker lacks",
                             f"did you mean {near!r}?" if near else
                             f"use one of its headers: {listed(headers)}")
        found[name] = header
    for name in FIELDS:
        if name in mapping.columns:
            continue
        header = next((by_name[h] for h in HEADER_NAMES.get(name, ()) if h in by_name), None)
        if header is not None and header not in found.values():
            found[name] = header
    if "applied" not in found:
        raise InputError("columns", "no application-date column found (headers: "
                         f"{listed(headers)})", _MAPPING_HELP)
    return found


def listed(headers, most: int = 12) -> str:
    """Headers quoted for a message, at most ``most`` of them.

    Examples
    --------
    >>> listed(["A", "B", "C"], most=2)
    "'A', 'B' and 1 more"
    """
    headers = list(headers)
    quoted = ", ".join(shown(h) for h in headers[:most])
    return quoted + (f" and {len(headers) - most} more" if len(headers) > most else "")


_SUFFIX = re.compile(r"(?P<base>.*) \(column (?P<letters>[A-Z]+)\)", re.DOTALL)


def column_letters(position: int) -> str:
    """A spreadsheet column's letters from its position (0 is ``A``, 26 is ``AA``).

    Examples
    --------
    >>> column_letters(0), column_letters(25), column_letters(26), column_letters(701)
    ('A', 'Z', 'AA', 'ZZ')
    """
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def distinct_headers(headers) -> list[str]:
    """The headers, each one that stands twice named by its spreadsheet column too.

    Headers are compared as :func:`normalise_label` compares them, so ``Status`` and
    ``status `` are the same header.

    Examples
    --------
    >>> distinct_headers(["Company", "Date sent", "company", "Notes"])
    ['Company (column A)', 'Date sent', 'company (column C)', 'Notes']
    """
    headers = [str(h) for h in headers]
    names = [normalise_label(h) for h in headers]
    twice = {name for name, count in Counter(names).items() if count > 1}
    return [f"{h} (column {column_letters(i)})" if names[i] in twice else h
            for i, h in enumerate(headers)]


def header_base(header: str) -> str:
    """A header without the ``(column X)`` that :func:`distinct_headers` added.

    Examples
    --------
    >>> header_base("Company (column F)"), header_base("Company")
    ('Company', 'Company')
    """
    match = _SUFFIX.fullmatch(header)
    return match.group("base") if match else header
