"""Reads a file as it was at a git revision (``git:REV:path``), for comparing a tree with an
earlier version of itself; git is run as a program, never as a library."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from kakanai.core.errors import ErrorCode, KakanaiError

PREFIX = "git:"


def is_revision_path(spec: str) -> bool:
    return spec.startswith(PREFIX) and spec.count(":") >= 2


def split(spec: str) -> tuple[str, str]:
    """``git:REV:path`` → (REV, path)."""
    _, revision, path = spec.split(":", 2)
    return revision, path


def read_at_revision(spec: str, cwd: Path | None = None) -> str:
    """The text of ``path`` at ``REV``; a path without ``/`` at its start is taken from the
    current folder, as git does for ``REV:./path``."""
    revision, path = split(spec)
    git = shutil.which("git")
    if git is None:
        raise KakanaiError.of(ErrorCode.DIFF_GIT_MISSING)
    shown = path if path.startswith("/") else f"./{path}"
    result = subprocess.run(  # noqa: S603 - git with arguments we built, no shell
        [git, "show", f"{revision}:{shown}"],
        cwd=cwd,
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise KakanaiError.of(
            ErrorCode.DIFF_REVISION, spec=spec, detail=detail[0] if detail else "git show"
        )
    try:
        return result.stdout.decode("utf-8")
    except UnicodeDecodeError:
        raise KakanaiError.of(
            ErrorCode.DIFF_REVISION, spec=spec, detail="UTF-8 ではありません"
        ) from None


def sibling(spec: str, name: str) -> str:
    """The spec of another file in the same folder at the same revision."""
    revision, path = split(spec)
    parent = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    return f"{PREFIX}{revision}:{parent}{name}"
