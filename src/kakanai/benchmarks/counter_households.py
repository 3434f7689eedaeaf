"""The households `kakanai bench counter` types in: the reference family (4 people, 転入; the
same answers as tests/fixtures/reference_case.answers.yaml), one person moving within the
city (転居), five people leaving it (転出); the visits of other life events are in
counter_visits. Raw answers, as a clerk hears them."""

from __future__ import annotations

from typing import Any

from kakanai.core.japanese.values import parse_date

MINATO = {
    "postal_code": "330-0061",
    "prefecture": "埼玉県",
    "municipality": "みなと市",
    "town": "常盤一丁目",
    "block": "12番地3号",
    "building": "みなとコーポラス常盤 203号室",
}
CHUO = {
    "postal_code": "100-0001",
    "prefecture": "東京都",
    "municipality": "サンプル市",
    "town": "中央一丁目",
    "block": "2番3号",
    "building": "サンプルハイツ中央 101号室",
}
MIDORI = {
    "postal_code": "100-0012",
    "prefecture": "東京都",
    "municipality": "サンプル市",
    "town": "緑町三丁目",
    "block": "15番地の8",
    "building": "",
}
MIRAI = {
    "postal_code": "530-0001",
    "prefecture": "大阪府",
    "municipality": "大阪市北区",
    "town": "梅田",
    "block": "1丁目1番",
    "building": "",
}


CARDS = "@cards"  # in a clerk's answers: the household's My Number cards, in member order
_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_SEX_CODES = {"男": "1", "女": "2"}  # ISO 5218, as the card holds it


def with_cards(answers: dict[str, Any], pins: list[str]) -> dict[str, Any]:
    """The same visit where every member brings their My Number card: the cards say what
    the answers say (the address a move starts from), written as cards write it (full-width
    digits, a full-width space in the name and before the building)."""
    address = answers["previous_address"]
    line = "".join(address[k] for k in ("prefecture", "municipality", "town", "block"))
    if address["building"]:
        line += "\u3000" + address["building"]
    cards = [
        {
            "name": member["name"].replace(" ", "\u3000"),
            "address": line.replace(" ", "\u3000").translate(_FULL_WIDTH_DIGITS),
            "birth": parse_date(member["birth_date"]).strftime("%Y%m%d"),
            "sex": _SEX_CODES[member["sex"]],
            "pin": pin,
        }
        for member, pin in zip(answers["household"], pins, strict=True)
    ]
    return {**answers, CARDS: cards}


def member(name: str, kana: str, birth: str, sex: str, relationship: str) -> dict[str, str]:
    return {
        "name": name,
        "kana": kana,
        "birth_date": birth,
        "sex": sex,
        "relationship": relationship,
    }


REFERENCE: dict[str, Any] = {
    "move_type": "転入",
    "move_date": "R8.11.15",
    "previous_address": MINATO,
    "new_address": CHUO,
    "honseki": "埼玉県みなと市常盤一丁目12番地",
    "hittousha": "山田 太郎",
    "phone": "090-1234-5678",
    "previous_head": "山田 太郎",
    "tenshutsu_shoumei": "転出証明書",
    "applicant": "世帯主",
    "household": [
        member("山田 太郎", "やまだ たろう", "S57.5.10", "男", "世帯主"),
        member("山田 花子", "ヤマダ ハナコ", "1984-02-03", "女", "妻"),
        member("山田 一郎", "ﾔﾏﾀﾞ ｲﾁﾛｳ", "H29.6.1", "男", "子"),
        member("山田 桜", "ヤマダ サクラ", "R4.8.20", "女", "子"),
    ],
    "has_mynumber_card": "はい",
    "mynumber_card_everyone": "はい",
    "wants_inkan": "はい",
    "health_insurance": ["国保", "国保", "国保", "国保"],
    "shisetsu_nyusho": "いいえ",
    "kaigo_nintei": "いいえ",
    "single_parent": "いいえ",
    "wants_hoikusho": "はい",
    "previous_school": "みなと市立常盤小学校",
    "has_disability_support": "いいえ",
    "has_dog": "はい",
    "dog_name": "ポチ",
    "dog_registration_number": "第2019-1234号",
    "has_gentsuki": "いいえ",
}

ONE_PERSON_WITHIN: dict[str, Any] = {
    "move_type": "転居",
    "move_date": "R8.11.20",
    "previous_address": CHUO,
    "new_address": MIDORI,
    "honseki": "東京都サンプル市中央一丁目1番",
    "hittousha": "中島 恵子",
    "phone": "090-2468-1357",
    "previous_head": "中島 恵子",
    "household": [member("中島 恵子", "ナカジマ ケイコ", "1984-02-03", "女", "世帯主")],
    "has_mynumber_card": "はい",
    "health_insurance": ["健保本人"],
    "has_disability_support": "いいえ",
    "has_dog": "いいえ",
    "has_gentsuki": "いいえ",
}

FIVE_LEAVING: dict[str, Any] = {
    "move_type": "転出",
    "move_date": "2026-12-20",
    "previous_address": CHUO,
    "new_address": MIRAI,
    "honseki": "東京都サンプル市中央一丁目1番",
    "hittousha": "長谷川 浩",
    "phone": "090-7070-6060",
    "household": [
        member("長谷川 浩", "ハセガワ ヒロシ", "S57.5.10", "男", "世帯主"),
        member("長谷川 瞳", "ハセガワ ヒトミ", "1984-02-03", "女", "妻"),
        member("長谷川 颯", "ハセガワ ハヤテ", "H30.4.2", "男", "子"),
        member("長谷川 澪", "ハセガワ ミオ", "H20.4.2", "女", "子"),
        member("長谷川 節子", "ハセガワ セツコ", "S26.1.5", "女", "母"),
    ],
    "health_insurance": ["国保", "国保", "国保", "国保", "後期高齢"],
    "shisetsu_nyusho": "いいえ",
    "same_prefecture": "いいえ",
    "kaigo_nintei": "いいえ",
    "single_parent": "いいえ",
    "has_dog": "いいえ",
    "has_gentsuki": "はい",
}
