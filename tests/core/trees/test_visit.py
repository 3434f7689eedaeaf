"""One visit, several life events: joined trees ask a shared fact once, list every event's
procedures once, and refuse to share a question the trees mean differently."""

from __future__ import annotations

import datetime as dt

from kakanai.adapters.yaml_loading import load_text
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.model import QuestionTree
from kakanai.core.trees.reader import TreeReader
from kakanai.core.trees.reasoning.analysis import analyse
from kakanai.core.trees.visit import Part, join, parts_of, visit_problems

AS_OF = dt.date(2026, 11, 23)
MOVE = """\
questionnaire: {id: move, title: 転入, version: "2026.12"}
departments: [{id: shimin, name: 市民課}, {id: kodomo, name: こども課}]
sections:
  - id: members
    title: 世帯
    questions:
      - {id: household, type: household, text: 世帯}
      - {id: phone, type: phone, text: 電話, record_only: true}
computed:
  - {id: has_child, title: 子がいる, value: "any_member(member.age < 18)"}
procedures:
  - {id: tennyu, name: 転入届, department: shimin, because: 転入。}
  - {id: jidou_teate, name: 児童手当, department: kodomo, when: has_child, because: 子。}
"""
BIRTH = """\
questionnaire: {id: birth, title: 出生, version: "2026.1"}
departments: [{id: kodomo, name: こども課}, {id: hoken, name: 保健センター}]
sections:
  - id: members
    title: 世帯
    questions:
      - {id: household, type: household, text: 世帯}
      - {id: low_weight, type: yesno, text: 2500g未満ですか。}
computed:
  - {id: has_child, title: 子がいる, value: "any_member(member.age < 18)"}
procedures:
  - {id: jidou_teate, name: 児童手当, department: kodomo, because: 出生。}
  - id: low_weight_notice
    name: 低体重児届
    department: hoken
    when: low_weight
    because: 低体重。
"""


def tree(text: str) -> QuestionTree:
    reader = TreeReader("t.yaml")
    return reader.read(load_text(text, "t.yaml"))


def test_a_shared_question_is_asked_once() -> None:
    joined = join([tree(MOVE), tree(BIRTH)])
    ids = [q.id for q in joined.questions]
    assert ids == ["household", "phone", "low_weight"]
    assert [q.order for q in joined.questions] == [0, 1, 2]


def test_every_events_procedures_are_listed_once_and_departments_merged() -> None:
    joined = join([tree(MOVE), tree(BIRTH)])
    assert [p.id for p in joined.procedures] == ["tennyu", "jidou_teate", "low_weight_notice"]
    assert [d.id for d in joined.departments] == ["shimin", "kodomo", "hoken"]


def test_a_procedure_of_two_events_applies_when_either_event_says_so() -> None:
    """転入 guides 児童手当 only with a child in the household; 出生 always: together, always."""
    joined = join([tree(MOVE), tree(BIRTH)])
    (teate,) = [p for p in joined.procedures if p.id == "jidou_teate"]
    assert teate.when is None


def test_the_joined_tree_passes_the_checks_and_runs_an_interview() -> None:
    joined = join([tree(MOVE), tree(BIRTH)])
    checker = StaticChecker(joined)
    runtime = checker.run()
    assert [p.render() for p in checker.problems] == []
    assert [p.render() for p in analyse(runtime, AS_OF).problems] == []
    interview = Interview(runtime, AS_OF)
    interview.answer(
        [{"name": "見本 花子", "kana": "ミホン ハナコ", "birth_date": "1990-01-01", "sex": "女",
          "relationship": "世帯主"}]
    )  # fmt: skip
    interview.answer("090-1234-5678")
    interview.answer("はい")
    assert interview.finished
    given = [a.procedure.id for a in interview.procedures()]
    assert given == ["tennyu", "jidou_teate", "low_weight_notice"]


def test_a_visit_names_its_trees_and_versions() -> None:
    joined = join([tree(MOVE), tree(BIRTH)])
    assert (joined.meta.id, joined.meta.version) == ("move+birth", "2026.12+2026.1")
    assert parts_of(joined) == [Part("move", "2026.12"), Part("birth", "2026.1")]


def test_a_question_two_trees_mean_differently_is_reported_in_the_later_tree() -> None:
    other = BIRTH.replace(
        "{id: low_weight, type: yesno, text: 2500g未満ですか。}",
        "{id: phone, type: text, text: 電話番号}",
    ).replace("when: low_weight", 'when: phone == "x"')
    (problem,) = visit_problems([tree(MOVE), tree(other)])
    assert problem.code.code == "TREE_VISIT_001"
    assert "phone" in problem.message
    assert problem.line == 8


def test_one_tree_is_its_own_visit() -> None:
    single = tree(MOVE)
    assert join([single]) is single


NATIONALITY = """\
questionnaire: {{id: {ident}, title: 国籍, version: "2026.12"}}
departments: [{{id: shimin, name: 市民課}}]
sections:
  - id: members
    title: 世帯
    questions:
      - {{id: household, type: household, text: 世帯}}
      - {{id: {gate}, type: yesno, text: 外国籍の方はいますか。}}
      - id: nationality
        type: choice
        per: member
        {member_when}
        text: 国籍
        choices: [日本国籍, 外国籍]
procedures:
  - {{id: {ident}_todoke, name: 届, department: shimin, because: 届。}}
"""


def test_a_shared_per_member_question_is_asked_of_every_member_either_tree_asks() -> None:
    """moving.yaml asks nationality only when a member is foreign, abroad.yaml of everyone:
    joined, the first tree's member_when alone would leave abroad's members unasked."""
    some = tree(NATIONALITY.format(ident="some", gate="gate", member_when="member_when: gate"))
    every = tree(NATIONALITY.format(ident="every", gate="gate2", member_when=""))
    for trees in ([some, every], [every, some]):
        assert join(trees).question("nationality").member_when is None  # type: ignore[union-attr]
    both = join([some, some]).question("nationality")
    assert both is not None
    assert both.member_when is not None
    assert both.member_when.source == "gate"
