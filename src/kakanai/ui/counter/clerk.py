"""A clerk at the keyboard, for `kakanai bench counter` and the GUI tests: answers the question
on screen the way a clerk types it, always into the widget that has the focus, and counts
every key event (typed characters apart from other keys such as Enter and Tab)."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QWidget

from kakanai.core.japanese.values import (
    ValueFormatError,
    format_wareki_compact,
    normalize_katakana,
    parse_date,
)
from kakanai.core.trees.model import QuestionType
from kakanai.ui.counter.address_field import AddressField
from kakanai.ui.counter.answer_fields import ChoiceField, LineField
from kakanai.ui.counter.household_table import HouseholdTable
from kakanai.ui.counter.member_field import MemberField
from kakanai.ui.counter.pick_edit import PickEdit
from kakanai.ui.counter.view import CounterView

CLICK_MS = 150
ACTIVATE_MS = 2000
EVENTS = "@events"  # in a clerk's answers: the life events of the visit (tree ids)
MAX_TABS = 40  # a field further than this from the focus is a broken tab order
MOVING_ON = "(次へ・イベント選択)"  # keys charged to no field: Enter, the events' digits
CARD_KEYS = "(マイナンバーカード: Ctrl+M と暗証番号)"
_WORD_BREAKS = re.compile(r"([ \u3000])")  # a name's words, the spaces kept between them
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


@dataclass
class Keyboard:
    """Sends keys to the focused widget and counts them. Japanese characters are committed
    the way an input method commits them (one event per character: a real IME needs more
    keys, for the reading and the conversion)."""

    typed: int = 0
    other: int = 0
    log: list[str] = field(default_factory=list)
    window: QWidget | None = None  # whose focus to use when no window is active
    # What the keys are for (a question id, ``address.town``, ``household.name``) and the
    # keys charged to each: typed characters and other keys.
    charged_to: str = ""
    by_field: dict[str, list[int]] = field(default_factory=dict)

    @property
    def events(self) -> int:
        return self.typed + self.other

    def _charge(self, *, typed: bool) -> None:
        counts = self.by_field.setdefault(self.charged_to or MOVING_ON, [0, 0])
        counts[0 if typed else 1] += 1

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        if widget is None and self.window is not None:
            widget = self.window.focusWidget()
        if widget is None:
            raise AssertionError("nothing has the keyboard focus")
        return widget

    def type(self, text: str, readings: Mapping[str, str] | None = None) -> None:
        """Type ``text``; its words in ``readings`` through the input method (composed from
        their reading, then converted and committed), the rest a character at a time."""
        for word in _WORD_BREAKS.split(text) if readings else [text]:
            reading = (readings or {}).get(word)
            if reading and isinstance(self.focus(), QLineEdit):
                self.compose(word, reading)
            else:
                self._type_characters(word)

    def compose(self, text: str, reading: str) -> None:
        """What an input method sends while ``text`` is typed as its ``reading``: the
        preedit growing kana by kana, the conversion, the commit. Counted as the characters
        committed, as text typed otherwise is (the reading and conversion keys a real input
        method needs are not counted for any Japanese text)."""
        widget = self.focus()
        for end in range(1, len(reading) + 1):
            QApplication.sendEvent(widget, QInputMethodEvent(reading[:end], []))
        QApplication.sendEvent(widget, QInputMethodEvent(text, []))
        commit = QInputMethodEvent()
        commit.setCommitString(text)
        QApplication.sendEvent(widget, commit)
        for _ in text:
            self.typed += 1
            self._charge(typed=True)

    def _type_characters(self, text: str) -> None:
        for char in text:
            self.typed += 1
            self._charge(typed=True)
            widget = self.focus()
            if char.isascii():
                QTest.keyClicks(widget, char)
            elif isinstance(widget, QLineEdit):
                commit = QInputMethodEvent()
                commit.setCommitString(char)
                QApplication.sendEvent(widget, commit)
            else:
                event = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.other += 1
        self._charge(typed=False)
        self.log.append(str(key))
        before = self.focus()
        # An open list (a completion) takes the keys, as Qt hands them to the popup.
        QTest.keyClick(QApplication.activePopupWidget() or before, key, modifier)
        if modifier & Qt.KeyboardModifier.AltModifier and self.focus() is before:
            QTest.qWait(CLICK_MS)  # a button's mnemonic clicks it after a short animation

    def tab_to(self, target: QWidget) -> None:
        """Tab (or Shift+Tab when it is behind) until ``target`` (or a widget inside it)
        has the focus."""
        window = target.window()
        # A closed popup (the town list) leaves its window inactive on a platform without a
        # window manager (offscreen), and Tab then moves no focus there; a window manager
        # gives the window back by itself, and this does what it would.
        _activate(window)
        focused = self.focus()
        if focused is target or target.isAncestorOf(focused):
            return
        backwards = _is_before(target, focused)
        mnemonic = _mnemonic_of(target)
        if mnemonic and _tabs_between(focused, target, backwards=backwards) > 1:
            key = Qt.Key(ord(mnemonic.upper()))
            self.press(key, Qt.KeyboardModifier.AltModifier)
        for _ in range(MAX_TABS):
            focused = self.focus()
            if focused is target or target.isAncestorOf(focused):
                return
            modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier(0)
            self.press(Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, modifier)
        raise AssertionError(f"Tab never reached {target.objectName() or type(target).__name__}")


def _activate(window: QWidget) -> None:
    """Make ``window`` the active one, as a window manager would. Offscreen there is none,
    and ``activateWindow`` (what Qt's deprecation names instead) does nothing there."""
    if QApplication.activeWindow() is not window:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(window)


def _mnemonic_of(target: QWidget) -> str:
    """The letter of the label that leads to ``target`` (its buddy), if it has one."""
    window = target.window()
    for label in window.findChildren(QLabel):
        found = re.search(r"&([0-9A-Za-z])", label.text())
        # Only a label with a mnemonic leads anywhere (and most labels have no buddy, whose
        # None PySide 6.12 hands out without a reference: ui/pyside_workarounds.py).
        if found and label.isVisible() and label.buddy() is target:
            return found[1]
    return ""


def _tabs_between(focused: QWidget, target: QWidget, *, backwards: bool) -> int:
    """How many Tab (or Shift+Tab) presses go from ``focused`` to ``target``."""
    count = 0
    widget: QWidget = focused
    for _ in range(MAX_TABS * 4):
        step = widget.previousInFocusChain() if backwards else widget.nextInFocusChain()
        if step is None or step is focused:
            return MAX_TABS
        widget = step
        if widget is focused:
            return MAX_TABS
        if widget is target or target.isAncestorOf(widget):
            return count + 1
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            count += 1
    return MAX_TABS


def _is_before(target: QWidget, focused: QWidget) -> bool:
    """Whether ``target`` comes before ``focused`` in the tab chain."""
    widget: QWidget | None = focused.previousInFocusChain()
    for _ in range(MAX_TABS):
        if widget is None or widget is focused:
            return False
        if widget is target or target.isAncestorOf(widget):
            return True
        widget = widget.previousInFocusChain()
    return False


class Cards(Protocol):
    """The household's My Number cards, in the order of the household's members: the
    resident puts card ``index`` on the reader and types its PIN."""

    def __len__(self) -> int: ...

    def present(self, index: int) -> None: ...

    def pin(self, index: int) -> str: ...


class Clerk:
    """Answers the questions of ``view`` from raw answers (question id → raw value), page by
    page, using what each page offers (a digit per choice, F2 for 世帯主と同じ, the
    surname a new household row starts with). The life events of the visit are the answers'
    ``@events`` (a list of tree ids; absent: the events checked by default). Given the
    household's ``cards``, the clerk reads them (Ctrl+M, the resident's PIN) into the first
    address not typed yet and into the household's rows, and types what they leave."""

    def __init__(
        self, view: CounterView, keyboard: Keyboard | None = None, cards: Cards | None = None
    ) -> None:
        self.view = view
        self.keys = keyboard or Keyboard(window=view.window())
        self.screens = 0
        self.answers: Mapping[str, Any] = {}  # of the page being typed
        self.cards = cards
        self.cards_read: set[int] = set()

    def read_card(self, index: int) -> None:
        """The resident puts card ``index`` on the reader, the clerk presses Ctrl+M and the
        resident types the PIN (its fourth digit reads the card)."""
        charged, self.keys.charged_to = self.keys.charged_to, CARD_KEYS
        assert self.cards is not None
        self.cards.present(index)
        _activate(self.view.window())  # a shortcut needs its window active
        self.keys.press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        dialog = self.view.card_dialog
        if dialog is None:
            raise AssertionError("Ctrl+M opened no card dialog")
        _activate(dialog)  # no window manager offscreen activates the dialog it opened
        dialog.pin.setFocus()
        self.keys.type(self.cards.pin(index))
        if self.view.card_dialog is not None:
            raise AssertionError(f"the card was not read: {dialog.message.text()}")
        _activate(self.view.window())  # what a window manager does when the dialog closes
        self.cards_read.add(index)
        self.keys.charged_to = charged

    def answer_all(self, answers: Mapping[str, Any]) -> None:
        """Choose the events (when the list is on screen), then answer every page until
        the summary is on screen."""
        events_page = getattr(self.view, "events_page", None)  # the preview has none
        if events_page is not None and self.view.pages.currentWidget() is events_page:
            self.screens += 1
            self.choose_events(answers.get(EVENTS))
        while (current := self.view.current_question_id()) is not None:
            self.screens += 1
            self.answer_page(answers)
            if self.view.current_question_id() == current:
                page = self.view.question_page
                problems = [b.problem.text() for b in page.blocks if b.problem.text()]
                raise AssertionError(f"{current}: the page did not move on: {problems}")
        self.screens += 1  # the summary

    def choose_events(self, wanted: object) -> None:
        """Check exactly the ``wanted`` events by their digits (None: keep the default)
        and press Enter."""
        page = self.view.events_page
        window = self.view.window()
        if not window.isActiveWindow():  # keys go to the active window's focus
            window.activateWindow()
            QTest.qWaitForWindowActive(window, ACTIVATE_MS)
        focused = QApplication.focusWidget()
        if focused is None or not page.isAncestorOf(focused):
            page.focus_first()  # where the view put it when it showed the page
        if isinstance(wanted, list | tuple):
            for number, (event_id, box) in enumerate(zip(page.ids, page.boxes, strict=True)):
                if box.isChecked() != (event_id in wanted):
                    self.keys.type(str(number + 1))
        self.keys.press(Qt.Key.Key_Return)

    def answer_page(self, answers: Mapping[str, Any]) -> None:
        """Type the answers of every question shown on the page, then press Enter."""
        self.type_page(answers)
        self.keys.press(Qt.Key.Key_Return)

    def type_page(self, answers: Mapping[str, Any]) -> None:
        page = self.view.question_page
        self.answers = answers
        done: set[str] = set()
        while True:
            blocks = [b for b in page.blocks if not b.isHidden() and b.question.id not in done]
            if not blocks:
                self.keys.charged_to = ""
                return
            block = blocks[0]
            done.add(block.question.id)
            self.keys.charged_to = block.question.id
            self.answer(block.field, answers.get(block.question.id))

    def answer(self, field_: QWidget, raw: object) -> None:
        """Type one answer into its widget (without moving on)."""
        if isinstance(field_, ChoiceField):
            self.choose(field_, raw)
        elif isinstance(field_, LineField):
            self.line(field_, "" if raw is None else str(raw))
        elif isinstance(field_, AddressField):
            self.address(field_, raw if isinstance(raw, Mapping) else {})
        elif isinstance(field_, HouseholdTable):
            self.household(field_, raw if isinstance(raw, list) else [])
        elif isinstance(field_, MemberField):
            self.members(field_, raw if isinstance(raw, list) else [])
        else:
            raise TypeError(f"no clerk for {type(field_).__name__}")

    def members(self, field_: MemberField, answers: list[Any]) -> None:
        """Each asked member's answer in their row (a digit moves on to the next member)."""
        for index, raw in enumerate(answers):
            row = field_.field_of(index)
            if row is not None and raw is not None:
                self.answer(row, raw)

    def choose(self, field_: ChoiceField, raw: object) -> None:
        if isinstance(raw, bool):
            raw = "はい" if raw else "いいえ"
        wanted = raw if isinstance(raw, list) else [raw]
        if raw is None or not field_.buttons:
            return
        if not field_.isAncestorOf(self.keys.focus()):
            self.keys.tab_to(field_)
        if field_.value() == raw:
            return
        for value in wanted:
            self.keys.type(str(field_.values.index(str(value)) + 1))

    def line(self, field_: LineField, text: str) -> None:
        """An offer (F2, F3) when it is the answer or nearly (a few characters off its
        end); digits alone for a phone number (the field takes them without hyphens)."""
        if field_.question.type is QuestionType.PHONE:
            text = "".join(ch for ch in text if ch.isdigit()) or text
        if field_.question.type is QuestionType.DATE:
            text = shortest_date(text, field_.near)
        for key, button in zip(field_.offer_keys, field_.offer_buttons, strict=True):
            offered = button.toolTip()
            if text and field_.editor.text() != text and _near(offered, text):
                self.keys.press(Qt.Key(Qt.Key.Key_F1 + key - 1))  # from anywhere on the page
                for _ in range(len(offered) - len(text)):
                    self.keys.press(Qt.Key.Key_Backspace)
                self.keys.type(text[len(offered) :])
                return
        if field_.question.type is QuestionType.KATAKANA and _same_kana(text, field_.editor.text()):
            return  # the name's reading filled it
        self.fill(field_.editor, text, self.readings_of(field_, text))

    def readings_of(self, field_: LineField, name: str) -> dict[str, str]:
        """A name's readings, when its kana (``applicant_name``, ``applicant_kana``) is on
        the page: the clerk types the name through the input method."""
        question = field_.question.id
        kana_id = question.removesuffix("_name") + "_kana"
        kana = self.answers.get(kana_id)
        on_page = self.view.question_page.block_of(kana_id) is not None
        if question.endswith("_name") and isinstance(kana, str) and on_page:
            return name_readings(name, kana)
        return {}

    def fill(self, editor: QWidget, text: str, readings: Mapping[str, str] | None = None) -> None:
        """Put ``text`` in ``editor``: go there, and type it unless it is there already;
        after a prefilled start (a surname) only the rest is typed. The words of
        ``readings`` (a name's) go through the input method, composed from their reading."""
        current = _text_of(editor)
        if current == text:
            return
        if self.keys.focus() is not editor:
            self.keys.tab_to(editor)  # Tab selects a line's text, so typing replaces it
        if isinstance(editor, QLineEdit) and current and text.startswith(current):
            if editor.hasSelectedText():
                self.keys.press(Qt.Key.Key_End)  # 常盤 → 常盤一丁目: only the rest is typed
            self.keys.type(text[len(current) :], readings)
            return
        rest = _after_prefill(editor, text)
        if rest is not None:
            self.keys.type(rest, readings)
            return
        if isinstance(editor, QLineEdit) and editor.text() and not editor.hasSelectedText():
            self.keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        if not text:
            self.keys.press(Qt.Key.Key_Delete)
            return
        self.keys.type(text, readings)

    def address(self, field_: AddressField, address: Mapping[str, Any]) -> None:
        """The postal code's digits first (the rest fills in), then what differs. The first
        card, not read yet, fills the first address not typed yet (where the resident lives
        now)."""
        question = self.keys.charged_to
        if self.cards and 0 not in self.cards_read and field_.is_blank():
            self.read_card(0)
        postal = str(address.get("postal_code", ""))
        self.keys.charged_to = f"{question}.postal_code"
        self.fill(field_.editors["postal_code"], "".join(c for c in postal if c.isdigit()))
        self.keys.charged_to = f"{question}.town"
        self.pick_town(field_, str(address.get("town") or ""))
        for key, editor in field_.editors.items():
            if key != "postal_code":
                self.keys.charged_to = f"{question}.{key}"
                wanted = str(address.get(key) or "")
                if key != "building" or not self.take_building(field_, wanted):
                    self.fill(editor, wanted)
        self.keys.charged_to = question

    def take_building(self, field_: AddressField, wanted: str) -> bool:
        """The building the field offers at this 番地 (F2…) when the answer starts with
        it, then the room; False when none is the answer's."""
        for number, name in enumerate(field_.building_offers):
            if wanted.startswith(name) and field_.editors["building"].text() != wanted:
                self.keys.press(Qt.Key(Qt.Key.Key_F2 + number))
                self.keys.type(wanted[len(name) :])
                return True
        return False

    def pick_town(self, field_: AddressField, town: str) -> None:
        """When a postal code of several towns lists them: ↓ to the town and Enter (Esc
        when it is not listed)."""
        popup = field_.town_popup
        if not popup.isVisible():
            return
        model = popup.model()
        shown = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
        found = [row for row, text in enumerate(shown) if text.startswith(f"{town}(")]
        if not found:
            self.keys.press(Qt.Key.Key_Escape)
            return
        for _ in range(found[0] - max(popup.currentIndex().row(), 0)):
            self.keys.press(Qt.Key.Key_Down)
        self.keys.press(Qt.Key.Key_Return)

    def household(self, table: HouseholdTable, members: list[Any]) -> None:
        question = self.keys.charged_to
        for number, member in enumerate(members):
            if self.cards and number < len(self.cards):
                if number not in self.cards_read or number >= len(table.rows):
                    self.read_card(number)  # into the row being typed, else a new one
            elif number >= len(table.rows):
                self.keys.charged_to = f"{question}.new_row"
                self.keys.tab_to(table.rows[-1].relationship)
                self.keys.press(Qt.Key.Key_Tab)  # Tab at the end of the last row adds one
            row = table.rows[number]
            kana = str(member.get("kana", ""))
            for key, editor in row.editors.items():
                self.keys.charged_to = f"{question}.{key}"
                wanted = str(member.get(key, ""))
                if key == "birth_date":
                    if _same_day(wanted, editor.text()):
                        continue  # read off the card
                    wanted = shortest_date(wanted)
                if isinstance(editor, PickEdit):
                    self.pick(editor, wanted)
                elif key == "name":
                    self.fill(editor, wanted, name_readings(wanted, kana))
                elif key != "kana" or not _same_kana(wanted, editor.text()):
                    self.fill(editor, wanted)  # unless the name's reading filled the kana
        self.keys.charged_to = question

    def pick(self, editor: PickEdit, value: str) -> None:
        """A digit picks a listed value; others are typed."""
        if editor.text() == value:
            return
        if self.keys.focus() is not editor:
            self.keys.tab_to(editor)
        values = [p.value for p in editor.picks]
        if value in values[:9]:
            self.keys.type(str(values.index(value) + 1))
        else:
            self.keys.type(value)


def name_readings(name: str, kana: str) -> dict[str, str]:
    """Each word of ``name`` and its reading in hiragana (what the clerk types into the
    input method), from the words of ``kana``; none when the words do not pair up, nor for
    a word in romaji."""
    words = name.replace("\u3000", " ").split()
    try:
        readings = normalize_katakana(kana).split("\u3000")
    except ValueFormatError:
        return {}
    if len(words) != len(readings):
        return {}
    hiragana = (reading.translate(_KATAKANA_TO_HIRAGANA) for reading in readings)
    # A name in romaji (a foreign resident's) is typed with the input method off: no reading.
    return {
        word: reading for word, reading in zip(words, hiragana, strict=True) if not word.isascii()
    }


def shortest_date(text: str, near: dt.date | None = None) -> str:
    """A date the way a quick clerk types it: era and six digits (S570510) when that is no
    longer and reads as the same day (a whole one moves on by itself in the household), or
    the month and day alone (1115) for a day near ``near`` where the field takes it;
    anything unreadable as it is (its error is shown)."""
    try:
        day = parse_date(text, near=near)
        compact = format_wareki_compact(day)
    except ValueFormatError:
        return text
    if near is not None and _reads_as(short := f"{day.month:02d}{day.day:02d}", near, day):
        compact = short
    return compact if len(compact) <= len(text) and _reads_as(compact, near, day) else text


def _reads_as(typed: str, near: dt.date | None, day: dt.date) -> bool:
    try:
        return parse_date(typed, near=near) == day
    except ValueFormatError:
        return False


def _near(offered: str, wanted: str) -> bool:
    """Whether ``wanted`` is ``offered`` with at most a few characters changed at the end."""
    shorter = min(len(offered), len(wanted))
    same_start = offered[:shorter] == wanted[:shorter]
    return same_start and abs(len(offered) - len(wanted)) <= 4


def _after_prefill(editor: QWidget, text: str) -> str | None:
    """What is left to type after the prefilled start the cursor stands behind, if the
    editor holds one that ``text`` begins with (the same words, in any kana width)."""
    if not isinstance(editor, QLineEdit) or not editor.text() or editor.hasSelectedText():
        return None
    start = editor.text()
    if text.startswith(start):
        return text[len(start) :]
    words = text.replace("\u3000", " ").split(" ", 1)
    shown = start.replace("\u3000", " ").split(" ", 1)
    if len(words) == 2 and len(shown) == 2 and not shown[1] and _same_kana(words[0], shown[0]):
        return words[1]
    return None


def _same_day(wanted: str, shown: str) -> bool:
    try:
        return bool(shown) and parse_date(wanted) == parse_date(shown)
    except ValueFormatError:
        return False


def _same_kana(typed: str, shown: str) -> bool:
    try:
        return normalize_katakana(typed) == normalize_katakana(shown)
    except ValueFormatError:
        return False


def _text_of(editor: QWidget) -> str:
    if isinstance(editor, QComboBox):
        return editor.currentText()
    if isinstance(editor, QLineEdit):
        return editor.text()
    return ""
