"""The desk's slip keys (`kakanai keys`): create, rotate, list, and carry them to the other
desks of the same city through an export file. Every change reads and writes the keyring
under its lock, so commands run at once never lose a key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kakanai.adapters.slip import key_files
from kakanai.adapters.slip.aes_gcm import AesGcmCipher
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.envelope import Cipher, as_jst
from kakanai.core.slip.keys import Keyring, Merge, first_keyring, merge

# Desks' clocks differ a little; a key dated further ahead than this would stay the active
# key (the newest wins a merge) until the clock caught up, possibly forever.
FUTURE_KEY_SKEW = dt.timedelta(days=1)


def current_keyring() -> Keyring:
    """The desk's keyring; KEY_001 (run `kakanai keys init`) when there is none."""
    keyring = key_files.load_keyring()
    if keyring is None:
        raise KakanaiError.of(ErrorCode.KEY_NONE)
    return keyring


def init_keys(now: dt.datetime | None = None) -> tuple[Keyring, Path]:
    """The first key of this desk; KEY_002 when the desk already has keys."""
    with key_files.keyring_lock():
        if key_files.load_keyring() is not None:
            raise KakanaiError.of(ErrorCode.KEY_EXISTS, path=key_files.keyring_path())
        keyring = first_keyring(as_jst(now))
        return keyring, key_files.save_keyring(keyring)


def ensure_keys(now: dt.datetime | None = None) -> Keyring:
    """The desk's keyring, created on the first run; desks starting at once share one key."""
    with key_files.keyring_lock():
        keyring = key_files.load_keyring()
        if keyring is None:
            keyring = first_keyring(as_jst(now))
            key_files.save_keyring(keyring)
        return keyring


def rotate_keys(now: dt.datetime | None = None) -> Keyring:
    """A new active key; the older ones stay so that their slips open until they expire."""
    with key_files.keyring_lock():
        keyring = current_keyring().rotated(as_jst(now))
        key_files.save_keyring(keyring)
        return keyring


def export_keys(path: Path) -> Keyring:
    keyring = current_keyring()
    key_files.write_export(path, keyring)
    return keyring


def import_keys(path: Path, now: dt.datetime | None = None) -> Merge:
    """Add another desk's keys (all or nothing); its active key wins when it is newer.
    KEY_010 when a key is dated more than a day ahead of this desk's clock."""
    carried = key_files.read_export(path)
    moment = as_jst(now)
    for key in carried.keys:
        if key.created_at > moment + FUTURE_KEY_SKEW:
            raise KakanaiError.of(
                ErrorCode.KEY_FROM_THE_FUTURE,
                key_id=key.key_id,
                created=f"{key.created_at:%Y-%m-%d %H:%M %z}",  # as written: may be past 9999
                now=f"{moment:%Y-%m-%d %H:%M %z}",
            )
    with key_files.keyring_lock():
        result = merge(key_files.load_keyring(), carried)
        key_files.save_keyring(result.keyring)
        return result


def cipher_of(keyring: Keyring, key_id: str) -> Cipher | None:
    key = keyring.find(key_id)
    return AesGcmCipher(key.secret) if key is not None else None
