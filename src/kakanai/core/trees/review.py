"""The review (決裁) document of a question tree: what a 課長 reads before a version is
published — every question with its condition, every procedure with its department, reason,
what to bring, forms and minimal rules, the impact against the version in force, and the
scenario results. Plain data here; adapters print it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kakanai.core.trees.model import Per, Question, QuestionTree, QuestionType
from kakanai.core.trees.reasoning.rules import Table

TYPE_NAMES = {
    QuestionType.YESNO: "はい/いいえ",
    QuestionType.CHOICE: "選択",
    QuestionType.MULTI: "複数選択",
    QuestionType.DATE: "日付",
    QuestionType.NUMBER: "数",
    QuestionType.TEXT: "文字",
    QuestionType.KATAKANA: "フリガナ",
    QuestionType.POSTAL_CODE: "郵便番号",
    QuestionType.ADDRESS: "住所",
    QuestionType.PHONE: "電話番号",
    QuestionType.HOUSEHOLD: "世帯(世帯員の一覧)",
}


@dataclass
class Entry:
    """One item of the document: a heading line and the lines under it."""

    heading: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Chapter:
    title: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Review:
    """The whole document: a title, a summary and its chapters."""

    title: str
    summary: list[str]
    chapters: list[Chapter]


@dataclass
class Checked:
    """What checking the tree found, for the document's summary and last chapter."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    scenarios_total: int = 0
    scenarios_passed: int = 0
    failing: list[str] = field(default_factory=list)
    rules_covered: int = 0
    rules_missed: list[str] = field(default_factory=list)


def review(
    tree: QuestionTree,
    tables: Sequence[Table],
    checked: Checked,
    impact: Sequence[Entry] = (),
) -> Review:
    """The review document of ``tree`` (``impact``: the diff against the version in force)."""
    meta = tree.meta
    rules = sum(len(t.rules) for t in tables)
    summary = [
        f"設問ツリー: {meta.title}({meta.id})  版: {meta.version}"
        + (f"  施行日: {meta.effective_from:%Y-%m-%d}" if meta.effective_from else ""),
        (
            f"設問 {len(tree.questions)}、手続き {len(tree.procedures)}、"
            f"課 {len(tree.departments)}、規則 {rules}"
        ),
        (
            f"検査: 問題 {len(checked.errors)}件、警告 {len(checked.warnings)}件 / シナリオ "
            f"{checked.scenarios_passed}/{checked.scenarios_total} 成功 / 規則の網羅 "
            f"{checked.rules_covered}/{checked.rules_covered + len(checked.rules_missed)}"
        ),
    ]
    chapters = [_questions(tree), _procedures(tree, tables)]
    if impact:
        chapters.append(Chapter("現行版からの変更の影響", list(impact)))
    chapters.append(_results(checked))
    return Review(f"設問ツリー決裁書 {meta.title} 版{meta.version}", summary, chapters)


def _questions(tree: QuestionTree) -> Chapter:
    chapter = Chapter("設問")
    for section in tree.sections:
        when = f"(聞く条件: {section.when.source})" if section.when else ""
        chapter.entries.append(Entry(f"■ {section.title}{when}"))
        for question in section.questions:
            chapter.entries.append(_question(question))
    return chapter


def _question(question: Question) -> Entry:
    lines = [
        f"種類: {question.type.value}" + ("(世帯員ごと)" if question.per is Per.MEMBER else "")
    ]
    if question.choices:
        lines.append("選択肢: " + "、".join(c.label for c in question.choices))
    if question.when:
        lines.append(f"聞く条件: {question.when.source}")
    if question.member_when:
        lines.append(f"聞く世帯員: {question.member_when.source}")
    if not question.required:
        lines.append("回答は任意")
    if question.help:
        lines.append(f"補足: {question.help}")
    return Entry(f"{question.id}  {question.text}", lines)


def _procedures(tree: QuestionTree, tables: Sequence[Table]) -> Chapter:
    chapter = Chapter("手続き(課ごと)")
    by_id = {t.procedure.id: t for t in tables}
    for department in tree.departments:
        place = "・".join(p for p in (department.floor, department.counter) if p)
        external = "(市役所の外: 案内のみ)" if department.external else ""
        chapter.entries.append(Entry(f"■ {department.name}{external} {place}".rstrip()))
        for procedure in (p for p in tree.procedures if p.department_id == department.id):
            table = by_id.get(procedure.id)
            lines = (
                [f"案内する規則 {i}: {r.text()}" for i, r in enumerate(table.rules, 1)]
                if table
                else []
            )
            if table is not None and not table.rules:
                lines.append("案内する規則: (どの回答でも案内されません)")
            lines.append(f"理由: {procedure.because}")
            if procedure.bring:
                lines.append("持ち物: " + "、".join(procedure.bring))
            if procedure.forms:
                lines.append("様式: " + "、".join(procedure.forms))
            if procedure.deadline:
                lines.append(f"期限: {procedure.deadline}")
            if procedure.fee is not None:
                lines.append(f"手数料: 1通 {procedure.fee}円")
            per = "(世帯員ごと)" if procedure.per is Per.MEMBER else ""
            chapter.entries.append(Entry(f"{procedure.id}  {procedure.name}{per}", lines))
    return chapter


def _results(checked: Checked) -> Chapter:
    chapter = Chapter("検査とシナリオの結果")
    chapter.entries.append(Entry("問題", checked.errors or ["なし"]))
    chapter.entries.append(Entry("警告", checked.warnings or ["なし"]))
    scenarios = [f"{checked.scenarios_passed}/{checked.scenarios_total} 件が成功"]
    scenarios += [f"失敗: {name}" for name in checked.failing]
    chapter.entries.append(Entry("シナリオ", scenarios))
    coverage = [f"{checked.rules_covered} 件の規則をシナリオが通ります"]
    coverage += [f"通らない規則: {rule}" for rule in checked.rules_missed]
    chapter.entries.append(Entry("規則の網羅", coverage))
    return chapter
