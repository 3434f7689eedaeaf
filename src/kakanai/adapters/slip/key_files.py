"""The desk's keyring on disk: ``<data dir>/keys/keyring.json``, where the data dir is
``KAKANAI_DATA_DIR`` or platformdirs' ``user_data_dir("kakanai")``. The folders are 0700 and
the files 0600, written atomically; a keyring others can read is refused, not used.
Changes happen under ``keyring_lock()`` so that parallel key commands never lose a key."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

# Re-exported ("as" is how mypy strict sees it): callers found the data folder here before.
from kakanai.adapters.data_folder import DATA_DIR_ENV as DATA_DIR_ENV  # noqa: PLC0414
from kakanai.adapters.data_folder import data_dir as data_dir  # noqa: PLC0414
from kakanai.adapters.file_lock import LockTimeoutError, exclusive_lock
from kakanai.adapters.private_files import CHECKS_MODES, private_folder, write_private
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.keys import Keyring, KeyringFormatError, keyring_from_json, keyring_to_json

LOCK_WAIT_S = 30.0  # a key command holds the lock for milliseconds; 30 s means it is stuck


def keyring_path() -> Path:
    return data_dir() / "keys" / "keyring.json"


def load_keyring() -> Keyring | None:
    """The desk's keyring, or None when there is none yet."""
    path = keyring_path()
    if not path.exists():
        return None
    _check_private(path.parent, "フォルダ", 0o700)
    _check_private(path, "ファイル", 0o600)
    try:
        return keyring_from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyringFormatError) as exc:
        raise KakanaiError.of(ErrorCode.KEY_FILE_BROKEN, detail=f"{path}: {exc}") from None


@contextmanager
def keyring_lock() -> Iterator[None]:
    """Hold the keyring for a read-change-write; the data and keys folders are created
    owner-only first (a fresh machine's first command may be ``keys init``)."""
    path = keyring_path()
    with ExitStack() as held:
        try:
            private_folder(data_dir())
            private_folder(path.parent)
            lock = exclusive_lock(path.with_name("keyring.lock"), timeout_s=LOCK_WAIT_S)
            held.enter_context(lock)
        except LockTimeoutError:
            raise KakanaiError.of(ErrorCode.KEY_BUSY, path=path.parent) from None
        except OSError as exc:
            raise KakanaiError.of(
                ErrorCode.KEY_WRITE, detail=f"{path}: {exc.strerror or exc}"
            ) from None
        yield


def save_keyring(keyring: Keyring) -> Path:
    """Replace the keyring file in one step, so a crash never leaves half a keyring."""
    path = keyring_path()
    text = json.dumps(keyring_to_json(keyring), ensure_ascii=False, indent=2) + "\n"
    try:
        private_folder(data_dir())
        private_folder(path.parent)
        write_private(path, text.encode("utf-8"))
    except OSError as exc:
        raise KakanaiError.of(
            ErrorCode.KEY_WRITE, detail=f"{path}: {exc.strerror or exc}"
        ) from None
    return path


def write_export(path: Path, keyring: Keyring) -> None:
    """The keys for another desk, in a new 0600 file (an existing file is never replaced)."""
    try:
        _write_new(path, keyring)
    except FileExistsError:
        raise KakanaiError.of(ErrorCode.KEY_EXPORT_EXISTS, path=path) from None
    except OSError as exc:
        raise KakanaiError.of(
            ErrorCode.KEY_WRITE, detail=f"{path}: {exc.strerror or exc}"
        ) from None


def read_export(path: Path) -> Keyring:
    try:
        return keyring_from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyringFormatError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise KakanaiError.of(ErrorCode.KEY_IMPORT_BROKEN, detail=f"{path}: {detail}") from None


def _write_new(path: Path, keyring: Keyring) -> None:
    text = json.dumps(keyring_to_json(keyring), ensure_ascii=False, indent=2) + "\n"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(text.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())


def _check_private(path: Path, what: str, wanted: int) -> None:
    if not CHECKS_MODES:
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise KakanaiError.of(
            ErrorCode.KEY_PERMISSIONS, what=what, mode=f"{mode:o}", wanted=f"{wanted:o}", path=path
        )
