#!/usr/bin/env python3
"""Give JupyterLab's own Voila (``/voila/render/...``) app mode's settings, from voila.json.

``./workbook app`` runs Voila on its own, which reads ``voila.json`` from the folder it
starts in. On Binder or a JupyterHub, apps are served instead by the Voila extension of
the Jupyter server that runs JupyterLab: it takes only the ``VoilaConfiguration`` part of
that file, and the rest (cells tagged ``hide-in-app`` left out, the plain-words error
message) only from the server's own configuration. This script merges every section of
``voila.json`` into ``jupyter_server_config.json`` in the user's Jupyter configuration
folder (``jupyter --config-dir``; ``JUPYTER_CONFIG_DIR`` moves it), keeping whatever else
that file holds. ``postBuild`` runs it on Binder.

Usage: ``python tools/install_app_config.py [--config-dir DIR]``
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ROOT / "voila.json"
SERVER_CONFIG = "jupyter_server_config.json"


def merged(current: dict, settings: dict) -> dict:
    """``current`` with every section of ``settings`` merged in (settings win, key by key).

    >>> merged({"ServerApp": {"x": 1}, "VoilaExecutor": {"a": 1, "b": 2}}, {"VoilaExecutor": {"b": 3}})
    {'ServerApp': {'x': 1}, 'VoilaExecutor': {'a': 1, 'b': 3}}
    """
    result = {section: dict(values) if isinstance(values, dict) else values for section, values in current.items()}
    for section, values in settings.items():
        base = result.get(section)
        result[section] = {**base, **values} if isinstance(base, dict) else dict(values)
    return result


def default_config_dir() -> Path:
    from jupyter_core.paths import jupyter_config_dir

    return Path(jupyter_config_dir())


def install(config_dir: Path, settings_path: Path = SETTINGS) -> Path:
    """Merge ``settings_path`` into ``config_dir/jupyter_server_config.json``; returns that path."""
    settings = json.loads(settings_path.read_text(encoding="utf-8"))
    target = config_dir / SERVER_CONFIG
    current = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    if not isinstance(current, dict):
        raise SystemExit(f"install_app_config: {target} is not a JSON object: fix or move it, then run this again")
    config_dir.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".json.part")
    temporary.write_text(json.dumps(merged(current, settings), indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-dir", type=Path, help="Jupyter configuration folder (default: jupyter --config-dir)")
    args = parser.parse_args(argv)
    try:
        target = install(args.config_dir or default_config_dir())
    except (OSError, json.JSONDecodeError) as err:
        print(f"install_app_config: {err}", file=sys.stderr)
        return 1
    print(f"install_app_config: app-mode settings merged into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
