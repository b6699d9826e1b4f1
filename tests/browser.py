"""Helpers for the browser tests: the system Chromium, JupyterLab's Run All, screenshots, axe.

Playwright drives Debian's Chromium (``/usr/bin/chromium``); no browser is ever
downloaded. Without that binary a test is skipped, unless ``WORKBOOK_REQUIRE_BROWSER=1``
(set by ``.ci/run``) makes that a failure.

The per-notebook interactions in :data:`STEPS` act only on the widgets' own DOM (their
``fc-*`` classes and the labels a learner reads), never on JupyterLab's panels, so the
same steps run in JupyterLab and in Voila.

Importing this module imports no Playwright: a function that needs it imports it itself.
"""

from __future__ import annotations

import json
import os
import re
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 1000}
#: Milliseconds to wait for a page, a kernel, a cell's output or a widget's answer.
WAIT_MS = 60_000
#: Signs of a failure that must never show on a page.
ERROR_TEXTS = ("Traceback", "Error displaying widget", "There was an error")
#: A widget's error line that is the designed state, not a failure: a learner's own widgets
#: (``CaseModel.for_learner()``) say so until the learner saves a case in notebook 00.
EXPECTED_ERROR_LINES = ("No case yet:",)
#: axe-core impacts that fail a test.
FAILING_IMPACTS = ("serious", "critical")


# --- the browser --------------------------------------------------------------------
def require_chromium() -> None:
    """Skip (or fail, with ``WORKBOOK_REQUIRE_BROWSER=1``) when the system Chromium is missing."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium package"
        if os.environ.get("WORKBOOK_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)


@contextmanager
def launched_browser():
    """The system Chromium, headless, under Playwright; closed at the end."""
    require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                             headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def new_page(browser, viewport: dict | None = None):
    """A fresh page (its own context: no cookies or storage shared) with the long default wait."""
    context = browser.new_context(viewport=viewport or VIEWPORT)
    context.set_default_timeout(WAIT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module (import this fixture into a test module to use it)."""
    with launched_browser() as launched:
        yield launched


@pytest.fixture
def page(browser):
    """A fresh page per test."""
    with new_page(browser) as fresh:
        yield fresh


# --- JupyterLab -----------------------------------------------------------------------
def lab_url(server, notebook_path: str) -> str:
    """The JupyterLab URL of a notebook (relative to the served ``notebooks/``), workspace reset."""
    return f"{server.base_url}/lab/tree/{notebook_path}?reset&token={server.token}"


def open_in_lab(page, server, notebook_path: str) -> None:
    """Open a notebook in JupyterLab and wait until its kernel is idle."""
    page.goto(lab_url(server, notebook_path))
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for()
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()
    page.locator("#jp-main-statusbar").get_by_text("Idle").wait_for()


def _no_dialog(page) -> None:
    dialog = page.locator(".jp-Dialog")
    if dialog.count():
        raise AssertionError(f"JupyterLab shows a dialog: {dialog.first.inner_text()!r}")


_ALL_EXECUTED = """() => {
  const cells = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')];
  return cells.length > 0 && cells.every(p => /\\[\\d+\\]/.test(p.textContent));
}"""


