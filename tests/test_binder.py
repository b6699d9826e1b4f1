"""The repository builds as it is on Binder (repo2docker), and agrees with pyproject.toml.

repo2docker itself renders the Dockerfile here (``--no-build``: no Docker engine is
needed), so the test sees what Binder will do: which build pack it picks, which Python,
and in which order it installs environment.yml, copies the repository and runs
postBuild. What it checks, and why:

- environment.yml is installed *before* the repository is copied in (repo2docker does so
  only when the pip section names no local path such as ``-e .``), so the environment
  layer is reused until environment.yml changes;
- the Python repo2docker reads (only a ``python =X.Y`` pin counts) is the pinned one and
  lies inside ``requires-python``;
- every package of pyproject.toml, run-time and test, is in environment.yml with the
  same lower bound, as repo2docker's own YAML reader sees the file;
- postBuild is executable, stops at the first failure and installs the project;
- .dockerignore keeps a local build free of the venv and of learners' saved work.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_packaging import (  # noqa: F401  (pyproject, pip_packages, environment are fixtures)
    CONDA_ONLY,
    REPO,
    _lower_bound,
    _split,
    environment,
    pip_packages,
    pip_section,
    pyproject,
    python_pin,
)

#: The platform repo2docker renders for (mybinder.org builds on linux/amd64).
PLATFORM = "linux/amd64"
#: The first notebook Binder opens, and the files repo2docker must see.
FIRST_NOTEBOOK = "notebooks/00-start-here.ipynb"


def _repo2docker():
    return pytest.importorskip("repo2docker.app", reason="jupyter-repo2docker is in the test extra: ./workbook setup")


@pytest.fixture(scope="module")
def rendered() -> tuple[str, str]:
    """(Dockerfile, log) that ``repo2docker --no-build`` writes for this checkout."""
    _repo2docker()
    command = [sys.executable, "-m", "repo2docker", "--no-build", f"--Repo2Docker.platform={PLATFORM}",
               "--user-id", "1000", "--user-name", "jovyan", str(REPO)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPO,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 0, f"repo2docker could not render the Dockerfile:\n{done.stderr}"
    return done.stdout, done.stderr


@pytest.fixture(scope="module")
def buildpack():
    """The build pack repo2docker picks for this checkout, found as its app does."""
    app = _repo2docker().Repo2Docker()
    cwd = Path.cwd()
    os.chdir(REPO)  # build packs look for their files in the current directory
    try:
        picked = next(bp for bp in (BP(base_image=app.base_image) for BP in app.buildpacks) if bp.detect())
        picked.platform = PLATFORM
        picked.environment_yaml, picked.get_build_script_files()  # read (and cached) here
    finally:
        os.chdir(cwd)
    return picked


def _line(dockerfile: str, pattern: str) -> int:
    """The number of the first line of the Dockerfile that matches ``pattern``."""
    for number, line in enumerate(dockerfile.splitlines()):
        if re.search(pattern, line):
            return number
    raise AssertionError(f"no line of the Dockerfile matches {pattern!r}")


def test_repo2docker_builds_with_conda_from_environment_yml(buildpack, rendered):
    from repo2docker.buildpacks import CondaBuildPack

    assert type(buildpack) is CondaBuildPack, f"repo2docker would use {type(buildpack).__name__}"
    assert buildpack.environment_yaml_path == "environment.yml", "no binder/ or .binder/ folder may hide it"
    dockerfile, _ = rendered
    _line(dockerfile, r'env update -p \$\{NB_PYTHON_PREFIX\} --file "environment\.yml"')


def test_environment_is_installed_before_the_repository_is_copied(rendered):
    """A local path in the pip section (``-e .``) would move the install after the copy."""
    dockerfile, _ = rendered
    copy_env = _line(dockerfile, r"^COPY .* src/environment\.yml \$\{REPO_DIR\}/environment\.yml$")
    install = _line(dockerfile, r"env update .* --file \"environment\.yml\"")
    copy_repo = _line(dockerfile, r"^COPY .* src/ \$\{REPO_DIR\}/$")
    post_build = _line(dockerfile, r"^RUN \./postBuild$")
    assert copy_env < install < copy_repo < post_build


def test_pip_section_names_no_local_path(environment):
    from repo2docker.utils import is_local_pip_requirement

    local = [line for line in pip_section(environment) if is_local_pip_requirement(line)]
    assert local == [], "install the project in postBuild, not from environment.yml"


def test_repo2docker_reads_the_pinned_python(buildpack, rendered, pyproject):
    from packaging.specifiers import SpecifierSet

    environment_python = next(e for e in buildpack.environment_yaml["dependencies"]
                              if isinstance(e, str) and _split(e)[0] == "python")
    pinned = python_pin(_split(environment_python)[1])
    assert buildpack.python_version == pinned
    assert pinned in SpecifierSet(pyproject["project"]["requires-python"])
    _, log = rendered
    assert "Python version unspecified" not in log
    assert f"Building conda environment for python={pinned}" in log
    assert f"conda/environment.py-{pinned}-linux-64.lock" in buildpack.get_build_script_files(), (
        f"this repo2docker has no base environment for Python {pinned}")


def test_repo2docker_sees_every_pyproject_package(buildpack, pip_packages):
    """Run-time and test packages, read with repo2docker's own parser of environment.yml."""
    dependencies = buildpack.environment_yaml["dependencies"]
    pip_lines = next(d["pip"] for d in dependencies if isinstance(d, dict))
    declared = dict(_split(str(e)) for e in [*dependencies, *pip_lines] if isinstance(e, str))
    missing = set(pip_packages) - set(declared)
    assert missing == set(), "add to environment.yml"
    differ = {name: (spec, declared[name]) for name, spec in pip_packages.items()
              if _lower_bound(spec) != _lower_bound(declared[name])}
    assert differ == {}, "pyproject.toml vs environment.yml lower bounds"
    assert set(declared) - set(pip_packages) - CONDA_ONLY == set(), "in environment.yml only"


