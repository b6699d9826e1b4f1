"""The named parameters of the etiquette model, each with its source.

Every number the advisor, the planner, the message reviewer or the data tools use lives
here, once. The module-level constants are the defaults; :class:`Params` bundles them so
that a coach can override any of them for one call (``advise(case, today=day,
params=Params(follow_up_grace=3))``) without touching the library.

Sources are the two etiquette articles the project is built on (called "the seeds"
below: a careers guide on calling after an interview, and a staffing firm's post on
follow-up etiquette) and the published figures gathered in the project's datasheet
(``data/README.md``). A value with no source says so: it is an assumption.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from datetime import timedelta

from followup_lib.errors import InputError
from followup_lib.suggest import did_you_mean

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


#: Bounds each parameter must lie within (inclusive): wide enough for any real advice,
#: narrow enough that no override can overflow a date or divide by zero. Business days
#: are capped at 260 (about a year); hours of the thank-you window at 24 * 14.
BOUNDS = {
    "thank_you_window": (1, 24 * 14),   # hours
    "follow_up_grace": (0, 260),
    "follow_up_ideal_max": (0, 260),
    "late_after": (0, 260),
    "default_decision_business_days": (1, 260),
    "call_after_deadline": (0, 260),
    "call_max_seconds": (10, 3600),
    "words_per_minute": (60, 400),
    "second_attempt_after": (1, 260),
    "move_on_after": (1, 260),
    "reply_within": (0, 60),
    "voicemail_max_seconds": (10, 600),
    "thank_you_max_words": (20, 5000),
    "follow_up_max_words": (20, 5000),
    "k_anonymity": (2, 1000),
}


@dataclass(frozen=True)
class Params:
    """The etiquette parameters for one piece of advice; defaults are the constants above.

    Every value is checked on construction: a whole number (the thank-you window a
    :class:`~datetime.timedelta`) within :data:`BOUNDS`, so a bad override fails at once
    with a message naming it, never later inside a computation.

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
    >>> Params(words_per_minute=0)
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: params.words_per_minute: must be from 60 to 400, not 0; give e.g. 150
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
    k_anonymity: int = K_ANONYMITY

    def __post_init__(self) -> None:
        for f in fields(self):
            _check_param(f.name, getattr(self, f.name), f.default)
        if self.follow_up_ideal_max < self.follow_up_grace:
            raise InputError("params.follow_up_ideal_max", "is shorter than follow_up_grace",
                             "make the ideal window end on or after the grace period")
        if self.late_after < self.follow_up_ideal_max:
            raise InputError("params.late_after", "is shorter than follow_up_ideal_max",
                             "make 'late' start after the ideal window ends")

    @property
    def thank_you_hours(self) -> int:
        """The thank-you window in whole hours, for messages (``24`` by default)."""
        return int(self.thank_you_window.total_seconds() // 3600)

    @classmethod
    def from_dict(cls, values: dict) -> "Params":
        """Build parameters from a mapping of names to values (hours for the window).

        Names are not case-sensitive (``FOLLOW_UP_GRACE`` works); an unknown one gets a
        did-you-mean suggestion.
        """
        known = [f.name for f in fields(cls)]
        clean = {}
        for given, value in values.items():
            name = str(given).strip().lower()
            if name not in known:
                raise InputError(f"params.{str(given)[:60]}", "is not a parameter", did_you_mean(name, known))
            if name == "thank_you_window":
                value = _hours(value)
            clean[name] = value
        return replace(cls(), **clean)

    def to_dict(self) -> dict:
        """The parameters as plain numbers (the window in hours), for JSON."""
        return {f.name: (self.thank_you_hours if f.name == "thank_you_window" else getattr(self, f.name))
                for f in fields(self)}


def _hours(value) -> timedelta:
    """A thank-you window given in hours, checked before it becomes a timedelta."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError("params.thank_you_window", f"must be a number of hours, not {value!r}", "give e.g. 24")
    low, high = BOUNDS["thank_you_window"]
    if not low <= value <= high:
        raise InputError("params.thank_you_window", f"must be from {low} to {high} hours, not {value:g}",
                         "give e.g. 24")
    return timedelta(hours=value)


def _check_param(name: str, value, default) -> None:
    """Raise an InputError naming ``params.<name>`` unless ``value`` is of its type and within BOUNDS."""
    low, high = BOUNDS[name]
    if isinstance(default, timedelta):
        if not isinstance(value, timedelta):
            raise InputError(f"params.{name}", f"must be a duration (timedelta), not {value!r}",
                             "give e.g. timedelta(hours=24)")
        hours = value.total_seconds() / 3600
        if not low <= hours <= high:
            raise InputError(f"params.{name}", f"must be from {low} to {high} hours, not {hours:g}", "give e.g. 24 hours")
        return
    if isinstance(value, bool) or not isinstance(value, int):
        shown = repr(value) if len(repr(value)) <= 40 else f"a {type(value).__name__}"
        raise InputError(f"params.{name}", f"must be a whole number, not {shown}", f"give e.g. {default}")
    if not low <= value <= high:
        shown = str(value) if len(str(value)) <= 20 else "a number that large"
        raise InputError(f"params.{name}", f"must be from {low} to {high}, not {shown}", f"give e.g. {default}")


DEFAULTS = Params()
