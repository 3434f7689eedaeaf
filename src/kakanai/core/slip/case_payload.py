"""The case inside a slip: it refers to the questionnaire instead of copying it. It carries the
questionnaire id and version, the case number and times, the answers in interview order and
the procedures as (index in the tree, member); the reader replays the answers through an
interview and rebuilds the full ``kakanai.case/1`` document from the tree."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kakanai.core.errors import AnswerError, ErrorCode, KakanaiError
from kakanai.core.slip.byte_codec import NIBBLES, ByteReader, ByteWriter, LayoutError
from kakanai.core.slip.values import CaseValueError, read_answer, write_answer
from kakanai.core.trees.case import build_case
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.model import Condition, Per, Question, QuestionType

_EPOCH_DAY = dt.date(2000, 1, 1)
_CASE_ID = re.compile(r"(?P<day>[0-9]{8})-(?P<tag>[0-9A-F]{6})")
_MEMBER_ROW = ("name", "kana", "birth_date", "sex", "relationship")
FINGERPRINT_BYTES = 2


@dataclass(frozen=True)
class ContentHeader:
    """What a reader needs before the answers: which questionnaire, which case, which day."""

    questionnaire_id: str
    questionnaire_version: str
    fingerprint: bytes  # of the tree's structure: see tree_fingerprint
    case_id: str
    created_at: dt.datetime
    as_of: dt.date


Carried = tuple[str, int | None]
"""A procedure as the slip carries it: its id (found by its index in the tree) and member."""
RuntimeFor = Callable[[ContentHeader], TreeRuntime]
"""Finds the questionnaire a slip names; raises KakanaiError when the desk lacks that version."""


def encode_case(case: Mapping[str, Any], runtime: TreeRuntime) -> bytes:
    """The case in the slip layout. SLIP_013 unless decoding it gives back exactly ``case``."""
    try:
        header = _header_of(case, runtime)
        out = ByteWriter()
        _write_header(out, header)
        _write_answers(out, case, runtime, header.as_of)
        _write_procedures(out, case, runtime)
        source = ByteReader(out.data())
        rebuilt = _rebuild(source, _read_header(source), runtime)
    except (CaseValueError, KeyError, TypeError, ValueError) as exc:
        # Never a value in the message: it reaches stderr and logs (residents' data).
        detail = (
            str(exc)
            if isinstance(exc, CaseValueError)
            else f"項目がないか形が違います({type(exc).__name__})"
        )
        raise _mismatch(runtime, detail) from None
    different = first_difference(dict(case), rebuilt)
    if different is not None:
        raise _mismatch(runtime, f"違う項目: {different}")
    return out.data()


def first_difference(given: object, rebuilt: object, path: str = "") -> str | None:
    """Where two JSON documents first differ, as a path (``household.members[1].age``);
    None when they are equal. Names the field, never its value."""
    if isinstance(given, dict) and isinstance(rebuilt, dict):
        for key in sorted(set(given) | set(rebuilt), key=str):
            where = f"{path}.{key}" if path else str(key)
            if key not in given or key not in rebuilt:
                return where
            found = first_difference(given[key], rebuilt[key], where)
            if found is not None:
                return found
        return None
    if isinstance(given, list) and isinstance(rebuilt, list):
        for index, (one, other) in enumerate(zip(given, rebuilt, strict=False)):
            found = first_difference(one, other, f"{path}[{index}]")
            if found is not None:
                return found
        return None if len(given) == len(rebuilt) else f"{path}(件数)"
    same = given == rebuilt and type(given) is type(rebuilt)
    return None if same else path or "(案件全体)"


def decode_case(data: bytes, runtime_for: RuntimeFor) -> dict[str, Any]:
    """The full case written by ``encode_case``; never a partial one."""
    source = ByteReader(data)
    try:
        header = _read_header(source)
    except LayoutError as exc:
        raise KakanaiError.of(
            ErrorCode.SLIP_CONTENT, id="?", version="?", detail=str(exc)
        ) from None
    runtime = runtime_for(header)
    try:
        return _rebuild(source, header, runtime)
    except CaseValueError as exc:
        meta = runtime.tree.meta
        raise KakanaiError.of(
            ErrorCode.SLIP_CONTENT, id=meta.id, version=meta.version, detail=str(exc)
        ) from None


def tree_fingerprint(runtime: TreeRuntime) -> bytes:
    """Two bytes of a hash of everything the layout depends on: questions in order with their
    types, options and conditions (and whom a per-member question is asked of), computed
    values, procedures. A tree edited without a new
    version is then caught before its answers are misread."""
    tree = runtime.tree
    structure = {
        "questions": [
            [q.id, q.type.value, q.required, q.choice_values(), _source(q.when), section]
            # Who a per-member question is asked of decides the layout; a tree without one
            # keeps the fingerprint it always had.
            + (["member", _source(q.member_when)] if q.per_member else [])
            for q in runtime.questions
            for section in [_source(tree.section_of(q).when)]
        ],
        "computed": [[c.id, c.value.source] for c in tree.computed],
        "procedures": [[p.id, p.per.value, _source(p.when)] for p in tree.procedures],
    }
    text = json.dumps(structure, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).digest()[:FINGERPRINT_BYTES]


def _source(condition: Condition | None) -> str:
    return condition.source if condition is not None else ""


def _rebuild(source: ByteReader, header: ContentHeader, runtime: TreeRuntime) -> dict[str, Any]:
    """Replay the answers through an interview and build the case; CaseValueError if the
    bytes do not fit the tree or the procedures differ from those carried."""
    if header.fingerprint != tree_fingerprint(runtime):
        raise CaseValueError("版が同じなのに、設問・選択肢・条件・手続きの並びが違います")
    asked = "(面談日)"
    try:
        interview = Interview(runtime, header.as_of)
        while (question := interview.current) is not None:
            asked = question.id
            interview.answer(_read_answer(source, question, interview))
        carried = _read_procedures(source, len(interview.values().members), runtime)
    except LayoutError as exc:
        raise CaseValueError(str(exc)) from None
    except AnswerError as exc:  # the code, never the value: residents' data stays out of logs
        raise CaseValueError(_refused_answer(asked, exc)) from None
    if not source.at_end:
        raise CaseValueError("手続きの後に余分なデータがあります")
    case = build_case(interview, case_id=header.case_id, created_at=header.created_at)
    if [(p["id"], p["member"]) for p in case["procedures"]] != carried:
        raise CaseValueError("案内票の手続きと、回答から決まる手続きが違います")
    return case


# --- header -------------------------------------------------------------------------------


def _header_of(case: Mapping[str, Any], runtime: TreeRuntime) -> ContentHeader:
    questionnaire = case["questionnaire"]
    return ContentHeader(
        questionnaire_id=questionnaire["id"],
        questionnaire_version=questionnaire["version"],
        fingerprint=tree_fingerprint(runtime),
        case_id=case["case_id"],
        created_at=dt.datetime.fromisoformat(case["created_at"]),
        as_of=dt.date.fromisoformat(case["as_of"]),
    )


def _write_header(out: ByteWriter, header: ContentHeader) -> None:
    out.text(header.questionnaire_id)
    version = header.questionnaire_version
    out.bit(bool(version) and all(char in NIBBLES for char in version))
    if bool(version) and all(char in NIBBLES for char in version):
        out.digit_string(version)
    else:
        out.text(version)
    out.raw(header.fingerprint)
    out.day(header.as_of, _EPOCH_DAY)
    match = _CASE_ID.fullmatch(header.case_id)
    day = _case_day(match)
    out.bit(day is not None)
    if match is not None and day is not None:
        out.day(day, header.as_of)
        out.raw(bytes.fromhex(match["tag"]))
    else:
        out.text(header.case_id)
    created = header.created_at
    offset = created.utcoffset()
    out.bit(offset is not None)
    if offset is not None:  # Japan is +09:00: 36 quarter hours fit one byte
        out.sint(int(offset.total_seconds()) // (15 * 60))
    midnight = dt.datetime.combine(header.as_of, dt.time())
    wall = created.replace(tzinfo=None) - midnight
    out.sint(wall.days * 86400 + wall.seconds)  # whole seconds, as the case writes them


def _case_day(match: re.Match[str] | None) -> dt.date | None:
    if match is None:
        return None
    try:
        return dt.datetime.strptime(match["day"], "%Y%m%d").date()
    except ValueError:
        return None


def _read_header(source: ByteReader) -> ContentHeader:
    questionnaire_id = source.text()
    version = source.digit_string() if source.bit() else source.text()
    fingerprint = source.raw(FINGERPRINT_BYTES)
    as_of = source.day(_EPOCH_DAY)
    if source.bit():
        day = source.day(as_of)
        case_id = f"{day.year:04d}{day.month:02d}{day.day:02d}-{source.raw(3).hex().upper()}"
    else:
        case_id = source.text()
    zoned = source.bit()
    quarters = source.sint() if zoned else 0
    seconds = source.sint()
    try:
        zone = dt.timezone(dt.timedelta(minutes=15 * quarters)) if zoned else None
        wall = dt.datetime.combine(as_of, dt.time()) + dt.timedelta(seconds=seconds)
    except (OverflowError, ValueError):
        raise LayoutError("作成日時が範囲外です") from None
    created = wall.replace(tzinfo=zone)
    return ContentHeader(questionnaire_id, version, fingerprint, case_id, created, as_of)


# --- answers and procedures ---------------------------------------------------------------


def _write_answers(
    out: ByteWriter, case: Mapping[str, Any], runtime: TreeRuntime, as_of: dt.date
) -> None:
    """Walk the interview the case came from, writing each answer as its question is asked."""
    given: dict[str, object] = {a["question"]: a["value"] for a in case["answers"]}
    if runtime.household_id:
        given[runtime.household_id] = case["household"]["members"]
    interview = Interview(runtime, as_of)
    while (question := interview.current) is not None:
        if question.id not in given:
            raise CaseValueError(f"聞かれる設問「{question.id}」の回答が案件にありません")
        value = given.pop(question.id)
        _write_answer(out, question, value, interview)
        try:
            interview.answer(_raw_answer(question, value))
        except AnswerError as exc:
            raise CaseValueError(_refused_answer(question.id, exc)) from None
    if given:
        raise CaseValueError(f"聞かれない設問の回答があります: {', '.join(sorted(given))}")


def _write_answer(out: ByteWriter, question: Question, value: object, interview: Interview) -> None:
    """A per-member answer is written member by member, only for the members asked: who is
    asked follows from what came before, so the reader knows without being told."""
    if not question.per_member:
        write_answer(out, question, value, interview.as_of)
        return
    asked = interview.asked_members(question)
    if not isinstance(value, list) or len(value) != len(asked):
        raise CaseValueError(f"設問「{question.id}」の世帯員ごとの回答が世帯の人数と合いません")
    for one, is_asked in zip(value, asked, strict=True):
        if is_asked:
            write_answer(out, question, one, interview.as_of)
        elif one is not None:
            raise CaseValueError(f"設問「{question.id}」に、聞かない世帯員の回答があります")


def _read_answer(source: ByteReader, question: Question, interview: Interview) -> object:
    if not question.per_member:
        return read_answer(source, question, interview.as_of)
    asked = interview.asked_members(question)
    return [read_answer(source, question, interview.as_of) if a else None for a in asked]


def _raw_answer(question: Question, value: object) -> object:
    if question.type is QuestionType.HOUSEHOLD and isinstance(value, list):
        return [{k: m[k] for k in _MEMBER_ROW if k in m} for m in value if isinstance(m, dict)]
    return value


def _write_procedures(out: ByteWriter, case: Mapping[str, Any], runtime: TreeRuntime) -> None:
    """One bit per procedure of the tree; a procedure per member that applies is followed by
    one bit per member. Index and member are all a procedure entry needs."""
    carried = {(p["id"], p["member"]) for p in case["procedures"]}
    members = range(len(case["household"]["members"]))
    for procedure in runtime.tree.procedures:
        if procedure.per is Per.MEMBER:
            concerned = [(procedure.id, index) in carried for index in members]
            out.bit(any(concerned))
            if any(concerned):
                for flag in concerned:
                    out.bit(flag)
        else:
            out.bit((procedure.id, None) in carried)


def _read_procedures(source: ByteReader, members: int, runtime: TreeRuntime) -> list[Carried]:
    carried: list[Carried] = []
    for procedure in runtime.tree.procedures:
        if not source.bit():
            continue
        if procedure.per is Per.MEMBER:
            concerned = [index for index in range(members) if source.bit()]
            if not concerned:
                raise LayoutError(f"手続き「{procedure.id}」の対象の世帯員がありません")
            carried.extend((procedure.id, index) for index in concerned)
        else:
            carried.append((procedure.id, None))
    return carried


def _refused_answer(question_id: str, error: AnswerError) -> str:
    return f"設問「{question_id}」の回答を受け付けられません({error.code.code})"


def _mismatch(runtime: TreeRuntime, detail: str) -> KakanaiError:
    meta = runtime.tree.meta
    return KakanaiError.of(
        ErrorCode.SLIP_CASE_MISMATCH, id=meta.id, version=meta.version, detail=detail
    )
