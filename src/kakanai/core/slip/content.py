"""What the guidance slip says, worked out from a case: every text already in the slip's
language, grouped by department in the order the resident visits them. The PDF renderer
only lays this out; the app can show the same content on screen."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from kakanai.core.japanese.values import ValueFormatError, format_wareki
from kakanai.core.slip import texts as slip_texts
from kakanai.core.slip.texts import SlipLabels
from kakanai.core.trees.case import is_guidance

JST = timezone(timedelta(hours=9), "JST")
# A tree whose visitor is not the household's head (death: the household is the deceased's)
# asks for them by these question ids; the slip is addressed to that person.
APPLICANT_NAME = "applicant_name"
APPLICANT_KANA = "applicant_kana"


@dataclass(frozen=True)
class SlipMember:
    name: str
    kana: str
    relationship: str
    birth: str
    is_head: bool


@dataclass(frozen=True)
class SlipRow:
    """One labelled field of a procedure: a paragraph or a list (``bullets``); deadlines are
    printed with ``emphasis``."""

    label: str
    texts: tuple[str, ...]
    bullets: bool = False
    emphasis: bool = False


@dataclass(frozen=True)
class SlipProcedure:
    name: str
    rows: tuple[SlipRow, ...]
    member: str = ""  # the member concerned, with the honorific ("" for the household)


@dataclass(frozen=True)
class SlipDepartment:
    name: str
    where: str
    guide: str  # the English "Go to: …" line; empty on Japanese slips
    procedures: tuple[SlipProcedure, ...]


@dataclass(frozen=True)
class SlipContent:
    labels: SlipLabels
    title: str
    subtitle: str
    office: str
    issued: str
    case_id: str
    resident: str
    resident_kana: str
    address: str
    address_label: str  # 新しい住所 for a move, 転出先の住所 for a 転出, else 住所
    members: tuple[SlipMember, ...]
    summary: str
    departments: tuple[SlipDepartment, ...]
    validity: str
    # Guidance that is no procedure (kind: guidance: a check of the input, a refusal and
    # what to bring next time), in the case's order: shown apart, never with a check box,
    # never counted in ``summary``.
    notices: tuple[SlipProcedure, ...] = ()


def slip_content(
    case: Mapping[str, Any], *, issued_at: datetime, expires_at: datetime, lang: str, desk: str
) -> SlipContent:
    """The slip's texts for ``case`` in ``lang`` (``ja`` or ``en``)."""
    words = slip_texts.labels(lang)
    members = list(case["household"]["members"])
    head = _head(case, members)
    departments = _departments(case, members, words, lang)
    names = {m.get("index"): str(m.get("name", "")) for m in members}
    notices = tuple(
        _procedure(p, _member_name(p, names), words, lang)
        for p in case.get("procedures", [])
        if is_guidance(p)
    )
    count = sum(len(d.procedures) for d in departments)
    city = str(case.get("questionnaire", {}).get("city", ""))
    label, address = _address_row(case, words)
    resident, resident_kana = _resident(case, head)
    return SlipContent(
        labels=words,
        title=words.title,
        subtitle=str(case.get("questionnaire", {}).get("title", "")),
        office=words.desk.format(city=city, desk=desk) if desk else city,
        issued=words.issued.format(when=_when(issued_at, lang)),
        case_id=str(case.get("case_id", "")),
        resident=resident + words.honorific,
        resident_kana=resident_kana,
        address=_address(address),
        address_label=label,
        members=tuple(_member(m, lang) for m in members),
        summary=(
            words.no_procedures
            if notices and not count
            else words.summary.format(count=count, departments=len(departments))
        ),
        departments=departments,
        validity=words.valid_until.format(when=_when(expires_at, lang, wareki_apart=True)),
        notices=notices,
    )


def _member_name(procedure: Mapping[str, Any], names: Mapping[object, str]) -> str:
    return names.get(procedure.get("member"), "") if procedure.get("per") == "member" else ""


