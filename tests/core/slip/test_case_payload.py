"""The case inside a slip refers to its questionnaire: every answer type comes back exactly,
the layout is small, and bytes that do not fit the tree are refused, never half-read."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.byte_codec import KANA_ALPHABET
from kakanai.core.slip.case_payload import (
    decode_case,
    encode_case,
    first_difference,
    tree_fingerprint,
)
from kakanai.core.trees.answer_limits import MAX_NUMBER
from kakanai.core.trees.case import build_case
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.model import Condition
from kakanai.services.trees.checking import load_runtime
from tests.conftest import ROOT
from tests.core.trees.samples import clean_runtime

EVERY_TYPE = """\
questionnaire: {id: types, title: 型のテスト, version: "3.1"}
departments: [{id: shimin, name: 市民課}]
sections:
  - id: all
    title: すべての型
    questions:
      - {id: kind, type: choice, text: 種類, choices: [あ, い, う]}
      - {id: items, type: multi, text: 持ち物, choices: [a, b, c, d], record_only: true}
      - {id: count, type: number, text: 人数, record_only: true}
      - {id: ratio, type: number, text: 割合, required: false, record_only: true}
      - {id: reading, type: katakana, text: フリガナ, record_only: true}
      - {id: zip, type: postal_code, text: 郵便番号, record_only: true}
      - {id: day, type: date, text: 日付, record_only: true}
      - {id: tel, type: phone, text: 電話, record_only: true}
      - {id: home, type: address, text: 住所, record_only: true}
      - {id: note, type: text, text: メモ, required: false, record_only: true}
      - {id: household, type: household, text: 世帯}
      - {id: ok, type: yesno, text: よいですか}
procedures:
  - {id: a, name: A, department: shimin, when: kind == "あ" and ok, because: あ}
  - id: b
    name: B
    department: shimin
    per: member
    when: member.age < 18
    because: "{member.name}さん"
  - {id: c, name: C, department: shimin, when: kind != "あ", because: その他}
