"""The fixed words of the guidance slip (手続き案内票) in Japanese and English, and a small
table of department, floor and relationship terms for English slips. Pure data, shared by
the PDF renderer and the app's preview."""

from __future__ import annotations

import re
from dataclasses import dataclass

LANGUAGES = ("ja", "en")


@dataclass(frozen=True)
class SlipLabels:
    """Every fixed text on the slip for one language; ``{…}`` fields are filled by the caller."""

    title: str
    continued: str
    issued: str
    case_number: str
    desk: str
    honorific: str
    address: str  # the new address of a move into or within the city
    address_moving_out: str  # where a 転出 goes
    address_plain: str  # the household's address when the case is no move
    members: str
    name: str
    relationship: str
    birth_date: str
    summary: str
    check_hint: str
    for_member: str
    reason: str
    bring: str
    deadline: str
    due_on: str
    overdue: str
    place: str
    continued_department: str
    extension: str
    qr_note: str
    valid_until: str
    reissue: str
    based_on: str
    page: str
    route_hint: str
    details: str
    details_follow: str
    details_at_counter: str
    # Notices (kind: guidance): shown apart from the procedures, with no check box
    notices: str
    no_procedures: str  # the summary when the visit has notices only


LABELS: dict[str, SlipLabels] = {
    "ja": SlipLabels(
        title="手続き案内票",
        continued="手続き案内票(続き)",
        issued="発行 {when}",
        case_number="受付番号",
        desk="{city} {desk}",
        honorific=" 様",
        address="新しい住所",
        address_moving_out="転出先の住所",
        address_plain="住所",
        members="お手続きの方({count}名)",
        name="氏名",
        relationship="続柄",
        birth_date="生年月日",
        summary="手続きは{departments}つの課で{count}件あります。上から順にお回りください。",
        check_hint="□ は各課の確認欄です。",
        for_member="対象",
        reason="理由",
        bring="持ち物",
        deadline="期限",
        due_on="{date}まで",
        overdue="期限を過ぎていますが、届出はできます。このままお手続きください。",
        place="場所",
        continued_department="{name}(続き)",
        extension="内線{number}",
        qr_note="この二次元コードを\n各課の窓口でお見せください。",
        valid_until="有効期限\n{when}まで",
        reissue="期限を過ぎたときは、\n最初の窓口で再発行します。",
        based_on="この案内は面談でお伺いした内容にもとづいています。"
        "内容に変わりがあるときは、窓口にお申し出ください。",
        page="{page} / {pages} ページ",
        route_hint="各課の窓口で二次元コードをお見せください。□ は各課の確認欄です。",
        details="手続きの詳しいご案内(期限・持ち物・理由)",
        details_follow="期限・持ち物・理由は、2ページ目からの「手続きの詳しいご案内」にあります。",
        notices="ご確認ください(窓口からのお知らせ・手続きではありません)",
        no_procedures="今日お回りいただく手続きはありません。上の「ご確認ください」をお読みください。",
        details_at_counter="期限・持ち物は、各課の窓口でご案内します。",
    ),
    "en": SlipLabels(
        title="Guidance slip (手続き案内票)",
        continued="Guidance slip (continued)",
        issued="Issued {when}",
        case_number="Case No.",
        desk="{city}, {desk}",
        honorific="",
        address="New address",
        address_moving_out="Moving to",
        address_plain="Address",
        members="People concerned ({count})",
        name="Name",
        relationship="Relationship",
        birth_date="Date of birth",
        summary="You have {count} procedures at {departments} divisions. "
        "Please visit them in this order.",
        check_hint="□: ticked by each division when done.",
        for_member="For",
        reason="Reason",
        bring="Bring",
        deadline="Deadline",
        due_on="by {date}",
        overdue="The deadline has passed, but you can still file: please go ahead.",
        place="Where",
        continued_department="{name} (continued)",
        extension="ext. {number}",
        qr_note="Show this code at each counter.",
        valid_until="Valid until\n{when}",
        reissue="After that, ask the first counter for a new slip.",
        based_on="This guidance is based on your answers at the interview. "
        "Tell the counter if anything changes.",
        page="Page {page} of {pages}",
        route_hint="Show the code at each counter. □: ticked by each division when done.",
        details="Details: deadlines, what to bring, reasons",
        details_follow="Deadlines, what to bring and reasons follow from page 2.",
        notices="Please note (from the counter; not procedures)",
        no_procedures="There is no procedure to do today. Please read the notes above.",
        details_at_counter="Each counter tells you the deadlines and what to bring.",
    ),
}

# English names of the departments a city hall usually has, by their Japanese name.
DEPARTMENTS_EN: dict[str, str] = {
    "市民課": "Citizens Division",
    "保険年金課": "Health Insurance and Pension Division",
    "介護保険課": "Long-term Care Insurance Division",
    "高齢者支援課": "Elderly Support Division",
    "障がい者福祉課": "Disability Welfare Division",
    "障害福祉課": "Disability Welfare Division",
    "こども育成課": "Child and Family Division",
    "子育て支援課": "Child and Family Division",
    "学務課": "School Affairs Division",
    "税務課": "Taxation Division",
    "環境課": "Environment Division",
    "福祉課": "Welfare Division",
}

RELATIONSHIPS_EN: dict[str, str] = {
    "世帯主": "Head of household",
    "夫": "Husband",
    "妻": "Wife",
    "子": "Child",
    "父": "Father",
    "母": "Mother",
    "祖父": "Grandfather",
    "祖母": "Grandmother",
    "孫": "Grandchild",
    "兄弟姉妹": "Sibling",
    "同居人": "Housemate",
    "その他": "Other",
}

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_FLOOR = re.compile(r"(?P<basement>地下)?(?P<number>[0-9０-９]+)階")
_COUNTER = re.compile(r"(?P<number>[0-9０-９]+)番窓口")


def labels(lang: str) -> SlipLabels:
    """The label set for ``lang`` (``ja`` or ``en``)."""
    if lang not in LABELS:
        raise ValueError(f"unknown slip language {lang!r}; expected one of {LANGUAGES}")
    return LABELS[lang]


def floor_en(floor: str) -> str:
    """``1階`` → ``1F``, ``地下1階`` → ``B1F``; anything else is kept as written."""
    match = _FLOOR.fullmatch(floor.strip())
    if match is None:
        return floor
    number = int(match["number"])
    return f"B{number}F" if match["basement"] else f"{number}F"


def counter_en(counter: str) -> str:
    """``12番窓口`` → ``counter 12``; anything else is kept as written."""
    match = _COUNTER.fullmatch(counter.strip())
    return f"counter {int(match['number'])}" if match else counter


def department_en(name: str) -> str:
    """``市民課 (Citizens Division)``, or the Japanese name alone when the table lacks it."""
    english = DEPARTMENTS_EN.get(name)
    return f"{name} ({english})" if english else name


def go_to_en(name: str, floor: str, counter: str) -> str:
    """The English line under a department: ``Go to: 1F counter 1, 市民課 (Citizens Division)``."""
    where = " ".join(part for part in (floor_en(floor), counter_en(counter)) if part)
    return f"Go to: {where}, {department_en(name)}" if where else f"Go to: {department_en(name)}"
