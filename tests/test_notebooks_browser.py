"""The first notebook in a real browser: JupyterLab and Voila in headless Chromium.

Playwright drives the system's Chromium (``/usr/bin/chromium``, Debian's package); no
browser is ever downloaded.  Without that binary these tests are skipped, unless
``WORKBOOK_REQUIRE_BROWSER=1`` (set by ``.ci/run``) makes that a failure.  Each test
saves a screenshot to its temporary folder and a copy to the system's temp folder,
whose path it prints.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
#: Milliseconds to wait for a page, a kernel or the notebook's outputs.
WAIT_MS = 60_000
#: The last cell's output: when it shows, every cell has run.
LAST_OUTPUT = "Send one follow-up email that adds something of value."


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's 'chromium' package"
        if os.environ.get("WORKBOOK_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(WAIT_MS)
    yield context.new_page()
    context.close()


def _screenshot(page, tmp_path: Path, name: str) -> Path:
    """Screenshot the environment report in tmp_path, and a copy in the temp folder."""
    page.locator(".followup-env-report").scroll_into_view_if_needed()
    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot))
    copy = Path(tempfile.gettempdir()) / f"followup-{name}.png"
    shutil.copyfile(shot, copy)
    print(f"screenshot: {copy}")
    return shot


def _status_cells(page) -> list[str]:
    rows = page.locator(".followup-env-report tbody tr")
    return [rows.nth(i).locator("td").nth(3).inner_text().strip() for i in range(rows.count())]


def _run_all_cells(page, attempts: int = 3) -> None:
    """Click Run > Run All Cells; again if no cell started (kernel not yet connected)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    executed = page.locator(".jp-InputPrompt").filter(has_text=re.compile(r"\[\d+\]"))
    for _ in range(attempts):
        page.locator("#jp-MainMenu").get_by_text("Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells").first.click()
        try:
            executed.first.wait_for(timeout=15_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"no cell ran after {attempts} times Run All Cells")


def test_jupyterlab_runs_the_start_notebook(jupyterlab_server, page, tmp_path):
    page.goto(jupyterlab_server.notebook_url)
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()
    page.locator("#jp-main-statusbar").get_by_text("Idle").wait_for()
    _run_all_cells(page)
    page.locator(".followup-env-report").wait_for()
    page.get_by_text(LAST_OUTPUT).wait_for()
    statuses = _status_cells(page)
    _screenshot(page, tmp_path, "jupyterlab-00-start-here")
    assert len(statuses) > 10, "the report should list Python, the packages and the command"
    assert all(status.startswith("OK") for status in statuses), statuses
    assert "all OK" in page.locator(".followup-env-report").inner_text()
    page.locator(".fc-planner .fc-headline").wait_for()  # the planner widget rendered in JupyterLab too
    assert page.locator(".fc-planner .fc-plan tbody tr").count() >= 5
    assert "Traceback" not in page.locator(".jp-Notebook").inner_text()


def test_voila_shows_the_start_notebook_as_an_app(voila_server, page, tmp_path):
    page.goto(voila_server.notebook_url)
    page.locator(".followup-env-report").wait_for()
    page.get_by_text(LAST_OUTPUT).wait_for()
    statuses = _status_cells(page)
    _screenshot(page, tmp_path, "voila-00-start-here")
    body = page.locator("body").inner_text()
    assert statuses and all(status.startswith("OK") for status in statuses), statuses
    for sign_of_failure in ("Traceback", "There was an error", "Error:"):
        assert sign_of_failure not in body
    assert "check_setup()" not in body, "app mode should hide the code"


def test_voila_planner_answers_a_click(voila_server, page, tmp_path):
    """The planner form works in app mode: ticking 'invited a call' permits a call."""
    page.goto(voila_server.notebook_url)
    headline = page.locator(".fc-planner .fc-headline")
    headline.wait_for()
    assert headline.inner_text().strip() == "Send your thank-you email now."
    assert "No call" in page.locator(".fc-planner .fc-advice").inner_text()
    assert "call option" not in page.locator(".fc-planner .fc-plan").inner_text()
    page.get_by_label("Interviewer invited a call").check()
    page.locator(".fc-planner .fc-plan").get_by_text("call option").wait_for()  # a call joins the plan
    link = page.locator("a.fc-download")
    assert link.get_attribute("download") == "follow-up-plan.ics"
    assert link.get_attribute("href").startswith("data:text/calendar;base64,")
    page.locator(".fc-plan").scroll_into_view_if_needed()
    shot = tmp_path / "voila-planner.png"
    page.screenshot(path=str(shot))
    shutil.copyfile(shot, Path(tempfile.gettempdir()) / "followup-voila-planner.png")
    assert "Traceback" not in page.locator("body").inner_text()
