"""Importing the library stays light: no plotting, survival analysis or widgets.

Each check runs in a fresh interpreter, because this test process has long since
imported everything.  The heavy packages may be imported only inside the functions
(or the plot and widget modules) that need them.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "followup_lib"
HEAVY = ("matplotlib", "lifelines", "ipywidgets")

_PROBE = """
import importlib, json, sys
failed = {}
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = f"{type(exc).__name__}: {exc}"
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(%r))
print(json.dumps({"heavy": heavy, "failed": failed}))
""" % (HEAVY,)


def _etiquette_modules() -> list[str]:
    found = pkgutil.iter_modules([str(PACKAGE_DIR / "etiquette")])
    return sorted(f"followup_lib.etiquette.{m.name}" for m in found)


def _import_in_fresh_python(modules: list[str]) -> dict:
    result = subprocess.run([sys.executable, "-c", _PROBE, *modules],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_there_are_etiquette_modules_to_check():
    assert "followup_lib.etiquette.params" in _etiquette_modules()


@pytest.mark.parametrize("modules", [
    ["followup_lib"],
    ["followup_lib", "followup_lib.errors", "followup_lib.setup_check"],
    ["followup_lib.etiquette", *_etiquette_modules()],
], ids=["package", "errors-and-checks", "etiquette"])
def test_import_pulls_in_no_heavy_package(modules):
    found = _import_in_fresh_python(modules)
    assert found["failed"] == {}, "these modules do not import"
    assert found["heavy"] == [], f"importing {modules} loaded {found['heavy']}"


def test_probe_detects_a_heavy_import():
    """The probe itself works: importing matplotlib directly is seen."""
    found = _import_in_fresh_python(["matplotlib"])
    assert found["heavy"] == ["matplotlib"]


def test_every_public_name_resolves_and_is_listed():
    """Each name in ``followup_lib.__all__`` imports (lazily) from the package itself."""
    import followup_lib

    missing = [name for name in followup_lib.__all__ if not hasattr(followup_lib, name)]
    assert missing == []
    assert set(followup_lib.__all__) <= set(dir(followup_lib))


def test_an_unknown_public_name_is_an_attribute_error():
    import followup_lib

    with pytest.raises(AttributeError, match="has no attribute 'advice'"):
        followup_lib.advice  # noqa: B018


_TIMED = """
import time
start = time.perf_counter()
import followup_lib
print(time.perf_counter() - start)
"""


def test_package_import_is_fast():
    """``import followup_lib`` takes well under 10 ms (best of five fresh interpreters; the
    benchmark bench_import.py reports the median)."""
    times = [float(subprocess.run([sys.executable, "-c", _TIMED], capture_output=True, text=True,
                                  timeout=60, check=True).stdout) for _ in range(5)]
    assert min(times) < 0.010, times
