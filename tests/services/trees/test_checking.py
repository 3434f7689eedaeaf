"""`kakanai check` finds every kind of problem a supervisor can make, at the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakanai.services.trees.checking import exploration_problems
from tests.core.trees.samples import BASE, SCENARIOS, broken, codes, line_of, run_check

# (test id, replacements applied to the sample tree, expected code, text on the reported line)
BROKEN_TREES = [
    (
        "yaml syntax",
        [("  title: テスト用ツリー", "  title: [テスト用ツリー")],
        "TREE_YAML_001",
        None,
    ),
    (
        "duplicate key",
        [('  version: "1"', '  version: "1"\n  version: "2"')],
        "TREE_YAML_002",
        'version: "2"',
    ),
    (
        "unknown key",
        [('        when: move_type != "転出"', '        wehn: move_type != "転出"')],
        "TREE_KEY_001",
        "wehn",
    ),
    ("missing key", [("    because: 市内で引っ越したため。\n", "")], "TREE_KEY_002", "id: tenkyo"),
    ("duplicate id", [("  - id: tenkyo", "  - id: tennyu  # 2回目")], "TREE_ID_001", "# 2回目"),
    ("badly formed id", [("  - id: tenkyo", "  - id: Tenkyo-1")], "TREE_ID_002", "Tenkyo-1"),
    (
        "unknown question",
        [('when: move_type == "転居"', 'when: move_typ == "転居"')],
        "TREE_REF_001",
        "move_typ ==",
    ),
    (
        "unknown choice",
        [('when: move_type == "転居"', 'when: move_type == "転居届"')],
        "TREE_REF_002",
        '"転居届"',
    ),
    (
        "unknown department",
        [("    department: kodomo\n    per", "    department: kodomoo\n    per")],
        "TREE_REF_004",
        "kodomoo",
    ),
    (
        "condition syntax",
        [('when: move_type == "転居"', 'when: move_type = "転居"')],
        "TREE_EXPR_001",
        'move_type = "転居"',
    ),
    (
        "dunder attribute",
        [('when: move_type == "転居"', "when: move_type.__class__")],
        "TREE_EXPR_002",
        "__class__",
    ),
    (
        "call of a non-whitelisted function",
        [('when: move_type == "転居"', 'when: open("x")')],
        "TREE_EXPR_003",
        "open",
    ),
    ("import", [('when: move_type == "転居"', "when: import os")], "TREE_EXPR_002", "import os"),
    (
        "lambda",
        [('when: move_type == "転居"', 'when: "(lambda x: x)(True)"')],
        "TREE_EXPR_00",
        "lambda",
    ),
    (
        "comprehension",
        [('when: move_type == "転居"', "when: any([m for m in household])")],
        "TREE_EXPR_00",
        "[m for m",
    ),
    (
        "yes/no compared with a number",
        [('when: move_type != "転出" and has_dog', "when: has_dog == 1")],
        "TREE_TYPE_001",
        "has_dog == 1",
    ),
    (
        "choice compared with a number",
        [('when: move_type == "転居"', "when: move_type == 3")],
        "TREE_TYPE_001",
        "move_type == 3",
    ),
    (
        "member outside a per-member procedure",
        [('when: move_type == "転居"', "when: member.age > 3")],
        "TREE_TYPE_003",
        "member.age > 3",
    ),
    (
        "condition that is not yes/no",
        [('when: move_type == "転居"', "when: children_count + 1")],
        "TREE_TYPE_004",
        "children_count + 1",
    ),
    (
        "condition reads a later question",
        [('        when: move_type != "転出"', "        when: children_count > 1")],
        "TREE_FLOW_002",
        "children_count > 1",
    ),
    (
        "condition reads a question that may not have been asked",
        [('when: move_type != "転出" and has_dog', "when: has_dog")],
        "TREE_FLOW_001",
        "when: has_dog",
    ),
    (
        "unreachable question",
        [("        when: has_child", '        when: move_type == "転居" and move_type == "転出"')],
        "TREE_FLOW_003",
        "id: children_count",
    ),
    (
        "unreachable procedure",
        [
            (
                "when: has_child and children_count >= 2",
                "when: has_child and children_count >= 2 and not has_child",
            )
        ],
        "TREE_FLOW_004",
        "id: hoiku",
    ),
    ("answer never used", [("        record_only: true\n", "")], "TREE_FLOW_005", "id: memo"),
    (
        "a help sentence's condition reads a later question",
        [
            (
                "        text: 犬を飼っていますか。\n",
                (
                    "        text: 犬を飼っていますか。\n"
                    "        help: [{text: 子どもがいます。, when: children_count > 1}]\n"
                ),
            )
        ],
        "TREE_FLOW_002",
        "help: [{text: 子どもがいます。",
    ),
    (
        "a help sentence's condition that is not yes/no",
        [
            (
                "        text: 犬を飼っていますか。\n",
                (
                    "        text: 犬を飼っていますか。\n"
                    "        help: [{text: 転入です。, when: move_type}]\n"
                ),
            )
        ],
        "TREE_TYPE_004",
        "help: [{text: 転入です。",
    ),
    (
        "same_as names neither the head of household nor an earlier address",
        [("        text: メモ\n", "        text: メモ\n        same_as: [household_heed]\n")],
        "TREE_YAML_005",
        "id: memo",
    ),
    (
        "a path with no procedure",
        [('when: move_type == "転出"', 'when: move_type == "転出" and has_child')],
        "TREE_FLOW_006",
        None,
    ),
]


@pytest.mark.parametrize(
    ("replacements", "code", "at"), [pytest.param(r, c, a, id=i) for i, r, c, a in BROKEN_TREES]
)
def test_broken_tree_is_reported_at_its_line(
    tmp_path: Path, replacements: list[tuple[str, str]], code: str, at: str | None
) -> None:
    text = broken(*replacements)
    report = run_check(tmp_path, text)
    matching = [p for p in report.problems if p.code.code.startswith(code)]
    assert matching, f"expected {code}, got {[p.render() for p in report.problems]}"
    if at is not None:
        assert matching[0].line == line_of(text, at.rstrip("\n")), matching[0].render()
    assert all(p.message for p in matching)


def test_clean_sample_tree_has_no_problems(tmp_path: Path) -> None:
    report = run_check(tmp_path, BASE, SCENARIOS)
    assert [p.render() for p in report.problems] == []
    assert report.scenarios_passed == report.scenarios_total == 1


def test_unknown_key_suggests_the_close_key(tmp_path: Path) -> None:
    text = broken(('        when: move_type != "転出"', '        wehn: move_type != "転出"'))
    problem = next(p for p in run_check(tmp_path, text).problems if p.code.code == "TREE_KEY_001")
    assert "もしかして: when" in problem.message


def test_unknown_name_suggests_the_close_question(tmp_path: Path) -> None:
    text = broken(('when: move_type == "転居"', 'when: move_typ == "転居"'))
    problem = next(p for p in run_check(tmp_path, text).problems if p.code.code == "TREE_REF_001")
    assert "move_type" in problem.message


def test_expression_problem_column_points_inside_the_condition(tmp_path: Path) -> None:
    text = broken(('when: move_type == "転居"', 'when: move_type == "転居" and bogus'))
    problem = next(p for p in run_check(tmp_path, text).problems if p.code.code == "TREE_REF_001")
    line = text.splitlines()[problem.line - 1]
    assert line[problem.col - 1 :].startswith("bogus")


def test_cycle_names_only_its_members(tmp_path: Path) -> None:
    text = broken(
        (
            "computed:\n",
            (
                "computed:\n  - id: a_value\n    value: b_value\n  - id: b_value\n"
                "    value: a_value\n  - id: c_value\n    value: a_value\n"
            ),
        )
    )
    problems = [p for p in run_check(tmp_path, text).problems if p.code.code == "TREE_CYCLE_001"]
    assert len(problems) == 1
    assert "a_value → b_value → a_value" in problems[0].message
    assert "c_value" not in problems[0].message


def test_unreachable_question_explains_the_condition(tmp_path: Path) -> None:
    text = broken(("        when: has_child", "        when: has_child and not has_child"))
    problem = next(p for p in run_check(tmp_path, text).problems if p.code.code == "TREE_FLOW_003")
    assert "has_child and not has_child" in problem.message


def test_not_asked_read_names_the_question_and_an_example_path(tmp_path: Path) -> None:
    text = broken(('when: move_type != "転出" and has_dog', "when: has_dog"))
    problem = next(p for p in run_check(tmp_path, text).problems if p.code.code == "TREE_FLOW_001")
    assert "has_dog" in problem.message
    assert "move_type=転出" in problem.message


def test_failing_scenario_shows_the_difference(tmp_path: Path) -> None:
    scenarios = SCENARIOS.replace(
        "procedures: [tennyu, dog, iryou]", "procedures: [tennyu, iryou, hoiku]"
    )
    report = run_check(tmp_path, BASE, scenarios)
    problem = next(p for p in report.problems if p.code.code == "TREE_TEST_001")
    assert "hoiku" in problem.message
    assert "dog" in problem.message
    assert report.scenarios_passed == 0


def test_scenario_with_unknown_procedure_is_a_reference_error(tmp_path: Path) -> None:
    scenarios = SCENARIOS.replace("procedures: [tennyu, dog, iryou]", "procedures: [tennyuu]")
    problems = run_check(tmp_path, BASE, scenarios).problems
    assert "TREE_REF_003" in codes(problems)
    assert any("もしかして: tennyu" in p.message for p in problems)


def test_scenario_answer_to_a_question_not_asked_is_reported(tmp_path: Path) -> None:
    scenarios = SCENARIOS.replace(
        "      children_count: 1\n", "      children_count: 1\n      bogus: 1\n"
    )
    problems = run_check(tmp_path, BASE, scenarios).problems
    assert codes(problems) == ["TREE_TEST_002"]
    assert "bogus" in problems[0].message


def test_scenario_member_mismatch_names_both_sides(tmp_path: Path) -> None:
    scenarios = SCENARIOS.replace("iryou: [山田 一郎]", "iryou: [山田 太郎]")
    problem = run_check(tmp_path, BASE, scenarios).problems[0]
    assert "期待: 山田 太郎" in problem.message
    assert "結果: 山田 一郎" in problem.message


def test_record_only_choice_does_not_multiply_paths(tmp_path: Path) -> None:
    """A choice no condition reads cannot change an outcome, so it adds no paths."""
    plain = run_check(tmp_path, BASE, paths=True).exploration
    memo = """      - id: memo
        type: text
        text: メモ
        required: false
        record_only: true
