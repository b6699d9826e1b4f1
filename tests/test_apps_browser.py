"""App mode in headless Chromium: the workbook served as ``./workbook app`` serves it.

The servers start through tools/app.py (the same options, the same voila.json) on a free
localhost port with a token, serving a temporary copy of ``notebooks/``, and are always
stopped. Every app is loaded, driven with the same interactions as in JupyterLab
(:data:`tests.browser.STEPS`), checked for errors, code, raw values and cells that app
mode hides, screenshotted, and checked with axe-core (the whole page: in app mode all of
it is ours or Voila's). Most tests run without preheated kernels, so that each page runs
its own notebook; one test checks that a preheated kernel serves its app.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import load_tool

from tests.browser import (STEPS, UPSTREAM_AXE_EXCLUSIONS, assert_no_error_output, browser,  # noqa: F401
                           check_accessibility, new_page, save_screenshot)
from tests.conftest import _free_port, _jupyter_env, running

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[1]
#: Text that only cells tagged hide-in-app carry: app mode must leave them out.
HIDDEN_IN_APPS = ("Shift+Enter", "What you'll need", "set-up cell")




app = load_tool("app")


class AppServer:
    """A running app server: its base URL, its token and its log."""

    def __init__(self, base: str, token: str, log: Path):
        self.base, self.token, self.log = base, token, log

    def url(self, path: str = "") -> str:
        return f"{self.base}{path}?token={self.token}"


@contextmanager
def serving(tmp: Path, *argv: str, notebooks: Path = REPO / "notebooks"):
    """Serve a copy of ``notebooks`` (or one notebook given in ``argv``) as ./workbook app does."""
    root = tmp / "served" / "notebooks"
    shutil.copytree(notebooks, root, ignore=shutil.ignore_patterns("my-work", ".ipynb_checkpoints"))
    port, token = _free_port(), secrets.token_hex(16)
    given = [str(root / name) if name.endswith(".ipynb") else name for name in argv]
    options = app.checked(app.parse([*given, "--port", str(port), "--token", token, "--root", str(root)]))
    env = {**_jupyter_env(tmp / "jupyter-home"), **app.environment(options)}
    connections = tmp / "connections"
    connections.mkdir()
    log = tmp / "voila.log"
    with running([*app.voila_command(options), f"--Voila.connection_dir_root={connections}"],
                 cwd=REPO, env=env, ready_url=app.ready_url(options), log=log):
        yield AppServer(f"http://127.0.0.1:{port}", token, log)


@pytest.fixture(scope="module")
def apps(tmp_path_factory):
    """Every app, no preheated kernels (each page runs its notebook when asked for)."""
    with serving(tmp_path_factory.mktemp("apps"), "--pool", "0") as server:
        yield server


#: The only outside addresses an app page asks for: Voila's lab template links Font Awesome
#: from a CDN, though its own bundle carries the same font, so the icons draw offline too.
OUTSIDE_REQUESTS_ALLOWED = ("https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@",)


@contextmanager
def console_errors(page):
    """Block every request off this computer (a workshop room may be offline) and collect
    the page's script errors, console errors and failed requests (a list, filled as they come)."""
    found: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            request_route.continue_()
            return
        if not url.startswith(OUTSIDE_REQUESTS_ALLOWED):
            found.append(f"outside request: {url}")
        request_route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: found.append(f"page error: {error}"))
    page.on("console", lambda message: found.append(f"console: {message.text}")
            if message.type == "error" and "net::ERR_FAILED" not in message.text else None)
    yield found


def _assert_app_page(page) -> None:
    """No error, no code, no raw Python value, none of the cells app mode hides."""
    assert_no_error_output(page)
    body = page.locator("body").inner_text()
    assert "import followup_lib" not in body and "fc." not in body, "app mode shows code"
    raw = page.locator('.jp-OutputArea-output[data-mime-type="text/plain"], '
                       '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stdout"]')
    assert raw.count() == 0, f"a raw value shows: {raw.first.inner_text()[:200]!r}"
    for text in HIDDEN_IN_APPS:
        assert text not in body, f"{text!r}: a cell tagged hide-in-app shows"


def test_start_page_lists_every_app_in_order_and_opens_them(apps, browser):  # noqa: F811
    order = [name for name in load_tool("notebook_nav").ORDER if (REPO / "notebooks" / name).exists()]
    with new_page(browser) as page:
        page.goto(apps.url("/voila/render/apps.ipynb"))
        links = page.locator("h3 a[href$='.ipynb']")
        links.first.wait_for()
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == order
        assert page.get_by_text("You will learn:").count() == len(order)
        _assert_app_page(page)
        save_screenshot(page, "app-start-page")
        check_accessibility(page, "body", exclude=UPSTREAM_AXE_EXCLUSIONS)
        page.get_by_role("link", name="Stage 3: Wait out the timeline").click()
        page.wait_for_url(re.compile(r"/voila/render/03-wait-out-the-timeline\.ipynb"))
        page.locator(".fc-timeline-planner").first.wait_for()


