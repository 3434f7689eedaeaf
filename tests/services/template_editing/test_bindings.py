"""The case fields a box can read are found by their Japanese labels."""

from __future__ import annotations

from kakanai.core.expressions.language import parse_all
from kakanai.services.template_editing.bindings import catalogue, scope_of, search
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


def test_fees_are_offered_with_their_japanese_labels() -> None:
    """The fee totals and a procedure's fee, copies and amount (what a certificate request
    prints) are in the list, not only in the YAML."""
    labels = {b.source: b.label for b in catalogue(TREES, per_member=False)}
    assert labels["form.fee_total"] == "この様式の手数料の合計(この様式で申請する手続きすべて)"
    assert labels["procedure.fee"] == "この様式の手続きの1通の手数料"
    assert labels["procedure.copies"] == "この様式の手続きの通数"
    assert labels["procedure.amount"] == "この様式の手続きの手数料(1通の手数料×通数)"
    assert search(catalogue(TREES, per_member=False), "手数料 合計")[0].source == "form.fee_total"


def test_a_per_member_answer_is_offered_for_the_member_of_a_per_member_form() -> None:
    """``member.<id>``: the member's own answer to a per-member question, by its text."""
    household = {b.source: b for b in catalogue(TREES, per_member=False)}
    member = {b.source: b for b in catalogue(TREES, per_member=True)}
    assert "member.nationality_status" not in household
    status = member["member.nationality_status"]
    assert status.label == "対象の世帯員の回答: 国籍と在留資格は、次のどれにあたりますか"
    assert status.reads == "choice"
    assert "日本国籍" in status.choices
    assert household["person.nationality_status"].label.startswith("この様式の本人の回答: ")


def test_every_binding_offered_is_one_a_template_may_write() -> None:
    """Each entry type-checks against the case as templates see it."""
    scope = scope_of(TREES)
    for per_member in (False, True):
        for bindable in catalogue(TREES, per_member=per_member):
            expression, issues = parse_all(bindable.source, paths=True)
            assert not issues, bindable.source
            assert expression is not None
            _, issues = expression.check(
                scope, member_allowed=per_member, vocabulary=scope.vocabulary
            )
            assert not issues, (bindable.source, issues)
