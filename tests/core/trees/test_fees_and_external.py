"""Certificates carry a fee per copy and a number of copies; procedures outside city hall are
information (no forms, no desk) and the case says so."""

from __future__ import annotations

import datetime as dt

import pytest

from kakanai.adapters.yaml_loading import load_text
from kakanai.core.errors import Problem
from kakanai.core.trees.case import build_case
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.reader import TreeReader

AS_OF = dt.date(2026, 11, 23)
CREATED = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
TREE = """\
questionnaire: {id: certs, title: 証明書, version: "1"}
departments:
  - {id: shimin, name: 市民課}
  - {id: nenkin_office, name: 年金事務所, external: true}
sections:
  - id: s
    title: 証明書
    questions:
      - {id: copies, type: number, text: 住民票の通数, min: 1, max: 20}
      - {id: pension, type: yesno, text: 年金を受け取っていますか。}
procedures:
  - id: juuminhyou
    name: 住民票の写し
    department: shimin
    because: ご希望のため。
    fee: 300
    copies: copies
  - id: nenkin_jimusho
    name: 年金の手続き
    department: nenkin_office
    when: pension
    because: 年金事務所で手続きします。
    bring: [年金証書]
"""


def checked(text: str) -> tuple[TreeRuntime, list[Problem]]:
    reader = TreeReader("certs.yaml")
    tree = reader.read(load_text(text, "certs.yaml"))
    checker = StaticChecker(tree)
    runtime = checker.run()
    return runtime, [*reader.problems, *checker.problems]


def test_a_certificate_carries_its_fee_copies_and_amount_into_the_case() -> None:
    runtime, problems = checked(TREE)
    assert problems == []
    interview = Interview(runtime, AS_OF)
    interview.answer("3")
    interview.answer("はい")
    case = build_case(interview, case_id="20261123-000001", created_at=CREATED)
    (certificate,) = [p for p in case["procedures"] if p["id"] == "juuminhyou"]
    assert (certificate["fee"], certificate["copies"], certificate["amount"]) == (300, 3, 900)


def test_an_outside_department_is_marked_in_the_case() -> None:
    runtime, _ = checked(TREE)
    interview = Interview(runtime, AS_OF)
    interview.answer("1")
    interview.answer("はい")
    case = build_case(interview, case_id="20261123-000002", created_at=CREATED)
    departments = {d["id"]: d for d in case["departments"]}
    assert departments["nenkin_office"]["external"] is True
    assert "external" not in departments["shimin"]


@pytest.mark.parametrize(
    ("replacement", "code"),
    [
        (
            ("    bring: [年金証書]\n", "    bring: [年金証書]\n    forms: [nenkin_form]\n"),
            "TREE_REF_008",
        ),
        (("    copies: copies\n", "    copies: pension\n"), "TREE_TYPE_006"),
        (("    fee: 300\n", "    fee: 三百円\n"), "TREE_YAML_005"),
    ],
    ids=["forms on an outside procedure", "copies that are not a number", "a fee in words"],
)
def test_fees_and_outside_procedures_written_wrongly_are_reported(
    replacement: tuple[str, str], code: str
) -> None:
    _, problems = checked(TREE.replace(*replacement, 1))
    assert code in [p.code.code for p in problems], [p.render() for p in problems]
