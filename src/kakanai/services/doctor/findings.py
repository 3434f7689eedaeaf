"""What `kakanai doctor` reports: one finding per topic, its level, and for a problem the
stable code and the Japanese message that says how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kakanai.core.errors import ErrorCode, KakanaiError


class Level(Enum):
    OK = "OK"
    NOTE = "情報"  # nothing to do now (e.g. created on the first start)
    WARNING = "注意"  # kakanai works, with something less (no camera, no rare-kanji font)
    ERROR = "要対応"  # something required is missing: the desk cannot work as it is

    @property
    def failing(self) -> bool:
        return self is Level.ERROR


@dataclass(frozen=True)
class Finding:
    topic: str  # フォント, データフォルダ, 鍵, ...
    level: Level
    message: str
    code: ErrorCode | None = None

    @classmethod
    def problem(cls, topic: str, level: Level, code: ErrorCode, **fields: object) -> Finding:
        return cls(topic, level, code.format(**fields), code)

    @classmethod
    def of_error(cls, topic: str, error: KakanaiError) -> Finding:
        """A KakanaiError met while checking, as a finding that needs action."""
        return cls(topic, Level.ERROR, error.message, error.code)

    def render(self) -> str:
        code = f"{self.code.code} " if self.code is not None else ""
        return f"[{self.level.value}] {self.topic}: {code}{self.message}"

    def as_json(self) -> dict[str, str]:
        code = self.code.code if self.code is not None else ""
        return {
            "topic": self.topic,
            "level": self.level.name,
            "code": code,
            "message": self.message,
        }
