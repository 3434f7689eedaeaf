"""Completion in the condition editor: what core/trees/completion offers at the cursor, and
which typed characters each choice replaces (the word begun, a member field begun, an option
begun inside its quotes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kakanai.core.trees.completion import Completion, complete
from kakanai.core.trees.model import QuestionTree

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")
_MEMBER_FIELD = re.compile(r"member\.([A-Za-z_][A-Za-z0-9_]*)?$")
_OPEN_STRING = re.compile(r'"[^"]*$')
KIND_NAMES = {
    "question": "設問",
    "computed": "計算値",
    "function": "関数",
    "option": "選択肢",
    "member": "世帯員",
}


@dataclass(frozen=True)
class Offer:
    """One completion as the popup shows it and what choosing it does."""

    shown: str  # 「move_type — 今回のお手続きはどれですか。」 with its kind
    insert: str
    replace_from: int  # offset in the condition where the inserted text starts


def offers(tree: QuestionTree, condition: str, cursor: int) -> list[Offer]:
    """What may be typed at ``cursor`` in ``condition``."""
    before = condition[:cursor]
    found = complete(tree, before)
    return [Offer(_shown(c), c.insert, _replace_from(before, c)) for c in found]


def applied(condition: str, cursor: int, offer: Offer) -> tuple[str, int]:
    """The condition with ``offer`` typed in at ``cursor``, and where the cursor goes."""
    text = condition[: offer.replace_from] + offer.insert + condition[cursor:]
    return text, offer.replace_from + len(offer.insert)


def _replace_from(before: str, completion: Completion) -> int:
    if completion.kind == "option":
        opened = _OPEN_STRING.search(before)
        return opened.start() if opened else len(before)
    if completion.kind == "member":
        found = _MEMBER_FIELD.search(before)
        return found.start(1) if found and found.group(1) else len(before)
    word = _WORD.search(before)
    return word.start() if word else len(before)


def _shown(completion: Completion) -> str:
    return f"{completion.label}({KIND_NAMES.get(completion.kind, completion.kind)})"
