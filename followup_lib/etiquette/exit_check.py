"""Stage 1, the last minutes of the interview: what the candidate left with, and what is missing.

Before leaving an interview a candidate should know five things: the next steps, a
decision timeline (a date or a range), whom to contact, how they prefer to be reached
(email by default), and whether checking in on the status is welcome. They should also
note whether the interviewer invited a phone call. :func:`check_exit` takes what the
candidate actually left with and returns an :class:`ExitCheck`: what is missing, the
question to ask for each missing item next time, an overall :class:`Verdict`, and the
fields of the case it fills (:class:`CaseFields`). Leaving with neither a timeline nor a
named contact is the failure to avoid: the verdict says so.

Pure: no I/O, no clock, no widgets.

Examples
--------
>>> from datetime import date
>>> result = check_exit(next_steps_known=True, decision_start=date(2026, 11, 23),
...                     decision_end=date(2026, 11, 27), contact_name="Ms. Okafor",
...                     preferred_channel="email", checking_in_welcome="yes",
...                     interview_date=date(2026, 11, 16))
>>> result.verdict, result.missing, result.fields.decision_by
('well_set_up', (), datetime.date(2026, 11, 27))
>>> check_exit().verdict                  # left with nothing at all
'open_ended'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from followup_lib.errors import InputError, described
from followup_lib.etiquette.case import MAX_TEXT, Case
from followup_lib.etiquette.kinds import Channel, TextEnum
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.timefields import check_date_range

__all__ = ["check_exit", "ExitCheck", "ExitItem", "Gap", "CaseFields", "Verdict", "Answer", "ChannelAnswer"]


class Answer(TextEnum):
    """A yes / no / don't-know answer (``"unknown"``: it was not asked or not said)."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class ChannelAnswer(TextEnum):
    """How the employer prefers to be reached, as far as the candidate knows."""

    EMAIL = "email"
    PHONE = "phone"
    UNKNOWN = "unknown"


class ExitItem(TextEnum):
    """The five things to leave an interview with."""

    NEXT_STEPS = "next_steps"
    TIMELINE = "timeline"
    CONTACT = "contact"
    CHANNEL = "channel"
    CHECKING_IN = "checking_in"


class Verdict(TextEnum):
    """How well the candidate is set up for the weeks after the interview."""

    WELL_SET_UP = "well_set_up"
    SOME_GAPS = "some_gaps"
    OPEN_ENDED = "open_ended"

    @property
    def label(self) -> str:
        """The verdict in words, e.g. ``"Open-ended: the failure to avoid"``."""
        return _VERDICT_LOOK[self][0]

    @property
    def icon(self) -> str:
        """A symbol that carries the verdict without colour (a tick, a warning sign, a cross)."""
        return _VERDICT_LOOK[self][1]


#: Each verdict's words, icon (a tick, a warning sign, a cross) and colour (Okabe-Ito, colour-blind-safe).
_VERDICT_LOOK = {Verdict.WELL_SET_UP: ("Well set up", "\u2714", "#009E73"),
                 Verdict.SOME_GAPS: ("Some gaps", "\u26a0", "#B34700"),
                 Verdict.OPEN_ENDED: ("Open-ended: the failure to avoid", "\u2716", "#D55E00")}

#: For each item: what it is, and why it matters later (the question is written per case).
_ITEMS = {
    ExitItem.NEXT_STEPS: ("the next steps",
                          "so you know what comes next (another round, a task, references) and can prepare"),
    ExitItem.TIMELINE: ("a decision timeline",
                        "your follow-up is timed from it (stage 4); without one the coach can only assume"),
    ExitItem.CONTACT: ("a named contact",
                       "so your thank-you and your follow-up reach a person, not a general inbox"),
    ExitItem.CHANNEL: ("the preferred channel",
                       "email is the safe default; knowing their preference avoids an unwelcome call"),
    ExitItem.CHECKING_IN: ("whether checking in is welcome",
                           "it tells you whether one status email after the date will be received well"),
}


@dataclass(frozen=True)
class Gap:
    """One thing the candidate left without, and the question that would have got it."""

    item: ExitItem
    what: str
    question: str
    why: str


