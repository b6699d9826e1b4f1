"""Time from request to first usable widget for every app, cold and warm, in a real browser.

Serves the workbook the way ``./workbook app`` does (tools/app.py, voila.json) from a
temporary copy of ``notebooks/``, and opens every app in headless Chromium (the system's
``/usr/bin/chromium``) in a fresh browser context, as a participant's first visit would:

- **cold**: no preheated kernel (``--pool 0``): the kernel starts and the notebook runs
  when the page is asked for;
- **warm**: app mode's default, a preheated kernel per app (``--pool 1``) that has
  already run the notebook; measured once every pool is filled.

For each app it reports the seconds until the first widget of the workbook is on the page
and responds (its root element is visible and a button or input in it is enabled), and
until the whole page is usable (its last widget, the knowledge check, is there). The start
page has no widget: its time is until its links show. "Today" is fixed as in the tests.

Run: ``python benchmarks/bench_apps.py [--rounds N]``
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

import app as workbook_app  # noqa: E402
from notebook_nav import APPS_PAGE, ORDER  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
#: The root element of every widget of the workbook (CoachView subclasses).
WIDGETS = ", ".join(f".fc-{name}" for name in (
    "planner", "exit-checklist", "composer", "reviewer", "timeline-planner", "call-decider",
    "silence-meter", "outcome-explorer", "scenario-player", "knowledge-check"))
USABLE = ", ".join(f"{tag}:enabled:visible" for tag in ("button", "input", "select", "textarea"))
TIMEOUT_MS = 180_000


def _serve(root: Path, port: int, pool: int, log: Path) -> subprocess.Popen:
    options = workbook_app.checked(workbook_app.parse(["--port", str(port), "--pool", str(pool), "--root", str(root)]))
    env = workbook_app.environment(options)
    with open(log, "wb") as out:
        process = subprocess.Popen(workbook_app.voila_command(options), cwd=REPO, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    if workbook_app.wait_until_up(workbook_app.ready_url(options), process):
        return process
    process.kill()
    raise RuntimeError(f"Voila did not start:\n{log.read_text(errors='replace')}")


def _wait_for_pools(log: Path, apps: list[str], seconds: float = 600) -> None:
    """Wait until Voila's log says every app's kernel pool is filled."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        filled = set(re.findall(r"Kernel pool of (\S+) is filled", log.read_text(errors="replace")))
        if set(apps) <= filled:
            return
        time.sleep(1)
    raise RuntimeError("the kernel pools did not fill")


def _visit(browser, url: str, has_widgets: bool) -> tuple[float, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    if has_widgets:
        first = page.locator(WIDGETS).first
        first.wait_for(timeout=TIMEOUT_MS)
        first.locator(USABLE).first.wait_for(timeout=TIMEOUT_MS)
        first_seconds = time.perf_counter() - start
        page.locator(".fc-knowledge-check, .fc-scenario-player").last.wait_for(timeout=TIMEOUT_MS)
    else:
        page.locator("a[href$='.ipynb']").first.wait_for(timeout=TIMEOUT_MS)
        first_seconds = time.perf_counter() - start
    whole = time.perf_counter() - start
    context.close()
    return first_seconds, whole


def _measure(browser, base: str, apps: list[str], rounds: int, pause: float) -> dict[str, list[tuple[float, float]]]:
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in apps}
    for _ in range(rounds):
        for name in apps:
            times[name].append(_visit(browser, f"{base}/voila/render/{name}", name != APPS_PAGE))
            time.sleep(pause)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="visits per app and mode (default 2)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("FOLLOWUP_TODAY", "2026-11-24")
    apps = [APPS_PAGE, *(name for name in ORDER if (REPO / "notebooks" / name).exists())]
    results = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        os.environ["FOLLOWUP_WORK_DIR"] = str(Path(tmp) / "my-work")
        root = Path(tmp) / "notebooks"
        shutil.copytree(REPO / "notebooks", root, ignore=shutil.ignore_patterns("my-work", ".ipynb_checkpoints"))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for mode, pool in (("cold", 0), ("warm", 1)):
            log = Path(tmp) / f"voila-{mode}.log"
            process = _serve(root, 8890 + pool, pool, log)
            try:
                if pool:
                    _wait_for_pools(log, apps)
                # warm: a pause lets the pool refill (1 s delay, then one run of the notebook)
                results[mode] = _measure(browser, f"http://127.0.0.1:{8890 + pool}", apps, args.rounds,
                                         pause=8.0 if pool else 0.0)
            finally:
                process.terminate()
                process.wait(timeout=30)
        browser.close()
    _report(apps, results)


def _report(apps: list[str], results: dict) -> None:
    print(f"{'app':<40} {'cold first':>10} {'cold page':>10} {'warm first':>10} {'warm page':>10}  (median s)")
    for name in apps:
        row = [statistics.median(times[index] for times in results[mode][name])
               for mode in ("cold", "warm") for index in (0, 1)]
        print(f"{name:<40} " + " ".join(f"{value:10.2f}" for value in row))
    for mode in ("cold", "warm"):
        firsts = [statistics.median(t[0] for t in results[mode][name]) for name in apps]
        print(f"{mode}: first widget median over apps {statistics.median(firsts):.2f} s, worst {max(firsts):.2f} s")


if __name__ == "__main__":
    main()
