"""ipywidgets views over the library: each translates input into calls of pure functions.

A widget holds no rule of its own: it reads its inputs, calls a pure function of the
domains (``followup_lib.etiquette``, ``messages``, ``outcomes``), and renders the result
with :mod:`followup_lib.widgets.html` (which escapes every piece of user text). Errors a
user can cause are shown inside the widget, never as a traceback.

- :class:`~followup_lib.widgets.planner.PlannerWidget` — enter an interview, get the
  advice for today, the whole plan and a calendar file.
"""
