"""Which fields each kind of message needs, and one error that names every missing one.

A thank-you needs your name, the interviewer, the position, the company and a topic; a
script also needs the case, and a voicemail your phone number. :func:`missing_fields`
lists what is missing and :class:`MissingFieldsError` reports all of it in one message,
so a user fixes everything in one go. Faces (the ``followup draft`` command) read
``names`` to say which of their own options to pass.
"""

from __future__ import annotations

from followup_lib.errors import InputError
from followup_lib.messages.kinds import check_kind

__all__ = ["FIXES", "KIND_NAMES", "REQUIRED", "MissingFieldsError", "missing_fields"]

#: What to do about each field when it is missing.
FIXES = {
    "name": "give your full name as you sign your emails",
    "interviewer": "give the interviewer's name as you'd greet them, e.g. Ms. Lee or Sam",
    "position": "give the job title you interviewed for",
    "company": "give the company's name",
    "topics": "give one specific topic from your conversation, e.g. the data migration project",
    "phone": "give the number they can call you back on",
    "case": "give the case (interview date and time) so the script can say when you interviewed",
    "hr_contact": "give the hiring manager (interviewer) or an HR contact to write to",
}
#: The fields each kind needs (a second attempt also needs the interviewer or an HR contact).
REQUIRED = {
    "thank_you": ("name", "interviewer", "position", "company", "topics"),
    "follow_up": ("name", "interviewer", "position", "company", "topics"),
    "second_attempt": ("name", "position", "company"),
    "call_script": ("name", "interviewer", "position", "case"),
    "voicemail": ("name", "interviewer", "position", "case", "phone"),
}
#: How a missing-field message names each kind.
KIND_NAMES = {"thank_you": "a thank-you", "follow_up": "a follow-up", "second_attempt": "a second attempt",
               "call_script": "a call script", "voicemail": "a voicemail"}


class MissingFieldsError(InputError):
    """Fields that a kind of message needs are missing; all of them are named at once.

    Attributes
    ----------
    kind : str
    names : tuple of str
        The missing fields in the order the kind lists them; ``hr_contact`` stands for
        "the interviewer or an HR contact" of a second attempt.

    Examples
    --------
    >>> str(MissingFieldsError("thank_you", ["company", "topics"]))
    "company, topics: are missing (a thank-you needs them); give the company's name; one specific topic from your conversation, e.g. the data migration project"
    """

    def __init__(self, kind: str, names):
        self.kind, self.names = kind, tuple(names)
        if len(self.names) > 1:
            fixes = "; ".join(FIXES[name].removeprefix("give ") for name in self.names)
            super().__init__(", ".join(self.names), f"are missing ({KIND_NAMES[kind]} needs them)",
                             f"give {fixes}")
        elif self.names == ("hr_contact",):
            super().__init__("hr_contact", "is empty and so is interviewer", FIXES["hr_contact"])
        else:
            name = self.names[0]
            problem = "is missing" if name == "case" else "is empty"
            super().__init__(name, f"{problem} ({KIND_NAMES[kind]} needs it)", FIXES[name])


def missing_fields(kind: str, fields: dict) -> list[str]:
    """The fields ``kind`` needs that are empty in ``fields``, in the order the kind lists them.

    Examples
    --------
    >>> missing_fields("voicemail", {"name": "Sam Roe", "position": "Analyst"})
    ['interviewer', 'case', 'phone']
    >>> missing_fields("second_attempt", {"name": "Sam Roe"})
    ['position', 'company', 'hr_contact']
    """
    missing = [name for name in REQUIRED[check_kind(kind)] if not fields.get(name)]
    if kind == "second_attempt" and not (fields.get("interviewer") or fields.get("hr_contact")):
        missing.append("hr_contact")
    return missing
