"""What every view repeats: the shared model, the error line, a redraw guard and projector sizing."""

from __future__ import annotations

from contextlib import contextmanager

import ipywidgets as w
import traitlets

from followup_lib.errors import FollowupError
from followup_lib.widgets.html import error_html
from followup_lib.widgets.model import CaseModel

#: Text size on a projector (the widgets' own CSS scales with it).
PROJECTOR_CSS = ("<style>.fc-projector, .fc-projector .widget-label, .fc-projector input, "
                 ".fc-projector select, .fc-projector button, .fc-projector table {font-size: 150% !important}"
                 ".fc-projector .widget-inline-hbox {min-height: 2.2em}</style>")


class CoachView(w.VBox):
    """Base of every Follow-up Coach widget.

    Subclasses build their children, then call :meth:`redraw` whenever their inputs or the
    model change; a redraw wraps its work in :meth:`guarded` so an input error is shown in
    the widget (``value`` becomes None) and never escapes as a traceback.

    ``value`` is read-only: the latest result the view shows.
    """

    value = traitlets.Any(None, read_only=True)

    def __init__(self, children=(), *, model: CaseModel | None = None, projector: bool = False, **kwargs):
        self.model = model if model is not None else CaseModel()
        self._error = w.HTML()
        self._quiet = False
        extra = [w.HTML(PROJECTOR_CSS)] if projector else []
        super().__init__([*extra, *children, self._error], **kwargs)
        if projector:
            self.add_class("fc-projector")

    @contextmanager
    def quiet(self):
        """Change several inputs with one redraw at the end."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False
        self.redraw()

    def redraw(self, change=None) -> None:
        """Recompute and show the result; subclasses implement :meth:`draw`."""
        if self._quiet:
            return
        try:
            result = self.draw()
        except FollowupError as err:
            self.show_error(err)
            return
        self._error.value = ""
        self.set_trait("value", result)

    def draw(self):  # pragma: no cover - every view defines it
        raise NotImplementedError

    def show_error(self, err: Exception) -> None:
        """Show an input error in one line, and clear ``value``."""
        self._error.value = error_html(err)
        self.set_trait("value", None)