@dataclass(frozen=True)
class CaseFields:
    """The fields of a :class:`~followup_lib.etiquette.case.Case` that stage 1 fills."""

    decision_by: date | None
    contact_name: str | None
    preferred_channel: Channel
    checking_in_welcome: bool | None
    invited_to_call: bool

    def to_dict(self) -> dict:
        """The fields as a case file writes them (dates as ``YYYY-MM-DD``)."""
        return {"decision_by": self.decision_by.isoformat() if self.decision_by else None,
                "contact_name": self.contact_name, "preferred_channel": str(self.preferred_channel),
                "checking_in_welcome": self.checking_in_welcome, "invited_to_call": self.invited_to_call}


@dataclass(frozen=True)
class ExitCheck:
    """What the candidate left the interview with: the verdict, the gaps and the case fields.

    Attributes
    ----------
    verdict : Verdict
        ``well_set_up`` (nothing missing), ``some_gaps``, or ``open_ended`` (neither a
        timeline nor a named contact: the failure to avoid).
    missing : tuple of Gap
        Each missing item with the question to ask next time, in the order to ask them.
    fields : CaseFields
        What goes into the case (``decision_by`` is the end of a range).
    notes : tuple of str
        How the fields were filled and what follows from them.
    decision_start : date or None
        The start of the range, when a range was given (its end is ``fields.decision_by``).
    channel_known : bool
        False when the channel was not known and the case took email, the default.
    """

    verdict: Verdict
    missing: tuple[Gap, ...]
    fields: CaseFields
    notes: tuple[str, ...] = ()
    decision_start: date | None = None
    channel_known: bool = True

    def rows(self) -> list[tuple[str, str]]:
        """(label, value in words) pairs for what goes into the case, as the result card shows them."""
        f = self.fields
        decision = f"{f.decision_by:%a %d %b %Y}" if f.decision_by else "none given"
        if self.decision_start is not None:
            decision += f" (the end of the range from {self.decision_start:%a %d %b})"
        channel = str(f.preferred_channel) + ("" if self.channel_known else " (the default: not asked)")
        welcome = {True: "yes", False: "no", None: "not known"}[f.checking_in_welcome]
        return [("Decision by", decision), ("Contact", f.contact_name or "none named"),
                ("Preferred channel", channel), ("Checking in welcome", welcome),
                ("Invited to call", "yes" if f.invited_to_call else "no")]

    @property
    def headline(self) -> str:
        """The verdict and the count of gaps in one or two sentences."""
        if not self.missing:
            return f"{self.verdict.label}: you left with everything the weeks ahead need."
        count = len(self.missing)
        asks = f"{count} thing{'s' if count > 1 else ''} to ask next time."
        if self.verdict == Verdict.OPEN_ENDED:
            return f"{self.verdict.label}. No timeline and no one to contact: {asks}"
        return f"{self.verdict.label}: {asks}"

    def apply_to(self, case: Case) -> Case:
        """A copy of ``case`` with this check's fields filled in, validated as any case is.

        Examples
        --------
        >>> from datetime import date
        >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00"})
        >>> check_exit(contact_name="Sam Lee", decision_date=date(2026, 11, 20)).apply_to(case).contact_name
        'Sam Lee'
        """
        return Case.from_dict({**case.to_dict(), **self.fields.to_dict()})

    def __str__(self) -> str:
        lines = [f"{self.verdict.icon} {self.headline}"]
        lines += [f"- Missing {g.what}. Ask: \u201c{g.question}\u201d" for g in self.missing]
        lines += [f"{label}: {value}" for label, value in self.rows()]
        return "\n".join(lines + list(self.notes))

    def _repr_html_(self) -> str:
        colour = _VERDICT_LOOK[self.verdict][2]
        parts = [f'<div class="fc-exit-check" data-verdict="{escape(self.verdict)}" '
                 f'style="border-left:6px solid {colour};padding:0.4em 0.8em">',
                 f'<div class="fc-headline" style="font-size:1.3em;font-weight:bold">'
                 f'<span aria-hidden="true">{self.verdict.icon}</span> {escape(self.headline)}</div>']
        if self.missing:
            parts.append("<div><b>What is missing, and what to ask next time</b></div><ul class=\"fc-gaps\">")
            parts += [f'<li data-item="{escape(g.item)}"><b>Missing: {escape(g.what)}.</b> '
                      f"Ask: <i>\u201c{escape(g.question)}\u201d</i> <br><small>Why: {escape(g.why)}.</small></li>"
                      for g in self.missing]
            parts.append("</ul>")
        parts.append('<div><b>What goes into your case</b></div><table class="fc-exit-fields">')
        parts += [f"<tr><td>{escape(label)}</td><td><b>{escape(value)}</b></td></tr>"
                  for label, value in self.rows()]
        parts.append("</table>")
        if self.notes:
            parts.append("<ul class=\"fc-notes\">" + "".join(f"<li>{escape(n)}</li>" for n in self.notes) + "</ul>")
        return "".join(parts) + "</div>"


