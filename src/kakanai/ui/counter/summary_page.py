"""The summary after the last answer: the people concerned and the answers given for each of
them, then the procedures of every event of the visit by department with their reasons, what
to bring and the members concerned (the slip's own content), and the slip's buttons."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.slip.content import SlipContent, SlipDepartment, SlipRow
from kakanai.services.counter.display import MemberAnswers

TITLE_STYLE = "font-size: 19pt; font-weight: bold;"
BUTTON_STYLE = "font-size: 12pt; padding: 6px 8px;"
# Keys that scroll the summary wherever the focus is on the page (the buttons take none).
SCROLL_KEYS = {
    Qt.Key.Key_PageDown: QAbstractSlider.SliderAction.SliderPageStepAdd,
    Qt.Key.Key_PageUp: QAbstractSlider.SliderAction.SliderPageStepSub,
    Qt.Key.Key_Down: QAbstractSlider.SliderAction.SliderSingleStepAdd,
    Qt.Key.Key_Up: QAbstractSlider.SliderAction.SliderSingleStepSub,
}


class SummaryPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("ご案内する手続き", self)
        self.title.setStyleSheet(TITLE_STYLE)
        self.case_label = QLabel(self)
        self.case_label.setStyleSheet("font-size: 12pt;")
        self.case_label.setWordWrap(True)  # never wider than the window
        self.body = QTextBrowser(self)
        self.body.setObjectName("summary_body")
        self.body.setStyleSheet("font-size: 13pt;")
        body_label = QLabel("案内の内容(&V)  PageUp / PageDown で送れます", self)
        body_label.setWordWrap(True)
        body_label.setBuddy(self.body)
        body_label.setStyleSheet("color: #444;")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c00000; font-size: 12pt; font-weight: bold;")
        self.print_slip = QPushButton("案内票を印刷(&P)", self)
        self.save_slip = QPushButton("PDFで保存(&S)", self)
        self.print_form = QPushButton("住民異動届を印刷(&R)", self)
        self.new_interview = QPushButton("新しい面談(&N)", self)
        buttons = QHBoxLayout()
        for button in (self.print_slip, self.save_slip, self.print_form):
            button.setStyleSheet(BUTTON_STYLE)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.new_interview.setStyleSheet(BUTTON_STYLE)
        heading = QHBoxLayout()  # the next interview is another kind of action: apart
        heading.addWidget(self.title, 1)
        heading.addWidget(self.new_interview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 12, 8)
        layout.addLayout(heading)
        layout.addWidget(self.case_label)
        layout.addWidget(body_label)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def show_content(self, content: SlipContent, answers: Sequence[MemberAnswers] = ()) -> None:
        self.case_label.setText(
            f"受付番号 {content.case_id} ・ {content.resident}({content.resident_kana})"
            f" ・ {content.summary}"
        )
        self.body.setHtml(summary_html(content, answers))
        self.print_slip.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        action = SCROLL_KEYS.get(Qt.Key(event.key()))
        if action is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.body.verticalScrollBar().triggerAction(action)
            event.accept()
            return
        super().keyPressEvent(event)


def summary_html(content: SlipContent, answers: Sequence[MemberAnswers] = ()) -> str:
    """The summary as HTML: the people concerned under the slip's own heading (「お手続きの方」,
    whatever the events), each per-member answer by name, then the departments."""
    members = "".join(
        f"<tr><td>{escape(m.name)}{'(世帯主)' if m.is_head else ''}</td>"
        f"<td>{escape(m.kana)}</td><td>{escape(m.relationship)}</td>"
        f"<td>{escape(m.birth)}</td></tr>"
        for m in content.members
    )
    heading = content.labels.members.format(count=len(content.members))
    parts = [
        f"<h3>{escape(heading)}</h3>",
        f"<table cellpadding='4'>{members}</table>",
        f"<p>{escape(content.address_label)}: {escape(content.address)}</p>"
        if content.address
        else "",
        _member_answers_html(answers),
        _notices_html(content),
        *(_department_html(d) for d in content.departments),
    ]
    return "".join(parts)


def _notices_html(content: SlipContent) -> str:
    """Guidance that is no procedure (a check of the input, a refusal), apart and before the
    departments: a framed notice the clerk reads out, not a numbered procedure."""
    if not content.notices:
        return ""
    items = "".join(
        f"<li><b>{escape(n.name)}</b>{escape(f'({n.member})' if n.member else '')}"
        f"{''.join(_row_html(row) for row in n.rows)}</li>"
        for n in content.notices
    )
    return (
        "<table width='100%' cellpadding='6' style='border: 2px solid #b06000;"
        " background: #fff6e0;'><tr><td>"
        f"<h3 style='color:#8a4b00'>{escape(content.labels.notices)}</h3>"
        f"<ul>{items}</ul></td></tr></table>"
    )


def _row_html(row: SlipRow) -> str:
    if row.bullets:
        body = "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in row.texts) + "</ul>"
    else:
        body = escape(" ".join(row.texts))
    if row.emphasis:
        body = f"<b style='color:#b00000'>{body}</b>"
    return f"<div><b>{escape(row.label)}</b>: {body}</div>"


def _member_answers_html(answers: Sequence[MemberAnswers]) -> str:
    """The answers given per member (health insurance, nationality …), a line per member."""
    items = []
    for found in answers:
        rows = "".join(
            f"<tr><td>{escape(name)}</td><td><b>{escape(answer)}</b></td></tr>"
            for name, answer in found.answers
        )
        items.append(f"<li>{escape(found.question)}<table cellpadding='2'>{rows}</table></li>")
    return f"<h3>お一人ずつの回答</h3><ul>{''.join(items)}</ul>" if items else ""


def _department_html(department: SlipDepartment) -> str:
    items = []
    for procedure in department.procedures:
        rows = "".join(_row_html(row) for row in procedure.rows)
        items.append(f"<li><b>{escape(procedure.name)}</b>{rows}</li>")
    where = f"({escape(department.where)})" if department.where else ""
    return (
        f"<h3 style='background:#e8eef8'>{escape(department.name)} {where}</h3>"
        f"<ol>{''.join(items)}</ol>"
    )
