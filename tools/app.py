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
import errno
import ipaddress
import os
import secrets
import signal
import socket
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


def check_can_listen(options: argparse.Namespace) -> None:
    """:class:`AppError` unless the server can listen on ``--ip`` and ``--port`` right now."""
    family = socket.AF_INET6 if ":" in options.ip else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((options.ip, options.port))
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                raise AppError(f"--port {options.port} is in use (are the apps already running?): "
                               f"give another, e.g. --port {options.port + 1}") from None
            raise AppError(f"--ip {options.ip}: this computer cannot listen there ({err.strerror}); "
                           "give one of its own addresses, or 0.0.0.0 for all of them") from None


def network_address() -> str | None:
    """This computer's address on its local network (no packet is sent), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # a documentation address: only picks the outgoing interface
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if ipaddress.ip_address(address).is_loopback else address


def voila_command(options: argparse.Namespace, *, python: str = sys.executable) -> list[str]:
    """The Voila command line for ``options`` (run it with ``cwd=ROOT`` so voila.json applies)."""
    target = str(Path(options.notebook).resolve()) if options.notebook else str(Path(options.root).resolve())
    command = [python, "-m", "voila", target, "--no-browser", f"--Voila.ip={options.ip}",
               f"--port={options.port}", "--Voila.port_retries=0"]
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


def app_url(options: argparse.Namespace, host: str | None = None) -> str:
    """The address to open (on ``host``, default this computer): the start page, or the one app."""
    base = _base_url(options) if host is None else f"http://{host}:{options.port}"
    path = "/" if options.notebook else f"/voila/render/{START_PAGE}"
    return base + path + (f"?token={options.token}" if options.token else "")


def ready_url(options: argparse.Namespace) -> str:
    """A static file of Voila's: answering means the server is up (no kernel is used up)."""
    return _base_url(options) + "/voila/static/voila.js"


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 120) -> bool:
    """Poll ``url`` until it answers (True), or ``process`` ends or ``seconds`` pass (False)."""
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
        check_can_listen(options)
    except AppError as err:
        print(f"workbook app: {err}", file=sys.stderr)
        return 2
    process = subprocess.Popen(voila_command(options), cwd=ROOT, env=environment(options))
    signal.signal(signal.SIGTERM, lambda *_: process.terminate())
    url = app_url(options)
    try:
        if wait_until_up(ready_url(options), process):
            print(f"\nworkbook app: the apps are ready at\n\n    {url}\n", flush=True)
            if not is_loopback(options.ip):
                shared = network_address() if options.ip in ("0.0.0.0", "::") else options.ip
                where = (f"give participants this address (on the same network as this computer):\n\n"
                         f"    {app_url(options, host=shared)}\n" if shared else
                         "participants use the address above with this computer's network address"
                         " in place of 127.0.0.1\n")
                print(f"workbook app: {where}", flush=True)
            print("workbook app: keep this window open while the apps are in use; Ctrl+C stops them.\n",
                  flush=True)
            if not options.no_browser:
                webbrowser.open(url)
        return process.wait()
    except KeyboardInterrupt:
        process.send_signal(signal.SIGINT)
        return process.wait()


if __name__ == "__main__":
    sys.exit(main())
