"""Parse and normalise the values clerks type on Japanese forms: dates (和暦/西暦), furigana,
postal codes, phone numbers and names, plus age and school grade on a given day.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date


class ValueFormatError(ValueError):
    """A typed value that cannot be read; ``message`` says in Japanese what to type instead."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- width -----------------------------------------------------------------------------

# Full-width ASCII (U+FF01..U+FF5E) sits exactly 0xFEE0 above its half-width twin.
_FULLWIDTH_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def to_halfwidth_digits(text: str) -> str:
    """Turn full-width digits, letters and ASCII punctuation (１Ａａ－．／…) into half-width."""
    return text.translate(_FULLWIDTH_ASCII)


# Everything a clerk's keyboard or IME may produce where a hyphen or long vowel is meant.
_DASHES = "-‐‑‒–—―−ー－ｰ"  # the look-alikes are the point
_DASHES_TO_HYPHEN = {ord(ch): "-" for ch in _DASHES}
_PARENS = {ord("("): "-", ord(")"): "-"}

# --- eras ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Era:
    name: str
    letter: str
    start: date
    end: date | None  # inclusive; None while the era lasts

    def year_of(self, day: date) -> int:
        return day.year - self.start.year + 1

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


_ERAS = (
    _Era("明治", "M", date(1868, 1, 25), date(1912, 7, 29)),
    _Era("大正", "T", date(1912, 7, 30), date(1926, 12, 24)),
    _Era("昭和", "S", date(1926, 12, 25), date(1989, 1, 7)),
    _Era("平成", "H", date(1989, 1, 8), date(2019, 4, 30)),
    _Era("令和", "R", date(2019, 5, 1), None),
)
_ERA_BY_TOKEN = {
    token: era for era in _ERAS for token in (era.name, era.name[0], era.letter, era.letter.lower())
}
_ERA_LETTERS = "・".join(f"{era.letter}({era.name})" for era in _ERAS)
EARLIEST_DATE = _ERAS[0].start
"""The first day 和暦 can write (see ``domain.check_date``)."""

_MONTH_DAY = r"(?:年|[./-])(?P<month>[0-9]{1,2})(?:月|[./-])(?P<day>[0-9]{1,2})日?"
_ERA_DATE = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和|[明大昭平令]|[A-Za-z])(?P<year>[0-9]{1,2}|元)" + _MONTH_DAY
)
# S570510: the era's letter (or kanji) and six digits, two each for year, month and day, as
# counter systems take a date in one stretch of the number keys.
_COMPACT_ERA_DATE = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和|[明大昭平令]|[A-Za-z])"
    r"(?P<year>[0-9]{2})(?P<month>[0-9]{2})(?P<day>[0-9]{2})"
)
_WESTERN_DATE = re.compile(r"(?P<year>[0-9]{1,4})" + _MONTH_DAY)
_COMPACT_DATE = re.compile(r"(?P<year>[0-9]{4})(?P<month>[0-9]{2})(?P<day>[0-9]{2})")
_COMPACT_SHORT_YEAR = re.compile(r"[0-9]{6}")

# 11.15, 11/15, 11月15日 and 1115: a day near the interview's, typed without its year.
_MONTH_DAY_ONLY = re.compile(
    r"(?P<month>[0-9]{1,2})(?:月|[./-])(?P<day>[0-9]{1,2})日?|(?P<mm>[0-9]{2})(?P<dd>[0-9]{2})"
)
NEAR_DAYS = 183
"""A date typed without its year is the one within half a year of the interview's day."""

_DATE_EXAMPLES = "1985年4月12日、1985-04-12、昭和60年4月12日、S60.4.12 のように入力してください。"


def _year_text(era_year: int) -> str:
    return "元" if era_year == 1 else str(era_year)


def _era_containing(day: date) -> _Era:
    for era in _ERAS:
        if era.contains(day):
            return era
    raise ValueFormatError(
        f"{day.year}年{day.month}月{day.day}日は明治(1868年1月25日から)より前のため"
        "和暦で表せません。西暦で入力してください。"
    )


