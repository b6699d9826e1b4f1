"""Scenarios for instructors: a story, a case, and the days to replay it on.

A scenario file (YAML or JSON) tells one candidate's story after an interview. It holds a
``title``, a one-paragraph ``story``, the ``candidate`` (name, position, company, topic: the
fields drafts need), the ``case`` (the case-file structure of :mod:`.case`, with every
contact and response the story will log), the ``first_day`` and ``last_day`` to step
through, the ``stages`` whose rules it exercises, and optionally the actions ``expect``-ed
on key days (for tests). :func:`scenario_day` replays it: on each day the case is read as
it stood then (contacts and responses dated later are ignored), so stepping through the
days replays the story.

The presets ship in ``followup_lib/scenarios/``; :func:`preset_scenarios` loads them and
:func:`copy_preset` writes a copy into the learner's folder to edit. A bad file gives one
:class:`~followup_lib.errors.InputError` naming the field and the fix.

Examples
--------
>>> from datetime import date
>>> late = preset_scenarios()["late-thank-you"]
>>> [str(late.on(day).action) for day in (date(2026, 11, 6), date(2026, 11, 8), date(2026, 11, 24))]
['send_thank_you', 'thank_you_late', 'send_follow_up']
>>> load_scenario('{"title": "Demo", "storey": "..."}')
Traceback (most recent call last):
...
followup_lib.errors.InputError: storey: is not a field of a scenario; did you mean 'story'?
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from html import escape
from pathlib import Path

from followup_lib.errors import InputError, clipped
from followup_lib.etiquette.advisor import Advice, advise
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.kinds import Action, Channel, ResponseKind
from followup_lib.etiquette.params import DEFAULTS, Params
from followup_lib.etiquette.plan import Plan, make_plan
from followup_lib.etiquette.stages import StageId
from followup_lib.etiquette.timefields import check_date_range, parse_date
from followup_lib.etiquette.windows import as_of
from followup_lib.suggest import did_you_mean

#: Where the preset scenario files live (inside the package).
PRESET_FOLDER = Path(__file__).resolve().parent.parent / "scenarios"
#: File endings a scenario may have.
SUFFIXES = (".yaml", ".yml", ".json")
#: Presets in teaching order; any other file in the folder follows, by name.
PRESET_ORDER = ("late-thank-you", "no-timeline", "invited-to-call", "traditional-industry", "over-eager",
                "new-later-timeline", "promised-date-long-past", "silence-after-second-attempt",
                "holidays-scotland")
MAX_CHARS = 100_000   # a scenario file is a few kilobytes; anything larger is the wrong file
MAX_DAYS = 120        # days a scenario may span, so a slider stays usable
EARLY_DAYS = 7        # how long before the interview a scenario may start (stage 1 preparation)
LIMITS = {"title": 120, "story": 1500}
FIELDS = ("title", "story", "candidate", "case", "first_day", "last_day", "stages", "expect")
CANDIDATE_FIELDS = ("name", "position", "company", "topic", "interviewer", "hr_contact",
                    "value_link", "value_note", "phone")
#: The message each action sends (None: nothing to send that day).
DRAFT_KINDS = {Action.SEND_THANK_YOU: "thank_you", Action.THANK_YOU_LATE: "thank_you",
               Action.SEND_FOLLOW_UP: "follow_up", Action.SECOND_ATTEMPT: "second_attempt",
               Action.REPLY_TO_EMPLOYER: "reply"}
#: The stage whose rule each advice warning applies.
WARNING_STAGES = {"no_timeline": 1, "thank_you_late": 2, "thank_you_not_email": 2, "no_thank_you": 2,
                  "too_early": 3, "too_late": 4, "call_not_permitted": 5, "too_many_contacts": 6}


@dataclass(frozen=True)
class Candidate:
    """Who the scenario is about: the fields drafts are written with (plain text)."""

    name: str
    topic: str
    position: str | None = None
    company: str | None = None
    interviewer: str | None = None
    hr_contact: str | None = None
    value_link: str | None = None
    value_note: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Scenario:
    """One story to replay day by day. Build it with :func:`load_scenario`.

    Attributes
    ----------
    title, story : str
    case : Case
        The whole story's case; :meth:`on` reads it as it stood on a day.
    first_day, last_day : date
    candidate : Candidate
    stages : tuple of StageId
        The stage rules the scenario exercises.
    expect : tuple of (date, Action)
        Actions the advice must give on key days (checked by the tests).
    name : str or None
        The file's name without its suffix (a preset's key).
    source_text, suffix : str
        The file's text and ending, so :meth:`copy_to` writes the file as it was, comments and all.
    """

    title: str
    story: str
    case: Case
    first_day: date
    last_day: date
    candidate: Candidate
    stages: tuple[StageId, ...] = ()
    expect: tuple[tuple[date, Action], ...] = ()
    name: str | None = None
    source_text: str | None = None
    suffix: str = ".yaml"

    @property
    def days(self) -> tuple[date, ...]:
        """Every day from ``first_day`` to ``last_day``."""
        return tuple(self.first_day + timedelta(days=n) for n in range((self.last_day - self.first_day).days + 1))

    def on(self, day: date, *, params: Params = DEFAULTS) -> "ScenarioDay":
        """The scenario on one day: see :func:`scenario_day`."""
        return scenario_day(self, day, params=params)

    def copy_to(self, folder=None, *, name: str | None = None, replace: bool = False) -> Path:
        """Write this scenario's file into the learner's folder (see :func:`copy_preset`)."""
        return _write_copy(self, folder, name or self.name or "my-scenario", replace)

    def __str__(self) -> str:
        return f"{self.title}\n{self.story}\n{_span(self)}"

    def _repr_html_(self) -> str:
        return (f'<div class="fc-scenario-story"><div style="font-size:1.2em;font-weight:bold">'
                f'{escape(self.title)}</div><p>{escape(self.story)}</p><div>{escape(_span(self))}</div></div>')


def _span(scenario: Scenario) -> str:
    days = len(scenario.days)
    return (f"{days} day{'s' if days != 1 else ''}: {scenario.first_day:%a %d %b %Y} to {scenario.last_day:%a %d %b %Y}"
            + ("; stages " + ", ".join(str(s.number) for s in scenario.stages) if scenario.stages else ""))


# --- reading a scenario file -----------------------------------------------------
def load_scenario(source, *, name: str | None = None) -> Scenario:
    """Read a scenario from a file, or from its YAML or JSON text.

    Parameters
    ----------
    source : str, Path or bytes
        A path (a ``Path``, or one line of text ending in ``.yaml``, ``.yml`` or ``.json``),
        the file's text, or its bytes (an upload; UTF-8 or Windows-1252).
    name : str, optional
        The file's name, for messages and to tell YAML from JSON (``my-case.yaml``).

    Returns
    -------
    Scenario

    Raises
    ------
    InputError
        Naming the field and the fix: a missing field, a bad date, an unknown key (with
        a did-you-mean), a ``last_day`` before ``first_day``, a case that does not validate.

    Examples
    --------
    >>> text = '''
    ... title: Demo
    ... story: Sam interviewed on Monday and was told Friday.
    ... candidate: {name: Sam Roe, position: Analyst, company: Acme, topic: the dashboard, interviewer: Ms. Lee}
    ... case: {interview_end: "2026-11-16T15:00:00-05:00", decision_by: "2026-11-20"}
    ... first_day: 2026-11-16
    ... last_day: 2026-11-12
    ... '''
    >>> load_scenario(text)
    Traceback (most recent call last):
    ...
    followup_lib.errors.InputError: last_day: 2026-11-12 is before first_day (2026-11-16); make it first_day or later
    """
    text, shown, stem, suffix = _read_source(source, name)
    data = _parse(text, shown, suffix)
    return _build(data, name=stem, text=text, suffix=suffix)


def _read_source(source, name):
    from followup_lib.textio import decode_user_bytes, read_user_text

    if isinstance(source, str) and "\n" not in source and source.strip().lower().endswith(SUFFIXES):
        source = Path(source.strip())
    if isinstance(source, Path):
        text, name = read_user_text(source, "scenario file"), name or source.name
    elif isinstance(source, (bytes, bytearray, memoryview)):
        text = decode_user_bytes(bytes(source), "scenario file", name or "the upload")
    elif isinstance(source, str):
        text = source
    else:
        raise InputError("scenario file", f"must be a path or the file's text, not {type(source).__name__}")
    shown = f"scenario file {name}" if name else "scenario"
    if len(text) > MAX_CHARS:
        raise InputError(shown, f"is {len(text):,} characters long", f"a scenario is a few kilobytes; "
                         f"keep it under {MAX_CHARS:,} characters")
    suffix = Path(name).suffix.lower() if name else ""
    if name and suffix not in SUFFIXES:
        raise InputError(shown, f"does not end in {', '.join(SUFFIXES)}", "save it as .yaml or .json")
    stem = Path(name).stem if name else None
    return text, shown, stem, suffix or (".json" if text.lstrip().startswith("{") else ".yaml")


def _parse(text: str, shown: str, suffix: str) -> dict:
    if not text.strip():
        raise InputError(shown, "is empty", "start from a copy of a preset")
    if suffix == ".json":
        from followup_lib.etiquette.case_json import case_json_object

        return case_json_object(text, shown)
    import yaml

    try:
        data = yaml.load(text, Loader=_yaml_loader())  # noqa: S506  (a SafeLoader, see _yaml_loader)
    except _YamlRefused as exc:
        raise InputError(shown, *exc.args) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1}: {exc.problem})" if mark else ""
        raise InputError(shown, f"is not valid YAML{where}",
                         "check the indentation there, and the colon and space after each key") from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        raise InputError(shown, f"is not valid YAML ({str(exc)[:80] or type(exc).__name__})", "check the file") from None
    if not isinstance(data, dict):
        raise InputError(shown, "must hold one mapping of fields (title:, story:, case:, ...)",
                         "start from a copy of a preset, or give the path of a .yaml or .json file")
    return data


class _YamlRefused(ValueError):
    pass


@lru_cache(maxsize=1)
def _yaml_loader():
    """A SafeLoader that refuses aliases (no expansion bombs) and repeated keys, reads only
    true/false as booleans (so country NO stays Norway), and leaves dates as text, so that a
    wrong one is reported by its field."""
    import yaml

    class Loader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise _YamlRefused(f"uses an alias (*{event.anchor}) on line {event.start_mark.line + 1}",
                                   "write each value out in full")
            return super().compose_node(parent, index)

        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                if key in seen:
                    raise _YamlRefused(f"names {str(key)[:40]!r} twice in one mapping (line "
                                       f"{key_node.start_mark.line + 1})", "keep one of them")
                seen.add(key)
            mapping = super().construct_mapping(node, deep=deep)
            return {k if isinstance(k, str) else str(k): v for k, v in mapping.items()}  # as in JSON

    bool_tag, dropped = "tag:yaml.org,2002:bool", ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    Loader.yaml_implicit_resolvers = {first: [(tag, rx) for tag, rx in resolvers if tag not in dropped]
                                      for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    Loader.add_implicit_resolver(bool_tag, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    return Loader


def _build(data: dict, *, name, text, suffix) -> Scenario:
    _check_keys(data, FIELDS, "", "a scenario")
    title, story = (_text(data.get(key), key, LIMITS[key]) for key in ("title", "story"))
    case = _case(data.get("case"))
    first, last = _day(data.get("first_day"), "first_day"), _day(data.get("last_day"), "last_day")
    if last < first:
        raise InputError("last_day", f"{last} is before first_day ({first})", "make it first_day or later")
    if (last - first).days >= MAX_DAYS:
        raise InputError("last_day", f"is {(last - first).days} days after first_day",
                         f"keep a scenario under {MAX_DAYS} days")
    if first < case.interview_date - timedelta(days=EARLY_DAYS):
        raise InputError("first_day", f"{first} is more than {EARLY_DAYS} days before the interview "
                         f"({case.interview_date})", "start on the interview day, or the day before it")
    candidate, case = _candidate(data.get("candidate"), case)
    return Scenario(title, story, case, first, last, candidate, _stages(data.get("stages")),
                    _expect(data.get("expect"), first, last), name, text, suffix)


def _check_keys(data, allowed, where: str, what: str) -> None:
    if not isinstance(data, dict):
        raise InputError(where, "must be a mapping of fields", f"write it as key: value lines under {where}:")
    for key in data:
        shown = clipped(str(key))
        if key not in allowed:
            raise InputError(f"{where}.{shown}" if where else shown, f"is not a field of {what}",
                             did_you_mean(shown, allowed, listing="use one of"))


def _text(value, field: str, limit: int) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(field, "is missing", f"give the scenario a {field}")
    if not isinstance(value, str):
        raise InputError(field, f"must be text, not {type(value).__name__}", "put it in quotes")
    text = " ".join(value.split())
    if len(text) > limit:
        raise InputError(field, f"is {len(text):,} characters long", f"keep it under {limit}")
    return text


def _day(value, field: str) -> date:
    if value is None:
        raise InputError(field, "is missing", "give the day as YYYY-MM-DD")
    return parse_date(value, field)


def _case(value) -> Case:
    if value is None:
        raise InputError("case", "is missing", "add the case, with at least its interview_end")
    try:
        return Case.from_dict(value)
    except InputError as err:
        field = err.field if err.field.startswith("case") else f"case.{err.field.lstrip('.')}"
        raise InputError(field, err.problem, err.fix) from None


def _candidate(value, case: Case) -> tuple[Candidate, Case]:
    """The candidate's fields, checked as drafts check them; the case gains the names it lacks."""
    from followup_lib.messages.drafts import FIELD_LIMITS, clean_text

    if value is None:
        raise InputError("candidate", "is missing", "give at least name, topic, position, company and interviewer")
    _check_keys(value, CANDIDATE_FIELDS, "candidate", "the candidate")
    fields = {}
    for key in CANDIDATE_FIELDS:
        try:
            fields[key] = clean_text(value.get(key), key, limit=FIELD_LIMITS.get(key, 200))
        except InputError as err:
            raise InputError(f"candidate.{key}", err.problem, err.fix) from None
    fields["position"] = fields["position"] or case.position
    fields["company"] = fields["company"] or case.company
    fields["interviewer"] = fields["interviewer"] or case.contact_name
    for key in ("name", "topic", "position", "company", "interviewer"):
        if not fields[key]:
            also = "" if key in ("name", "topic") else f" (or {'contact_name' if key == 'interviewer' else key} in the case)"
            raise InputError(f"candidate.{key}", "is missing", f"give the candidate's {key}{also}: drafts need it")
    case = replace(case, position=case.position or fields["position"], company=case.company or fields["company"],
                   contact_name=case.contact_name or fields["interviewer"])
    return Candidate(**fields), case


