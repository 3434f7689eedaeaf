"""The counter session: a draft from the first moment, saved after every step and resumed
exactly; finishing stores the case, issues a slip that opens to the same case and prints the
counter's 住民異動届."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from sqlalchemy import select

from kakanai.core.errors import AnswerError, ErrorCode, KakanaiError
from kakanai.services.counter.session import (
    CounterSession,
    discard_pending,
    issue_slip,
    pending_draft,
    residence_form,
)
from kakanai.services.slip.sealing import open_slip
from kakanai.services.workspace import Workspace
from kakanai.store.audit import audit_entries
from kakanai.store.cases import find_case
from kakanai.store.tables import DraftRow
from tests.services.counter.workspace import answer_until, reference_answers
from tests.workspaces import isolated_workspace

ANSWERS = reference_answers()


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    opened = isolated_workspace(tmp_path / "data", monkeypatch)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def finished_case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One finished reference interview (sealing and rendering are slow: shared)."""
    monkeypatch = pytest.MonkeyPatch()
    opened = isolated_workspace(tmp_path_factory.mktemp("finished") / "data", monkeypatch)
    session = CounterSession.start(opened)
    answer_until(session, ANSWERS)
    yield {"workspace": opened, "case": session.finish()}
    opened.close()
    monkeypatch.undo()


def seen(session: CounterSession) -> tuple[object, ...]:
    """What the clerk sees of an interview: current question, path, remembered answers."""
    interview = session.interview
    ids = [q.id for q in interview.runtime.questions]
    return (
        session.current.id if session.current else None,
        [(q.id, v) for q, v in interview.path()],
        {i: interview.remembered(i) for i in ids},
        interview.progress(),
    )


def test_starting_an_interview_commits_an_open_draft_at_once(workspace: Workspace) -> None:
    session = CounterSession.start(workspace)
    draft = pending_draft(workspace)
    assert draft is not None
    assert (draft.draft_id, draft.answered) == (session.draft_id, 0)


def test_every_answer_is_in_the_draft_before_answer_returns(workspace: Workspace) -> None:
    session = CounterSession.start(workspace)
    for count in (1, 2, 3):
        session.answer(ANSWERS[session.current.id if session.current else ""])
        draft = pending_draft(workspace)
        assert draft is not None
        assert draft.answered == count


def test_a_bad_answer_changes_neither_the_interview_nor_the_draft(workspace: Workspace) -> None:
    session = CounterSession.start(workspace)
    session.answer("転入")
    before = seen(session)
    with pytest.raises(AnswerError):
        session.answer("来年の春")
    assert seen(session) == before
    assert CounterSession.resume(workspace) is not None
    assert pending_draft(workspace) is not None
    assert pending_draft(workspace).answered == 1  # type: ignore[union-attr]


def back_twice(session: CounterSession) -> None:
    session.back()
    session.back()


def change_move_type(session: CounterSession) -> None:
    session.change("move_type", "転居")


def go_to_household(session: CounterSession) -> None:
    session.go_to("household")


def change_household_to_adults(session: CounterSession) -> None:
    session.change("household", ANSWERS["household"][:2])


@pytest.mark.parametrize(
    ("stop", "step"),
    [
        ("household", lambda _: None),
        ("health_insurance", back_twice),
        ("has_dog", change_move_type),
        ("has_gentsuki", go_to_household),
        ("wants_hoikusho", change_household_to_adults),
        (None, back_twice),
    ],
    ids=["plain", "after-back", "after-change", "path-jump", "household-change", "end-back"],
)
def test_resuming_gives_exactly_the_same_interview(
    workspace: Workspace, stop: str | None, step: Callable[[CounterSession], None]
) -> None:
    session = CounterSession.start(workspace)
    answer_until(session, ANSWERS, stop)
    step(session)
    resumed = CounterSession.resume(workspace)
    assert resumed is not None
    assert resumed.draft_id == session.draft_id
    assert seen(resumed) == seen(session)


def test_go_to_makes_an_earlier_question_current_with_its_answer_remembered(
    workspace: Workspace,
) -> None:
    session = CounterSession.start(workspace)
    answer_until(session, ANSWERS, "health_insurance")
    session.go_to("move_date")
    assert session.current is not None
    assert session.current.id == "move_date"
    assert session.interview.remembered("health_insurance") is None
    assert session.interview.remembered("wants_inkan") is True


def test_go_to_a_question_not_answered_yet_is_refused(workspace: Workspace) -> None:
    session = CounterSession.start(workspace)
    session.answer("転入")
    with pytest.raises(KakanaiError) as caught:
        session.go_to("has_dog")
    assert caught.value.code is ErrorCode.ANSWER_NOT_ASKED


