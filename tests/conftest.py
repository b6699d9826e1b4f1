"""Fixtures for the browser tests: JupyterLab and Voila servers on loopback.

Each server serves a temporary copy of ``notebooks/`` (so a test never writes into the
repository), listens on 127.0.0.1 on a free port with a random token, keeps its Jupyter
configuration and runtime files in a temporary folder, and is stopped at the end.
Nothing here imports a heavy package: the test modules import Playwright themselves.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# The one setting that fixes "today" (followup_lib.clock): the tests, the notebooks under
# nbval and the pages the browser tests load all see the same day, whatever the date.
TEST_TODAY = "2026-11-24"
os.environ["FOLLOWUP_TODAY"] = TEST_TODAY
# Saves made while testing (a notebook's Save, a copied scenario) go to a temporary learner
# folder, never into the repository's notebooks/my-work.
os.environ["FOLLOWUP_WORK_DIR"] = tempfile.mkdtemp(prefix="followup-test-work-")
STARTUP_SECONDS = 60


@dataclass(frozen=True)
class Server:
    """A running server: where it listens and the URL of the notebook it shows."""

    base_url: str
    token: str
    notebook_url: str
    log: Path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _jupyter_env(home: Path) -> dict[str, str]:
    """Environment with this Python's tools first and Jupyter's files kept in ``home``."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    for name, folder in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                         ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython")):
        (home / folder).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / folder)
    _write_lab_settings(home / "lab-settings")
    return env


def _write_lab_settings(folder: Path) -> None:
    """No news pop-ups; every cell kept in the page (no windowing), so tests can see it."""
    settings = {
        ("apputils-extension", "notification"): {"fetchNews": "false", "checkForUpdates": False},
        ("notebook-extension", "tracker"): {"windowingMode": "none"},
    }
    for (extension, plugin), values in settings.items():
        path = folder / "@jupyterlab" / extension / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def _wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server not up after {STARTUP_SECONDS} s:\n{log.read_text()}")


def _stop(process: subprocess.Popen) -> None:
    """Stop a server and its kernels (its own process group), politely then firmly."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


@contextmanager
def running(command: list[str], *, cwd: Path, env: dict[str, str], ready_url: str, log: Path):
    """Start a server (its own process group, output to ``log``), wait until ``ready_url``
    answers, yield its process, and always stop it and its kernels."""
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_until_up(ready_url, process, log)
        yield process
    finally:
        _stop(process)


def _serve(tmp_path: Path, argv: list[str], token_option: str, ready_path: str,
           notebook_path: str):
    home = tmp_path / "jupyter-home"
    served = tmp_path / "served"
    shutil.copytree(REPO / "notebooks", served / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    port, token = _free_port(), secrets.token_hex(16)
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "server.log"
    with running([sys.executable, "-m", *argv, f"--port={port}", f"{token_option}={token}"],
                 cwd=served / "notebooks", env=_jupyter_env(home), ready_url=f"{base}{ready_path}?token={token}",
                 log=log):
        yield Server(base, token, f"{base}{notebook_path}?token={token}", log)


def _lab_argv(home: Path) -> list[str]:
    argv = ["jupyterlab", "--ServerApp.ip=127.0.0.1", "--ServerApp.open_browser=False",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            f"--LabApp.user_settings_dir={home / 'lab-settings'}",
            f"--LabApp.workspaces_dir={home / 'workspaces'}"]
    if os.geteuid() == 0:
        argv.append("--allow-root")
    return argv


@pytest.fixture
def jupyterlab_server(tmp_path):
    """JupyterLab serving a copy of ``notebooks/``; yields a :class:`Server`."""
    yield from _serve(tmp_path, _lab_argv(tmp_path / "jupyter-home"), "--IdentityProvider.token",
                      "/api/status", "/lab/tree/00-start-here.ipynb")


@pytest.fixture(scope="module")
def jupyterlab_module_server(tmp_path_factory):
    """One JupyterLab for a whole test module (every notebook of the copy); stopped at its end."""
    tmp_path = tmp_path_factory.mktemp("lab")
    yield from _serve(tmp_path, _lab_argv(tmp_path / "jupyter-home"), "--IdentityProvider.token",
                      "/api/status", "/lab/tree/00-start-here.ipynb")


@pytest.fixture
def voila_server(tmp_path):
    """Voila showing ``00-start-here.ipynb`` as an app; yields a :class:`Server`."""
    connections = tmp_path / "jupyter-home" / "connections"
    connections.mkdir(parents=True)
    argv = ["voila", "00-start-here.ipynb", "--no-browser", "--Voila.ip=127.0.0.1",
            f"--Voila.connection_dir_root={connections}"]
    yield from _serve(tmp_path, argv, "--Voila.token", "/voila/static/voila.js", "/")
