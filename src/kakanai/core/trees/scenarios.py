"""Test scenarios kept next to a tree (``*.tests.yaml``): given answers, the procedures that
must apply and the questions that must or must not be asked. A failure shows the difference."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from kakanai.core.errors import ErrorCode, KakanaiError, Problem, Where, did_you_mean
from kakanai.core.located import LList, LMap, LNode, Loc, LScalar, plain
from kakanai.core.trees.evaluation import AppliedProcedure, TreeRuntime
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.model import Per, QuestionTree, QuestionType
from kakanai.core.trees.reader import unknown_keys
from kakanai.core.trees.scenario_deadlines import KEYS, deadline_findings
from kakanai.core.trees.scripted import run_answers

FILE_KEYS = {"questionnaire", "scenarios"}
SCENARIO_KEYS = {"name", "as_of", "answers", "expect", "description", "confirmed"}
EXPECT_KEYS = {"procedures", "includes", "excludes", "asked", "not_asked", "members", *KEYS}
MEMBER_WRITTEN = ("name", "kana", "birth_date", "sex", "relationship")


@dataclass
class ScenarioRun:
    """One scenario that ran: its name, where it is written and the interview it made."""

    name: str
    loc: Loc
    interview: Interview


@dataclass
class ScenarioReport:
    total: int = 0
    passed: int = 0
    unconfirmed: int = 0  # suggested scenarios a supervisor has not confirmed: not run
    problems: list[Problem] = field(default_factory=list)
    runs: list[ScenarioRun] = field(default_factory=list)
    failed: dict[str, list[str]] = field(default_factory=dict)  # name → what went wrong


class ScenarioRunner:
    """Runs every scenario of one tests file against one tree."""

    def __init__(self, runtime: TreeRuntime, today: dt.date) -> None:
        self.runtime = runtime
        self.today = today
        self.report = ScenarioReport()

    def problem(self, loc: Where, code: ErrorCode, **fields: object) -> None:
        self.report.problems.append(Problem.at(loc, code, **fields))

    def run(self, root: LMap) -> ScenarioReport:
        self.keys(root, FILE_KEYS, "テストファイルの最上位")
        scenarios = root.get("scenarios")
        if not isinstance(scenarios, LList):
            self.problem(root.loc, ErrorCode.YAML_NOT_LIST, what="scenarios")
            return self.report
        for node in scenarios.items:
            if not isinstance(node, LMap):
                self.problem(node.loc, ErrorCode.YAML_NOT_MAPPING, what="シナリオ")
                continue
            if not self.confirmed(node):
                self.report.unconfirmed += 1
                continue
            self.report.total += 1
            before = len(self.report.problems)
            self.run_one(node)
            if len(self.report.problems) == before:
                self.report.passed += 1
            else:
                found = [p.message for p in self.report.problems[before:]]
                self.report.failed[scenario_name(node)] = found
        return self.report

    def confirmed(self, node: LMap) -> bool:
        """A scenario runs unless it says ``confirmed: false`` (a suggestion not yet reviewed)."""
        flag = node.get("confirmed")
        if flag is None:
            return True
        value = plain(flag)
        if not isinstance(value, bool):
            self.problem(
                flag.loc,
                ErrorCode.YAML_BAD_VALUE,
                what="confirmed",
                value=value,
                hint="true(確認済み)か false(未確認)で書いてください。",
            )
            return True
        return value

    def keys(self, node: LMap, allowed: set[str], where: str) -> None:
        self.report.problems.extend(unknown_keys(node, where, allowed))

    def run_one(self, node: LMap) -> None:
        self.keys(node, SCENARIO_KEYS, "シナリオ")
        name = scenario_name(node)
        answers = node.get("answers")
        expect = node.get("expect")
        if not isinstance(answers, LMap):
            self.problem(
                node.loc, ErrorCode.KEY_MISSING, where=f"シナリオ「{name}」", key="answers"
            )
            return
        as_of = plain(node.get("as_of"))
        day = as_of if isinstance(as_of, dt.date) else self.today
        try:
            interview = run_answers(self.runtime, answers, day)
        except KakanaiError as exc:
            where = exc if exc.path else node.loc
            self.problem(where, ErrorCode.SCENARIO_ANSWER, name=name, detail=exc.message)
            return
        self.report.runs.append(ScenarioRun(name, node.loc, interview))
        if isinstance(expect, LMap):
            applied = interview.procedures()
            self.compare(
                name,
                expect,
                applied,
                [q.id for q, _ in interview.path()],
                [str(m.get("name")) for m in interview.values().members],
            )
            self.compare_deadlines(name, expect, applied, day)

    def compare(
        self,
        name: str,
        expect: LMap,
        applied: list[AppliedProcedure],
        asked: list[str],
        member_names: list[str],
    ) -> None:
        self.keys(expect, EXPECT_KEYS, "expect")
        got = {a.procedure.id for a in applied}
        checks: dict[str, Callable[[list[str]], list[str]]] = {
            "procedures": lambda ids: self.diff_exact(ids, got),
            "includes": lambda ids: [
                f"該当するはずの手続き {i} が該当しません" for i in ids if i not in got
            ],
            "excludes": lambda ids: [
                f"該当しないはずの手続き {i} が該当しました" for i in ids if i in got
            ],
            "asked": lambda ids: [f"設問 {i} が聞かれませんでした" for i in ids if i not in asked],
            "not_asked": lambda ids: [f"設問 {i} が聞かれました" for i in ids if i in asked],
        }
        for key, check in checks.items():
            node = expect.get(key)
            if node is None:
                continue
            ids = self.ids(node, key)
            for detail in check(ids):
                self.problem(
                    expect.key_loc(key), ErrorCode.SCENARIO_FAILED, name=name, detail=detail
                )
        members = expect.get("members")
        if isinstance(members, LMap):
            self.compare_members(name, members, applied, member_names)

    def compare_deadlines(
        self, name: str, expect: LMap, applied: list[AppliedProcedure], as_of: dt.date
    ) -> None:
        """``due``, ``overdue`` and ``fees``: per procedure, at the procedure's line."""
        known = {p.id for p in self.runtime.tree.procedures}
        for key in KEYS:
            node = expect.get(key)
            if node is None:
                continue
            if not isinstance(node, LMap):
                self.problem(node.loc, ErrorCode.YAML_NOT_MAPPING, what=f"expect.{key}")
                continue
            for found in deadline_findings(key, node, applied, as_of, known):
                fields = (
                    {"name": name, **found.fields}
                    if found.code is ErrorCode.SCENARIO_FAILED
                    else found.fields
                )
                self.problem(found.loc, found.code, **fields)

    def ids(self, node: LNode, key: str) -> list[str]:
        values = [str(plain(item)) for item in node.items] if isinstance(node, LList) else []
        known = (
            self.runtime.question_ids
            if key in ("asked", "not_asked")
            else {p.id for p in self.runtime.tree.procedures}
        )
        code = ErrorCode.REF_QUESTION if key in ("asked", "not_asked") else ErrorCode.REF_PROCEDURE
        items = node.items if isinstance(node, LList) else []
        for value, item in zip(values, items, strict=True):
            if value not in known:
                self.problem(item.loc, code, name=value, suggestion=did_you_mean(value, known))
        return [v for v in values if v in known]

    def diff_exact(self, expected: list[str], got: set[str]) -> list[str]:
        missing = [i for i in expected if i not in got]
        extra = sorted(got - set(expected))
        details = []
        if missing:
            details.append("該当しなかった手続き: " + ", ".join(missing))
        if extra:
            details.append("余分に該当した手続き: " + ", ".join(extra))
        return ["期待と違います。" + " / ".join(details)] if details else []

    def compare_members(
        self, name: str, members: LMap, applied: list[AppliedProcedure], member_names: list[str]
    ) -> None:
        for procedure_id, node in members.items.items():
            listed = node.items if isinstance(node, LList) else []
            expected = sorted(str(plain(item)) for item in listed)
            got = sorted(
                member_names[a.member_index]
                for a in applied
                if a.procedure.id == procedure_id and a.member_index is not None
            )
            if expected != got:
                wanted, actual = "、".join(expected) or "なし", "、".join(got) or "なし"
                self.problem(
                    members.key_loc(procedure_id),
                    ErrorCode.SCENARIO_FAILED,
                    name=name,
                    detail=f"{procedure_id} の対象者が違います。期待: {wanted} / 結果: {actual}",
                )


