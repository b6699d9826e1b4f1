"""The tracker anonymiser: a coach's raw job-tracker export in, the applications schema out.

Modules, in the order a tracker goes through them (each imported on first use):

- :mod:`~followup_lib.outcomes.tracker.reader` — :func:`read_tracker` reads a CSV file or
  an Excel sheet as text cells, indexed by spreadsheet row.
- :mod:`~followup_lib.outcomes.tracker.records` — :func:`import_tracker` finds and parses
  the columns it needs, and refuses rows that cannot be right.
- :mod:`~followup_lib.outcomes.tracker.mapping` — which column feeds which field: common
  header names, or a coach's mapping file (:func:`load_mapping`).
- :mod:`~followup_lib.outcomes.tracker.dates` — dates, and which of them are implausible.
- :mod:`~followup_lib.outcomes.tracker.values` — yes/no flags and outcome labels.
- :mod:`~followup_lib.outcomes.tracker.labels` — category labels to the schema's codes.
- :mod:`~followup_lib.outcomes.tracker.k_anonymity` — generalise, then suppress.
- :mod:`~followup_lib.outcomes.tracker.anonymise` — :func:`anonymise_table` and
  :func:`anonymise_file`, whose report and warnings are in
  :mod:`~followup_lib.outcomes.tracker.report`.

>>> import followup_lib.outcomes.tracker as tracker
>>> callable(tracker.anonymise_file)
True
"""

from __future__ import annotations

from followup_lib.lazy import lazy_exports

#: Public name -> the module of this package that defines it.
_LAZY_NAMES = {
    "read_tracker": ".reader",
    "read_tracker_source": ".reader",
    "import_tracker": ".records",
    "TrackerMapping": ".mapping",
    "load_mapping": ".mapping",
    "k_anonymise": ".k_anonymity",
    "QUASI_IDENTIFIERS": ".k_anonymity",
    "anonymise_table": ".anonymise",
    "anonymise_file": ".anonymise",
    "AnonymisationReport": ".report",
}

__all__ = sorted(_LAZY_NAMES)
__getattr__, __dir__ = lazy_exports(__name__, _LAZY_NAMES, globals())
