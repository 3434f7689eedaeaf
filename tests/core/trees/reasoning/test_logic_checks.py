"""The decision-table warnings: a part that always or never holds where it stands, a value an
answer cannot take there, duplicate procedures, and gaps or overlaps between threshold bands.
Each is reported at the part concerned; guards that keep a condition from reading an unasked
question are never mistaken for redundancy."""

from __future__ import annotations

import datetime as dt

import pytest

from kakanai.core.errors import Problem
from kakanai.services.trees.checking import check_source

AS_OF = dt.date(2026, 11, 23)

TREE = """\
questionnaire: {id: logic, title: 論理, version: "1"}
departments:
  - {id: shimin, name: 市民課}
  - {id: kodomo, name: こども課}
sections:
  - id: basics
    title: 基本
    questions:
      - {id: move_type, type: choice, text: 種類, choices: [転入, 転居, 転出]}
      - {id: household, type: household, text: 世帯}
      - {id: kokuho, type: yesno, text: 国保}
  - id: cards
    title: カード
    when: move_type in ["転入", "転居"]
    questions:
      - id: has_card
        type: yesno
        text: カード
      - id: wants
        type: yesno
        text: 希望
        when: kokuho
computed:
  - {id: has_child, title: 子がいる, value: any_member(member.age < 18)}
  - {id: has_infant, title: 乳幼児がいる, value: any_member(member.age < 6)}
procedures:
  - id: tennyu
    name: 転入届
    department: shimin
    when: move_type == "転入"
    because: 転入
  - id: tenkyo
    name: 転居届
    department: shimin
    when: move_type == "転居"
    because: 転居
  - id: tenshutsu
    name: 転出届
    department: shimin
    when: move_type == "転出"
    because: 転出
  - id: card
    name: カード
    department: shimin
    when: move_type != "転出" and has_card
    because: カード
  - id: wish
    name: 希望
    department: shimin
    when: move_type != "転出" and kokuho and wants
    because: 希望
  - id: infant
    name: 乳幼児
    department: kodomo
    when: has_infant
    because: 乳幼児
  - id: young
    name: 幼児
    department: kodomo
    per: member
    when: move_type == "転入" and member.age < 6
    because: 幼児
  - id: child
    name: 子ども
    department: kodomo
    per: member
    when: move_type == "転入" and 6 <= member.age < 18
    because: 子ども
"""


def warnings(*replacements: tuple[str, str]) -> list[Problem]:
    text = TREE
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return [p for p in check_source(text, "logic.yaml", AS_OF) if p.is_warning]


def located(problem: Problem, text: str) -> str:
    """The text a problem points at: its line from its column on."""
    return text.splitlines()[problem.line - 1][problem.col - 1 :]


def test_the_sample_tree_has_no_problems_at_all() -> None:
    """Guards such as `move_type != "転出" and has_card` are not redundancies."""
    assert [p.render() for p in check_source(TREE, "logic.yaml", AS_OF)] == []


CASES = [
    (
        "a question's condition its section already decides",
        ("        text: カード\n", '        text: カード\n        when: move_type != "転出"\n'),
        "TREE_LOGIC_001",
        'move_type != "転出"',
    ),
    (
        "a procedure's condition that always holds",
        ('when: move_type == "転居"', 'when: move_type in ["転入", "転居", "転出"]'),
        "TREE_LOGIC_001",
        'move_type in ["転入", "転居", "転出"]',
    ),
    (
        "a part implied by the others",
        ("when: has_infant", "when: has_child and has_infant"),
        "TREE_LOGIC_001",
        "has_child",
    ),
    (
        "a comparison with a value the answer cannot take there",
        ("        when: kokuho\n", '        when: kokuho or move_type == "転出"\n'),
        "TREE_LOGIC_003",
        'move_type == "転出"',
    ),
    (
        "two procedures of one department for the same residents",
        (
            "  - id: wish\n",
            (
                "  - id: card_again\n    name: カード再\n    department: shimin\n"
                '    when: has_card and move_type != "転出"\n    because: カード\n  - id: wish\n'
            ),
        ),
        "TREE_LOGIC_004",
        "id: card_again",
    ),
    (
        "a gap between two age bands",
        ("6 <= member.age < 18", "6 < member.age < 18"),
        "TREE_LOGIC_005",
        "6 < member.age < 18",
    ),
    (
        "an overlap between two age bands",
        ("6 <= member.age < 18", "5 <= member.age < 18"),
        "TREE_LOGIC_006",
        "5 <= member.age < 18",
    ),
]


