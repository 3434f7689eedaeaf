"""The case (受付案件) record built from a finished interview of the sample tree: plain JSON data
with the household, the answers as the clerk reads them back, and the procedures."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import pytest

from kakanai.core.trees.case import build_case
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.interview import Interview
from tests.core.trees.samples import AS_OF, FATHER, MOTHER, SON, broken, clean_runtime

JST = dt.timezone(dt.timedelta(hours=9))
CREATED_AT = dt.datetime(2026, 11, 23, 10, 30, 15, tzinfo=JST)

# The sample tree plus a labelled choice, a date, an optional address and a procedure with
# everything a slip prints.
CASE_TREE = broken(
    (
        "        choices: [転入, 転居, 転出]\n",
        """\
        choices:
          - 転入
          - value: 転居
            label: 転居(市内での引っ越し)
          - 転出
      - id: move_date
        type: date
        text: 引っ越した日はいつですか。
        record_only: true
      - id: new_address
        type: address
        text: 新しい住所を教えてください。
        required: false
        record_only: true
""",
    ),
    (
        "    because: 他の市区町村から引っ越してきたため。\n",
        """\
    because: 他の市区町村から引っ越してきたため。
    bring: [本人確認書類, 転出証明書]
    forms: [juumin_idou_todoke]
    deadline: 引っ越した日から14日以内
    desk: 1番窓口
