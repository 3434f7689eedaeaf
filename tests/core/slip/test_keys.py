"""The keyring as data: rotation keeps old keys, importing another desk's keys adds them and
takes the newer active key, and a keyring file that is not ours is refused with a reason."""

from __future__ import annotations

import datetime as dt

import pytest

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.keys import (
    Keyring,
    KeyringFormatError,
    SlipKey,
    first_keyring,
    keyring_from_json,
    keyring_to_json,
    merge,
)

JST = dt.timezone(dt.timedelta(hours=9))
DAY1 = dt.datetime(2026, 4, 1, 9, 0, tzinfo=JST)
DAY2 = dt.datetime(2026, 10, 1, 9, 0, tzinfo=JST)


def test_rotation_adds_an_active_key_and_keeps_the_old_one() -> None:
    ring = first_keyring(DAY1)
    rotated = ring.rotated(DAY2)
    assert [k.key_id for k in rotated.keys] == [ring.active_id, rotated.active_id]
    assert rotated.active_id != ring.active_id
    assert rotated.active.created_at == DAY2
    assert len(rotated.active.secret) == 32
    assert rotated.active.secret != ring.active.secret


def test_a_key_never_shows_its_secret_when_printed() -> None:
    ring = first_keyring(DAY1)
    assert ring.active.secret.hex() not in repr(ring)
    assert repr(ring.active.secret)[2:-1] not in repr(ring)


def test_importing_into_an_empty_desk_takes_everything() -> None:
    carried = first_keyring(DAY1).rotated(DAY2)
    result = merge(None, carried)
    assert result.keyring == carried
    assert result.activated == carried.active_id


def test_importing_a_newer_active_key_switches_to_it() -> None:
    local = first_keyring(DAY1)
    carried = Keyring(local.keys, local.active_id).rotated(DAY2)
    result = merge(local, carried)
    assert result.added == (carried.active_id,)
    assert result.keyring.active_id == carried.active_id == result.activated


def test_importing_an_older_export_keeps_the_active_key() -> None:
    old = first_keyring(DAY1)
    local = old.rotated(DAY2)
    result = merge(local, old)
    assert result.added == ()
    assert result.activated is None
    assert result.keyring == local


def test_the_same_key_id_with_another_secret_is_refused() -> None:
    local = first_keyring(DAY1)
    other = first_keyring(DAY2)
    forged = Keyring((SlipKey(local.active_id, other.active.secret, DAY2),), local.active_id)
    with pytest.raises(KakanaiError) as caught:
        merge(local, forged)
    assert caught.value.code is ErrorCode.KEY_CONFLICT


def test_a_keyring_survives_its_json_form() -> None:
    ring = first_keyring(DAY1).rotated(DAY2)
    assert keyring_from_json(keyring_to_json(ring)) == ring


def _json_with(changes: dict[str, object]) -> dict[str, object]:
    data = keyring_to_json(first_keyring(DAY1))
    keys = data["keys"]
    assert isinstance(keys, list)
    data.update({k: v for k, v in changes.items() if k in data})
    keys[0].update({k: v for k, v in changes.items() if k in keys[0]})
    return data


@pytest.mark.parametrize(
    ("data", "says"),
    [
        pytest.param([], "形式", id="not a mapping"),
        pytest.param(_json_with({"format": "other/1"}), "形式", id="another format"),
        pytest.param(_json_with({"keys": []}), "1つもありません", id="no keys"),
        pytest.param(_json_with({"active": "FFFF"}), "使用中の鍵ID", id="active key missing"),
        pytest.param(_json_with({"id": "12345"}), "鍵ID", id="bad key id"),
        pytest.param(_json_with({"secret": "AAAA"}), "長さ", id="short secret"),
        pytest.param(_json_with({"secret": "not base64!"}), "読めません", id="secret not base64"),
        pytest.param(
            _json_with({"created_at": "2026-04-01T09:00:00"}), "作成日時", id="naive time"
        ),
    ],
)
def test_a_broken_keyring_is_refused_with_the_reason(data: object, says: str) -> None:
    with pytest.raises(KeyringFormatError, match=says):
        keyring_from_json(data)
