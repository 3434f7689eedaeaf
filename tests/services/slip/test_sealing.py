"""Sealing a case and opening the slip at a linked desk: the full case comes back, and every
rejection (unknown key, wrong key, altered, expired, another questionnaire version) has its
own code and never yields part of a case."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from kakanai.adapters.qr.sizing import qr_version
from kakanai.adapters.slip import key_files
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip import envelope
from kakanai.core.slip.digits import frame, unframe
from kakanai.core.slip.envelope import KNOWN_VERSIONS
from kakanai.core.slip.keys import Keyring, SlipKey
from kakanai.services import keys, shipped_data
from kakanai.services.slip.sealing import open_slip, open_slip_details, seal_case
from tests.conftest import QUESTIONNAIRES, ROOT

JST = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime(2026, 11, 23, 10, 20, tzinfo=JST)
REFERENCE: dict[str, Any] = json.loads(
    (ROOT / "tests" / "fixtures" / "reference_case.json").read_text(encoding="utf-8")
)


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A desk with one key, in a temporary data directory."""
    monkeypatch.setenv(key_files.DATA_DIR_ENV, str(tmp_path / "desk"))
    keys.init_keys(NOW)
    return tmp_path / "desk"


def reference() -> dict[str, Any]:
    return json.loads(json.dumps(REFERENCE))


def rejection(text: str, now: dt.datetime = NOW) -> KakanaiError:
    with pytest.raises(KakanaiError) as caught:
        open_slip(text, now=now)
    return caught.value


def test_the_reference_case_comes_back_whole(desk: Path) -> None:
    slip = seal_case(reference(), now=NOW)
    assert open_slip(slip.digits, now=NOW) == REFERENCE


def test_the_sealed_slip_says_its_key_and_validity(desk: Path) -> None:
    slip = seal_case(reference(), now=NOW, valid_days=14)
    assert slip.key_id == keys.current_keyring().active_id
    assert slip.issued_at == NOW
    assert slip.expires_at == NOW + dt.timedelta(days=14)
    assert slip.issued_at.utcoffset() == dt.timedelta(hours=9)
    assert slip.digits.isdigit()
    assert slip.digits.startswith("8702")


def test_the_reference_case_fits_qr_version_15_at_error_correction_q(desk: Path) -> None:
    digits = seal_case(reference(), now=NOW).digits
    version = qr_version(digits, "Q")
    assert version is not None
    assert version <= 15
    assert qr_version(json.dumps(REFERENCE, ensure_ascii=False).encode(), "Q") is None


def test_two_slips_of_the_same_case_differ(desk: Path) -> None:
    """A fresh nonce each time: nobody can tell two slips carry the same case."""
    assert seal_case(reference(), now=NOW).digits != seal_case(reference(), now=NOW).digits


