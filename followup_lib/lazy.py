"""The one lazy-export helper: a package names its public objects, each imported on first use.

``import followup_lib`` (or one of its domains) stays light: pandas, matplotlib,
lifelines and ipywidgets load only when a name that needs them is first used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_exports(package: str, names: Mapping[str, str],
                 eager: Mapping[str, object] | None = None) -> tuple[Callable, Callable]:
    """A module ``__getattr__`` and ``__dir__`` that import each public name on first use.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    names : mapping of str to str
        Public name -> module that defines it (absolute, or relative to ``package`` when
        it starts with a dot).
    eager : mapping, optional
        The package's own globals, listed by ``__dir__`` too.

    Examples
    --------
    >>> getattr_, dir_ = lazy_exports("followup_lib", {"InputError": "followup_lib.errors"})
    >>> getattr_("InputError").__name__
    'InputError'
    >>> getattr_("nothing")
    Traceback (most recent call last):
    ...
    AttributeError: module 'followup_lib' has no attribute 'nothing'
    """

    def __getattr__(name: str):
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = importlib.import_module(names[name], package)
        return getattr(module, name)

    def __dir__() -> list[str]:
        return sorted(set(names) | set(eager or ()))

    return __getattr__, __dir__
