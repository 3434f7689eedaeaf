"""The moving tree's 住基 deadlines as the case carries them: 14 days counted from the day after
the move (住民基本台帳法22〜24条, catalogue §0 [S38]), moved past closed days, flagged once
passed; the 児童手当 claim's 15 days and the dog's 30 days the same way. Scenarios cannot state
a due day, so it is tested here."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kakanai.services.trees.checking import load_runtime
from tests.conftest import QUESTIONNAIRES
from tests.services.trees.interviews import interviewed_case

RUNTIME = load_runtime(QUESTIONNAIRES / "moving.yaml")
HERE = {
    "postal_code": "100-0001",
    "prefecture": "東京都",
    "municipality": "サンプル市",
    "town": "中央一丁目",
    "block": "2番3号",
}
ELSEWHERE = {**HERE, "postal_code": "330-0061", "prefecture": "埼玉県", "municipality": "みなと市"}
PARENT = {
    "name": "高橋 健",
    "kana": "タカハシ ケン",
    "birth_date": "1990-05-01",
    "sex": "男",
    "relationship": "世帯主",
}
CHILD = {**PARENT, "name": "高橋 陽", "birth_date": "2020-06-01", "relationship": "子"}


def interviewed(answers: dict[str, Any], as_of: dt.date) -> dict[str, dict[str, Any]]:
    """The case's procedures by id; questions ``answers`` leaves out are answered いいえ."""
    case = interviewed_case(RUNTIME, answers, as_of, unanswered="いいえ")
    return {p["id"]: p for p in case["procedures"] if p.get("member") in (None, 0)}


def moving_in(move_date: str) -> dict[str, Any]:
    return {
        "move_type": "転入",
        "move_date": move_date,
        "previous_address": ELSEWHERE,
        "new_address": HERE,
        "household": [PARENT, CHILD],
        "honseki": "東京都サンプル市中央一丁目1番",
        "hittousha": "高橋 健",
        "phone": "090-1234-5678",
        "tenshutsu_shoumei": "転出証明書",
        "applicant": "世帯主",
        "health_insurance": ["国保", "国保"],
        "has_dog": "はい",
        "dog_name": "ポチ",
        "dog_registration_number": "",
        "previous_head": "高橋 健",
    }


@pytest.mark.parametrize(
    ("move_date", "as_of", "due", "overdue"),
    [
        # Fri 11-06: the 14th day from the next day is Fri 11-20, an open day.
        ("2026-11-06", dt.date(2026, 11, 20), "2026-11-20", False),
        ("2026-11-06", dt.date(2026, 11, 21), "2026-11-20", True),
        # Mon 11-09: the 14th day is Mon 11-23 (勤労感謝の日), so the last day is Tue 11-24.
        ("2026-11-09", dt.date(2026, 11, 24), "2026-11-24", False),
        ("2026-11-09", dt.date(2026, 11, 25), "2026-11-24", True),
    ],
)
def test_moving_in_is_due_14_days_from_the_next_day(
    move_date: str, as_of: dt.date, due: str, overdue: bool
) -> None:
    procedures = interviewed(moving_in(move_date), as_of)
    for procedure_id in ("tennyu_todoke", "kokuho_kanyu", "kokumin_nenkin"):
        found = procedures[procedure_id]
        assert (found["due"], found["overdue"]) == (due, overdue), procedure_id
    assert ("todoke_kigen_keika" in procedures) is overdue


def test_the_child_allowance_claim_is_due_15_days_and_the_dog_30_days_from_the_next_day() -> None:
    """Mon 11-16: 住基 14 days → Mon 11-30; 児童手当 15 → Tue 12-01 ([S69]); 犬 30 → Wed 12-16."""
    procedures = interviewed(moving_in("2026-11-16"), dt.date(2026, 11, 24))
    assert procedures["tennyu_todoke"]["due"] == "2026-11-30"
    assert procedures["jidou_teate_nintei"]["due"] == "2026-12-01"
    assert procedures["inu_tennyu"]["due"] == "2026-12-16"


def test_moving_out_over_new_year_is_due_after_the_year_end_closing() -> None:
    """Sun 12-20 + 14 days = Sun 2027-01-03, closed (12月29日〜1月3日) → Mon 01-04."""
    answers = {
        **moving_in("2026-12-20"),
        "move_type": "転出",
        "previous_address": HERE,
        "new_address": ELSEWHERE,
    }
    procedures = interviewed(answers, dt.date(2026, 12, 10))
    for procedure_id in ("tenshutsu_todoke", "kokuho_soushitsu"):
        found = procedures[procedure_id]
        assert (found["due"], found["overdue"]) == ("2027-01-04", False), procedure_id
    assert "tenshutsu_hayai" not in procedures  # 10 days before the move