def run_all_cells(page, attempts: int = 3) -> None:
    """Run > Run All Cells in JupyterLab, then wait until every code cell has run and the kernel is idle.

    Clicks again if no cell started (the kernel was not yet connected).
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    started = page.locator(".jp-InputPrompt").filter(has_text=re.compile(r"\[(\d+|\*)\]"))
    for _ in range(attempts):
        _no_dialog(page)
        page.locator("#jp-MainMenu").get_by_text("Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells").first.click()
        try:
            started.first.wait_for(timeout=15_000)
            break
        except PlaywrightTimeout:
            _no_dialog(page)
            continue
    else:
        raise AssertionError(f"no cell ran after {attempts} times Run All Cells")
    page.wait_for_function(_ALL_EXECUTED, timeout=3 * WAIT_MS)
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()


def shut_down_kernels(server) -> None:
    """Delete every session (and so its kernel) of a server, so kernels do not pile up."""
    def call(method: str, path: str):
        request = urllib.request.Request(f"{server.base_url}{path}?token={server.token}", method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    for session in json.loads(call("GET", "/api/sessions")):
        call("DELETE", f"/api/sessions/{session['id']}")


# --- evidence and checks ----------------------------------------------------------------
def artifacts_dir() -> Path:
    """Where screenshots go: ``$FOLLOWUP_ARTIFACTS`` or ``build/test-artifacts/screenshots/`` (git-ignored)."""
    folder = Path(os.environ.get("FOLLOWUP_ARTIFACTS") or REPO / "build" / "test-artifacts" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_screenshot(page, name: str, locator=None) -> Path:
    """Save a PNG of the page (or of one element, scrolled into view) as ``<name>.png``; prints its path."""
    path = artifacts_dir() / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    if locator is None:
        page.screenshot(path=str(path))
    else:
        _element_screenshot(page, locator, path)
    print(f"screenshot: {path}")
    return path


def _element_screenshot(page, locator, path: Path) -> None:
    """A screenshot of one element, the window made tall enough for all of it meanwhile.

    JupyterLab scrolls a notebook inside its own panel, so an element taller than the
    window would come out with the menus and the status bar drawn over it.
    """
    size = page.viewport_size or VIEWPORT
    height = locator.bounding_box()["height"]
    tall = height + 400 > size["height"]
    if tall:
        page.set_viewport_size({"width": size["width"], "height": min(int(height) + 400, 12_000)})
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    try:
        locator.scroll_into_view_if_needed()
        locator.screenshot(path=str(path))
    finally:
        if tall:
            page.set_viewport_size(size)


_VISIBLE_ERROR_LINES = """() => [...document.querySelectorAll('.fc-error-line .fc-error')]
  .filter(e => e.offsetParent !== null && e.textContent.trim()).map(e => e.textContent.trim())"""


def assert_no_error_output(page, expected: tuple[str, ...] = EXPECTED_ERROR_LINES) -> None:
    """No traceback, no stderr output, no widget that failed to display, and no widget error line
    showing (the line of :class:`~followup_lib.widgets.base.CoachView`) other than ``expected`` ones.

    A message inside a widget's result (a script that still misses your name) is guidance,
    not an error line, and is not counted.
    """
    body = page.locator("body").inner_text()
    for sign in ERROR_TEXTS:
        assert sign not in body, f"{sign!r} shows on the page"
    stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    assert stderr.count() == 0, f"stderr output: {stderr.first.inner_text()[:500]}"
    shown = [line for line in page.evaluate(_VISIBLE_ERROR_LINES)
             if not any(line.lstrip("\u26a0 ").startswith(text) for text in expected)]
    assert not shown, f"a widget shows an error line: {shown}"


def _target(node: dict) -> str:
    return " ".join(str(part) for part in node.get("target", []))


def format_violations(violations: list[dict], shown_targets: int = 3) -> str:
    """Violations as readable lines: rule id, impact, help, the first few target selectors."""
    lines = []
    for v in violations:
        targets = [_target(node) for node in v["nodes"]]
        more = f" (+{len(targets) - shown_targets} more)" if len(targets) > shown_targets else ""
        lines.append(f"- {v['id']} [{v['impact']}] {v['help']}: {'; '.join(targets[:shown_targets])}{more}")
    return "\n".join(lines)


_SCROLLER = """(selector) => {
  let node = document.querySelector(selector);
  while (node && node !== document.body) {
    const style = getComputedStyle(node);
    if (/(auto|scroll)/.test(style.overflowY) && node.scrollHeight > node.clientHeight + 1) break;
    node = node.parentElement;
  }
  window.__axeScroller = (node && node !== document.body) ? node : document.scrollingElement;
  return [window.__axeScroller.scrollHeight, window.__axeScroller.clientHeight];
}"""


def _colour_contrast_everywhere(page, include: str) -> list[dict]:
    """axe's colour-contrast rule at every scroll position of the page (or of the notebook's scroller).

    axe judges colours only of what is on screen, so one run would leave out everything
    scrolled away: this scrolls through, a screen at a time, and merges what it finds.
    """
    height, screen = page.evaluate(_SCROLLER, include)
    found: dict[str, dict] = {}
    for top in range(0, max(height, 1), max(int(screen * 0.9), 200)):
        page.evaluate("(top) => { window.__axeScroller.scrollTop = top; }", top)
        result = page.evaluate("(include) => axe.run({include: [include]}, {runOnly: ['color-contrast'],"
                               " resultTypes: ['violations']})", include)
        for violation in result["violations"]:
            kept = found.setdefault(violation["id"], {**violation, "nodes": []})
            seen = {_target(node) for node in kept["nodes"]}
            kept["nodes"] += [node for node in violation["nodes"] if _target(node) not in seen]
    return list(found.values())


def check_accessibility(page, include: str, exclude: dict[str, list[str]] | None = None) -> list[dict]:
    """Run axe-core on the elements matching ``include``; fail on any serious or critical violation.

    Colour contrast is checked at every scroll position (see :func:`_colour_contrast_everywhere`).
    ``exclude`` maps an axe rule id to target selectors (substrings of axe's target) whose
    violations of that rule are known upstream problems: each entry needs a comment at the
    caller saying whose they are. Returns the violations of lesser impact, for a report.
    """
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate(Axe().axe_script)
    results = page.evaluate("(include) => axe.run({include: [include]}, {resultTypes: ['violations'],"
                            " rules: {'color-contrast': {enabled: false}}})", include)
    violations = results["violations"] + _colour_contrast_everywhere(page, include)
    exclude = exclude or {}
    failing, minor = [], []
    for violation in violations:
        skipped = exclude.get(violation["id"], [])
        nodes = [n for n in violation["nodes"] if not any(s in _target(n) for s in skipped)]
        if not nodes:
            continue
        kept = {**violation, "nodes": nodes}
        (failing if violation["impact"] in FAILING_IMPACTS else minor).append(kept)
    assert not failing, f"axe found serious or critical problems in {include}:\n{format_violations(failing)}"
    return minor


#: axe findings in a page that are JupyterLab's or ipywidgets', by rule and target.
UPSTREAM_AXE_EXCLUSIONS = {
    "aria-input-field-name": [
        # A code cell's CodeMirror 6 editor (.cm-content, role="textbox") has no accessible
        # name: JupyterLab 4 does not label its cell editors.
        ".cm-content",
        # ipywidgets' SelectionSlider (the scenario player's Day) is a noUiSlider whose
        # handle, role="slider", gets no accessible name (its <label> points nowhere);
        # the labelled Previous day / Next day buttons do the same job.
        ".noUi-handle",
    ],
    # The windowed notebook list (.jp-WindowedPanel-viewport, role="list" in JupyterLab 4)
    # holds the cells, which are not role="listitem".
    "aria-required-children": [".jp-WindowedPanel-viewport"],
    # A wide HTML output (the DataFrame of df.head() in 08) scrolls sideways inside
    # JupyterLab's output container, which takes no keyboard focus (jupyterlab/jupyterlab#8992).
    "scrollable-region-focusable": ['.jp-RenderedHTML.jp-mod-trusted[data-mime-type="text/html"]'],
}


# --- the interactions, one per notebook ---------------------------------------------------
def widget(page, css_class: str, nth: int = 0):
    """The ``nth`` widget of a class on the page (``fc-planner``, ...), once it has rendered."""
    found = page.locator(f".{css_class}").nth(nth)
    found.wait_for()
    return found


def _wait_until(holds, what: str, timeout_ms: int = WAIT_MS) -> None:
    """Poll ``holds()`` (a widget redraws asynchronously, replacing its elements) until it is true."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    while not holds():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout_ms / 1000:g} s for {what}")
        time.sleep(0.1)