def scenario_name(node: LMap) -> str:
    """A scenario's name, or where it is written when it has none."""
    return str(plain(node.get("name")) or f"{node.loc.line}行目")


def scenario_tree_id(root: LNode | None) -> tuple[str, Loc | None]:
    """The ``questionnaire:`` id a tests file is for, and where it is written."""
    if isinstance(root, LMap):
        node = root.get("questionnaire")
        if isinstance(node, LScalar):
            return str(node.value), node.loc
    return "", None


def written_answers(tree: QuestionTree, answers: Mapping[str, object]) -> dict[str, object]:
    """Answers as a scenario writes them: はい/いいえ, household members without the fields
    derived from the others; blank answers left out."""
    written: dict[str, object] = {}
    for qid, value in answers.items():
        question = tree.question(qid)
        if value is None or question is None:
            continue
        if question.per is Per.MEMBER and isinstance(value, list):
            if any(v is not None for v in value):  # asked of nobody: left out
                written[qid] = [_written(question.type, v) for v in value]
            continue
        if question.type is QuestionType.YESNO:
            written[qid] = "はい" if value else "いいえ"
        elif question.type is QuestionType.HOUSEHOLD and isinstance(value, list):
            written[qid] = [
                {k: m[k] for k in MEMBER_WRITTEN if k in m} for m in value if isinstance(m, dict)
            ]
        else:
            written[qid] = value
    return written


def _written(kind: QuestionType, value: object) -> object:
    """One member's answer as a scenario writes it: はい/いいえ for yes/no."""
    if kind is QuestionType.YESNO and isinstance(value, bool):
        return "はい" if value else "いいえ"
    return value
