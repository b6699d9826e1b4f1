"""The printable handout: its HTML (plan dates, stages, escaping, drafts), the command, and its PDF."""

import json
import os
from datetime import date
from pathlib import Path

import pytest

from tests.helpers import run_cli as run

import followup_lib
from followup_lib.errors import InputError
from followup_lib.etiquette.case import Case
from followup_lib.etiquette.params import Params
from followup_lib.etiquette.plan import make_plan
from followup_lib.etiquette.stages import STAGES
from followup_lib.handout import handout_html, handout_pdf
from followup_lib.messages.required import MissingFieldsError
from tests.test_case import ISSUE_EXAMPLE

TODAY = date(2026, 11, 24)
CHROMIUM = Path("/usr/bin/chromium")
FIELDS = {"name": "Sam Roe", "topics": "the churn dashboard", "interviewer": "Ms. Lee",
          "position": "Data Analyst", "company": "Acme"}
HOSTILE = {**ISSUE_EXAMPLE, "contact_name": "<script>alert(1)</script>", "company": "Tom & <b>Jerry</b>"}


def _due_dates(case, today=TODAY, params=Params()):
    """Every step's date as the project's plan table writes it, from the engine itself."""
    return [f"{step.due:%a %d %b %Y}" for step in make_plan(case, today=today, params=params).steps]


@pytest.fixture
def case():
    return Case.from_dict(ISSUE_EXAMPLE)


@pytest.fixture
def case_file(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(ISSUE_EXAMPLE))
    return path



def test_the_page_holds_every_step_of_the_plan_with_its_date(case):
    page = handout_html(case, today=TODAY)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    for due in _due_dates(case):
        assert due in page
    assert "Fri 20 Nov 2026 (the date you were given)" in page  # the case summary's decision date


def test_parameters_move_the_dates(case):
    params = Params(follow_up_grace=3, follow_up_ideal_max=4)
    page = handout_html(case, today=date(2026, 11, 18), params=params)
    assert _due_dates(case, date(2026, 11, 18), params) != _due_dates(case, date(2026, 11, 18))
    for due in _due_dates(case, date(2026, 11, 18), params):
        assert due in page


def test_today_comes_from_the_clock_when_not_given(case):
    assert handout_html(case) == handout_html(case, today=TODAY)  # FOLLOWUP_TODAY is 2026-11-24 in tests


def test_the_seven_stages_come_from_the_stage_data(case):
    page = handout_html(case, today=TODAY)
    for stage in STAGES:
        assert f"Stage {stage.number}: {stage.title}" in page
        assert stage.goal.replace("'", "&#39;") in page
        assert all(item.replace("'", "&#39;") in page for item in stage.dos + stage.donts)
    assert page.count("you are here") == 2  # the guide's sentence and the one marked stage


def test_user_text_is_escaped():
    page = handout_html(Case.from_dict(HOSTILE), today=TODAY, drafts=True, fields={**FIELDS, "interviewer": None})
    assert "<script>" not in page and "<b>Jerry" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;" in page


def test_the_page_needs_nothing_from_outside(case):
    page = handout_html(case, today=TODAY, drafts=True, fields=FIELDS)
    assert "http" not in page.replace("https://", "") and "<link" not in page and "<script" not in page
    assert "@page" in page and "break-inside: avoid" in page


def test_drafts_only_when_asked(case):
    plain = handout_html(case, today=TODAY, fields=FIELDS)
    drafted = handout_html(case, today=TODAY, drafts=True, fields=FIELDS)
    assert "Drafts of your messages" not in plain and "Sam Roe" not in plain
    assert "Drafts of your messages" in drafted and "Subject: " in drafted
    assert "Follow-up email" in drafted and "One more attempt, by email" in drafted
    assert "Thank-you email &middot;" not in drafted  # the thank-you went out already: no draft for it


def test_the_drafts_are_the_draft_functions(case):
    from followup_lib.etiquette.windows import as_of
    from followup_lib.messages.drafts import draft

    expected = draft("follow_up", as_of(case, TODAY), **FIELDS)
    drafted = handout_html(case, today=TODAY, drafts=True, fields=FIELDS)
    assert all(line.replace("'", "&#39;") in drafted for line in expected.body.splitlines())


def test_drafts_without_the_fields_they_need_name_them(case):
    with pytest.raises(MissingFieldsError, match="name, topics: are missing"):
        handout_html(case, today=TODAY, drafts=True, fields={"interviewer": "Ms. Lee", "position": "Analyst",
                                                            "company": "Acme"})
    with pytest.raises(InputError, match="fields: 'nmae' is not a draft field"):
        handout_html(case, today=TODAY, drafts=True, fields={"nmae": "Sam"})


def test_handout_html_is_public():
    assert followup_lib.handout_html is handout_html and "handout_html" in followup_lib.__all__


# --- the command ------------------------------------------------------------------------

