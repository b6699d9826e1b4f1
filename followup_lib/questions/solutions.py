"""The right answer of each question: given in the file, or computed by the library's own rules.

A ``which_day`` question is answered by :func:`~followup_lib.etiquette.windows.windows`
(the one place every dated rule lives), a ``call_or_not`` question by
:func:`~followup_lib.etiquette.calls.call_permission`, and a ``whats_wrong`` question by
:func:`~followup_lib.messages.review.review_draft`: no date, verdict or fault is typed
into a question file, so a question can never disagree with the coach.

:func:`solve` returns a :class:`Solution`: the answer, the answer in words, and the
explanation lines (for a day: the business days counted from the reference date and the
weekend days and public holidays skipped, from the case's country calendar).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from followup_lib.errors import InputError

#: The two answers of a ``call_or_not`` question, as (text, value).
CALL_OPTIONS = (("Yes: a short, prepared call is acceptable that day", True),
                ("No: a call is not acceptable that day", False))
#: Longest stretch of days whose skipped days are listed one by one.
MAX_LISTED_SPAN = 120


def day_label(day: date) -> str:
    """A day as the learner reads it: ``'Mon 30 Nov 2026'``.

    Examples
    --------
    >>> day_label(date(2026, 11, 30))
    'Mon 30 Nov 2026'
    """
    return f"{day:%a} {day.day} {day:%b %Y}"


@dataclass(frozen=True)
class DayRule:
    """A dated rule a ``which_day`` question may ask about: the ``Windows`` field, and its rule in words."""

    field: str
    sentence: str  # formatted with the Params' fields


#: The dated rules of :class:`~followup_lib.etiquette.windows.Windows` a question may ask about.
DAY_RULES = {
    "thank_you_due": DayRule("thank_you_due", "Stage 2: the thank-you goes out within {thank_you_hours} hours of the "
                             "interview's end. That is elapsed time, so a weekend or a holiday does not pause it."),
    "decision_date": DayRule("decision_date", "Stage 3: with no date given, the coach assumes the decision comes "
                             "{default_decision_business_days} business days after the interview."),
    "follow_up_due": DayRule("follow_up_due", "Stage 4: the follow-up email falls due {follow_up_grace} business "
                             "days after the decision date."),
    "follow_up_ideal_end": DayRule("follow_up_ideal_end", "Stage 4: ideally the follow-up goes out no later than "
                                   "{follow_up_ideal_max} business days after the decision date."),
    "follow_up_late_after": DayRule("follow_up_late_after", "Stage 4: a first follow-up sent after "
                                    "{late_after} business days past the decision date reads as uninterested."),
    "call_ok_from": DayRule("call_ok_from", "Stage 5: with no invitation and no custom of calling, a call is "
                            "acceptable once a stated date has passed by {call_after_deadline} business days "
                            "with no word."),
    "second_attempt_due": DayRule("second_attempt_due", "Stage 6: one more attempt comes {second_attempt_after} "
                                  "business days after the follow-up, and never before the follow-up date."),
    "move_on_due": DayRule("move_on_due", "Stage 7: {move_on_after} business days after the second attempt, "
                           "with still no word, the move is the employer's: move on."),
}


@dataclass(frozen=True)
class Solution:
    """The right answer of one question, and what explains it.

    Attributes
    ----------
    answer : int, frozenset of int, date or bool
        An option's index (``multiple_choice``), a set of indexes (``many_choice``,
        ``whats_wrong``), a day (``which_day``) or whether a call is acceptable (``call_or_not``).
    text : str
        The answer in words.
    notes : tuple of str
        Computed explanation, one sentence each.
    reference, reference_label : date and str, or None
        ``which_day``: the day the count starts from, and what it is.
    business_days : int or None
        ``which_day``: business days from the reference to the answer (None for the
        thank-you window, which is elapsed hours).
    skipped : tuple of (date, str)
        ``which_day``: the weekend days and public holidays left out of the count, with why.
    calendar : WorkCalendar or None
        ``which_day``: the case's calendar, to read the learner's own day.
    findings : dict
        ``whats_wrong``: rule -> the reviewer's findings (errors and warnings) of that rule.
    extra : tuple
        ``whats_wrong``: findings (errors and warnings) of rules no option names.
    option_notes : tuple of str
        ``call_or_not``: the explanation of each of :data:`CALL_OPTIONS` (yes, no).
    """

    answer: object
    text: str
    notes: tuple[str, ...] = ()
    reference: date | None = None
    reference_label: str | None = None
    business_days: int | None = None
    skipped: tuple[tuple[date, str], ...] = ()
    calendar: object | None = None
    findings: dict | None = None
    extra: tuple = ()
    option_notes: tuple[str, ...] = ()


def solve(question) -> Solution:
    """The right answer of ``question``, computed once and kept.

    Raises
    ------
    InputError
        Naming the file, question and field, when a computed question has no answer
        (a ``whats_wrong`` draft with none of its faults, a ``call_ok_from`` with no stated date).

    Examples
    --------
    >>> from followup_lib.questions.schema import parse_question
    >>> q = parse_question({"id": "t", "type": "which_day", "prompt": "When?", "rule": "follow_up_due",
    ...     "case": {"interview_end": "2026-11-18T14:00:00-05:00", "decision_by": "2026-11-25"}}, 0, "x.yaml")
    >>> s = solve(q)
    >>> s.text, s.business_days, [why for _, why in s.skipped]
    ('Mon 30 Nov 2026', 2, ['Thanksgiving Day, a public holiday', 'weekend', 'weekend'])
    """
    cached = question._solved.get("solution")
    if cached is None:
        cached = _SOLVERS[question.type](question)
        question._solved["solution"] = cached
    return cached


def _solve_choice(q) -> Solution:
    right = [i for i, o in enumerate(q.options) if o.correct]
    answer = right[0] if q.type == "multiple_choice" else frozenset(right)
    return Solution(answer, "; ".join(q.options[i].text for i in right))


# --- which_day -------------------------------------------------------------------------

def skipped_days(cal, start: date, end: date) -> tuple[tuple[date, str], ...]:
    """The days after ``start`` and before ``end`` that are not business days, each with why.

    Examples
    --------
    >>> from followup_lib.etiquette.workdays import work_calendar
    >>> [(day_label(d), why) for d, why in skipped_days(work_calendar("GB"), date(2026, 12, 24), date(2026, 12, 30))]
    [('Fri 25 Dec 2026', 'Christmas Day, a public holiday'), ('Sat 26 Dec 2026', 'weekend; also Boxing Day'), ('Sun 27 Dec 2026', 'weekend'), ('Mon 28 Dec 2026', 'Boxing Day (observed), a public holiday')]
    """
    if end <= start or (end - start).days > MAX_LISTED_SPAN:
        return ()
    out = []
    for offset in range(1, (end - start).days):
        day = start + timedelta(days=offset)
        if cal.is_business_day(day):
            continue
        name = cal.holiday_name(day)
        if day.weekday() in cal.weekend:
            out.append((day, f"weekend; also {name}" if name else "weekend"))
        else:
            out.append((day, f"{name}, a public holiday"))
    return tuple(out)


def skipped_sentence(skipped, cal) -> str | None:
    """"Not counted: …" for the skipped days, or None when none was skipped."""
    if not skipped:
        return None
    where = cal.country + (f"-{cal.subdivision}" if cal.subdivision else "")
    listed = "; ".join(f"{day_label(day)} ({why})" for day, why in skipped)
    return f"Not counted as business days ({where} calendar): {listed}."


def plural(n: int, word: str) -> str:
    """``'1 business day'``, ``'2 business days'``."""
    return f"{n} {word}{'' if abs(n) == 1 else 's'}"


def _reference(q, win) -> tuple[date, str]:
    """The day a which_day answer is counted from, and what it is."""
    case = q.case
    if q.rule == "decision_date":
        return case.interview_date, "the interview"
    if q.rule == "second_attempt_due":
        if win.attempts:
            return case.local_date(win.attempts[0].at), "the follow-up"
        return win.follow_up_due, "the day the follow-up falls due"
    if q.rule == "move_on_due":
        if len(win.attempts) >= 2:
            return case.local_date(win.attempts[1].at), "the second attempt"
        return win.second_attempt_due, "the day the second attempt falls due"
    label = {"assumed": "the assumed decision date", "new_timeline": "the new decision date"}
    return win.decision_date, label.get(str(win.timeline_source), "the decision date")


def _solve_which_day(q) -> Solution:
    from followup_lib.etiquette.windows import windows

    win = windows(q.case, today=q.day, params=q.params)
    rule, cal = DAY_RULES[q.rule], q.case.calendar
    sentence = rule.sentence.format(**q.params.to_dict(), thank_you_hours=q.params.thank_you_hours)
    if q.rule == "thank_you_due":
        due, end = win.thank_you_due, q.case.interview_end
        notes = (sentence, f"The interview ended {day_label(end.date())} at {end:%H:%M}, so the window closes "
                           f"{day_label(due.date())} at {due:%H:%M} (the interview's own time zone).")
        return Solution(due.date(), day_label(due.date()), notes, end.date(), "the interview", None, (), cal)
    answer = getattr(win, rule.field)
    if answer is None:
        raise InputError(f"{q.where}, rule", f"{q.rule} has no day in this case: no decision date was stated",
                         "add decision_by to the case, or ask about another rule")
    reference, label = _reference(q, win)
    count = cal.business_days_between(reference, answer)
    skipped = skipped_days(cal, reference, answer)
    notes = [sentence, f"{day_label(answer)} is {plural(count, 'business day')} after {label}, "
                       f"{day_label(reference)}."]
    if (said := skipped_sentence(skipped, cal)) is not None:
        notes.append(said)
    return Solution(answer, day_label(answer), tuple(notes), reference, label, count, skipped, cal)


def own_day_notes(solution: Solution, day: date) -> list[str]:
    """What the learner's own (wrong) day is, counted the same way as the right one."""
    cal, ref, label = solution.calendar, solution.reference, solution.reference_label
    notes = []
    if solution.business_days is None:  # the thank-you window: elapsed time
        side = "after the window closed" if day > solution.answer else "inside the window, but not its last day"
        return [f"Your day, {day_label(day)}, is {side}."]
    if day <= ref:
        notes.append(f"Your day, {day_label(day)}, is not after {label} ({day_label(ref)}): nothing falls due "
                     "that early.")
    elif (day - ref).days <= 366:
        notes.append(f"Your day, {day_label(day)}, is {plural(cal.business_days_between(ref, day), 'business day')}"
                     f" after {label}.")
    if not cal.is_business_day(day):
        name = cal.holiday_name(day)
        why = f"{name}, a public holiday" if name and day.weekday() not in cal.weekend else "a weekend day"
        notes.append(f"{day_label(day)} is {why}: the coach never sets a due date on one.")
    return notes