@pytest.mark.parametrize(
    ("replacement", "code", "at"), [pytest.param(r, c, a, id=i) for i, r, c, a in CASES]
)
def test_warning_is_reported_at_the_part(replacement: tuple[str, str], code: str, at: str) -> None:
    text = TREE.replace(*replacement, 1)
    found = [p for p in warnings(replacement) if p.code.code == code]
    assert found, [p.render() for p in warnings(replacement)]
    assert located(found[0], text).startswith(at), found[0].render()


def test_a_gap_names_the_ages_left_out() -> None:
    (gap,) = warnings(("6 <= member.age < 18", "8 <= member.age < 18"))
    assert "6〜7" in gap.message
    assert "young" in gap.message
    assert "child" in gap.message


@pytest.mark.parametrize(
    "child",
    [
        "6 <= member.age < 18",  # the bands meet exactly: < 6 and >= 6
        "member.age >= 6 and member.age < 18",  # the same band written as two parts
    ],
)
def test_bands_that_meet_exactly_are_not_reported(child: str) -> None:
    assert warnings(("6 <= member.age < 18", child)) == []


def test_bands_of_different_departments_are_not_compared() -> None:
    moved = (
        '    department: kodomo\n    per: member\n    when: move_type == "転入" and 6',
        '    department: shimin\n    per: member\n    when: move_type == "転入" and 6',
    )
    assert [p.code.code for p in warnings(moved, ("6 <= member.age", "9 <= member.age"))] == []


def test_bands_under_different_conditions_are_not_compared() -> None:
    other = (
        'when: move_type == "転入" and 6 <= member.age',
        'when: move_type == "転居" and 9 <= member.age',
    )
    assert warnings(other) == []


def test_a_value_never_taken_names_the_values_taken() -> None:
    (problem,) = warnings(
        ("        when: kokuho\n", '        when: kokuho or move_type == "転出"\n')
    )
    assert "転入・転居" in problem.message


def test_warnings_do_not_stop_a_tree_from_passing() -> None:
    problems = check_source(
        TREE.replace('when: move_type == "転居"', 'when: move_type in ["転入", "転居", "転出"]', 1),
        "logic.yaml",
        AS_OF,
    )
    assert problems
    assert all(p.is_warning for p in problems)


DATED = """\
questionnaire: {id: dated, title: 日付, version: "1"}
departments:
  - {id: shimin, name: 市民課}
  - {id: hoken, name: 保険年金課}
sections:
  - id: basics
    title: 基本
    questions:
      - {id: move_date, type: date, text: 異動日}
      - {id: kokuho, type: yesno, text: 国保}
procedures:
  - id: always
    name: 届出
    department: hoken
    because: 届出
  - id: dated
    name: 日付の手続き
    department: shimin
    when: kokuho or CONDITION
    because: 日付
"""


@pytest.mark.parametrize(
    ("condition", "codes"),
    [
        # The checker reasons over the dates an answer may hold: 1868-01-25 to 2999-12-31
        # (core/japanese/domain.py), the same limits the counter and answer files apply.
        ('move_date < date("3000-01-01")', ["TREE_LOGIC_001"]),
        ('move_date <= date("2999-12-31")', ["TREE_LOGIC_001"]),
        ('move_date < date("2999-12-31")', []),
        ('move_date > date("2999-12-31")', ["TREE_LOGIC_002"]),
        ('move_date < date("9999-12-31")', ["TREE_LOGIC_001"]),
        ('move_date >= date("1868-01-25")', ["TREE_LOGIC_001"]),
        ('move_date > date("1868-01-25")', []),
        ("age(move_date) > 5000", ["TREE_LOGIC_002"]),
    ],
)
def test_dates_range_over_what_an_answer_may_hold(condition: str, codes: list[str]) -> None:
    problems = check_source(DATED.replace("CONDITION", condition), "dated.yaml", AS_OF)
    assert [p.code.code for p in problems] == codes
