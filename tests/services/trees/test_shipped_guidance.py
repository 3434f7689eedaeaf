"""The shipped trees mark their checks of the input and their refusals as guidance (kind:
guidance), so the counter, the slip and the statistics never take them for procedures."""

from __future__ import annotations

import re

from kakanai.core.trees.model import ProcedureKind
from tests.services.trees.test_shipped_visits import shipped_trees

NOT_A_PROCEDURE = re.compile(
    r"^【|できません|^必要な証明書の確認$|まだ発行していません|原則いりません"
)


def test_every_check_of_the_input_and_every_refusal_is_guidance() -> None:
    named = {
        f"{tree.meta.id}.{p.id}": p.kind
        for tree in shipped_trees()
        for p in tree.procedures
        if NOT_A_PROCEDURE.search(p.name)
    }
    assert len(named) == 18
    assert {key for key, kind in named.items() if kind is not ProcedureKind.GUIDANCE} == set()


def test_only_the_checks_and_refusals_are_guidance() -> None:
    guidance = {
        f"{tree.meta.id}.{p.id}"
        for tree in shipped_trees()
        for p in tree.procedures
        if p.kind is ProcedureKind.GUIDANCE
    }
    assert guidance == {
        "birth.nyuuryoku_kakunin_mirai",
        "birth.nyuuryoku_kakunin_shinseiji",
        "moving.todoke_mae",
        "moving.tenshutsu_hayai",
        "moving.todoke_kigen_keika",
        "certificates.shoumeisho_kakunin",
        "certificates.juuminhyou_fuka",
        "certificates.joshou_haiki",
        "certificates.joshou_fuka",
        "certificates.inkan_mynumber_dairi_fuka",
        "certificates.inkan_card_nashi",
        "certificates.kouiki_photo_id_nashi",
        "certificates.koseki_fuka",
        "certificates.mibun_fuka",
        "certificates.kazei_mada",
        "certificates.kei_fuyou",
        "certificates.zei_fuka",
        "certificates.kei_minou",
    }
