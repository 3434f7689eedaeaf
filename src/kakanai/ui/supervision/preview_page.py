"""The preview: the draft run in the counter's own wizard widgets (a real Interview over the
draft's runtime, no case stored; one question a page, so each can explain itself), with why
the question on screen is asked and why each procedure applies or does not. An edit of the
draft shows at once: the answers given so far are carried over where the edited tree still
takes them."""

from __future__ import annotations

import datetime as dt
import html
import re

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.errors import KakanaiError
from kakanai.core.trees.interview import Interview
from kakanai.services.counter.display import (
    help_texts,
    live_procedures,
    member_lines,
    offers,
    path_steps,
)
from kakanai.services.tree_editing import explaining
from kakanai.services.tree_editing.diagnostics import ordered
from kakanai.services.tree_editing.scenarios import checked_runtime
from kakanai.ui.counter.question_page import QuestionPage
from kakanai.ui.counter.side_panel import SidePanel
from kakanai.ui.supervision.document import TREE, DraftDocument

VERDICT_COLORS = {True: "#1b5e20", None: "#555555", False: "#8a8a8a"}
TAB_LETTERS = "EVSRZ"  # the mode's tabs (view._build_tabs): Alt+E/V/S/R/Z stay theirs
MNEMONIC = re.compile(r"\(&([0-9A-Za-z])\)")


