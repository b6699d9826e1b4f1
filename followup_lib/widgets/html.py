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


def case_download_html(case, filename: str = "follow-up-case.json", label: str = "Download my case (.json)") -> str:
    """A ``data:`` link to the case as the JSON file :func:`~followup_lib.etiquette.case.save_case` writes.

    Examples
    --------
    >>> from followup_lib.etiquette.case import Case
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00"})
    >>> 'download="follow-up-case.json"' in case_download_html(case)
    True
    """
    from followup_lib.etiquette.case import case_file_bytes

    return download_link_html(case_file_bytes(case), filename, "application/json", label)


def handout_download_html(plan, advice, day) -> str:
    """A ``data:`` link to the printable handout of a plan and advice made for ``day``, with how to print it."""
    from followup_lib.handout import handout_page

    page = handout_page(plan, advice, day)
    return (download_link_html(page.encode("utf-8"), "follow-up-handout.html", "text/html",
                               "Download my handout (.html)")
            + '<span class="fc-hint">: open it in your browser, then print it or choose '
              "&ldquo;Save as PDF&rdquo; in the print dialogue</span>")


def download_list_html(*links: str) -> str:
    """Download links one under another.

    Examples
    --------
    >>> download_list_html("<a>1</a>", "<a>2</a>")
    '<div class="fc-downloads"><div><a>1</a></div><div><a>2</a></div></div>'
    """
    return '<div class="fc-downloads">' + "".join(f"<div>{link}</div>" for link in links) + "</div>"
