"""Slips for the desk tests: the reference case sealed with the desk's own key (or another
city's, or long expired), as digits, as a rendered slip image and as a photographed frame."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path
from typing import Any

import numpy as np

from kakanai.adapters.pdf.raster import pdf_to_png
from kakanai.adapters.slip import key_files
from kakanai.adapters.slip.pdf import render_slip
from kakanai.benchmarks.scan_samples import photograph, print_slip
from kakanai.services import keys
from kakanai.services.case_files import load_case
from kakanai.services.shipped_data import REFERENCE_CASE
from kakanai.services.slip.sealing import SealedSlip, seal_case
from kakanai.services.workspace import Workspace

JST = dt.timezone(dt.timedelta(hours=9))


def reference_case() -> dict[str, Any]:
    return load_case(REFERENCE_CASE)


def sealed(*, now: dt.datetime | None = None, valid_days: int = 30) -> SealedSlip:
    """The reference case sealed with the current data directory's active key."""
    return seal_case(reference_case(), now=now, valid_days=valid_days)


def expired_digits() -> str:
    """A slip issued 40 days ago, valid for 30."""
    issued = dt.datetime.now(JST) - dt.timedelta(days=40)
    return sealed(now=issued, valid_days=30).digits


def other_city_digits(tmp_path: Path) -> str:
    """A slip sealed with a second keyring (another city's key) in its own data folder."""
    own = os.environ.get(key_files.DATA_DIR_ENV)
    os.environ[key_files.DATA_DIR_ENV] = str(tmp_path / "other-city")
    try:
        keys.init_keys()
        return sealed().digits
    finally:
        if own is None:
            del os.environ[key_files.DATA_DIR_ENV]
        else:
            os.environ[key_files.DATA_DIR_ENV] = own


def changed_digit(digits: str) -> str:
    """One digit in the middle changed: a typo or a tampered slip (check digits disagree)."""
    middle = len(digits) // 2
    return digits[:middle] + str((int(digits[middle]) + 1) % 10) + digits[middle + 1 :]


def slip_png(slip: SealedSlip, path: Path, dpi: int = 200) -> Path:
    """The slip for ``slip`` rendered as the counter prints it, rasterized at ``dpi``."""
    pdf = path.with_suffix(".pdf")
    pdf.write_bytes(
        render_slip(
            reference_case(), slip.digits, issued_at=slip.issued_at, expires_at=slip.expires_at
        )
    )
    pdf_to_png(pdf, path, dpi=dpi)
    return path


def photographed(digits: str, seed: int = 5) -> np.ndarray:
    """A webcam frame (BGR, 1280×720) of a printed code holding ``digits`` on a desk."""
    rng = np.random.default_rng(seed)
    return photograph(print_slip(digits, rng), rng)


def blank_frame(level: int = 120) -> np.ndarray:
    """A frame with no code in it (an empty desk)."""
    return np.full((720, 1280, 3), level, dtype=np.uint8)


def at_department(workspace: Workspace, department: str) -> Workspace:
    """The workspace set to the desk of ``department`` (an id of the questionnaire)."""
    loaded = workspace.loaded
    settings = dataclasses.replace(loaded.settings, department=department)
    workspace.loaded = dataclasses.replace(loaded, settings=settings)
    assert workspace.department.id == department
    return workspace
