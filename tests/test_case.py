import json
from datetime import date

import pytest

from followup_lib.errors import InputError
from followup_lib.etiquette.case import Case, load_case, save_case
from tests.helpers import BASE, case, contact

ISSUE_EXAMPLE = {
    "interview_end": "2026-11-16T15:00:00-05:00",
    "country": "US", "subdivision": None,
    "decision_by": "2026-11-20",
    "invited_to_call": False, "traditional_industry": False,
    "contacts": [{"at": "2026-11-16T19:00:00-05:00", "kind": "thank_you", "channel": "email"}],
    "responses": [{"at": "2026-11-25", "kind": "new_timeline", "new_decision_by": "2026-12-11"}],
}


def test_documented_example_parses():
    c = Case.from_dict(ISSUE_EXAMPLE)
    assert c.decision_by == date(2026, 11, 20)
    assert c.contacts[0].kind == "thank_you"
    assert c.responses[0].new_decision_by == date(2026, 12, 11)


def test_json_round_trip(tmp_path):
    c = Case.from_dict(ISSUE_EXAMPLE)
    path = save_case(c, tmp_path / "case.json")
    assert load_case(path) == c
    assert json.loads(path.read_text())["contacts"][0]["at"] == "2026-11-16T19:00:00-05:00"


def test_only_interview_end_is_required():
    c = Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00"})
    assert c.country == "US" and c.decision_by is None and c.contacts == ()


def test_timezone_name_is_applied_to_naive_time():
    c = Case.from_dict({"interview_end": "2026-07-01T10:00", "timezone": "Europe/London"})
    assert c.interview_end.utcoffset().total_seconds() == 3600


def test_events_are_sorted():
    c = case(contacts=[contact("follow_up", "2026-11-24"), contact("thank_you", "2026-11-16T18:00-05:00")])
    assert [x.kind for x in c.contacts] == ["thank_you", "follow_up"]


@pytest.mark.parametrize("fields,field", [
    ({"interview_end": None}, "interview_end"),
    ({"interview_end": "next tuesday"}, "interview_end"),
    ({"interview_end": "2026-11-16"}, "interview_end"),
    ({"interview_end": "2026-11-16T15:00"}, "interview_end"),
    ({"decision_by": "2026-11-10"}, "decision_by"),
    ({"decision_by": "20/11/2026"}, "decision_by"),
    ({"country": "Narnia"}, "country"),
    ({"subdivision": "QQ"}, "subdivision"),
    ({"timezone": "Mars/Olympus"}, "timezone"),
    ({"contacts": [contact("thank_you", "2026-11-16T14:00-05:00")]}, "contacts[0].at"),
    ({"contacts": [contact("thank_you", "2026-11-15")]}, "contacts[0].at"),
    ({"contacts": [contact("postcard", "2026-11-17")]}, "contacts[0].kind"),
    ({"contacts": [contact("follow_up", "2026-11-24", "pigeon")]}, "contacts[0].channel"),
    ({"responses": [{"at": "2026-11-25", "kind": "new_timeline"}]}, "responses[0].new_decision_by"),
    ({"responses": [{"at": "2026-11-25", "kind": "new_timeline", "new_decision_by": "2026-11-20"}]},
     "responses[0].new_decision_by"),
    ({"responses": [{"at": "2026-11-12", "kind": "update"}]}, "responses[0].at"),
    ({"invited_to_call": "yes"}, "invited_to_call"),
    ({"decison_by": "2026-11-20"}, "decison_by"),
    ({"contacts": {"at": "2026-11-17"}}, "contacts"),
])
def test_bad_input_names_the_field(fields, field):
    with pytest.raises(InputError) as err:
        case(**fields) if fields.get("interview_end", 1) is not None else Case.from_dict({"decision_by": "2026-11-20"})
    assert err.value.field == field
    assert str(err.value).startswith(field)


def test_typo_in_field_name_suggests_the_right_one():
    with pytest.raises(InputError, match="did you mean 'decision_by'"):
        case(decison_by="2026-11-20")


@pytest.mark.parametrize("text", ['{"interview_end": "2026-11-16T15:00:00-05:00",}', "[1, 2]", "", "{"])
def test_malformed_json_is_an_input_error(text):
    with pytest.raises(InputError) as err:
        Case.from_json(text)
    assert err.value.field == "case"


def test_missing_file_folder_empty_binary_and_windows_1252(tmp_path):
    with pytest.raises(InputError, match="no file"):
        load_case(tmp_path / "nope.json")
    with pytest.raises(InputError, match="is a folder"):
        load_case(tmp_path)
    empty = tmp_path / "empty.json"
    empty.write_text("\n")
    with pytest.raises(InputError, match="is empty"):
        load_case(empty)
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    with pytest.raises(InputError, match="not a text file"):
        load_case(binary)
    windows = tmp_path / "windows.json"
    payload = '{"interview_end": "2026-11-16T15:00:00-05:00", "contact_name": "Jos\xe9"}'.encode("cp1252")
    windows.write_bytes(payload)
    assert load_case(windows).contact_name == "José"
    assert windows.read_bytes() == payload  # the source file is untouched


def test_fixed_offset_zone_names():
    c = case(interview_end="2026-11-16T15:00", timezone="UTC-05:00")
    assert c.interview_end.isoformat() == "2026-11-16T15:00:00-05:00"
    with pytest.raises(InputError) as err:
        case(timezone="UTC+25:00")
    assert err.value.field == "timezone"


def test_company_and_position_round_trip():
    c = case(company="Northwind Health", position="Data Analyst")
    assert Case.from_json(c.to_json()).company == "Northwind Health"


def test_base_is_valid():
    assert case().interview_date == date(2026, 11, 16)
    assert BASE["decision_by"] == "2026-11-20"


def test_misspelt_kind_gets_a_suggestion():
    with pytest.raises(InputError, match="did you mean 'thank_you'"):
        case(contacts=[contact("thankyou", "2026-11-17")])


def test_unreadable_file_is_an_input_error(tmp_path, monkeypatch):
    from pathlib import Path

    path = tmp_path / "case.json"
    path.write_text("{}")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="cannot be read"):
        load_case(path)
