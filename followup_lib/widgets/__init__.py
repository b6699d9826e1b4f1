"""ipywidgets views over the library: each translates input into calls of pure functions.

A widget holds no rule of its own: it reads its inputs, calls a pure function of the
domains (``followup_lib.etiquette``, ``messages``, ``outcomes``), and renders the result
with HTML that escapes every piece of user text. Errors a user can cause are shown
inside the widget, never as a traceback.

- :class:`~followup_lib.widgets.model.CaseModel` — the shared case model (traitlets): the
  learner's case, the day, the parameters and the latest error, followed by every widget
  of a notebook.
- :class:`~followup_lib.widgets.base.CoachView` — what every view repeats: the error
  line, a redraw guard (one redraw for several changes) and projector sizing.
- :class:`~followup_lib.widgets.planner.PlannerWidget` — enter an interview, get the
  advice for a day, the whole plan and a calendar file; save and load the case in the
  learner's folder.
"""
