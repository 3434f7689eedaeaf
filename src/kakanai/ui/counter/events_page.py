"""The first page of an interview: the life events of this visit (転入, 出生, 婚姻 …) as a check
list, several at once. A digit toggles its event (Alt+digit too), Space the focused one, ↑/↓
move, Enter starts the interview; the desk's own questionnaire is checked already, so a
single-event counter needs only Enter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kakanai.services.counter.events import LifeEvent
from kakanai.ui.counter.answer_fields import ERROR_STYLE, MAX_NUMBERED
from kakanai.ui.counter.question_block import HELP_STYLE, QUESTION_STYLE

NONE_CHOSEN = "手続きを1つ以上選んでください(数字キーでチェックします)。"


class EventsPage(QWidget):
    events_chosen = Signal(object)  # the ids of the checked events, in list order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[QCheckBox] = []
        self.ids: list[str] = []
        self.heading = QLabel("今回のお手続き(&J)", self)
        self.heading.setObjectName("question_text")
        self.heading.setStyleSheet(QUESTION_STYLE)
        self.help = QLabel(
            "来られた方の手続きをすべて選んでください。いくつでも選べます。"
            "数字キーでチェックを付け外しし、Enter で面談を始めます。"
            "一緒に選んだ手続きで同じことは、一度だけお聞きします。",
            self,
        )
        self.help.setWordWrap(True)
        self.help.setStyleSheet(HELP_STYLE)
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(4)
        self.error = QLabel(self)
        self.error.setObjectName("answer_problem")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE + "font-weight: bold;")
        self.start_button = QPushButton("面談を始める(&O) ⏎", self)
        self.start_button.setStyleSheet("font-size: 14pt; padding: 6px 24px;")
        self.start_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 12, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.help)
        layout.addLayout(self.list_layout)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def show_events(self, events: Sequence[LifeEvent], chosen: Sequence[str]) -> None:
        """List ``events`` (numbered 1–9, then unnumbered) with ``chosen`` checked."""
        for box in self.boxes:
            box.hide()
            box.deleteLater()
        self.boxes = []
        self.ids = [event.id for event in events]
        for number, event in enumerate(events, start=1):
            shown = f"&{number}" if number <= MAX_NUMBERED else "  "
            box = QCheckBox(f"{shown}  {event.title}", self)
            box.setObjectName(f"event_{event.id}")
            box.setStyleSheet("font-size: 15pt; padding: 3px;")
            box.setChecked(event.id in chosen)
            box.toggled.connect(lambda _on: self.error.clear())
            self.list_layout.addWidget(box)
            box.show()
            self.boxes.append(box)
        if self.boxes:
            self.heading.setBuddy(self.boxes[0])
        self.error.clear()

    def chosen(self) -> list[str]:
        return [i for i, box in zip(self.ids, self.boxes, strict=True) if box.isChecked()]

    def focus_first(self) -> None:
        checked = [box for box in self.boxes if box.isChecked()]
        if self.boxes:
            (checked or self.boxes)[0].setFocus()

    def submit(self) -> None:
        chosen = self.chosen()
        if not chosen:
            self.error.setText(NONE_CHOSEN)
            self.focus_first()
            return
        self.events_chosen.emit(chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key, text = event.key(), event.text()
        if key in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            event.accept()
            self.submit()
            return
        if len(text) == 1 and text.isdigit() and 1 <= int(text) <= len(self.boxes[:MAX_NUMBERED]):
            box = self.boxes[int(text) - 1]
            box.toggle()
            box.setFocus()
            event.accept()
            return
        if key in {Qt.Key.Key_Down, Qt.Key.Key_Up} and self._step(key == Qt.Key.Key_Down):
            event.accept()
            return
        super().keyPressEvent(event)

    def _step(self, forward: bool) -> bool:
        """Move the focus to the next (or previous) event; False when it is not on one."""
        focused = [box for box in self.boxes if box.hasFocus()]
        if not focused:
            return False
        index = self.boxes.index(focused[0]) + (1 if forward else -1)
        self.boxes[max(0, min(index, len(self.boxes) - 1))].setFocus()
        return True