def test_finishing_before_the_end_names_the_open_question(workspace: Workspace) -> None:
    session = CounterSession.start(workspace)
    session.answer("転入")
    with pytest.raises(KakanaiError) as caught:
        session.finish()
    assert caught.value.code is ErrorCode.COUNTER_NOT_FINISHED
    assert "引っ越しをした日" in caught.value.message


def test_finishing_stores_the_case_with_its_version_and_closes_the_draft(
    finished_case: dict[str, Any],
) -> None:
    workspace: Workspace = finished_case["workspace"]
    case = finished_case["case"]
    with workspace.session() as db:
        row = find_case(db, case["case_id"])
        assert row is not None
        assert (row.questionnaire_id, row.questionnaire_version) == ("moving", "2027.2")
        assert row.member_count == 4
        draft = db.scalars(select(DraftRow).where(DraftRow.case_id == case["case_id"])).one()
        assert draft.status == "finished"
        actions = [(e.action, e.case_id) for e in audit_entries(db)]
    assert ("case_saved", case["case_id"]) in actions
    assert pending_draft(workspace) is None


def test_the_slip_opens_to_the_same_case(finished_case: dict[str, Any]) -> None:
    workspace: Workspace = finished_case["workspace"]
    case = finished_case["case"]
    slip = issue_slip(workspace, case)
    assert slip.pdf.startswith(b"%PDF")
    opened = open_slip(slip.digits)
    assert opened["case_id"] == case["case_id"]
    assert opened["procedures"] == case["procedures"]
    with workspace.session() as db:
        actions = [(e.action, e.case_id) for e in audit_entries(db)]
    assert ("slip_issued", case["case_id"]) in actions


def test_the_residence_form_is_prefilled_for_the_case(finished_case: dict[str, Any]) -> None:
    pdf = residence_form(finished_case["case"])
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "".join(page.extract_text() or "" for page in document.pages)
    assert "住民異動届" in text.replace(" ", "")
    assert "山田" in text


def test_discarding_closes_the_draft_without_a_case(workspace: Workspace) -> None:
    session = CounterSession.start(workspace)
    session.answer("転入")
    session.discard()
    assert pending_draft(workspace) is None
    assert CounterSession.resume(workspace) is None
    with pytest.raises(KakanaiError) as caught:
        session.answer("R8.11.15")
    assert caught.value.code is ErrorCode.COUNTER_DRAFT_CLOSED


def test_discard_pending_closes_the_desks_open_draft(workspace: Workspace) -> None:
    CounterSession.start(workspace).answer("転入")
    discard_pending(workspace)
    assert pending_draft(workspace) is None


def test_a_draft_of_another_questionnaire_version_is_not_resumed(workspace: Workspace) -> None:
    session = CounterSession.start(workspace)
    with workspace.session() as db:
        row = db.get(DraftRow, session.draft_id)
        assert row is not None
        row.questionnaire_version = "2025.04"
    with pytest.raises(KakanaiError) as caught:
        CounterSession.resume(workspace)
    assert caught.value.code is ErrorCode.COUNTER_DRAFT_VERSION


def draft_text(workspace: Workspace, draft_id: int) -> str:
    """Everything the draft row holds, as stored."""
    with workspace.session() as db:
        row = db.get(DraftRow, draft_id)
        assert row is not None
        return json.dumps(row.answers, ensure_ascii=False)


@pytest.mark.parametrize("how", ["discard", "discard_pending"])
def test_a_discarded_draft_keeps_only_its_counts(workspace: Workspace, how: str) -> None:
    session = CounterSession.start(workspace)
    answer_until(session, ANSWERS, "honseki")
    session.save_typing({"honseki": "埼玉県みなと市"})
    if how == "discard":
        session.discard()
    else:
        discard_pending(workspace)
    stored = draft_text(workspace, session.draft_id)
    for personal in ("山田", "ヤマダ", "みなと市", "330-0061", "サンプルハイツ"):
        assert personal not in stored, personal
    assert json.loads(stored)["counts"] == {"answered": 5, "members": 4}


def test_what_is_typed_on_the_page_is_in_the_draft_and_resumed(workspace: Workspace) -> None:
    session = CounterSession.start(workspace)
    answer_until(session, ANSWERS, "household")
    rows = [
        {"name": "山田 太郎", "kana": "ヤマダ", "birth_date": "", "sex": "", "relationship": ""}
    ]
    session.save_typing({"household": rows})
    resumed = CounterSession.resume(workspace)
    assert resumed is not None
    assert resumed.typing == {"household": rows}
    assert resumed.current is not None
    assert resumed.current.id == "household"


def test_an_answer_replaces_what_was_typed_before_it(workspace: Workspace) -> None:
    session = CounterSession.start(workspace)
    session.save_typing({"move_type": "転入"})
    session.answer("転入")
    resumed = CounterSession.resume(workspace)
    assert resumed is not None
    assert resumed.typing == {}
