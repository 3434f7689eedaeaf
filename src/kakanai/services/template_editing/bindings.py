"""The case fields a template's box can read, each with its Japanese label: the case, the
household head, the person the form is about (or the member of a per-member form) with their
own answers to per-member questions, every question of the trees (and an address's parts,
and each choice as a yes/no), the procedure that asked for the form and every procedure of
the case, the fees (a procedure's fee, copies and amount, the form's total), and the
department. Searchable by
label or by path, so a supervisor never has to know ``answers.new_address.postal_code``."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kakanai.core.forms.binding import FormScope
from kakanai.core.trees.checks import question_type
from kakanai.core.trees.model import QuestionTree, QuestionType
from kakanai.core.value_types import Kind

# How each kind of value is spoken of in the list (and which field kinds can show it).
READS = {
    Kind.TEXT: "text",
    Kind.NUMBER: "text",
    Kind.DATE: "date",
    Kind.BOOL: "bool",
    Kind.CHOICE: "choice",
    Kind.MULTI: "text",
    Kind.ADDRESS: "text",
    Kind.MEMBER: "member",
}
MEMBER_LABELS = (
    ("name", "氏名", "text"),
    ("kana", "フリガナ", "text"),
    ("birth_date", "生年月日", "date"),
    ("sex", "性別", "choice"),
    ("relationship", "続柄", "choice"),
    ("age", "年齢", "text"),
)
ADDRESS_LABELS = (
    ("postal_code", "郵便番号"),
    ("prefecture", "都道府県"),
    ("municipality", "市区町村"),
    ("town", "町名"),
    ("block", "番地"),
    ("building", "建物名・部屋番号"),
)
SEX_CHOICES = ("男", "女")


@dataclass(frozen=True)
class Bindable:
    """One thing a field can print: its binding as written in the YAML and its label."""

    source: str  # e.g. answers.new_address.postal_code
    label: str  # e.g. 新しい住所の郵便番号
    group: str  # 案件, 世帯主, 本人, 回答, 手続き, 課
    reads: str  # text | date | bool | choice | member
    choices: tuple[str, ...] = ()

    def matches(self, words: str) -> bool:
        """Every word of ``words`` is in the label, the group or the path (width and case
        folded, so ｼﾒｲ finds シメイ and Postal finds postal)."""
        haystack = _folded(f"{self.label} {self.group} {self.source}")
        return all(_folded(word) in haystack for word in words.split())


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def catalogue(
    trees: Sequence[QuestionTree], *, per_member: bool, form_id: str = ""
) -> list[Bindable]:
    """Everything a template of these trees can read; ``per_member`` adds ``member.*`` (the
    member a per-member form is printed for); ``form_id`` names the procedures that ask for
    this form first."""
    found = [
        Bindable("case.as_of", "届出日・申請日(受付の日)", "案件", "date"),
        Bindable("case.case_id", "受付番号", "案件", "text"),
        Bindable("case.city", "市の名前", "案件", "text"),
        Bindable("household.count", "異動する人数", "世帯主", "text"),
    ]
    found.extend(_member_fields("household.head", "世帯主の", "世帯主"))
    found.extend(_member_fields("person", "この様式の本人の", "本人"))
    found.extend(_member_answers(trees, "person", "この様式の本人の回答: "))
    if per_member:
        found.extend(_member_fields("member", "対象の世帯員の", "本人"))
        found.extend(_member_answers(trees, "member", "対象の世帯員の回答: "))
    found.extend(_answers(trees))
    found.extend(_procedures(trees, form_id))
    found.extend(_fees())
    found.extend(
        Bindable(f"department.{key}", f"担当課の{label}", "課", "text")
        for key, label in (
            ("name", "名前"),
            ("floor", "階"),
            ("counter", "窓口"),
            ("extension", "内線"),
        )
    )
    return list({b.source: b for b in found}.values())


def search(bindables: Iterable[Bindable], words: str, reads: str | None = None) -> list[Bindable]:
    """The bindables whose label or path has every word; ``reads`` keeps those a field of
    that kind can show (a check needs a yes/no; text shows anything but a member)."""
    return [b for b in bindables if b.matches(words) and _fits(b.reads, reads)]


def _fits(value: str, wanted: str | None) -> bool:
    if wanted is None:
        return True
    if wanted == "text":
        return value in ("text", "date", "choice")
    if wanted == "choice":
        return value in ("choice", "text")
    return value == wanted


def label_of(bindables: Iterable[Bindable], source: str) -> str:
    """The Japanese label of a binding as written ("" when it is none of the list)."""
    return next((b.label for b in bindables if b.source == source.strip()), "")


def _member_fields(prefix: str, label: str, group: str) -> list[Bindable]:
    return [
        Bindable(
            f"{prefix}.{key}",
            f"{label}{name}",
            group,
            reads,
            SEX_CHOICES if key == "sex" else (),
        )
        for key, name, reads in MEMBER_LABELS
    ]


def _member_answers(trees: Sequence[QuestionTree], prefix: str, label: str) -> list[Bindable]:
    """Each member's own answer to a per-member question (``member.<id>``)."""
    found: list[Bindable] = []
    for tree in trees:
        for question in tree.member_questions:
            kind = question_type(question).kind
            found.append(
                Bindable(
                    f"{prefix}.{question.id}",
                    f"{label}{_short(question.text)}",
                    "本人",
                    READS.get(kind, "text"),
                    tuple(question.choice_values()),
                )
            )
    return found


