"""Guidance that is no procedure (``kind: guidance``): a check of the input or a refusal is
read, checked and carried into the case as guidance; the slip's content shows it apart from
the departments' procedures and does not count it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kakanai.adapters.yaml_loading import load_text
from kakanai.core.errors import Problem
from kakanai.core.slip.content import slip_content
from kakanai.core.trees.case import build_case, is_guidance
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.model import ProcedureKind
from kakanai.core.trees.reader import TreeReader

AS_OF = dt.date(2026, 11, 23)
CREATED = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
TREE = """\
questionnaire: {id: certs, title: 証明書, version: "1"}
departments:
  - {id: shimin, name: 市民課}
  - {id: zeimu, name: 税務課}
sections:
  - id: s
    title: 証明書
    questions:
      - {id: proxy, type: yesno, text: 委任状はありますか。}
      - {id: tax, type: yesno, text: 税の証明書もいりますか。}
procedures:
  - id: juuminhyou
    name: 住民票の写しの交付
    department: shimin
    when: proxy
    because: 委任状を確認して交付します。
    fee: 300
  - id: juuminhyou_fuka
    name: 住民票の写しを請求できません
    kind: guidance
    department: shimin
    when: not proxy
    because: 委任状が必要です。
    bring: [ご本人が自署した委任状]
  - id: kazei
    name: 課税証明書の交付
    department: zeimu
    when: tax
    because: ご希望のため。
"""


def checked(text: str) -> tuple[TreeRuntime, list[Problem]]:
    reader = TreeReader("certs.yaml")
    tree = reader.read(load_text(text, "certs.yaml"))
    checker = StaticChecker(tree)
    runtime = checker.run()
    return runtime, [*reader.problems, *checker.problems]


def case_of(*answers: str) -> dict[str, Any]:
    runtime, problems = checked(TREE)
    assert problems == []
    interview = Interview(runtime, AS_OF)
    for answer in answers:
        interview.answer(answer)
    return build_case(interview, case_id="20261123-000001", created_at=CREATED)


def content_of(case: dict[str, Any]) -> Any:
    now = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
    return slip_content(case, issued_at=now, expires_at=now, lang="ja", desk="")


def test_kind_guidance_is_read_and_a_procedure_is_the_default() -> None:
    runtime, _ = checked(TREE)
    kinds = {p.id: p.kind for p in runtime.tree.procedures}
    assert kinds == {
        "juuminhyou": ProcedureKind.PROCEDURE,
        "juuminhyou_fuka": ProcedureKind.GUIDANCE,
        "kazei": ProcedureKind.PROCEDURE,
    }


@pytest.mark.parametrize(
    ("old", "new", "code", "words"),
    [
        ("kind: guidance", "kind: guidence", "TREE_YAML_005", "guidance"),
        ("kind: guidance", "kind: notice", "TREE_YAML_005", "procedure"),
        (
            "    bring: [ご本人が自署した委任状]\n",
            "    bring: [ご本人が自署した委任状]\n    fee: 300\n",
            "TREE_REF_010",
            "手数料",
        ),
    ],
    ids=["misspelt kind", "unknown kind", "guidance with a fee"],
)
def test_the_checker_says_what_is_wrong_with_a_guidance(
    old: str, new: str, code: str, words: str
) -> None:
    assert old in TREE
    _, problems = checked(TREE.replace(old, new, 1))
    found = [p for p in problems if p.code.code == code]
    assert found, [p.render() for p in problems]
    assert words in found[0].render()


def test_a_guidance_is_marked_in_the_case_and_a_procedure_stays_as_it_was() -> None:
    case = case_of("いいえ", "はい")
    kinds = {p["id"]: p.get("kind") for p in case["procedures"]}
    assert kinds == {"juuminhyou_fuka": "guidance", "kazei": None}
    assert [p["id"] for p in case["procedures"] if is_guidance(p)] == ["juuminhyou_fuka"]


def test_the_slip_shows_a_guidance_as_a_notice_not_among_the_procedures() -> None:
    content = content_of(case_of("いいえ", "はい"))
    assert [n.name for n in content.notices] == ["住民票の写しを請求できません"]
    assert [d.name for d in content.departments] == ["税務課"]
    assert [p.name for d in content.departments for p in d.procedures] == ["課税証明書の交付"]
    assert content.summary.startswith("手続きは1つの課で1件")
    rows = {row.label: row.texts for row in content.notices[0].rows}
    assert rows["持ち物"] == ("ご本人が自署した委任状",)


def test_a_visit_of_notices_only_says_there_is_no_procedure_today() -> None:
    content = content_of(case_of("いいえ", "いいえ"))
    assert content.departments == ()
    assert len(content.notices) == 1
    assert content.summary == (
        "今日お回りいただく手続きはありません。上の「ご確認ください」をお読みください。"
    )