# --- call_or_not -----------------------------------------------------------------------

def _solve_call(q) -> Solution:
    from followup_lib.etiquette.calls import business_days_since, call_permission
    from followup_lib.etiquette.windows import as_of, windows

    case, day = as_of(q.case, q.day), q.day
    win = windows(case, today=day, params=q.params)
    permitted, reasons = call_permission(case, day, win)
    text = CALL_OPTIONS[0][0] if permitted else CALL_OPTIONS[1][0]
    if permitted:
        said = ("A call is acceptable because " + " ".join(reasons),
                "Email is never wrong, but here a call is acceptable too: one of the three exceptions holds.")
        notes = ("Email is still the recommended channel. A call is prepared, says your full name, the position and "
                 f"the interview date, and is over within {q.params.call_max_seconds // 60} minutes.",)
        return Solution(True, text, notes, option_notes=said)
    if win.call_ok_from is None:
        a = "(a) does not hold: no decision date was stated, so none has passed."
    elif day < win.call_ok_from:
        passed = ("has not passed yet" if day <= win.decision_date
                  else f"passed only {business_days_since(case, win.decision_date, day)} ago")
        a = (f"(a) does not hold yet: the stated date ({day_label(win.decision_date)}) {passed}; with still no "
             f"word, a call becomes acceptable from {day_label(win.call_ok_from)}.")
    else:
        a = "(a) does not hold: the employer has been in touch since the date was set."
    said = (f"On {day_label(day)} none of the three exceptions holds, so a call would be unwelcome.",
            "Right: that day the channel is email (or, before the follow-up falls due, patience).")
    notes = (a, "(b) does not hold: the interviewer did not invite a call.",
             "(c) does not hold: a follow-up call is not customary in this field.")
    return Solution(False, text, notes, option_notes=said)