@pytest.mark.parametrize("notebook", list(STEPS))
def test_app(notebook, apps, browser):  # noqa: F811
    with new_page(browser) as page, console_errors(page) as errors:
        page.goto(apps.url(f"/voila/render/{notebook}"))
        page.locator(".fc-knowledge-check, .fc-scenario-player").last.wait_for()  # the last widget is there
        main_widget = STEPS[notebook](page)
        _assert_app_page(page)
        assert errors == [], "the page's scripts failed:\n" + "\n".join(errors)
        name = "app-" + notebook.removesuffix(".ipynb").replace("/", "-")
        save_screenshot(page, name + "-widget", main_widget)
        save_screenshot(page, name)
        check_accessibility(page, "body", exclude=UPSTREAM_AXE_EXCLUSIONS)


def _data_link(page, filename: str) -> tuple[str, bytes]:
    link = page.locator(f'a.fc-download[download="{filename}"]')
    link.wait_for()
    found = re.fullmatch(r"data:([^;]+);base64,(.*)", link.get_attribute("href"), re.DOTALL)
    assert found, f"{filename}: not a data: link"
    return found[1], base64.b64decode(found[2])


def test_downloads_work_in_app_mode(apps, browser):  # noqa: F811
    """Voila serves no files of the notebook folder: each download is a data: link, saved by a click."""
    with new_page(browser) as page:
        page.goto(apps.url("/voila/render/00-start-here.ipynb"))
        page.locator(".fc-planner .fc-plan tbody tr").first.wait_for()
        due = [cell.strip() for cell in page.locator(".fc-planner .fc-plan tbody tr td:first-child").all_inner_texts()]
        wanted = {"follow-up-plan.ics": "text/calendar", "follow-up-case.json": "application/json",
                  "follow-up-handout.html": "text/html"}
        for filename, mime in wanted.items():
            found_mime, payload = _data_link(page, filename)
            assert found_mime == mime
            with page.expect_download() as download:
                page.locator(f'a.fc-download[download="{filename}"]').click()
            saved = Path(download.value.path()).read_bytes()
            assert download.value.suggested_filename == filename and saved == payload
        assert b"BEGIN:VCALENDAR" in _data_link(page, "follow-up-plan.ics")[1]
        assert "interview_end" in json.loads(_data_link(page, "follow-up-case.json")[1])
        handout = _data_link(page, "follow-up-handout.html")[1].decode("utf-8")
        assert due and all(day in handout for day in due if day)


def test_a_failing_cell_shows_plain_words_not_voilas_instruction(tmp_path, browser):  # noqa: F811
    broken = tmp_path / "broken"
    broken.mkdir()
    notebook = {"cells": [{"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": None, "outputs": [],
                           "source": "raise ValueError('this cell fails on purpose')"}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    (broken / "broken.ipynb").write_text(json.dumps(notebook))
    with serving(tmp_path, "broken.ipynb", "--pool", "0", notebooks=broken) as server, new_page(browser) as page:
        page.goto(server.url("/"))
        page.get_by_text("This part of the page could not be shown.").wait_for()
        body = page.locator("body").inner_text()
        save_screenshot(page, "app-failing-cell")
    assert "show_tracebacks" not in body and "--debug" not in body
    assert "Traceback" not in body and "on purpose" not in body


def test_a_preheated_kernel_serves_the_app(tmp_path, browser):  # noqa: F811
    with serving(tmp_path, "03-wait-out-the-timeline.ipynb") as server:
        deadline = time.monotonic() + 180
        while "is filled with 1 kernel" not in server.log.read_text(errors="replace"):
            assert time.monotonic() < deadline, "the kernel pool did not fill"
            time.sleep(0.5)
        with new_page(browser) as page:
            page.goto(server.url("/"))
            page.locator(".fc-timeline-planner img.fc-timeline-chart").first.wait_for()
            _assert_app_page(page)
        assert "Using pre-heated kernel" in server.log.read_text(errors="replace")


def test_projector_option_enlarges_the_scenario_studio(tmp_path, browser):  # noqa: F811
    """The presenter path that needs no slides: the studio as an app in projector style."""
    with serving(tmp_path, "instructor/scenario-studio.ipynb", "--pool", "0", "--projector") as server, \
            new_page(browser, viewport={"width": 1920, "height": 1080}) as page:
        page.goto(server.url("/"))
        player = page.locator(".fc-scenario-player.fc-projector").first
        player.wait_for()
        save_screenshot(page, "app-scenario-studio-projector")
        day, page_size = player.evaluate("""(e) => [parseFloat(getComputedStyle(e.querySelector('.fc-day')).fontSize),
                                                     parseFloat(getComputedStyle(document.body).fontSize)]""")
        assert day >= 1.45 * page_size, f"projector text should be 150% of the page's: {day}px vs {page_size}px"

