"""An exclusive lock between processes on one lock file: ``fcntl.flock`` on POSIX,
``msvcrt.locking`` on Windows. The operating system drops the lock when its holder exits,
so a command killed halfway never leaves a stale lock behind."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_POLL_S = 0.01  # short: the keyring is held for milliseconds


class LockTimeoutError(TimeoutError):
    """Another process held the lock for longer than the caller wanted to wait."""


@contextmanager
def exclusive_lock(path: Path, *, timeout_s: float = 30.0) -> Iterator[None]:
    """Hold ``path`` (created 0600 when missing) exclusively for the block."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, 0o600)
    try:
        deadline = time.monotonic() + timeout_s
        while not _try_lock(descriptor):
            if time.monotonic() >= deadline:
                raise LockTimeoutError(str(path))
            time.sleep(_POLL_S)
        try:
            yield
        finally:
            _unlock(descriptor)
    finally:
        os.close(descriptor)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        os.lseek(descriptor, 0, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)  # one byte stands for the file
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
