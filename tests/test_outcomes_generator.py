"""The synthetic generator: seeded, valid, calibrated; the shipped file is reproducible."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from followup_lib.errors import InputError
from followup_lib.outcomes import calibration
from followup_lib.outcomes.generator import generate_applications, simulate
from followup_lib.outcomes.schema import COLUMN_NAMES, validate_applications

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "applications.csv"


@pytest.fixture(scope="module")
def big() -> dict:
    """A large simulation, for checking the calibrated shares (about a second)."""
    return simulate(200_000, seed=99)


def test_same_seed_same_rows_other_seed_other_rows():
    first = generate_applications(500, seed=3)
    assert first.equals(generate_applications(500, seed=3))
    assert not first.equals(generate_applications(500, seed=4))


def test_generated_rows_pass_validation_and_are_dated_in_order():
    df = generate_applications(2000, seed=8)
    assert validate_applications(df).equals(df)
    assert df["applied_month"].is_monotonic_increasing
    assert df["app_id"].iloc[[0, -1]].tolist() == ["A000001", "A002000"]


@pytest.mark.parametrize("n, seed", [(0, 1), (-5, 1), (2.5, 1), (True, 1), (10, -1), (10, "x")])
def test_bad_sizes_and_seeds_are_input_errors(n, seed):
    with pytest.raises(InputError):
        generate_applications(n, seed)


def test_silence_after_applying_matches_indeed_2023(big):
    # rows watched for a year: nearly every reply that will come has come
    long_watched = big["observed"] > 365
    silent = ~big["response_seen"][long_watched]
    assert silent.mean() == pytest.approx(calibration.APPLICATION_SILENCE, abs=0.01)


def test_the_whole_process_averages_glassdoor_2017(big):
    decided = ~big["silent"]
    assert big["process_days"][decided].mean() == pytest.approx(
        calibration.US_MEAN_PROCESS_DAYS, abs=0.6)
    government_code = list(calibration.INDUSTRY_SHARES).index("government")
    government = decided & (big["industry"] == government_code)
    assert big["process_days"][government].mean() == pytest.approx(53.8, rel=0.05)


def test_thank_you_share_matches_accountemps_2017(big):
    sent = big["thank_you_sent"][big["interviewed"]]
    assert sent.mean() == pytest.approx(calibration.THANK_YOU_SHARE, abs=0.01)


def test_post_interview_silence_stays_below_the_survey_upper_bounds():
    assert calibration.POST_INTERVIEW_SILENCE < 0.40  # Indeed 2023: 40% ghosted at least once


def test_follow_ups_fall_in_their_timing_windows(big):
    followed = big["followed_up"]
    days = big["follow_up_days"][followed]
    timing = np.array(list(calibration.FOLLOW_UP_TIMING_SHARES))[big["timing"][followed]]
    for name, (low, high) in calibration.FOLLOW_UP_DAY_RANGES.items():
        chosen = days[timing == name]
        assert chosen.size and chosen.max() <= high
        assert chosen.min() >= min(low, 1 - max(calibration.TIMELINE_BUSINESS_DAYS))


def test_make_dataset_reproduces_the_shipped_file_byte_for_byte(tmp_path):
    out = tmp_path / "applications.csv"
    result = subprocess.run([sys.executable, str(REPO / "tools" / "make_dataset.py"),
                             "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == DATA.read_bytes()


def test_the_datasheet_documents_every_column_and_source():
    sheet = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    for column in COLUMN_NAMES:
        assert f"`{column}`" in sheet, column
    for source in ("Glassdoor 2017", "Indeed 2023", "Greenhouse 2024", "Accountemps 2017",
                   "assumption", "python tools/make_dataset.py", "## Scale"):
        assert source in sheet, source