"""
AS_OF = dt.date(2026, 11, 23)
CREATED = dt.datetime(2026, 11, 23, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=9)))
PERSON = {"name": "山田 太郎", "kana": "ヤマダ　タロウ", "birth_date": "1982-05-10"}


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> TreeRuntime:
    return clean_runtime(tmp_path_factory.mktemp("types"), EVERY_TYPE)


def case_of(
    runtime: TreeRuntime, answers: dict[str, object], created: dt.datetime = CREATED
) -> dict[str, Any]:
    interview = Interview(runtime, AS_OF)
    while (question := interview.current) is not None:
        interview.answer(answers.get(question.id))
    return build_case(interview, case_id="20261123-ABC123", created_at=created)


ANSWERS: dict[str, object] = {
    "kind": "い",
    "items": ["b", "d"],
    "count": -3,
    "ratio": 0.125,
    "reading": "ｶﾞｯｺｳ",
    "zip": "〒１２３ー４５６７",
    "day": "R8.12.1",
    "tel": "03-1234-5678",
    "home": {"municipality": "サンプル市", "town": "中央一丁目", "prefecture": "ニューヨーク州"},
    "note": None,
    "household": [
        {**PERSON, "sex": "男", "relationship": "父"},
        {
            **PERSON,
            "name": "山田 花",
            "birth_date": "2020-02-29",
            "sex": "女",
            "relationship": "子",
        },
    ],
    "ok": True,
}


def test_every_answer_type_comes_back(runtime: TreeRuntime) -> None:
    case = case_of(runtime, ANSWERS)
    assert decode_case(encode_case(case, runtime), lambda _header: runtime) == case


@pytest.mark.parametrize(
    "created",
    [
        CREATED,
        dt.datetime(
            2026, 11, 22, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))
        ),
        dt.datetime(2026, 11, 24, 0, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 23, 9, 0),
    ],
    ids=["JST", "India, the day before", "UTC, the day after", "no zone"],
)
def test_the_creation_time_comes_back_with_its_zone(
    runtime: TreeRuntime, created: dt.datetime
) -> None:
    case = case_of(runtime, ANSWERS, created)
    assert decode_case(encode_case(case, runtime), lambda _header: runtime) == case


def test_the_questionnaire_is_named_not_copied() -> None:
    """The reference case is 14 kB as JSON; its layout refers to the tree and is < 500 B."""
    reference = json.loads((ROOT / "tests/fixtures/reference_case.json").read_text("utf-8"))
    layout = encode_case(reference, load_runtime(ROOT / "questionnaires" / "moving.yaml"))
    assert len(layout) < 500
    assert "手続き".encode() not in layout
    assert "転入届".encode() not in layout


@pytest.mark.parametrize(
    ("damage", "detail"),
    [
        pytest.param(lambda b: b[:-1], "「types」版3.1", id="cut short"),
        pytest.param(lambda b: b + b"\x00", "余分", id="one byte more"),
        pytest.param(lambda b: b[:12], "途中で終わって", id="only part of the header"),
    ],
)
def test_bytes_that_do_not_fit_the_tree_are_refused(
    runtime: TreeRuntime, damage: Any, detail: str
) -> None:
    data = damage(encode_case(case_of(runtime, ANSWERS), runtime))
    with pytest.raises(KakanaiError) as caught:
        decode_case(data, lambda _header: runtime)
    assert caught.value.code is ErrorCode.SLIP_CONTENT
    assert detail in caught.value.message


def test_the_reader_is_told_which_questionnaire_before_reading_answers(
    runtime: TreeRuntime,
) -> None:
    seen = []

    def runtime_for(header: Any) -> TreeRuntime:
        seen.append((header.questionnaire_id, header.questionnaire_version, header.as_of))
        return runtime

    decode_case(encode_case(case_of(runtime, ANSWERS), runtime), runtime_for)
    assert seen == [("types", "3.1", AS_OF)]


TEXT_CHARACTERS = st.characters(exclude_categories=("Cc", "Cf", "Cs"))
VALUES = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["あ", "い", "う"]),
        "items": st.lists(st.sampled_from("abcd"), unique=True),
        "count": st.integers(-(2**40), 2**40),
        "ratio": st.one_of(st.none(), st.floats(-MAX_NUMBER, MAX_NUMBER)),
        "reading": st.text(alphabet=KANA_ALPHABET[1:] + "ヽヾㇰ", min_size=1, max_size=12),
        "zip": st.from_regex(r"\A[0-9]{3}-[0-9]{4}\Z"),
        "day": st.dates(dt.date(1868, 1, 25), dt.date(2100, 1, 1)),
        "tel": st.sampled_from(["090-1234-5678", "0120-123-456", "0299-12-3456"]),
        # Text within the domain the engine's door admits (no control or format characters).
        "note": st.one_of(
            st.none(), st.text(TEXT_CHARACTERS, min_size=1, max_size=500).filter(str.strip)
        ),
        "ok": st.booleans(),
    }
)


@settings(max_examples=60, deadline=None)
@given(values=VALUES)
def test_any_answers_of_every_type_come_back(
    runtime: TreeRuntime, values: dict[str, object]
) -> None:
    case = case_of(runtime, {**ANSWERS, **values})
    assert decode_case(encode_case(case, runtime), lambda _header: runtime) == case


# --- SLIP_013 names what differs, never a resident's data ---------------------------------

PERSONAL = ("山田", "ヤマダ", "1982", "2020-02", "昭和57", "令和2")


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda c: c["household"]["members"][1].update(name="山田 花江"), "because"),
        (lambda c: c["household"]["members"][0].update(name=12345), "household"),
        (lambda c: c["household"]["members"][1].update(birth_date="2020-02-30"), "household"),
        (lambda c: c["answers"][0].update(value=["い"]), "kind"),
    ],
    ids=["a name changed", "a name that is a number", "an impossible date", "a list for a choice"],
)
def test_a_case_that_does_not_round_trip_names_the_field_without_personal_data(
    runtime: TreeRuntime, edit: Any, field: str
) -> None:
    """SLIP_013 printed the whole household (names, furigana, birth dates) to stderr."""
    case = case_of(runtime, ANSWERS)
    edit(case)
    with pytest.raises(KakanaiError) as caught:
        encode_case(case, runtime)
    message = caught.value.message
    assert caught.value.code is ErrorCode.SLIP_CASE_MISMATCH
    assert field in message
    assert not [word for word in PERSONAL if word in message], message


@pytest.mark.parametrize(
    ("given", "rebuilt", "where"),
    [
        ({"a": [1, {"b": 2}]}, {"a": [1, {"b": 3}]}, "a[1].b"),
        ({"a": [1, 2]}, {"a": [1]}, "a(件数)"),
        ({"a": 1}, {"a": 1, "b": 2}, "b"),
        ({"a": 1}, {"a": True}, "a"),
        ({"a": [1]}, {"a": [1]}, None),
    ],
)
def test_first_difference_is_a_path(given: object, rebuilt: object, where: str | None) -> None:
    assert first_difference(given, rebuilt) == where


PER_MEMBER = """\
questionnaire: {id: insurance, title: 保険, version: "1"}
departments: [{id: hoken, name: 保険年金課}]
sections:
  - id: s
    title: 世帯
    questions:
      - {id: household, type: household, text: 世帯}
      - id: insurance
        type: choice
        per: member
        member_when: member.age >= 20
        text: 加入している健康保険は。
        choices: [国保, 社会保険, 後期高齢]
      - id: pension_book
        type: yesno
        per: member
        required: false
        member_when: 20 <= member.age < 60
        text: 年金手帳はありますか。
        record_only: true
