"""Epochs: the stretch of a case the follow-up rules currently count from.

The first epoch starts at the interview. A new timeline from the employer starts a new
one from its date (the new date replaces the old, and the rules restart). An update
without a date restarts the silence clock from the update: a message within
``REPLY_WITHIN`` business days of it is the candidate's reply, not a follow-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from followup_lib.etiquette.params import Params
from followup_lib.etiquette.situation import ATTEMPT_KINDS, Contact, Situation
from followup_lib.etiquette.timeline import KeyDates


@dataclass(frozen=True)
class Epoch:
    """Where the rules count from now.

    Attributes
    ----------
    kind : str
        ``"initial"``, ``"new_timeline"`` or ``"update"``.
    decision_date, first_due, late_after : date
        The decision date that applies, when the first attempt of the epoch falls due,
        and after when it reads as late.
    attempts : tuple of Contact
        Follow-ups, second attempts and calls made in this epoch, in order (a reply to an
        update is not one of them).
    awaiting_reply : bool
        The employer sent an update the candidate has not answered yet, and the reply
        window is still open.
    """

    kind: str
    decision_date: date
    first_due: date
    late_after: date
    attempts: tuple[Contact, ...]
    awaiting_reply: bool = False


def current_epoch(case: Situation, dates: KeyDates, params: Params, today: date | None = None) -> Epoch:
    """The epoch the case is in (``dates`` from :func:`~followup_lib.etiquette.timeline.key_dates`).

    ``today`` closes the window for replying to an update; without it the window stays open.

    Examples
    --------
    >>> from followup_lib.etiquette.timeline import key_dates
    >>> from followup_lib.etiquette.params import DEFAULTS
    >>> case = Situation.from_dict({"interview_end": "2026-11-16T15:00:00-05:00",
    ...     "decision_by": "2026-11-20",
    ...     "responses": [{"at": "2026-11-25", "kind": "new_timeline", "new_decision_by": "2026-12-11"}]})
    >>> epoch = current_epoch(case, key_dates(case), DEFAULTS)
    >>> epoch.kind, epoch.first_due
    ('new_timeline', datetime.date(2026, 12, 15))
    """
    cal = case.calendar
    restarts = case.responses_of("new_timeline", "update")
    if not restarts:
        return Epoch("initial", dates.decision_date, dates.follow_up_due, dates.follow_up_late_after,
                     _attempts_after(case, None))
    last = restarts[-1]
    if last.kind == "new_timeline":
        decision = last.new_decision_by
        return Epoch("new_timeline", decision, cal.add_business_days(decision, params.follow_up_grace),
                     cal.add_business_days(decision, params.late_after), _attempts_after(case, last))
    update_day = case.local_date(last.at)
    reply_until = cal.add_business_days(update_day, params.reply_within)
    after = [c for c in case.contacts if case.sort_key(c) >= case.sort_key(last)]
    reply = after[0] if after and case.local_date(after[0].at) <= reply_until else None
    first_due = max(dates.follow_up_due, cal.add_business_days(update_day, params.second_attempt_after))
    late_after = cal.add_business_days(first_due, params.late_after - params.follow_up_grace)
    attempts = tuple(c for c in _attempts_after(case, last) if c is not reply)
    waiting = reply is None and not attempts and (today is None or today <= reply_until)
    return Epoch("update", dates.decision_date, first_due, late_after, attempts, waiting)


def second_attempt_due(case: Situation, epoch: Epoch, params: Params) -> date | None:
    """When one more attempt falls due: ``SECOND_ATTEMPT_AFTER`` business days after the epoch's last attempt.

    None while the epoch has no attempt yet.
    """
    if not epoch.attempts:
        return None
    return case.calendar.add_business_days(case.local_date(epoch.attempts[-1].at), params.second_attempt_after)


def _attempts_after(case: Situation, event) -> tuple[Contact, ...]:
    """Attempts logged after ``event`` (a contact on the same day, with no time, counts as after it)."""
    after = (lambda c: True) if event is None else (lambda c: case.sort_key(c) >= case.sort_key(event))
    return tuple(c for c in case.contacts_of(*ATTEMPT_KINDS) if after(c))
