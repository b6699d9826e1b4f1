"""Check that the workbook's environment is complete: Python, packages, the command.

The first notebook calls :func:`check_setup` so that a workshop participant sees at
once whether the set-up worked. What counts as required is read from the installed
project's own metadata (the ``dependencies`` of ``pyproject.toml``), so this module keeps
no second list of packages. Only the standard library is imported here: the check must
work even when a package is missing.
"""

from __future__ import annotations

import html
import importlib.metadata as metadata
import platform
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

#: The distribution name of this project, as in ``pyproject.toml``.
PROJECT = "followup-coach"
#: The console script the project installs.
COMMAND = "followup"
#: What to tell a user whose environment is incomplete.
INSTALL_HINT = "from the project folder run ./workbook lab (or: pip install -e '.[test]')"

_REQUIREMENT = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*"
    r"(?P<spec>[^;]*?)\s*(?:;\s*(?P<marker>.*))?$"
)
_EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")
_COMPARISON = re.compile(r"(>=|<=|==|!=|~=|>|<)\s*([0-9][0-9A-Za-z.*+!-]*)")


def version_tuple(version: str) -> tuple[int, ...]:
    """Return the leading numeric release of a version string, for comparisons.

    Parameters
    ----------
    version : str
        A version such as ``"2.2.3"``, ``"1.0rc1"`` or ``"0.60"``.

    Returns
    -------
    tuple of int
        The numbers before the first non-numeric part, trailing zeros removed.

    Examples
    --------
    >>> version_tuple("2.2.3")
    (2, 2, 3)
    >>> version_tuple("1.0rc1") == version_tuple("1")
    True
    """
    numbers: list[int] = []
    for part in version.split("."):
        digits = re.match(r"\d+", part)
        if digits is None:
            break
        numbers.append(int(digits.group()))
        if digits.group() != part:
            break
    while numbers and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)


def satisfies(version: str, specifier: str) -> bool:
    """Tell whether ``version`` meets the comparisons in ``specifier``.

    Only release numbers are compared; ``~=`` is treated as ``>=`` and wildcards as
    ``==`` on the given prefix. An empty specifier accepts any version.

    Parameters
    ----------
    version : str
        The installed version.
    specifier : str
        Comparisons separated by commas, such as ``">=3.10,<3.14"``.

    Returns
    -------
    bool

    Examples
    --------
    >>> satisfies("3.11.7", ">=3.10,<3.14")
    True
    >>> satisfies("2.0.3", ">=2.1")
    False
    """
    have = version_tuple(version)
    for operator, wanted in _COMPARISON.findall(specifier):
        bound = version_tuple(wanted.rstrip(".*"))
        if operator == "==" and wanted.endswith("*"):
            have_cmp = have[: len(bound)]
        else:
            have_cmp = have
        checks = {
            ">=": have_cmp >= bound, "~=": have_cmp >= bound, ">": have_cmp > bound,
            "<=": have_cmp <= bound, "<": have_cmp < bound,
            "==": have_cmp == bound, "!=": have_cmp != bound,
        }
        if not checks[operator]:
            return False
    return True


@dataclass(frozen=True)
class PackageStatus:
    """One required package: what is needed and what is installed.

    Parameters
    ----------
    name : str
        Distribution name, as written in ``pyproject.toml``.
    required : str
        Version specifier, such as ``">=2.1"`` (empty: any version).
    installed : str or None
        Installed version, or None when the package is missing.
    group : str
        ``"run-time"`` or the name of the optional extra (``"test"``).

    Examples
    --------
    >>> PackageStatus("pandas", ">=2.1", "2.2.3").status
    'OK'
    >>> PackageStatus("pandas", ">=2.1", "2.0.3").status
    'too old (needs >=2.1)'
    >>> PackageStatus("pandas", ">=2.1", None).ok
    False
    """

    name: str
    required: str
    installed: str | None
    group: str = "run-time"

    @property
    def ok(self) -> bool:
        """True when the package is installed in a version that meets ``required``."""
        return self.installed is not None and satisfies(self.installed, self.required)

    @property
    def status(self) -> str:
        """``"OK"``, ``"missing"`` or ``"too old (needs …)"``."""
        if self.installed is None:
            return "missing"
        return "OK" if self.ok else f"too old (needs {self.required})"


