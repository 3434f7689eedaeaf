"""Each check of `kakanai doctor`, one topic each. Checks only look: nothing is created,
migrated or changed, so a doctor run is safe on a desk in use."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from kakanai.adapters.pdf.fonts import FALLBACK, FAMILY_NAMES, GOTHIC, MINCHO, PRIMARY
from kakanai.adapters.slip import key_files
from kakanai.adapters.smartcard.mynumber import CardReaderError, reader_names
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.envelope import JST
from kakanai.core.trees.visit import SEPARATOR
from kakanai.services import shipped_data
from kakanai.services.doctor.findings import Finding, Level
from kakanai.services.settings import Settings, folder_printer
from kakanai.services.slip.sealing import questionnaire_runtime
from kakanai.services.trees import library
from kakanai.store.database import DATABASE_FILE, open_engine, sqlite_url
from kakanai.store.migrating import HEAD, stored_revision


@dataclass(frozen=True)
class Printers:
    """The printers the app can print to, as Qt sees them."""

    names: list[str]
    default: str


PrinterProbe = Callable[[], Printers]
"""Lists the printers; raises OSError or KakanaiError when it cannot tell."""
CameraProbe = Callable[[int], bool]
"""Whether camera ``index`` opens and gives a frame."""
CardReaderProbe = Callable[[], list[str]]
"""The card readers PC/SC lists; raises CardReaderError when pcscd cannot be reached."""

_BIZ_UD_FILES = ("BIZ-UDGothicR.ttc", "BIZ-UDGothicR.ttf")


def check_fonts(index: Mapping[str, Path], platform: str) -> list[Finding]:
    """The gothic and mincho fonts forms and slips print with, IPAmj Mincho for rare name
    kanji and, on Windows, BIZ UD Gothic for the screen."""
    findings = []
    for family, wanted in ((GOTHIC, "ipaexg.ttf"), (MINCHO, "ipaexm.ttf")):
        found = next(
            ((font.name, index[f]) for font in PRIMARY[family] for f in font.files if f in index),
            None,
        )
        if found is None:
            name = FAMILY_NAMES[family]
            code = ErrorCode.DOCTOR_FONT_MISSING
            findings.append(
                Finding.problem("フォント", Level.ERROR, code, family=name, file=wanted)
            )
        else:
            message = f"{FAMILY_NAMES[family]}: {found[0]}({found[1]})"
            findings.append(Finding("フォント", Level.OK, message))
    rare = next((index[f] for font in FALLBACK for f in font.files if f in index), None)
    if rare is None:
        findings.append(
            Finding.problem("フォント", Level.WARNING, ErrorCode.DOCTOR_RARE_KANJI_FONT)
        )
    else:
        findings.append(Finding("フォント", Level.OK, f"外字: IPAmjMincho({rare})"))
    if platform == "win32" and not any(f in index for f in _BIZ_UD_FILES):
        findings.append(Finding.problem("フォント", Level.WARNING, ErrorCode.DOCTOR_UI_FONT))
    return findings


def check_decoders() -> Finding:
    """The QR decoders load (pyzbar needs the zbar library, on Windows its DLL and the
    Visual C++ 2013 runtime)."""
    try:
        importlib.import_module("kakanai.adapters.qr.decoders")
    except (ImportError, OSError) as exc:
        detail = f"{type(exc).__name__}: {exc}"[:200]
        return Finding.problem("QR読み取り", Level.ERROR, ErrorCode.DOCTOR_ZBAR, detail=detail)
    return Finding("QR読み取り", Level.OK, "zxing-cpp、ZBar、OpenCV を読み込めます")


def check_data_folder(folder: Path, *, posix: bool = os.name == "posix") -> list[Finding]:
    """The data folder exists (or can be made), is writable and, on POSIX systems, is
    readable by its owner only, as is everything in it."""
    topic = "データフォルダ"
    unwritable = Finding.problem(
        topic, Level.ERROR, ErrorCode.DOCTOR_DATA_DIR_UNWRITABLE, path=folder
    )
    if not folder.exists():
        parent = next(p for p in folder.parents if p.exists())
        if not parent.is_dir() or not os.access(parent, os.W_OK):
            return [unwritable]
        return [Finding(topic, Level.NOTE, f"{folder} はまだありません(初回起動で作られます)")]
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        return [
            Finding.problem(topic, Level.ERROR, ErrorCode.DOCTOR_DATA_DIR_UNWRITABLE, path=folder)
        ]
    findings = [Finding(topic, Level.OK, str(folder))]
    if posix:
        opened = (_open_to_others(path) for path in _private_paths(folder))
        findings += [finding for finding in opened if finding is not None]
    return findings


def _private_paths(folder: Path) -> list[Path]:
    """The folder, what is directly in it and the keys folder's contents."""
    keys = folder / "keys"
    inside = sorted(folder.iterdir()) + (sorted(keys.iterdir()) if keys.is_dir() else [])
    return [folder, *inside]