def _wait_for_change(read, before, what: str, timeout_ms: int = WAIT_MS):
    """Poll ``read()`` until it differs from ``before``; returns the new value."""
    values = []
    _wait_until(lambda: values.append(read()) or values[-1] != before, f"{what} to change from {before!r}",
                timeout_ms)
    return values[-1]


def _image_source(locator) -> str | None:
    return locator.get_attribute("src") if locator.count() else None


def answer_first_question(page) -> None:
    """Knowledge check: answer question 1 (its first choice), press Check, expect graded feedback."""
    card = widget(page, "fc-kc-question")
    radios, boxes = card.get_by_role("radio"), card.get_by_role("checkbox")
    if radios.count():
        radios.first.check()
    elif boxes.count():
        boxes.first.check()
    else:
        card.locator("input[type=date]").fill("2026-11-30")
    card.get_by_role("button", name="Check").click()
    feedback = card.locator(".fc-feedback")
    feedback.wait_for()
    assert feedback.get_attribute("data-correct") in ("true", "false")
    assert re.search(r"Correct|Not quite", feedback.inner_text()), feedback.inner_text()
    card.get_by_role("button", name="Retry").wait_for()  # Check gave way to Retry
    score = widget(page, "fc-knowledge-check").locator(".fc-score")
    assert re.search(r"\(1 answered", score.inner_text()), score.inner_text()


def _check_environment_report(page) -> None:
    report = page.locator(".followup-env-report")
    report.wait_for()
    rows = report.locator("tbody tr")
    statuses = [rows.nth(i).locator("td").nth(3).inner_text().strip() for i in range(rows.count())]
    assert len(statuses) > 10, "the report should list Python, the packages and the command"
    assert all(status.startswith("OK") for status in statuses), statuses
    assert "all OK" in report.inner_text()


