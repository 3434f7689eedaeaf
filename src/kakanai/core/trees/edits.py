"""What a supervisor changed between two versions of a tree, item by item and in their own
terms: questions added, removed, reworded or given other options; conditions changed;
procedures added, removed or edited; departments changed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kakanai.core.trees.model import Condition, Procedure, Question, QuestionTree


@dataclass(frozen=True)
class Edit:
    """One change: what kind of item, its id, what changed, and from what to what."""

    item: str  # 設問 / セクション / 計算値 / 手続き / 課
    id: str
    change: str  # 追加 / 削除 / 文言 / 条件 / 選択肢 / ...
    before: str = ""
    after: str = ""

    def text(self) -> str:
        if self.change in ("追加", "削除"):
            shown = self.after or self.before
            return f"{self.item}「{self.id}」を{self.change}" + (f"({shown})" if shown else "")
        return f"{self.item}「{self.id}」の{self.change}: 「{self.before}」→「{self.after}」"


Item = TypeVar("Item")


def edits(old: QuestionTree, new: QuestionTree) -> list[Edit]:
    """Every change from ``old`` to ``new``, questions first, in the new tree's order."""
    found: list[Edit] = []
    found += _paired("設問", old.questions, new.questions, _question_edits, lambda q: q.text)
    found += _paired("セクション", old.sections, new.sections, _section_edits, lambda s: s.title)
    found += _paired("計算値", old.computed, new.computed, _computed_edits, lambda c: c.title)
    found += _paired("手続き", old.procedures, new.procedures, _procedure_edits, lambda p: p.name)
    found += _paired("課", old.departments, new.departments, _department_edits, lambda d: d.name)
    if [q.id for q in old.questions if new.question(q.id)] != [
        q.id for q in new.questions if old.question(q.id)
    ]:
        found.append(Edit("設問", "(全体)", "順序", "旧版の順", "新版の順"))
    return found


def _paired(
    kind: str,
    old: Sequence[Item],
    new: Sequence[Item],
    compare: Callable[[str, Item, Item], list[Edit]],
    shown: Callable[[Item], str],
) -> list[Edit]:
    before = {getattr(item, "id"): item for item in old}  # noqa: B009 - every item has an id
    after = {getattr(item, "id"): item for item in new}  # noqa: B009 - as above
    found = [
        Edit(kind, i, "削除", before=shown(item)) for i, item in before.items() if i not in after
    ]
    for item_id, item in after.items():
        if item_id not in before:
            found.append(Edit(kind, item_id, "追加", after=shown(item)))
        else:
            found.extend(compare(item_id, before[item_id], item))
    return found


def _when(condition: Condition | None) -> str:
    return condition.source if condition is not None else "(条件なし)"


def _fields(kind: str, item_id: str, pairs: list[tuple[str, object, object]]) -> list[Edit]:
    return [
        Edit(kind, item_id, name, _shown(before), _shown(after))
        for name, before, after in pairs
        if before != after
    ]


def _shown(value: object) -> str:
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    return str(value)


def _question_edits(item_id: str, old: Question, new: Question) -> list[Edit]:
    return _fields(
        "設問",
        item_id,
        [
            ("文言", old.text, new.text),
            ("説明", old.help_source, new.help_source),
            ("同じ内容の候補", ",".join(old.same_as), ",".join(new.same_as)),
            ("種類", old.type.value, new.type.value),
            ("選択肢", _choices(old), _choices(new)),
            ("条件", _when(old.when), _when(new.when)),
            ("回答必須", old.required, new.required),
            ("セクション", old.section_id, new.section_id),
            ("範囲", (old.minimum, old.maximum), (new.minimum, new.maximum)),
        ],
    )


def _choices(question: Question) -> list[str]:
    return [f"{c.value}({c.label})" if c.label != c.value else c.value for c in question.choices]


def _section_edits(item_id: str, old: object, new: object) -> list[Edit]:
    return _fields(
        "セクション",
        item_id,
        [
            ("見出し", getattr(old, "title", ""), getattr(new, "title", "")),
            ("条件", _when(getattr(old, "when", None)), _when(getattr(new, "when", None))),
        ],
    )


def _computed_edits(item_id: str, old: object, new: object) -> list[Edit]:
    return _fields(
        "計算値",
        item_id,
        [
            ("式", _when(getattr(old, "value", None)), _when(getattr(new, "value", None))),
            ("名前", getattr(old, "title", ""), getattr(new, "title", "")),
        ],
    )


def _procedure_edits(item_id: str, old: Procedure, new: Procedure) -> list[Edit]:
    return _fields(
        "手続き",
        item_id,
        [
            ("名前", old.name, new.name),
            ("課", old.department_id, new.department_id),
            ("条件", _when(old.when), _when(new.when)),
            ("対象", old.per.value, new.per.value),
            ("理由", old.because, new.because),
            ("持ち物", old.bring, new.bring),
            ("様式", old.forms, new.forms),
            ("期限", old.deadline, new.deadline),
            ("窓口", old.desk, new.desk),
        ],
    )


def _department_edits(item_id: str, old: object, new: object) -> list[Edit]:
    names = ("name", "floor", "counter", "extension")
    labels = ("名前", "階", "窓口", "内線")
    return _fields(
        "課",
        item_id,
        [
            (label, getattr(old, n, ""), getattr(new, n, ""))
            for label, n in zip(labels, names, strict=True)
        ],
    )
