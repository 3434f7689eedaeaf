"""A draft of the tree in use is kept apart from it (saving changes no counter); a draft
knows whether it changed since it was saved; files it cannot read or write say why."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kakanai.core.errors import KakanaiError
from kakanai.services.tree_editing.draft import draft_of, drafts_folder, open_draft, read_draft
from tests.conftest import KOUKI_75, KOUKI_76, QUESTIONNAIRES


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_a_draft_of_the_tree_in_use_is_saved_to_the_drafts_folder(data_dir: Path) -> None:
    draft = draft_of("moving")
    assert draft.source == QUESTIONNAIRES / "moving.yaml"
    assert draft.path == drafts_folder() / "moving.yaml"
    assert not draft.modified
    assert not draft.on_disk
    draft.text = draft.text.replace(
        KOUKI_75,
        KOUKI_76,
        1,
    )
    assert draft.modified
    draft.save()
    assert draft.on_disk
    assert draft.tests_path.read_text(encoding="utf-8") == draft.tests_text
    assert KOUKI_76 not in (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
    again = draft_of("moving")
    assert again.text == draft.text
    assert again.source == QUESTIONNAIRES / "moving.yaml"


def test_any_tree_file_is_saved_back_where_it_was(tmp_path: Path) -> None:
    tree = tmp_path / "city.yaml"
    shutil.copy(QUESTIONNAIRES / "moving.yaml", tree)
    draft = open_draft(tree)
    assert draft.tests_text is None
    assert draft.on_disk
    draft.text += "# 追記\n"
    draft.save()
    assert tree.read_text(encoding="utf-8").endswith("# 追記\n")
    assert not draft.tests_path.exists()


def test_a_draft_that_cannot_be_saved_says_where_and_why(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x", encoding="utf-8")
    draft = open_draft(QUESTIONNAIRES / "moving.yaml")
    draft.path = blocker / "moving.yaml"
    with pytest.raises(KakanaiError) as caught:
        draft.save()
    assert caught.value.code.code == "EDIT_004"


def test_a_file_that_is_not_utf8_is_refused_with_what_to_check(tmp_path: Path) -> None:
    tree = tmp_path / "sjis.yaml"
    tree.write_bytes("設問".encode("shift_jis"))
    with pytest.raises(KakanaiError) as caught:
        open_draft(tree)
    assert caught.value.code.code == "EDIT_005"


def test_broken_yaml_is_read_as_far_as_it_goes() -> None:
    reading = read_draft("questionnaire: [\n", "broken.yaml")
    assert reading.broken
    assert reading.problems[0].code.code == "TREE_YAML_001"