def steps_start_here(page):
    """00: the setup report is all OK; the planner answers a tick with a call option and an .ics link."""
    _check_environment_report(page)
    page.get_by_text("Send one follow-up email that adds something of value.").wait_for()
    planner = widget(page, "fc-planner")
    headline = planner.locator(".fc-headline")
    assert headline.inner_text().strip() == "Send your thank-you email now."
    assert planner.locator(".fc-plan tbody tr").count() >= 5
    assert "No call" in planner.locator(".fc-advice").inner_text()
    assert "call option" not in planner.locator(".fc-plan").inner_text()
    planner.get_by_label("Interviewer invited a call").check()
    planner.locator(".fc-plan").get_by_text("call option").wait_for()  # a call joins the plan
    link = planner.locator('a.fc-download[download="follow-up-plan.ics"]')
    assert link.get_attribute("href").startswith("data:text/calendar;base64,")
    answer_first_question(page)
    return planner


def steps_set_up(page):
    """01: answering a gap closes it; the learner's answers, added to the case, reach the planner."""
    example = widget(page, "fc-exit-checklist")
    headline = example.locator(".fc-headline")
    before = headline.inner_text()
    assert example.locator('li[data-item="channel"]').count() == 1
    example.get_by_label("Preferred channel").select_option("email")
    _wait_for_change(headline.inner_text, before, "the checklist's headline")
    assert example.locator('li[data-item="channel"]').count() == 0, "the channel gap should close"

    mine, planner = widget(page, "fc-exit-checklist", 1), widget(page, "fc-planner")
    mine.get_by_label("Decision timeline").select_option("one date")
    mine.get_by_label("Decision by", exact=True).fill("2026-12-04")
    mine.get_by_text("Fri 04 Dec 2026").first.wait_for()  # the date reached the checklist's result
    mine.get_by_role("button", name="Add to my case").click()
    mine.get_by_text("Added to your case").wait_for()
    decision = planner.get_by_label("Decision by", exact=True)
    _wait_for_change(decision.input_value, "", "the planner's decision date")
    assert decision.input_value() == "2026-12-04"
    answer_first_question(page)
    return example


def steps_thank_you(page):
    """02: typing a topic redraws the draft; a pasted draft is reviewed and its faults marked."""
    composer = widget(page, "fc-composer")
    composer.get_by_label("One topic").fill("the patient-flow forecast")
    composer.locator(".fc-draft-text").get_by_text("the patient-flow forecast").wait_for()

    reviewer = widget(page, "fc-reviewer")
    draft = ("Subject: Thank you\n\nDear Ms. Okafor,\n\nThanks for the interview. "
             "Please decide ASAP, I need an answer!!!\n\nZoë")
    reviewer.get_by_label("Your draft", exact=True).fill(draft)
    reviewer.get_by_role("button", name="Review").click()
    marked = reviewer.locator(".fc-marked")
    marked.get_by_text("Please decide").wait_for()  # the new text is the one shown
    assert marked.locator("mark").filter(has_text="ASAP").count() >= 1, marked.inner_html()[:500]
    assert "Fix" in reviewer.locator(".fc-verdict").inner_text()
    assert reviewer.locator(".fc-findings li").count() >= 2
    answer_first_question(page)
    return reviewer


def _timeline_verdict(timeline):
    verdict = timeline.locator(".fc-verdict")
    return verdict.inner_text


def steps_wait(page):
    """03: another send day changes the verdict; another day of advice redraws the chart."""
    timeline = widget(page, "fc-timeline-planner")
    chart = timeline.locator("img.fc-timeline-chart")
    chart.wait_for()
    assert chart.get_attribute("alt"), "the chart needs its text alternative"
    assert timeline.locator(".fc-verdict").get_attribute("data-timing") == "too_early"  # today, 24 Nov
    timeline.get_by_label("Send on").fill("2026-12-01")
    on_time = timeline.locator('.fc-verdict[data-timing="on_time"]')
    on_time.wait_for()
    assert "On time" in on_time.inner_text()
    source = chart.get_attribute("src")
    timeline.get_by_label("Advice for").fill("2026-11-30")
    _wait_for_change(lambda: _image_source(chart), source, "the timeline chart")
    answer_first_question(page)
    return timeline


def steps_follow_up(page):
    """04: another kind of message changes the verdict; another wording changes the follow-up."""
    timeline = widget(page, "fc-timeline-planner")
    read = _timeline_verdict(timeline)
    before = read()
    timeline.get_by_label("Message").select_option("phone call")
    _wait_for_change(read, before, "the verdict on a call")
    composer = widget(page, "fc-composer")
    text = composer.locator(".fc-draft-text")
    assert "ticketing-study" in text.inner_text()  # the value-add link is in the draft
    before_text = text.inner_text()
    composer.get_by_label("Wording").select_option("2")
    _wait_for_change(text.inner_text, before_text, "the follow-up draft")
    answer_first_question(page)
    return composer