def test_post_build_installs_the_project_and_stops_on_failure():
    script = REPO / "postBuild"
    assert os.access(script, os.X_OK), "chmod +x postBuild (and commit the mode)"
    text = script.read_text(encoding="utf-8")
    assert text.startswith(("#!/bin/bash\n", "#!/usr/bin/env bash\n")), "postBuild needs a bash shebang"
    assert re.search(r"^set -[a-z]*e[a-z]*(\s|$)", text, re.MULTILINE), "postBuild must stop at a failure: set -e"
    assert re.search(r"^python -m pip install --no-deps [^\n]*(--editable|-e) \.$", text, re.MULTILINE)
    assert "check_setup" in text, "postBuild checks the environment after installing"
    syntax = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, timeout=30)
    assert syntax.returncode == 0, syntax.stderr


def test_post_build_is_committed_executable():
    listed = subprocess.run(["git", "ls-files", "--stage", "postBuild"], capture_output=True, text=True,
                            cwd=REPO, timeout=30)
    if listed.returncode != 0 or not listed.stdout:
        pytest.skip("postBuild is not (yet) in git's index")
    assert listed.stdout.startswith("100755"), "git update-index --chmod=+x postBuild"


def test_no_start_script_or_one_that_hands_over():
    start = REPO / "start"
    if start.exists():
        assert os.access(start, os.X_OK)
        assert 'exec "$@"' in start.read_text(encoding="utf-8"), "a start script must end with exec \"$@\""


def test_local_build_leaves_out_the_venv_and_learners_work():
    """The files a local ``repo2docker .`` sends, chosen by the function repo2docker uses."""
    docker_build = pytest.importorskip("docker.utils.build")
    patterns = [line.strip() for line in (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    sent = docker_build.exclude_paths(str(REPO), patterns)
    needed = {"environment.yml", "postBuild", "pyproject.toml", "README.md", "LICENSE", FIRST_NOTEBOOK,
              "followup_lib/__init__.py"}
    assert needed - sent == set(), "needed to build and run"
    private = [p for p in sent if re.match(r"(\.venv|(notebooks/)?my-work)(/|$)", p) or "__pycache__" in p]
    assert private == [], "add to .dockerignore"
    matcher = docker_build.PatternMatcher(patterns)
    assert matcher.matches("notebooks/my-work/my-case.json") and matcher.matches("my-work/my-case.json")


def test_workshop_links_open_files_that_exist():
    text = (REPO / "docs" / "workshop.md").read_text(encoding="utf-8")
    binder = r"mybinder\.org/v2/gh/OWNER/REPO/HEAD\?urlpath="
    lab = re.findall(binder + r"lab/tree/([\w./-]+\.ipynb)", text)
    assert FIRST_NOTEBOOK in lab, "the Binder badge opens the first notebook"
    assert all((REPO / path).is_file() for path in lab), lab
    assert re.search(binder + r"voila/render/notebooks/[\w.-]+\.ipynb", text), "the app-mode link"
