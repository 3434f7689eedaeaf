"""The desk after a scan: the handoff is recorded once per case and department, the scan is
audited without personal data, the department's forms come back, and a slip with nothing
for the department names the departments it does list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.desk.session import open_scan, read_slip_image, record_printing, warm_up
from kakanai.services.workspace import Workspace
from kakanai.store.audit import audit_entries
from kakanai.store.tables import HandoffRow
from tests.desk_slips import (
    at_department,
    changed_digit,
    expired_digits,
    other_city_digits,
    sealed,
    slip_png,
)
from tests.workspaces import isolated_workspace


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    """A first-run desk (市民課) in a temporary data directory."""
    opened = isolated_workspace(tmp_path / "data", monkeypatch)
    yield opened
    opened.close()


def handoff_rows(workspace: Workspace) -> list[HandoffRow]:
    with workspace.session() as session:
        return list(session.scalars(select(HandoffRow)))


def test_a_scan_returns_the_case_and_the_departments_forms(workspace: Workspace) -> None:
    scan = open_scan(at_department(workspace, "kodomo"), sealed().digits)
    assert scan.case_id == "20261123-3FA2C1"
    assert [f.form_id for f in scan.forms] == [
        "jidou_teate_nintei_seikyu",
        "kodomo_iryou_shinsei",
        "kodomo_iryou_shinsei",
        "hoiku_riyou_moushikomi",
    ]
    assert all(form.pdf.startswith(b"%PDF") for form in scan.forms)


def test_the_first_scan_records_one_handoff(workspace: Workspace) -> None:
    scan = open_scan(workspace, sealed().digits)
    assert scan.handoff is not None
    assert not scan.handoff.already_handled
    rows = handoff_rows(workspace)
    assert [(r.case_id, r.department, r.desk, r.scans) for r in rows] == [
        ("20261123-3FA2C1", "shimin", "窓口1", 1)
    ]


def test_the_same_slip_twice_is_already_handled_and_counted_once(workspace: Workspace) -> None:
    digits = sealed().digits
    open_scan(workspace, digits)
    again = open_scan(workspace, digits)
    assert again.handoff is not None
    assert again.handoff.already_handled
    assert again.handoff.scans == 2
    assert [(r.case_id, r.scans) for r in handoff_rows(workspace)] == [("20261123-3FA2C1", 2)]


def test_a_new_slip_of_the_same_case_is_also_already_handled(workspace: Workspace) -> None:
    """Two slips of one case (each sealed with a fresh nonce) are one handoff."""
    open_scan(workspace, sealed().digits)
    assert open_scan(workspace, sealed().digits).handoff.already_handled  # type: ignore[union-attr]


def test_a_scan_is_audited_without_personal_data(workspace: Workspace) -> None:
    open_scan(workspace, sealed().digits)
    with workspace.session() as session:
        entry = audit_entries(session)[0]
    assert (entry.action, entry.case_id) == ("slip_scanned", "20261123-3FA2C1")
    assert entry.detail == "department=shimin scans=1 forms=4"


def test_printing_is_audited_with_form_ids_only(workspace: Workspace) -> None:
    scan = open_scan(workspace, sealed().digits)
    record_printing(workspace, scan, scan.forms[:2])
    with workspace.session() as session:
        entry = audit_entries(session)[0]
    assert entry.action == "forms_printed"
    assert entry.detail == (
        "department=shimin count=2 forms=juumin_idou_todoke,inkan_touroku_shinsei"
    )


def test_what_a_wedge_scanner_types_is_normalised(workspace: Workspace) -> None:
    """Full-width digits (an IME left on) and a trailing newline still open the slip."""
    digits = sealed().digits
    wide = digits.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    assert open_scan(workspace, wide + "\r\n").case_id == "20261123-3FA2C1"


def test_a_case_with_nothing_for_the_department_says_where_to_go(workspace: Workspace) -> None:
    scan = open_scan(at_department(workspace, "zeimu"), sealed().digits)
    assert not scan.for_this_department
    assert scan.forms == []
    assert scan.handoff is None
    assert handoff_rows(workspace) == []
    assert scan.wrong_counter is not None
    assert "税務課の手続きはありません" in scan.wrong_counter.title
    assert "市民課(1階 1番窓口)" in scan.wrong_counter.todo
    assert "こども育成課(2階 12番窓口)" in scan.wrong_counter.todo


@pytest.mark.parametrize(
    ("make", "code"),
    [
        pytest.param(
            lambda _tmp: changed_digit(sealed().digits),
            ErrorCode.SLIP_CHECK_DIGIT,
            id="changed digit",
        ),
        pytest.param(lambda _tmp: expired_digits(), ErrorCode.SLIP_EXPIRED, id="expired"),
        pytest.param(other_city_digits, ErrorCode.SLIP_UNKNOWN_KEY, id="another city"),
        pytest.param(lambda _tmp: "https://example.com/", ErrorCode.SLIP_SCHEME, id="not a slip"),
    ],
)
def test_a_rejected_slip_records_nothing(
    workspace: Workspace, tmp_path: Path, make: object, code: ErrorCode
) -> None:
    text = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(KakanaiError) as caught:
        open_scan(workspace, text)
    assert caught.value.code is code
    assert handoff_rows(workspace) == []
    with workspace.session() as session:
        assert audit_entries(session) == []


def test_a_rendered_slip_image_reads_back_to_its_digits(
    workspace: Workspace, tmp_path: Path
) -> None:
    slip = sealed()
    assert read_slip_image(slip_png(slip, tmp_path / "slip.png")) == slip.digits


def test_an_image_without_a_code_is_slip_001(workspace: Workspace, tmp_path: Path) -> None:
    from PIL import Image  # noqa: PLC0415 - only this test draws an image

    blank = tmp_path / "blank.png"
    Image.new("RGB", (400, 300), "white").save(blank)
    with pytest.raises(KakanaiError) as caught:
        read_slip_image(blank)
    assert caught.value.code is ErrorCode.SLIP_NO_CODE


@pytest.mark.parametrize(
    ("department", "form"),
    [("kodomo", "jidou_teate_nintei_seikyu"), ("zeimu", "keijidousha_gentsuki")],
)
def test_warming_up_renders_one_of_the_departments_forms(
    workspace: Workspace, department: str, form: str
) -> None:
    assert warm_up(at_department(workspace, department)) == form
