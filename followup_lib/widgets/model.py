"""The shared case model of a notebook's widgets (a ``traitlets.HasTraits``, no ipywidgets).

Every widget of a notebook takes one :class:`CaseModel`: the planner writes the
learner's case into it, and the composer, the call decider and the silence meter read it,
so a change in one reaches the others. The model holds the case, the day the advice is
for, and the etiquette :class:`~followup_lib.etiquette.params.Params` (so an instructor
can show "what if the grace period were 3 days"), and exposes the latest input error as
a trait instead of swallowing it.

Examples
--------
>>> from datetime import date
>>> from followup_lib.etiquette.case import Case
>>> model = CaseModel(today=date(2026, 11, 18))
>>> model.case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00"})
>>> model.advice().action          # no thank-you logged, and its 24 hours have passed
'thank_you_late'
>>> model.report(ValueError("x")) is None   # only the library's own errors are shown
Traceback (most recent call last):
...
ValueError: x
"""

from __future__ import annotations

from datetime import date

import traitlets

from followup_lib.clock import today as clock_today
from followup_lib.errors import FollowupError
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.timefields import check_date_range


class CaseError(FollowupError):
    """The shared case has an input error (its one-line message is ``CaseModel.error``)."""


class CaseModel(traitlets.HasTraits):
    """The learner's case, the day and the parameters, shared by a notebook's widgets.

    Traits
    ------
    case : Case or None
        The case as last entered without error (None before one is entered).
    today : date
        The day advice is given for (default :func:`followup_lib.clock.today`).
    params : Params
        Etiquette parameters.
    error : str
        The latest input error in one line (``"decision_by: …; …"``), or ``""``.
    """

    case = traitlets.Instance(Case, allow_none=True)
    today = traitlets.Instance(date)
    params = traitlets.Instance(Params)
    error = traitlets.Unicode("")

    def __init__(self, case: Case | None = None, *, today: date | None = None,
                 params: Params | None = None, **kwargs):
        super().__init__(case=case, today=today or clock_today(), params=params or DEFAULTS, **kwargs)

    @traitlets.validate("today")
    def _check_today(self, proposal):
        return check_date_range(proposal["value"], "today")

    def report(self, error: Exception) -> None:
        """Show a user's input error (the case becomes None); any other exception is raised."""
        if not isinstance(error, FollowupError):
            raise error
        self.case = None
        self.error = str(error)

    def check(self) -> Case:
        """The case, or :class:`CaseError` with the model's error when there is none to show."""
        if self.error:
            raise CaseError(self.error)
        if self.case is None:
            raise CaseError("No case yet: enter your interview in the planner (notebook 00 or 03) and press Save "
                            "under the name my-case; this notebook then loads it when you run it again.")
        return self.case

    def accept(self, case: Case) -> None:
        """Take a valid case and clear the error."""
        self.error = ""
        self.case = case

    @classmethod
    def for_learner(cls, name: str = "my-case", *, folder=None, today: date | None = None,
                    params: Params | None = None) -> "CaseModel":
        """A model holding the learner's saved case ``name`` from their folder, if they saved one.

        "Now you try" cells start from it: a learner who saved a case in the planner sees it
        again in every notebook; one who has not gets an empty model (the widgets say so),
        and a saved file that cannot be read leaves its one-line error in ``error``.
        """
        from followup_lib.workspace import learner_folder

        folder = folder or learner_folder()
        model = cls(today=today, params=params)
        try:
            if folder.exists(name):
                model.accept(Case.from_json(folder.read(name), source=f"saved case {name!r}"))
        except FollowupError as err:
            model.report(err)
        return model

    def advice(self):
        """The advice for the model's case on its day (None while there is no case)."""
        from followup_lib.etiquette.advisor import advise

        return None if self.case is None else advise(self.case, today=self.today, params=self.params)

    def plan(self):
        """The plan of the model's case as of its day (None while there is no case)."""
        from followup_lib.etiquette.plan import make_plan

        return None if self.case is None else make_plan(self.case, today=self.today, params=self.params)