def check_exit(*, next_steps_known=False, decision_date: date | None = None, decision_start: date | None = None,
               decision_end: date | None = None, contact_name: str | None = None, preferred_channel="unknown",
               checking_in_welcome="unknown", invited_to_call=False, interview_date: date | None = None,
               params: Params | None = None) -> ExitCheck:
    """Check what a candidate left the interview with; say what is missing and what to ask.

    Parameters
    ----------
    next_steps_known : bool or {"yes", "no"}
        The candidate knows the next steps of the process.
    decision_date : date, optional
        The one date by which the employer expects to decide.
    decision_start, decision_end : date, optional
        A range instead ("between the 23rd and the 27th"): both ends, the end on or after
        the start. The case counts from the end, so a follow-up never comes early.
    contact_name : str, optional
        Whom to contact (blank or None: nobody was named).
    preferred_channel : {"email", "phone", "unknown"}
        How they prefer to be reached; unknown goes into the case as email, the default.
    checking_in_welcome : {"yes", "no", "unknown"} or bool or None
        Whether they said a status check would be welcome.
    invited_to_call : bool or {"yes", "no"}
        The interviewer explicitly invited a phone call (exception b of stage 5).
    interview_date : date or datetime, optional
        The day of the interview: a decision date before it is refused.
    params : Params, optional
        Etiquette parameters (the assumed decision time when no date was given).

    Returns
    -------
    ExitCheck

    Raises
    ------
    InputError
        Naming the parameter and the fix: a range whose end is before its start, half a
        range, a date and a range together, a date before the interview, an unknown answer.

    Examples
    --------
    >>> from datetime import date
    >>> result = check_exit(next_steps_known=True, contact_name="Sam Lee")
    >>> result.verdict, [str(g.item) for g in result.missing]
    ('some_gaps', ['timeline', 'channel', 'checking_in'])
    >>> check_exit(decision_start=date(2026, 11, 27), decision_end=date(2026, 11, 23))
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: decision_end: 2026-11-23 is before the start of the range (2026-11-27); give the later date as the end
    >>> check_exit(decision_date=date(2026, 11, 2), interview_date=date(2026, 11, 16))
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: decision_date: 2026-11-02 is before the interview (2026-11-16); give the date the employer said they would decide by
    """
    params = params or DEFAULTS
    knows_steps = _yes_no(next_steps_known, "next_steps_known")
    invited = _yes_no(invited_to_call, "invited_to_call")
    channel = _choice(ChannelAnswer, preferred_channel, "preferred_channel")
    welcome = _choice(Answer, checking_in_welcome, "checking_in_welcome")
    name = _name(contact_name)
    day = _interview_day(interview_date)
    decision_by = _decision_by(decision_date, decision_start, decision_end, day)
    fields = CaseFields(decision_by=decision_by, contact_name=name,
                        preferred_channel=Channel.PHONE if channel == ChannelAnswer.PHONE else Channel.EMAIL,
                        checking_in_welcome={Answer.YES: True, Answer.NO: False}.get(welcome),
                        invited_to_call=invited)
    have = {ExitItem.NEXT_STEPS: knows_steps, ExitItem.TIMELINE: decision_by is not None,
            ExitItem.CONTACT: name is not None, ExitItem.CHANNEL: channel != ChannelAnswer.UNKNOWN,
            ExitItem.CHECKING_IN: welcome != Answer.UNKNOWN}
    missing = tuple(Gap(item, _ITEMS[item][0], _question(item, fields), _ITEMS[item][1])
                    for item in ExitItem if not have[item])
    if not missing:
        verdict = Verdict.WELL_SET_UP
    elif decision_by is None and name is None:
        verdict = Verdict.OPEN_ENDED
    else:
        verdict = Verdict.SOME_GAPS
    return ExitCheck(verdict, missing, fields, _notes(fields, decision_start, channel, params),
                     decision_start=decision_start, channel_known=channel != ChannelAnswer.UNKNOWN)


