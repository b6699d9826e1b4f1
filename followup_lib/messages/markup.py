"""Telling HTML pasted into a draft apart from a template's ``<PLACEHOLDER>``.

A draft copied from a web mail's source or a rich-text editor arrives with tags
(``<p>``, ``<b>``, ``<br>``) and entities (``&nbsp;``). The reviewer reports that once,
as the ``html`` rule, rather than once per tag; a ``<NAME>`` or ``<company name>`` left
from a template is still a placeholder. The text is only read, never rendered.

A piece in angle brackets counts as an HTML tag when it is a closing tag (``</p>``), a
self-closing one (``<br/>``), a declaration or comment (``<!DOCTYPE html>``, ``<!-- -->``),
has attributes with values (``<span style="…">``), or is a bare formatting element
(``<p>``, ``<B>``, ``<div>``). Element names that read as placeholders (``<title>``,
``<name>``, ``<date>``) are left to the placeholder rule.
"""

from __future__ import annotations

import re

#: Elements that carry no meaning a template would use as a placeholder name.
HTML_ELEMENTS = frozenset("""a b big blockquote body br center del div em font h1 h2 h3 h4 h5
h6 head hr html i img ins li o:p ol p pre s small span strike strong style sub sup script table
tbody td tfoot th thead tr tt u ul""".split())

_TAG = re.compile(r"<(?P<declaration>!)[^<>]{0,300}>"
                  r"|<(?P<closing>/)?(?P<name>[A-Za-z][A-Za-z0-9:]{0,15})"
                  r"(?P<attributes>\s[^<>]{0,300}?)?\s{0,5}(?P<self_closing>/)?>")
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|[lr]squo|[lr]dquo|[mn]dash|hellip"
                     r"|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")


def _is_tag(match: re.Match) -> bool:
    if match.group("declaration") or match.group("closing") or match.group("self_closing"):
        return True
    attributes = (match.group("attributes") or "").strip()
    if attributes:
        return "=" in attributes
    return match.group("name").lower() in HTML_ELEMENTS


def is_html_tag(piece: str) -> bool:
    """True when ``piece`` (one ``<…>`` span) is an HTML tag rather than a placeholder.

    Examples
    --------
    >>> [is_html_tag(p) for p in ("<p>", "</b>", "<br/>", '<span style="x">', "<BR>")]
    [True, True, True, True, True]
    >>> [is_html_tag(p) for p in ("<NAME>", "<COMPANY NAME>", "<your name>", "<title>")]
    [False, False, False, False]
    """
    match = _TAG.fullmatch(piece)
    return bool(match) and _is_tag(match)


def find_html(text: str) -> list[tuple[int, int]]:
    """Spans of HTML tags and entities in ``text``, in text order.

    Examples
    --------
    >>> s = "<p>Hi <NAME>,&nbsp;thanks!<br></p>"
    >>> [s[a:b] for a, b in find_html(s)]
    ['<p>', '&nbsp;', '<br>', '</p>']
    """
    spans = [m.span() for m in _TAG.finditer(text) if _is_tag(m)]
    spans += [m.span() for m in _ENTITY.finditer(text)]
    return sorted(spans)
