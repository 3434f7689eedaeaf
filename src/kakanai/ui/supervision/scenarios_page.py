"""The draft's scenarios: run them (in the background), see each one's result, what it expects
beside what the draft gives and the difference; the coverage of the decision table; suggest
scenarios for the rules none reaches and confirm a scenario once checked. Added scenarios
are unconfirmed (``confirmed: false``) and go into the draft's tests file as undoable steps."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.errors import KakanaiError
from kakanai.services.tree_editing import scenarios
from kakanai.services.tree_editing.scenarios import DraftScenarios, Outcome
from kakanai.services.trees.scenario_coverage import with_scenarios
from kakanai.ui.desk.background import Background
from kakanai.ui.supervision.document import TESTS, DraftDocument
from kakanai.ui.supervision.scenario_texts import difference_html, status_of

STATUS_COLORS = {"成功": "#1b5e20", "失敗": "#c62828", "未確認": "#b26a00", "未実行": "#555555"}


class ScenariosPage(QWidget):
    reported = Signal(str)
    ran = Signal()  # results are shown (tests, screenshots)

    def __init__(self, document: DraftDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.result: DraftScenarios | None = None
        self._background = Background(self)
        self._ticket = 0
        self._stale = True
        self.run_button = QPushButton("シナリオを実行(&N)", self)
        self.suggest_button = QPushButton("足りないシナリオを提案(&G)", self)
        self.confirm_button = QPushButton("確認済みにする(&C)", self)
        self.summary = QLabel("シナリオはまだ実行していません。", self)
        self.summary.setObjectName("scenario_summary")
        self.summary.setWordWrap(True)
        self.table = _table(["結果", "行", "シナリオ"], "scenario_table")
        self.details = QTextBrowser(self)
        self.details.setObjectName("scenario_details")
        self.rules = _table(["規則", "手続き", "通るシナリオ", "条件"], "coverage_table")
        # Procedure names can be long: they get a fair width, the rule's words the rest.
        self.rules.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.rules.setColumnWidth(1, 260)
        self._layout()
        self.run_button.clicked.connect(self.run)
        self.suggest_button.clicked.connect(self.suggest)
        self.confirm_button.clicked.connect(self.confirm)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        document.changed.connect(self._on_document_changed)

    # --- running ---

    def run(self) -> None:
        """Run every scenario against the draft as it is now (in the background)."""
        self._stale = False
        self._ticket += 1
        ticket = self._ticket
        draft = self.document.draft
        text, tests, path = draft.text, draft.tests_text, str(draft.path)
        tests_path, today = str(draft.tests_path), self.document.today()
        self.summary.setText("シナリオを実行しています…")
        self._background.run(
            lambda: scenarios.run_scenarios(text, path, tests, tests_path, today),
            lambda result: self._on_ran(ticket, result),
            lambda error: self.reported.emit(f"シナリオを実行できませんでした: {error!r}"),
        )

    def wait_idle(self, msecs: int = 60_000) -> bool:
        return self._background.wait(msecs)

    def _on_ran(self, ticket: int, result: DraftScenarios) -> None:
        if ticket != self._ticket:
            return
        self.result = result
        self.summary.setText(_summary_text(result))
        self._fill_outcomes(result)
        self._fill_rules(result)
        self.ran.emit()

    # --- adding and confirming ---

    def suggest(self) -> None:
        """Scenarios for the rules no scenario reaches, unconfirmed, added to the draft."""
        if self.result is None:
            self.reported.emit("先にシナリオを実行してください。")
            return
        try:
            made = scenarios.suggested(self.result)
        except KakanaiError as exc:
            self.reported.emit(exc.message)
            return
        if not made:
            self.reported.emit("どの規則もシナリオが通っています。提案はありません。")
            return
        self.add(made, f"提案シナリオ {len(made)}件を追加")

    def add(self, made: list[dict[str, object]], step: str) -> None:
        """Append scenarios to the draft's tests (one undoable step) and run them again."""
        draft = self.document.draft
        tree_id = self.document.reading.tree.meta.id
        try:
            after = with_scenarios(draft.tests_text, made, tree_id=tree_id, where=draft.name)
        except KakanaiError as exc:
            self.reported.emit(exc.message)
            return
        self.document.apply(TESTS, after, step)
        self.reported.emit(
            f"{step}しました(未確認: confirmed: false)。確かめてから確認済みにしてください。"
        )

    def confirm(self) -> None:
        """Mark the chosen scenario confirmed (``confirmed: true``): it runs as a test."""
        outcome = self._chosen()
        tests = self.document.tests_text
        if outcome is None or tests is None or outcome.confirmed:
            self.reported.emit("未確認のシナリオを選んでください。")
            return
        try:
            after = scenarios.confirmed(tests, outcome.index)
        except KakanaiError as exc:
            self.reported.emit(exc.message)
            return
        self.document.apply(TESTS, after, f"シナリオ「{outcome.name}」を確認済みにする")

    # --- showing ---

    def _fill_outcomes(self, result: DraftScenarios) -> None:
        self.table.setRowCount(len(result.outcomes))
        for row, outcome in enumerate(result.outcomes):
            status = status_of(outcome)
            cells = [status, str(outcome.line), outcome.name]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setForeground(QBrush(QColor(STATUS_COLORS.get(status, "#000"))))
                self.table.setItem(row, column, item)
        failing = next((i for i, o in enumerate(result.outcomes) if o.passed is False), 0)
        if result.outcomes:
            self.table.setCurrentCell(failing, 2)
            self.table.scrollTo(self.table.model().index(failing, 2))
            self._show_details(failing)
        else:
            self.details.setPlainText("このツリーにはシナリオがありません。")

    def _fill_rules(self, result: DraftScenarios) -> None:
        self.rules.setRowCount(len(result.rules))
        for row, rule in enumerate(result.rules):
            count = f"{len(rule.scenarios)}件" if rule.scenarios else "なし"
            for column, text in enumerate((rule.label, rule.procedure, count, rule.text)):
                item = QTableWidgetItem(text)
                item.setToolTip("\n".join(rule.scenarios) if column == 2 else text)
                if not rule.scenarios:
                    item.setForeground(QBrush(QColor("#c62828")))
                self.rules.setItem(row, column, item)

    def _show_details(self, row: int) -> None:
        outcome = self._chosen(row)
        if outcome is not None:
            self.details.setHtml(difference_html(outcome))
            self.confirm_button.setEnabled(not outcome.confirmed)

    def _chosen(self, row: int | None = None) -> Outcome | None:
        row = self.table.currentRow() if row is None else row
        if self.result is None or not 0 <= row < len(self.result.outcomes):
            return None
        return self.result.outcomes[row]

    def _on_document_changed(self, _which: str) -> None:
        self._stale = True
        if self.isVisible():
            self.run()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.run()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for button in (self.run_button, self.suggest_button, self.confirm_button):
            bar.addWidget(button)
        bar.addStretch(1)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.table)
        top.addWidget(self.details)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        coverage = QWidget(self)
        coverage_layout = QVBoxLayout(coverage)
        coverage_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("規則の網羅(&W): 決定表の規則と、それを通るシナリオ", coverage)
        title.setStyleSheet("font-weight: bold;")
        title.setBuddy(self.rules)
        coverage_layout.addWidget(title)
        coverage_layout.addWidget(self.rules, 1)
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(top)
        body.addWidget(coverage)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)


def _table(headings: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headings)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _summary_text(result: DraftScenarios) -> str:
    if result.problems and result.coverage is None:
        first = result.problems[0]
        return f"下書きに問題があるため、シナリオを実行できません: {first.message}"
    return f"{result.summary}(面談日 {result.as_of:%Y-%m-%d} で判定)"
