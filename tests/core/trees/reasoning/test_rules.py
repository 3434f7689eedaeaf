"""Decision tables: each procedure's rules say exactly for whom it is guided, in the answers,
household facts and member bands the supervisor wrote, with as few rules as needed."""

from __future__ import annotations

import datetime as dt

import pytest

from kakanai.core.trees.reasoning.analysis import analyse
from kakanai.core.trees.reasoning.rules import Table
from kakanai.services.trees.checking import check_source, load_runtime
from tests.conftest import QUESTIONNAIRES
from tests.core.trees.reasoning.test_agreement import TreeMaker, runtime_of, valid_seeds
from tests.core.trees.reasoning.test_logic_checks import TREE

AS_OF = dt.date(2026, 11, 23)


def tables_of(text: str) -> dict[str, Table]:
    runtime = runtime_of(text, "tree.yaml")
    assert runtime is not None
    return {t.procedure.id: t for t in analyse(runtime, AS_OF).tables()}


def texts(table: Table) -> list[str]:
    return [rule.text() for rule in table.rules]


def test_every_shipped_procedure_is_one_rule_but_the_one_with_alternatives() -> None:
    """The moving tree's conditions are conjunctions, one row each, except the 後期 address
    change: a 転居, or a 転入 from within the prefecture — one row per alternative."""
    analysis = analyse(load_runtime(QUESTIONNAIRES / "moving.yaml"), AS_OF)
    several = {t.procedure.id: len(t.rules) for t in analysis.tables() if len(t.rules) != 1}
    assert several == {"kouki_jusho_henkou": 2}


def test_a_per_member_rule_names_the_member_in_the_conditions_words() -> None:
    analysis = analyse(load_runtime(QUESTIONNAIRES / "moving.yaml"), AS_OF)
    table = next(t for t in analysis.tables() if t.procedure.id == "kokumin_nenkin")
    insured = 'member.health_insurance in ["国保", "国保組合", "生活保護", "健保家族"]'
    assert texts(table) == [
        f"move_type=転入 かつ member={insured} かつ 20 <= legal_age(member.birth_date) < 60"
    ]


def test_a_choice_entry_lists_the_values_it_accepts() -> None:
    table = tables_of(TREE)["card"]
    (rule,) = table.rules
    entry = next(e for e in rule.entries if e.input == "move_type")
    assert entry.values == ("転入", "転居")
    assert entry.accepts == ("転入", "転居")


def test_or_gives_one_rule_per_alternative() -> None:
    table = tables_of(TREE.replace("when: has_infant", "when: has_infant or kokuho", 1))["infant"]
    assert sorted(texts(table)) == ["has_infant(乳幼児がいる)=はい", "kokuho=はい"]


def test_a_fact_implied_by_another_is_left_out() -> None:
    table = tables_of(TREE.replace("when: has_infant", "when: has_child and has_infant", 1))[
        "infant"
    ]
    assert texts(table) == ["has_infant(乳幼児がいる)=はい"]


def test_a_procedure_nobody_is_given_has_no_rules() -> None:
    table = tables_of(
        TREE.replace(
            'when: move_type == "転居"', 'when: move_type == "転居" and move_type == "転出"'
        )
    )["tenkyo"]
    assert table.rules == []


@pytest.mark.parametrize("seed", valid_seeds(40))
def test_the_rules_say_exactly_who_is_guided(seed: int) -> None:
    """On random trees, the union of a procedure's rules is its diagram, where households
    can be what the facts say."""
    runtime = runtime_of(TreeMaker(seed).tree(), "random.yaml")
    assert runtime is not None
    analysis = analyse(runtime, AS_OF)
    dd = analysis.space.dd
    for table in analysis.tables():
        union = dd.any_of(dd.cube(rule.cube) for rule in table.rules)
        assert dd.conj(union, table.possible) == dd.conj(table.function, table.possible)
        assert not table.truncated


MULTI = """\
questionnaire: {id: multi, title: 複数選択, version: "1"}
departments: [{id: shimin, name: 市民課}]
sections:
  - id: s
    title: 証明書
    questions:
      - {id: wanted, type: multi, text: 必要な証明書, choices: [住民票, 戸籍, 税]}
      - {id: urgent, type: yesno, text: 急ぎますか。}
procedures:
  - {id: base, name: 受付, department: shimin, because: 全員。}
  - {id: juuminhyou, name: 住民票, department: shimin, when: '"住民票" in wanted', because: B}
  - id: koseki_only
    name: 戸籍だけ
    department: shimin
    when: '"戸籍" in wanted and "住民票" not in wanted and "税" not in wanted and urgent'
    because: B
  - id: nothing
    name: 確認
    department: shimin
    when: '"住民票" not in wanted and "戸籍" not in wanted'
    because: B
  - id: either
    name: どちらか
    department: shimin
    when: '"住民票" in wanted or "税" in wanted'
    because: B
"""


@pytest.mark.parametrize(
    ("procedure", "rules"),
    [
        ("juuminhyou", ["wanted に 住民票 を含む"]),
        ("koseki_only", ["wanted に 戸籍 を含み、住民票・税 のどれも含まない かつ urgent=はい"]),
        ("nothing", ["wanted に 住民票・戸籍 のどれも含まない"]),
        ("either", ["wanted に 住民票 か 税 を含む"]),
    ],
)
def test_a_multi_question_s_rule_names_the_options_it_needs(
    procedure: str, rules: list[str]
) -> None:
    assert texts(tables_of(MULTI)[procedure]) == rules


def test_a_multi_question_with_too_many_options_in_conditions_is_refused() -> None:
    """2**13 subsets are past what the checker reasons over in seconds: a clear message."""
    options = [f"o{i}" for i in range(13)]
    procedures = "".join(
        f"  - {{id: p{i}, name: P{i}, department: shimin, when: '\"{o}\" in wanted', because: B}}\n"
        for i, o in enumerate(options)
    )
    text = (
        MULTI.split("procedures:", maxsplit=1)[0]
        .replace("[住民票, 戸籍, 税]", f"[{', '.join(options)}]")
        .replace("      - {id: urgent, type: yesno, text: 急ぎますか。}\n", "")
        + "procedures:\n  - {id: base, name: 受付, department: shimin, because: 全員。}\n"
        + procedures
    )
    problems = check_source(text, "multi.yaml", AS_OF)
    assert [(p.code.code, p.line) for p in problems] == [("TREE_FLOW_009", 7)]
    assert "13個" in problems[0].message
