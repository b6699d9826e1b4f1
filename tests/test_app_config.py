"""App mode on Binder or a JupyterHub: JupyterLab's own Voila gets voila.json's settings.

tools/install_app_config.py merges them into the user's Jupyter server configuration
(postBuild runs it); here a real Jupyter server, configured that way, renders a notebook
at ``/voila/render/...`` with the ``hide-in-app`` cells left out.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import load_tool

from tests.conftest import _free_port, _jupyter_env, running

REPO = Path(__file__).resolve().parents[1]




installer = load_tool("install_app_config")


def test_merges_into_an_existing_server_config_and_keeps_the_rest(tmp_path):
    (tmp_path / "jupyter_server_config.json").write_text(json.dumps(
        {"ServerApp": {"root_dir": "/srv"}, "VoilaExecutor": {"timeout": 30}}))
    target = installer.install(tmp_path)
    written = json.loads(target.read_text())
    settings = json.loads((REPO / "voila.json").read_text())
    assert written["ServerApp"] == {"root_dir": "/srv"}
    assert written["VoilaExecutor"]["timeout"] == 30
    assert written["TagRemovePreprocessor"] == settings["TagRemovePreprocessor"]
    assert written["VoilaExecutor"]["cell_error_instruction"] == settings["VoilaExecutor"]["cell_error_instruction"]
    assert installer.install(tmp_path).read_text() == target.read_text()  # running it twice changes nothing


def test_a_config_file_that_is_not_an_object_is_refused_untouched(tmp_path):
    (tmp_path / "jupyter_server_config.json").write_text("[1, 2]")
    with pytest.raises(SystemExit, match="is not a JSON object"):
        installer.install(tmp_path)
    assert (tmp_path / "jupyter_server_config.json").read_text() == "[1, 2]"


def test_postbuild_installs_the_app_settings():
    assert "python tools/install_app_config.py" in (REPO / "postBuild").read_text()


@pytest.mark.slow
def test_jupyterlabs_voila_leaves_out_hide_in_app_cells(tmp_path):
    home = tmp_path / "home"
    env = _jupyter_env(home)
    installer.install(Path(env["JUPYTER_CONFIG_DIR"]))
    served = tmp_path / "served"
    shutil.copytree(REPO / "notebooks", served / "notebooks", ignore=shutil.ignore_patterns("my-work", ".ipynb_checkpoints"))
    port, token = _free_port(), secrets.token_hex(8)
    argv = [sys.executable, "-m", "jupyter_server", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--port={port}",
            f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={served}"]
    if os.geteuid() == 0:
        argv.append("--allow-root")
    base = f"http://127.0.0.1:{port}"
    with running(argv, cwd=served, env=env, ready_url=f"{base}/api/status?token={token}", log=tmp_path / "server.log"):
        url = f"{base}/voila/render/notebooks/03-wait-out-the-timeline.ipynb?token={token}"
        with urllib.request.urlopen(url, timeout=180) as response:
            page = response.read().decode("utf-8")
    assert "Wait out the timeline" in page and "fc.TimelinePlanner(" not in page  # rendered, code hidden
    assert "Thanksgiving Day\\u0027" not in page, "a hide-in-app cell's output is on the page"
    assert "Shift+Enter" not in page, "the hide-in-app 'What you'll need' cell is on the page"
