"""The draft's file in the supervisor's mode: saving it (audited as ``tree_edited``),
opening another tree file, and what to do with unsaved changes before they would be lost
(save, drop back to what was last saved, or stay)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from kakanai.core.errors import KakanaiError
from kakanai.services.tree_editing.draft import Draft, open_draft
from kakanai.ui.supervision.access import SupervisionAccess
from kakanai.ui.supervision.document import DraftDocument
from kakanai.ui.supervision.draft_label import DraftLabel
from kakanai.ui.supervision.unsaved import Unsaved


class DraftFiles:
    """``ask`` asks about the unsaved changes of the draft it is given the name of."""

    def __init__(  # noqa: PLR0913 - the mode's collaborators, each named
        self,
        document: DraftDocument,
        access: SupervisionAccess,
        label: DraftLabel,
        *,
        ask: Callable[[str], Unsaved],
        report: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        self.document = document
        self.access = access
        self.label = label
        self._ask = ask
        self._report = report
        self._parent = parent
        self._reopen = _reopener(document.draft)

    def show(self) -> None:
        self.label.show_draft(self.document.draft, self.access.supervisor)

    def save(self) -> bool:
        step = self.document.undo_stack.undoText()
        try:
            self.document.save()
        except KakanaiError as exc:
            self._report(f"{exc.message} [{exc.code.code}]")
            return False
        draft = self.document.draft
        tree_id = self.document.reading.tree.meta.id
        problem = self.access.record(
            "tree_edited",
            f"{tree_id} {draft.name} 保存" + (f"(最後の変更: {step})" if step else ""),
        )
        self._report(problem or f"保存しました: {draft.path}")
        return True

    def ensure_saved(self) -> bool:
        """Before the review: the document is made from the saved draft."""
        return self.document.draft.on_disk or self.save()

    def may_drop_changes(self) -> bool:
        """Unsaved changes: saved, or dropped (back to what was saved); False to stay."""
        if not self.document.modified:
            return True
        answer = self._ask(self.document.draft.name)
        if answer is Unsaved.SAVE:
            return self.save()
        if answer is Unsaved.DISCARD:
            self.document.open(self._reopen())
            self.show()
            return True
        return False

    def open_file(self, path: Path) -> bool:
        """Open another tree file (after asking about unsaved changes)."""
        if self.document.modified:
            answer = self._ask(self.document.draft.name)
            if answer is Unsaved.CANCEL or (answer is Unsaved.SAVE and not self.save()):
                return False
        try:
            draft = open_draft(path)
        except KakanaiError as exc:
            self._report(f"{exc.message} [{exc.code.code}]")
            return False
        self._reopen = _reopener(draft)
        self.document.open(draft)
        self.show()
        self._report(f"開きました: {path}")
        return True

    def open_dialog(self) -> None:
        folder = str(self.document.draft.path.parent)
        chosen, _ = QFileDialog.getOpenFileName(
            self._parent, "設問ツリーを開く", folder, "設問ツリー (*.yaml)"
        )
        if chosen:
            self.open_file(Path(chosen))


def _reopener(draft: Draft) -> Callable[[], Draft]:
    """How to get back to what was last saved of ``draft`` (or, never saved, to its source)."""
    path, source = draft.path, draft.source

    def reopen() -> Draft:
        if path.is_file():
            saved = open_draft(path)
            saved.source = source
            return saved
        opened = open_draft(source)
        return Draft(path, opened.text, opened.tests_text, source, opened.text, opened.tests_text)

    return reopen
