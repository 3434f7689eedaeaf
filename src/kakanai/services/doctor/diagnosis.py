"""Running every check of `kakanai doctor` in the order an administrator fixes things:
what is installed, then the desk's data folder, settings, keys and database, then the
devices."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass

from kakanai.adapters.data_folder import data_dir
from kakanai.adapters.pdf.fonts import font_dirs, index_fonts
from kakanai.core.errors import KakanaiError
from kakanai.services.doctor import checks
from kakanai.services.doctor.findings import Finding, Level
from kakanai.services.settings import load_settings


@dataclass(frozen=True)
class Devices:
    """How the printers and the camera are probed (the CLI asks Qt in a child process;
    tests give fixed answers)."""

    printers: checks.PrinterProbe
    camera: checks.CameraProbe
    card_readers: checks.CardReaderProbe | None = None  # None: not looked at


def diagnose(devices: Devices | None, env: Mapping[str, str] | None = None) -> list[Finding]:
    """Every finding about this desk's installation; the failing ones need action.
    ``devices`` None: the printer and the camera are not looked at."""
    folder = data_dir()
    findings = checks.check_fonts(index_fonts(font_dirs()), sys.platform)
    findings.append(checks.check_decoders())
    findings += checks.check_data_folder(folder)
    try:
        settings = load_settings(folder, env).settings
    except KakanaiError as exc:
        return [*findings, Finding.of_error("設定", exc)]
    findings.append(Finding("設定", Level.OK, f"{settings.city} {settings.desk}({settings.mode})"))
    findings.append(checks.check_content(settings))
    findings.append(checks.check_keys())
    findings.append(checks.check_database(settings, folder))
    if devices is None:
        skipped = "確かめていません(--no-devices)"
        return [
            *findings,
            Finding("プリンター", Level.NOTE, skipped),
            Finding("カメラ", Level.NOTE, skipped),
            Finding("カードリーダー", Level.NOTE, skipped),
        ]
    findings.append(checks.check_printer(settings, devices.printers))
    findings.append(checks.check_camera(settings, devices.camera))
    if devices.card_readers is not None:
        findings.append(checks.check_card_reader(devices.card_readers))
    return findings


def failing(findings: list[Finding]) -> bool:
    return any(f.level.failing for f in findings)