def era_of(d: date) -> tuple[str, int]:
    """Return the era name and the year within it, e.g. ``("令和", 8)`` for 2026-11-23."""
    era = _era_containing(d)
    return era.name, era.year_of(d)


def format_wareki(d: date, *, gannen: bool = True) -> str:
    """Write a date as 和暦: ``令和8年11月23日``; year 1 is 元年 unless ``gannen`` is False."""
    name, era_year = era_of(d)
    year_text = _year_text(era_year) if gannen else str(era_year)
    return f"{name}{year_text}年{d.month}月{d.day}日"


def format_wareki_compact(d: date) -> str:
    """Write a date in the fewest keys ``parse_date`` reads back: ``S570510``."""
    era = _era_containing(d)
    return f"{era.letter}{era.year_of(d):02d}{d.month:02d}{d.day:02d}"


def format_wareki_short(d: date) -> str:
    """Write a date in the short letter form used on forms: ``R8.11.23``."""
    era = _era_containing(d)
    return f"{era.letter}{era.year_of(d)}.{d.month}.{d.day}"


# --- dates -----------------------------------------------------------------------------


def parse_date(text: str, *, near: date | None = None) -> date:
    """Read a 和暦 or 西暦 date as clerks type it (full-width, letters, kanji, 元年, 8 digits,
    an era and 6 digits). Given ``near`` (the interview's day), a month and day alone
    (``1115``, ``11.15``, ``11月15日``) is that day within half a year of it, as counter systems
    take the 異動日 of a move made last week."""
    compact = re.sub(r"\s+", "", to_halfwidth_digits(text))
    if not compact:
        raise ValueFormatError("日付が入力されていません。" + _DATE_EXAMPLES)
    if match := _ERA_DATE.fullmatch(compact) or _COMPACT_ERA_DATE.fullmatch(compact):
        return _era_date(match)
    match = _WESTERN_DATE.fullmatch(compact) or _COMPACT_DATE.fullmatch(compact)
    if match:
        return _western_date(match)
    if near is not None and (match := _MONTH_DAY_ONLY.fullmatch(compact)):
        return _near_date(match, near, text.strip())
    if _COMPACT_SHORT_YEAR.fullmatch(compact):
        raise ValueFormatError(_short_year_message(compact))
    raise ValueFormatError(f"日付「{text.strip()}」を読み取れません。" + _DATE_EXAMPLES)


def _near_date(match: re.Match[str], near: date, typed: str) -> date:
    """The day of ``match``'s month and day nearest to ``near``, if within ``NEAR_DAYS``."""
    month = int(match["month"] or match["mm"])
    day = int(match["day"] or match["dd"])
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise ValueFormatError(f"日付「{typed}」を読み取れません。" + _DATE_EXAMPLES)
    found = [
        date(year, month, day)
        for year in (near.year - 1, near.year, near.year + 1)
        if day <= calendar.monthrange(year, month)[1]
    ]
    nearest = min(found, key=lambda d: abs((d - near).days), default=None)
    if nearest is None or abs((nearest - near).days) > NEAR_DAYS:
        raise ValueFormatError(
            f"「{typed}」は月日だけのため、今日から半年以内の{month}月{day}日として読みますが、"
            "その日がありません。年も付けて、R8.11.15 や 2026-11-15 のように入力してください。"
        )
    return nearest


def _short_year_message(typed: str) -> str:
    return (
        f"「{typed}」は年が2桁以下のため、西暦か和暦か分かりません。"
        "西暦は1985-04-12のように4桁で、和暦はS60.4.12や昭和60年4月12日のように"
        "元号を付けて入力してください。"
    )


def _western_date(match: re.Match[str]) -> date:
    year_digits = match["year"]
    if len(year_digits) < 4:
        raise ValueFormatError(_short_year_message(match.group(0)))
    year = int(year_digits)
    if year == 0:
        raise ValueFormatError(
            "西暦0年はありません。西暦は1985-04-12のように4桁で入力してください。"
        )
    return _calendar_date(year, int(match["month"]), int(match["day"]), f"{year}年")


