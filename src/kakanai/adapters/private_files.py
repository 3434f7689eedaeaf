"""Owner-only files and folders for the data folder, which holds residents' data, the
database password and the slip keys: folders 0700, files 0600 whoever creates them first,
and files replaced in one step through a unique temporary file beside them."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
# Elsewhere (Windows) the user profile's access rules protect the data folder.
CHECKS_MODES = os.name == "posix"


def private_folder(path: Path) -> Path:
    """Create ``path`` (and its parents) if needed and make it owner-only.

    An existing folder is tightened too: a data folder created by an older version or by
    hand must not stay readable by others."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if CHECKS_MODES and stat.S_IMODE(path.stat().st_mode) != PRIVATE_FOLDER:
        path.chmod(PRIVATE_FOLDER)
    return path


def tighten(path: Path) -> None:
    """Make an existing file owner-only (nothing when it does not exist)."""
    if not CHECKS_MODES:
        return
    with contextlib.suppress(FileNotFoundError):
        if stat.S_IMODE(path.stat().st_mode) & 0o077:
            path.chmod(PRIVATE_FILE)


def write_private(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; the file is 0600.

    The temporary file has a unique name (``mkstemp`` creates it 0600), so processes that
    write the same file at once never trip over each other's half-written copy."""
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
