"""Counter mode (窓口): the interview wizard. First the life events of the visit (転入, 出生 …,
several at once), then a page at a time over a ``CounterSession`` (every answer saved as a
draft, and what is typed on the page too), the path and live procedures at the side, then the
summary with the guidance slip and the counter's 住民異動届."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.errors import KakanaiError
from kakanai.core.trees.model import Question, QuestionType
from kakanai.core.trees.visit import SEPARATOR
from kakanai.services.counter import pages
from kakanai.services.counter.card_reading import CardPerson, read_card
from kakanai.services.counter.display import (
    friendly_problem,
    help_texts,
    live_procedures,
    member_answers,
    member_lines,
    offers,
    path_steps,
    summary_content,
)
from kakanai.services.counter.events import (
    LifeEvent,
    available_events,
    default_events,
    short_title,
    visit_id,
    visit_title,
)
from kakanai.services.counter.session import (
    CounterSession,
    discard_pending,
    has_residence_form,
    pending_draft,
)
from kakanai.services.counter.towns import TownList, city_towns
from kakanai.services.workspace import Workspace
from kakanai.ui.counter.banner import CONFIRM_RESUME_DISCARD, DISCARD, RESUME, Banner
from kakanai.ui.counter.card_dialog import CardDialog
from kakanai.ui.counter.events_page import EventsPage
from kakanai.ui.counter.idle_page import IdlePage
from kakanai.ui.counter.question_page import QuestionPage
from kakanai.ui.counter.side_panel import SidePanel
from kakanai.ui.counter.summary_outputs import SummaryOutputs
from kakanai.ui.counter.summary_page import SummaryPage
from kakanai.ui.modes import ModeView

SIDE_WIDTH = (230, 340)  # the side panel's narrowest and preferred widths
TYPING_SAVE_MS = 400  # what is typed reaches the draft this long after the last key


class CounterView(ModeView):
    """``typing_saved`` follows each save of what is typed on the page into the draft."""

    mode_id = "counter"
    mode_label = "窓口"
    menu_title = "面談(&I)"
    typing_saved = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.session: CounterSession | None = None
        self.groups: dict[str, tuple[Question, ...]] = {}  # of the session's questionnaire
        self.events: list[LifeEvent] = []  # what the events page lists
        self._page: tuple[Question, ...] = ()
        self._cards_waiting: list[CardPerson] = []  # read before the household page
        self.card_dialog: CardDialog | None = None  # while it is open
        self.outputs = SummaryOutputs(workspace, self, stored=self._show_summary)
        self._started = False
        self.banner = Banner(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(True)
        self.visit_label = QLabel(self)  # the life events of this visit
        self.visit_label.setObjectName("visit_label")
        self.visit_label.setStyleSheet("font-size: 12pt; font-weight: bold; color: #2a5599;")
        # Never wider than the window gives it (issue 11: no label sets the window's width):
        # a visit of many events is cut at the right, whole in the tooltip.
        self.visit_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pages = QStackedWidget(self)
        self.idle_page = IdlePage(self)
        self.events_page = EventsPage(self)
        self.question_page = QuestionPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.idle_page, self.events_page, self.question_page, self.summary_page):
            self.pages.addWidget(page)
        self.side_panel = SidePanel(self)
        self.side_panel.setMinimumWidth(SIDE_WIDTH[0])
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(TYPING_SAVE_MS)
        self._typing_timer.timeout.connect(self.save_typing)
        self._actions = self._build_actions()
        self._layout()
        self._connect()

    # --- read-only accessors (tests, the end-to-end test, screenshots) ---

    def current_question_id(self) -> str | None:
        """The question the interview is at, or None on the summary or idle page."""
        if self.pages.currentWidget() is not self.question_page or self.session is None:
            return None
        current = self.session.current
        return current.id if current else None

    def summary_procedures(self) -> list[str]:
        """The procedure ids of the case on the summary page (preview or stored)."""
        case = self.outputs.preview(self.session)
        return [str(p["id"]) for p in case["procedures"]] if case else []

    @property
    def case(self) -> dict[str, Any] | None:
        """The stored case, once the first slip or form has finished the interview."""
        return self.outputs.case

    @property
    def last_slip_pdf(self) -> bytes | None:
        slip = self.outputs.slip
        return slip.pdf if slip else None

    def in_progress(self) -> bool:
        """An interview with answers (or typing) that has not been stored as a case."""
        session = self.session
        if session is None or session.closed or self.case is not None:
            return False
        return bool(session.interview.path() or self.question_page.typed_anything())

    # --- ModeView ---

    def menu_actions(self) -> list[QAction]:
        return list(self._actions.values())

    def activate(self) -> None:
        if not self._started:
            self._started = True
            self._offer_resume_or_start()
        self._focus_page()

    def unfinished_work(self) -> str:
        if not self.in_progress():
            return ""
        self.save_typing()
        return (
            "面談の途中です。入力した内容は下書きに保存されていて、次に起動したときに再開できます。"
        )

    # --- flow ---

    def start_new(self) -> None:
        """Start a new interview: the life events of the visit first (when this desk has
        more than one tree), then a draft row at once."""
        self.outputs.reset()
        self._page = ()
        self._cards_waiting = []
        self.session = None
        try:
            self.events = available_events(self.workspace)
        except KakanaiError as exc:
            self._problem(exc)
            return
        if len(self.events) <= 1:
            self.start_visit([e.id for e in self.events] or [self.workspace.questionnaire])
            return
        self.events_page.show_events(self.events, default_events(self.workspace, self.events))
        self._show_visit()
        self.side_panel.show_path([])
        self.side_panel.show_procedures([])
        self.progress.setValue(0)
        self.progress.setFormat("今回の手続きを選んでください")
        self.status.emit("今回の手続きを選んで、Enter で面談を始めてください。")
        self.pages.setCurrentWidget(self.events_page)
        self.events_page.focus_first()

    def _load_towns(self) -> None:
        """The city's towns for the address fields, read at each interview (an edited
        towns.csv counts from the next one); a broken file leaves Japan Post's alone."""
        try:
            towns = city_towns(self.workspace.data_dir, self.workspace.settings.city)
        except KakanaiError as exc:
            towns = TownList()
            self.status.emit(exc.render())
        self.question_page.towns = towns

    def start_visit(self, event_ids: list[str]) -> None:
        """Start the interview of a visit of ``event_ids`` (one or several trees)."""
        try:
            session = CounterSession.start(self.workspace, visit_id(event_ids))
        except KakanaiError as exc:
            self._problem(exc)
            return
        self._open(session)
        self.status.emit(f"新しい面談を始めました({self.visit_label.text()})。")
        self.refresh()

    def _open(self, session: CounterSession) -> None:
        """Make ``session`` the one on screen: its pages and its events in the heading."""
        self.session = session
        self._load_towns()
        self.groups = pages.page_groups(session.interview.runtime)
        self._page = ()
        self._show_visit()

    def _show_visit(self) -> None:
        session = self.session
        if session is None:
            self.visit_label.setText("")
            self.visit_label.hide()
            return
        meta = session.interview.runtime.tree.meta
        names = {e.id: e.title for e in self.events}
        ids = meta.id.split(SEPARATOR)
        if all(i in names for i in ids):
            text = visit_title([names[i] for i in ids])
        else:
            text = short_title(meta.title)
        self.visit_label.setText(f"今回の手続き: {text}")
        self.visit_label.setToolTip(text)
        self.visit_label.show()

    def refresh(self) -> None:
        """Show the session's state: the page of the current question, or the summary."""
        session = self.session
        if session is None and self.pages.currentWidget() is self.events_page:
            return  # the events of the next visit are being chosen
        if session is None or (session.closed and self.case is None):
            self._show_idle()
            return
        interview = session.interview
        self.side_panel.show_path(path_steps(interview))
        self.side_panel.show_procedures(live_procedures(interview.values()))
        progress = interview.progress()
        self.progress.setValue(round(progress.fraction * 100))
        self.progress.setFormat(f"{progress.answered}問回答 ・ 残り約{progress.remaining}問")
        question = session.current
        if question is None:
            self._page = ()
            self._show_summary()
            return
        group = self.groups.get(question.id, (question,))
        self.question_page.current_id = question.id
        if group != self._page or self.pages.currentWidget() is not self.question_page:
            self._show_page(session, group)
        self._update_shown()
        self.pages.setCurrentWidget(self.question_page)

    # --- a My Number card ---

    def read_card(self) -> None:
        """Open the card dialog: a resident's card read goes into the page on screen (a
        household row, or the address not typed yet); one read before the household page
        waits for it. The dialog is modal but does not block the caller."""
        if self.pages.currentWidget() is not self.question_page or self.session is None:
            self.status.emit("マイナンバーカードは面談の設問のページで読み取ってください。")
            return
        towns = self.question_page.towns
        dialog = CardDialog(lambda pin: read_card(pin, towns), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._take_card(dialog.person))
        dialog.rejected.connect(lambda: self._take_card(None))
        self.card_dialog = dialog
        dialog.open()
        dialog.pin.setFocus()

    def _take_card(self, person: CardPerson | None) -> None:
        self.card_dialog = None
        if person is None or self.session is None:
            return
        used = self.question_page.take_card(person)
        interview = self.session.interview
        household = interview.runtime.tree.household_question
        household_ahead = household is not None and household.id not in interview.answers
        later = ""
        if used in {"", "address"} and household_ahead:
            self._cards_waiting.append(person)  # its row, when the household page shows
            later = "(氏名・生年月日・性別は世帯のページで入ります)"
        elif not used:
            later = "(このページには、カードから入れる欄がありません)"
        self.status.emit(f"カードを読み取りました: {person.line}{later}")

    def _place_waiting_cards(self) -> None:
        """The residents whose cards were read before the household page, into its rows."""
        waiting, self._cards_waiting = self._cards_waiting, []
        for person in waiting:
            self.question_page.take_card(person)

    def _show_page(self, session: CounterSession, group: tuple[Question, ...]) -> None:
        interview = session.interview
        filled: dict[str, object] = {}
        for question in group:
            known = interview.answers.get(question.id, interview.remembered(question.id))
            filled[question.id] = session.typing.get(question.id, known)
        self._page = group
        self.question_page.show_page(
            group,
            section=interview.runtime.tree.section_of(group[0]).title,
            filled=filled,
            as_of=interview.as_of,
            offers=offers(interview, group),
            members={q.id: member_lines(interview, q) for q in group if q.per_member},
        )
        self.question_page.focus_first()
        if any(q.type is QuestionType.HOUSEHOLD for q in group):
            self._place_waiting_cards()

    def _update_shown(self) -> None:
        session = self.session
        if session is None or not self._page:
            return
        typed = self.question_page.typed(every=True)
        walked = pages.walk(session.interview, self._page, typed)
        self.question_page.set_shown([q.id for q, _ in walked], help_texts(walked))
        values = pages.typed_values(session.interview, self._page, typed)
        self.side_panel.show_procedures(live_procedures(values))

    def _show_idle(self) -> None:
        self._page = ()
        self.visit_label.hide()
        self.pages.setCurrentWidget(self.idle_page)
        self.side_panel.show_path([])
        self.side_panel.show_procedures([])
        self.progress.setValue(0)
        self.progress.setFormat("")

    def save_typing(self) -> None:
        """Put what is typed on the page into the draft now (also on a timer as it is typed)."""
        self._typing_timer.stop()
        session = self.session
        if session is None or session.closed or not self._page:
            return
        typed = self.question_page.typed()
        if typed == session.typing:
            return
        try:
            session.save_typing(typed)
        except KakanaiError as exc:
            self._problem(exc)
            return
        self.typing_saved.emit()

    def _on_typed_changed(self) -> None:
        self._update_shown()
        self._typing_timer.start()

    def _offer_resume_or_start(self) -> None:
        try:
            draft = pending_draft(self.workspace)
        except KakanaiError as exc:
            self._problem(exc)
            return
        if draft is None:
            self.start_new()
            return
        started = draft.started_at.astimezone(self.workspace.now().tzinfo)
        self.banner.offer_resume(started, draft.answered)

    def _on_banner_accepted(self, topic: str) -> None:
        if topic == RESUME:
            try:
                resumed = CounterSession.resume(self.workspace)
            except KakanaiError as exc:
                self._problem(exc)
                return
            if resumed is None:
                self.start_new()
                return
            self.events = available_events(self.workspace)
            self._open(resumed)
            self.status.emit("中断した面談を再開しました。")
            self.refresh()
        elif topic == CONFIRM_RESUME_DISCARD:
            self._guarded(lambda: discard_pending(self.workspace))
            self.status.emit("中断した面談を破棄しました。入力した内容は削除しました。")
            self.start_new()
        elif topic == DISCARD:
            if self.session is not None:
                self._guarded(self.session.discard)
            self.status.emit("面談を破棄しました。入力した内容は削除しました。")
            self.start_new()
        self._focus_page()

    def _on_banner_rejected(self, topic: str) -> None:
        if topic == RESUME:
            self.banner.confirm_resume_discard()
            return
        if topic == CONFIRM_RESUME_DISCARD:
            self._offer_resume_or_start()
            return
        self._focus_page()

    def _on_new_requested(self) -> None:
        if not self.in_progress():
            self.start_new()
            return
        self.banner.confirm_discard()

    def _on_answers_given(self, typed: dict[str, object]) -> None:
        session = self.session
        if session is None:
            return
        shown = [q for q in self._page if q.id in typed]
        problem = pages.answer_page(session, shown, typed)
        self.refresh()
        if problem is not None:
            self.question_page.show_problem(problem.question_id, friendly_problem(problem.error))
            self.status.emit(problem.error.message)

    def _on_back_requested(self) -> None:
        session = self.session
        if self.case is not None:
            self.status.emit("受付済みの案件は変更できません。新しい面談を始めてください。")
            return
        if session is None:
            return
        self._guarded(lambda: pages.back_a_page(session, self.groups))
        self.refresh()

    def _on_step_chosen(self, question_id: str) -> None:
        session = self.session
        if session is None or self.case is not None:
            return
        self._guarded(lambda: session.go_to(question_id))
        self.refresh()

    # --- summary and printing ---

    def _show_summary(self) -> None:
        case = self.outputs.preview(self.session)
        if case is None:
            return
        settings = self.workspace.settings
        content = summary_content(case, desk=settings.desk, now=self.workspace.now())
        answers = member_answers(self.session.interview) if self.session is not None else []
        self.summary_page.show_content(content, answers)
        self.summary_page.print_form.setEnabled(has_residence_form(case))
        self.pages.setCurrentWidget(self.summary_page)

    def print_slip(self) -> None:
        self._summary_action(self.outputs.print_slip)

    def save_slip(self) -> None:
        self._summary_action(self.outputs.save_slip)

    def print_residence_form(self) -> None:
        self._summary_action(self.outputs.print_residence_form)

    def _summary_action(self, output: Callable[[CounterSession], str | None]) -> None:
        session = self.session
        if self.pages.currentWidget() is not self.summary_page or session is None:
            self.status.emit("すべての設問に答えると、案内票を印刷できます。")
            return
        self.summary_page.error.clear()
        try:
            message = output(session)
        except KakanaiError as exc:
            self.summary_page.error.setText(friendly_problem(exc))
            self.status.emit(exc.message)
            return
        if message:
            self.status.emit(message)

    # --- building ---

    def _guarded(self, work: Callable[[], object]) -> None:
        try:
            work()
        except KakanaiError as exc:
            self._problem(exc)

    def _problem(self, exc: KakanaiError) -> None:
        if self.pages.currentWidget() is self.events_page:
            self.events_page.error.setText(friendly_problem(exc))
        self.question_page.show_error(friendly_problem(exc))
        self.status.emit(exc.message)

    def _focus_page(self) -> None:
        if self.banner.isVisible():
            self.banner.accept_button.setFocus()
        elif self.pages.currentWidget() is self.question_page:
            self.question_page.focus_first()
        elif self.pages.currentWidget() is self.events_page:
            self.events_page.focus_first()
        elif self.pages.currentWidget() is self.idle_page:
            self.idle_page.start_button.setFocus()
        elif self.pages.currentWidget() is self.summary_page:
            self.summary_page.print_slip.setFocus()

    def _build_actions(self) -> dict[str, QAction]:
        specs: list[tuple[str, str, list[str], Callable[[], object]]] = [
            ("new", "新しい面談(&N)", ["Ctrl+N"], self._on_new_requested),
            ("back", "前の設問へ戻る(&B)", ["Alt+Left", "Esc"], self._on_back_requested),
            ("print", "案内票を印刷(&P)", ["Ctrl+P"], self.print_slip),
            ("save", "案内票をPDFで保存(&S)", ["Ctrl+S"], self.save_slip),
            ("form", "住民異動届を印刷(&R)", ["Ctrl+R"], self.print_residence_form),
            ("card", "マイナンバーカードを読む(&M)…", ["Ctrl+M"], self.read_card),
        ]
        actions = {}
        for key, text, keys, slot in specs:
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions[key] = action
        return actions

    def _layout(self) -> None:
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.setChildrenCollapsible(False)
        body.addWidget(self.pages)
        body.addWidget(self.side_panel)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        body.setSizes([1000, SIDE_WIDTH[1]])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 2)
        layout.addWidget(self.banner)
        top = QHBoxLayout()
        top.addWidget(self.visit_label, 2)
        top.addWidget(self.progress, 3)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        self._body = body

    def _connect(self) -> None:
        self.banner.accepted.connect(self._on_banner_accepted)
        self.banner.rejected.connect(self._on_banner_rejected)
        self.question_page.answers_given.connect(self._on_answers_given)
        self.question_page.back_requested.connect(self._on_back_requested)
        self.question_page.typed_changed.connect(self._on_typed_changed)
        self.side_panel.step_chosen.connect(self._on_step_chosen)
        self.summary_page.print_slip.clicked.connect(self.print_slip)
        self.summary_page.save_slip.clicked.connect(self.save_slip)
        self.summary_page.print_form.clicked.connect(self.print_residence_form)
        self.summary_page.new_interview.clicked.connect(self._on_new_requested)
        self.idle_page.start_button.clicked.connect(self._on_new_requested)
        self.events_page.events_chosen.connect(self.start_visit)
