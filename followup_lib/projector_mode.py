"""One switch for a projector: large text in every widget and plot of the session.

An instructor runs ``followup_lib.projector(True)`` once at the top of a notebook (the
scenario studio does it for them); every widget built afterwards enlarges its text, and
every plot uses the large-font projector style. ``projector(False)`` turns it off again.
Setting ``FOLLOWUP_PROJECTOR=1`` in the environment (``./workbook app --projector`` does)
starts every session with it on.

Examples
--------
>>> projector(True); projector_on()
True
>>> projector(False); projector_on()
False
"""

from __future__ import annotations

import os

#: ``FOLLOWUP_PROJECTOR=1`` starts a session in projector mode.
ENVIRONMENT_VARIABLE = "FOLLOWUP_PROJECTOR"
_state = {"on": os.environ.get(ENVIRONMENT_VARIABLE, "").strip() == "1"}


def projector(on: bool = True) -> None:
    """Turn projector mode on (large fonts in widgets and plots) or off."""
    if not isinstance(on, bool):
        from followup_lib.errors import InputError

        raise InputError("on", f"must be True or False, not {on!r}", "call projector(True) or projector(False)")
    _state["on"] = on


def projector_on() -> bool:
    """True while projector mode is on."""
    return _state["on"]
