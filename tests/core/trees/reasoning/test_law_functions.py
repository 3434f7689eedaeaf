"""The checker reasons over the law's date functions as over any other: members either side of
the day they attain an age are told apart, and boundaries of the law show in the rules."""

from __future__ import annotations

import datetime as dt

from kakanai.core.trees.evaluation import applied_procedures
from kakanai.core.trees.reasoning.analysis import analyse
from tests.core.trees.reasoning.test_agreement import runtime_of

AS_OF = dt.date(2026, 11, 23)
TREE = """\
questionnaire: {id: law, title: 法律の年齢, version: "1"}
departments: [{id: kaigo, name: 介護保険課}, {id: shimin, name: 市民課}]
sections:
  - id: s
    title: 世帯
    questions:
      - {id: household, type: household, text: 世帯}
procedures:
  - {id: base, name: 届出, department: shimin, because: 全員。}
  - id: kaigo_first
    name: 介護保険 第1号
    department: kaigo
    per: member
    when: attains(member.birth_date, 65) <= today()
    because: "{member.name}さんは65歳に達しています。"
"""


def member(birth: dt.date) -> dict[str, object]:
    return {
        "name": "見本",
        "kana": "ミホン",
        "birth_date": birth,
        "sex": "女",
        "relationship": "世帯主",
        "is_head": True,
    }


def given(birth: dt.date) -> bool:
    runtime = runtime_of(TREE, "law.yaml")
    assert runtime is not None
    values = runtime.values({"household": [member(birth)]}, AS_OF)
    return any(a.procedure.id == "kaigo_first" for a in applied_procedures(values))


def test_a_member_attains_65_the_day_before_the_birthday() -> None:
    assert given(dt.date(1961, 11, 24))  # 65th birthday tomorrow: attained today
    assert not given(dt.date(1961, 11, 25))


def test_the_checker_finds_members_either_side_of_the_day() -> None:
    runtime = runtime_of(TREE, "law.yaml")
    assert runtime is not None
    analysis = analyse(runtime, AS_OF)
    assert [p.render() for p in analysis.problems] == []
    (table,) = [t for t in analysis.tables() if t.procedure.id == "kaigo_first"]
    assert [rule.text() for rule in table.rules] == [
        "member=attains(member.birth_date, 65) <= today()"
    ]
