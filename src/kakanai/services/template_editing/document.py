"""The template text being edited, the file it is saved to, and its undo history: every
edit is a named step (「項目「氏名」を移動」) that undo and redo replay on the whole text."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kakanai.adapters.input_files import read_text
from kakanai.adapters.yaml_loading import MAX_FILE_BYTES
from kakanai.core.errors import ErrorCode, KakanaiError


@dataclass(frozen=True)
class Step:
    """One edit: its name on screen and the text before and after it."""

    name: str
    before: str
    after: str


@dataclass
class TemplateDocument:
    """A template file's text as edited; ``saved`` is the text as last read or saved."""

    path: Path
    text: str
    saved: str
    done: list[Step] = field(default_factory=list)
    undone: list[Step] = field(default_factory=list)

    @classmethod
    def open(cls, path: Path) -> TemplateDocument:
        """Read the template file (FORM_EDIT_002 when it cannot be read)."""
        try:
            text = read_text(path, limit=MAX_FILE_BYTES)
        except (OSError, UnicodeDecodeError) as exc:
            raise KakanaiError.of(
                ErrorCode.TEMPLATE_EDIT_OPEN, path=path, detail=type(exc).__name__
            ) from None
        return cls(path, text, text)

    @property
    def modified(self) -> bool:
        return self.text != self.saved

    def apply(self, name: str, text: str) -> bool:
        """Make ``text`` the current text as the step ``name``; False when nothing changed."""
        if text == self.text:
            return False
        self.done.append(Step(name, self.text, text))
        self.undone.clear()
        self.text = text
        return True

    @property
    def undo_name(self) -> str | None:
        return self.done[-1].name if self.done else None

    @property
    def redo_name(self) -> str | None:
        return self.undone[-1].name if self.undone else None

    def undo(self) -> str | None:
        """Undo the last step; its name, or None when there is nothing to undo."""
        if not self.done:
            return None
        step = self.done.pop()
        self.undone.append(step)
        self.text = step.before
        return step.name

    def redo(self) -> str | None:
        if not self.undone:
            return None
        step = self.undone.pop()
        self.done.append(step)
        self.text = step.after
        return step.name

    def save(self) -> None:
        """Write the text to the file (FORM_EDIT_003 when it cannot be written)."""
        try:
            self.path.write_text(self.text, encoding="utf-8")
        except OSError as exc:
            raise KakanaiError.of(
                ErrorCode.TEMPLATE_EDIT_SAVE, path=self.path, detail=exc.strerror or exc
            ) from None
        self.saved = self.text
