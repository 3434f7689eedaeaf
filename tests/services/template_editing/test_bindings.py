"""The case fields a box can read are found by their Japanese labels."""

from __future__ import annotations

from kakanai.services.template_editing.bindings import catalogue, search
from tests.services.template_editing.conftest import TREES


def test_a_postal_code_is_found_by_its_label() -> None:
    found = search(catalogue(TREES, per_member=False), "新しい住所 郵便番号")
    assert ("answers.new_address.postal_code", "新しい住所の郵便番号") in [
        (b.source, b.label) for b in found
    ]


def test_half_width_katakana_and_capitals_find_the_same() -> None:
    bindables = catalogue(TREES, per_member=False)
    assert search(bindables, "ﾌﾘｶﾞﾅ") == search(bindables, "フリガナ")
    assert search(bindables, "POSTAL_CODE") == search(bindables, "postal_code")


def test_a_check_is_offered_only_yes_no_values() -> None:
    found = search(catalogue(TREES, per_member=False), "", reads="bool")
    assert found
    assert {b.reads for b in found} == {"bool"}
    assert 'answers.move_type == "転入"' in [b.source for b in found]


def test_member_fields_only_on_a_per_member_form() -> None:
    household = [b.source for b in catalogue(TREES, per_member=False)]
    member = [b.source for b in catalogue(TREES, per_member=True)]
    assert "member.name" not in household
    assert "member.name" in member


def test_the_procedures_asking_for_the_form_come_as_yes_no() -> None:
    found = catalogue(TREES, per_member=False, form_id="inu_touroku_henkou")
    sources = [b.source for b in found]
    assert 'procedure.id == "inu_tennyu"' in sources
    assert 'procedure.id == "kokuho_kanyu"' not in sources