def test_the_command_writes_the_handout(capsys, case, case_file, tmp_path):
    out_file = tmp_path / "handout.html"
    code, out, err = run(capsys, "handout", "--case", case_file, "--today", "2026-11-24", "-o", out_file)
    assert code == 0 and err == "" and "Handout written to" in out and "Save as PDF" in out
    page = out_file.read_text(encoding="utf-8")
    assert all(due in page for due in _due_dates(case)) and "Drafts of your messages" not in page


def test_the_command_adds_drafts_with_drafts(capsys, case_file, tmp_path):
    out_file = tmp_path / "handout.html"
    code, _, _ = run(capsys, "handout", "--case", case_file, "--drafts", "--name", "Sam Roe", "--topic", "SQL",
                     "--interviewer", "Ms. Lee", "--position", "Analyst", "--company", "Acme", "-o", out_file)
    assert code == 0 and "Drafts of your messages" in out_file.read_text() and "Sam Roe" in out_file.read_text()


def test_an_existing_file_is_replaced_only_with_force(capsys, case_file, tmp_path):
    out_file = tmp_path / "handout.html"
    out_file.write_text("keep me")
    code, out, err = run(capsys, "handout", "--case", case_file, "-o", out_file)
    assert code == 2 and out == "" and out_file.read_text() == "keep me"
    assert err.strip().endswith("already exists; pick another name, or pass --force to replace it")
    code, _, _ = run(capsys, "handout", "--case", case_file, "-o", out_file, "--force")
    assert code == 0 and out_file.read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("argv,start", [
    (["--case", "{case}"], "-o: is missing; name the handout"),
    (["--case", "{bad}", "-o", "{out}"], "--case {bad}: is not valid JSON (line 1"),
    (["--case", "{missing}", "-o", "{out}"], "--case: no file named"),
    (["--case", "{case}", "-o", "{dir}/handout.pdf"], "-o: '{dir}/handout.pdf' does not end in .html or .htm"),
    (["--case", "{case}", "--pdf", "{dir}/handout.html"], "--pdf: '{dir}/handout.html' does not end in .pdf"),
    (["--case", "{case}", "--pdf", "{dir}/h.pdf", "--chromium", "{dir}/no-browser"],
     "--chromium: {dir}/no-browser is missing, so no PDF can be printed; install Debian's 'chromium' package"),
    (["--case", "{case}", "--name", "Sam", "-o", "{out}"], "--drafts: is missing, and without it --name is not used"),
    (["--case", "{case}", "--drafts", "--interviewer", "Ms. Lee", "-o", "{out}"],
     "name, position, company, topic: are missing (a follow-up needs them); pass --name, --position"),
    (["--case", "{case}", "--today", "24/11/2026", "-o", "{out}"], "--today: '24/11/2026' is not a date"),
])
def test_bad_input_is_one_line_naming_the_flag(capsys, case_file, tmp_path, argv, start):
    bad = tmp_path / "bad.json"
    bad.write_text('{"interview_end": ')
    names = {"case": case_file, "bad": bad, "missing": tmp_path / "none.json", "out": tmp_path / "h.html",
             "dir": tmp_path}
    code, out, err = run(capsys, "handout", *(a.format(**names) for a in argv))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith("followup: error: " + start.format(**names)), err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["case.json", "bad.json"])  # nothing written


def test_the_command_is_in_the_help(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "handout" in out
    code, out, _ = run(capsys, "handout", "--help")
    description = out.split("\n\n")[1]
    assert code == 0 and description[0].isupper() and description.rstrip().endswith(".")


# --- the PDF ------------------------------------------------------------------------------

@pytest.fixture
def chromium():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's 'chromium' package"
        if os.environ.get("WORKBOOK_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return str(CHROMIUM)


@pytest.mark.browser
def test_the_pdf_holds_the_plan_dates(case, chromium, tmp_path):
    pypdf = pytest.importorskip("pypdf", reason="pypdf (a test dependency) reads the PDF's text")
    path = handout_pdf(handout_html(case, today=TODAY, drafts=True, fields=FIELDS), tmp_path / "handout.pdf",
                       chromium=chromium)
    reader = pypdf.PdfReader(path)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert len(reader.pages) >= 2 and "The seven stages of following up" in text
    for due in _due_dates(case):
        assert due in text
    with pytest.raises(InputError, match="already exists; pick another name, or pass replace=True"):
        handout_pdf("<p>x</p>", path, chromium=chromium)
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]  # no temporary files left beside it


@pytest.mark.browser
def test_the_command_writes_html_and_pdf(capsys, case_file, chromium, tmp_path):
    code, out, _ = run(capsys, "handout", "--case", case_file, "-o", tmp_path / "h.html", "--pdf", tmp_path / "h.pdf")
    assert code == 0 and (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "h.html").read_text().startswith("<!DOCTYPE html>")
