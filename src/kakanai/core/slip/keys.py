"""A desk's slip keys (鍵) as data: one active key that seals new slips, older keys kept so
that slips sealed with them open until they expire; rotation, and merging keys carried from
another desk of the same city. Files and permissions live in ``adapters/slip/key_files.py``."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from kakanai.core.errors import ErrorCode, KakanaiError

KEYRING_FORMAT = "kakanai.keyring/1"
_KEY_ID = re.compile(r"[0-9A-F]{4}")
KEY_IDS = 16**4  # four hex digits
SECRET_BYTES = 32


class KeyringFormatError(ValueError):
    """Keyring data that is not what ``keyring_to_json`` writes; the text says what is wrong."""


@dataclass(frozen=True)
class SlipKey:
    key_id: str  # four hex digits, carried in every slip sealed with the key
    secret: bytes  # AES-256 key material
    created_at: dt.datetime

    def __repr__(self) -> str:  # never print a secret by accident
        return f"SlipKey({self.key_id!r}, created_at={self.created_at.isoformat()!r})"


@dataclass(frozen=True)
class Keyring:
    keys: tuple[SlipKey, ...]
    active_id: str

    @property
    def active(self) -> SlipKey:
        found = self.find(self.active_id)
        assert found is not None, "a keyring always holds its active key"
        return found

    def find(self, key_id: str) -> SlipKey | None:
        return next((key for key in self.keys if key.key_id == key_id), None)

    def rotated(self, now: dt.datetime) -> Keyring:
        """A new active key; every older key stays for opening old slips."""
        key = new_key({k.key_id for k in self.keys}, now)
        return Keyring((*self.keys, key), key.key_id)


def first_keyring(now: dt.datetime) -> Keyring:
    key = new_key(set(), now)
    return Keyring((key,), key.key_id)


def new_key(taken: set[str], now: dt.datetime) -> SlipKey:
    return SlipKey(new_key_id(taken), secrets.token_bytes(SECRET_BYTES), now)


def new_key_id(taken: set[str]) -> str:
    """A random free key id; KEY_011 when every id is taken (random tries would never end)."""
    if len(taken) >= KEY_IDS:
        raise KakanaiError.of(ErrorCode.KEY_IDS_EXHAUSTED, count=f"{len(taken):,}")
    while True:
        key_id = secrets.token_hex(2).upper()
        if key_id not in taken:
            return key_id


@dataclass(frozen=True)
class Merge:
    """What importing another desk's keys did."""

    keyring: Keyring
    added: tuple[str, ...]
    activated: str | None  # the imported active key, when it is newer than ours


def merge(local: Keyring | None, carried: Keyring) -> Merge:
    """Add the carried keys; take the carried active key when it is newer than ours.
    KEY_007 when the same id names different secrets (another city's keys)."""
    if local is None:
        return Merge(carried, tuple(k.key_id for k in carried.keys), carried.active_id)
    keys = list(local.keys)
    added = []
    for key in carried.keys:
        mine = local.find(key.key_id)
        if mine is None:
            keys.append(key)
            added.append(key.key_id)
        elif not secrets.compare_digest(mine.secret, key.secret):
            raise KakanaiError.of(ErrorCode.KEY_CONFLICT, key_id=key.key_id)
    newer = carried.active.created_at > local.active.created_at
    active = carried.active_id if newer else local.active_id
    return Merge(Keyring(tuple(keys), active), tuple(added), active if newer else None)


def keyring_to_json(keyring: Keyring) -> dict[str, object]:
    return {
        "format": KEYRING_FORMAT,
        "active": keyring.active_id,
        "keys": [
            {
                "id": key.key_id,
                "created_at": key.created_at.isoformat(timespec="seconds"),
                "secret": base64.b64encode(key.secret).decode("ascii"),
            }
            for key in keyring.keys
        ],
    }


def keyring_from_json(data: object) -> Keyring:
    if not isinstance(data, Mapping) or data.get("format") != KEYRING_FORMAT:
        raise KeyringFormatError(f"形式が {KEYRING_FORMAT} ではありません")
    rows = data.get("keys")
    if not isinstance(rows, list) or not rows:
        raise KeyringFormatError("鍵が1つもありません")
    keys = tuple(_key_from_json(row) for row in rows)
    if len({k.key_id for k in keys}) != len(keys):
        raise KeyringFormatError("同じ鍵IDが2回あります")
    active = data.get("active")
    if not any(k.key_id == active for k in keys):
        raise KeyringFormatError(f"使用中の鍵ID {active!r} がありません")
    return Keyring(keys, str(active))


def _key_from_json(row: object) -> SlipKey:
    if not isinstance(row, Mapping):
        raise KeyringFormatError("鍵の項目の形が違います")
    key_id, created, secret = row.get("id"), row.get("created_at"), row.get("secret")
    if not isinstance(key_id, str) or not _KEY_ID.fullmatch(key_id):
        raise KeyringFormatError(f"鍵ID {key_id!r} が正しくありません")
    try:
        created_at = dt.datetime.fromisoformat(str(created))
        raw = base64.b64decode(str(secret), validate=True)
    except (ValueError, binascii.Error):
        raise KeyringFormatError(f"鍵 {key_id} の作成日時か鍵の値が読めません") from None
    if len(raw) != SECRET_BYTES or created_at.tzinfo is None:
        raise KeyringFormatError(f"鍵 {key_id} の鍵の長さか作成日時が正しくありません")
    return SlipKey(key_id, raw, created_at)
