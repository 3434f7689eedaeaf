"""Questions asked of each household member (per: member): each member's own answer is read as
``member.<id>``, written after the household, never read by its bare id; the checker reasons
over each member's answer like any member field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kakanai.adapters.yaml_loading import load_text
from kakanai.core.errors import Problem
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.evaluation import TreeRuntime, applied_procedures
from kakanai.core.trees.reader import TreeReader
from kakanai.core.trees.reasoning.analysis import analyse
from kakanai.services.trees.checking import check_tree

AS_OF = dt.date(2026, 11, 23)
TREE = """\
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
        text: 加入している健康保険は。
        choices: [国保, 社会保険, 後期高齢]
procedures:
  - id: kokuho
    name: 国保の届出
    department: hoken
    when: any_member(member.insurance == "国保")
    because: 国保に加入する方がいます。
  - id: nenkin
    name: 国民年金
    department: hoken
    per: member
    when: member.insurance == "国保" and 20 <= member.age < 60
    because: "{member.name}さんは国保で20歳以上60歳未満です。"
  - id: other
    name: その他
    department: hoken
    when: not any_member(member.insurance == "国保")
    because: 国保の方はいません。
"""


def checked(text: str) -> tuple[TreeRuntime, list[Problem]]:
    reader = TreeReader("t.yaml")
    tree = reader.read(load_text(text, "t.yaml"))
    checker = StaticChecker(tree)
    runtime = checker.run()
    return runtime, [*reader.problems, *checker.problems]


def member(name: str, birth: str) -> dict[str, object]:
    return {
        "name": name,
        "kana": "ミホン",
        "birth_date": dt.date.fromisoformat(birth),
        "sex": "女",
        "relationship": "子",
        "is_head": False,
    }


def test_each_members_own_answer_decides_for_them() -> None:
    runtime, problems = checked(TREE)
    assert problems == []
    household = [member("母", "1990-01-01"), member("祖母", "1950-01-01")]
    answers = {"household": household, "insurance": ["国保", "後期高齢"]}
    given = applied_procedures(runtime.values(answers, AS_OF))
    assert [(a.procedure.id, a.member_index) for a in given] == [("kokuho", None), ("nenkin", 0)]


WRONG = [
    ("a type one member cannot answer", ("type: choice\n        per", "type: text\n        per"),
     "TREE_MEMBER_001"),
    ("before the household", ("      - {id: household, type: household, text: 世帯}\n", ""),
     "TREE_MEMBER_002"),
    ("read by its bare id",
     ('when: any_member(member.insurance == "国保")', 'when: insurance == "国保"'),
     "TREE_MEMBER_003"),
]  # fmt: skip


@pytest.mark.parametrize(("replacement", "code"), [pytest.param(r, c, id=i) for i, r, c in WRONG])
def test_a_per_member_question_written_wrongly_is_reported(
    replacement: tuple[str, str], code: str
) -> None:
    _, problems = checked(TREE.replace(*replacement, 1))
    assert code in [p.code.code for p in problems], [p.render() for p in problems]


def test_the_checker_tells_members_apart_by_their_own_answers() -> None:
    runtime, _ = checked(TREE)
    analysis = analyse(runtime, AS_OF)
    assert [p.render() for p in analysis.problems] == []
    table = next(t for t in analysis.tables() if t.procedure.id == "nenkin")
    (rule,) = table.rules
    assert "member.insurance" in rule.text()
    assert "member.age" in rule.text()


def test_reading_a_members_answer_where_it_may_not_be_asked_is_found() -> None:
    text = TREE.replace(
        "        per: member\n",
        "        per: member\n        member_when: member.age >= 20\n",
    )
    runtime, problems = checked(text)
    assert problems == []
    codes = [p.code.code for p in analyse(runtime, AS_OF).problems]
    assert "TREE_FLOW_001" in codes  # a child is never asked, so member.insurance is unknown


def test_the_path_table_says_it_cannot_list_per_member_questions(tmp_path: Path) -> None:
    path = tmp_path / "insurance.yaml"
    path.write_text(TREE, encoding="utf-8")
    report = check_tree(path, AS_OF, collect_paths=True)
    assert [p.code.code for p in report.problems] == ["TREE_FLOW_008"]
    assert report.ok