class PreviewPage(QWidget):
    save_requested = Signal()  # "save this preview as a scenario"

    def __init__(self, document: DraftDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.interview: Interview | None = None
        self._stale = True
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        day_label = QLabel("面談日(&D)", self)
        day_label.setBuddy(self.day)
        self.restart_button = QPushButton("最初から(&T)", self)
        self.save_button = QPushButton("このプレビューをシナリオとして保存(&P)…", self)
        self.save_button.setEnabled(False)
        self.question_page = QuestionPage(self)
        self.finished = QLabel(self)
        self.finished.setObjectName("preview_finished")
        self.finished.setWordWrap(True)
        self.finished.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.finished.setStyleSheet("font-size: 14pt; padding: 24px;")
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.question_page)
        self.pages.addWidget(self.finished)
        self.side_panel = SidePanel(self)
        self.reasons = QTextBrowser(self)
        self.reasons.setObjectName("preview_reasons")
        self.reasons.setOpenLinks(False)
        self._layout(day_label)
        self.restart_button.clicked.connect(self.restart)
        self.save_button.clicked.connect(self.save_requested)
        self.day.dateChanged.connect(lambda _date: self.rebuild(carry=True))
        self.question_page.answers_given.connect(self._on_answers_given)
        self.question_page.back_requested.connect(self._on_back)
        self.side_panel.step_chosen.connect(self._on_step_chosen)
        document.changed.connect(self._on_document_changed)
        document.opened.connect(self._on_opened)
        self._on_opened()

    # --- running the draft ---

    def restart(self) -> None:
        """Start the preview interview again from the first question."""
        self.rebuild(carry=False)
        self.question_page.setFocus()

    def rebuild(self, *, carry: bool) -> None:
        """Run the draft as it is now; keep the answers given so far when ``carry``."""
        self._stale = False
        runtime, problems = checked_runtime(self.document.text, str(self.document.draft.path))
        if runtime is None:
            self.interview = None
            self._show_not_ready([p.message for p in ordered(problems)[:3]])
            return
        try:
            fresh = Interview(runtime, self.as_of())
        except KakanaiError as exc:
            self.interview = None
            self._show_not_ready([exc.message])
            return
        self.interview = explaining.carried_over(self.interview if carry else None, fresh)
        self.refresh()

    def current_question_id(self) -> str | None:
        """The question on screen (None when finished or not ready), as the counter says it."""
        if self.interview is None or self.pages.currentWidget() is not self.question_page:
            return None
        current = self.interview.current
        return current.id if current else None

    def as_of(self) -> dt.date:
        chosen = self.day.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    def refresh(self) -> None:
        interview = self.interview
        if interview is None:
            return
        self.side_panel.show_path(path_steps(interview))
        self.side_panel.show_procedures(live_procedures(interview.values()))
        question = interview.current
        self.save_button.setEnabled(question is None)
        if question is None:
            self.finished.setText(
                "すべての設問に答えました。右に、案内される手続きとその理由があります。\n"
                "「このプレビューをシナリオとして保存」で、この回答をテストシナリオにできます。"
            )
            self.pages.setCurrentWidget(self.finished)
        else:
            page = self.question_page
            page.current_id = question.id
            page.show_page(
                (question,),
                section=interview.runtime.tree.section_of(question).title,
                filled={question.id: interview.remembered(question.id)},
                as_of=interview.as_of,
                offers=offers(interview, (question,)),
                members={question.id: member_lines(interview, question)}
                if question.per_member
                else None,
            )
            page.set_shown([question.id], help_texts([(question, interview.values())]))
            drop_mnemonics(page, TAB_LETTERS)
            self.pages.setCurrentWidget(page)
        self._show_reasons(interview)

    def _show_reasons(self, interview: Interview) -> None:
        parts = []
        question = interview.current
        if question is not None:
            asked = html.escape(explaining.asked_because(interview, question))
            parts.append(f"<h3>この設問を聞く理由</h3><p>{asked}</p>")
        parts.append("<h3>手続きごとの理由</h3>")
        for why in explaining.procedures(interview):
            color = VERDICT_COLORS[why.holds]
            parts.append(
                f"<p style='color:{color}'><b>{html.escape(why.verdict)}: "
                f"{html.escape(why.heading)}</b><br>{html.escape(why.text)}</p>"
            )
        self.reasons.setHtml("".join(parts))

    def _show_not_ready(self, messages: list[str]) -> None:
        shown = "\n".join(f"・{m}" for m in messages)
        self.finished.setText(f"下書きに問題があるため、プレビューできません。\n{shown}")
        self.pages.setCurrentWidget(self.finished)
        self.side_panel.show_path([])
        self.side_panel.show_procedures([])
        self.reasons.clear()
        self.save_button.setEnabled(False)

    # --- the wizard's signals ---

    def _on_answers_given(self, typed: dict[str, object]) -> None:
        interview = self.interview
        if interview is None or interview.current is None:
            return
        try:
            interview.answer(typed.get(interview.current.id))
        except KakanaiError as exc:
            self.question_page.show_error(f"{exc.message}  [{exc.code.code}]")
            return
        self.refresh()

    def _on_back(self) -> None:
        if self.interview is not None:
            self.interview.back()
            self.refresh()

    def _on_step_chosen(self, question_id: str) -> None:
        if self.interview is not None:
            explaining.go_back_to(self.interview, question_id)
            self.refresh()

    def _on_document_changed(self, which: str) -> None:
        if which != TREE:
            return
        if self.isVisible():
            self.rebuild(carry=True)
        else:
            self._stale = True

    def _on_opened(self) -> None:
        today = self.document.today()
        day = explaining.preview_date(self.document.reading.tree.meta, today)
        self.day.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.day.blockSignals(False)
        self.interview = None
        self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.rebuild(carry=True)
        if self.pages.currentWidget() is self.question_page:
            self.question_page.focus_first()  # the keys go to the wizard, as at the counter

    def _layout(self, day_label: QLabel) -> None:
        bar = QHBoxLayout()
        bar.addWidget(day_label)
        bar.addWidget(self.day)
        bar.addWidget(self.restart_button)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.side_panel)
        reasons = QWidget(self)
        reasons_layout = QVBoxLayout(reasons)
        reasons_layout.setContentsMargins(8, 0, 8, 0)
        title = QLabel("理由(&W)", reasons)
        title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        title.setBuddy(self.reasons)
        reasons_layout.addWidget(title)
        reasons_layout.addWidget(self.reasons, 1)
        side.addWidget(reasons)
        side.setStretchFactor(0, 2)
        side.setStretchFactor(1, 3)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self.pages)
        body.addWidget(side)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addLayout(bar)
        layout.addWidget(body, 1)


def drop_mnemonics(widget: QWidget, letters: str) -> None:
    """The counter's labels whose Alt+letter is one of the mode's tabs lose it here (the
    household's 氏名(&S) would otherwise switch to シナリオ at times): Tab still reaches them."""
    for label in widget.findChildren(QLabel):
        text = label.text()
        found = MNEMONIC.search(text)
        if found and found[1].upper() in letters:
            label.setText(text.replace(found[0], ""))
