"""Hand a draft to the user's own mail client: a ``mailto:`` link with its subject and body.

RFC 6068 ``mailto:`` links carry the recipient, ``subject`` and ``body``, each
percent-encoded (UTF-8), with line breaks as ``%0D%0A``. Mail clients and browsers cut
long links (several stop near 2,000 characters), so a draft whose link would run longer
gets a link with the subject only and a note saying to paste the body, which the widget
offers to copy. Nothing here opens anything: the link is text for a widget or a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from followup_lib.errors import InputError

#: Longest ``mailto:`` link handed to a mail client; longer ones are cut by some clients.
MAX_MAILTO_LENGTH = 2000
_ADDRESS = re.compile(r"^[\w.+\-']{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,5}$")


@dataclass(frozen=True)
class MailtoLink:
    """A ``mailto:`` link for a draft.

    Attributes
    ----------
    url : str
        The link (``mailto:…?subject=…&body=…``).
    complete : bool
        True when the body is in the link; False when it was too long and must be pasted.
    note : str
        What to tell the user: empty when complete, else the instruction to paste the body.
    """

    url: str
    complete: bool
    note: str = ""


def mailto_link(draft, to: str | None = None, *, max_length: int = MAX_MAILTO_LENGTH) -> MailtoLink:
    """The ``mailto:`` link that opens ``draft`` in the user's mail client.

    Parameters
    ----------
    draft : Draft
        An email draft (``thank_you``, ``follow_up`` or ``second_attempt``).
    to : str, optional
        The recipient's address; left empty, the mail client asks for it.
    max_length : int, optional
        Longest link to build; a longer draft gets a link with its subject only.

    Examples
    --------
    >>> from followup_lib.messages.drafts import Draft
    >>> link = mailto_link(Draft("thank_you", "Thank you", "Dear Ms. Lee,\\n\\nThank you & goodbye."), "lee@example.org")
    >>> link.url
    'mailto:lee@example.org?subject=Thank%20you&body=Dear%20Ms.%20Lee%2C%0D%0A%0D%0AThank%20you%20%26%20goodbye.'
    >>> link.complete
    True
    >>> mailto_link(Draft("thank_you", "Hi", "word " * 1000)).note[:42]
    'The message is too long for a mail link: p'
    """
    if draft.subject is None:
        raise InputError("kind", f"a {draft.kind.replace('_', ' ')} is spoken, not emailed",
                         "open an email draft (thank_you, follow_up or second_attempt)")
    address = ""
    if to:
        address = to.strip()
        if not _ADDRESS.match(address):
            raise InputError("to", f"{address[:60]!r} is not an email address", "give e.g. name@example.org")
        address = quote(address, safe="@")
    subject = quote(draft.subject, safe="")
    body = quote(draft.body.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    url = f"mailto:{address}?subject={subject}&body={body}"
    if len(url) <= max_length:
        return MailtoLink(url, True)
    return MailtoLink(f"mailto:{address}?subject={subject}", False,
                      "The message is too long for a mail link: paste it into the email yourself "
                      "(copy it from the box above).")
