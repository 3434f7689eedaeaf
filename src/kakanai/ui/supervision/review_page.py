"""The review (決裁): the document of the saved draft — every question with its condition,
every procedure with its rules, the impact against the version in force and the scenario
results — shown here, saved as PDF or Excel, and the way to publishing."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kakanai.adapters.review_pdf import review_pdf
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.trees.review import Review
from kakanai.services.trees.review_document import ReviewInputs, document_of, gather
from kakanai.services.trees.review_workbook import write_workbook
from kakanai.ui.desk.background import Background
from kakanai.ui.supervision.document import DraftDocument


class ReviewPage(QWidget):
    reported = Signal(str)
    built = Signal()  # the document is shown (tests, screenshots)
    exported = Signal(str)  # the document was written to this file (PDF or Excel)
    publish_requested = Signal()

    def __init__(
        self,
        document: DraftDocument,
        ensure_saved: Callable[[], bool],
        may_publish: Callable[[], bool],
        against_default: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.ensure_saved = ensure_saved
        self.may_publish = may_publish
        self.against_default = against_default
        self.inputs: ReviewInputs | None = None
        self._background = Background(self)
        self.against = QLineEdit(self)
        self.against.setPlaceholderText("なし(変更の影響を載せません)")
        against_label = QLabel("比較する現行版(&A)", self)
        against_label.setBuddy(self.against)
        self.browse_button = QPushButton("参照(&B)…", self)
        self.build_button = QPushButton("決裁書を作る(&N)", self)
        self.pdf_button = QPushButton("PDFで保存(&P)…", self)
        self.xlsx_button = QPushButton("Excelで保存(&X)…", self)
        self.publish_button = QPushButton("公開(&U)…", self)
        self.publish_button.setToolTip("版と施行日を決めて公開します(監修者のログインが必要)。")
        self.view = QTextBrowser(self)
        self.view.setObjectName("review_view")
        self._layout(against_label)
        self._enable(built=False)
        self.browse_button.clicked.connect(self._browse)
        self.build_button.clicked.connect(self.build)
        self.pdf_button.clicked.connect(lambda: self._save_dialog("PDF (*.pdf)", ".pdf"))
        self.xlsx_button.clicked.connect(lambda: self._save_dialog("Excel (*.xlsx)", ".xlsx"))
        self.publish_button.clicked.connect(self._publish)
        document.opened.connect(self._on_opened)
        document.changed.connect(lambda _which: self._outdated())
        self._on_opened()

    def build(self) -> None:
        """Make the document of the saved draft (asks to save unsaved changes first)."""
        if not self.ensure_saved():
            return
        tree, day = self.document.draft.path, self.document.today()
        against = self.against.text().strip() or None
        self.view.setPlainText("決裁書を作っています…")
        self._background.run(lambda: gather(tree, day, against), self._on_built, self._on_failed)

    def export(self, out: Path) -> Path:
        """Write the document built last as PDF, or Excel for ``.xlsx``."""
        if self.inputs is None:
            raise KakanaiError.of(ErrorCode.EDIT_REVIEW_OUTPUT, path=out, detail="決裁書が未作成")
        if out.suffix.lower() == ".xlsx":
            write_workbook(self.inputs, out)
        else:
            try:
                out.write_bytes(review_pdf(document_of(self.inputs)))
            except OSError as exc:
                detail = exc.strerror or type(exc).__name__
                raise KakanaiError.of(
                    ErrorCode.EDIT_REVIEW_OUTPUT, path=out, detail=detail
                ) from None
        self.exported.emit(str(out))
        return out

    def refresh_against(self) -> None:
        """Compare with the version in force now (after a publish or a withdrawal)."""
        self.against.setText(self.against_default())
        self._outdated()

    def show_chapter(self, title: str) -> bool:
        """Scroll the document so that ``title`` is at the top."""
        self.view.moveCursor(QTextCursor.MoveOperation.Start)
        if not self.view.find(title):
            return False
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + self.view.cursorRect().top())
        return True

    def wait_idle(self, msecs: int = 60_000) -> bool:
        return self._background.wait(msecs)

    def _on_built(self, inputs: ReviewInputs) -> None:
        self.inputs = inputs
        self.view.setHtml(_document_html(document_of(inputs)))
        self._enable(built=True)
        self.built.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.inputs = None
        message = error.message if isinstance(error, KakanaiError) else repr(error)
        self.view.setPlainText(f"決裁書を作れませんでした: {message}")
        self._enable(built=False)
        self.reported.emit(message)

    def _save_dialog(self, kinds: str, suffix: str) -> None:
        tree = self.document.reading.tree.meta
        suggested = self.document.draft.path.with_name(f"決裁書_{tree.id}_{tree.version}{suffix}")
        chosen, _ = QFileDialog.getSaveFileName(self, "決裁書を保存", str(suggested), kinds)
        if not chosen:
            return
        try:
            written = self.export(Path(chosen))
        except KakanaiError as exc:
            self.reported.emit(exc.message)
            return
        self.reported.emit(f"決裁書を保存しました: {written}")

    def _publish(self) -> None:
        if self.may_publish():
            self.publish_requested.emit()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "比較する現行版", self.against.text(), "設問ツリー (*.yaml)"
        )
        if chosen:
            self.against.setText(chosen)

    def _on_opened(self) -> None:
        draft = self.document.draft
        self.against.setText(self.against_default() if draft.source != draft.path else "")
        self._outdated()

    def _outdated(self) -> None:
        if self.inputs is not None:
            self.inputs = None
            self.view.setPlainText("下書きが変わりました。「決裁書を作る」で作り直してください。")
        self._enable(built=False)

    def _enable(self, *, built: bool) -> None:
        self.pdf_button.setEnabled(built)
        self.xlsx_button.setEnabled(built)
        clean = built and self.inputs is not None and self.inputs.report.ok
        self.publish_button.setEnabled(clean and self.may_publish())

    def _layout(self, against_label: QLabel) -> None:
        source = QHBoxLayout()
        source.addWidget(against_label)
        source.addWidget(self.against, 1)
        source.addWidget(self.browse_button)
        actions = QHBoxLayout()
        for button in (self.build_button, self.pdf_button, self.xlsx_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.publish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addLayout(source)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)


def _document_html(document: Review) -> str:
    parts = [f"<h2>{html.escape(document.title)}</h2>"]
    parts += [f"<p>{html.escape(line)}</p>" for line in document.summary]
    for chapter in document.chapters:
        parts.append(f"<h3>{html.escape(chapter.title)}</h3>")
        for entry in chapter.entries:
            parts.append(f"<p><b>{html.escape(entry.heading)}</b>")
            parts += [f"<br>&nbsp;&nbsp;{html.escape(line)}" for line in entry.lines]
            parts.append("</p>")
    return "".join(parts)