def local_time(moment: datetime) -> datetime:
    """``moment`` on the Japanese clock (a naive datetime is taken as already local)."""
    return moment.astimezone(JST) if moment.tzinfo is not None else moment


def _when(moment: datetime, lang: str, *, wareki_apart: bool = False) -> str:
    """``令和8年11月23日 10:15``, or ``23 Nov 2026, 10:15 (令和8年11月23日)`` in English
    (with ``wareki_apart``, the 和暦 goes on a line of its own, not broken in a narrow box)."""
    local = local_time(moment)
    time = local.strftime("%H:%M")
    wareki = _wareki(local.date())
    if lang == "ja":
        return f"{wareki} {time}"
    apart = "\n" if wareki_apart else " "
    return f"{_date_en(local.date())}, {time}{apart}({wareki})"


def _wareki(day: date) -> str:
    try:
        return format_wareki(day)
    except ValueFormatError:  # before 明治: only the Western date can be written
        return f"{day.year}年{day.month}月{day.day}日"


def _date_en(day: date) -> str:
    return f"{day.day} {slip_texts.MONTHS_EN[day.month - 1]} {day.year}"


def _resident(case: Mapping[str, Any], head: Mapping[str, Any]) -> tuple[str, str]:
    """Whom the slip is for: the person who came, when the tree asks for them by name (after
    a death the household is the deceased's, and the slip is the bereaved's), else the head."""
    answers = {
        a.get("question"): a.get("value")
        for a in case.get("answers") or []
        if isinstance(a, Mapping)
    }
    name = answers.get(APPLICANT_NAME)
    if isinstance(name, str) and name.strip():
        return name.strip(), str(answers.get(APPLICANT_KANA) or "")
    return str(head.get("name", "")), str(head.get("kana", ""))


