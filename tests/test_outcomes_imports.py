"""The outcomes modules import without matplotlib or lifelines (loaded on first use)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import followup_lib.outcomes as outcomes

MODULES = ["followup_lib.outcomes", "followup_lib.outcomes.schema",
           "followup_lib.outcomes.rules", "followup_lib.outcomes.loader",
           "followup_lib.outcomes.calibration", "followup_lib.outcomes.generator",
           "followup_lib.outcomes.analysis", "followup_lib.outcomes.rates",
           "followup_lib.outcomes.plots", "followup_lib.outcomes.plot_style",
           "followup_lib.outcomes.rate_plot", "followup_lib.outcomes.importer",
           "followup_lib.outcomes.tracker_mapping", "followup_lib.outcomes.tracker_values",
           "followup_lib.outcomes.tracker_labels",
           "followup_lib.outcomes.k_anonymity", "followup_lib.outcomes.anonymise",
           "followup_lib.outcomes.anonymise_report", "followup_lib.cli.outcomes",
           "followup_lib.cli.anonymise"]

PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & {'matplotlib', 'lifelines'})))
"""


def test_outcomes_modules_do_not_import_plotting_or_survival_packages():
    result = subprocess.run([sys.executable, "-c", PROBE, *MODULES], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []


def test_the_probe_sees_a_heavy_import():
    result = subprocess.run([sys.executable, "-c", PROBE, "matplotlib"], capture_output=True,
                            text=True, timeout=120)
    assert json.loads(result.stdout.splitlines()[-1]) == ["matplotlib"]


def test_the_package_itself_imports_no_pandas():
    result = subprocess.run([sys.executable, "-c", PROBE.replace(
        "{'matplotlib', 'lifelines'}", "{'matplotlib', 'lifelines', 'pandas', 'numpy'}"),
        "followup_lib.outcomes"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []


def test_every_lazy_name_is_the_object_of_its_module():
    assert {"anonymise_file", "anonymise_table", "read_tracker", "load_mapping"} <= set(
        outcomes.__all__)
    for name, module in outcomes._LAZY_NAMES.items():
        defining = importlib.import_module(f"followup_lib.outcomes.{module}")
        assert getattr(outcomes, name) is getattr(defining, name), name