def _fees() -> list[Bindable]:
    """What a form with fees prints: the procedure's fee, copies and amount, and the total of
    every procedure of the case that prints this form (a certificate request lists each
    certificate asked for on it)."""
    return [
        Bindable("procedure.fee", "この様式の手続きの1通の手数料", "手続き", "text"),
        Bindable("procedure.copies", "この様式の手続きの通数", "手続き", "text"),
        Bindable(
            "procedure.amount", "この様式の手続きの手数料(1通の手数料×通数)", "手続き", "text"
        ),
        Bindable(
            "form.fee_total",
            "この様式の手数料の合計(この様式で申請する手続きすべて)",
            "手続き",
            "text",
        ),
    ]


def _answers(trees: Sequence[QuestionTree]) -> list[Bindable]:
    found: list[Bindable] = []
    for tree in trees:
        for question in tree.questions:
            if question.type is QuestionType.HOUSEHOLD:
                continue
            kind = question_type(question).kind
            text = _short(question.text)
            source = f"answers.{question.id}"
            choices = tuple(question.choice_values())
            found.append(Bindable(source, text, "回答", READS.get(kind, "text"), choices))
            if kind is Kind.ADDRESS:
                found.extend(
                    Bindable(f"{source}.{key}", f"{text}の{name}", "回答", "text")
                    for key, name in ADDRESS_LABELS
                )
            if kind is Kind.CHOICE:
                found.extend(
                    Bindable(f"{source} == {_quoted(c)}", f"{text}が「{c}」", "回答", "bool")
                    for c in choices
                )
    return found


def _procedures(trees: Sequence[QuestionTree], form_id: str) -> list[Bindable]:
    asking = [p for tree in trees for p in tree.procedures if form_id and form_id in p.forms]
    found = [
        Bindable(
            f"procedure.id == {_quoted(p.id)}", f"この様式の手続きが「{p.name}」", "手続き", "bool"
        )
        for p in asking
    ]
    found.extend(
        Bindable(f"procedure.{key}", f"この様式の手続きの{label}", "手続き", "text")
        for key, label in (
            ("name", "名前"),
            ("deadline", "期限"),
            ("because", "理由"),
            ("desk", "窓口"),
        )
    )
    found.extend(
        Bindable(
            f"{_quoted(p.id)} in case.procedures", f"手続き「{p.name}」がある", "手続き", "bool"
        )
        for tree in trees
        for p in tree.procedures
    )
    return found


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


_ASKING = ("を教えてください", "はいつですか", "はどれですか", "は何ですか", "はどなたですか")


def _short(text: str) -> str:
    """A question as a label: its first line, without the closing 。 or ? and the asking
    words (「新しい住所を教えてください。」→「新しい住所」), so 「新しい住所の郵便番号」 reads."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    first = first.rstrip("。?？ ")
    for ending in _ASKING:
        first = first.removesuffix(ending)
    return first


def scope_of(trees: Sequence[QuestionTree]) -> FormScope:
    return FormScope.of_trees(trees)
