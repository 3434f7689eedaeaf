"""``kakanai doctor``: what this desk's installation lacks and how to fix it, in Japanese;
exit 1 when something required is missing."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

from kakanai.cli.arguments import EXIT_OK, EXIT_PROBLEMS, Commands, Subparsers
from kakanai.core.errors import ErrorCode, KakanaiError

if TYPE_CHECKING:
    from kakanai.services.doctor.checks import Printers


def register(commands: Subparsers) -> Commands:
    doctor = commands.add_parser(
        "doctor",
        help="この端末の設置状態(フォント・データフォルダ・鍵・データベース・プリンター・"
        "カメラ・カードリーダー)を確かめます",
    )
    doctor.add_argument("--json", action="store_true", help="結果をJSONで出力します")
    doctor.add_argument(
        "--no-devices",
        action="store_true",
        help="プリンター・カメラ・カードリーダーを確かめません(速く終わります)",
    )
    return Commands(handlers={"doctor": _doctor})


def _doctor(args: argparse.Namespace) -> int:
    # Loaded here: the checks reach the database library, which no other command should
    # pay for at start-up.
    from kakanai.services.doctor.checks import (  # noqa: PLC0415
        camera_gives_frame,
        card_readers_found,
    )
    from kakanai.services.doctor.diagnosis import Devices, diagnose, failing  # noqa: PLC0415
    from kakanai.services.doctor.findings import Level  # noqa: PLC0415

    devices = (
        None if args.no_devices else Devices(qt_printers, camera_gives_frame, card_readers_found)
    )
    findings = diagnose(devices)
    if args.json:
        print(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(finding.render())
        counts = {level: sum(f.level is level for f in findings) for level in Level}
        print(
            f"要対応 {counts[Level.ERROR]}件、注意 {counts[Level.WARNING]}件、"
            f"OK {counts[Level.OK]}件、情報 {counts[Level.NOTE]}件"
        )
    return EXIT_PROBLEMS if failing(findings) else EXIT_OK


def qt_printers() -> Printers:
    """The printers as the app sees them, from ``kakanai app --printers`` in a child process:
    the command line never loads Qt itself."""
    frozen = getattr(sys, "frozen", False)
    command = (
        [sys.executable, "app", "--printers"]
        if frozen
        else [sys.executable, "-m", "kakanai", "app", "--printers"]
    )
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(  # noqa: S603 - our own executable, no outside input
        command, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        detail = (done.stderr.strip().splitlines() or ["Qt を起動できません"])[-1][:200]
        raise KakanaiError.of(ErrorCode.DOCTOR_PRINTERS_UNKNOWN, detail=detail)
    found = json.loads(lines[-1])
    from kakanai.services.doctor.checks import Printers  # noqa: PLC0415 - as in _doctor

    return Printers([str(name) for name in found["printers"]], str(found["default"]))