""",
    ),
)

ADDRESS = {
    "postal_code": "1000001",
    "prefecture": "東京都",
    "municipality": "サンプル市",
    "town": "中央一丁目",
    "block": "2番3号",
    "building": "サンプルハイツ101",
}
FAMILY_MOVING_IN = {
    "move_type": "転入",
    "move_date": "R8.11.15",
    "new_address": ADDRESS,
    "household": [FATHER, SON],
    "has_dog": "はい",
    "children_count": 1,
    "memo": "",
}
COUPLE_MOVING_WITHIN = {
    "move_type": "転居",
    "move_date": "2026-11-01",
    "new_address": None,
    "household": [MOTHER, FATHER],
    "has_dog": "いいえ",
    "memo": "駐車場あり",
}


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> TreeRuntime:
    return clean_runtime(tmp_path_factory.mktemp("case"), CASE_TREE)


def case_of(runtime: TreeRuntime, answers: Mapping[str, object]) -> dict[str, Any]:
    """Run an interview to its end from ``answers`` (by question id) and build its case."""
    interview = Interview(runtime, AS_OF)
    while interview.current is not None:
        interview.answer(answers.get(interview.current.id))
    return build_case(interview, case_id="20261123-ABC123", created_at=CREATED_AT)


def answer_entry(case: Mapping[str, Any], question_id: str) -> dict[str, Any]:
    return next(a for a in case["answers"] if a["question"] == question_id)


def test_case_header_names_schema_case_and_dates(runtime: TreeRuntime) -> None:
    case = case_of(runtime, FAMILY_MOVING_IN)
    assert {k: case[k] for k in ("schema", "case_id", "created_at", "as_of")} == {
        "schema": "kakanai.case/1",
        "case_id": "20261123-ABC123",
        "created_at": "2026-11-23T10:30:15+09:00",
        "as_of": "2026-11-23",
    }


def test_case_records_the_questionnaire_and_its_version(runtime: TreeRuntime) -> None:
    assert case_of(runtime, FAMILY_MOVING_IN)["questionnaire"] == {
        "id": "mini",
        "title": "テスト用ツリー",
        "version": "1",
        "effective_from": "2026-10-01",
        "city": "",
    }


def test_household_members_have_iso_and_wareki_birth_dates_and_age_on_as_of(
    runtime: TreeRuntime,
) -> None:
    assert case_of(runtime, FAMILY_MOVING_IN)["household"]["members"] == [
        {
            "index": 0,
            "name": "山田 太郎",
            "kana": "ヤマダ\u3000タロウ",
            "birth_date": "1982-05-10",
            "birth_date_wareki": "昭和57年5月10日",
            "sex": "男",
            "relationship": "世帯主",
            "age": 44,
            "is_head": True,
        },
        {
            "index": 1,
            "name": "山田 一郎",
            "kana": "ヤマダ\u3000イチロウ",
            "birth_date": "2020-06-01",
            "birth_date_wareki": "令和2年6月1日",
            "sex": "男",
            "relationship": "子",
            "age": 6,
            "is_head": False,
        },
    ]


@pytest.mark.parametrize(
    ("members", "head"),
    [
        pytest.param([FATHER, SON], 0, id="世帯主 first"),
        pytest.param([MOTHER, FATHER], 1, id="世帯主 second"),
        pytest.param([MOTHER, SON], 0, id="no 世帯主: the first member"),
    ],
)
def test_household_head_index_is_the_setainushi_or_the_first_member(
    runtime: TreeRuntime, members: list[dict[str, str]], head: int
) -> None:
    case = case_of(runtime, {**FAMILY_MOVING_IN, "household": members})
    assert case["household"]["head"] == head
    assert [m["is_head"] for m in case["household"]["members"]] == [
        i == head for i in range(len(members))
    ]


@pytest.mark.parametrize(
    ("answers", "question_id", "value", "display"),
    [
        pytest.param(
            COUPLE_MOVING_WITHIN, "move_type", "転居", "転居(市内での引っ越し)", id="label"
        ),
        pytest.param(FAMILY_MOVING_IN, "move_type", "転入", "転入", id="plain choice"),
        pytest.param(FAMILY_MOVING_IN, "has_dog", True, "はい", id="yes"),
        pytest.param(COUPLE_MOVING_WITHIN, "has_dog", False, "いいえ", id="no"),
        pytest.param(FAMILY_MOVING_IN, "move_date", "2026-11-15", "令和8年11月15日", id="date"),
        pytest.param(FAMILY_MOVING_IN, "children_count", 1, "1", id="number"),
        pytest.param(FAMILY_MOVING_IN, "memo", None, "(未回答)", id="optional left blank"),
        pytest.param(COUPLE_MOVING_WITHIN, "memo", "駐車場あり", "駐車場あり", id="text"),
        pytest.param(
            FAMILY_MOVING_IN,
            "new_address",
            {**ADDRESS, "postal_code": "100-0001"},
            "〒100-0001 東京都サンプル市中央一丁目2番3号 サンプルハイツ101",
            id="address",
        ),
    ],
)
def test_answer_is_recorded_with_json_value_and_display_text(
    runtime: TreeRuntime,
    answers: Mapping[str, object],
    question_id: str,
    value: object,
    display: str,
) -> None:
    entry = answer_entry(case_of(runtime, answers), question_id)
    assert (entry["value"], entry["display"]) == (value, display)


def test_answers_follow_interview_order_without_the_household(runtime: TreeRuntime) -> None:
    case = case_of(runtime, FAMILY_MOVING_IN)
    assert [a["question"] for a in case["answers"]] == [
        "move_type",
        "move_date",
        "new_address",
        "has_dog",
        "children_count",
        "memo",
    ]
    assert answer_entry(case, "has_dog") == {
        "question": "has_dog",
        "text": "犬を飼っていますか。",
        "type": "yesno",
        "value": True,
        "display": "はい",
    }


@pytest.mark.parametrize(
    ("answers", "addresses"),
    [
        pytest.param(
            FAMILY_MOVING_IN,
            {"new_address": {**ADDRESS, "postal_code": "100-0001"}},
            id="given",
        ),
        pytest.param(COUPLE_MOVING_WITHIN, {}, id="left blank"),
    ],
)
def test_addresses_lists_the_answered_addresses(
    runtime: TreeRuntime, answers: Mapping[str, object], addresses: dict[str, object]
) -> None:
    assert case_of(runtime, answers)["addresses"] == addresses


def test_household_procedure_carries_what_the_slip_prints(runtime: TreeRuntime) -> None:
    tennyu = case_of(runtime, FAMILY_MOVING_IN)["procedures"][0]
    assert tennyu == {
        "id": "tennyu",
        "name": "転入届",
        "department": "shimin",
        "per": "household",
        "member": None,
        "because": "他の市区町村から引っ越してきたため。",
        "bring": ["本人確認書類", "転出証明書"],
        "forms": ["juumin_idou_todoke"],
        "deadline": "引っ越した日から14日以内",
        "desk": "1番窓口",
        "evidence": ["move_type"],
    }


def test_per_member_procedure_names_its_member_index_and_fills_because(
    runtime: TreeRuntime,
) -> None:
    case = case_of(runtime, {**FAMILY_MOVING_IN, "household": [FATHER, MOTHER, SON]})
    iryou = [p for p in case["procedures"] if p["id"] == "iryou"]
    assert [(p["member"], p["because"], p["department"], p["per"]) for p in iryou] == [
        (2, "山田 一郎さんが18歳未満のため。", "kodomo", "member")
    ]
    assert case["household"]["members"][2]["name"] == "山田 一郎"


@pytest.mark.parametrize(
    ("answers", "procedures", "departments"),
    [
        pytest.param(
            FAMILY_MOVING_IN, ["tennyu", "dog", "iryou"], ["shimin", "kodomo"], id="転入 with child"
        ),
        pytest.param(COUPLE_MOVING_WITHIN, ["tenkyo"], ["shimin"], id="転居 couple"),
    ],
)
def test_only_concerned_departments_are_listed(
    runtime: TreeRuntime,
    answers: Mapping[str, object],
    procedures: list[str],
    departments: list[str],
) -> None:
    case = case_of(runtime, answers)
    assert [p["id"] for p in case["procedures"]] == procedures
    assert [d["id"] for d in case["departments"]] == departments


def test_department_entry_carries_where_to_go(runtime: TreeRuntime) -> None:
    shimin = case_of(runtime, COUPLE_MOVING_WITHIN)["departments"][0]
    assert shimin == {
        "id": "shimin",
        "name": "市民課",
        "floor": "1階",
        "counter": "",
        "extension": "",
    }


@pytest.mark.parametrize(
    "answers",
    [pytest.param(FAMILY_MOVING_IN, id="転入"), pytest.param(COUPLE_MOVING_WITHIN, id="転居")],
)
def test_case_survives_a_json_round_trip_unchanged(
    runtime: TreeRuntime, answers: Mapping[str, object]
) -> None:
    case = case_of(runtime, answers)
    assert json.loads(json.dumps(case, ensure_ascii=False)) == case