def steps_call(page):
    """05: a later day turns "not yet" into a call; ticking "invited" reaches the learner's planner."""
    monday = widget(page, "fc-call-decider")
    verdict = monday.locator(".fc-call-verdict")
    assert verdict.get_attribute("data-status") == "not_yet"
    assert monday.locator(".fc-not-yet").count() == 1
    monday.get_by_label("Decide for").fill("2026-11-30")
    monday.locator('.fc-call-verdict[data-status="yes"]').wait_for()
    assert monday.locator(".fc-not-yet").count() == 0
    script = monday.locator('.fc-spoken[data-kind="call_script"]')
    assert "Zoë O'Neill" in script.inner_text()
    assert script.locator(".fc-time").get_attribute("data-within") == "true"

    mine, planner = widget(page, "fc-call-decider", 2), widget(page, "fc-planner")
    invited = planner.get_by_label("Interviewer invited a call")
    assert not invited.is_checked()
    mine.get_by_label("The interviewer invited me to call").check()
    _wait_until(invited.is_checked, "the planner to show the call invitation")
    answer_first_question(page)
    return monday


def _segment_redraws(meter, label: str, choice: str) -> None:
    plot = meter.locator("img.fc-plot")
    plot.wait_for()
    source = plot.get_attribute("src")
    meter.get_by_label(label).select_option(label=choice)
    _wait_for_change(lambda: _image_source(plot), source, f"the plot after choosing {choice!r}")


def steps_one_more(page):
    """06: an HR contact reaches the second attempt; Show the chance draws the odds, a segment redraws them."""
    composer = widget(page, "fc-composer")
    composer.get_by_label("HR contact").fill("Mr. Diaz")
    composer.locator(".fc-draft-text").get_by_text("Mr. Diaz").first.wait_for()
    meter = widget(page, "fc-silence-meter")
    assert meter.locator(".fc-silence").count() == 1
    meter.get_by_role("button", name="Show the chance").click()
    meter.locator(".fc-chance").wait_for()
    _segment_redraws(meter, "Industry", "healthcare")
    answer_first_question(page)
    return meter


def steps_silence(page):
    """07: the meter shows the chance straight away; another company size redraws it."""
    meter = widget(page, "fc-silence-meter")
    meter.locator(".fc-chance").wait_for()
    _segment_redraws(meter, "Company size", "large companies (1,000+ staff)")
    answer_first_question(page)
    return meter


def steps_data_lab(page):
    """08: the explorer switches from the waiting curve to the decision rates, words and plot."""
    explorer = widget(page, "fc-outcome-explorer")
    plot, words = explorer.locator("img.fc-plot"), explorer.locator(".fc-words")
    plot.wait_for()
    source, before = plot.get_attribute("src"), words.inner_text()
    explorer.get_by_role("button", name="Decision rates").click()
    _wait_for_change(words.inner_text, before, "the explorer's words")
    assert "An association, not a cause" in words.inner_text()
    _wait_for_change(lambda: _image_source(plot), source, "the explorer's plot")
    answer_first_question(page)
    return explorer


def steps_scenario_studio(page):
    """Studio: Next day moves the scenario on (new heading, advice); Reset brings back the first day."""
    player = widget(page, "fc-scenario-player")
    heading = player.locator(".fc-day")
    first = heading.inner_text()
    assert player.get_by_role("button", name="Previous day").is_disabled()
    player.get_by_role("button", name="Next day").click()
    _wait_for_change(heading.inner_text, first, "the scenario's day")
    assert player.get_by_role("button", name="Previous day").is_enabled()
    player.get_by_role("button", name="Reset").click()
    _wait_until(lambda: heading.inner_text() == first, "Reset to bring back the first day")
    return player


#: One interaction per notebook (paths relative to ``notebooks/``); each returns its main widget.
STEPS = {
    "00-start-here.ipynb": steps_start_here,
    "01-set-up-during-the-interview.ipynb": steps_set_up,
    "02-thank-you.ipynb": steps_thank_you,
    "03-wait-out-the-timeline.ipynb": steps_wait,
    "04-follow-up-by-email.ipynb": steps_follow_up,
    "05-call-only-when-warranted.ipynb": steps_call,
    "06-one-more-attempt.ipynb": steps_one_more,
    "07-read-the-silence.ipynb": steps_silence,
    "08-data-lab.ipynb": steps_data_lab,
    "instructor/scenario-studio.ipynb": steps_scenario_studio,
}
