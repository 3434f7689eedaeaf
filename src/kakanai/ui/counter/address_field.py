"""The address answer: a postal code fills prefecture, municipality and town (from the city's
own town list, else Japan Post's offline data); a few characters of a town's name or reading
complete it from the city's towns, with its postal code. The clerk types 番地, and the
building unless the city knows it at that 番地 (F2, F3, F4 put it in)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kakanai.services.counter.postal_lookup import PostalAddress
from kakanai.services.counter.towns import Town, TownList
from kakanai.ui.counter.answer_fields import FIELD_STYLE, READING_STYLE, AnswerField

POSTAL_DIGITS = 7
PARTS = (
    ("postal_code", "郵便番号(&Z)", "例: 1000001(入力すると住所が出ます)"),
    ("prefecture", "都道府県(&P)", ""),
    ("municipality", "市区町村(&C)", ""),
    ("town", "町名・丁目(&T)", "読みの数文字で市内の町名が出ます(例: ちゅう)"),
    ("block", "番地・号(&G)", "例: 2番3号"),
    ("building", "建物名・部屋番号(&U)", "例: サンプルハイツ 101号室"),
)
TOWN_ROLE = Qt.ItemDataRole.UserRole + 1
BUILDING_KEYS = ("F2", "F3", "F4")


class AddressField(AnswerField):
    def __init__(self, towns: TownList | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.towns = towns or TownList()
        self.editors: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setVerticalSpacing(8)
        for key, label, placeholder in PARTS:
            editor = QLineEdit(self)
            editor.setStyleSheet(FIELD_STYLE)
            editor.setPlaceholderText(placeholder)
            editor.setMinimumWidth(280)
            editor.textChanged.connect(lambda _text: self.changed.emit())
            caption = QLabel(label, self)
            caption.setBuddy(editor)
            form.addRow(caption, editor)
            self.editors[key] = editor
        self.from_card = False  # the address was read off a My Number card
        self.building_offers: list[str] = []  # the city's buildings at this 番地
        self.building_note = QLabel(self)
        self.building_note.setObjectName("building_offers")
        self.building_note.setWordWrap(True)
        self.building_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.building_note.setStyleSheet(READING_STYLE)
        self.building_note.hide()
        form.addRow("", self.building_note)
        for number, key in enumerate(BUILDING_KEYS):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.take_building(n))
        self.postal_note = QLabel(self)
        self.postal_note.setWordWrap(True)
        self.postal_note.setStyleSheet(READING_STYLE)
        self.town_completer = QCompleter(self)
        self.town_completer.setWidget(self.editors["town"])
        self.town_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.town_completer.setModel(QStandardItemModel(self.town_completer))
        self.town_completer.activated.connect(self._on_town_chosen)
        self.town_popup.setObjectName("town_completions")
        # After QCompleter's own filter (so it runs first): Tab leaves the list without
        # choosing, as it leaves any field; only Enter (or a click) chooses a town.
        self.town_popup.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.postal_note)
        layout.addStretch(1)
        self.editors["postal_code"].textEdited.connect(self._on_postal_code_edited)
        self.editors["town"].textEdited.connect(self._on_town_edited)
        self.editors["town"].textChanged.connect(lambda _text: self._offer_buildings())
        self.editors["block"].textChanged.connect(lambda _text: self._offer_buildings())

    @property
    def town_popup(self) -> QAbstractItemView:
        shown = self.town_completer.popup()
        assert shown is not None
        return shown

    def value(self) -> object:
        return {key: editor.text() for key, editor in self.editors.items()}

    def is_blank(self) -> bool:
        return not any(editor.text().strip() for editor in self.editors.values())

    def set_value(self, value: object) -> None:
        parts = value if isinstance(value, Mapping) else {}
        for key, editor in self.editors.items():
            editor.setText(str(parts.get(key) or ""))

    def focus_first(self) -> None:
        self.editors["postal_code"].setFocus()

    def fill_from_card(self, parts: Mapping[str, str]) -> None:
        """Put in the address read off a My Number card. The card has no postal code: when
        Japan Post does not give the town a single one, the clerk types it, and it is then
        checked against the card's address instead of replacing it."""
        self.from_card = True
        self.set_value(parts)
        if parts.get("postal_code"):
            self.postal_note.setText("カードの住所を入れました。")
        else:
            self.postal_note.setText(
                "カードの住所を入れました。郵便番号を入力してください(カードにはありません)。"
            )

    # --- the postal code ---

    def _on_postal_code_edited(self, text: str) -> None:
        digits = sum(ch.isdigit() for ch in text)
        if digits < POSTAL_DIGITS:
            self.postal_note.clear()
            return
        found = self.towns.address_of(text)
        if self.from_card and self.editors["municipality"].text().strip():
            self._check_against_card(found)
            return
        if found is None:
            self.postal_note.setText("この郵便番号は見つかりません。住所を入力してください。")
            return
        self.fill(found)
        several = self.towns.by_postal_code(text)
        if len(several) > 1:
            self.show_towns(several)

    def _check_against_card(self, found: PostalAddress | None) -> None:
        """A postal code typed for an address read off a card: the card's address stays; a
        code of another municipality is pointed out."""
        if found is None:
            self.postal_note.setText("この郵便番号は見つかりません。番号を確かめてください。")
            return
        self.editors["postal_code"].setText(found.postal_code)
        here = (self.editors["prefecture"].text(), self.editors["municipality"].text())
        if found.municipality and (found.prefecture, found.municipality) != here:
            self.postal_note.setText(
                f"郵便番号 {found.postal_code} は{found.prefecture}{found.municipality}の番号です。"
                "カードの住所と違います。確かめてください。"
            )
            return
        self.postal_note.setText("カードの住所と郵便番号を入れました。")

    def fill(self, found: PostalAddress) -> None:
        """Fill what the code tells and put the cursor where the clerk goes on typing."""
        self.editors["prefecture"].setText(found.prefecture)
        self.editors["municipality"].setText(found.municipality)
        self.editors["town"].setText(found.town)
        several = len(found.towns) > 1
        self.editors["postal_code"].setText(found.postal_code)
        note = (
            f"町名の候補: {'、'.join(found.towns)}。" if several else f"{found.line} を入れました。"
        )
        self.postal_note.setText(note + " 番地と建物名を入力してください。")
        if not found.municipality:
            self.editors["municipality"].setFocus()
        elif not found.town:
            self.editors["town"].setFocus()
        else:
            self.editors["block"].setFocus()

    # --- the town, completed from the city's towns ---

    def _on_town_edited(self, text: str) -> None:
        """Complete from the city's towns unless the address is in another municipality."""
        municipality = self.editors["municipality"].text().strip()
        if municipality and municipality not in {t.municipality for t in self.towns.towns}:
            return
        self.show_towns(self.towns.completing(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.town_popup and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in {Qt.Key.Key_Tab, Qt.Key.Key_Backtab}:
                self.town_popup.hide()
                backwards = event.key() == Qt.Key.Key_Backtab
                self.editors["municipality" if backwards else "block"].setFocus()
                return True
        return super().eventFilter(watched, event)

    def show_towns(self, towns: Sequence[Town]) -> None:
        """List ``towns`` under the town field (↑/↓ and Enter choose one; Esc closes)."""
        model = self.town_completer.model()
        assert isinstance(model, QStandardItemModel)
        model.clear()
        for town in towns:
            item = QStandardItem(town.shown)
            item.setData(town, TOWN_ROLE)
            model.appendRow(item)
        if not towns:
            self.town_popup.hide()
            return
        self.town_completer.complete()
        self.town_popup.setCurrentIndex(self.town_completer.completionModel().index(0, 0))

    def choose_town(self, town: Town) -> None:
        """Fill the address up to the town from ``town`` and go on to 番地."""
        self.town_popup.hide()
        self.editors["postal_code"].setText(town.postal_code)
        self.editors["prefecture"].setText(town.prefecture)
        self.editors["municipality"].setText(town.municipality)
        self.editors["town"].setText(town.town)
        line = f"{town.prefecture}{town.municipality} {town.town}"
        self.postal_note.setText(f"{line} を入れました。 番地と建物名を入力してください。")
        self.editors["block"].setFocus()

    # --- the building, offered when the city knows it at this 番地 ---

    def _offer_buildings(self) -> None:
        town = self.editors["town"].text().strip()
        municipality = self.editors["municipality"].text().strip()
        known = {t.municipality for t in self.towns.towns}
        found = self.towns.buildings_at(town, self.editors["block"].text())
        self.building_offers = found[: len(BUILDING_KEYS)] if municipality in known else []
        offered = "  ".join(
            f"{key} {name}" for key, name in zip(BUILDING_KEYS, self.building_offers, strict=False)
        )
        self.building_note.setText(f"この番地の建物: {offered}" if offered else "")
        self.building_note.setVisible(bool(offered))

    def take_building(self, number: int) -> None:
        """Put the ``number``-th offered building in, the cursor after it for the room."""
        if number >= len(self.building_offers):
            return
        editor = self.editors["building"]
        editor.setText(self.building_offers[number])
        editor.setFocus()
        editor.end(False)

    def _on_town_chosen(self, shown: str) -> None:
        model = self.town_completer.model()
        assert isinstance(model, QStandardItemModel)
        found = model.findItems(shown)
        town = found[0].data(TOWN_ROLE) if found else None
        if isinstance(town, Town):
            self.choose_town(town)