def _era_date(match: re.Match[str]) -> date:
    token = match["era"]
    era = _ERA_BY_TOKEN.get(token)
    if era is None:
        raise ValueFormatError(
            f"元号の記号「{token}」は使えません。{_ERA_LETTERS}のどれかを付けて、"
            "S60.4.12のように入力してください。"
        )
    era_year = 1 if match["year"] == "元" else int(match["year"])
    if era_year == 0:
        raise ValueFormatError(
            f"{era.name}0年はありません。1年目は{era.name}元年(または{era.letter}1)と入力してください。"
        )
    label = f"{era.name}{_year_text(era_year)}年"
    day = _calendar_date(
        era.start.year + era_year - 1, int(match["month"]), int(match["day"]), label
    )
    if not era.contains(day):
        raise ValueFormatError(_outside_era_message(era, f"{label}{day.month}月{day.day}日", day))
    return day


def _calendar_date(year: int, month: int, day: int, year_label: str) -> date:
    if not 1 <= month <= 12:
        raise ValueFormatError(
            f"{year_label}{month}月はありません。月は1から12までの数で入力してください。"
        )
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        raise ValueFormatError(
            f"{year_label}{month}月{day}日は存在しません({month}月は{last_day}日まで)。"
            "日付を確かめて入力してください。"
        )
    return date(year, month, day)


def _outside_era_message(era: _Era, typed: str, day: date) -> str:
    def within(bound: date) -> str:
        return f"{_year_text(era.year_of(bound))}年{bound.month}月{bound.day}日"

    if day < era.start:
        valid = f"{era.name}は{within(era.start)}から"
    else:
        assert era.end is not None  # an open era contains every later day
        valid = f"{era.name}は{within(era.end)}まで"
    try:
        hint = f"{format_wareki(day)}のように入力してください。"
    except ValueFormatError:
        western = f"{day.year}年{day.month}月{day.day}日"
        hint = f"明治より前の日付は{western}のように西暦で入力してください。"
    return f"{typed}は存在しません({valid})。{hint}"


# --- furigana --------------------------------------------------------------------------

_HALFWIDTH_KATAKANA_RUN = re.compile(r"[\uFF61-\uFF9F]+")
_KANA_WITH_SOUND_MARK = re.compile(r"[\u3041-\u30FF][\u3099\u309A]")
_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in (*range(0x3041, 0x3097), 0x309D, 0x309E)}
_LONG_VOWEL_AFTER_KANA = re.compile(r"(?<=[ァ-ヺー])[-‐‑‒–—―−]+")
_FURIGANA_ALLOWED = re.compile(r"[ァ-ヺー・ヽヾㇰ-ㇿ\u3000]")
_FURIGANA_EXAMPLE = "ヤマダ　タロウ"


def normalize_katakana(text: str) -> str:
    """Normalise furigana to full-width カタカナ, words separated by one full-width space.

    Hiragana and half-width katakana become katakana (ｶﾞ → ガ), dash look-alikes after kana
    become ー, and anything that is still not katakana, ー, ・ or a space is rejected.
    """
    kana = _HALFWIDTH_KATAKANA_RUN.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)
    # Spacing sound marks (゛゜) typed after a kana mean the combining ones.
    kana = kana.replace("\u309b", "\u3099").replace("\u309c", "\u309a")
    kana = _KANA_WITH_SOUND_MARK.sub(lambda m: unicodedata.normalize("NFC", m[0]), kana)
    kana = kana.translate(_HIRAGANA_TO_KATAKANA).replace("－", "ー")
    kana = _LONG_VOWEL_AFTER_KANA.sub(lambda m: "ー" * len(m[0]), kana)
    kana = re.sub(r"\s+", "\u3000", kana.strip())
    if not kana:
        raise ValueFormatError(
            "フリガナが入力されていません。"
            f"{_FURIGANA_EXAMPLE} のようにカタカナで入力してください。"
        )
    for char in kana:
        if not _FURIGANA_ALLOWED.fullmatch(char):
            raise ValueFormatError(
                f"フリガナに「{char}」は使えません。"
                f"{_FURIGANA_EXAMPLE} のようにカタカナで入力してください。"
            )
    return kana


