"""Outcomes: the applications dataset and what it says about how fast employers respond.

Modules (imported on first use, so ``import followup_lib.outcomes`` stays light):

- :mod:`~followup_lib.outcomes.schema` — the column contract, its codes and
  :func:`validate_applications`; :mod:`~followup_lib.outcomes.rules` — the rules
  between columns.
- :mod:`~followup_lib.outcomes.loader` — :func:`load_applications` and
  :func:`save_applications` (CSV or Parquet).
- :mod:`~followup_lib.outcomes.generator` — the seeded synthetic generator
  :func:`generate_applications`; :mod:`~followup_lib.outcomes.calibration` — its
  parameters and their sources.
- :mod:`~followup_lib.outcomes.analysis` — time to response with censoring
  (Kaplan–Meier), conditional chances, :func:`summarise`;
  :mod:`~followup_lib.outcomes.rates` — decision rates by follow-up behaviour.
- :mod:`~followup_lib.outcomes.plots` — matplotlib figures and a projector style (the
  rate chart in :mod:`~followup_lib.outcomes.rate_plot`, the shared look in
  :mod:`~followup_lib.outcomes.plot_style`).
- The tracker anonymiser: :mod:`~followup_lib.outcomes.importer` (:func:`read_tracker`),
  :mod:`~followup_lib.outcomes.tracker_mapping` (:func:`load_mapping`),
  :mod:`~followup_lib.outcomes.tracker_values`,
  :mod:`~followup_lib.outcomes.tracker_labels`, :mod:`~followup_lib.outcomes.k_anonymity`
  and :mod:`~followup_lib.outcomes.anonymise` (:func:`anonymise_file`,
  :func:`anonymise_table`), whose report and warnings are in
  :mod:`~followup_lib.outcomes.anonymise_report`.

The names below can also be taken from this package directly; each import happens when
the name is first used.

>>> import followup_lib.outcomes as outcomes
>>> callable(outcomes.load_applications)
True
"""

from __future__ import annotations

import importlib

#: Public name -> the module of this package that defines it.
_LAZY_NAMES = {
    "COLUMNS": "schema",
    "validate_applications": "schema",
    "applications_schema": "schema",
    "load_applications": "loader",
    "save_applications": "loader",
    "generate_applications": "generator",
    "fit_response_curve": "analysis",
    "median_days_to_response": "analysis",
    "p_response_by_day": "analysis",
    "p_response_given_silent": "analysis",
    "response_rates_by_follow_up": "rates",
    "summarise": "analysis",
    "read_tracker": "importer",
    "read_tracker_source": "importer",
    "load_mapping": "tracker_mapping",
    "anonymise_table": "anonymise",
    "anonymise_file": "anonymise",
}

__all__ = sorted(_LAZY_NAMES)


def __getattr__(name: str):
    """Import a public name from its module on first use."""
    if name not in _LAZY_NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{_LAZY_NAMES[name]}")
    return getattr(module, name)
