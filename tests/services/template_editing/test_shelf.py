"""Where the 様式 editor saves: a plain folder in place; on a desk a shipped template goes to
the city's copy. Why a write failed is said in Japanese."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from kakanai.core.errors import KakanaiError
from kakanai.services import shipped_data
from kakanai.services.template_editing.document import reason
from kakanai.services.template_editing.shelf import TemplateShelf


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_a_plain_folder_is_saved_in_place(template_path: Path) -> None:
    shelf = TemplateShelf(template_path.parent)
    assert not shelf.overlays
    assert shelf.save_target(template_path) == template_path
    assert [t.path for t in shelf.listed()] == [template_path]


def test_on_a_desk_a_shipped_template_is_saved_as_the_city_s_copy(data: Path) -> None:
    shipped = shipped_data.FORM_TEMPLATES / "kodomo_iryou_shinsei.yaml"
    target = TemplateShelf.desk().save_target(shipped)
    assert target == data / "forms_templates" / "kodomo_iryou_shinsei.yaml"


def test_on_a_desk_the_city_s_own_file_is_saved_in_place(data: Path) -> None:
    city = data / "forms_templates" / "aozora.yaml"
    assert TemplateShelf.desk().save_target(city) == city


def test_a_shipped_template_cannot_be_reset(data: Path) -> None:
    shipped = shipped_data.FORM_TEMPLATES / "kodomo_iryou_shinsei.yaml"
    with pytest.raises(KakanaiError) as raised:
        TemplateShelf.desk().reset(shipped)
    assert raised.value.code.code == "FORM_EDIT_005"
    assert shipped.is_file()


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "ディスクの空き容量が足りません"),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "ディスクの空き容量が足りません"),
        (OSError(errno.EROFS, "Read-only file system"), "読み取り専用の場所です"),
        (PermissionError(errno.EACCES, "Permission denied"), "書き込む権限がありません"),
        (OSError(errno.EPERM, "Operation not permitted"), "書き込む権限がありません"),
    ],
)
def test_why_a_write_failed_is_said_in_japanese(error: OSError, said: str) -> None:
    assert reason(error) == said


def test_on_a_desk_templates_are_checked_against_the_trees_the_desk_reads(data: Path) -> None:
    moving = (shipped_data.QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
    assert "city: サンプル市" in moving
    city = data / "questionnaires" / "moving.yaml"
    city.parent.mkdir(parents=True)
    city.write_text(moving.replace("city: サンプル市", "city: 青空市", 1), encoding="utf-8")
    context = TemplateShelf.desk().context()
    assert context is not None
    movings = [tree for tree in context.trees if tree.meta.id == "moving"]
    assert [tree.meta.city for tree in movings] == ["青空市"]
    ids = {tree.meta.id for tree in context.trees}
    assert ids == set(shipped_data.questionnaire_ids())


def test_a_plain_folder_is_checked_against_the_trees_beside_it(template_path: Path) -> None:
    assert TemplateShelf(template_path.parent).context() is None
