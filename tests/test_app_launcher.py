"""``./workbook app``: the options it takes and the Voila command it builds (tools/app.py).

No server starts here; tests/test_apps_browser.py serves the apps for real.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import load_tool

REPO = Path(__file__).resolve().parents[1]




app = load_tool("app")


def _options(*argv: str):
    return app.checked(app.parse(list(argv)))


def test_listens_on_this_computer_only_by_default_with_no_token():
    options = _options()
    command = app.voila_command(options)
    assert "--Voila.ip=127.0.0.1" in command
    assert not any(part.startswith("--Voila.token") for part in command)
    assert app.app_url(options) == "http://127.0.0.1:8866/voila/render/apps.ipynb"


@pytest.mark.parametrize("ip", ["0.0.0.0", "192.168.1.20", "::", "fd00::5"])
def test_another_address_always_gets_a_token(ip):
    options = _options("--ip", ip)
    assert options.token and len(options.token) >= 20
    command = app.voila_command(options)
    assert f"--Voila.token={options.token}" in command
    assert app.app_url(options).endswith(f"?token={options.token}")


def test_two_generated_tokens_differ():
    assert _options("--ip", "0.0.0.0").token != _options("--ip", "0.0.0.0").token


@pytest.mark.parametrize("ip", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_addresses_need_no_token(ip):
    assert _options("--ip", ip).token is None


def test_an_empty_token_is_refused_off_this_computer():
    with pytest.raises(app.AppError, match=r"--ip 0\.0\.0\.0 .*needs a token"):
        _options("--ip", "0.0.0.0", "--token", " ")


def test_a_given_token_is_kept():
    options = _options("--ip", "10.0.0.4", "--token", "workshop-7f3a")
    assert options.token == "workshop-7f3a"
    assert app.app_url(options) == "http://10.0.0.4:8866/voila/render/apps.ipynb?token=workshop-7f3a"


def test_ipv6_addresses_are_bracketed_in_the_url():
    assert app.app_url(_options("--ip", "fd00::5", "--token", "t" * 24)).startswith("http://[fd00::5]:8866/")


@pytest.mark.parametrize(("argv", "flag"), [(["--port", "0"], "--port 0"), (["--port", "70000"], "--port 70000"),
                                            (["--pool", "-1"], "--pool -1"),
                                            (["notebooks/no-such.ipynb"], "no notebook 'notebooks/no-such.ipynb'"),
                                            (["README.md"], "no notebook 'README.md'")])
def test_bad_options_name_the_option_and_the_fix(argv, flag):
    with pytest.raises(app.AppError) as caught:
        _options(*argv)
    assert str(caught.value).startswith(flag)
    assert "e.g." in str(caught.value) or "give" in str(caught.value)


def test_bad_options_print_one_line_and_exit_2_without_a_traceback():
    run = subprocess.run([sys.executable, str(REPO / "tools" / "app.py"), "--port", "0"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.startswith("workbook app: --port 0")
    assert "Traceback" not in run.stderr


def test_one_notebook_is_served_alone_at_the_root():
    options = _options(str(REPO / "notebooks" / "03-wait-out-the-timeline.ipynb"))
    command = app.voila_command(options)
    assert command[3].endswith("03-wait-out-the-timeline.ipynb")
    assert app.app_url(options) == "http://127.0.0.1:8866/"


def test_pool_zero_turns_preheating_off_and_a_pool_sets_its_size():
    assert "--VoilaConfiguration.preheat_kernel=False" in app.voila_command(_options("--pool", "0"))
    assert "--VoilaConfiguration.default_pool_size=3" in app.voila_command(_options("--pool", "3"))


def test_projector_reaches_the_kernels_environment():
    assert app.environment(_options("--projector"))[app.PROJECTOR_VARIABLE] == "1"
    assert app.environment(_options()).get(app.PROJECTOR_VARIABLE) == os.environ.get(app.PROJECTOR_VARIABLE)


def test_projector_variable_turns_projector_mode_on_in_a_new_session():
    code = "from followup_lib.projector_mode import projector_on; print(projector_on())"
    env = {"FOLLOWUP_PROJECTOR": "1", "PATH": ""}
    on = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, timeout=60)
    off = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PATH": ""}, cwd=REPO,
                         timeout=60)
    assert (on.stdout.strip(), off.stdout.strip()) == ("True", "False"), on.stderr + off.stderr


def test_app_settings_hide_tagged_cells_and_reword_errors():
    settings = json.loads((REPO / "voila.json").read_text(encoding="utf-8"))
    assert settings["TagRemovePreprocessor"]["remove_cell_tags"] == ["hide-in-app"]
    message = settings["VoilaExecutor"]["cell_error_instruction"]
    assert "show_tracebacks" not in message and "instructor" in message
    assert settings["VoilaConfiguration"]["show_tracebacks"] is False
    assert settings["VoilaConfiguration"]["preheat_kernel"] is True


def test_a_port_in_use_is_refused_with_another_to_try():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(app.AppError, match=rf"--port {port} is in use .*--port {port + 1}"):
            app.check_can_listen(_options("--port", str(port)))
    app.check_can_listen(_options("--port", str(port)))  # free again once closed
    with pytest.raises(app.AppError, match=r"--ip 192\.0\.2\.254: this computer cannot listen there"):
        app.check_can_listen(_options("--ip", "192.0.2.254", "--port", str(port)))
    assert "--Voila.port_retries=0" in app.voila_command(_options())  # Voila never moves port on its own


def test_the_address_to_share_names_this_computer_on_the_network():
    options = _options("--ip", "0.0.0.0")
    shared = app.app_url(options, host="192.168.1.20")
    assert shared == f"http://192.168.1.20:8866/voila/render/apps.ipynb?token={options.token}"
    address = app.network_address()
    assert address is None or not ipaddress.ip_address(address).is_loopback
