"""The etiquette rules: parameters, stages, business days, the case, the advisor and the plan.

Modules: :mod:`.params` (named parameters), :mod:`.stages` (the seven stages),
:mod:`.workdays` (business days), :mod:`.situation` (the case record),
:mod:`.timeline` (key dates), :mod:`.calls` (when a call is permitted),
:mod:`.epochs` (restarts after new timelines), :mod:`.advisor` (``advise``),
:mod:`.plan` (``make_plan`` and exports), :mod:`.ics` (calendar files),
:mod:`.render` (plain-text output).
"""