def _open_to_others(path: Path) -> Finding | None:
    mode = stat.S_IMODE(path.lstat().st_mode)
    if not mode & 0o077:
        return None
    what, wanted = ("フォルダ", "700") if path.is_dir() else ("ファイル", "600")
    return Finding.problem(
        "データフォルダ",
        Level.ERROR,
        ErrorCode.DOCTOR_DATA_DIR_OPEN,
        what=what,
        path=path,
        mode=f"{mode:o}",
        wanted=wanted,
    )


def check_keys() -> Finding:
    """The desk has a readable, private keyring (slips cannot be sealed or opened without)."""
    try:
        keyring = key_files.load_keyring()
    except KakanaiError as exc:
        return Finding.of_error("鍵", exc)
    if keyring is None:
        return Finding.problem("鍵", Level.ERROR, ErrorCode.DOCTOR_NO_KEYS)
    active = keyring.active
    message = (
        f"鍵 {len(keyring.keys)}個、使用中の鍵 {active.key_id}"
        f"({active.created_at:%Y-%m-%d}作成)。ほかの窓口と同じ鍵を使っているかは "
        "kakanai keys list で見比べてください"
    )
    return Finding("鍵", Level.OK, message)


def check_database(settings: Settings, folder: Path) -> Finding:
    """The database answers and its schema is this kakanai's (older is migrated at the next
    start; newer means this desk runs an older kakanai than the others)."""
    topic = "データベース"
    if not settings.database_url and not (folder / DATABASE_FILE).exists():
        return Finding(topic, Level.NOTE, "SQLite のファイルはまだありません(初回起動で作られます)")
    try:
        engine = open_engine(settings.database_url or sqlite_url(folder))
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        return _unreachable(settings, exc)
    label = engine.url.render_as_string(hide_password=True)
    try:
        stored = stored_revision(engine)
        trees = _published_trees(engine, settings.questionnaire) if stored == HEAD else ""
    except SQLAlchemyError as exc:
        return _unreachable(settings, exc)
    finally:
        engine.dispose()
    if stored is None:
        return Finding(topic, Level.NOTE, f"{label}: 空のデータベースです(初回起動で表を作ります)")
    if stored == HEAD:
        return Finding(topic, Level.OK, f"{label}: スキーマ版 {stored}(最新)。{trees}")
    if stored < HEAD:
        message = (
            f"{label}: スキーマ版 {stored} は次の起動で {HEAD} に更新されます。"
            "先にバックアップを取ってください"
        )
        return Finding(topic, Level.WARNING, message)
    code = ErrorCode.DOCTOR_SCHEMA_NEWER
    return Finding.problem(topic, Level.ERROR, code, stored=stored, head=HEAD)


def _published_trees(engine: Engine, questionnaire: str) -> str:
    """What the database publishes, and which version of the desk's trees is in force
    today (only read)."""
    published = [v for v in library.versions(engine) if not v.withdrawn]
    if not published:
        return "公開した設問ツリーの版はありません(ファイルの設問ツリーを使います)"
    today = dt.datetime.now(JST).date()
    used = []
    for tree_id in questionnaire.split(SEPARATOR):
        found = library.in_force_version(engine, tree_id, today)
        used.append(f"{tree_id} 版{found.version}" if found else f"{tree_id} ファイルの版")
    names = "、".join(sorted({v.tree_id for v in published}))
    return f"公開した設問ツリー {len(published)}版({names})。本日使う版: {'、'.join(used)}"