def _stages(value) -> tuple[StageId, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError("stages", "must be a list", "write it as [thank_you, wait, follow_up]")
    return tuple(StageId.parse(item, f"stages[{i}]") for i, item in enumerate(value))


def _expect(value, first: date, last: date) -> tuple[tuple[date, Action], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise InputError("expect", "must map days to actions", "write it as 2026-11-24: send_follow_up")
    out = []
    for key, action in value.items():
        day = parse_date(key, f"expect.{str(key)[:20]}")
        if not first <= day <= last:
            raise InputError(f"expect.{day}", f"is outside the scenario ({first} to {last})",
                             "expect actions only on days the scenario covers")
        out.append((day, Action.parse(action, f"expect.{day}")))
    return tuple(sorted(out))


# --- the presets -------------------------------------------------------------------
class Presets(dict):
    """The preset scenarios by name (a ``dict``), shown as a table in a notebook."""

    def __str__(self) -> str:
        return "\n".join(f"{key:32} {s.title} ({len(s.days)} days)" for key, s in self.items())

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td><code>{escape(key)}</code></td><td>{escape(s.title)}</td><td>{len(s.days)}</td>"
                       f"<td>{escape(', '.join(str(st.number) for st in s.stages))}</td></tr>" for key, s in self.items())
        return ('<table class="fc-presets"><thead><tr><th>name</th><th>title</th><th>days</th><th>stages</th></tr>'
                f"</thead><tbody>{rows}</tbody></table>")


@lru_cache(maxsize=1)
def _load_presets() -> tuple[tuple[str, Scenario], ...]:
    files = sorted((p for p in PRESET_FOLDER.iterdir() if p.suffix in SUFFIXES), key=lambda p: (
        PRESET_ORDER.index(p.stem) if p.stem in PRESET_ORDER else len(PRESET_ORDER), p.name))
    return tuple((p.stem, load_scenario(p)) for p in files)


def preset_scenarios() -> Presets:
    """The scenarios shipped in ``followup_lib/scenarios/``, by name, in teaching order.

    Examples
    --------
    >>> presets = preset_scenarios()
    >>> len(presets) >= 9, presets["no-timeline"].case.decision_by is None
    (True, True)
    """
    return Presets(_load_presets())


def copy_preset(name: str, folder=None, *, replace: bool = False) -> Path:
    """Write a copy of the preset ``name`` into the learner's folder, to edit; returns its path.

    ``folder`` is a :class:`~followup_lib.workspace.LearnerFolder` (default: the learner's
    ``my-work/``). An existing file is never replaced unless ``replace=True`` (a copy that
    is still identical to the preset is left as it is).

    Examples
    --------
    >>> import tempfile
    >>> from followup_lib.workspace import LearnerFolder
    >>> folder = LearnerFolder(Path(tempfile.mkdtemp()) / "my-work")
    >>> copy_preset("late-thank-you", folder).name
    'late-thank-you.yaml'
    >>> load_scenario(folder.path_for("late-thank-you", ".yaml")).title == preset_scenarios()["late-thank-you"].title
    True
    """
    presets = preset_scenarios()
    if name not in presets:
        raise InputError("preset", f"{str(name)[:40]!r} is not a preset scenario", did_you_mean(name, presets))
    return presets[name].copy_to(folder, replace=replace)


def _write_copy(scenario: Scenario, folder, name: str, replace: bool) -> Path:
    from followup_lib.workspace import FileExists, learner_folder

    folder = folder or learner_folder()
    path, text = folder.path_for(name, scenario.suffix), scenario.source_text or ""
    if not replace and path.is_file() and path.read_bytes() == text.encode("utf-8"):
        return path
    try:
        return folder.save(name, text, suffix=scenario.suffix, replace=replace)
    except FileExists:
        raise FileExists("file name", f"{path.name} already exists in {folder.root.name}/ and differs from "
                         "this scenario", "pass replace=True to overwrite it, or name= for another copy") from None


# --- one day of a scenario ---------------------------------------------------------
@dataclass(frozen=True)
class ScenarioDay:
    """A scenario on one day: what happened, the advice, the plan, the draft to send and why.

    ``advice`` and ``plan`` are the engine's, for the case as it stood on ``day``; ``draft``
    is a :class:`~followup_lib.messages.drafts.Draft`, or None on days nothing is sent (wait,
    follow the new timeline, move on, done); ``reason`` is the advice's reason for its own
    stage; ``events`` say what happened that day (interview, contacts, answers, holiday).
    """

    scenario: Scenario
    day: date
    advice: Advice
    plan: Plan
    draft: object
    reason: str
    events: tuple[str, ...]

    @property
    def action(self) -> Action:
        return self.advice.action

    @property
    def label(self) -> str:
        """``"Day 3 of 19 · Wed 04 Nov 2026"``."""
        return f"Day {(self.day - self.scenario.first_day).days + 1} of {len(self.scenario.days)} · {self.day:%a %d %b %Y}"

    @property
    def stages(self) -> frozenset[int]:
        """The stage numbers whose rules this day's advice applied: its own stage, its
        reasons' and its warnings' (:data:`WARNING_STAGES`). Stage 5 counts only when a call
        is permitted or was warned about, not for the routine "email stays the channel"."""
        advice = self.advice
        return frozenset({advice.stage, *(r.stage for r in advice.reasons if r.stage != 5),
                          *(WARNING_STAGES[w.rule] for w in advice.warnings)} | ({5} if advice.call_permitted else set()))

    def heading_html(self) -> str:
        events = "".join(f"<li>{escape(e)}</li>" for e in self.events) or "<li>Nothing new today.</li>"
        return (f'<div class="fc-day"><div style="font-size:1.25em;font-weight:bold">{escape(self.label)}</div>'
                f"<div><b>What happened:</b></div><ul>{events}</ul></div>")

    def reason_html(self) -> str:
        return f'<div class="fc-reason"><b>Why today:</b> {escape(self.reason)}</div>'

    def draft_html(self) -> str:
        if self.draft is None:
            return '<div class="fc-draft-box"><b>Nothing to send today.</b></div>'
        from followup_lib.messages.render_html import draft_html

        return ('<div class="fc-draft-box" style="border:2px solid #0072B2;border-radius:4px;padding:0.4em 0.8em">'
                f"<div><b>&#9993; Draft to send today</b></div>{draft_html(self.draft)}</div>")

    def _repr_html_(self) -> str:
        from followup_lib.etiquette.render_html import advice_html, plan_html

        return (f'<div class="fc-scenario-day"><div><i>{escape(self.scenario.title)}</i></div>{self.heading_html()}'
                f"{advice_html(self.advice)}{self.reason_html()}{self.draft_html()}{plan_html(self.plan)}</div>")

    def __str__(self) -> str:
        events = "\n".join(f"  - {e}" for e in self.events) or "  - Nothing new today."
        draft = "\n".join("    " + line for line in str(self.draft).splitlines()) if self.draft else "  Nothing to send today."
        return (f"{self.scenario.title}\n{self.label}\nWhat happened:\n{events}\n\n{self.advice}\n\n"
                f"Why today: {self.reason}\n\nDraft to send today:\n{draft}\n\nThe plan:\n{self.plan}")


def scenario_day(scenario: Scenario, day: date, *, params: Params = DEFAULTS) -> ScenarioDay:
    """Replay a scenario on one day: the advice, the plan, the draft to send (if any) and the reason.

    Contacts and responses of the scenario's case dated after ``day`` are ignored, so
    stepping from ``first_day`` to ``last_day`` replays the story. Any day is accepted; the
    player keeps to the scenario's own.

    Parameters
    ----------
    scenario : Scenario
    day : date
    params : Params, optional

    Returns
    -------
    ScenarioDay
        Shows as a card in a notebook (escaped HTML) and as text with ``print()``.

    Examples
    --------
    >>> s = preset_scenarios()["invited-to-call"]
    >>> result = scenario_day(s, date(2026, 11, 17))
    >>> str(result.action), result.advice.channel, result.draft.kind
    ('send_follow_up', 'phone', 'call_script')
    >>> scenario_day(s, date(2026, 11, 18)).draft is None
    True
    """
    if isinstance(day, datetime) or not isinstance(day, date):
        raise InputError("day", f"must be a date, not {type(day).__name__}", "give e.g. date(2026, 11, 24)")
    check_date_range(day, "day")
    advice = advise(scenario.case, today=day, params=params)
    plan = make_plan(scenario.case, today=day, params=params)
    return ScenarioDay(scenario, day, advice, plan, _draft_for(scenario, advice, day), _reason(advice),
                       _events(scenario.case, day))


def _draft_for(scenario: Scenario, advice: Advice, day: date):
    kind = DRAFT_KINDS.get(advice.action)
    if kind is None:
        return None
    from followup_lib.messages.drafts import draft

    c, case = scenario.candidate, as_of(scenario.case, day)
    if kind == "reply":
        return _reply(c, case)
    if advice.channel == Channel.PHONE:
        kind = "call_script"
    extra = {"value_link": c.value_link, "value_note": c.value_note} if kind == "follow_up" else {}
    if kind == "second_attempt":
        extra = {"hr_contact": c.hr_contact}
    return draft(kind, case, name=c.name, interviewer=c.interviewer, position=c.position, company=c.company,
                 topics=c.topic, **extra)


def _reply(c: Candidate, case: Case):
    """A short, warm reply to an employer's update (the messages domain has no reply kind yet)."""
    from followup_lib.messages.drafts import Draft

    if case.traditional_industry:
        body = (f"Dear {c.interviewer},\n\nThank you for your update on the {c.position} position. I appreciate "
                f"you letting me know where things stand, and I remain very interested in joining {c.company}. "
                f"Please let me know if any further information would help.\n\nKind regards,\n{c.name}")
    else:
        body = (f"Hi {c.interviewer},\n\nThanks so much for the update, and for letting me know where things "
                f"stand. I'm still very keen on the {c.position} role at {c.company}, and I'm happy to wait for "
                f"your news. If anything would help in the meantime, just let me know.\n\nBest wishes,\n{c.name}")
    return Draft("reply", f"Re: the {c.position} role", body)


def _reason(advice: Advice) -> str:
    own = [r for r in advice.reasons if r.stage == advice.stage] or list(advice.reasons)
    return str(own[0]) if own else advice.headline


def _events(case: Case, day: date) -> tuple[str, ...]:
    out = []
    if case.interview_date == day:
        out.append(f"The interview ended at {case.interview_end:%H:%M %Z}.")
    for c in case.contacts:
        if case.local_date(c.at) == day:
            how = "phoned" if c.channel == Channel.PHONE else "emailed"
            out.append(f"You {how}: {str(c.kind).replace('_', ' ')}" + (f" (to {c.to})." if c.to else "."))
    for r in case.responses:
        if case.local_date(r.at) == day:
            out.append({ResponseKind.DECISION: "The employer gave their decision.",
                        ResponseKind.UPDATE: "The employer wrote with an update, but no decision yet.",
                        }.get(r.kind) or f"The employer wrote: a new decision date, {r.new_decision_by:%a %d %b}.")
    if case.calendar.holiday_name(day):
        out.append(f"Public holiday: {case.calendar.holiday_name(day)} (not a business day).")
    return tuple(out)