def test_sealing_without_keys_says_to_run_keys_init(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(key_files.DATA_DIR_ENV, str(tmp_path / "empty"))
    with pytest.raises(KakanaiError) as caught:
        seal_case(reference(), now=NOW)
    assert caught.value.code is ErrorCode.KEY_NONE
    assert "kakanai keys init" in caught.value.message
    assert not (tmp_path / "empty").exists()


def test_slips_of_an_old_key_open_after_rotation(desk: Path) -> None:
    old = seal_case(reference(), now=NOW)
    keys.rotate_keys(NOW)
    new = seal_case(reference(), now=NOW)
    assert new.key_id != old.key_id
    assert open_slip(old.digits, now=NOW) == open_slip(new.digits, now=NOW) == REFERENCE


def test_a_slip_of_another_desk_names_the_unknown_key(
    desk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slip = seal_case(reference(), now=NOW)
    monkeypatch.setenv(key_files.DATA_DIR_ENV, str(tmp_path / "other"))
    keys.init_keys(NOW)
    error = rejection(slip.digits)
    assert error.code is ErrorCode.SLIP_UNKNOWN_KEY
    assert slip.key_id in error.message
    assert "kakanai keys import" in error.message


def test_the_same_key_id_with_another_key_is_a_wrong_key(desk: Path) -> None:
    slip = seal_case(reference(), now=NOW)
    other_secret = bytes(32)
    key_files.save_keyring(Keyring((SlipKey(slip.key_id, other_secret, NOW),), slip.key_id))
    assert rejection(slip.digits).code is ErrorCode.SLIP_WRONG_KEY


def _altered(digits: str, at: int) -> str:
    """The slip with one byte changed and every check digit made right again: a forgery."""
    data = bytearray(unframe(digits, KNOWN_VERSIONS).data)
    data[at] ^= 0x01
    return frame(1, bytes(data))


@pytest.mark.parametrize(
    ("at", "what"),
    [(-1, "the tag"), (-40, "the ciphertext"), (2, "the issue time"), (14, "the validity")],
)
def test_an_altered_slip_with_correct_check_digits_is_rejected(
    desk: Path, at: int, what: str
) -> None:
    slip = seal_case(reference(), now=NOW)
    assert rejection(_altered(slip.digits, at)).code is ErrorCode.SLIP_WRONG_KEY, what


def test_a_slip_of_a_newer_format_says_to_update_kakanai(desk: Path) -> None:
    """A well-formed slip of format 03 (all check digits right) is not taken for a typo."""
    framed = unframe(seal_case(reference(), now=NOW).digits, KNOWN_VERSIONS)
    error = rejection(frame(3, framed.data))
    assert error.code is ErrorCode.SLIP_VERSION
    assert "03" in error.message
    assert "01・02" in error.message


def test_a_slip_of_format_01_still_opens(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Slips printed before visits and per-member answers stay valid for their 30 days."""
    monkeypatch.setattr(envelope, "FORMAT_VERSION", 1)
    digits = seal_case(reference(), now=NOW).digits
    monkeypatch.setattr(envelope, "FORMAT_VERSION", 2)
    assert digits.startswith("8701")
    assert open_slip(digits, now=NOW) == reference()


def test_an_expired_slip_shows_its_expiry_in_wareki_and_time(desk: Path) -> None:
    slip = seal_case(reference(), now=NOW, valid_days=30)
    error = rejection(slip.digits, now=NOW + dt.timedelta(days=30, seconds=1))
    assert error.code is ErrorCode.SLIP_EXPIRED
    assert "令和8年12月23日 10時20分" in error.message


def test_a_slip_opens_until_its_last_second(desk: Path) -> None:
    slip = seal_case(reference(), now=NOW, valid_days=30)
    assert open_slip(slip.digits, now=slip.expires_at) == REFERENCE


def test_times_without_a_zone_are_japan_time(desk: Path) -> None:
    slip = seal_case(reference(), now=NOW.replace(tzinfo=None))
    assert slip.issued_at == NOW
    assert open_slip_details(slip.digits, now=NOW.replace(tzinfo=None)).issued_at == NOW


@pytest.mark.parametrize("days", [0, -1, 367])
def test_validity_outside_one_day_to_a_year_is_refused(desk: Path, days: int) -> None:
    with pytest.raises(KakanaiError) as caught:
        seal_case(reference(), now=NOW, valid_days=days)
    assert caught.value.code is ErrorCode.SLIP_VALID_DAYS


def _tree_copy(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "questionnaires"
    folder.mkdir(exist_ok=True)
    text = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
    assert old in text
    (folder / "moving.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_a_slip_of_another_questionnaire_version_says_to_update(
    desk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = _tree_copy(tmp_path, 'version: "2027.2"', 'version: "2027.3"')
    case = reference()
    case["questionnaire"]["version"] = "2027.3"
    monkeypatch.setattr(shipped_data, "QUESTIONNAIRES", newer)
    slip = seal_case(case, now=NOW)
    monkeypatch.setattr(shipped_data, "QUESTIONNAIRES", QUESTIONNAIRES)
    error = rejection(slip.digits)
    assert error.code is ErrorCode.SLIP_QUESTIONNAIRE_VERSION
    assert "2027.3" in error.message
    assert "2027.2" in error.message


def test_a_desk_without_the_questionnaire_says_so(
    desk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slip = seal_case(reference(), now=NOW)
    monkeypatch.setattr(shipped_data, "QUESTIONNAIRES", tmp_path / "nothing")
    assert rejection(slip.digits).code is ErrorCode.SLIP_QUESTIONNAIRE_MISSING


def test_a_tree_changed_without_a_new_version_is_caught_not_misread(
    desk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Option indexes refer to the tree: reordering two options must not pass unnoticed."""
    first = "          - value: 転入\n            label: 転入(市外からサンプル市へ引っ越してきた)\n"
    second = "          - value: 転居\n            label: 転居(サンプル市内で引っ越した)\n"
    reordered = _tree_copy(tmp_path, first + second, second + first)
    monkeypatch.setattr(shipped_data, "QUESTIONNAIRES", reordered)
    slip = seal_case(reference(), now=NOW)
    monkeypatch.setattr(shipped_data, "QUESTIONNAIRES", QUESTIONNAIRES)
    assert rejection(slip.digits).code is ErrorCode.SLIP_CONTENT


def test_an_edit_that_would_shift_the_answers_is_caught_by_the_fingerprint(
    desk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An optional question made required (same version) would read every later answer one
    bit off; the tree's fingerprint stops it before any answer is read."""
    slip = seal_case(reference(), now=NOW)
    old = "        required: false\n        text: 引っ越し前の住所での世帯主の"
    edited = _tree_copy(tmp_path, old, old.replace("false", "true"))
    monkeypatch.setattr(shipped_data, "QUESTIONNAIRES", edited)
    error = rejection(slip.digits)
    assert error.code is ErrorCode.SLIP_CONTENT
    assert "並びが違います" in error.message


@pytest.mark.parametrize(
    ("change", "says"),
    [
        pytest.param(lambda c: c["procedures"].pop(), "手続き", id="a procedure dropped"),
        pytest.param(
            lambda c: c["procedures"][0].update(because="別の理由"), "procedures", id="edited"
        ),
        pytest.param(lambda c: c["answers"].pop(3), "new_address", id="an answer missing"),
        pytest.param(
            lambda c: c["questionnaire"].update(version="2025.04"), "2025.04", id="old version"
        ),
        pytest.param(
            lambda c: c["answers"][0].update(value="移転"), "move_type", id="not an option"
        ),
    ],
)
def test_a_case_its_questionnaire_would_not_make_is_not_sealed(
    desk: Path, change: Any, says: str
) -> None:
    case = reference()
    change(case)
    with pytest.raises(KakanaiError) as caught:
        seal_case(case, now=NOW)
    assert caught.value.code is ErrorCode.SLIP_CASE_MISMATCH
    assert says in caught.value.message


@pytest.mark.parametrize("ahead", [dt.timedelta(days=400), dt.timedelta(minutes=11)])
def test_a_slip_issued_after_this_desks_clock_is_not_yet_valid(
    desk: Path, ahead: dt.timedelta
) -> None:
    """A slip issued 400 days in the future used to open."""
    slip = seal_case(reference(), now=NOW + ahead)
    error = rejection(slip.digits, now=NOW)
    assert error.code.code == "SLIP_016"
    assert "時計" in error.message


def test_a_slip_a_few_minutes_ahead_opens_within_the_clock_skew(desk: Path) -> None:
    slip = seal_case(reference(), now=NOW + dt.timedelta(minutes=9))
    assert open_slip(slip.digits, now=NOW) == REFERENCE
