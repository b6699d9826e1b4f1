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
- :mod:`~followup_lib.outcomes.summary` — the :class:`Summary` that :func:`summarise`
  returns (text, an HTML table, JSON); :mod:`~followup_lib.outcomes.arguments` — the
  checks of arguments such as ``k``, days and ``params``.
- :mod:`~followup_lib.outcomes.tracker` — the tracker anonymiser (:func:`read_tracker`,
  :func:`load_mapping`, :func:`anonymise_file`, :func:`anonymise_table`).

The names below can also be taken from this package directly; each import happens when
the name is first used.

>>> import followup_lib.outcomes as outcomes
>>> callable(outcomes.load_applications)
True
"""

from __future__ import annotations

from followup_lib.lazy import lazy_exports

#: Public name -> the module that defines it (relative to this package).
_LAZY_NAMES = {
    "COLUMNS": ".schema",
    "validate_applications": ".schema",
    "applications_schema": ".schema",
    "load_applications": ".loader",
    "save_applications": ".loader",
    "generate_applications": ".generator",
    "fit_response_curve": ".analysis",
    "median_days_to_response": ".analysis",
    "p_response_by_day": ".analysis",
    "p_response_given_silent": ".analysis",
    "response_rates_by_follow_up": ".rates",
    "summarise": ".analysis",
    "Summary": ".summary",
    # the tracker's own package says which of its modules defines each
    **dict.fromkeys(("read_tracker", "read_tracker_source", "load_mapping", "anonymise_table",
                     "anonymise_file"), ".tracker"),
}

__all__ = sorted(_LAZY_NAMES)
__getattr__, __dir__ = lazy_exports(__name__, _LAZY_NAMES, globals())
