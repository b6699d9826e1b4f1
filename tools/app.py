#!/usr/bin/env python3
"""Serve the workbook as code-free apps with Voila: what ``./workbook app`` runs.

``./workbook app`` serves every notebook of ``notebooks/`` as an app and prints the
address of the start page (``apps.ipynb``: the stage apps in order, each with its key
points); ``./workbook app notebooks/03-wait-out-the-timeline.ipynb`` serves one.

What app mode changes is in ``voila.json`` at the project's root, which Voila reads from
the folder it starts in (this script starts it there):

- cells tagged ``hide-in-app`` are left out (Shift+Enter tips, raw checked values);
- a failing cell shows a plain-words message instead of "run with --show_tracebacks";
- kernels are preheated: each app's notebook is already run in a waiting kernel (a
  pool of ``--pool`` kernels per app; ``--pool 0`` turns preheating off).
- the page leaves out the JupyterLab extensions an app has no use for
  (``extension_denylist``: the slides extension, whose code fails outside JupyterLab, and
  the notebook-preview button).

The server listens on 127.0.0.1 unless ``--ip`` says otherwise; any other address needs
a token, generated when ``--token`` is not given, and printed in the address to share.
``--projector`` starts every app in projector style (large text for a room).

The tests and the benchmark start servers with :func:`voila_command`, as this does.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
import webbrowser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
START_PAGE = "apps.ipynb"
DEFAULT_PORT = 8866
LOOPBACK_NAMES = {"localhost"}
#: Environment variable that starts every widget in projector style (followup_lib.projector_mode).
PROJECTOR_VARIABLE = "FOLLOWUP_PROJECTOR"


class AppError(Exception):
    """A bad option, with the message to print."""


def is_loopback(ip: str) -> bool:
    """True for an address only this computer can reach (127.0.0.1, ::1, localhost)."""
    if ip in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="./workbook app", description="Serve the workbook as code-free apps (Voila).")
    parser.add_argument("notebook", nargs="?", help="one notebook to serve (default: all, with the start page)")
    parser.add_argument("--ip", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this computer only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--token", help="token the address must carry (generated when --ip is not loopback)")
    parser.add_argument("--pool", type=int, default=1,
                        help="preheated kernels waiting per app (default 1; 0 turns preheating off)")
    parser.add_argument("--projector", action="store_true", help="large text for a projector")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument("--root", type=Path, default=NOTEBOOKS, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def checked(options: argparse.Namespace) -> argparse.Namespace:
    """The options, with a token when one is needed; :class:`AppError` for a bad one."""
    if not 0 < options.port < 65536:
        raise AppError(f"--port {options.port}: give a port between 1 and 65535, e.g. --port {DEFAULT_PORT}")
    if options.pool < 0:
        raise AppError(f"--pool {options.pool}: give 0 (no preheating) or more kernels per app, e.g. --pool 2")
    if options.token is not None and not options.token.strip():
        if not is_loopback(options.ip):
            raise AppError(f"--ip {options.ip} lets other computers in: it needs a token; "
                           "leave out --token to have one generated")
        options.token = None
    if options.token is None and not is_loopback(options.ip):
        options.token = secrets.token_urlsafe(18)
    if options.notebook:
        path = Path(options.notebook)
        if path.suffix != ".ipynb" or not path.is_file():
            raise AppError(f"no notebook '{options.notebook}': give a path such as "
                           "notebooks/03-wait-out-the-timeline.ipynb")
    return options


def voila_command(options: argparse.Namespace, *, python: str = sys.executable) -> list[str]:
    """The Voila command line for ``options`` (run it with ``cwd=ROOT`` so voila.json applies)."""
    target = str(Path(options.notebook).resolve()) if options.notebook else str(Path(options.root).resolve())
    command = [python, "-m", "voila", target, "--no-browser", f"--Voila.ip={options.ip}",
               f"--port={options.port}"]
    if options.token:
        command.append(f"--Voila.token={options.token}")
    if options.pool == 0:
        command.append("--VoilaConfiguration.preheat_kernel=False")
    else:
        command.append(f"--VoilaConfiguration.default_pool_size={options.pool}")
    return command


def environment(options: argparse.Namespace) -> dict[str, str]:
    """The server's environment (its kernels inherit it)."""
    env = dict(os.environ)
    if options.projector:
        env[PROJECTOR_VARIABLE] = "1"
    return env


def _base_url(options: argparse.Namespace) -> str:
    """``http://HOST:PORT`` with a host this computer can reach the server at."""
    host = "127.0.0.1" if is_loopback(options.ip) or options.ip in ("0.0.0.0", "::") else options.ip
    return f"http://[{host}]:{options.port}" if ":" in host else f"http://{host}:{options.port}"


def app_url(options: argparse.Namespace) -> str:
    """The address to open: the start page, or the one notebook's app."""
    base = _base_url(options)
    path = "/" if options.notebook else f"/voila/render/{START_PAGE}"
    return base + path + (f"?token={options.token}" if options.token else "")


def ready_url(options: argparse.Namespace) -> str:
    """A static file of Voila's: answering means the server is up (no kernel is used up)."""
    return _base_url(options) + "/voila/static/voila.js"


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return True
        except OSError:
            time.sleep(0.5)
    return False


def main(argv: list[str] | None = None) -> int:
    try:
        options = checked(parse(argv))
    except AppError as err:
        print(f"workbook app: {err}", file=sys.stderr)
        return 2
    process = subprocess.Popen(voila_command(options), cwd=ROOT, env=environment(options))
    signal.signal(signal.SIGTERM, lambda *_: process.terminate())
    url = app_url(options)
    try:
        if _wait_until_up(ready_url(options), process):
            print(f"\nworkbook app: the apps are ready at\n\n    {url}\n", flush=True)
            if not is_loopback(options.ip):
                print("workbook app: share that address (with its token) with participants;"
                      " find this computer's address with `hostname -I`.\n", flush=True)
            if not options.no_browser:
                webbrowser.open(url)
        return process.wait()
    except KeyboardInterrupt:
        process.send_signal(signal.SIGINT)
        return process.wait()


if __name__ == "__main__":
    sys.exit(main())
