"""The department-limited summary: a desk sees its own procedures and only the answers and
household fields its forms print or its procedures were decided on."""

from __future__ import annotations

import pytest

from kakanai.services.case_files import load_case
from kakanai.services.desk.summary import department_summary
from kakanai.services.shipped_data import FORM_TEMPLATES
from tests.desk_slips import reference_case

SAMPLES = FORM_TEMPLATES / "samples"

# Answers that belong to other departments' procedures in the reference case.
KOKUHO = "この方の健康保険は、次のどれですか(転入の方は、サンプル市で入る保険です)。"
DOG = "犬の名前を教えてください。"
HONSEKI = "本籍地を教えてください。"


def shown(department: str) -> list[str]:
    return department_summary(reference_case(), department).texts()


@pytest.mark.parametrize(
    ("department", "hidden"),
    [
        ("kodomo", [KOKUHO, DOG, HONSEKI, "ポチ", "第2019-1234号"]),
        ("gakumu", [KOKUHO, DOG, HONSEKI]),
        ("kankyou", [KOKUHO, HONSEKI, "山田 花子", "山田 一郎"]),
        ("hoken_nenkin", [DOG, HONSEKI, "みなと市立常盤小学校"]),
    ],
)
def test_a_desk_does_not_see_other_departments_answers(department: str, hidden: list[str]) -> None:
    texts = "\n".join(shown(department))
    for text in hidden:
        assert text not in texts, f"{department} sees {text}"


@pytest.mark.parametrize(
    ("department", "seen"),
    [
        ("hoken_nenkin", [KOKUHO, "国民健康保険 加入の届出"]),
        ("kankyou", ["ポチ", "第2019-1234号", "山田 太郎"]),
        ("gakumu", ["みなと市立常盤小学校", "山田 一郎"]),
        ("shimin", [HONSEKI, "埼玉県みなと市常盤一丁目12番地"]),
    ],
)
def test_a_desk_sees_what_its_forms_and_procedures_read(department: str, seen: list[str]) -> None:
    texts = shown(department)
    for text in seen:
        assert text in texts, f"{department} misses {text}"


def test_procedures_come_with_reason_what_to_bring_and_member() -> None:
    summary = department_summary(reference_case(), "kodomo")
    assert [(p.id, p.member_name) for p in summary.procedures] == [
        ("jidou_teate_nintei", ""),
        ("kodomo_iryou_nyuyouji", "山田 桜"),
        ("kodomo_iryou_gimu", "山田 一郎"),
        ("hoikusho_moushikomi", ""),
    ]
    first = summary.procedures[0]
    assert first.because
    assert first.bring


def test_members_show_only_the_fields_the_forms_print() -> None:
    """The 犬の登録 form prints the owner's name and kana, not the birth date."""
    summary = department_summary(reference_case(), "kankyou")
    assert [m.index for m in summary.members] == [0]
    labels = [label for label, _value in summary.members[0].fields]
    assert labels == ["氏名", "フリガナ"]


def test_the_school_desk_sees_the_pupil_and_the_head_only() -> None:
    summary = department_summary(reference_case(), "gakumu")
    assert [m.index for m in summary.members] == [0, 2]


def test_a_department_without_procedures_sees_nothing() -> None:
    summary = department_summary(reference_case(), "zeimu")
    assert summary.texts() == []


def test_a_household_form_about_one_person_shows_that_person() -> None:
    """税務課's 原付 form prints its owner (``person``, the head by default): the desk sees
    who that is."""
    case = load_case(SAMPLES / "tenshutsu.json")
    head = case["household"]["members"][case["household"]["head"]]["name"]
    assert any(p["department"] == "zeimu" for p in case["procedures"])
    assert head in department_summary(case, "zeimu").texts()


def test_a_refusal_at_the_desk_is_marked_as_a_notice() -> None:
    """住民票の写しを請求できません (kind: guidance) reaches 市民課's desk marked as a notice."""
    summary = department_summary(load_case(SAMPLES / "shoumei_ininjou.json"), "shimin")
    assert [(p.name, p.notice) for p in summary.procedures] == [
        ("住民票の写しを請求できません(委任状が必要です)", True),
        ("戸籍の証明書を請求できません(委任状が必要です)", True),
    ]
    reference = department_summary(reference_case(), "shimin")
    assert not any(p.notice for p in reference.procedures)