@dataclass(frozen=True)
class EnvironmentReport:
    """What :func:`check_setup` found; shows as a table in Jupyter.

    Parameters
    ----------
    python_version : str
        The running interpreter's version.
    python_executable : str
        Path of the running interpreter.
    python_required : str
        The project's ``Requires-Python`` (empty when the project is not installed).
    project_version : str or None
        Installed version of this project, None when it is not installed.
    packages : tuple of PackageStatus
        Every required package, in the order of ``pyproject.toml``.
    command_path : str or None
        Where the ``followup`` command was found, None when it was not.
    command_on_path : bool
        Whether that command is on ``PATH`` (else it was found beside Python).

    Examples
    --------
    >>> report = EnvironmentReport("3.11.7", "python", ">=3.10,<3.14", "0.1.0",
    ...                            (PackageStatus("<b>x</b>", ">=1", None),), None, False)
    >>> report.ok, len(report.problems)
    (False, 2)
    >>> "<b>" in report._repr_html_(), "&lt;b&gt;x&lt;/b&gt;" in report._repr_html_()
    (False, True)
    >>> print(str(report).splitlines()[-2])
    - <b>x</b>: missing; from the project folder run ./workbook lab (or: pip install -e '.[test]')
    """

    python_version: str
    python_executable: str
    python_required: str
    project_version: str | None
    packages: tuple[PackageStatus, ...]
    command_path: str | None
    command_on_path: bool

    @property
    def python_ok(self) -> bool:
        """True when the interpreter's version meets ``Requires-Python``."""
        return satisfies(self.python_version, self.python_required)

    @property
    def problems(self) -> list[str]:
        """One line per problem found, each saying what to do; empty when all is well."""
        found = []
        if not self.python_ok:
            found.append(f"Python {self.python_version} does not meet "
                         f"{self.python_required}; use a Python in that range")
        if self.project_version is None:
            found.append(f"{PROJECT} is not installed; {INSTALL_HINT}")
        found += [f"{p.name}: {p.status}; {INSTALL_HINT}" for p in self.packages if not p.ok]
        if self.command_path is None:
            found.append(f"the '{COMMAND}' command was not found; {INSTALL_HINT}")
        return found

    @property
    def ok(self) -> bool:
        """True when nothing is missing or too old."""
        return not self.problems

    def rows(self) -> list[tuple[str, str, str, str]]:
        """The report as rows of (item, needs, found, status) strings."""
        rows = [("Python", self.python_required or "-", self.python_version,
                 "OK" if self.python_ok else "unsupported"),
                (PROJECT, "-", self.project_version or "-",
                 "OK" if self.project_version else "missing")]
        rows += [(p.name, p.required or "any", p.installed or "-", p.status)
                 for p in self.packages]
        if self.command_path is None:
            rows.append((f"'{COMMAND}' command", "-", "-", "missing"))
        else:
            where = "OK" if self.command_on_path else "OK (beside Python, not on PATH)"
            rows.append((f"'{COMMAND}' command", "-", self.command_path, where))
        return rows

    def __str__(self) -> str:
        header = ("item", "needs", "found", "status")
        table = [header, *self.rows()]
        widths = [max(len(row[i]) for row in table) for i in range(4)]
        lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()
                 for row in table]
        lines.append(self._summary())
        return "\n".join(lines)

    def _repr_pretty_(self, printer, cycle: bool) -> None:
        """Show the text table in IPython's plain-text output, not the dataclass fields."""
        printer.text(str(self))

    def _summary(self) -> str:
        if self.ok:
            return "Environment check: all OK."
        return f"Environment check: {len(self.problems)} problem(s):\n- " + "\n- ".join(
            self.problems)

    def _repr_html_(self) -> str:
        def cells(row, tag):
            return "".join(f'<{tag} style="text-align:left">{html.escape(cell)}</{tag}>'
                           for cell in row)

        body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in self.rows())
        summary = "".join(f"<p>{html.escape(line)}</p>" for line in self._summary().split("\n"))
        return (f'<div class="followup-env-report"><table>'
                f"<thead><tr>{cells(('item', 'needs', 'found', 'status'), 'th')}</tr></thead>"
                f"<tbody>{body}</tbody></table>{summary}</div>")


def required_packages(include_extras: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    """List the installed project's requirements as (name, specifier, group).

    Parameters
    ----------
    include_extras : tuple of str
        Optional extras to include as well, such as ``("test",)``.

    Returns
    -------
    list of tuple
        Empty when the project is not installed.

    Examples
    --------
    >>> all(group == "run-time" for _, _, group in required_packages())
    True
    """
    try:
        requirements = metadata.requires(PROJECT) or []
    except metadata.PackageNotFoundError:
        return []
    found = []
    for line in requirements:
        match = _REQUIREMENT.match(line)
        if match is None:
            continue
        extra = _EXTRA.search(match["marker"] or "")
        group = extra.group(1) if extra else "run-time"
        if group == "run-time" or group in include_extras:
            found.append((match["name"], match["spec"].replace(" ", ""), group))
    return found


def _installed_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _find_command() -> tuple[str | None, bool]:
    on_path = shutil.which(COMMAND)
    if on_path:
        return on_path, True
    scripts = Path(sys.executable).parent
    beside = shutil.which(COMMAND, path=str(scripts))
    return beside, False


def check_setup(include_extras: tuple[str, ...] = ()) -> EnvironmentReport:
    """Check Python, every required package and the ``followup`` command.

    Parameters
    ----------
    include_extras : tuple of str
        Extras whose packages are checked too, as in :func:`required_packages`.

    Returns
    -------
    EnvironmentReport
        Shows as a table in Jupyter and as text with ``print``; ``report.ok`` tells
        whether all is well and ``report.problems`` says what to fix.

    Examples
    --------
    >>> report = check_setup()
    >>> report.python_version == platform.python_version()
    True
    >>> str(report).splitlines()[0].split()
    ['item', 'needs', 'found', 'status']
    """
    packages = tuple(PackageStatus(name, spec, _installed_version(name), group)
                     for name, spec, group in required_packages(include_extras))
    try:
        python_required = metadata.metadata(PROJECT).get("Requires-Python") or ""
    except metadata.PackageNotFoundError:
        python_required = ""
    command_path, on_path = _find_command()
    return EnvironmentReport(
        python_version=platform.python_version(),
        python_executable=sys.executable,
        python_required=python_required,
        project_version=_installed_version(PROJECT),
        packages=packages,
        command_path=command_path,
        command_on_path=on_path,
    )
