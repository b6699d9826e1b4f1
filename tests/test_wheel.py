"""A wheel built from this checkout carries every file of followup_lib, and its command runs.

The wheel is built offline (``--no-build-isolation --no-index``, with the setuptools of the
test extra) from a copy of the project's own files, so that a stale ``build/`` folder can
neither leak into it nor be left in the checkout. It is installed with ``--target`` into
a folder of its own, and everything below runs from there, with the working directory
outside the repository: nothing can come from the checkout by accident.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_packaging import REPO

pytestmark = pytest.mark.slow

PACKAGE = "followup_lib"
#: Folders and files under followup_lib/ that are not part of the package.
_NOT_PACKAGED = ("__pycache__", ".ipynb_checkpoints")
MIN_SETUPTOOLS = (77,)


def _package_files(root: Path) -> set[str]:
    """Every file of the package under ``root``, as paths relative to ``root``."""
    found = set()
    for path in (root / PACKAGE).rglob("*"):
        parts = path.relative_to(root).parts
        if path.is_file() and not any(p in _NOT_PACKAGED or p.startswith(".") for p in parts):
            if path.suffix != ".pyc":
                found.add("/".join(parts))
    return found


def _run(command: list[str], *, cwd: Path, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The folder the built wheel was installed into (``pip install --target``)."""
    import setuptools

    if tuple(int(p) for p in setuptools.__version__.split(".")[:1]) < MIN_SETUPTOOLS:
        pytest.fail(f"setuptools {setuptools.__version__} is older than the test extra asks: ./workbook setup")
    base = tmp_path_factory.mktemp("wheel")
    source, wheels, target = base / "source", base / "dist", base / "installed"
    source.mkdir()
    for item in REPO.iterdir():  # the project's top-level files (pyproject, README, LICENSE, ...)
        if item.is_file():
            shutil.copy2(item, source / item.name)
    shutil.copytree(REPO / PACKAGE, source / PACKAGE, ignore=shutil.ignore_patterns(*_NOT_PACKAGED, "*.pyc"))
    quiet = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    pip = [sys.executable, "-m", "pip"]
    _run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(wheels), str(source)],
         cwd=base, env=quiet)
    (wheel,) = wheels.glob("followup_coach-*.whl")
    _run([*pip, "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)], cwd=base, env=quiet)
    return target


@pytest.fixture(scope="module")
def outside(tmp_path_factory) -> Path:
    """A working directory outside the repository, holding a copy of the example case."""
    folder = tmp_path_factory.mktemp("elsewhere")
    shutil.copy2(REPO / "examples" / "case.json", folder / "case.json")
    return folder


@pytest.fixture(scope="module")
def env(installed) -> dict:
    """The environment that makes Python see the installed copy first."""
    return {**os.environ, "PYTHONPATH": str(installed), "PYTHONDONTWRITEBYTECODE": "1",
            "FOLLOWUP_WORK_DIR": str(installed.parent / "my-work")}


def _python(code: str, *, env: dict, cwd: Path) -> str:
    return _run([sys.executable, "-c", code], cwd=cwd, env=env).stdout


def test_the_package_is_imported_from_the_installed_copy(installed, env, outside):
    where = Path(_python("import followup_lib; print(followup_lib.__file__)", env=env, cwd=outside).strip())
    assert where.resolve().is_relative_to(installed.resolve()), f"followup_lib came from {where}"


def test_every_file_of_the_checkout_is_installed(installed):
    expected = _package_files(REPO)
    assert any(not name.endswith(".py") for name in expected), "no data files found in the checkout"
    missing = sorted(expected - _package_files(installed))
    assert missing == [], "add their suffixes to [tool.setuptools.package-data] in pyproject.toml"


def test_installed_command_shows_its_help(installed, env, outside):
    done = _run([str(installed / "bin" / "followup"), "--help"], cwd=outside, env=env)
    assert "usage: followup" in done.stdout
    for command in ("advise", "plan", "draft", "review", "anonymise", "analyse"):
        assert command in done.stdout


def test_installed_command_plans_a_case(installed, env, outside):
    done = _run([str(installed / "bin" / "followup"), "plan", "--case", "case.json", "--today", "2026-11-20",
                 "--format", "json"], cwd=outside, env=env)
    plan = json.loads(done.stdout)
    assert "2026-11-24" in done.stdout, "the follow-up falls due two business days after Fri 20 Nov"
    assert plan, "an empty plan"


def test_installed_command_drafts_from_its_templates(installed, env, outside):
    done = _run([str(installed / "bin" / "followup"), "draft", "thank_you", "--case", "case.json",
                 "--name", "Sam Roe", "--interviewer", "Ms. Lee", "--position", "Analyst", "--company", "Acme",
                 "--topic", "the dashboard"], cwd=outside, env=env)
    assert "Analyst" in done.stdout and "Sam Roe" in done.stdout and "the dashboard" in done.stdout


def test_installed_data_files_load_through_the_public_api(installed, env, outside):
    code = """
import json
from pathlib import Path
import followup_lib as fc

presets = fc.preset_scenarios()
questions = fc.load_questions("02-thank-you")
review = fc.review_draft("Thank you for your time today. I hope to hear back soon.", "thank_you")
print(json.dumps({"scenarios": len(presets), "questions": len(questions),
                  "findings": len(review.findings),
                  "applications": len(fc.load_applications()),
                  "scenario_file": str(Path(fc.load_scenario.__code__.co_filename))}))
"""
    result = json.loads(_python(code, env=env, cwd=outside))
    assert result["scenarios"] >= 9 and result["questions"] >= 3 and result["findings"] >= 1
    assert result["applications"] > 1000, "the shipped dataset"
    assert Path(result["scenario_file"]).resolve().is_relative_to(installed.resolve())
