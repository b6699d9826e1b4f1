"""The etiquette parameters reach the outcomes rules: ``params=``, ``k=`` and ``--param``."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import followup_lib.cli as cli
from followup_lib.errors import InputError
from followup_lib.etiquette.params import Params
from followup_lib.outcomes.analysis import summarise
from followup_lib.outcomes.generator import generate_applications
from followup_lib.outcomes.rates import response_rates_by_follow_up
from followup_lib.outcomes.rules import follow_up_timing_code
from followup_lib.outcomes.tracker.anonymise import anonymise_file, anonymise_table
from followup_lib.outcomes.tracker.k_anonymity import k_anonymise


@pytest.fixture(scope="module")
def cohort() -> pd.DataFrame:
    return generate_applications(400, seed=11)


def raw_tracker(months: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"Date sent": [f"{m}/10/2022" for m in months],
                         "Status": ["Ghosted"] * len(months)},
                        index=range(2, 2 + len(months)))


def smallest_shown(table: pd.DataFrame) -> int:
    return int(table.loc[~table["suppressed"] & table["in_file"], "n"].min())


def test_k_anonymity_of_params_sets_the_suppression(cohort):
    default = response_rates_by_follow_up(cohort)
    strict = response_rates_by_follow_up(cohort, params=Params(k_anonymity=30))
    assert strict["suppressed"].sum() > default["suppressed"].sum()
    assert smallest_shown(strict) >= 30


def test_an_explicit_k_wins_over_params(cohort):
    by_k = response_rates_by_follow_up(cohort, params=Params(k_anonymity=30), k=5)
    pd.testing.assert_frame_equal(by_k, response_rates_by_follow_up(cohort))
    assert summarise(cohort, params=Params(k_anonymity=30), k=7).k == 7
    assert summarise(cohort, params=Params(k_anonymity=30)).k == 30


def test_params_reach_the_anonymiser_and_its_report(tmp_path):
    raw = raw_tracker(["1"] * 3 + ["2"] * 2)
    out, report = anonymise_table(raw, params=Params(k_anonymity=2))
    assert report.k_requested == 2 and len(out) == 5
    _, by_k = anonymise_table(raw, params=Params(k_anonymity=50), k=1)
    assert by_k.k_requested == 1
    with pytest.raises(InputError, match="^k: no group of 10 "):
        anonymise_table(raw, params=Params(k_anonymity=10))
    source = tmp_path / "t.csv"
    raw.to_csv(source, index=False)
    assert anonymise_file(source, tmp_path / "o.csv", params=Params(k_anonymity=2)).k_requested == 2


def test_params_reach_k_anonymise():
    table = pd.DataFrame({"industry": "tech", "company_size": "small", "role_level": "mid",
                          "interview_round": "none", "outcome": "pending",
                          "applied_month": ["2022-01"] * 3 + ["2022-02"] * 3})
    assert k_anonymise(table, params=Params(k_anonymity=3)).steps == ()
    assert k_anonymise(table, params=Params(k_anonymity=4)).steps[0].to_level == "quarter"


def test_params_move_the_follow_up_timing_limits():
    days = [1, 2, 3, 9, 10, 11]
    assert follow_up_timing_code(days).tolist() == ["early", "on_time", "on_time", "on_time",
                                                    "on_time", "late"]
    later = Params(follow_up_grace=3, follow_up_ideal_max=3, late_after=9)
    assert follow_up_timing_code(days, params=later).tolist() == [
        "early", "early", "on_time", "on_time", "late", "late"]


def test_params_name_k_on_the_rate_plot(cohort):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from followup_lib.outcomes.plots import plot_response_rates

    ax = plot_response_rates(cohort, params=Params(k_anonymity=60))
    assert any("fewer\nthan 60" == t.get_text() for t in ax.texts)
    plt.close("all")


@pytest.mark.parametrize("call", [
    lambda df: summarise(df, 5),
    lambda df: response_rates_by_follow_up(df, 5),
    lambda df: anonymise_table(raw_tracker(["1"] * 5), None, Params()),
])
def test_params_and_k_are_keyword_only(cohort, call):
    with pytest.raises(TypeError):
        call(cohort)


def test_plot_axes_are_keyword_only(cohort):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from followup_lib.outcomes import plots

    _, ax = plt.subplots()
    for call in (lambda: plots.plot_still_waiting(cohort, ax),
                 lambda: plots.plot_response_rates(cohort, ax),
                 lambda: plots.plot_days_to_response(cohort, 14, ax),
                 lambda: plots.plot_where_you_are(cohort, 10, ax)):
        with pytest.raises(TypeError):
            call()
    assert plots.plot_where_you_are(cohort, 10, ax=ax) is ax
    plt.close("all")


def test_params_must_be_a_params(cohort):
    with pytest.raises(InputError, match="^params: must be a Params, not a dict"):
        summarise(cohort, params={"k_anonymity": 3})


# --- the command line -------------------------------------------------------------------
@pytest.fixture
def followup(monkeypatch, capsys):
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("anonymise", "outcomes"))

    def run(*argv) -> tuple[int, str, str]:
        status = cli.main([str(a) for a in argv])
        captured = capsys.readouterr()
        return status, captured.out, captured.err
    return run


@pytest.fixture
def small_tracker(tmp_path):
    source = tmp_path / "tracker.csv"
    raw_tracker(["1"] * 3 + ["2"] * 2).to_csv(source, index=False)
    return source


def test_anonymise_takes_k_anonymity_as_a_param_and_k_wins(followup, tmp_path, small_tracker):
    status, out, _ = followup("anonymise", small_tracker, "-o", tmp_path / "a.csv",
                              "--param", "k_anonymity=2", "--format", "json")
    assert status == 0 and json.loads(out)["k_requested"] == 2
    status, out, _ = followup("anonymise", small_tracker, "-o", tmp_path / "b.csv",
                              "--param", "k_anonymity=50", "--k", "1", "--format", "json")
    assert status == 0 and json.loads(out)["k_requested"] == 1


@pytest.mark.parametrize("param, message", [
    ("k_anonymity=1", "--param k_anonymity: must be from 2 to 1000, not 1"),
    ("k_anonymity=ten", "--param k_anonymity: 'ten' is not a whole number"),
    ("k_anonimity=3", "--param k_anonimity: is not a parameter; did you mean 'k_anonymity'?"),
    ("k_anonymity", "--param: 'k_anonymity' is not NAME=VALUE"),
])
def test_a_bad_param_is_one_line_in_flag_words(followup, tmp_path, small_tracker, param,
                                               message):
    for argv in (["anonymise", small_tracker, "-o", tmp_path / "o.csv"], ["analyse"]):
        status, out, err = followup(*argv, "--param", param)
        assert (status, out) == (2, "")
        assert err.startswith(f"followup: error: {message}") and err.count("\n") == 1
    assert not (tmp_path / "o.csv").exists()


def test_analyse_takes_k_anonymity_as_a_param(followup):
    status, out, _ = followup("analyse", "--param", "k_anonymity=200", "--format", "json")
    report = json.loads(out)
    assert status == 0 and report["k"] == 200 and report["file"].startswith("applications.csv")
    assert any(row["suppressed"] for row in report["follow_up"])
    status, out, _ = followup("analyse", "--param", "K_ANONYMITY=200")
    assert status == 0 and "fewer than 200 applications: not shown" in out
