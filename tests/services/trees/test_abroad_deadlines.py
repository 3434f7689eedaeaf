"""The abroad tree's 住基 deadlines as the case carries them: 14 days counted from the day
after the move, moved past closed days (週末, 祝日, 年末年始), flagged once passed; the
児童手当 claim's 15 days the same way. Scenarios cannot state a due day, so it is tested here."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kakanai.services.trees.checking import load_runtime
from tests.conftest import QUESTIONNAIRES
from tests.services.trees.interviews import interviewed_case

RUNTIME = load_runtime(QUESTIONNAIRES / "abroad.yaml")
ADDRESS = {
    "postal_code": "100-0001",
    "prefecture": "東京都",
    "municipality": "サンプル市",
    "town": "中央一丁目",
    "block": "2番3号",
}
PARENT = {
    "name": "高橋 健",
    "kana": "タカハシ ケン",
    "birth_date": "1990-05-01",
    "sex": "男",
    "relationship": "世帯主",
}
CHILD = {
    **PARENT,
    "name": "高橋 陽",
    "kana": "タカハシ ヒナタ",
    "birth_date": "2020-06-01",
    "relationship": "子",
}


def interviewed(answers: dict[str, Any], as_of: dt.date) -> dict[str, dict[str, Any]]:
    """The case's procedures by id, the interview answered from ``answers`` in its order."""
    case = interviewed_case(RUNTIME, answers, as_of)
    return {p["id"]: p for p in case["procedures"] if p.get("member") in (None, 0)}


def moving_in(move_date: str) -> dict[str, Any]:
    return {
        "abroad_move": "国外から転入",
        "move_date": move_date,
        "household": [PARENT, CHILD],
        "nationality_status": ["日本国籍", "日本国籍"],
        "stay_japan_1y": "はい",
        "new_address": ADDRESS,
        "abroad_country": "アメリカ合衆国",
        "honseki": "東京都サンプル市中央一丁目1番",
        "hittousha": "高橋 健",
        "phone": "090-1234-5678",
        "koseki_fuhyou": "本籍がサンプル市",
        "mynumber_card_holder": "いいえ",
        "wants_inkan_touroku": "いいえ",
        "kokuho_member": ["はい", "はい"],
    }


@pytest.mark.parametrize(
    ("move_date", "as_of", "due", "overdue"),
    [
        # Tue 11-10: the 14th day from the next day is Tue 11-24, an open day.
        ("2026-11-10", dt.date(2026, 11, 24), "2026-11-24", False),
        ("2026-11-10", dt.date(2026, 11, 25), "2026-11-24", True),
        # Mon 11-09: the 14th day is Mon 11-23 (勤労感謝の日), so the last day is Tue 11-24.
        ("2026-11-09", dt.date(2026, 11, 24), "2026-11-24", False),
        # Sat 11-07: the 14th day is Sat 11-21; closed Sat-Mon (11-23 祝日) → Tue 11-24.
        ("2026-11-07", dt.date(2026, 11, 24), "2026-11-24", False),
        # Moved 2026-10-01: due 10-15, long past — the 届 is still guided, flagged late.
        ("2026-10-01", dt.date(2026, 11, 24), "2026-10-15", True),
    ],
)
def test_moving_in_from_abroad_is_due_14_days_from_the_next_day(
    move_date: str, as_of: dt.date, due: str, overdue: bool
) -> None:
    procedures = interviewed(moving_in(move_date), as_of)
    for procedure_id in ("kokugai_tennyu_todoke", "kokuho_kanyu", "kokumin_nenkin"):
        found = procedures[procedure_id]
        assert (found["due"], found["overdue"]) == (due, overdue), procedure_id


def test_the_child_allowance_claim_is_due_15_days_from_the_next_day() -> None:
    """Mon 11-16 + 15 days = Tue 12-01 (児童手当 15日特例, [S69])."""
    procedures = interviewed(moving_in("2026-11-16"), dt.date(2026, 11, 24))
    assert procedures["jidou_teate_nintei"]["due"] == "2026-12-01"
    assert procedures["kokugai_tennyu_todoke"]["due"] == "2026-11-30"


def test_moving_out_over_new_year_is_due_after_the_year_end_closing() -> None:
    """Sun 12-20 + 14 days = Sun 2027-01-03, closed (12月29日〜1月3日) → Mon 01-04."""
    answers = {
        "abroad_move": "国外へ転出",
        "move_date": "2026-12-20",
        "household": [PARENT],
        "nationality_status": ["日本国籍"],
        "abroad_1y": "はい",
        "previous_address": ADDRESS,
        "abroad_country": "アメリカ合衆国",
        "honseki": "東京都サンプル市中央一丁目1番",
        "hittousha": "高橋 健",
        "phone": "090-1234-5678",
        "mynumber_card_holder": "いいえ",
        "has_inkan": "いいえ",
        "kokuho_member": ["はい"],
        "nenkin_nini": "いいえ",
        "receives_jidou_teate": "いいえ",
        "juuminzei_remaining": "いいえ",
    }
    procedures = interviewed(answers, dt.date(2026, 11, 24))
    for procedure_id in ("kokugai_tenshutsu_todoke", "kokuho_soushitsu"):
        found = procedures[procedure_id]
        assert (found["due"], found["overdue"]) == ("2027-01-04", False), procedure_id
