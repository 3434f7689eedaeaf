"""Reading a resident's My Number card (Ctrl+M): the clerk puts the card on the reader and
turns the keypad to the resident, who types the card's 4-digit PIN (券面事項入力補助用暗証番号);
the fourth digit reads the card. A wrong PIN says how many tries are left and waits for the
PIN again; a locked card, no reader or no card says what to do (type the data by hand). The
PIN is hidden, never kept, and the input method is off for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.japanese.line_breaking import glue_tail
from kakanai.services.counter.card_reading import CardPerson, CardReadError
from kakanai.ui.counter.answer_fields import ERROR_STYLE

PIN_DIGITS = 4
TEXT_WIDTH = 460
INSTRUCTION = (
    "カードをカードリーダーに置いてください。\n"
    "ご本人(15歳未満の方などは法定代理人)に、\n"
    "カードの暗証番号(数字4桁)を入力していただきます。\n"
    "4桁目で読み取ります。"
)


class CardDialog(QDialog):
    """``person`` is the card's resident once read (the dialog is then accepted)."""

    def __init__(self, read: Callable[[str], CardPerson], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read = read
        self.person: CardPerson | None = None
        self.setWindowTitle("マイナンバーカードの読み取り")
        instruction = QLabel(glue_tail(INSTRUCTION), self)
        instruction.setWordWrap(True)
        instruction.setFixedWidth(TEXT_WIDTH)
        instruction.setStyleSheet("font-size: 13pt;")
        caption = QLabel("暗証番号(&P)", self)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("card_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_DIGITS)
        self.pin.setValidator(QRegularExpressionValidator(r"[0-9]{0,4}", self.pin))
        self.pin.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.pin.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
        )
        self.pin.setStyleSheet("font-size: 22pt; letter-spacing: 8px;")
        self.pin.setPlaceholderText("・・・・")
        caption.setBuddy(self.pin)
        self.message = QLabel(self)
        self.message.setObjectName("card_message")
        self.message.setWordWrap(True)
        self.message.setFixedWidth(TEXT_WIDTH)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("やめる(Esc)")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The dialog grows with the message (a wrapped label's height follows its width).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(instruction)
        layout.addWidget(caption)
        layout.addWidget(self.pin)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.pin.textEdited.connect(self._on_pin_edited)
        self.pin.setFocus()

    def _on_pin_edited(self, text: str) -> None:
        if len(text) == PIN_DIGITS:
            self.read_card()

    def read_card(self) -> None:
        """Read the card with the PIN typed; the PIN field is emptied either way."""
        pin = self.pin.text()
        self.pin.clear()
        self.message.setText("読み取っています…")
        self.message.repaint()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.person = self.read(pin)
        except CardReadError as exc:
            self.message.setText(glue_tail(exc.message))
            self.pin.setEnabled(not exc.locked)
            self.pin.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
            del pin
        self.accept()
