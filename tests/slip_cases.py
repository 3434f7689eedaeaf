"""Cases for the guidance slip tests: the reference case and a stress case made from a copy
of it (a 20-character name, a 40+ character address, 15 procedures in 7 departments)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
from typing import Any

from tests.conftest import ROOT

REFERENCE_CASE = ROOT / "tests" / "fixtures" / "reference_case.json"
JST = dt.timezone(dt.timedelta(hours=9))
ISSUED_AT = dt.datetime(2026, 11, 23, 10, 15, tzinfo=JST)
EXPIRES_AT = dt.datetime(2026, 12, 23, 10, 15, tzinfo=JST)
LONG_NAME = "長谷川ミハイロヴナ・アレクサンドラ寿限無"  # 20 characters
LONG_BUILDING = "サンプルグランドレジデンス中央公園前ウエストタワー棟 2508号室"


def reference_case() -> dict[str, Any]:
    return json.loads(REFERENCE_CASE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def payload_digits(count: int = 620, seed: int = 7) -> str:
    """A digit string as long as a real encrypted payload, different on every position."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible test payload, not a secret
    return "".join(rng.choice("0123456789") for _ in range(count))


def _procedure(pid: str, name: str, department: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": pid,
        "name": name,
        "department": department,
        "per": "household",
        "member": None,
        "because": fields.get("because", f"{name}が必要です。"),
        "bring": fields.get("bring", []),
        "forms": [],
        "deadline": fields.get("deadline", ""),
        "desk": fields.get("desk", ""),
        "evidence": [],
    }


EXTRA_PROCEDURES = [
    _procedure(
        "gentsuki_touroku",
        "原動機付自転車の登録(標識の交付)",
        "zeimu",
        bring=["前の市区町村の廃車申告受付書", "印鑑(認め印)"],
        deadline="転入した日から15日以内",
    ),
    _procedure(
        "shougai_techo_kyojuuchi",
        "障害者手帳の居住地変更(身体障害者手帳・療育手帳・精神障害者保健福祉手帳)",
        "shougai",
        bring=["お持ちの障害者手帳"],
    ),
    _procedure(
        "tenshutsu_gakkou", "転出に伴う在学証明書などの受け取り", "gakumu", desk="在学中の学校"
    ),
]
EXTRA_DEPARTMENTS = [
    {"id": "zeimu", "name": "税務課", "floor": "2階", "counter": "20番窓口", "extension": "2201"},
    {
        "id": "shougai",
        "name": "障がい者福祉課",
        "floor": "1階",
        "counter": "10番窓口",
        "extension": "1301",
    },
]


def stress_case() -> dict[str, Any]:
    case = copy.deepcopy(reference_case())
    head = case["household"]["members"][0]
    head["name"] = LONG_NAME
    head["kana"] = "ハセガワミハイロヴナ・アレクサンドラジュゲム"
    case["addresses"]["new_address"]["building"] = LONG_BUILDING
    case["procedures"] += copy.deepcopy(EXTRA_PROCEDURES)
    case["departments"] += copy.deepcopy(EXTRA_DEPARTMENTS)
    assert len(case["procedures"]) == 15
    assert len(LONG_NAME) == 20
    return case
