"""A plot as a picture with a text alternative: what a notebook shows instead of a bare figure.

JupyterLab and Voila show a matplotlib figure as an ``<img>`` with no ``alt`` text, so a
screen reader meets an unnamed image. :func:`picture` draws a plot off screen and shows it
as an ``<img>`` that carries the words it is given; the widgets show their plots the same
way (:func:`picture_html`).

Examples
--------
>>> from followup_lib.outcomes.plots import plot_still_waiting
>>> from followup_lib.outcomes.generator import generate_applications
>>> shown = picture(plot_still_waiting, generate_applications(n=200, seed=1), alt="The waiting curve")
>>> shown._repr_html_()[:40]
'<img class="fc-plot" alt="The waiting cu'
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from html import escape

from followup_lib.errors import InputError


def picture_html(png: bytes, alt: str) -> str:
    """A PNG as an ``<img>`` with its text alternative (escaped)."""
    data = base64.b64encode(png).decode("ascii")
    return (f'<img class="fc-plot" alt="{escape(alt, quote=True)}" '
            f'style="max-width:100%" src="data:image/png;base64,{data}"/>')


@dataclass(frozen=True, repr=False)
class Picture:
    """A drawn plot (PNG bytes) and the words that describe it; shows as an ``<img alt>``."""

    png: bytes
    alt: str

    def _repr_html_(self) -> str:
        return picture_html(self.png, self.alt)

    def __repr__(self) -> str:
        return f"Picture({self.alt!r}, {len(self.png)} bytes of PNG)"


def picture(plot, *args, alt: str, projector: bool | None = None, **kwargs) -> Picture:
    """Draw ``plot(*args, ax=..., **kwargs)`` off screen and return it with its text alternative.

    ``plot`` is one of the workbook's plot functions (``fc.plot_still_waiting``,
    ``fc.plot_response_rates``, ...); ``alt`` says in words what the picture shows, for
    anyone who cannot see it. Projector mode gives the large-font style, as elsewhere.
    """
    if not isinstance(alt, str) or not alt.strip():
        raise InputError("alt", "is empty", "say in words what the picture shows")
    from followup_lib.outcomes.segment_plots import png_bytes

    return Picture(png_bytes(lambda ax: plot(*args, ax=ax, **kwargs), projector=projector), alt.strip())
