"""Which forms a case needs at a desk: the procedures of a department (or one procedure, or
all), one form per template — per member concerned for per-member templates — and the file
name each printed form gets."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kakanai.core.errors import ErrorCode, KakanaiError, did_you_mean

_UNSAFE = re.compile(
    r'[\s\\/:*?"<>|\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff'
    r"\ufe00-\ufe0f\U000e0100-\U000e01ef]"
)
"""Separators, what Windows forbids, controls, bidi and zero-width characters, variation
selectors (a file name is no place for 異体字 detail)."""
MAX_NAME_BYTES = 255
"""What ext4, NTFS (in UTF-16 units, fewer than UTF-8 bytes) and most file systems allow."""
_UNIQUE_ROOM = 4  # "_999"


@dataclass(frozen=True)
class FormJob:
    """One form to print: the template, the member it is for, and the procedure and
    department that asked for it."""

    form_id: str
    member: int | None
    procedure: Mapping[str, Any]
    department: Mapping[str, Any] | None


def select_procedures(
    case: Mapping[str, Any], *, department: str | None = None, procedure: str | None = None
) -> list[Mapping[str, Any]]:
    """The case's procedures for a department (id or name), one procedure id, or all of
    them; only those with forms. Raises a FORM_ error when there is nothing to print."""
    procedures: list[Mapping[str, Any]] = list(case["procedures"])
    if department is not None:
        chosen = find_department(case, department)
        procedures = [p for p in procedures if p.get("department") == chosen["id"]]
        what = f"{chosen.get('name') or chosen['id']}の手続き"
    elif procedure is not None:
        matching = [p for p in procedures if p.get("id") == procedure]
        if not matching:
            ids = list(dict.fromkeys(str(p.get("id")) for p in procedures))
            raise KakanaiError.of(
                ErrorCode.FORM_NO_PROCEDURE,
                id=procedure,
                suggestion=did_you_mean(procedure, ids),
                procedures="、".join(ids) or "なし",
            )
        procedures = matching
        what = f"手続き「{matching[0].get('name') or procedure}」"
    else:
        what = "この案件の手続き"
    with_forms = [p for p in procedures if p.get("forms")]
    if not with_forms:
        raise KakanaiError.of(ErrorCode.FORM_NOTHING_TO_PRINT, what=what)
    return with_forms


def find_department(case: Mapping[str, Any], wanted: str) -> Mapping[str, Any]:
    """The case's department whose id or name is ``wanted``."""
    departments: list[Mapping[str, Any]] = list(case["departments"])
    for entry in departments:
        if wanted in (entry.get("id"), entry.get("name")):
            return entry
    listed = "、".join(f"{d.get('name')}({d.get('id')})" for d in departments) or "なし"
    raise KakanaiError.of(ErrorCode.FORM_NO_DEPARTMENT, department=wanted, departments=listed)


def form_ids(procedures: Sequence[Mapping[str, Any]]) -> list[str]:
    return list(dict.fromkeys(str(f) for p in procedures for f in p.get("forms") or []))


def asking(case: Mapping[str, Any], form_id: str) -> list[Mapping[str, Any]]:
    """The case's procedures whose ``forms:`` name ``form_id``, in the case's order."""
    return [p for p in case["procedures"] if form_id in (p.get("forms") or [])]


def jobs(
    case: Mapping[str, Any],
    procedures: Sequence[Mapping[str, Any]],
    per_member: Callable[[str], bool],
) -> list[FormJob]:
    """One job per form, or per form and member for per-member templates; a form several
    procedures ask for is printed once (for the first of them)."""
    found: dict[tuple[str, int | None], FormJob] = {}
    departments = {d.get("id"): d for d in case["departments"]}
    for entry in procedures:
        member = entry.get("member")
        for form_id in entry.get("forms") or []:
            key = (str(form_id), member if per_member(str(form_id)) else None)
            if key not in found:
                department = departments.get(entry.get("department"))
                found[key] = FormJob(key[0], key[1], entry, department)
    return list(found.values())


def file_name(
    case: Mapping[str, Any], job: FormJob, department: str, *, with_name: bool = False
) -> str:
    """``<case id>_<department>_<form id>[_世帯員N].pdf``: per-member forms say which member
    by number. Residents' names go into file names only ``with_name`` (file names end up in
    folders, printer queues and logs): the member's name, or the head of household's."""
    members = case["household"]["members"]
    person = None
    if job.member is not None:
        person = f"世帯員{job.member + 1}"
    if with_name:
        index = job.member if job.member is not None else case["household"].get("head")
        found = next((m for m in members if m.get("index") == index), None)
        person = str(found.get("name", "")) if found else None
    return safe_file_name([str(case["case_id"]), department, job.form_id, person or ""])


def safe_file_name(parts: Sequence[str], extension: str = ".pdf") -> str:
    """The parts joined by ``_`` as one file name that stays in its folder: no separators or
    characters Windows forbids, no leading dot, at most ``MAX_NAME_BYTES`` in UTF-8 with
    room left for ``unique``'s ``_2``."""
    cleaned = [_UNSAFE.sub("", part) for part in parts]
    stem = "_".join(part for part in cleaned if part).lstrip(". ") or "form"
    budget = MAX_NAME_BYTES - len(extension.encode("utf-8")) - _UNIQUE_ROOM
    stem = stem.encode("utf-8")[:budget].decode("utf-8", "ignore")  # never half a character
    return stem + extension


def unique(names: Sequence[str]) -> list[str]:
    """File names made unique by ``_2``, ``_3``… before the extension."""
    seen: dict[str, int] = {}
    result = []
    for name in names:
        count = seen.get(name, 0) + 1
        seen[name] = count
        stem, dot, ext = name.rpartition(".")
        result.append(name if count == 1 else f"{stem}_{count}{dot}{ext}")
    return result
