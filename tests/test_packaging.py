"""pyproject.toml and environment.yml declare the same packages; the console script works.

The conda file (environment.yml, conda-forge) and the pip file (pyproject.toml) are two
ways to install the same workbook, so a package added to one and forgotten in the other
fails here.
"""

from __future__ import annotations

import importlib
import importlib.metadata as metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]

#: pip name -> conda-forge name, where they differ.
CONDA_NAMES = {"tzdata": "python-tzdata"}
#: Entries of environment.yml that are not packages of pyproject.toml.
CONDA_ONLY = {"python", "pip"}
#: Packages environment.yml installs with pip: not on conda-forge, or (repo2docker) installed as its docs do.
PIP_SECTION = {"simplemma", "harper-py", "jupyterlab-rise", "axe-playwright-python", "jupyter-repo2docker"}

_SPEC = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*?)\s*$")


def _load_pyproject() -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10 has no tomllib
        tomllib = pytest.importorskip(
            "tomli", reason="Python 3.10 has no tomllib and tomli is not installed")
    with open(REPO / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)


def _split(requirement: str) -> tuple[str, str]:
    """Return (normalised name, specifier without spaces) of one requirement line."""
    match = _SPEC.match(requirement)
    assert match, f"cannot read requirement {requirement!r}"
    name = re.sub(r"[-_.]+", "-", match[1]).lower()
    return name, match[2].replace(" ", "")


def _lower_bound(specifier: str) -> str | None:
    found = re.search(r">=\s*([^,\s]+)", specifier)
    return found.group(1) if found else None


def python_pin(specifier: str) -> str:
    """The X.Y of environment.yml's ``python =X.Y`` (the one form repo2docker reads)."""
    found = re.fullmatch(r"=(\d+\.\d+)(?:\.\*)?", specifier)
    assert found, f"environment.yml: pin python to one minor version, as 'python =3.11', not {specifier!r}"
    return found[1]


def pip_section(environment: dict) -> list[str]:
    """The requirement lines of environment.yml's one pip section."""
    sections = [e["pip"] for e in environment["dependencies"] if isinstance(e, dict)]
    assert len(sections) == 1, "environment.yml: one pip section"
    return sections[0]


@pytest.fixture(scope="module")
def pyproject() -> dict:
    return _load_pyproject()


@pytest.fixture(scope="module")
def pip_packages(pyproject) -> dict[str, str]:
    """pyproject's run-time and test packages, by conda-forge name, with specifiers."""
    lines = pyproject["project"]["dependencies"] + pyproject["project"][
        "optional-dependencies"]["test"]
    packages = dict(_split(line) for line in lines)
    return {CONDA_NAMES.get(name, name): spec for name, spec in packages.items()}


@pytest.fixture(scope="module")
def environment() -> dict:
    with open(REPO / "environment.yml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def conda_packages(environment) -> dict[str, str]:
    """environment.yml's packages: conda-forge's, and those its pip section installs from PyPI."""
    entries = [e for e in environment["dependencies"] if isinstance(e, str)]
    pip_entries = [e for e in pip_section(environment) if not e.startswith("-")]  # not pip options
    return dict(_split(entry) for entry in entries + pip_entries)


def test_environment_is_named_and_on_conda_forge(environment):
    assert environment["name"] == "followup-coach"
    assert environment["channels"] == ["conda-forge"]


def test_both_files_declare_the_same_packages(pip_packages, conda_packages):
    conda = set(conda_packages) - CONDA_ONLY
    assert conda - set(pip_packages) == set(), "in environment.yml only"
    assert set(pip_packages) - conda == set(), "in pyproject.toml only"


def test_lower_bounds_agree(pip_packages, conda_packages):
    differ = {name: (spec, conda_packages[name]) for name, spec in pip_packages.items()
              if _lower_bound(spec) != _lower_bound(conda_packages.get(name, ""))}
    assert differ == {}, "pyproject.toml vs environment.yml lower bounds"


def test_python_range_agrees(pyproject, conda_packages):
    """environment.yml pins one Python (for repo2docker) inside pyproject's requires-python."""
    from packaging.specifiers import SpecifierSet

    pinned = python_pin(conda_packages["python"])
    assert pinned in SpecifierSet(pyproject["project"]["requires-python"]), "outside requires-python"


def test_pip_section_holds_only_what_conda_forge_lacks(environment):
    """Nothing else goes through pip; not the project either (postBuild installs it: tests/test_binder.py)."""
    assert {_split(e)[0] for e in pip_section(environment)} == PIP_SECTION


def test_followup_console_script_resolves_to_a_callable(pyproject):
    target = pyproject["project"]["scripts"]["followup"]
    module_name, _, attribute = target.partition(":")
    function = getattr(importlib.import_module(module_name), attribute)
    assert callable(function)


def test_installed_console_script_matches_pyproject(pyproject):
    try:
        scripts = metadata.distribution("followup-coach").entry_points
    except metadata.PackageNotFoundError:
        pytest.skip("followup-coach is not installed (run ./workbook setup)")
    declared = {ep.name: ep.value for ep in scripts if ep.group == "console_scripts"}
    assert declared == pyproject["project"]["scripts"], "reinstall: ./workbook setup"


def test_notebook_kernel_runs_this_python():
    """nbval starts the ``python3`` kernel spec: it must run in this (the venv's) Python."""
    kernel_manager = pytest.importorskip("jupyter_client.manager")
    manager = kernel_manager.KernelManager(kernel_name="python3")
    command = manager.format_kernel_cmd()
    probe = subprocess.run([command[0], "-c", "import sys; print(sys.prefix)"],
                           capture_output=True, text=True, timeout=60)
    assert probe.stdout.strip() == sys.prefix, (
        f"the python3 kernel spec in {manager.kernel_spec.resource_dir} starts "
        f"{command[0]}, not this environment's Python: run the tests with ./workbook test")