# --- postal codes and phone numbers ----------------------------------------------------

_POSTAL_CODE = re.compile(r"〒?([0-9]{3})-?([0-9]{4})")


def normalize_postal_code(text: str) -> str:
    """Return a postal code as ``123-4567``; accepts 〒, full-width digits and dash variants."""
    compact = re.sub(r"\s+", "", to_halfwidth_digits(text)).translate(_DASHES_TO_HYPHEN)
    if match := _POSTAL_CODE.fullmatch(compact):
        return f"{match[1]}-{match[2]}"
    raise ValueFormatError(
        f"郵便番号「{text.strip()}」が正しくありません。"
        "7桁の数字で、123-4567 のように入力してください。"
    )


@dataclass(frozen=True)
class _PhonePlan:
    prefix: str
    groups: tuple[int, ...]
    kind: str


# Longest prefixes first: 0800 (free dial) must win over 080 (mobile).
_PHONE_PLANS = (
    _PhonePlan("0120", (4, 3, 3), "フリーダイヤル"),
    _PhonePlan("0800", (4, 3, 4), "フリーダイヤル"),
    _PhonePlan("0570", (4, 3, 3), "ナビダイヤル"),
    _PhonePlan("0990", (4, 3, 3), "情報料代理徴収番号"),
    _PhonePlan("070", (3, 4, 4), "携帯電話"),
    _PhonePlan("080", (3, 4, 4), "携帯電話"),
    _PhonePlan("090", (3, 4, 4), "携帯電話"),
    _PhonePlan("050", (3, 4, 4), "IP電話"),
    _PhonePlan("020", (3, 4, 4), "020番号"),
    _PhonePlan("03", (2, 4, 4), "固定電話"),
    _PhonePlan("06", (2, 4, 4), "固定電話"),
)
_LANDLINE_DEFAULT = (3, 3, 4)
_PHONE_EXAMPLES = "090-1234-5678 や 03-1234-5678 のように入力してください。"


def normalize_phone(text: str) -> str:
    """Return a Japanese phone number with hyphens, e.g. ``090-1234-5678``, ``03-1234-5678``.

    Other landlines keep the grouping the clerk typed when it is plausible (area 2-5 digits,
    local 1-4, subscriber 4); otherwise they are written 3-3-4.
    """
    compact = re.sub(r"\s+", "", to_halfwidth_digits(text))
    typed_groups = [g for g in compact.translate(_DASHES_TO_HYPHEN | _PARENS).split("-") if g]
    digits = "".join(typed_groups)
    if not digits:
        raise ValueFormatError("電話番号が入力されていません。" + _PHONE_EXAMPLES)
    for char in digits:
        if not "0" <= char <= "9":
            raise ValueFormatError(
                f"電話番号に「{char}」は使えません。数字とハイフン(-)で、" + _PHONE_EXAMPLES
            )
    if not digits.startswith("0") or digits.startswith("00"):
        raise ValueFormatError(
            f"電話番号「{text.strip()}」は0から始まる国内の番号ではありません。"
            "市外局番から、" + _PHONE_EXAMPLES
        )
    return "-".join(_split(digits, _phone_grouping(digits, typed_groups, text)))


