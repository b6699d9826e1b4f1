"""Follow-up Coach: the helper library behind the workbook, its widgets and the ``followup`` command.

Three domains and two faces:

- :mod:`followup_lib.etiquette` — the rules: parameters, stages, business days, the case
  record, the advisor and the plan.
- :mod:`followup_lib.messages` — drafts and their review.
- :mod:`followup_lib.outcomes` — the applications dataset, the anonymiser, analysis, plots.
- :mod:`followup_lib.widgets` and :mod:`followup_lib.cli` — the faces.

Importing the package is light: nothing heavy (pandas, matplotlib, lifelines) loads
until a function needs it. The most used names are available here lazily.

Examples
--------
>>> import followup_lib
>>> case = followup_lib.Situation.from_dict({"interview_end": "2026-11-16T15:00:00-05:00"})
>>> followup_lib.advise(case, case.interview_date).action
'send_thank_you'
"""

from followup_lib.errors import FollowupError, InputError

__version__ = "0.1.0"

_LAZY = {
    "Situation": "followup_lib.etiquette.situation",
    "load_situation": "followup_lib.etiquette.situation",
    "save_situation": "followup_lib.etiquette.situation",
    "advise": "followup_lib.etiquette.advisor",
    "make_plan": "followup_lib.etiquette.plan",
    "Params": "followup_lib.etiquette.params",
    "STAGES": "followup_lib.etiquette.stages",
}

__all__ = ["FollowupError", "InputError", "__version__", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'followup_lib' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
