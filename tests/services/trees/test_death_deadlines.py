"""The death tree's deadlines as the case carries them. The 死亡届 is due 7 days counting the
day the death became known as day 1 (戸籍法86条, [S259]); the 世帯主変更届 and the other 14-day
届 count from the next day (住民基本台帳法, [S38]); the new 児童手当 claim is due 15 days from
the day after the death ([S69]). All move past closed days. Scenarios cannot state a due day,
so it is tested here."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kakanai.services.trees.checking import load_runtime
from tests.conftest import QUESTIONNAIRES
from tests.services.trees.interviews import interviewed_case

RUNTIME = load_runtime(QUESTIONNAIRES / "death.yaml")
CREATED = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
ADDRESS = {
    "postal_code": "100-0001",
    "prefecture": "東京都",
    "municipality": "サンプル市",
    "town": "中央一丁目",
    "block": "2番3号",
}
HOUSEHOLD = [
    {
        "name": "鈴木 大輔",
        "kana": "スズキ ダイスケ",
        "birth_date": "1960-07-07",
        "sex": "男",
        "relationship": "世帯主",
    },
    {
        "name": "鈴木 由美",
        "kana": "スズキ ユミ",
        "birth_date": "1962-03-03",
        "sex": "女",
        "relationship": "妻",
    },
    {
        "name": "鈴木 蓮",
        "kana": "スズキ レン",
        "birth_date": "2010-05-05",
        "sex": "男",
        "relationship": "子",
    },
]


def answers(death_date: str, known: str) -> dict[str, Any]:
    """A 66-year-old head in 国保 and the 基礎年金, the 児童手当 recipient for his 16-year-old
    son; his wife and son remain (two aged 15 or over), the 死亡届 not filed yet."""
    return {
        "applicant_name": "鈴木 由美",
        "applicant_kana": "スズキ ユミ",
        "applicant_relation": "配偶者",
        "requester_address": ADDRESS,
        "phone": "090-1234-5678",
        "death_date": death_date,
        "deceased_address": ADDRESS,
        "shibou_todoke_done": "いいえ",
        "died_abroad": "いいえ",
        "death_known_date": known,
        "deceased_honseki": "東京都サンプル市中央一丁目2番",
        "uses_city_saijou": "いいえ",
        "household": HOUSEHOLD,
        "kinship": ["本人", "妻", "子"],
        "deceased_was_head": "はい",
        "two_adults_remain": "はい",
        "seikatsu_hogo": "いいえ",
        "kouki_disability": "いいえ",
        "deceased_insurance": "国保",
        "medical_high": "いいえ",
        "funeral_held": "はい",
        "deceased_kaigo_nintei": "なし",
        "pension_status": "基礎年金のみ受給",
        "nenkin_mynumber": "未登録",
        "seikei_survivor": "はい",
        "has_disability_items": "いいえ",
        "jidou_teate_recipient": "はい",
        "child_medical_cards": "いいえ",
        "fuyou_teate": "いいえ",
        "had_inkan": "いいえ",
        "juuminzei": "いいえ",
        "real_estate": "なし",
        "kakutei_shinkoku": "いいえ",
        "souzokuzei": "超えない",
        "has_vehicle": "いいえ",
        "deceased_dog": "いいえ",
        "city_grave": "いいえ",
        "water_account": "いいえ",
        "survivors_kokuho": "はい",
        "needs_certificates": "いいえ",
    }


def interviewed(given: dict[str, Any], as_of: dt.date) -> dict[str, dict[str, Any]]:
    """The case's procedures by id (the first of each), answered in the interview's order."""
    case = interviewed_case(RUNTIME, given, as_of, created=CREATED)
    found: dict[str, dict[str, Any]] = {}
    for procedure in case["procedures"]:
        found.setdefault(procedure["id"], procedure)
    return found


@pytest.mark.parametrize(
    ("known", "as_of", "due", "overdue"),
    [
        # Known Thu 12-03: day 1 is 12-03, day 7 Wed 12-09 is the last day.
        ("2026-12-03", dt.date(2026, 12, 9), "2026-12-09", False),
        # The 8th day: late (still accepted; the slip says so).
        ("2026-12-03", dt.date(2026, 12, 10), "2026-12-09", True),
        # Known Sat 12-05: day 7 is Fri 12-11.
        ("2026-12-05", dt.date(2026, 12, 10), "2026-12-11", False),
        # Known Thu 12-24: day 7 is Wed 12-30, closed (12月29日〜1月3日) → Mon 2027-01-04.
        ("2026-12-24", dt.date(2026, 12, 28), "2027-01-04", False),
    ],
)
def test_the_death_notification_counts_the_day_it_became_known_as_day_one(
    known: str, as_of: dt.date, due: str, overdue: bool
) -> None:
    found = interviewed(answers(known, known), as_of)["shibou_todoke"]
    assert (found["due"], found["overdue"]) == (due, overdue)


def test_the_notification_runs_from_the_day_it_became_known_not_from_the_death() -> None:
    """Died Tue 12-01, known Fri 12-04 (a relative abroad): day 7 is Thu 12-10."""
    found = interviewed(answers("2026-12-01", "2026-12-04"), dt.date(2026, 12, 10))
    assert (found["shibou_todoke"]["due"], found["shibou_todoke"]["overdue"]) == (
        "2026-12-10",
        False,
    )


@pytest.mark.parametrize(
    ("death", "as_of", "due", "overdue"),
    [
        # Died Thu 12-03: the 14th day from the next day is Thu 12-17.
        ("2026-12-03", dt.date(2026, 12, 17), "2026-12-17", False),
        ("2026-12-03", dt.date(2026, 12, 18), "2026-12-17", True),
        # Died Sun 11-22: the 14th day is Sun 12-06, closed → Mon 12-07.
        ("2026-11-22", dt.date(2026, 12, 7), "2026-12-07", False),
    ],
)
def test_the_head_of_household_change_is_due_14_days_from_the_next_day(
    death: str, as_of: dt.date, due: str, overdue: bool
) -> None:
    procedures = interviewed(answers(death, death), as_of)
    for procedure_id in ("setainushi_henkou", "nenkin_jukyuusha_shibou"):
        found = procedures[procedure_id]
        assert (found["due"], found["overdue"]) == (due, overdue), procedure_id


def test_the_same_death_gives_the_koseki_and_the_juuki_deadline_apart() -> None:
    """Died and known Thu 12-03: 死亡届 Wed 12-09, 世帯主変更届 Thu 12-17."""
    procedures = interviewed(answers("2026-12-03", "2026-12-03"), dt.date(2026, 12, 4))
    assert procedures["shibou_todoke"]["due"] == "2026-12-09"
    assert procedures["setainushi_henkou"]["due"] == "2026-12-17"


def test_the_new_child_allowance_claim_is_due_15_days_from_the_day_after_the_death() -> None:
    """Died Wed 12-02 + 15 days = Thu 12-17 (児童手当 15日特例, [S69][S70])."""
    procedures = interviewed(answers("2026-12-02", "2026-12-02"), dt.date(2026, 12, 10))
    found = procedures["jidou_teate_juukyuusha_shibou"]
    assert (found["due"], found["overdue"]) == ("2026-12-17", False)
