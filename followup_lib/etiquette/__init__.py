"""The etiquette rules: parameters, stages, business days, the case, the advisor and the plan.

Modules: :mod:`.params` (named parameters), :mod:`.kinds` (the model's vocabulary as
enums), :mod:`.stages` (the seven stages), :mod:`.workdays` (business days),
:mod:`.timefields` (parsing dates and zones), :mod:`.case` (the case record),
:mod:`.windows` (every dated rule, computed once), :mod:`.calls` (when a call is
permitted), :mod:`.advisor` (``advise``), :mod:`.plan` (``make_plan`` and exports),
:mod:`.ics` (calendar files), :mod:`.render` and :mod:`.render_html` (text and HTML).
"""
