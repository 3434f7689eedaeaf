"""What a prefilled form filled in for the resident: its fields with a value, and among them
each name, address and birth date printed instead of written (千葉市's measure)."""

from __future__ import annotations

import json
from typing import Any

from kakanai.core.forms.prefill import Prefill
from kakanai.services.forms.rendering import form_fills, render_forms
from tests.conftest import ROOT


def reference_case() -> dict[str, Any]:
    path = ROOT / "tests" / "fixtures" / "reference_case.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_residence_form_prints_every_member_and_both_addresses() -> None:
    """住民異動届 of the family of four: the 届出人 and four member rows (names), four
    birth dates, the new and the previous address."""
    case = reference_case()
    members = len(case["household"]["members"])
    fill = next(f for f in form_fills(case) if f.form_id == "juumin_idou_todoke")
    assert (fill.prefill.names, fill.prefill.birth_dates, fill.prefill.addresses) == (
        members + 1,
        members,
        2,
    )
    assert fill.prefill.fields > fill.prefill.writings  # dates, phone, choices too


def test_a_per_member_form_counts_for_its_member() -> None:
    case = reference_case()
    fills = [f for f in form_fills(case) if f.form_id == "kodomo_iryou_shinsei"]
    concerned = {
        p.get("member") for p in case["procedures"] if "kodomo_iryou_shinsei" in p["forms"]
    }
    assert {f.member for f in fills} == concerned
    assert all(f.department == "kodomo" and f.procedure_id for f in fills)


def test_rendered_forms_carry_the_same_counts_as_the_fills() -> None:
    """The desk records what it printed: the PDF's fill equals the fill counted alone."""
    case = reference_case()
    rendered = render_forms(case, department="kodomo")
    alone = [f for f in form_fills(case) if f.department == "kodomo"]
    assert [r.fill for r in rendered] == alone


def test_a_form_with_nothing_to_fill_counts_nothing() -> None:
    assert Prefill().writings == 0
    assert (Prefill(3, 1, 1, 1) + Prefill(2, 0, 1, 0)).writings == 4