"""
    extra = (
        memo
        + """      - id: how_moved_out
        type: choice
        text: 転出の方法は。
        record_only: true
        choices:
          - {value: 証明書, label: 転出証明書}
          - {value: 特例, label: 特例転出}
          - {value: 国外, label: 国外から}
"""
    )
    with_choice = run_check(tmp_path, broken((memo, extra)), paths=True).exploration
    assert plain is not None
    assert with_choice is not None
    assert with_choice.count == plain.count


def test_a_path_table_too_long_to_list_is_a_warning_that_points_at_rules(tmp_path: Path) -> None:
    """`--paths` lists small trees only; beyond its limit it says so and names --rules."""
    report = run_check(tmp_path, BASE, paths=True)
    assert report.exploration is not None
    report.exploration.too_many = True
    (problem,) = exploration_problems(report.tree, report.exploration)  # type: ignore[arg-type]
    assert problem.code.code == "TREE_FLOW_007"
    assert problem.is_warning
    assert "--rules" in problem.message


def test_help_sentences_with_conditions_and_same_as_are_read(tmp_path: Path) -> None:
    text = broken(
        (
            "        text: 犬を飼っていますか。\n",
            (
                "        text: 犬を飼っていますか。\n"
                "        help:\n"
                "          - 猫は届出がいりません。\n"
                '          - {text: 転居のときは鑑札を持ってきます。, when: move_type == "転居"}\n'
            ),
        ),
        ("        text: メモ\n", "        text: メモ\n        same_as: [household_head]\n"),
    )
    report = run_check(tmp_path, text, SCENARIOS)
    assert [p.render() for p in report.problems] == []
    assert report.runtime is not None
    tree = report.runtime.tree
    dog, memo = tree.question("has_dog"), tree.question("memo")
    assert dog is not None
    assert memo is not None
    assert dog.help == "猫は届出がいりません。"
    assert [(part.text, part.when.source) for part in dog.help_parts] == [
        ("転居のときは鑑札を持ってきます。", 'move_type == "転居"')
    ]
    assert memo.same_as == ["household_head"]
