"""`kakanai doctor` on the card reader: optional hardware, never a failing finding."""

from __future__ import annotations

from kakanai.adapters.smartcard.mynumber import CardReaderError, reader_names
from kakanai.benchmarks.smartcard_lab import SmartcardLab
from kakanai.core.errors import ErrorCode
from kakanai.services.doctor import checks
from kakanai.services.doctor.findings import Level


def test_the_readers_pcscd_lists_are_named(smartcard_lab: SmartcardLab) -> None:
    finding = checks.check_card_reader(reader_names)
    assert finding.level is Level.OK
    assert smartcard_lab.reader in finding.message


def test_no_reader_is_only_a_note() -> None:
    finding = checks.check_card_reader(list)
    assert finding.level is Level.NOTE
    assert finding.message == "カードリーダーはありません(氏名等は手で入力します)"


def test_pcscd_out_of_reach_is_a_warning_that_says_what_to_install() -> None:
    def no_service() -> list[str]:
        raise CardReaderError("pcscd に接続できません", "no_service")

    finding = checks.check_card_reader(no_service)
    assert (finding.code, finding.level) == (ErrorCode.DOCTOR_CARD_SERVICE, Level.WARNING)
    assert not finding.level.failing
    assert "apt install pcscd" in finding.message
