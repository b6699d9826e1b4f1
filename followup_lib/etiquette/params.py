"""The named parameters of the etiquette model, each with its source.

Every number the advisor, the planner, the message reviewer or the data tools use lives
here, once. The module-level constants are the defaults; :class:`Params` bundles them so
that a coach can override any of them for one call (``advise(case, today,
params=Params(follow_up_grace=3))``) without touching the library.

Sources are the two etiquette articles the project is built on (called "the seeds"
below: a careers guide on calling after an interview, and a staffing firm's post on
follow-up etiquette) and the published figures gathered in the project's datasheet
(``data/README.md``). A value with no source says so: it is an assumption.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import timedelta

# --- Stage 2: the thank-you --------------------------------------------------------
#: Send the thank-you email within this long after the interview ends.
#: Source: both seeds ("within 24 hours of the interview").
THANK_YOU_WINDOW = timedelta(hours=24)

# --- Stage 4: the follow-up email ---------------------------------------------------
#: Business days to wait after the stated decision date before the follow-up email.
#: Source: seed on follow-up etiquette ("wait a couple days"); the calling guide's
#: example (deadline at week's end, inquire the following Tuesday or Wednesday).
FOLLOW_UP_GRACE = 2
#: The ideal follow-up window ends this many business days after the decision date.
#: Source: the same example (Tuesday or Wednesday after a Friday deadline = 2-3 days).
FOLLOW_UP_IDEAL_MAX = 3
#: A first follow-up sent more than this many business days after the decision date
#: reads as uninterested. Assumption: the seeds say "too late" without a number.
LATE_AFTER = 10
#: With no stated timeline, assume the employer decides within this many business days
#: of the interview. Assumption, to be revisited against the dataset; Glassdoor's 2017
#: study puts the whole US hiring process (application to offer) at 23.8 days.
DEFAULT_DECISION_BUSINESS_DAYS = 10

# --- Stage 5: calling ---------------------------------------------------------------
#: A stated timeline must have passed by this many business days before an unsolicited
#: call is acceptable (exception a). Source: the calling guide ("passed by several
#: business days"; its example waits until the Tuesday or Wednesday after a Friday).
CALL_AFTER_DEADLINE = 3
#: A call or voicemail should be over within this many seconds.
#: Source: the calling guide ("keep the call under two minutes").
CALL_MAX_SECONDS = 120
#: Speaking rate used to estimate how long a script takes to say.
#: Assumption: a common figure for conversational English (about 150 words a minute).
WORDS_PER_MINUTE = 150

# --- Stage 6: one more attempt --------------------------------------------------------
#: Business days of silence after the follow-up before one more attempt.
#: Source: seed on follow-up etiquette ("after a week or so" = 5 business days).
SECOND_ATTEMPT_AFTER = 5

#: After an update from the employer, a message within this many business days is the
#: candidate's reply to it, not a follow-up. Assumption: a prompt, courteous reply.
REPLY_WITHIN = 2

# --- Stage 7: moving on ---------------------------------------------------------------
#: Business days of silence after the second attempt before the case is closed.
#: Assumption: the seeds say the move is then the employer's; we allow one more week.
MOVE_ON_AFTER = 5

# --- Messages ------------------------------------------------------------------------
#: Longest thank-you email, in words, before the reviewer calls it too long.
#: Source: published examples run 44-143 words (project's survey of 14 good emails).
THANK_YOU_MAX_WORDS = 150
#: Longest follow-up or second-attempt email, in words (examples run 59-137).
FOLLOW_UP_MAX_WORDS = 150
#: A voicemail should be over within this many seconds (about 110 words at 150 a minute).
#: Assumption: the seeds give no figure; a voicemail only leaves who, what, when and a
#: number, so it should take well under half of ``CALL_MAX_SECONDS``.
VOICEMAIL_MAX_SECONDS = 45

# --- Data -----------------------------------------------------------------------------
#: Every group of quasi-identifiers in anonymised output has at least this many rows.
#: Assumption: k = 5 is a common threshold in published-statistics practice.
K_ANONYMITY = 5

#: Country used when the user names none. Assumption: the seeds are US-centred.
DEFAULT_COUNTRY = "US"


@dataclass(frozen=True)
class Params:
    """The etiquette parameters for one piece of advice; defaults are the constants above.

    Examples
    --------
    >>> Params().follow_up_grace
    2
    >>> Params(follow_up_grace=3).follow_up_grace
    3
    >>> Params.from_dict({"second_attempt_after": 4}).second_attempt_after
    4
    >>> Params.from_dict({"FOLLOW_UP_GRACE": 3}).follow_up_grace   # names as in the docs work too
    3
    """

    thank_you_window: timedelta = THANK_YOU_WINDOW
    follow_up_grace: int = FOLLOW_UP_GRACE
    follow_up_ideal_max: int = FOLLOW_UP_IDEAL_MAX
    late_after: int = LATE_AFTER
    default_decision_business_days: int = DEFAULT_DECISION_BUSINESS_DAYS
    call_after_deadline: int = CALL_AFTER_DEADLINE
    call_max_seconds: int = CALL_MAX_SECONDS
    words_per_minute: int = WORDS_PER_MINUTE
    second_attempt_after: int = SECOND_ATTEMPT_AFTER
    move_on_after: int = MOVE_ON_AFTER
    reply_within: int = REPLY_WITHIN
    voicemail_max_seconds: int = VOICEMAIL_MAX_SECONDS
    thank_you_max_words: int = THANK_YOU_MAX_WORDS
    follow_up_max_words: int = FOLLOW_UP_MAX_WORDS

    def __post_init__(self) -> None:
        from followup_lib.errors import InputError

        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, timedelta):
                if value <= timedelta(0):
                    raise InputError(f.name, "must be a positive duration", "give e.g. 24 hours")
            elif isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InputError(f.name, f"must be a whole number of 0 or more, not {value!r}",
                                 "give e.g. 2")
        if self.follow_up_ideal_max < self.follow_up_grace:
            raise InputError("follow_up_ideal_max", "is shorter than follow_up_grace",
                             "make the ideal window end on or after the grace period")
        if self.late_after < self.follow_up_ideal_max:
            raise InputError("late_after", "is shorter than follow_up_ideal_max",
                             "make 'late' start after the ideal window ends")

    @property
    def thank_you_hours(self) -> int:
        """The thank-you window in whole hours, for messages (``24`` by default)."""
        return int(self.thank_you_window.total_seconds() // 3600)

    @classmethod
    def from_dict(cls, values: dict) -> "Params":
        """Build parameters from a mapping of names to values (hours for the window)."""
        from followup_lib.errors import InputError

        import difflib

        known = {f.name for f in fields(cls)}
        clean = {}
        for given, value in values.items():
            name = str(given).strip().lower()
            if name not in known:
                close = difflib.get_close_matches(name, sorted(known), n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"use one of: {', '.join(sorted(known))}"
                raise InputError(f"params.{given}", "is not a parameter", hint)
            if name == "thank_you_window":
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    raise InputError("params.thank_you_window", "must be a number of hours")
                value = timedelta(hours=value)
            clean[name] = value
        return replace(cls(), **clean)


DEFAULTS = Params()