def _head(case: Mapping[str, Any], members: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    index = case["household"].get("head", 0)
    found = [m for m in members if m.get("index") == index]
    return found[0] if found else (members[0] if members else {})


def _member(member: Mapping[str, Any], lang: str) -> SlipMember:
    relationship = str(member.get("relationship", ""))
    if lang == "en":
        relationship = slip_texts.RELATIONSHIPS_EN.get(relationship, relationship)
    birth = str(member.get("birth_date_wareki", ""))
    try:
        born = date.fromisoformat(str(member.get("birth_date", "")))
    except ValueError:
        born = None
    if born is not None and (lang == "en" or not birth):
        birth = _date_en(born) if lang == "en" else _wareki(born)
    return SlipMember(
        name=str(member.get("name", "")),
        kana=str(member.get("kana", "")),
        relationship=relationship,
        birth=birth,
        is_head=bool(member.get("is_head", False)),
    )


def _deadline(procedure: Mapping[str, Any], words: SlipLabels, lang: str) -> tuple[str, ...]:
    """The last day (from ``due``) with the weekday, the rule as the tree words it, and
    whether the day has passed: a late 届 is still accepted."""
    lines: list[str] = []
    try:
        due = date.fromisoformat(str(procedure.get("due") or ""))
    except ValueError:
        due = None
    if due is not None:
        shown = _date_en(due) if lang == "en" else f"{_wareki(due)}({WEEKDAYS[due.weekday()]})"
        lines.append(words.due_on.format(date=shown))
    if deadline := str(procedure.get("deadline") or ""):
        lines.append(deadline)
    if due is not None and procedure.get("overdue") is True:
        lines.append(words.overdue)
    return tuple(lines)


WEEKDAYS = "月火水木金土日"


# Answers that say a case is a move, and which way (moving.yaml's move_type, abroad.yaml's
# abroad_move): a move's slip shows the new address as such; any other case (a birth, a
# certificate, a marriage) shows the household's address as 住所.
_MOVES_IN = {("move_type", "転入"), ("move_type", "転居"), ("abroad_move", "国外から転入")}
_MOVES_OUT = {("move_type", "転出"), ("abroad_move", "国外へ転出")}


def _address_row(case: Mapping[str, Any], words: slip_texts.SlipLabels) -> tuple[str, object]:
    """The address the slip shows and its label, by what the case is."""
    addresses = case.get("addresses") or {}
    answered = {
        (str(a.get("question")), str(a.get("value")))
        for a in case.get("answers") or []
        if isinstance(a, Mapping)
    }
    new = addresses.get("new_address")
    if answered & _MOVES_IN:
        return words.address, new
    if answered & _MOVES_OUT:
        return words.address_moving_out, new
    first = next(iter(addresses.values()), None) if isinstance(addresses, Mapping) else None
    return words.address_plain, new if new is not None else first


def _address(address: object) -> str:
    if not isinstance(address, Mapping):
        return ""
    postal = str(address.get("postal_code", ""))
    parts = ("prefecture", "municipality", "town", "block")
    street = "".join(str(address.get(key, "")) for key in parts)
    building = str(address.get("building", ""))
    return " ".join(part for part in (f"〒{postal}" if postal else "", street, building) if part)


def _departments(
    case: Mapping[str, Any],
    members: Sequence[Mapping[str, Any]],
    words: SlipLabels,
    lang: str,
) -> tuple[SlipDepartment, ...]:
    """Departments in visiting order: the order the tree lists them in (floor by floor, as a
    city writes it), then any the tree does not know in the order of their first procedure."""
    known = {str(d.get("id")): d for d in case.get("departments", [])}
    names = {m.get("index"): str(m.get("name", "")) for m in members}
    grouped: dict[str, list[SlipProcedure]] = {}
    for procedure in case.get("procedures", []):
        if is_guidance(procedure):  # a notice: shown apart (SlipContent.notices)
            continue
        department = str(procedure.get("department", ""))
        member = _member_name(procedure, names)
        grouped.setdefault(department, []).append(_procedure(procedure, member, words, lang))
    order = [key for key in known if key in grouped]
    order += [key for key in grouped if key not in known]
    return tuple(
        _department(known.get(key, {"name": key}), tuple(grouped[key]), words, lang)
        for key in order
    )


def _department(
    department: Mapping[str, Any],
    procedures: tuple[SlipProcedure, ...],
    words: SlipLabels,
    lang: str,
) -> SlipDepartment:
    name = str(department.get("name", ""))
    floor = str(department.get("floor", ""))
    counter = str(department.get("counter", ""))
    extension = str(department.get("extension", ""))
    extension_text = words.extension.format(number=extension) if extension else ""
    where = " ".join(part for part in (floor, counter, extension_text) if part)
    guide = slip_texts.go_to_en(name, floor, counter) if lang == "en" else ""
    return SlipDepartment(name=name, where=where, guide=guide, procedures=procedures)


def _procedure(
    procedure: Mapping[str, Any], member: str, words: SlipLabels, lang: str
) -> SlipProcedure:
    """Rows in the order the resident needs them: who, where, by when, what to bring, why."""
    rows: list[SlipRow] = []
    if member:
        rows.append(SlipRow(words.for_member, (member + words.honorific,)))
    if desk := str(procedure.get("desk") or ""):
        rows.append(SlipRow(words.place, (desk,)))
    if by_when := _deadline(procedure, words, lang):
        rows.append(SlipRow(words.deadline, by_when, emphasis=True))
    if bring := tuple(str(item) for item in procedure.get("bring") or () if str(item)):
        rows.append(SlipRow(words.bring, bring, bullets=True))
    if because := str(procedure.get("because") or ""):
        rows.append(SlipRow(words.reason, (because,)))
    shown = member + words.honorific if member else ""
    return SlipProcedure(name=str(procedure.get("name", "")), rows=tuple(rows), member=shown)
