"""The types a question's answer or a computed value can have, as the checker sees them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    BOOL = "はい/いいえ"
    NUMBER = "数値"
    DATE = "日付"
    TEXT = "文字"
    CHOICE = "選択肢"
    MULTI = "複数選択"
    MEMBER = "世帯員"
    HOUSEHOLD = "世帯"
    LIST = "一覧"
    ADDRESS = "住所"
    RECORD = "項目のまとまり"  # case, household, answers, ... as form bindings read them


@dataclass(frozen=True)
class ValueType:
    """A value's kind; choice and multi types also carry their allowed values."""

    kind: Kind
    choices: frozenset[str] = frozenset()
    owner: str = ""  # the question id a choice type comes from, for messages

    def describe(self) -> str:
        """Japanese description used in type-mismatch messages."""
        if self.kind in (Kind.CHOICE, Kind.MULTI) and self.owner:
            return f"{self.kind.value}の設問「{self.owner}」"
        return self.kind.value


BOOL = ValueType(Kind.BOOL)
NUMBER = ValueType(Kind.NUMBER)
DATE = ValueType(Kind.DATE)
TEXT = ValueType(Kind.TEXT)
MEMBER = ValueType(Kind.MEMBER)
HOUSEHOLD = ValueType(Kind.HOUSEHOLD)
ADDRESS = ValueType(Kind.ADDRESS)


def choice_type(owner: str, values: frozenset[str]) -> ValueType:
    return ValueType(Kind.CHOICE, values, owner)


def multi_type(owner: str, values: frozenset[str]) -> ValueType:
    return ValueType(Kind.MULTI, values, owner)


SEX_VALUES = frozenset({"男", "女"})
RELATIONSHIP_VALUES = frozenset(
    {"世帯主", "夫", "妻", "子", "父", "母", "祖父", "祖母", "孫", "兄弟姉妹", "同居人", "その他"}
)

# Fields every household member has; `age` is computed on the interview's reference date.
MEMBER_FIELDS: dict[str, ValueType] = {
    "name": TEXT,
    "kana": TEXT,
    "birth_date": DATE,
    "sex": choice_type("sex", SEX_VALUES),
    "relationship": choice_type("relationship", RELATIONSHIP_VALUES),
    "age": NUMBER,
    "is_head": BOOL,
}
