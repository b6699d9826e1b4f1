"""What every view repeats: the shared model, the error line, a redraw guard and projector sizing."""

from __future__ import annotations

from contextlib import contextmanager

import ipywidgets as w
import traitlets

from followup_lib.errors import FollowupError
from followup_lib.widgets.html import error_html
from followup_lib.widgets.model import CaseModel

#: Text size on a projector (the widgets' own CSS scales with it).
PROJECTOR_CSS = (
    "<style>"
    ".fc-projector {font-size: 150%;}"
    # every control inside takes the one enlarged size (a widget inside another is not enlarged twice)
    ".fc-projector * {font-size: inherit !important; line-height: 1.4;}"
    ".fc-projector .widget-inline-hbox, .fc-projector input, .fc-projector select, .fc-projector button"
    " {height: auto !important; min-height: 2em;}"
    ".fc-projector .widget-label {width: auto !important; min-width: 9em;}"
    "</style>")


class CoachView(w.VBox):
    """Base of every Follow-up Coach widget.

    ``projector`` (default: the :func:`followup_lib.projector` setting) enlarges the text.

    Subclasses build their children, then call :meth:`redraw` whenever their inputs or the
    model change; :meth:`redraw` catches a :class:`~followup_lib.errors.FollowupError` so an input error is shown in
    the widget (``value`` becomes None) and never escapes as a traceback.

    ``value`` is read-only: the latest result the view shows.
    """

    value = traitlets.Any(None, read_only=True)

    def __init__(self, children=(), *, model: CaseModel | None = None, projector: bool | None = None, **kwargs):
        from followup_lib.projector_mode import projector_on

        projector = projector_on() if projector is None else projector
        self.model = model if model is not None else CaseModel()
        self._error = w.HTML()
        self._error.add_class("fc-error-line")  # the one line an input error shows in (browser tests find it)
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

    def save_step(self, write, *, status, replace_button, saved):
        """Run ``write()`` (a save into the learner's folder) the way every widget saves.

        An existing file is not replaced: its :class:`~followup_lib.workspace.FileExists`
        is shown in ``status`` and ``replace_button`` appears, whose click saves again with
        ``replace=True``. Another input error is shown in ``status``; on success ``saved(path)``
        gives the status line. Returns the path written, or None.
        """
        from followup_lib.workspace import FileExists

        replace_button.layout.display = "none"
        try:
            path = write()
        except FileExists as err:
            status.value = error_html(err)
            replace_button.layout.display = None
            return None
        except FollowupError as err:
            status.value = error_html(err)
            return None
        status.value = saved(path)
        return path

    def show_error(self, err: Exception) -> None:
        """Show an input error in one line, and clear ``value``."""
        self._error.value = error_html(err)
        self.set_trait("value", None)
