"""The template text being edited, the file it is saved to, and its undo history: every
edit is a named step (「項目「氏名」を移動」) that undo and redo replay on the whole text."""

from __future__ import annotations

import contextlib
import errno
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

    def save(self, to: Path | None = None) -> None:
        """Write the text to the file, or to ``to``, which becomes the document's file (a
        shipped template saved as the city's copy); FORM_EDIT_003 when it cannot be written.
        The file is replaced whole or not at all: a full disk never leaves half a template."""
        target = to or self.path
        write_whole(target, self.text)
        self.path = target
        self.saved = self.text


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it (FORM_EDIT_003, with the
    reason in Japanese, when it cannot)."""
    temporary = path.with_name(f".{path.name}.saving")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise KakanaiError.of(ErrorCode.TEMPLATE_EDIT_SAVE, path=path, detail=reason(exc)) from None


def reason(exc: OSError) -> str:
    """Why a file could not be written or removed, in the words a supervisor acts on."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "ディスクの空き容量が足りません"
    if exc.errno == errno.EROFS:
        return "読み取り専用の場所です"
    if exc.errno in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return "書き込む権限がありません"
    return f"{exc.strerror or type(exc).__name__}"
