"""The first notebook as a Voila app, in headless Chromium.

Playwright drives the system's Chromium (see :mod:`tests.browser`, whose ``browser`` and
``page`` fixtures these tests use); no browser is ever downloaded. The same notebook in
JupyterLab is ``test_notebook_in_jupyterlab[00-start-here.ipynb]`` in
``tests/test_lab_browser.py`` (its environment report, planner and calendar link).
Each test saves a screenshot to its temporary folder and a copy to the system's temp
folder, whose path it prints.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.browser import browser, page  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: The last cell's output: when it shows, every cell has run.
LAST_OUTPUT = "Send one follow-up email that adds something of value."


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
    link = page.locator('a.fc-download[download="follow-up-plan.ics"]')  # the case and handout have links too
    assert link.get_attribute("download") == "follow-up-plan.ics"
    assert link.get_attribute("href").startswith("data:text/calendar;base64,")
    page.locator(".fc-plan").scroll_into_view_if_needed()
    shot = tmp_path / "voila-planner.png"
    page.screenshot(path=str(shot))
    shutil.copyfile(shot, Path(tempfile.gettempdir()) / "followup-voila-planner.png")
    assert "Traceback" not in page.locator("body").inner_text()
