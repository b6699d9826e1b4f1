"""The learner's folder: names confined to it, a second step to replace, atomic writes."""

from __future__ import annotations

import pytest

from followup_lib.errors import InputError
from followup_lib.workspace import FileExists, LearnerFolder, learner_folder


@pytest.fixture
def folder(tmp_path):
    return LearnerFolder(tmp_path / "my-work")


def test_created_on_first_save_only(folder):
    assert not folder.root.exists() and folder.names() == []
    path = folder.save("acme", "{}")
    assert path == folder.root / "acme.json" and folder.names() == ["acme"]


@pytest.mark.parametrize("name", ["../x", "..", "a/b", "a\\b", "/abs", ".hidden", "~root", "con:x", "", "   ",
                                  "x" * 81, "a\x00b", "<script>"])
def test_names_that_could_leave_the_folder_are_refused(folder, tmp_path, name):
    with pytest.raises(InputError) as err:
        folder.save(name, "{}")
    assert err.value.field == "file name"
    assert list(tmp_path.rglob("*")) == []


def test_the_suffix_is_added_once(folder):
    assert folder.path_for("case.json").name == "case.json"
    assert folder.path_for("case").name == "case.json"
    assert folder.path_for("case", ".txt").name == "case.txt"


def test_replacing_takes_an_explicit_second_step(folder):
    folder.save("acme", "first")
    with pytest.raises(FileExists, match="already exists"):
        folder.save("acme", "second")
    assert folder.read("acme") == "first"
    folder.save("acme", "second", replace=True)
    assert folder.read("acme") == "second"


def test_a_failed_write_leaves_the_old_file(folder, monkeypatch):
    folder.save("acme", "first")
    import followup_lib.textio as textio

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(textio.os, "replace", broken)
    with pytest.raises(InputError, match="could not write acme.json"):
        folder.save("acme", "second", replace=True)
    assert folder.read("acme") == "first"
    assert [p.name for p in folder.root.iterdir()] == ["acme.json"]  # no temporary file left behind


def test_reading_a_missing_name_is_a_message(folder):
    with pytest.raises(InputError, match="there is no nothing.json in my-work/"):
        folder.read("nothing")


def test_the_folder_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FOLLOWUP_WORK_DIR", str(tmp_path / "elsewhere"))
    assert learner_folder().root == tmp_path / "elsewhere"
    monkeypatch.delenv("FOLLOWUP_WORK_DIR")
    monkeypatch.chdir(tmp_path)
    assert learner_folder().root == tmp_path / "my-work"