procedures:
  - id: kokuho
    name: 国保の届出
    department: hoken
    per: member
    when: member.insurance == "国保"
    because: "{member.name}さんは国保です。"
"""
FAMILY = [
    {**PERSON, "sex": "男", "relationship": "世帯主"},
    {**PERSON, "name": "山田 花", "birth_date": "2020-02-29", "sex": "女", "relationship": "子"},
    {**PERSON, "name": "山田 梅", "birth_date": "1950-04-01", "sex": "女", "relationship": "母"},
]


def test_per_member_answers_come_back_for_the_members_asked(tmp_path: Path) -> None:
    runtime = clean_runtime(tmp_path, PER_MEMBER)
    answers = {
        "household": FAMILY,
        "insurance": ["国保", None, "後期高齢"],
        "pension_book": [None, None, None],
    }
    case = case_of(runtime, answers)
    assert case["answers"][0]["value"] == ["国保", None, "後期高齢"]
    assert case["answers"][0]["display"] == "山田 太郎: 国保、山田 梅: 後期高齢"
    assert [(p["id"], p["member"]) for p in case["procedures"]] == [("kokuho", 0)]
    assert decode_case(encode_case(case, runtime), lambda _header: runtime) == case


def test_a_per_member_answer_for_a_member_not_asked_is_refused(tmp_path: Path) -> None:
    runtime = clean_runtime(tmp_path, PER_MEMBER)
    case = case_of(runtime, {"household": FAMILY, "insurance": ["国保", None, "後期高齢"]})
    case["answers"][0]["value"] = ["国保", "国保", "後期高齢"]
    with pytest.raises(KakanaiError) as caught:
        encode_case(case, runtime)
    assert caught.value.code is ErrorCode.SLIP_CASE_MISMATCH
    assert "聞かない世帯員" in caught.value.message


def test_a_tree_without_per_member_questions_keeps_its_fingerprint() -> None:
    """Slips printed before per-member questions existed still open: the fingerprint of such
    a tree is the hash as it was first defined."""
    runtime = load_runtime(ROOT / "questionnaires" / "marriage.yaml")  # moving's are per member
    assert runtime.tree.member_questions == []
    tree = runtime.tree
    structure = {
        "questions": [
            [q.id, q.type.value, q.required, q.choice_values(), _source(q.when), section]
            for q in runtime.questions
            for section in [_source(tree.section_of(q).when)]
        ],
        "computed": [[c.id, c.value.source] for c in tree.computed],
        "procedures": [[p.id, p.per.value, _source(p.when)] for p in tree.procedures],
    }
    text = json.dumps(structure, ensure_ascii=False, separators=(",", ":"))
    assert tree_fingerprint(runtime) == hashlib.sha256(text.encode()).digest()[:2]


def test_whom_a_per_member_question_is_asked_of_changes_the_fingerprint(tmp_path: Path) -> None:
    first = clean_runtime(tmp_path, PER_MEMBER)
    other = clean_runtime(tmp_path, PER_MEMBER.replace("member.age >= 20", "member.age >= 18"))
    assert tree_fingerprint(first) != tree_fingerprint(other)


def _source(condition: Condition | None) -> str:
    return condition.source if condition is not None else ""