def _phone_grouping(digits: str, typed_groups: list[str], text: str) -> tuple[int, ...]:
    plan = next((p for p in _PHONE_PLANS if digits.startswith(p.prefix)), None)
    if plan is not None:
        length = sum(plan.groups)
        if len(digits) != length:
            example = "-".join(_split(plan.prefix + "1234567890", plan.groups))
            raise ValueFormatError(
                f"電話番号「{text.strip()}」は{len(digits)}桁です。{plan.kind}({plan.prefix}で始まる番号)は"
                f"{length}桁なので、{example} のように入力してください。"
            )
        return plan.groups
    if len(digits) != 10:
        raise ValueFormatError(
            f"電話番号「{text.strip()}」は{len(digits)}桁です。固定電話は市外局番から10桁、"
            "携帯電話は11桁なので、042-123-4567 や 090-1234-5678 のように入力してください。"
        )
    typed = tuple(len(g) for g in typed_groups)
    if len(typed) == 3 and 2 <= typed[0] <= 5 and 1 <= typed[1] <= 4 and typed[2] == 4:
        return typed
    return _LANDLINE_DEFAULT


def _split(digits: str, groups: tuple[int, ...]) -> list[str]:
    parts, start = [], 0
    for size in groups:
        parts.append(digits[start : start + size])
        start += size
    return parts


# --- prefectures ----------------------------------------------------------------------

# The 47 prefectures in the order of their JIS X 0401 codes (01 北海道 … 47 沖縄県). The
# slip's payload numbers a prefecture by its place here: the order never changes.
PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
    "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
    "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
    "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
    "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
    "鹿児島県", "沖縄県",
)  # fmt: skip


# --- names -----------------------------------------------------------------------------


def normalize_text(text: str) -> str:
    """Tidy the spacing of a name or free text without changing any character.

    No Unicode normalisation: NFC and NFKC replace CJK compatibility ideographs with their
    unified forms, but the registry's 異体字 (and their variation selectors) must survive.
    Each run of whitespace becomes one space, full-width if the run contained one.
    """
    tidy = re.sub(r"\s+", _one_space, text.strip())
    if not tidy:
        raise ValueFormatError("何も入力されていません。文字を入力してください。")
    return tidy


def _one_space(match: re.Match[str]) -> str:
    return "\u3000" if "\u3000" in match[0] else " "


# --- age and school grade --------------------------------------------------------------


def _require_born_by(birth_date: date, on: date) -> None:
    if on < birth_date:
        raise ValueFormatError(
            f"生年月日({birth_date.isoformat()})が基準日({on.isoformat()})より後です。"
            "生年月日を確かめて入力してください。"
        )


def age_on(birth_date: date, on: date) -> int:
    """Age in full years on ``on``; someone born on Feb 29 gains a year on Feb 28 in common years.

    The law (年齢計算ニ関スル法律) adds the year at the end of the day before the birthday;
    here the year counts from the birthday itself, except that a Feb 29 birthday falls on
    Feb 28 in years without Feb 29.
    """
    _require_born_by(birth_date, on)
    birthday = (birth_date.month, birth_date.day)
    if birthday == (2, 29) and not calendar.isleap(on.year):
        birthday = (2, 28)
    return on.year - birth_date.year - ((on.month, on.day) < birthday)


def school_grade(birth_date: date, on: date) -> int:
    """The 学年 on ``on``: 1-6 elementary, 7-9 junior high, 10-12 high school age.

    Children born April 2 of year Y to April 1 of Y+1 enter grade 1 in April of Y+7 (the
    April after turning 6). 0 is the year before grade 1, -1 the year before that, and so on;
    13 and above are past high school age. The school year starts on April 1.
    """
    _require_born_by(birth_date, on)
    cohort_year = (
        birth_date.year if (birth_date.month, birth_date.day) >= (4, 2) else birth_date.year - 1
    )
    school_year = on.year if on.month >= 4 else on.year - 1
    return school_year - cohort_year - 6


def grade_name(grade: int) -> str:
    """A school grade as people say it: 未就学, 小1…小6, 中1…中3, 高1…高3, 高校卒業以上."""
    if grade <= 0:
        return "未就学"
    if grade <= 6:
        return f"小{grade}"
    if grade <= 9:
        return f"中{grade - 6}"
    if grade <= 12:
        return f"高{grade - 9}"
    return "高校卒業以上"
