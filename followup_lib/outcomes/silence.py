"""Reading the silence of one case: how long it has lasted, what was sent, what comes next.

:func:`read_silence` combines the learner's case (from the etiquette engine: what was
sent, the advisor's next step and its reasons) with, optionally, the dataset's chance of
still hearing back after that many days (:class:`~followup_lib.outcomes.chance.SegmentChance`).
It is what the silence meter shows. Pure: no clock (``today`` is an argument), no I/O,
no plotting.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from html import escape

from followup_lib.etiquette.advisor import advise
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.kinds import Action, ContactKind
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.windows import as_of

#: What each kind of message is called in the meter.
SENT_NAMES = {ContactKind.THANK_YOU: "thank-you", ContactKind.FOLLOW_UP: "follow-up",
              ContactKind.SECOND_ATTEMPT: "one more attempt", ContactKind.CALL: "call"}
#: What each kind of employer message is called.
HEARD_NAMES = {"decision": "their decision", "new_timeline": "a new date",
               "update": "an update"}
#: The messages the etiquette allows after an interview, in order.
ALLOWED = (ContactKind.THANK_YOU, ContactKind.FOLLOW_UP, ContactKind.SECOND_ATTEMPT)


@dataclass(frozen=True)
class Sent:
    """One message the candidate sent: when, what, how and (optionally) to whom."""

    on: date
    kind: str
    channel: str
    to: str | None = None

    def words(self) -> str:
        """E.g. ``'Mon 16 Nov: thank-you by email'``."""
        to = f" to {self.to}" if self.to else ""
        return f"{self.on:%a %d %b}: {SENT_NAMES.get(self.kind, self.kind)} by {self.channel}{to}"


@dataclass(frozen=True)
class SilenceReading:
    """The silence of one case on one day. See :func:`read_silence`.

    Attributes
    ----------
    today, interview_date : date
    days_since_interview : int
        Calendar days from the interview to ``today`` (negative before it).
    sent : tuple of Sent
        What the candidate sent up to ``today``, in order.
    days_since_last_sent : int or None
        Calendar days since the latest message (None if nothing was sent).
    last_heard : date or None
        The employer's latest message up to ``today`` (None if none).
    action, headline : str
        The advisor's next step and its one-sentence headline.
    next_date : date or None
        When that step falls due.
    reasons : tuple of str
        The advisor's reasons, each naming its stage.
    decided : bool
        The employer has given their decision: there is no silence to read.
    chance : SegmentChance or None
        The dataset's chance of still hearing back (see :meth:`with_chance`).
    """

    today: date
    interview_date: date
    days_since_interview: int
    sent: tuple[Sent, ...]
    days_since_last_sent: int | None
    last_heard: date | None
    action: str
    headline: str
    next_date: date | None
    reasons: tuple[str, ...]
    decided: bool
    chance: object = None

    def with_chance(self, chance) -> "SilenceReading":
        """The same reading with the dataset's chance attached."""
        return replace(self, chance=chance)

    @property
    def silent(self) -> bool:
        """True when the interview is past and no decision has come."""
        return self.days_since_interview >= 0 and not self.decided

    def silence_words(self) -> str:
        """How long the silence has lasted, in words."""
        days = self.days_since_interview
        if days < 0:
            return f"Your interview is in {-days} day{'s' * (-days != 1)}: no silence yet."
        if self.decided:
            return "The employer has given their decision: there is no silence to read."
        since = "" if self.last_heard is None else \
            f"; they last wrote on {self.last_heard:%a %d %b}, without a decision"
        return f"{days} day{'s' * (days != 1)} since your interview without a decision{since}."

    def sent_words(self) -> list[str]:
        """What was sent, one line each, then how many of the allowed messages that is."""
        lines = [item.words() for item in self.sent] or ["Nothing sent yet."]
        used = sum(1 for kind in ALLOWED if any(item.kind == kind for item in self.sent))
        lines.append(f"{used} of the 3 messages the etiquette allows (a thank-you, one "
                     "follow-up, one more attempt).")
        return lines

    def next_words(self) -> str:
        """The advisor's next step, with when it falls due."""
        when = f" (from {self.next_date:%a %d %b %Y})" if self.next_date else ""
        return f"{self.headline}{when}"

    def lines(self) -> list[str]:
        """Everything as plain lines: silence, what was sent, next step, reasons, chance."""
        out = [self.silence_words(), "Sent:", *(f"  {line}" for line in self.sent_words()),
               f"Next: {self.next_words()}", *(f"  {reason}" for reason in self.reasons)]
        if self.chance is not None:
            out.append(self.chance.words())
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def _repr_html_(self) -> str:
        return silence_html(self)


def silence_html(reading: SilenceReading) -> str:
    """The reading as an HTML card (every piece of text escaped).

    Examples
    --------
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
    ...                        "contacts": [{"at": "2026-11-16", "kind": "thank_you",
    ...                                      "to": "<b>Sam</b>"}]})
    >>> html = silence_html(read_silence(case, today=date(2026, 11, 20)))
    >>> "&lt;b&gt;Sam&lt;/b&gt;" in html, "<b>Sam</b>" in html
    (True, False)
    """
    *items, allowance = reading.sent_words()
    sent = "".join(f"<li>{escape(line)}</li>" for line in items)
    reasons = "".join(f"<li>{escape(r)}</li>" for r in reading.reasons)
    return ('<div class="fc-silence">'
            f'<div style="font-size:1.3em;font-weight:bold">{escape(reading.silence_words())}</div>'
            f"<div><b>What you have sent</b><ul>{sent}</ul>{escape(allowance)}</div>"
            f"<div><b>Next step:</b> {escape(reading.next_words())}<ul>{reasons}</ul></div>"
            "</div>")


def read_silence(case: Case, *, today: date, params: Params = DEFAULTS) -> SilenceReading:
    """How long a case's silence has lasted on ``today``, what was sent, and what comes next.

    Parameters
    ----------
    case : Case
        The learner's case; contacts and responses after ``today`` are ignored.
    today : date
        The day to read the silence on.
    params : Params, default ``DEFAULTS``
        Etiquette parameters, for the advisor.

    Returns
    -------
    SilenceReading
        Without a chance; :meth:`SilenceReading.with_chance` adds one.

    Examples
    --------
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
    ...     "decision_by": "2026-11-20",
    ...     "contacts": [{"at": "2026-11-16", "kind": "thank_you"},
    ...                  {"at": "2026-11-24", "kind": "follow_up"}]})
    >>> reading = read_silence(case, today=date(2026, 12, 2))
    >>> reading.days_since_interview, reading.days_since_last_sent, str(reading.action)
    (16, 8, 'second_attempt')
    >>> print(reading.sent_words()[-1])
    2 of the 3 messages the etiquette allows (a thank-you, one follow-up, one more attempt).
    """
    now = as_of(case, today)
    advice = advise(case, today=today, params=params)
    sent = tuple(Sent(now.local_date(c.at), str(c.kind), str(c.channel), c.to)
                 for c in sorted(now.contacts, key=now.sort_key))
    heard = [now.local_date(r.at) for r in now.responses]
    return SilenceReading(
        today=today, interview_date=now.interview_date,
        days_since_interview=(today - now.interview_date).days, sent=sent,
        days_since_last_sent=(today - sent[-1].on).days if sent else None,
        last_heard=max(heard) if heard else None,
        action=str(advice.action), headline=advice.headline, next_date=advice.next_date,
        reasons=tuple(str(r) for r in advice.reasons),
        decided=advice.action == Action.DONE)