def _unreachable(settings: Settings, exc: Exception) -> Finding:
    # The driver's first line says what failed (refused, unknown host, bad password) and
    # never carries the password; the URL is shown without it.
    original = getattr(exc, "orig", None) or exc
    detail = (str(original).strip().splitlines() or [type(exc).__name__])[0][:200]
    url = settings.database_url
    database = url.split("@")[-1] if "@" in url else (url or "SQLite")
    code = ErrorCode.DOCTOR_DATABASE
    return Finding.problem("データベース", Level.ERROR, code, database=database, detail=detail)


def check_printer(settings: Settings, printers: PrinterProbe) -> Finding:
    """The configured printer exists (a ``folder:`` printer: its folder is writable)."""
    topic = "プリンター"
    folder = folder_printer(settings)
    if folder is not None:
        if folder.is_dir() and os.access(folder, os.W_OK):
            return Finding(topic, Level.OK, f"フォルダに印刷します: {folder}")
        return Finding.problem(topic, Level.ERROR, ErrorCode.DOCTOR_PRINTER_FOLDER, path=folder)
    try:
        found = printers()
    except KakanaiError as exc:
        return Finding(topic, Level.WARNING, exc.message, exc.code)
    except (OSError, ValueError) as exc:
        code = ErrorCode.DOCTOR_PRINTERS_UNKNOWN
        return Finding.problem(topic, Level.WARNING, code, detail=exc)
    if settings.printer:
        if settings.printer in found.names:
            return Finding(topic, Level.OK, f"「{settings.printer}」に印刷します")
        known = "、".join(found.names) or "なし"
        code = ErrorCode.DOCTOR_PRINTER_MISSING
        return Finding.problem(topic, Level.ERROR, code, name=settings.printer, known=known)
    if not found.names:
        return Finding.problem(topic, Level.WARNING, ErrorCode.DOCTOR_NO_PRINTER)
    default = found.default or "なし"
    return Finding(topic, Level.OK, f"印刷のたびに選びます(既定のプリンター: {default})")


def check_camera(settings: Settings, camera: CameraProbe) -> Finding:
    """The configured camera gives a frame (desk mode only; a wedge scanner needs none)."""
    if settings.mode != "desk":
        return Finding("カメラ", Level.NOTE, "窓口モードではカメラを使いません")
    if camera(settings.camera):
        return Finding("カメラ", Level.OK, f"カメラ{settings.camera}番から映像を得られます")
    code = ErrorCode.DOCTOR_CAMERA
    return Finding.problem("カメラ", Level.WARNING, code, index=settings.camera)


def camera_gives_frame(index: int) -> bool:
    """The real camera probe: OpenCV opens camera ``index`` and reads one frame."""
    from kakanai.adapters.camera import OpenCvCamera  # noqa: PLC0415 - OpenCV only when asked

    try:
        camera = OpenCvCamera(index)
    except KakanaiError:
        return False
    try:
        return camera.read() is not None
    finally:
        camera.close()


def check_card_reader(readers: CardReaderProbe) -> Finding:
    """pcscd answers and lists the card readers; optional hardware, so never a failure:
    without a reader the clerk types the 基本4情報."""
    topic = "カードリーダー"
    try:
        names = readers()
    except CardReaderError as exc:
        if exc.kind != "no_service":
            return Finding(topic, Level.NOTE, exc.message)
        code = ErrorCode.DOCTOR_CARD_SERVICE
        return Finding.problem(topic, Level.WARNING, code)
    if not names:
        return Finding(topic, Level.NOTE, "カードリーダーはありません(氏名等は手で入力します)")
    return Finding(topic, Level.OK, "pcscd に接続できます。リーダー: " + "、".join(names))


def card_readers_found() -> list[str]:
    """The real card reader probe: the readers pcscd lists."""
    return reader_names()


def check_content(settings: Settings) -> Finding:
    """The configured question tree opens and passes its checks; says whose it is."""
    path = shipped_data.questionnaire_file(settings.questionnaire)
    try:
        runtime = questionnaire_runtime(settings.questionnaire)
    except KakanaiError as exc:
        code = ErrorCode.DOCTOR_CONTENT
        detail = f"{exc.code.code} {exc.message}"
        return Finding.problem(
            "設問ツリー", Level.ERROR, code, id=settings.questionnaire, detail=detail
        )
    whose = "市の設問ツリー" if path.parent == shipped_data.city_questionnaires() else "同梱"
    meta = runtime.tree.meta
    return Finding("設問ツリー", Level.OK, f"{meta.id} 版{meta.version}({whose}: {path})")
