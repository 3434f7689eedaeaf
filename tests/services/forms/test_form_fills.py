"""What a prefilled form filled in for the resident: its fields with a value, and among them
each name, address and birth date printed instead of written (千葉市's measure)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kakanai.core.forms.model import Box
from kakanai.core.forms.prefill import Prefill
from kakanai.services.forms.rendering import form_fills, render_forms
from kakanai.services.forms.samples import SAMPLES, build_sample
from tests.conftest import ROOT
from tests.printed_pages import PdfiumPages


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


def test_a_member_with_no_residence_record_is_no_row_of_the_residence_form(
    tmp_path: Path,
) -> None:
    """From abroad, a 短期滞在 visitor (対象外) and a Japanese national back for under a year get
    no 住民票 (住基法30条の45; catalogue §6.1): abroad.yaml guides them, the 住民異動届 does not
    list them as people it moves."""
    text = (SAMPLES / "kokugai_tennyu.answers.yaml").read_text(encoding="utf-8")
    for before, after in (
        ("[日本国籍, 後日交付, 日本国籍, 中長期在留者]", "[日本国籍, 後日交付, 日本国籍, 対象外]"),
        ("kokuho_member: [はい, はい, はい, はい]", "kokuho_member: [はい, はい, はい, null]"),
        ("  wants_school: はい\n", ""),  # asked only of foreign children who register
        ("  previous_school: メキシコ日本人学校(小学部)\n", ""),
    ):
        assert before in text
        text = text.replace(before, after)
    answers = tmp_path / "tanki.answers.yaml"
    answers.write_text(text, encoding="utf-8")
    case = build_sample(answers, "20261123-000001")
    member = next(
        m for m in case["household"]["members"] if m["name"] == "GONZALEZ LUCAS ALEJANDRO"
    )
    assert any(
        p["id"] == "juuminhyou_taishougai" and p.get("member") == member["index"]
        for p in case["procedures"]
    )
    fill = next(f for f in form_fills(case) if f.form_id == "juumin_idou_todoke")
    members = len(case["household"]["members"])
    assert fill.prefill.birth_dates == members - 1  # three rows, not four


INKAN_SAITOUROKU = """questionnaire: certificates
as_of: 2026-12-07
answers:
  certificate_groups: [印鑑登録証明書]
  household:
    - {name: 高橋 健, kana: タカハシ ケン, birth_date: 1995-12-01, sex: 男, relationship: 本人}
  requester_address:
    postal_code: "100-0001"
    prefecture: 東京都
    municipality: サンプル市
    town: 中央一丁目
    block: 2番3号
    building: サンプルハイツ101号室
  phone: 090-1234-5678
  inkan_copies: 1
  inkan_card: なし
  inkan_registrant_came: はい
  inkan_card_lost: はい
"""


def test_a_registration_made_again_prints_the_address_the_requester_gave(
    tmp_path: Path,
) -> None:
    """The certificates counter asks requester_address, not new_address: the 印鑑登録申請書 of
    a registration made again after the card was lost printed no address at all."""
    answers = tmp_path / "saitouroku.answers.yaml"
    answers.write_text(INKAN_SAITOUROKU, encoding="utf-8")
    case = build_sample(answers, "20261207-000002")
    rendered = render_forms(case, procedure="inkan_saitouroku")
    assert [r.form_id for r in rendered] == ["inkan_touroku_shinsei"]
    pages = PdfiumPages(rendered[0].pdf)
    assert pages.text_within(0, Box(92, 90, 103, 10.5), 0.6) == (
        "東京都サンプル市中央一丁目2番3号サンプルハイツ101号室"
    )
    assert pages.text_within(0, Box(97, 84, 30, 5.5), 0.6) == "100-0001"
    rings = [s.box for s in pages.strokes(0) if s.curved and s.box.x >= 43 and s.box.y >= 110]
    circled = [pages.text_within(0, ring, 0) for ring in rings if ring.y + ring.h <= 121]
    assert circled == ["本人"]  # the registrant came (inkan_registrant_came)


def test_a_name_field_without_kana_and_without_a_value_counts_nothing() -> None:
    """After a death whose new head was not named, the 国保 form's head name (a name field
    with no kana) is blank: counted as nothing, where reading its missing kana raised."""
    path = SAMPLES / "shibou_kosodate.json"
    case = json.loads(path.read_text(encoding="utf-8"))
    case["answers"] = [a for a in case["answers"] if a["question"] != "new_head"]
    fill = next(f for f in form_fills(case) if f.form_id == "kokuho_shikaku_shutoku")
    full = json.loads(path.read_text(encoding="utf-8"))
    named = next(f for f in form_fills(full) if f.form_id == "kokuho_shikaku_shutoku")
    assert named.prefill.names == fill.prefill.names + 1
