"""The templates the 様式 editor lists and where it saves them. On a desk (the supervisor's
mode) that is what the desk prints (``shipped_data.templates()``): a shipped template is never
written; saving it writes the city's copy into the data folder, which then prints in its
place, and deleting that copy brings the shipped one back. A plain folder (a checkout's
``forms_templates/``, the tests) is listed and saved as it is."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.forms.binding import FormScope
from kakanai.services import shipped_data
from kakanai.services.forms import templates as form_templates
from kakanai.services.shipped_data import TemplateFile
from kakanai.services.template_editing.checking import CheckContext
from kakanai.services.template_editing.document import reason
from kakanai.services.trees import library


class TemplateShelf:
    """``folder``: the templates of that folder, saved in place; None: the desk's, checked
    against the trees ``trees`` (a workspace or its database) has in force on ``today()``
    (without it: the trees' files)."""

    def __init__(
        self,
        folder: Path | None = None,
        trees: library.Source | None = None,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        self.folder = folder
        self.trees = trees
        self.today = today or dt.date.today

    @classmethod
    def desk(
        cls, trees: library.Source | None = None, today: Callable[[], dt.date] | None = None
    ) -> TemplateShelf:
        return cls(None, trees, today)

    @property
    def overlays(self) -> bool:
        """Whether a save of a shipped template goes to the city's copy."""
        return self.folder is None

    def context(self) -> CheckContext | None:
        """What the templates are checked against on a desk: the tree versions the desk uses
        today (None for a folder: the trees beside it, ``CheckContext.near``)."""
        return CheckContext.of_desk(self.trees, self.today()) if self.overlays else None

    def listed(self) -> list[TemplateFile]:
        """The templates to offer, by id (the city's copy in place of the shipped one)."""
        if self.folder is None:
            return shipped_data.templates()
        files = form_templates.template_files([self.folder])
        return [TemplateFile(path.stem, path, path) for path in files]

    def entry(self, path: Path) -> TemplateFile:
        """What ``path`` (a listed file, or one opened by name) is."""
        for listed in self.listed():
            if listed.path == path:
                return listed
        return TemplateFile(path.stem, path, path)

    def save_target(self, path: Path) -> Path:
        """Where saving the template read from ``path`` writes: the city's copy for a
        shipped template on a desk, else the file itself."""
        if self.overlays and path.parent == shipped_data.FORM_TEMPLATES:
            return shipped_data.city_template_file(path.stem)
        return path

    def bring_background(self, source: Path, target: Path, background: str) -> None:
        """Copy the background PDF a shipped template names (relative to its file) beside
        its city copy, unless the city's folder has that file already."""
        if not background or source.parent == target.parent:
            return
        shipped, copy = source.parent / background, target.parent / background
        if not shipped.is_file() or copy.exists():
            return
        try:
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shipped, copy)
        except OSError as exc:
            raise KakanaiError.of(
                ErrorCode.TEMPLATE_EDIT_SAVE, path=copy, detail=reason(exc)
            ) from None

    def reset(self, path: Path) -> Path:
        """Delete the city's copy at ``path``; the shipped template that prints again
        (FORM_EDIT_005 when the copy cannot be deleted or it is no copy of a shipped one)."""
        entry = self.entry(path)
        if not entry.city_copy or entry.shipped is None:
            raise KakanaiError.of(
                ErrorCode.TEMPLATE_EDIT_RESET, path=path, detail="標準の様式がありません"
            )
        background = _background(path)
        try:
            path.unlink()
        except OSError as exc:
            raise KakanaiError.of(
                ErrorCode.TEMPLATE_EDIT_RESET, path=path, detail=reason(exc)
            ) from None
        self._drop_background(path.parent, entry.shipped.parent, background)
        return entry.shipped

    def _drop_background(self, city: Path, shipped: Path, background: str) -> None:
        """Delete the background PDF a deleted city copy brought along, when it is still the
        shipped one and no other template of the city names it."""
        copy, original = city / background, shipped / background
        if not background or city == shipped or not copy.is_file() or not original.is_file():
            return
        if any(_background(p) == background for p in form_templates.template_files([city])):
            return
        with contextlib.suppress(OSError):  # a file left behind harms nothing
            if copy.read_bytes() == original.read_bytes():
                copy.unlink()


def _background(path: Path) -> str:
    template, _ = form_templates.read(path, FormScope())
    return template.background if template is not None else ""
