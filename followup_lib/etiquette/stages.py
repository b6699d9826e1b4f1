"""The seven stages of following up after an interview, as data.

Each stage has a number, an id used in advice and plans, a title, a goal, what to do,
what to avoid, and where the rule comes from. The wording is the project's own; the
rules come from two etiquette articles (a careers guide on calling after an interview
and a staffing firm's post on follow-up etiquette), called "the seeds" here.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from followup_lib.etiquette.kinds import TextEnum


class StageId(TextEnum):
    """The seven stages by name; ``StageId.FOLLOW_UP.number == 4``."""

    SETUP = "setup"
    THANK_YOU = "thank_you"
    WAIT = "wait"
    FOLLOW_UP = "follow_up"
    CALL = "call"
    SECOND_ATTEMPT = "second_attempt"
    MOVE_ON = "move_on"

    @property
    def number(self) -> int:
        """The stage's number, 1 to 7."""
        return list(StageId).index(self) + 1


@dataclass(frozen=True)
class Stage:
    """One stage of the follow-up etiquette."""

    number: int
    id: StageId
    title: str
    goal: str
    dos: tuple[str, ...]
    donts: tuple[str, ...]
    source: str

    def label(self) -> str:
        """``"Stage 4 (Follow up by email)"`` — how advice names its stage."""
        return f"Stage {self.number} ({self.title})"


STAGES: tuple[Stage, ...] = (
    Stage(1, StageId.SETUP, "Set up during the interview",
          "Leave the interview knowing what happens next, by when, and whom to ask.",
          ("Ask what the next steps are and when a decision is likely (a date or a range).",
           "Ask who to contact and whether they prefer email.",
           "Ask whether checking in on your status is welcome.",
           "Note it if the interviewer invites you to phone them."),
          ("Walking out with an open-ended timeline and no named contact.",),
          "Both seeds: ask about next steps and timeline before leaving."),
    Stage(2, StageId.THANK_YOU, "Send a thank-you within a day",
          "Thank the interviewer by email within 24 hours of the interview ending.",
          ("Thank them for their time and the chance to learn about the role.",
           "Say again that you want the job.",
           "Mention one specific thing you talked about.",
           "Say you look forward to the next steps; keep it short, personal and upbeat.",
           "Proofread before you send."),
          ("Phoning instead of writing.", "Sending a generic note that could go to anyone."),
          "Calling guide: thank-you email within 24 hours, its four elements."),
    Stage(3, StageId.WAIT, "Wait out the timeline",
          "Let the employer's process run until the date they gave.",
          ("Keep applying and interviewing elsewhere.",
           "Remember that several people and calendars are involved."),
          ("Calling or emailing before the stated date.",
           "Reading silence before the deadline as bad news."),
          "Calling guide: decisions need several people; silence before the date means little."),
    Stage(4, StageId.FOLLOW_UP, "Follow up by email",
          "Once the stated date has passed by a couple of business days, ask politely by email.",
          ("Wait about two business days after the date, ideally no more than three.",
           "Thank them again and add something useful, such as a link related to a project you discussed.",
           "Keep it to one short email."),
          ("Writing before the date has passed (over-eager).",
           "Waiting weeks (reads as lost interest)."),
          "Follow-up seed: wait a couple of days after the timeline, email, add value."),
    Stage(5, StageId.CALL, "Call only when it is warranted",
          "Treat a phone call as the exception, not the default.",
          ("Call only if a stated date passed several business days ago with no word, "
           "the interviewer invited a call, or your field expects a call.",
           "Prepare: say your full name, the position and the interview date.",
           "Be direct and warm and finish within two minutes."),
          ("Unsolicited calls before the date.", "Pressing for an answer on the phone.",
           "Rambling voicemails without your name and number."),
          "Calling guide: the three exceptions and how to handle the call."),
    Stage(6, StageId.SECOND_ATTEMPT, "One more attempt at most",
          "If the follow-up meets silence for about a week, try once more, then stop.",
          ("Wait about a week (five business days) after the follow-up.",
           "Write to the hiring manager or to an HR contact.",
           "If they give a new, later date, follow it: the rules start again from that date."),
          ("A stream of emails or calls.",),
          "Follow-up seed: after a week or so, one more attempt; follow an extended timeline."),
    Stage(7, StageId.MOVE_ON, "Read the silence and move on",
          "After the thank-you, one follow-up and one more attempt, the next move is the employer's.",
          ("Put your energy into other applications and your network.",
           "Remember causes you cannot see: a cut position, an internal hire.",
           "Note what the process taught you about the company."),
          ("Taking the silence personally.", "Contacting them again and again."),
          "Both seeds: companies often fail to notify; keep searching."),
)

_BY_ID = {stage.id: stage for stage in STAGES}


def stage(key: int | str) -> Stage:
    """Look up a stage by number (1-7) or id.

    Examples
    --------
    >>> stage(4).title
    'Follow up by email'
    >>> stage("move_on").number
    7
    """
    if isinstance(key, int) and not isinstance(key, bool):
        if 1 <= key <= len(STAGES):
            return STAGES[key - 1]
    elif key in _BY_ID:
        return _BY_ID[key]
    from followup_lib.errors import InputError

    raise InputError("stage", f"{key!r} is not a stage", "use a number 1-7 or an id such as 'follow_up'")


def stages_table() -> list[dict]:
    """The stages as rows (number, title, goal) — ready for ``pandas.DataFrame``.

    Examples
    --------
    >>> stages_table()[1]["title"]
    'Send a thank-you within a day'
    """
    return [{"stage": s.number, "title": s.title, "goal": s.goal} for s in STAGES]


class StageGuide(tuple):
    """The seven stages as a table a notebook cell shows (``_repr_html_``) or prints.

    Examples
    --------
    >>> guide = stage_guide()
    >>> print(str(guide).splitlines()[1])
    1  Set up during the interview     Leave the interview knowing what happens next, by when, and whom to ask.
    """

    def __str__(self) -> str:
        width = max(len(s.title) for s in self)
        return "\n".join([f"#  {'stage':<{width}}  goal"]
                         + [f"{s.number}  {s.title:<{width}}  {s.goal}" for s in self])

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{s.number}</td><td><b>{escape(s.title)}</b></td><td>{escape(s.goal)}</td></tr>"
                       for s in self)
        return ('<table class="fc-stages" style="text-align:left"><thead><tr><th>#</th><th>stage</th>'
                f"<th>goal</th></tr></thead><tbody>{rows}</tbody></table>")


def stage_guide() -> StageGuide:
    """The seven stages, ready to show in a notebook cell."""
    return StageGuide(STAGES)
