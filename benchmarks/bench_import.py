"""How long ``import followup_lib`` takes, and what it drags in.

Each measurement runs in a fresh interpreter (imports are cached within a process), so
the figures are what a user pays when a notebook's set-up cell or the ``followup``
command starts.  Printed: the median of N runs of the import itself (timed inside the
child), the median wall time of the whole child process, the same for a bare
interpreter as the baseline, their ratio, and which heavy packages got imported.

Usage::

    python benchmarks/bench_import.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

TARGETS = {
    "followup_lib": ["followup_lib"],
    "followup_lib + etiquette": [
        "followup_lib", "followup_lib.etiquette.advisor", "followup_lib.etiquette.plan",
        "followup_lib.etiquette.case", "followup_lib.etiquette.workdays"],
    "followup_lib.setup_check": ["followup_lib.setup_check"],
}
WATCHED = ("matplotlib", "lifelines", "pandas", "numpy", "ipywidgets")

_CHILD = """
import importlib, json, sys, time
start = time.perf_counter()
for name in sys.argv[1:]:
    importlib.import_module(name)
elapsed = time.perf_counter() - start
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(%r))
print(json.dumps({"import_s": elapsed, "loaded": loaded}))
""" % (WATCHED,)


def _run_child(modules: list[str]) -> tuple[float, float, list[str]]:
    """Return (import seconds inside the child, child wall seconds, heavy modules)."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _CHILD, *modules],
                            capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    found = json.loads(result.stdout.splitlines()[-1])
    return found["import_s"], wall, found["loaded"]


def measure(modules: list[str], runs: int) -> dict:
    """Median import time and wall time over ``runs`` fresh interpreters."""
    samples = [_run_child(modules) for _ in range(runs)]
    return {"import_s": statistics.median(s[0] for s in samples),
            "wall_s": statistics.median(s[1] for s in samples),
            "loaded": samples[-1][2]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh interpreters per target")
    runs = parser.parse_args().runs
    baseline = measure([], runs)
    print(f"Python {sys.version.split()[0]}, {runs} fresh interpreters per line, medians")
    print(f"{'target':28} {'import ms':>10} {'wall ms':>9} {'wall / bare':>12}  heavy imported")
    print(f"{'(bare interpreter)':28} {'-':>10} {baseline['wall_s'] * 1e3:9.1f} {1:12.2f}")
    for label, modules in TARGETS.items():
        found = measure(modules, runs)
        ratio = found["wall_s"] / baseline["wall_s"]
        print(f"{label:28} {found['import_s'] * 1e3:10.1f} {found['wall_s'] * 1e3:9.1f} "
              f"{ratio:12.2f}  {', '.join(found['loaded']) or 'none'}")


if __name__ == "__main__":
    main()
