"""Which forms a desk prints for a case, how many, and under which file names."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from kakanai.core.errors import KakanaiError
from kakanai.core.forms.selection import (
    file_name,
    find_department,
    form_ids,
    jobs,
    safe_file_name,
    select_procedures,
    unique,
)
from tests.conftest import ROOT

CASE: dict[str, Any] = json.loads(
    (ROOT / "tests" / "fixtures" / "reference_case.json").read_text(encoding="utf-8")
)
PER_MEMBER = {"kodomo_iryou_shinsei", "kokumin_nenkin_todoke"}


def per_member(form_id: str) -> bool:
    return form_id in PER_MEMBER


@pytest.mark.parametrize(
    ("department", "expected"),
    [
        ("kodomo", ["jidou_teate_nintei_seikyu", "kodomo_iryou_shinsei", "hoiku_riyou_moushikomi"]),
        (
            "こども育成課",
            ["jidou_teate_nintei_seikyu", "kodomo_iryou_shinsei", "hoiku_riyou_moushikomi"],
        ),
        ("kankyou", ["inu_touroku_henkou"]),
    ],
)
def test_a_department_by_id_or_name_gets_its_procedures_forms(
    department: str, expected: list[str]
) -> None:
    assert form_ids(select_procedures(CASE, department=department)) == expected


def test_per_member_forms_are_one_per_member_concerned() -> None:
    selected = jobs(CASE, select_procedures(CASE, department="kodomo"), per_member)
    iryou = [(j.form_id, j.member) for j in selected if j.form_id == "kodomo_iryou_shinsei"]
    assert iryou == [("kodomo_iryou_shinsei", 3), ("kodomo_iryou_shinsei", 2)]
    assert {j.procedure["id"] for j in selected if j.member == 3} == {"kodomo_iryou_nyuyouji"}


def test_a_household_form_asked_for_by_several_procedures_is_printed_once() -> None:
    case = copy.deepcopy(CASE)
    for entry in case["procedures"]:
        if entry["id"] == "kodomo_iryou_gimu":
            entry["forms"] = ["jidou_teate_nintei_seikyu"]
    selected = jobs(case, select_procedures(case, department="kodomo"), per_member)
    ids = [j.form_id for j in selected]
    assert ids.count("jidou_teate_nintei_seikyu") == 1
    assert selected[0].procedure["id"] == "jidou_teate_nintei"
    assert selected[0].department is not None
    assert selected[0].department["name"] == "こども育成課"


def test_a_department_the_case_does_not_concern_is_a_japanese_error_listing_the_others() -> None:
    with pytest.raises(KakanaiError) as caught:
        select_procedures(CASE, department="zeimu")
    assert caught.value.code.code == "FORM_021"
    assert "zeimu" in caught.value.message
    assert "こども育成課(kodomo)" in caught.value.message


def test_a_procedure_without_forms_has_nothing_to_print() -> None:
    with pytest.raises(KakanaiError) as caught:
        select_procedures(CASE, procedure="mynumber_card_keizoku")
    assert caught.value.code.code == "FORM_022"


def test_an_unknown_procedure_suggests_the_close_one() -> None:
    with pytest.raises(KakanaiError) as caught:
        select_procedures(CASE, procedure="inu_tenyu")
    assert caught.value.code.code == "FORM_023"
    assert "もしかして: inu_tennyu" in caught.value.message


def test_all_procedures_with_forms_are_selected_without_a_filter() -> None:
    selected = select_procedures(CASE)
    assert len(selected) == sum(1 for p in CASE["procedures"] if p["forms"])


def test_find_department_accepts_the_japanese_name() -> None:
    assert find_department(CASE, "環境課")["id"] == "kankyou"


def test_file_names_carry_case_department_form_and_member_number() -> None:
    selected = jobs(CASE, select_procedures(CASE, department="kodomo"), per_member)
    names = [file_name(CASE, job, "kodomo") for job in selected]
    assert "20261123-3FA2C1_kodomo_kodomo_iryou_shinsei_世帯員3.pdf" in names
    assert "20261123-3FA2C1_kodomo_jidou_teate_nintei_seikyu.pdf" in names
    assert not any("山田" in name for name in names)


def test_file_names_carry_the_person_only_when_asked() -> None:
    selected = jobs(CASE, select_procedures(CASE, department="kodomo"), per_member)
    names = [file_name(CASE, job, "kodomo", with_name=True) for job in selected]
    assert "20261123-3FA2C1_kodomo_kodomo_iryou_shinsei_山田一郎.pdf" in names
    assert "20261123-3FA2C1_kodomo_jidou_teate_nintei_seikyu_山田太郎.pdf" in names


def test_file_names_drop_spaces_variation_selectors_and_forbidden_characters() -> None:
    case = copy.deepcopy(CASE)
    case["household"]["members"][0]["name"] = "辻\U000e0100 太郎/次郎:?\u202e"
    job = jobs(case, select_procedures(case, department="kankyou"), per_member)[0]
    assert file_name(case, job, "kankyou", with_name=True).endswith("_辻太郎次郎.pdf")


@pytest.mark.parametrize(
    "case_id", ["../../escaped", "/etc/passwd", "..\\..\\x", "..", ".hidden", "a\x00b"]
)
def test_a_case_id_never_leads_a_file_name_out_of_its_folder(case_id: str) -> None:
    name = safe_file_name([case_id, "all"])
    assert Path(name).name == name
    assert not name.startswith(".")
    assert not set(name) & {"/", "\\", "\x00"}


def test_file_names_fit_in_255_bytes_with_room_for_a_number() -> None:
    name = safe_file_name(["𠮷" * 300, "kodomo", "form"])
    assert len(name.encode("utf-8")) <= 255 - len("_999")
    assert name.endswith(".pdf")
    assert "\ufffd" not in name


def test_duplicate_file_names_get_a_number() -> None:
    assert unique(["a.pdf", "b.pdf", "a.pdf", "a.pdf"]) == ["a.pdf", "b.pdf", "a_2.pdf", "a_3.pdf"]
