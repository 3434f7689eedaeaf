"""Reads located YAML data into a QuestionTree, collecting structural problems: unknown and
missing keys, bad ids, duplicate ids and malformed values. Semantics come later."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from kakanai.core.errors import ErrorCode, Problem, did_you_mean
from kakanai.core.expressions.language import Expression, parse_all
from kakanai.core.expressions.syntax import ExprIssue
from kakanai.core.located import LList, LMap, LNode, Loc, LScalar
from kakanai.core.trees.model import (
    Choice,
    Computed,
    Condition,
    Department,
    HelpPart,
    Per,
    Procedure,
    ProcedureKind,
    Question,
    QuestionTree,
    QuestionType,
    Section,
    TreeMeta,
)

T = TypeVar("T")

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")

TOP_KEYS = {"questionnaire", "departments", "sections", "computed", "procedures"}
META_KEYS = {"id", "title", "version", "effective_from", "city", "description"}
DEPARTMENT_KEYS = {"id", "name", "floor", "counter", "extension", "external"}
SECTION_KEYS = {"id", "title", "when", "questions"}
QUESTION_KEYS = {
    "id",
    "type",
    "text",
    "help",
    "when",
    "choices",
    "required",
    "record_only",
    "min",
    "max",
    "per",
    "member_when",
    "reask_on",
    "same_as",
}
CHOICE_KEYS = {"value", "label"}
HELP_KEYS = {"text", "when"}
COMPUTED_KEYS = {"id", "title", "value"}
PROCEDURE_KEYS = {
    "id",
    "name",
    "department",
    "because",
    "when",
    "per",
    "desk",
    "bring",
    "forms",
    "deadline",
    "fee",
    "copies",
    "due",
    "kind",
}


def unknown_keys(node: LMap, where: str, allowed: set[str]) -> list[Problem]:
    """One problem per key not in ``allowed``, each with a "did you mean"."""
    problems = []
    for key in node.items:
        if key not in allowed:
            suggestion = did_you_mean(key, allowed)
            problems.append(
                Problem.at(
                    node.key_loc(key),
                    ErrorCode.KEY_UNKNOWN,
                    where=where,
                    key=key,
                    suggestion=suggestion,
                )
            )
    return problems


class TreeReader:
    """Turns one document into a QuestionTree; problems accumulate in ``problems``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._ids: dict[str, Loc] = {}

    def report(self, loc: Loc, code: ErrorCode, **fields: object) -> None:
        self.problems.append(Problem.at(loc, code, **fields))

    def read(self, root: LNode | None) -> QuestionTree:
        empty = QuestionTree(self.path, TreeMeta("", "", "", None))
        top = self.mapping(root, "設問ツリーのファイル", Loc(self.path, 1, 1))
        if top is None:
            return empty
        self.keys(
            top,
            "ファイルの最上位",
            TOP_KEYS,
            {"questionnaire", "departments", "sections", "procedures"},
        )
        tree = QuestionTree(self.path, self.read_meta(top.get("questionnaire"), top.loc))
        tree.departments = self.each(top.get("departments"), "departments", self.read_department)
        tree.sections = self.each(top.get("sections"), "sections", self.read_section)
        tree.computed = self.each(top.get("computed"), "computed", self.read_computed)
        tree.procedures = self.each(top.get("procedures"), "procedures", self.read_procedure)
        for order, question in enumerate(tree.questions):
            question.order = order
        return tree

    # -- generic helpers -------------------------------------------------------------------

    def mapping(self, node: LNode | None, what: str, loc: Loc) -> LMap | None:
        if isinstance(node, LMap):
            return node
        self.report(node.loc if node is not None else loc, ErrorCode.YAML_NOT_MAPPING, what=what)
        return None

    def bad_value(self, node: LNode, what: str, hint: str, *, shown: object = None) -> None:
        """Report a value that has the wrong form, saying how to write it."""
        value = _shown(node) if shown is None else shown
        self.report(node.loc, ErrorCode.YAML_BAD_VALUE, what=what, value=value, hint=hint)

    def keys(self, node: LMap, where: str, allowed: set[str], required: set[str]) -> bool:
        """Report unknown keys (with did-you-mean) and missing required keys."""
        ok = True
        self.problems.extend(unknown_keys(node, where, allowed))
        for key in sorted(required - node.items.keys()):
            self.report(node.loc, ErrorCode.KEY_MISSING, where=where, key=key)
            ok = False
        return ok

    def each(self, node: LNode | None, what: str, read: Callable[[LMap], T | None]) -> list[T]:
        if node is None or (isinstance(node, LScalar) and node.value is None):
            return []
        if not isinstance(node, LList):
            self.report(node.loc, ErrorCode.YAML_NOT_LIST, what=what)
            return []
        result: list[T] = []
        for item in node.items:
            entry = self.mapping(item, f"{what} の各項目", item.loc)
            value = read(entry) if entry is not None else None
            if value is not None:
                result.append(value)
        return result

    def text(self, node: LMap, key: str, default: str = "") -> str:
        value = node.get(key)
        if value is None:
            return default
        if isinstance(value, LScalar) and value.value is not None:
            if isinstance(value.value, bool):
                return "はい" if value.value else "いいえ"
            return value.raw if isinstance(value.value, int | float) else str(value.value)
        if isinstance(value, LScalar):
            return default
        self.bad_value(value, key, "文字で書いてください。", shown="…")
        return default

    def flag(self, node: LMap, key: str, default: bool) -> bool:
        value = node.get(key)
        if value is None:
            return default
        if isinstance(value, LScalar) and isinstance(value.value, bool):
            return value.value
        self.bad_value(value, key, "true か false で書いてください。")
        return default

    def strings(self, node: LMap, key: str) -> list[str]:
        value = node.get(key)
        if value is None:
            return []
        items = value.items if isinstance(value, LList) else [value]
        result = []
        for item in items:
            if isinstance(item, LScalar) and item.value is not None:
                result.append(str(item.value))
            else:
                self.bad_value(item, key, "文字の一覧で書いてください。")
        return result

    def ident(self, node: LMap) -> str | None:
        """Read and register an ``id``: well-formed and unique across the whole tree."""
        value = node.get("id")
        if value is None:
            return None
        name = value.raw if isinstance(value, LScalar) and value.raw else str(_shown(value))
        if not isinstance(value, LScalar) or not ID_PATTERN.match(name):
            self.report(value.loc, ErrorCode.ID_INVALID, id=name)
            return None
        first = self._ids.get(name)
        if first is not None:
            self.report(value.loc, ErrorCode.ID_DUPLICATE, id=name, first_line=first.line)
            return None
        self._ids[name] = value.loc
        return name

    def condition(self, node: LMap, key: str) -> Condition | None:
        parsed = self.expression(node, key, "条件式", paths=False)
        if parsed is None:
            return None
        value, expression = parsed
        return None if expression is None else Condition(expression, value)

    def expression(
        self, node: LMap, key: str, what: str, *, paths: bool
    ) -> tuple[LScalar, Expression | None] | None:
        """The expression written at ``key`` (None when absent or not one line of text);
        syntax problems are reported at their column inside the YAML value."""
        value = node.get(key)
        if value is None:
            return None
        if not isinstance(value, LScalar) or isinstance(value.value, dict | list):
            self.bad_value(value, key, f"{what}は1行の文字で書いてください。", shown="…")
            return None
        expression, issues = parse_all(self.source_of(value), paths=paths)
        self.report_issues(value, issues)
        return value, expression

    @staticmethod
    def source_of(value: LScalar) -> str:
        return value.raw if not isinstance(value.value, str) else value.value

    def report_issues(self, value: LScalar, issues: Iterable[ExprIssue]) -> None:
        """Expression issues located inside ``value`` (at its start when it spans lines)."""
        one_line = "\n" not in self.source_of(value)
        for issue in issues:
            loc = value.at_offset(issue.offset) if one_line else value.loc
            self.problems.append(Problem.said(loc, issue.code, issue.message))

    # -- the parts of a tree ---------------------------------------------------------------

    def read_meta(self, node: LNode | None, loc: Loc) -> TreeMeta:
        meta = self.mapping(node, "questionnaire", loc) if node is not None else None
        if meta is None:
            return TreeMeta("", "", "", None)
        self.keys(meta, "questionnaire", META_KEYS, {"id", "title", "version"})
        effective = meta.get("effective_from")
        date: dt.date | None = None
        if isinstance(effective, LScalar) and isinstance(effective.value, dt.date):
            date = effective.value
        elif effective is not None:
            self.bad_value(effective, "effective_from", "2026-10-01 のように書いてください。")
        tree_id = self.text(meta, "id")
        if tree_id and not ID_PATTERN.match(tree_id):
            self.report(meta.key_loc("id"), ErrorCode.ID_INVALID, id=tree_id)
        return TreeMeta(
            tree_id,
            self.text(meta, "title"),
            self.text(meta, "version"),
            date,
            self.text(meta, "city"),
        )

    def read_department(self, node: LMap) -> Department | None:
        self.keys(node, "課(departments)", DEPARTMENT_KEYS, {"id", "name"})
        ident = self.ident(node)
        if ident is None:
            return None
        return Department(
            ident,
            self.text(node, "name"),
            node.loc,
            self.text(node, "floor"),
            self.text(node, "counter"),
            self.text(node, "extension"),
            external=self.flag(node, "external", False),
        )

    def read_section(self, node: LMap) -> Section | None:
        self.keys(node, "セクション(sections)", SECTION_KEYS, {"id", "questions"})
        ident = self.ident(node)
        section = Section(
            ident or "", self.text(node, "title"), node.loc, self.condition(node, "when")
        )
        section.questions = self.each(
            node.get("questions"), "questions", lambda q: self.read_question(q, section.id)
        )
        return section if ident is not None else None

    def read_question(self, node: LMap, section_id: str) -> Question | None:
        self.keys(node, "設問(questions)", QUESTION_KEYS, {"id", "type", "text"})
        ident = self.ident(node)
        qtype = self.question_type(node)
        if ident is None or qtype is None:
            return None
        question = Question(
            ident,
            self.text(node, "text"),
            qtype,
            node.loc,
            section_id,
            when=self.condition(node, "when"),
            help=self.help_text(node),
            help_parts=self.help_parts(node),
            same_as=self.strings(node, "same_as"),
            required=self.flag(node, "required", True),
            record_only=self.flag(node, "record_only", False),
            minimum=self.number(node, "min"),
            maximum=self.number(node, "max"),
            per=self.read_per(node) or Per.HOUSEHOLD,
            member_when=self.condition(node, "member_when"),
            reask_on=self.strings(node, "reask_on"),
        )
        question.choices = self.read_choices(node, qtype)
        return question

    def help_text(self, node: LMap) -> str:
        """``help:`` as one text, or the sentences of a list that have no condition."""
        value = node.get("help")
        if not isinstance(value, LList):
            return self.text(node, "help")
        texts = [str(i.value) for i in value.items if isinstance(i, LScalar) and i.value]
        return "".join(texts)

    def help_parts(self, node: LMap) -> list[HelpPart]:
        """The ``{text:, when:}`` items of a ``help:`` list."""
        value = node.get("help")
        if not isinstance(value, LList):
            return []
        parts = []
        for item in value.items:
            if isinstance(item, LScalar):
                continue
            if not isinstance(item, LMap):
                self.bad_value(item, "help", "文字か {text:, when:} で書いてください。", shown="…")
                continue
            self.keys(item, "説明(help)", HELP_KEYS, {"text", "when"})
            when = self.condition(item, "when")
            if when is not None:
                parts.append(HelpPart(self.text(item, "text"), when, item.loc))
        return parts

    def question_type(self, node: LMap) -> QuestionType | None:
        value = node.get("type")
        if value is None:
            return None
        names = [t.value for t in QuestionType]
        if isinstance(value, LScalar) and value.value in names:
            return QuestionType(value.value)
        self.bad_value(
            value,
            "type",
            f"{' / '.join(names)} のどれかです。{did_you_mean(str(_shown(value)), names)}",
        )
        return None

    def number(self, node: LMap, key: str) -> float | None:
        value = node.get(key)
        if value is None:
            return None
        if (
            isinstance(value, LScalar)
            and isinstance(value.value, int | float)
            and not isinstance(value.value, bool)
        ):
            return float(value.value)
        self.bad_value(value, key, "数値で書いてください。")
        return None

    def read_choices(self, node: LMap, qtype: QuestionType) -> list[Choice]:
        raw = node.get("choices")
        if qtype not in (QuestionType.CHOICE, QuestionType.MULTI):
            if raw is not None:
                self.report(
                    node.key_loc("choices"),
                    ErrorCode.KEY_UNKNOWN,
                    where="この型の設問",
                    key="choices",
                    suggestion="choices は choice と multi の設問だけに書けます。",
                )
            return []
        if not isinstance(raw, LList) or not raw.items:
            self.report(
                raw.loc if raw is not None else node.loc,
                ErrorCode.KEY_MISSING,
                where="選択式の設問",
                key="choices",
            )
            return []
        choices: list[Choice] = []
        for item in raw.items:
            choice = self.read_choice(item)
            if choice is None:
                continue
            if any(c.value == choice.value for c in choices):
                self.report(
                    choice.loc,
                    ErrorCode.ID_DUPLICATE,
                    id=choice.value,
                    first_line=next(c.loc.line for c in choices if c.value == choice.value),
                )
                continue
            choices.append(choice)
        return choices

    def read_choice(self, item: LNode) -> Choice | None:
        if isinstance(item, LScalar) and item.value is not None:
            value = item.raw if isinstance(item.value, int | float) else str(item.value)
            return Choice(value, value, item.loc)
        if isinstance(item, LMap):
            self.keys(item, "選択肢(choices)", CHOICE_KEYS, {"value"})
            value = self.text(item, "value")
            return Choice(value, self.text(item, "label", value), item.loc) if value else None
        self.bad_value(
            item, "choices", "選択肢は文字か value:/label: で書いてください。", shown="…"
        )
        return None

    def read_computed(self, node: LMap) -> Computed | None:
        self.keys(node, "計算値(computed)", COMPUTED_KEYS, {"id", "value"})
        ident = self.ident(node)
        value = self.condition(node, "value")
        if ident is None or value is None:
            return None
        return Computed(ident, self.text(node, "title", ident), value, node.loc)

    def read_procedure(self, node: LMap) -> Procedure | None:
        complete = self.keys(
            node, "手続き(procedures)", PROCEDURE_KEYS, {"id", "name", "department", "because"}
        )
        ident = self.ident(node)
        per = self.read_per(node)
        kind = self.read_kind(node)
        if ident is None or not complete or per is None or kind is None:
            return None
        return Procedure(
            ident,
            self.text(node, "name"),
            self.text(node, "department"),
            self.text(node, "because"),
            node.loc,
            node.key_loc("department"),
            per=per,
            when=self.condition(node, "when"),
            desk=self.text(node, "desk"),
            bring=self.strings(node, "bring"),
            forms=self.strings(node, "forms"),
            deadline=self.text(node, "deadline"),
            fee=self.fee(node),
            copies=self.condition(node, "copies"),
            due=self.condition(node, "due"),
            kind=kind,
        )

    def read_kind(self, node: LMap) -> ProcedureKind | None:
        value = node.get("kind")
        if value is None:
            return ProcedureKind.PROCEDURE
        kinds = [k.value for k in ProcedureKind]
        if isinstance(value, LScalar) and value.value in kinds:
            return ProcedureKind(value.value)
        hint = (
            "procedure(手続き、既定)か guidance(手続きではない案内: 入力の確認・"
            "請求できない理由など)です。"
        )
        self.bad_value(value, "kind", hint + did_you_mean(str(_shown(value)), kinds))
        return None

    def fee(self, node: LMap) -> int | None:
        value = node.get("fee")
        if value is None:
            return None
        if (
            isinstance(value, LScalar)
            and isinstance(value.value, int)
            and not isinstance(value.value, bool)
            and 0 <= value.value <= 100_000
        ):
            return value.value
        self.bad_value(value, "fee", "1通あたりの手数料を円の整数で書いてください(例: 300)。")
        return None

    def read_per(self, node: LMap) -> Per | None:
        value = node.get("per")
        if value is None:
            return Per.HOUSEHOLD
        if isinstance(value, LScalar) and value.value in ("household", "member"):
            return Per(value.value)
        self.bad_value(value, "per", "household(世帯ごと)か member(世帯員ごと)です。")
        return None


def _shown(node: LNode) -> object:
    return node.raw or node.value if isinstance(node, LScalar) else "…"
