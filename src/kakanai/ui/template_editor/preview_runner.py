"""Renders the template's preview off the GUI thread: the form for a sample as a PDF and its
page as an image. One preview at a time (pdfium is not thread-safe); a newer request
supersedes an older one, whose result is dropped (or whose work is skipped if it has not
started). The work never touches widgets."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

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

    rendered = Signal(object, object)  # Preview, QImage | None (the page asked for)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._background = Background(self)
        self._ticket = 0

    def render(self, path: Path, text: str, sample: SampleCase, page: int) -> None:
        """Render the template ``text`` (read as the file ``path``) for ``sample``."""
        self._ticket += 1
        ticket = self._ticket

        def work() -> tuple[Preview, list[Any]]:
            with _RENDERING:
                if ticket != self._ticket:  # superseded while waiting: skip the work
                    return Preview(None), []
                preview = render_preview(path, text, sample)
                return preview, page_images(preview.pdf, dpi=DPI) if preview.pdf else []

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

    def _on_done(self, ticket: int, page: int, result: tuple[Preview, list[Any]]) -> None:
        if ticket != self._ticket:
            return
        preview, images = result
        image = None
        if page < len(images):
            from PIL.ImageQt import ImageQt  # noqa: PLC0415 - loads with the first preview

            image = QImage(ImageQt(images[page])).copy()
        self.rendered.emit(preview, image)

    def _on_failed(self, ticket: int, exc: BaseException) -> None:
        if ticket == self._ticket:
            self.failed.emit(str(exc))
