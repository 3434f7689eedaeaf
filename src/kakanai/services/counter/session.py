"""The counter's interview as a use case: a draft row from the first moment, saved after every
answer, change and back (so a crash loses nothing and resumes exactly), then finished into a
stored case, its guidance slip and the counter's own prefilled 住民異動届."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from kakanai.services.forms.rendering import RenderedForm

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.trees.case import build_case
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.model import Question, QuestionTree
from kakanai.core.trees.visit import TREE_ID_CHARS, TREE_VERSION_CHARS, parts_of
from kakanai.services.counter.timing import QuestionClock
from kakanai.services.trees.interviewing import new_case_id
from kakanai.services.workspace import Workspace
from kakanai.store import drafts
from kakanai.store.audit import audit
from kakanai.store.cases import save_case
from kakanai.store.tables import DraftRow

# A draft entry that is not an answer: the current question after ``back`` (question ids
# are identifiers, so this can never clash with one).
STOPPED_AT = "@stopped_at"
RESIDENCE_FORM = "juumin_idou_todoke"  # the counter's own 住民異動届 (forms_templates/)
SLIP_VALID_DAYS = 30
T = TypeVar("T")


@dataclass(frozen=True)
class DraftInfo:
    """An interview left open at this desk (what the resume banner tells the clerk)."""

    draft_id: int
    started_at: dt.datetime
    answered: int


@dataclass(frozen=True)
class IssuedSlip:
    pdf: bytes
    digits: str  # the QR text


class CounterSession:
    """One resident's interview at the counter, always in step with its draft row.

    Build it with ``start`` or ``resume``. Read the interview through ``interview``; change
    it only through this class, which saves the draft before returning."""

    def __init__(
        self,
        workspace: Workspace,
        interview: Interview,
        draft_id: int,
        typing: dict[str, Any] | None = None,
    ) -> None:
        self.workspace = workspace
        self._interview = interview
        self.draft_id = draft_id
        self.closed = False
        self._clock = QuestionClock(workspace.now())  # statistics: seconds per question
        self.typing: dict[str, Any] = typing or {}  # typed on the page on screen, not answers

    @classmethod
    def start(cls, workspace: Workspace, questionnaire: str | None = None) -> CounterSession:
        """A new interview with its draft row committed at once, of ``questionnaire`` (one
        tree, or a visit ``moving+birth``; default: the desk's) in the version in force
        today. The draft names the questionnaire, so a resume restores the same visit."""
        today = workspace.now().date()
        runtime = workspace.runtime_for(questionnaire or workspace.questionnaire, today)
        meta = runtime.tree.meta
        _check_fits(runtime.tree)
        with workspace.session() as session:
            row = drafts.start_draft(
                session,
                desk=workspace.settings.desk,
                questionnaire=(meta.id, meta.version),
                as_of=today,
                now=workspace.now(),
            )
            draft_id = row.id
        return cls(workspace, Interview(runtime, today), draft_id)

    @classmethod
    def resume(cls, workspace: Workspace) -> CounterSession | None:
        """The desk's open draft, exactly where it stopped; None when there is none."""
        with workspace.session() as session:
            row = drafts.open_draft(session, workspace.settings.desk)
            if row is None:
                return None
            interview = _restored(workspace, row)
            audit(session, "draft_resumed", who=workspace.who, now=workspace.now())
            return cls(workspace, interview, row.id, drafts.draft_typing(row))

    @property
    def interview(self) -> Interview:
        """The interview, to read (current question, path, progress, procedures)."""
        return self._interview

    @property
    def current(self) -> Question | None:
        return self._interview.current

    def answer(self, raw: object) -> None:
        """Answer the current question (AnswerError on a bad answer; nothing changes)."""
        self._apply(lambda: self._interview.answer(raw))

    def change(self, question_id: str, raw: object) -> None:
        """Change an earlier answer; later answers stay where they still apply."""
        self._apply(lambda: self._interview.change(question_id, raw), question_id)

    def back(self) -> Question | None:
        """Step back one question (None at the first question)."""
        return self._apply(self._interview.back)

    def go_to(self, question_id: str) -> None:
        """Step back to an earlier answered question, to answer it again (the path panel)."""

        def walk_back() -> None:
            answered = {q.id for q, _ in self._interview.path()}
            if question_id not in answered:
                raise KakanaiError.of(ErrorCode.ANSWER_NOT_ASKED, question=question_id)
            current = self._interview.current
            while current is None or current.id != question_id:
                current = self._interview.back()

        self._apply(walk_back)

    def save_typing(self, typed: dict[str, Any]) -> None:
        """Keep what is typed on the page on screen in the draft, before it is an answer."""
        self.typing = dict(typed)
        with self.workspace.session() as session:
            drafts.save_typing(session, self._open_row(session), typed, now=self.workspace.now())

    def finish(self) -> dict[str, Any]:
        """Build the case, store it with its questionnaire version, close the draft and
        audit ``case_saved``. COUNTER_003 while a question is still unanswered."""
        current = self._interview.current
        if current is not None:
            raise KakanaiError.of(ErrorCode.COUNTER_NOT_FINISHED, question=current.text)
        now = self.workspace.now()
        case = build_case(self._interview, case_id=new_case_id(now.date()), created_at=now)
        with self.workspace.session() as session:
            row = self._open_row(session)
            save_case(
                session,
                case,
                desk=self.workspace.settings.desk,
                started_at=row.started_at,
                question_seconds=self._clock.seconds,
            )
            drafts.close_draft(session, row, case_id=case["case_id"], now=now)
            detail = f"{len(case['household']['members'])}人 {len(case['procedures'])}件"
            who = self.workspace.who
            audit(session, "case_saved", who=who, now=now, case_id=case["case_id"], detail=detail)
        self.closed = True
        return case

    def discard(self) -> None:
        """Abandon the interview: the draft is closed without a case, its personal data
        deleted at once (only the counts stay)."""
        if self.closed:
            return
        with self.workspace.session() as session:
            _discard(self.workspace, session, self._open_row(session))
        self.closed = True

    def _apply(self, change: Callable[[], T], question: str | None = None) -> T:
        """Run ``change`` and save the draft; if saving fails the interview is put back.
        The time since the last step is charged to ``question`` (default: the current one)."""
        current = self._interview.current
        question = question or (current.id if current is not None else None)
        before = self._interview.saved_state()
        result = change()
        try:
            with self.workspace.session() as session:
                row = self._open_row(session)
                drafts.save_answers(
                    session, row, _entries(self._interview), now=self.workspace.now()
                )
        except BaseException:
            self._interview.restore(*before)
            raise
        self._clock.charge(question, self.workspace.now())
        self.typing = {}  # saving the answers replaced what was typed before them
        return result

    def _open_row(self, session: Session) -> DraftRow:
        row = session.get(DraftRow, self.draft_id)
        if self.closed or row is None or row.status != drafts.OPEN:
            raise KakanaiError.of(ErrorCode.COUNTER_DRAFT_CLOSED)
        return row


def pending_draft(workspace: Workspace) -> DraftInfo | None:
    """The desk's open draft, if any, without resuming it."""
    with workspace.session() as session:
        row = drafts.open_draft(session, workspace.settings.desk)
        if row is None:
            return None
        answered = sum(1 for key, _ in drafts.draft_answers(row) if key != STOPPED_AT)
        return DraftInfo(row.id, row.started_at, answered)


def discard_pending(workspace: Workspace) -> None:
    """Discard the desk's open draft (the clerk chose not to resume it); its personal data
    is deleted at once."""
    with workspace.session() as session:
        row = drafts.open_draft(session, workspace.settings.desk)
        if row is not None:
            _discard(workspace, session, row)


def issue_slip(workspace: Workspace, case: dict[str, Any]) -> IssuedSlip:
    """Seal ``case`` with the desk key and render its slip (layout and desk name from the
    settings); audits ``slip_issued``."""
    # PDF rendering loads at the first slip, not when the app starts.
    from kakanai.services.slip.issuing import issue_slip_pdf  # noqa: PLC0415 - start-up time

    now = workspace.now()
    settings = workspace.settings
    sealed, pdf = issue_slip_pdf(
        case,
        layout=settings.slip_layout,
        lang="ja",
        desk=settings.desk,
        valid_days=SLIP_VALID_DAYS,
        now=now,
        trees=workspace.exact_runtime,
    )
    with workspace.session() as session:
        detail = f"{settings.slip_layout} 鍵{sealed.key_id}"
        who = workspace.who
        audit(session, "slip_issued", who=who, now=now, case_id=case["case_id"], detail=detail)
    return IssuedSlip(pdf, sealed.digits)


def has_residence_form(case: dict[str, Any]) -> bool:
    """Whether the counter's 住民異動届 is a form of one of the case's procedures (a 転入
    is; a birth-only visit has the 出生届 instead, printed at the desk)."""
    return any(RESIDENCE_FORM in p.get("forms", ()) for p in case["procedures"])


def residence_form(case: dict[str, Any]) -> bytes:
    """The counter's own prefilled 住民異動届 for the resident to check and sign."""
    return residence_rendered(case).pdf


def residence_rendered(case: dict[str, Any]) -> RenderedForm:
    """The 住民異動届 with what it filled in (``record_forms`` counts it once printed)."""
    from kakanai.services.forms.rendering import render_form  # noqa: PLC0415 - start-up time

    return render_form(case, RESIDENCE_FORM)


def _entries(interview: Interview) -> list[tuple[str, Any]]:
    """The draft's entries: every answer in interview order, then where ``back`` stopped."""
    answers, stopped_at = interview.saved_state()
    order = [q.id for q in interview.runtime.questions if q.id in answers]
    entries: list[tuple[str, Any]] = [(key, answers[key]) for key in order]
    return [*entries, (STOPPED_AT, stopped_at)] if stopped_at else entries


def _check_fits(tree: QuestionTree) -> None:
    """COUNTER_006 for a tree of the visit whose id or version is longer than a case and a
    draft store for each tree (every combination of up to MAX_TREES such trees fits)."""
    for part in parts_of(tree):
        if len(part.id) > TREE_ID_CHARS or len(part.version) > TREE_VERSION_CHARS:
            raise KakanaiError.of(
                ErrorCode.COUNTER_VISIT_TOO_LONG,
                id=part.id[:80],
                version=part.version[:40],
                id_chars=TREE_ID_CHARS,
                version_chars=TREE_VERSION_CHARS,
            )


def _restored(workspace: Workspace, row: DraftRow) -> Interview:
    runtime = workspace.runtime_for(row.questionnaire_id, workspace.now().date())
    version = runtime.tree.meta.version
    if row.questionnaire_version != version:
        raise KakanaiError.of(
            ErrorCode.COUNTER_DRAFT_VERSION,
            draft_version=row.questionnaire_version,
            version=version,
        )
    entries = dict(drafts.draft_answers(row))
    stopped_at = entries.pop(STOPPED_AT, None)
    interview = Interview(runtime, row.as_of)
    try:
        interview.restore(entries, stopped_at if isinstance(stopped_at, str) else None)
    except KakanaiError as exc:
        raise KakanaiError.of(ErrorCode.COUNTER_DRAFT_UNREADABLE, detail=exc.message) from exc
    return interview


def _discard(workspace: Workspace, session: Session, row: DraftRow) -> None:
    drafts.close_draft(session, row, case_id=None, now=workspace.now())
    audit(session, "draft_discarded", who=workspace.who, now=workspace.now())
