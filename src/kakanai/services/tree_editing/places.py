"""Where each item of a tree is: its kind, its id shown with its Japanese text, and the path
to it in the YAML (what the outline lists and the forms edit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from kakanai.adapters.yaml_editing import Step
from kakanai.core.located import LList, LMap, LNode, LScalar


class Kind(Enum):
    """The kinds of item, in the order the outline shows them; the value is the Japanese."""

    META = "設問ツリー"
    SECTION = "セクション"
    QUESTION = "設問"
    COMPUTED = "計算値"
    PROCEDURE = "手続き"
    DEPARTMENT = "課"


@dataclass(frozen=True)
class Place:
    """One item: its kind and id, how the outline shows it, and its path in the YAML."""

    kind: Kind
    id: str
    label: str
    path: tuple[Step, ...]
    parent: str = ""  # a question's section, a procedure's department

    @property
    def key(self) -> tuple[str, str]:
        """Identifies the item across edits (its kind and id)."""
        return self.kind.name, self.id

    def named(self) -> str:
        """The item in a step's name: 「設問 move_date」."""
        return f"{self.kind.value} {self.id}" if self.id else self.kind.value


def places(root: LNode | None) -> list[Place]:
    """Every item of a tree document, in outline order: the tree, sections with their
    questions, computed values, procedures, departments. Read from the YAML itself so that
    an item with a problem is still listed."""
    if not isinstance(root, LMap):
        return []
    found = [Place(Kind.META, "", _text(root.get("questionnaire"), "title"), ("questionnaire",))]
    for section in _items(root, "sections"):
        sid = _text(section, "id")
        found.append(_place(Kind.SECTION, section, "title", ("sections", ("id", sid))))
        for question in _items(section, "questions"):
            qid = _text(question, "id")
            path: tuple[Step, ...] = ("sections", ("id", sid), "questions", ("id", qid))
            found.append(_place(Kind.QUESTION, question, "text", path, sid))
    for computed in _items(root, "computed"):
        path = ("computed", ("id", _text(computed, "id")))
        found.append(_place(Kind.COMPUTED, computed, "title", path))
    for procedure in _items(root, "procedures"):
        path = ("procedures", ("id", _text(procedure, "id")))
        found.append(
            _place(Kind.PROCEDURE, procedure, "name", path, _text(procedure, "department"))
        )
    for department in _items(root, "departments"):
        path = ("departments", ("id", _text(department, "id")))
        found.append(_place(Kind.DEPARTMENT, department, "name", path))
    return found


def node_at(root: LNode | None, path: Sequence[Step]) -> LNode | None:
    """The located value at ``path`` (None where there is none)."""
    node = root
    for step in path:
        if isinstance(step, str) and isinstance(node, LMap):
            node = node.get(step)
        elif isinstance(step, int) and isinstance(node, LList):
            node = node.items[step] if 0 <= step < len(node.items) else None
        elif isinstance(step, tuple) and isinstance(node, LList):
            key, wanted = step
            node = next(
                (i for i in node.items if isinstance(i, LMap) and _text(i, key) == wanted), None
            )
        else:
            return None
    return node


def _place(
    kind: Kind, node: LMap, text_key: str, path: tuple[Step, ...], parent: str = ""
) -> Place:
    item_id = _text(node, "id")
    text = _text(node, text_key)
    label = f"{item_id} — {text}" if text else item_id
    return Place(kind, item_id, label, path, parent)


def _items(node: LNode | None, key: str) -> list[LMap]:
    listed = node.get(key) if isinstance(node, LMap) else None
    if not isinstance(listed, LList):
        return []
    return [item for item in listed.items if isinstance(item, LMap) and _text(item, "id")]


def _text(node: LNode | None, key: str) -> str:
    value = node.get(key) if isinstance(node, LMap) else None
    return str(value.value) if isinstance(value, LScalar) and value.value is not None else ""
