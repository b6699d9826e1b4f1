"""Every dated rule of the etiquette, computed once: the windows of the current timeline.

This is the one place where the stage rules meet the calendar. The advisor, the plan,
the reviewer's timing rule and every widget read a :class:`Windows`; none of them adds
business days of its own. So the answer to "where is the rule that the follow-up comes
two business days after the decision date?" is :func:`windows` below
(``follow_up_due``), with the number in :data:`~followup_lib.etiquette.params.FOLLOW_UP_GRACE`.

The rules, each a line of :func:`windows`:

- Stage 2: the thank-you is due ``THANK_YOU_WINDOW`` (elapsed time) after the interview.
- Stage 3: the decision date is the latest new timeline the employer gave, else the
  stated ``decision_by``, else ``DEFAULT_DECISION_BUSINESS_DAYS`` after the interview.
- Stage 4: the follow-up is due ``FOLLOW_UP_GRACE`` business days after that date,
  ideally by ``FOLLOW_UP_IDEAL_MAX``, and reads as late after ``LATE_AFTER``.
- Stage 5: exception (a) permits a call ``CALL_AFTER_DEADLINE`` business days after a
  *stated* date.
- Stage 6: one more attempt ``SECOND_ATTEMPT_AFTER`` business days after the first, but
  never before the follow-up date, whatever was sent early. A new timeline restarts
  every window from its date; an update without a date restarts the silence clock
  (``SECOND_ATTEMPT_AFTER`` after it) and a message within ``REPLY_WITHIN`` business
  days of it is the candidate's reply, not an attempt.
- Stage 7: move on ``MOVE_ON_AFTER`` business days after the second attempt (again never
  before the follow-up date).

Every due date is a business day of the case's country.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from followup_lib.etiquette.case import Case, Contact
from followup_lib.etiquette.kinds import ATTEMPT_KINDS, ContactKind, EpochKind, ResponseKind, TimelineSource
from followup_lib.etiquette.params import DEFAULTS, Params


@dataclass(frozen=True)
class Windows:
    """The windows of a case's current timeline, as known on one day.

    Attributes
    ----------
    thank_you_due : datetime
        End of the thank-you window, in the interview's timezone.
    decision_date : date
        The decision date the rules count from (see ``timeline_source``).
    timeline_source : TimelineSource
        ``stated``, ``new_timeline`` or ``assumed`` (no date was given).
    epoch : EpochKind
        What started the current stretch: ``initial``, ``new_timeline`` or ``update``.
    follow_up_due, follow_up_ideal_end, follow_up_late_after : date
        The first attempt of this stretch falls due on the first, is ideally sent by the
        second, and reads as late after the third. Nothing is due before ``follow_up_due``.
    call_ok_from : date or None
        From when exception (a) permits a call; None when no date was stated.
    attempts : tuple of Contact
        Follow-ups, second attempts and calls of this stretch, in order (a reply to an
        update is not one).
    second_attempt_due : date
        When one more attempt falls due: ``SECOND_ATTEMPT_AFTER`` business days after the
        first attempt, never before ``follow_up_due``. While no attempt was made it is
        projected from the follow-up (sent on ``follow_up_due``, or on the first business
        day from ``today`` if that is later).
    move_on_due : date
        When the case is closed if all stays silent: ``MOVE_ON_AFTER`` business days after
        the second attempt (projected in the same way while it has not been made).
    reply_until : date or None
        For an update from the employer: the last day a message counts as the reply.
    awaiting_reply : bool
        The employer wrote and the candidate has not answered yet (the reply is still open).
    thank_you_sent : Contact or None
        The first thank-you, if one went out.
    """

    thank_you_due: datetime
    decision_date: date
    timeline_source: TimelineSource
    epoch: EpochKind
    follow_up_due: date
    follow_up_ideal_end: date
    follow_up_late_after: date
    call_ok_from: date | None
    attempts: tuple[Contact, ...]
    second_attempt_due: date
    move_on_due: date
    reply_until: date | None = None
    awaiting_reply: bool = False
    thank_you_sent: Contact | None = None

    @property
    def timeline_stated(self) -> bool:
        """True when the employer named a date (at the interview or later)."""
        return self.timeline_source != TimelineSource.ASSUMED

    def thank_you_late(self, sent: date | datetime) -> bool:
        """Whether a thank-you sent at ``sent`` misses the window (a bare date counts as on time on the deadline's day)."""
        if isinstance(sent, datetime):
            return sent > self.thank_you_due
        return sent > self.thank_you_due.date()

    def to_dict(self) -> dict:
        """The dates as ISO strings, for JSON (the ``dates`` of ``followup advise --format json``)."""
        out = {}
        for name in ("thank_you_due", "decision_date", "timeline_source", "follow_up_due", "follow_up_ideal_end",
                     "follow_up_late_after", "call_ok_from", "second_attempt_due", "move_on_due", "epoch"):
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, (date, datetime)) else (
                None if value is None else str(value))
        return out


