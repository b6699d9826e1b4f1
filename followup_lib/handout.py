"""A printable handout: a participant's plan, the seven stages and, if asked, the drafts.

:func:`handout_html` renders one standalone HTML page (print CSS, no external
resources, every piece of user text escaped) from the Jinja2 template
``templates/handout.html.j2``. Its parts come from the library, never retyped: the case
summary from the advice's dates, the plan table from
:func:`~followup_lib.etiquette.render_html.plan_html`, the guide from
:data:`~followup_lib.etiquette.stages.STAGES` and the drafts from
:func:`~followup_lib.messages.drafts.draft`; :func:`handout_page` renders a plan and advice
already made (a widget's). :func:`handout_pdf` prints that page to PDF
with the system's headless Chromium (Debian's ``chromium`` package); no browser is ever
downloaded.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from datetime import date
from functools import lru_cache
from pathlib import Path

from followup_lib.errors import InputError

#: The browser that prints the PDF: Debian's ``chromium`` package puts it here.
CHROMIUM = "/usr/bin/chromium"
#: Seconds Chromium may take to print the handout before it is stopped.
PDF_SECONDS = 120
#: Chromium's options: headless, no network of its own, no first-run pages, no header or footer.
CHROMIUM_OPTIONS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer")
#: The plan's steps that have a draft: the kind of message each one sends, and its heading.
DRAFT_KINDS = {"thank_you": ("thank_you", "Thank-you email"), "follow_up": ("follow_up", "Follow-up email"),
               "call_option": ("call_script", "Call script, if you choose to call"),
               "second_attempt": ("second_attempt", "One more attempt, by email")}
#: The fields of :func:`~followup_lib.messages.drafts.draft` a handout passes on.
DRAFT_FIELDS = ("name", "interviewer", "position", "company", "topics", "tone", "value_link", "value_note",
                "hr_contact", "phone")
#: Fields only one kind of message uses.
_ONLY_FOR = {"value_link": "follow_up", "value_note": "follow_up", "hr_contact": "second_attempt"}


def handout_html(case, *, today: date | None = None, params=None, drafts: bool = False,
                 fields: dict | None = None) -> str:
    """The handout as a complete, printable HTML page.

    Parameters
    ----------
    case : Case
    today : date, optional
        The day the plan is made for (default :func:`followup_lib.clock.today`).
    params : Params, optional
        Etiquette parameters (default: the documented defaults).
    drafts : bool, optional
        Add a draft of each message the plan still has to send.
    fields : dict, optional
        With ``drafts``: :func:`~followup_lib.messages.drafts.draft`'s fields, e.g.
        ``{"name": "Sam Roe", "topics": "the dashboard"}`` (the case fills in the
        interviewer, position and company).

    Returns
    -------
    str

    Raises
    ------
    InputError
        When ``drafts`` is asked for and a field a draft needs is missing or invalid.

    Examples
    --------
    >>> from datetime import date
    >>> from followup_lib.etiquette.case import Case
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "company": "<Acme>"})
    >>> page = handout_html(case, today=date(2026, 11, 16))
    >>> page.startswith("<!DOCTYPE html>"), "&lt;Acme&gt;" in page, "<Acme>" in page
    (True, True, False)
    """
    from followup_lib.clock import today as clock_today
    from followup_lib.etiquette.advisor import advise
    from followup_lib.etiquette.params import DEFAULTS
    from followup_lib.etiquette.plan import make_plan

    day, params = today or clock_today(), params or DEFAULTS
    plan, advice = make_plan(case, today=day, params=params), advise(case, today=day, params=params)
    return handout_page(plan, advice, day, drafts=handout_drafts(plan, day, fields) if drafts else None)


def handout_page(plan, advice, day: date, *, drafts: list | None = None) -> str:
    """The handout page of a plan and advice made for ``day`` (what a widget that has both calls).

    ``drafts`` is :func:`handout_drafts`'s list, or None for a handout without drafts.
    """
    from followup_lib.etiquette.render import when_phrase
    from followup_lib.etiquette.render_html import plan_html
    from followup_lib.etiquette.stages import STAGES
    from markupsafe import Markup

    return _template().render(
        case=plan.case, day=day, summary=case_summary(plan.case, advice), stages=STAGES, here=advice.stage,
        next_step=(advice.headline, when_phrase(advice)), plan_table=Markup(plan_html(plan)),
        drafts=drafts or [], drafted=drafts is not None)


def case_summary(case, advice) -> list[tuple[str, str]]:
    """The case in a few labelled lines: the interview, the job, the decision date, the contact.

    Examples
    --------
    >>> from datetime import date
    >>> from followup_lib.etiquette.case import Case
    >>> from followup_lib.etiquette.advisor import advise
    >>> case = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00", "decision_by": "2026-11-20"})
    >>> case_summary(case, advise(case, today=date(2026, 11, 16)))[:2]
    [('Interview', 'Mon 16 Nov 2026, ended 15:00 UTC-05:00'), ('Decision date', 'Fri 20 Nov 2026 (the date you were given)')]
    """
    from followup_lib.etiquette.render import TIMELINE_SOURCES

    end, dates = case.interview_end, advice.dates
    rows = [("Interview", f"{end:%a %d %b %Y}, ended {end:%H:%M %Z}")]
    if case.position or case.company:
        rows.append(("Job", " at ".join(x for x in (case.position, case.company) if x)))
    rows.append(("Decision date", f"{dates.decision_date:%a %d %b %Y} ({TIMELINE_SOURCES[dates.timeline_source]})"))
    rows.append(("Contact", f"{case.contact_name or 'no one named yet'}, by {case.preferred_channel}"))
    place = case.country + (f" ({case.subdivision})" if case.subdivision else "")
    rows.append(("Business days", f"Monday to Friday, except public holidays in {place}"))
    return rows


def handout_drafts(plan, day: date, fields: dict | None) -> list[tuple[object, str, object]]:
    """A draft for each message the plan still has to send, as (step, heading, draft) triples.

    Raises
    ------
    InputError
        For a field that is not one of :data:`DRAFT_FIELDS`; and, as
        :class:`~followup_lib.messages.required.MissingFieldsError`, for every field a
        draft needs that is missing.
    """
    from followup_lib.etiquette.windows import as_of
    from followup_lib.messages.drafts import draft

    fields = dict(fields or {})
    unknown = sorted(set(fields) - set(DRAFT_FIELDS))
    if unknown:
        raise InputError("fields", f"{unknown[0]!r} is not a draft field", f"use {', '.join(DRAFT_FIELDS)}")
    case, out = as_of(plan.case, day), []
    for step in plan.steps:
        kind, heading = DRAFT_KINDS.get(step.step, (None, None))
        if kind is None or step.done or step.missed:
            continue
        given = {k: v for k, v in fields.items() if _ONLY_FOR.get(k, kind) == kind}
        out.append((step, heading, draft(kind, case, **given)))
    return out


@lru_cache(maxsize=1)
def _template():
    import jinja2

    folder = Path(__file__).resolve().parent / "templates"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("handout.html.j2")


def handout_pdf(html: str, path, *, chromium: str = CHROMIUM, replace: bool = False) -> Path:
    """Print a handout page to a PDF file with headless Chromium.

    Parameters
    ----------
    html : str
        The page, e.g. from :func:`handout_html`.
    path : str or Path
        Where to write the PDF (it must end in ``.pdf``).
    chromium : str, optional
        The browser to print with (default: Debian's ``/usr/bin/chromium``).
    replace : bool, optional
        Replace an existing file.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        When the path cannot be used, Chromium is missing, or it fails to print.
    """
    from followup_lib.textio import check_output_path, write_output

    hint = "pass replace=True to replace it"
    check_output_path(path, "pdf", force=replace, suffixes=(".pdf",), replace_hint=hint)
    return write_output(path, print_to_pdf(html, chromium), "pdf", force=replace, suffixes=(".pdf",),
                        replace_hint=hint)


def check_chromium(chromium: str = CHROMIUM) -> str:
    """``chromium`` when it is a program that can be run, else an InputError saying how to get it."""
    if not (os.path.isfile(chromium) and os.access(chromium, os.X_OK)):
        raise InputError("chromium", f"{chromium} is missing, so no PDF can be printed",
                         "install Debian's 'chromium' package (apt-get install chromium) or pass chromium=PATH; "
                         "the HTML handout also prints to PDF from any browser")
    return chromium


def print_to_pdf(html: str, chromium: str = CHROMIUM) -> bytes:
    """The PDF bytes Chromium prints from ``html``, made in a temporary folder that is then removed."""
    check_chromium(chromium)
    with tempfile.TemporaryDirectory(prefix="followup-handout-") as folder:
        page, pdf = Path(folder, "handout.html"), Path(folder, "handout.pdf")
        page.write_text(html, encoding="utf-8")
        command = [chromium, *CHROMIUM_OPTIONS, f"--user-data-dir={Path(folder, 'profile')}",
                   f"--print-to-pdf={pdf}", page.as_uri()]
        env = {**os.environ, "HOME": folder, "XDG_CONFIG_HOME": folder, "XDG_CACHE_HOME": folder}
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=PDF_SECONDS, env=env)
        except subprocess.TimeoutExpired:
            raise InputError("chromium", f"did not finish printing within {PDF_SECONDS} s",
                             "try again; if it keeps failing, print the HTML handout from a browser") from None
        except OSError as exc:
            raise InputError("chromium", f"{chromium} cannot be started ({exc.strerror})",
                             "reinstall Debian's 'chromium' package") from None
        if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1][:160]
            raise InputError("chromium", f"could not print the PDF (exit status {done.returncode}: {last})",
                             "check that 'chromium --version' works, or print the HTML handout from a browser")
        return pdf.read_bytes()
