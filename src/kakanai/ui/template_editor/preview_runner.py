"""Checks and renders the template off the GUI thread: ``kakanai check``'s problems (laying
the form out for every sample takes up to a second on a large form), then the form for a
sample as a PDF and its page as an image. One job at a time (pdfium is not thread-safe); a
newer request supersedes an older one, whose preview is dropped (or whose work is skipped if
it has not started). The work never touches widgets."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kakanai.services.template_editing.checking import Checked
from kakanai.services.template_editing.preview import (
    Preview,
    SampleCase,
    page_images,
    render_preview,
)
from kakanai.ui.desk.background import Background

DPI = 100  # the preview's resolution: a page of A4 is 827 × 1169 pixels
_RENDERING = threading.Lock()


class PreviewRunner(QObject):
    """Asks for previews; ``rendered`` gives the newest one back in the GUI thread."""

    checked = Signal(str, object)  # the text checked, its Checked
    rendered = Signal(object, object)  # Preview, QImage | None (the page asked for)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._background = Background(self)
        self._ticket = 0

    def render(
        self,
        request: tuple[Path, str, SampleCase, int],
        check: Callable[[], tuple[str, Checked]] | None = None,
    ) -> None:
        """Check (when ``check`` is given) and render the template text for the sample of
        ``request``: (the file the text is read as, the text, the sample, the page)."""
        path, text, sample, page = request
        self._ticket += 1
        ticket = self._ticket

        def work() -> tuple[tuple[str, Checked] | None, Preview, list[Any]]:
            with _RENDERING:
                if ticket != self._ticket:  # superseded while waiting: skip the work
                    return None, Preview(None), []
                checked = check() if check is not None else None
                preview = render_preview(path, text, sample)
                images = page_images(preview.pdf, dpi=DPI) if preview.pdf else []
                return checked, preview, images

        self._background.run(
            work,
            lambda result: self._on_done(ticket, page, result),
            lambda exc: self._on_failed(ticket, exc),
        )

    def run(
        self, work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Any], None]
    ) -> None:
        """Other work for the editor on the same pool (the scenarios' interviews)."""
        self._background.run(work, done, failed)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._background.wait(msecs)

    def _on_done(
        self,
        ticket: int,
        page: int,
        result: tuple[tuple[str, Checked] | None, Preview, list[Any]],
    ) -> None:
        checked, preview, images = result
        if checked is not None:  # a check is worth keeping even when its preview is stale
            self.checked.emit(*checked)
        if ticket != self._ticket:
            return
        image = None
        if page < len(images):
            from PIL.ImageQt import ImageQt  # noqa: PLC0415 - loads with the first preview

            image = QImage(ImageQt(images[page])).copy()
        self.rendered.emit(preview, image)

    def _on_failed(self, ticket: int, exc: BaseException) -> None:
        if ticket == self._ticket:
            self.failed.emit(str(exc))
