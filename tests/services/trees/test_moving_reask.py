"""Changing the kind of move mid-interview in the shipped moving tree keeps every answer that
still means the same and asks again, with the old answer filled in, the addresses whose meaning
depends on it (another city for 転入, this city for 転居・転出)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kakanai.core.trees.interview import Interview
from kakanai.services.trees.checking import load_runtime
from tests.conftest import QUESTIONNAIRES

RUNTIME = load_runtime(QUESTIONNAIRES / "moving.yaml")
AS_OF = dt.date(2026, 11, 23)
MINATO = {
    "postal_code": "330-0061",
    "prefecture": "埼玉県",
    "municipality": "みなと市",
    "town": "常盤一丁目",
    "block": "2番3号",
}
CHUO = {**MINATO, "postal_code": "100-0001", "prefecture": "東京都", "municipality": "サンプル市"}
ANSWERS: dict[str, Any] = {
    "move_type": "転入",
    "move_date": "R8.11.16",
    "previous_address": MINATO,
    "new_address": CHUO,
    "household": [
        {
            "name": "高橋 健",
            "kana": "タカハシ ケン",
            "birth_date": "1990-05-01",
            "sex": "男",
            "relationship": "世帯主",
        }
    ],
    "honseki": "埼玉県みなと市常盤一丁目2番",
    "hittousha": "高橋 健",
    "phone": "090-1234-5678",
    "tenshutsu_shoumei": "特例転出",
    "has_mynumber_card": "はい",
    "wants_inkan": "はい",
    "health_insurance": ["国保"],
    "has_dog": "はい",
    "dog_name": "ポチ",
}


def moved_in() -> Interview:
    """A finished 転入 interview (questions ``ANSWERS`` leaves out answered いいえ or blank)."""
    interview = Interview(RUNTIME, AS_OF)
    while interview.current is not None:
        question = interview.current
        interview.answer(ANSWERS.get(question.id, None if not question.required else "いいえ"))
    return interview


def test_a_change_of_move_type_asks_the_previous_address_again_with_its_old_answer() -> None:
    interview = moved_in()
    interview.change("move_type", "転居")
    assert interview.current is not None
    assert interview.current.id == "previous_address"
    assert interview.remembered("previous_address") == moved_in().answers["previous_address"]


def test_the_new_address_is_asked_again_too_and_then_the_interview_ends() -> None:
    interview = moved_in()
    interview.change("move_type", "転居")
    interview.answer(CHUO)
    assert interview.current is not None
    assert interview.current.id == "new_address"
    assert interview.remembered("new_address") == moved_in().answers["new_address"]
    interview.answer({**CHUO, "town": "中央二丁目"})
    # 転居 asks whether anyone has a 原付 (a 転入 asked it too, so it is kept): nothing is left.
    assert interview.finished


def test_answers_that_mean_the_same_are_kept_and_those_that_no_longer_apply_are_dropped() -> None:
    interview = moved_in()
    interview.change("move_type", "転居")
    interview.answer(CHUO)
    interview.answer({**CHUO, "town": "中央二丁目"})
    kept = interview.answers
    for same in (
        "move_date",
        "household",
        "honseki",
        "phone",
        "health_insurance",
        "has_dog",
        "dog_name",
    ):
        assert kept[same] == moved_in().answers[same], same
    for only_on_moving_in in ("tenshutsu_shoumei", "wants_inkan", "shisetsu_nyusho"):
        assert only_on_moving_in not in kept, only_on_moving_in


def test_changing_back_asks_the_addresses_again_and_the_questions_only_a_move_in_asks() -> None:
    interview = moved_in()
    interview.change("move_type", "転出")
    interview.answer(CHUO)
    interview.answer(MINATO)
    while interview.current is not None:
        interview.answer("いいえ")
    as_moving_out = interview.answers["previous_address"]
    interview.change("move_type", "転入")
    assert interview.current is not None
    assert interview.current.id == "previous_address"
    assert interview.remembered("previous_address") == as_moving_out
    interview.answer(MINATO)
    interview.answer(CHUO)
    asked = []
    while interview.current is not None and interview.current.id != "tenshutsu_shoumei":
        asked.append(interview.current.id)
        interview.answer(interview.remembered(interview.current.id))
    # the questions a 転出 does not ask were dropped with it and are asked again
    assert asked == ["previous_head"]
    assert interview.remembered("tenshutsu_shoumei") is None
