"""Where a desk finds its content: the shipped trees and templates, and a city's own in the
data folder, which win over the shipped ones with the same id."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakanai.services.case_files import load_case
from kakanai.services.forms.checking import template_folders
from kakanai.services.forms.rendering import render_form, render_forms
from kakanai.services.forms.templates import index, split_paths, template_files
from kakanai.services.shipped_data import (
    FORM_TEMPLATES,
    QUESTIONNAIRES,
    REFERENCE_CASE,
    content_folders,
    questionnaire_file,
    template_index,
    templates,
    tree_argument,
)
from kakanai.services.slip.sealing import questionnaire_runtime

CITY_TITLE = "子ども医療費助成 医療証交付申請書(青空市の様式)"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def city_copy(source: Path, folder: Path, old: str, new: str) -> Path:
    """A copy of a shipped file in the city's folder with one line changed."""
    text = source.read_text(encoding="utf-8")
    assert old in text
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_without_a_city_folder_the_shipped_content_is_used(data: Path) -> None:
    assert questionnaire_file("moving") == QUESTIONNAIRES / "moving.yaml"
    assert template_index()["kodomo_iryou_shinsei"] == FORM_TEMPLATES / "kodomo_iryou_shinsei.yaml"
    assert content_folders() == [QUESTIONNAIRES, FORM_TEMPLATES]


def test_a_city_template_with_a_shipped_id_is_the_one_printed(data: Path) -> None:
    shipped = FORM_TEMPLATES / "kodomo_iryou_shinsei.yaml"
    old = "title: 子ども医療費助成 医療証交付申請書"
    city_copy(shipped, data / "forms_templates", old, f"title: {CITY_TITLE}")
    case = load_case(REFERENCE_CASE)
    titles = {form.form_id: form.title for form in render_forms(case, department="kodomo")}
    assert titles["kodomo_iryou_shinsei"] == CITY_TITLE
    assert render_form(case, "kodomo_iryou_shinsei").title == CITY_TITLE


def test_a_city_template_with_a_new_id_is_added_to_the_shipped_ones(data: Path) -> None:
    shipped = FORM_TEMPLATES / "kodomo_iryou_shinsei.yaml"
    city = city_copy(shipped, data / "forms_templates", "id: kodomo_iryou_shinsei", "id: aozora")
    city.rename(city.with_name("aozora.yaml"))
    index = template_index()
    assert index["aozora"] == city.with_name("aozora.yaml")
    assert index["kodomo_iryou_shinsei"] == shipped


def test_a_city_question_tree_with_the_shipped_id_is_the_one_a_desk_opens(data: Path) -> None:
    old, new = "city: サンプル市", "city: 青空市"
    city = city_copy(QUESTIONNAIRES / "moving.yaml", data / "questionnaires", old, new)
    assert questionnaire_file("moving") == city
    assert tree_argument("moving") == city
    assert questionnaire_runtime("moving").tree.meta.city == "青空市"
    assert content_folders()[:2] == [data / "questionnaires", QUESTIONNAIRES]


def test_a_tree_named_by_a_path_stays_that_path(data: Path, tmp_path: Path) -> None:
    assert tree_argument("questionnaires/moving.yaml") == Path("questionnaires/moving.yaml")
    assert tree_argument(str(tmp_path)) == tmp_path


def test_a_city_copy_replaces_only_its_own_shipped_template(data: Path) -> None:
    shipped = FORM_TEMPLATES / "kodomo_iryou_shinsei.yaml"
    old = "title: 子ども医療費助成 医療証交付申請書"
    city = city_copy(shipped, data / "forms_templates", old, f"title: {CITY_TITLE}")
    found = {template.id: template for template in templates()}
    assert found["kodomo_iryou_shinsei"].path == city
    assert found["kodomo_iryou_shinsei"].city_copy
    untouched = [t for t in found.values() if t.id != "kodomo_iryou_shinsei"]
    assert untouched
    assert all(t.path == t.shipped and not t.city for t in untouched)
    assert set(found) == set(index(FORM_TEMPLATES))


def test_kakanai_check_reads_the_city_copy_in_place_of_the_shipped_template(data: Path) -> None:
    shipped = FORM_TEMPLATES / "kodomo_iryou_shinsei.yaml"
    old = "title: 子ども医療費助成 医療証交付申請書"
    city = city_copy(shipped, data / "forms_templates", old, f"title: {CITY_TITLE}")
    _, template_paths = split_paths(content_folders())
    checked = template_files(template_paths)
    assert city in checked
    assert shipped not in checked
    assert len(checked) == len(index(FORM_TEMPLATES))
    # the cross-check of the trees' forms: lists reads the city's folder first
    assert template_folders(template_paths)[:2] == [data / "forms_templates", FORM_TEMPLATES]
