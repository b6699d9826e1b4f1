"""HTML renderings of advice, plans and errors for the widgets; pure functions.

Every string that may hold user text passes through :func:`html.escape`, so a name such
as ``<script>`` shows as text and is never interpreted.
"""

from __future__ import annotations

import base64
from html import escape

from followup_lib.etiquette.render_html import advice_html, plan_html  # noqa: F401  (re-exported for views)

def download_link_html(payload: bytes, filename: str, mime: str, label: str, *, icon: str = "\u2193") -> str:
    """A link that downloads ``payload`` as a file: a ``data:`` link, so it works in JupyterLab and
    in Voilà, which serves no notebook-folder files. ``icon`` (a down arrow by default, a glyph every
    font has) stands before the label; the label says what the file is.

    Examples
    --------
    >>> download_link_html(b"x", "a.csv", "text/csv", "Download <answers>")[-30:]
    '\u2193 Download &lt;answers&gt;</a>'
    """
    data = base64.b64encode(payload).decode("ascii")
    return (f'<a class="fc-download" download="{escape(filename)}" href="data:{escape(mime)};base64,{data}">'
            f"{escape(icon)} {escape(label)}</a>")


def error_html(error: Exception) -> str:
    """An input error as one clear line (the field and the fix), never a traceback.

    Examples
    --------
    >>> from followup_lib.errors import InputError
    >>> error_html(InputError("decision_by", "is before the <interview>"))
    '<div class="fc-error" style="color:#D55E00;font-weight:bold">&#9888; decision_by: is before the &lt;interview&gt;</div>'
    """
    return f'<div class="fc-error" style="color:#D55E00;font-weight:bold">&#9888; {escape(str(error))}</div>'