# --- whats_wrong -----------------------------------------------------------------------

def _solve_whats_wrong(q) -> Solution:
    from followup_lib.messages.review import review_draft

    if q.context is not None and q.context.case is not None and q.context.send_date is None and q.day is None:
        raise InputError(f"{q.where}, today", "is missing", "give today (or context.send_date), so the timing "
                         "is checked on a fixed day")
    review = review_draft(q.draft, q.kind, q.context, today=q.day, params=q.params)
    fired: dict[str, list] = {}
    for finding in review.findings:
        if finding.severity in ("error", "warning"):
            fired.setdefault(finding.rule, []).append(finding)
    named = {o.rule for o in q.options}
    answer = frozenset(i for i, o in enumerate(q.options) if o.rule in fired)
    if not answer:
        raise InputError(f"{q.where}, options", "has no correct option: the reviewer finds none of these faults "
                         "in the draft", "name a rule the reviewer fires, or change the draft")
    extra = tuple(f for f in review.findings if f.rule in fired and f.rule not in named)
    text = "; ".join(q.options[i].text for i in sorted(answer))
    return Solution(answer, text, (), findings=fired, extra=extra)


_SOLVERS = {"multiple_choice": _solve_choice, "many_choice": _solve_choice, "which_day": _solve_which_day,
            "call_or_not": _solve_call, "whats_wrong": _solve_whats_wrong}


__all__ = ["CALL_OPTIONS", "DAY_RULES", "DayRule", "Solution", "day_label", "solve", "skipped_days"]
