"""A visit of five life events (転入 + 出生 + 婚姻 + 離婚 + 証明書) end to end: the counter
starts it (a draft names all five trees), the case is stored, its slip is sealed, the desk
opens the slip to the same case, and every department prints its forms from it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pdfplumber
import pytest

from kakanai.adapters.pdf.raster import rasterize
from kakanai.adapters.qr.reading import read_code
from kakanai.benchmarks.counter_visits import move_in_with_birth, visit
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.counter.events import EVENT_ORDER, visit_id
from kakanai.services.counter.session import CounterSession, issue_slip, pending_draft
from kakanai.services.forms.rendering import render_forms
from kakanai.services.shipped_data import QUESTIONNAIRES, city_questionnaires
from kakanai.services.slip.sealing import open_slip
from kakanai.services.workspace import Workspace
from kakanai.store.cases import find_case
from tests.workspaces import isolated_workspace

EVENTS = ["moving", "birth", "marriage", "divorce", "certificates"]
# Questions only a joined visit asks (the marriage tree's 児童手当 follow-ups, which its own
# scenario answers differently), answered as a clerk would for this family.
VISIT_ONLY = {
    "jidou_teate_payee_change": "いいえ",
    "jidou_fuyou": "受けていない",
    "hitorioya_iryou": "持っていない",
}


@pytest.fixture(scope="module")
def five(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One finished five-event visit and its slip (slow: shared by the tests)."""
    monkeypatch = pytest.MonkeyPatch()
    workspace = isolated_workspace(tmp_path_factory.mktemp("five") / "data", monkeypatch)
    answers = {**visit(*EVENTS), **move_in_with_birth(), **VISIT_ONLY}
    session = CounterSession.start(workspace, visit_id(EVENTS))
    while session.current is not None:
        session.answer(answers.get(session.current.id))
    case = session.finish()
    yield {"workspace": workspace, "case": case, "slip": issue_slip(workspace, case)}
    workspace.close()
    monkeypatch.undo()


def test_the_visit_of_five_events_is_stored_with_every_tree(five: dict[str, Any]) -> None:
    workspace: Workspace = five["workspace"]
    case = five["case"]
    assert case["questionnaire"]["id"] == "moving+birth+marriage+divorce+certificates"
    assert case["questionnaire"]["version"] == "+".join(["2027.2"] + ["2026.12"] * 4)
    with workspace.session() as session:
        stored = find_case(session, case["case_id"])
        assert stored is not None
        assert stored.questionnaire_id == case["questionnaire"]["id"]
        assert stored.questionnaire_version == case["questionnaire"]["version"]


def test_the_desk_scans_the_printed_slip_of_five_events_to_the_same_case(
    five: dict[str, Any],
) -> None:
    """The slip PDF rasterised at 200 dpi, its code read by the decoder chain a desk uses."""
    workspace: Workspace = five["workspace"]
    found = read_code(np.asarray(rasterize(five["slip"].pdf, dpi=200)))
    assert found is not None
    assert found.text == five["slip"].digits
    opened = open_slip(found.text, now=workspace.now())
    assert opened == five["case"]


def test_every_department_of_the_five_events_prints_its_forms(five: dict[str, Any]) -> None:
    case = open_slip(five["slip"].digits, now=five["workspace"].now())
    with_forms = {p["department"] for p in case["procedures"] if p.get("forms")}
    assert {"shimin", "hoken_nenkin", "kodomo", "zeimu"} <= with_forms
    printed = {}
    for department in sorted(with_forms):
        forms = render_forms(case, department=department)
        for form in forms:
            with pdfplumber.open(io.BytesIO(form.pdf)) as pdf:
                assert "山田" in pdf.pages[0].extract_text()
        printed[department] = [f.form_id for f in forms]
    assert "shusshou_todoke" in printed["shimin"]
    assert "juuminhyou_koufu_shinsei" in printed["shimin"]
    assert "zei_shoumei_koufu_shinsei" in printed["zeimu"]


def test_the_draft_of_five_events_resumes_as_the_same_visit(tmp_path: Path) -> None:
    monkeypatch = pytest.MonkeyPatch()
    workspace = isolated_workspace(tmp_path / "data", monkeypatch)
    try:
        started = CounterSession.start(workspace, visit_id(EVENTS))
        started.answer("転入")
        resumed = CounterSession.resume(workspace)
        assert resumed is not None
        assert resumed.interview.runtime.tree.meta.id == "+".join(EVENTS)
        assert resumed.interview.remembered("move_type") == "転入"
    finally:
        workspace.close()
        monkeypatch.undo()


def test_a_tree_whose_id_is_longer_than_a_case_stores_is_refused_in_japanese(
    tmp_path: Path,
) -> None:
    """What remains of the limit: one tree's id over 64 characters (COUNTER_006), said
    before any draft is written, with what to do."""
    monkeypatch = pytest.MonkeyPatch()
    workspace = isolated_workspace(tmp_path / "data", monkeypatch)
    long_id = "m" * 65
    folder = city_questionnaires()
    folder.mkdir(parents=True, exist_ok=True)
    source = (QUESTIONNAIRES / "marriage.yaml").read_text(encoding="utf-8")
    (folder / f"{long_id}.yaml").write_text(
        source.replace("  id: marriage\n", f"  id: {long_id}\n", 1), encoding="utf-8"
    )
    try:
        with pytest.raises(KakanaiError) as caught:
            CounterSession.start(workspace, f"moving+{long_id}")
        assert caught.value.code is ErrorCode.COUNTER_VISIT_TOO_LONG
        assert "64文字" in caught.value.message
        assert pending_draft(workspace) is None
    finally:
        workspace.close()
        monkeypatch.undo()


def test_a_visit_of_every_shipped_event_starts_and_its_draft_names_all_seven(
    tmp_path: Path,
) -> None:
    """The longest combination the events page offers (all seven shipped trees: 55
    characters of id, 54 of versions) is stored in the draft and resumed as the same visit."""
    monkeypatch = pytest.MonkeyPatch()
    workspace = isolated_workspace(tmp_path / "data", monkeypatch)
    try:
        CounterSession.start(workspace, visit_id(list(EVENT_ORDER)))
        resumed = CounterSession.resume(workspace)
        assert resumed is not None
        meta = resumed.interview.runtime.tree.meta
        assert meta.id == "moving+abroad+birth+death+marriage+divorce+certificates"
        assert meta.version == "+".join(["2027.2"] + ["2026.12"] * 6)  # moving is 2027.2
    finally:
        workspace.close()
        monkeypatch.undo()
