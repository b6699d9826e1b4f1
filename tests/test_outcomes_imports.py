"""The outcomes modules import without matplotlib or lifelines (loaded on first use)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

import followup_lib.outcomes as outcomes
import followup_lib.outcomes.tracker as tracker

MODULES = ["followup_lib.outcomes", "followup_lib.outcomes.schema",
           "followup_lib.outcomes.rules", "followup_lib.outcomes.loader",
           "followup_lib.outcomes.calibration", "followup_lib.outcomes.generator",
           "followup_lib.outcomes.analysis", "followup_lib.outcomes.rates",
           "followup_lib.outcomes.plots", "followup_lib.outcomes.plot_style",
           "followup_lib.outcomes.rate_plot", "followup_lib.outcomes.summary",
           "followup_lib.outcomes.arguments", "followup_lib.outcomes.tracker",
           "followup_lib.outcomes.tracker.reader", "followup_lib.outcomes.tracker.records",
           "followup_lib.outcomes.tracker.mapping", "followup_lib.outcomes.tracker.values",
           "followup_lib.outcomes.tracker.dates", "followup_lib.outcomes.tracker.labels",
           "followup_lib.outcomes.tracker.k_anonymity",
           "followup_lib.outcomes.tracker.anonymise", "followup_lib.outcomes.tracker.report",
           "followup_lib.cli.outcomes", "followup_lib.cli.anonymise", "followup_lib.cli.flags"]

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


@pytest.mark.parametrize("package", [outcomes, tracker])
def test_every_lazy_name_is_the_object_of_its_module(package):
    for name, module in package._LAZY_NAMES.items():
        defining = importlib.import_module(module, package.__name__)
        assert getattr(package, name) is getattr(defining, name), name
        assert name in dir(package)


def test_the_tracker_names_are_exported_by_both_packages():
    names = {"anonymise_file", "anonymise_table", "read_tracker", "load_mapping"}
    assert names <= set(outcomes.__all__) and names <= set(tracker.__all__)
    for name in names:
        assert getattr(outcomes, name) is getattr(tracker, name)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="has no attribute 'importer'"):
        outcomes.importer  # noqa: B018 (the old module name is gone)