def _question(item: ExitItem, fields: CaseFields) -> str:
    """The question to ask for a missing item, made specific by what is already known."""
    if item == ExitItem.NEXT_STEPS:
        return "What are the next steps in your process from here, and is there anything else you need from me?"
    if item == ExitItem.TIMELINE:
        return "When do you expect to make a decision? Is there a date, or even a week, I should keep in mind?"
    if item == ExitItem.CONTACT:
        return "Who would be the best person to contact if I have questions, and may I have their email address?"
    if item == ExitItem.CHANNEL:
        whom = fields.contact_name or "you"
        return f"Is email the best way to reach {whom}, or would a phone call suit better?"
    when = f"by {fields.decision_by:%A %d %B}" if fields.decision_by else "in a couple of weeks"
    return f"If I haven't heard anything {when}, would it be all right to check in on how things stand?"


def _notes(fields: CaseFields, start: date | None, channel: ChannelAnswer, params: Params) -> tuple[str, ...]:
    """How the case fields were filled, and what follows from them for later stages."""
    notes = []
    if start is not None:
        notes.append(f"You were given a range ({start:%d %b} to {fields.decision_by:%d %b %Y}): the case uses "
                     "its end date, so your follow-up never arrives before their window has closed.")
    elif fields.decision_by is None:
        notes.append(f"With no date given, the coach assumes a decision within "
                     f"{params.default_decision_business_days} business days of the interview.")
    if channel == ChannelAnswer.UNKNOWN:
        notes.append("The channel is not known, so the case uses email, the default: "
                     "it lets them answer when it suits them.")
    if fields.checking_in_welcome is False:
        notes.append("They would rather not be chased: wait for their news, and keep any follow-up "
                     "after the date to one short email.")
    if fields.invited_to_call:
        notes.append("The interviewer invited a call: that is one of the three exceptions that make a "
                     "phone call acceptable (stage 5). Email is still the recommended channel.")
    return tuple(notes)


def _yes_no(value, field: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("yes", "no"):
        return value.strip().lower() == "yes"
    raise InputError(field, f"{described(value)} is not yes or no", "give True or False (or \"yes\" / \"no\")")


def _choice(kind, value, field: str):
    """An :class:`Answer` or :class:`ChannelAnswer`; None is unknown, and True / False answer yes / no."""
    if value is None:
        return kind.UNKNOWN
    if isinstance(value, bool) and kind is Answer:
        return Answer.YES if value else Answer.NO
    return kind.parse(value.strip().lower() if isinstance(value, str) else value, field)


def _name(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError("contact_name", f"must be text, not {described(value)}", "type the person's name")
    name = " ".join(value.split())
    if len(name) > MAX_TEXT:
        raise InputError("contact_name", f"is {len(name):,} characters long", f"keep it under {MAX_TEXT} characters")
    return name or None


def _interview_day(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return check_date_range(value, "interview_date").date()
    if isinstance(value, date):
        return check_date_range(value, "interview_date")
    raise InputError("interview_date", f"must be a date, not {described(value)}", "give e.g. date(2026, 11, 16)")


def _decision_by(single, start, end, interview: date | None) -> date | None:
    """The date the case counts from: the single date, the end of a range, or None; checked."""
    for value, field in ((single, "decision_date"), (start, "decision_start"), (end, "decision_end")):
        if value is not None:
            _check_day(value, field, interview)
    if single is not None and (start is not None or end is not None):
        raise InputError("decision_date", "was given together with a range",
                         "give either one date or a range (start and end), not both")
    if (start is None) != (end is None):
        missing = "decision_end" if end is None else "decision_start"
        raise InputError(missing, "is empty, but the other end of the range is given",
                         "give both ends of the range, or give a single decision date")
    if start is not None and end < start:
        raise InputError("decision_end", f"{end} is before the start of the range ({start})",
                         "give the later date as the end")
    return end if start is not None else single


def _check_day(value, field: str, interview: date | None) -> None:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InputError(field, f"must be a date, not {described(value)}", "give e.g. date(2026, 11, 20)")
    check_date_range(value, field)
    if interview is not None and value < interview:
        raise InputError(field, f"{value} is before the interview ({interview})",
                         "give the date the employer said they would decide by")


