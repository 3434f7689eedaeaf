"""Sample visits of every life event for the counter's clerk (`kakanai bench counter`, the
screenshots, the GUI tests): each tree's answers come from one of its own reviewed scenarios
(questionnaires/*.tests.yaml), a visit of several events merges them (the first event's answer
wins where they share a question, as the interview asks it once), and ``@events`` names the
trees in the order the clerk checks them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kakanai.adapters.yaml_loading import load_file
from kakanai.benchmarks.counter_households import (
    FIVE_LEAVING,
    ONE_PERSON_WITHIN,
    REFERENCE,
    member,
    with_cards,
)
from kakanai.core.located import plain
from kakanai.services.shipped_data import QUESTIONNAIRES

EVENTS = "@events"
# The scenario each tree's sample answers come from (by name): an ordinary resident with a
# few procedures, per-member questions where the tree has them.
SCENARIOS = {
    "birth": "出生 はじめての子・会社員の家庭(14日目が祝日で期限は翌日)",
    "marriage": "妻の氏が変わる(カード・印鑑登録・国保・国民年金)",
    "divorce": "子のいる協議離婚(妻が子と暮らし、国保・児童扶養手当へ)",
    "abroad": "国外から転入 日本国籍の夫と子・外国籍の妻と子(カード・印鑑・児童手当・学校)",
    "certificates": "まとめて 住民票・印鑑証明・課税証明を本人が(2か所の窓口)",
    "death": "",  # the first scenario, once the tree ships
}
NEWBORN = member("山田 陽葵", "ヤマダ ヒマリ", "R8.11.20", "女", "子")
# The reference family's 出生届 for a fifth member born five days after the move
# (docs/domain/life-events.md B1: within 14 days, the birth day counted as day 1).
REFERENCE_BIRTH: dict[str, Any] = {
    "birth_kind": "出生",
    "visitor": "届出人",
    "born_on": "R8.11.20",
    "birth_place": "国内",
    "birth_place_address": "東京都サンプル市中央二丁目5番1号 サンプル市立病院",
    "parents_status": "婚姻中",
    "notifier": "父",
    "mother_name": "山田 花子",
    "mother_birth_date": "1984-02-03",
    "father_name": "山田 太郎",
    "father_birth_date": "S57.5.10",
    "parents_nationality": "父母とも日本国籍",
    "newborn_insurance": [None, None, None, None, "国保"],
    "mother_insurance": "サンプル市国保",
    "direct_payment": "差額なし",
    "koumuin": "いいえ",
    "jidou_teate_receiving": "はい",
    "birth_weight": [None, None, None, None, "3120"],
    "needs_youiku_iryou": [None, None, None, None, "いいえ"],
    "ninpu_kyuufu_applied": "はい",
    "wants_mynumber_card": [None, None, None, None, "はい"],
    "receipt_copies": "1",
}


def move_in_with_birth() -> dict[str, Any]:
    """The reference family moving in with a newborn: 転入 + 出生 in one visit."""
    household = [*REFERENCE["household"], NEWBORN]
    insured = [*REFERENCE["health_insurance"], "国保"]  # the newborn joins the family's 国保
    both = {**REFERENCE, **REFERENCE_BIRTH, "household": household, "health_insurance": insured}
    return {**both, EVENTS: ["moving", "birth"]}


def scenario_answers(tree_id: str) -> dict[str, Any]:
    """The raw answers of the tree's sample scenario (``SCENARIOS``; else its first)."""
    if tree_id == "moving":
        return dict(REFERENCE)
    root = plain(load_file(QUESTIONNAIRES / f"{tree_id}.tests.yaml"))
    scenarios = root.get("scenarios", []) if isinstance(root, dict) else []
    wanted = SCENARIOS.get(tree_id, "")
    found = [s for s in scenarios if s.get("name") == wanted] or scenarios[:1]
    if not found:
        raise LookupError(f"{tree_id}: no scenario to take sample answers from")
    answers = as_typed(found[0]["answers"])
    assert isinstance(answers, dict)
    return answers


def as_typed(value: object) -> object:
    """A scenario's answer as the clerk types it: YAML dates (1984-02-03) as text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: as_typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_typed(item) for item in value]
    return value


def visit(*tree_ids: str) -> dict[str, Any]:
    """The answers of a visit of ``tree_ids`` (the first tree's answer kept where shared)."""
    answers: dict[str, Any] = {}
    for tree_id in reversed(tree_ids):
        answers.update(scenario_answers(tree_id))
    answers[EVENTS] = list(tree_ids)
    return answers


REFERENCE_WITH_CARDS = "参照世帯(4人・転入・マイナンバーカード4枚)"


def households() -> dict[str, dict[str, Any]]:
    """Everything `kakanai bench counter` types, by name: the moves, then a birth alone,
    転入 + 出生, a mixed household's 国外からの転入 and a death (its 届出人 has a name and
    a kana on one page)."""
    return {
        "参照世帯(4人・転入)": REFERENCE,
        REFERENCE_WITH_CARDS: with_cards(REFERENCE, ["4821", "7306", "1957", "2648"]),
        "1人・転居": ONE_PERSON_WITHIN,
        "1人・転居(マイナンバーカード)": with_cards(ONE_PERSON_WITHIN, ["5093"]),
        "5人・転出": FIVE_LEAVING,
        "3人・出生": visit("birth"),
        "参照世帯+新生児(5人・転入+出生)": move_in_with_birth(),
        "4人・国外から転入(外国籍を含む)": visit("abroad"),
        "死亡(おくやみ・届出人の氏名とフリガナ)": visit("death"),
    }
