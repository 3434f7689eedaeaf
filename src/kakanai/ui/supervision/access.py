"""The two things the supervisor's mode needs from the roles and versions of issue 13, kept in
one place so that they are wired once (in ``ui/application.py``): who may open the mode, and
what publishing a checked draft does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

Guard = Callable[[QWidget], bool]
"""Asked each time the mode is about to open, with the window as the dialogs' parent: True
lets the supervisor in (after signing in), False keeps the current mode."""

Publish = Callable[[QWidget, Path], None]
"""Publishes the saved draft file (asks for the version and 施行日, records it); None while
publishing is not wired: the action is shown disabled."""


def allow_everyone(_parent: QWidget) -> bool:
    """Until sign-in is wired, anyone at this desk may open the mode."""
    return True


@dataclass(frozen=True)
class SupervisionAccess:
    guard: Guard = allow_everyone
    publish: Publish | None = None