def elapsed_after(start: datetime, duration) -> datetime:
    """``start`` plus a real elapsed ``duration``, shown in ``start``'s timezone.

    Python adds a timedelta to an aware datetime on the wall clock; across a
    daylight-saving change that is an hour off, so the sum is done in UTC.

    Examples
    --------
    >>> from datetime import timedelta
    >>> from zoneinfo import ZoneInfo
    >>> end = datetime(2026, 10, 31, 15, 0, tzinfo=ZoneInfo("America/New_York"))  # EDT
    >>> elapsed_after(end, timedelta(hours=24)).isoformat()   # clocks fell back on Nov 1
    '2026-11-01T14:00:00-05:00'
    """
    return (start.astimezone(timezone.utc) + duration).astimezone(start.tzinfo)


def as_of(case: Case, today: date | None) -> Case:
    """The case as it stood on ``today``: contacts and responses after it are left out."""
    if today is None:
        return case
    keep = lambda events: tuple(e for e in events if case.local_date(e.at) <= today)  # noqa: E731
    return replace(case, contacts=keep(case.contacts), responses=keep(case.responses))


def windows(case: Case, *, today: date | None = None, params: Params = DEFAULTS) -> Windows:
    """Compute every window of a case's current timeline.

    Parameters
    ----------
    case : Case
    today : date, optional
        Read the case as it stood on this day (later contacts and responses are left
        out) and close the reply window of an update once it has passed.
    params : Params, optional

    Returns
    -------
    Windows

    Examples
    --------
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    >>> w = windows(case)
    >>> w.thank_you_due.isoformat()
    '2026-11-17T15:00:00-05:00'
    >>> w.follow_up_due, w.call_ok_from      # Friday + 2 and + 3 business days
    (datetime.date(2026, 11, 24), datetime.date(2026, 11, 25))
    >>> w.second_attempt_due, w.move_on_due
    (datetime.date(2026, 12, 2), datetime.date(2026, 12, 9))
    """
    case = as_of(case, today)
    cal, p = case.calendar, params
    add = lambda day, n: cal.next_business_day(cal.add_business_days(day, n))  # noqa: E731
    decision, source, restart = _decision_date(case, p)
    follow_up_due = add(decision, p.follow_up_grace)
    late_after = add(decision, p.late_after)
    epoch, reply_until, reply = EpochKind.INITIAL, None, None
    if restart is not None and restart.kind == ResponseKind.NEW_TIMELINE:
        epoch = EpochKind.NEW_TIMELINE
    elif restart is not None:  # an update restarts the silence clock
        epoch = EpochKind.UPDATE
        update_day = case.local_date(restart.at)
        reply_until = add(update_day, p.reply_within)
        after = [c for c in case.contacts if case.sort_key(c) >= case.sort_key(restart)]
        reply = after[0] if after and case.local_date(after[0].at) <= reply_until else None
        follow_up_due = max(follow_up_due, add(update_day, p.second_attempt_after))
        late_after = add(follow_up_due, p.late_after - p.follow_up_grace)
    attempts = tuple(c for c in _attempts_after(case, restart) if c is not reply)
    days = [case.local_date(c.at) for c in attempts]
    # Steps not taken yet are projected from the first business day still open.
    floor = (lambda day: max(day, cal.next_business_day(today))) if today is not None else (lambda day: day)
    first_day = days[0] if days else floor(follow_up_due)
    second_due = max(follow_up_due, add(first_day, p.second_attempt_after))
    second_day = days[1] if len(days) >= 2 else floor(second_due)
    move_on_due = max(follow_up_due, add(days[-1] if len(days) >= 2 else second_day, p.move_on_after))
    thank_yous = case.contacts_of(ContactKind.THANK_YOU)
    return Windows(
        thank_you_due=elapsed_after(case.interview_end, p.thank_you_window),
        decision_date=decision, timeline_source=source, epoch=epoch,
        follow_up_due=follow_up_due,
        follow_up_ideal_end=max(follow_up_due, add(decision, p.follow_up_ideal_max)),
        follow_up_late_after=late_after,
        call_ok_from=add(decision, p.call_after_deadline) if source != TimelineSource.ASSUMED else None,
        attempts=attempts, second_attempt_due=second_due, move_on_due=move_on_due,
        reply_until=reply_until,
        awaiting_reply=(epoch == EpochKind.UPDATE and reply is None and not attempts
                        and (today is None or today <= reply_until)),
        thank_you_sent=thank_yous[0] if thank_yous else None,
    )


def _decision_date(case: Case, params: Params):
    """The decision date, where it came from, and the employer's response that restarted the rules (or None)."""
    restarts = case.responses_of(ResponseKind.NEW_TIMELINE, ResponseKind.UPDATE)
    timelines = case.responses_of(ResponseKind.NEW_TIMELINE)
    restart = restarts[-1] if restarts else None
    if timelines:
        return timelines[-1].new_decision_by, TimelineSource.NEW_TIMELINE, restart
    if case.decision_by is not None:
        return case.decision_by, TimelineSource.STATED, restart
    assumed = case.calendar.add_business_days(case.interview_date, params.default_decision_business_days)
    return assumed, TimelineSource.ASSUMED, restart


def _attempts_after(case: Case, event) -> tuple[Contact, ...]:
    """Attempts logged after ``event`` (a contact on the same day, with no time, counts as after it)."""
    if event is None:
        return case.contacts_of(*ATTEMPT_KINDS)
    return tuple(c for c in case.contacts_of(*ATTEMPT_KINDS) if case.sort_key(c) >= case.sort_key(event))
