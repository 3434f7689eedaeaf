"""`kakanai keys`, `kakanai decode` and `kakanai bench payload` as a clerk or an administrator
runs them: the real command in a subprocess, real QR images, and never a traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import qrcode
from PIL import Image
from qrcode.util import MODE_NUMBER, QRData

from kakanai.adapters.slip import key_files
from kakanai.cli import main
from kakanai.services.slip.sealing import seal_case
from tests.conftest import ROOT

REFERENCE: dict[str, Any] = json.loads(
    (ROOT / "tests" / "fixtures" / "reference_case.json").read_text(encoding="utf-8")
)
PROBLEM = re.compile(r"^(?:.+:\d+:\d+: )?(?P<code>[A-Z]+_\d{3}) .+", re.MULTILINE)


def kakanai(
    data_dir: Path, *args: str | Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The real console command in a subprocess, as a clerk runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "kakanai", *map(str, args)],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={
            **os.environ,
            "PYTHONIOENCODING": "utf-8",
            "PYTHONPATH": str(ROOT / "src"),
            key_files.DATA_DIR_ENV: str(data_dir),
        },
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


def run(
    data_dir: Path, *args: str | Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> subprocess.CompletedProcess[str]:
    """The same command in this process (each subprocess costs a second of imports)."""
    monkeypatch.setenv(key_files.DATA_DIR_ENV, str(data_dir))
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return subprocess.CompletedProcess(args, code, out, err)


def codes(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [m["code"] for m in PROBLEM.finditer(result.stderr)]


def qr_png(path: Path, text: str, *, numeric: bool = True) -> Path:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, box_size=4)
    code.add_data(QRData(text, mode=MODE_NUMBER) if numeric else text)
    code.make(fit=True)
    code.make_image().save(path)
    return path


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A desk initialised through the real command."""
    data_dir = tmp_path_factory.mktemp("desk")
    result = kakanai(data_dir, "keys", "init")
    assert result.returncode == 0, result.stderr
    assert "鍵を作りました" in result.stdout
    return data_dir


@pytest.fixture(scope="module")
def slip(desk: Path) -> str:
    """The reference case sealed at that desk."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(key_files.DATA_DIR_ENV, str(desk))
        return seal_case(json.loads(json.dumps(REFERENCE))).digits


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    def call(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return run(data_dir, *args, monkeypatch=monkeypatch, capsys=capsys)

    return call


def test_keys_init_twice_says_to_rotate(desk: Path, cli: Any) -> None:
    result = cli(desk, "keys", "init")
    assert result.returncode == 1
    assert codes(result) == ["KEY_002"]
    assert "kakanai keys rotate" in result.stderr


def test_keys_rotate_and_export_carry_every_key_to_another_desk(
    desk: Path, tmp_path: Path, cli: Any
) -> None:
    assert cli(desk, "keys", "rotate").returncode == 0
    listing = cli(desk, "keys", "list").stdout
    assert listing.count("読み取り用") >= 1
    assert listing.count("使用中") == 1
    exported = cli(desk, "keys", "export", tmp_path / "keys.json")
    assert exported.returncode == 0
    assert "秘密" in exported.stdout
    other = tmp_path / "desk2"
    imported = cli(other, "keys", "import", tmp_path / "keys.json")
    assert imported.returncode == 0, imported.stderr
    assert "削除" in imported.stdout
    assert cli(other, "keys", "list").stdout == listing


def test_keys_list_without_keys_says_what_to_do(tmp_path: Path, cli: Any) -> None:
    result = cli(tmp_path / "new", "keys", "list")
    assert result.returncode == 1
    assert codes(result) == ["KEY_001"]


def test_decode_text_prints_a_japanese_summary(desk: Path, slip: str, cli: Any) -> None:
    result = cli(desk, "decode", "--text", slip)
    assert result.returncode == 0, result.stderr
    assert "案件番号 20261123-3FA2C1" in result.stdout
    assert "山田 桜(ヤマダ　サクラ) 子 女 令和4年8月20日生 4歳" in result.stdout
    assert "・子ども医療費助成 乳幼児医療証の申請(山田 桜さん)" in result.stdout


def test_decode_image_json_is_the_case(desk: Path, slip: str, tmp_path: Path, cli: Any) -> None:
    result = cli(desk, "decode", qr_png(tmp_path / "slip.png", slip), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == REFERENCE


def test_decode_reads_what_a_wedge_scanner_types_on_stdin(desk: Path, slip: str) -> None:
    typed = "８７" + slip + "\r\n"  # IME on for the first digits, prefix twice, Enter
    result = kakanai(desk, "decode", "--json", stdin=typed)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["case_id"] == REFERENCE["case_id"]


def test_decode_raw_prints_any_qr_text(desk: Path, tmp_path: Path, cli: Any) -> None:
    url = qr_png(tmp_path / "url.png", "https://example.org/", numeric=False)
    result = cli(desk, "decode", "--raw", url)
    assert (result.returncode, result.stdout) == (0, "https://example.org/\n")


def test_decode_prefers_the_slip_among_several_codes(
    desk: Path, slip: str, tmp_path: Path, cli: Any
) -> None:
    """A candidate that does not open is discarded and reading goes on."""
    other = Image.open(qr_png(tmp_path / "url.png", "https://example.org/", numeric=False))
    ours = Image.open(qr_png(tmp_path / "slip.png", slip))
    width, height = other.width + ours.width + 40, max(other.height, ours.height)
    sheet = Image.new("RGB", (width, height), "white")
    sheet.paste(other, (0, 0))
    sheet.paste(ours, (other.width + 40, 0))
    sheet.save(tmp_path / "both.png")
    result = cli(desk, "decode", tmp_path / "both.png", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["case_id"] == REFERENCE["case_id"]


def _arguments(kind: str, directory: Path, slip: str) -> list[str | Path]:
    if kind == "missing":
        return [directory / "missing.png"]
    if kind == "not an image":
        (directory / "notes.png").write_text("not an image", encoding="utf-8")
        return [directory / "notes.png"]
    if kind == "blank":
        Image.new("RGB", (300, 300), "white").save(directory / "blank.png")
        return [directory / "blank.png"]
    if kind == "url":
        return [qr_png(directory / "url.png", "https://example.org/", numeric=False)]
    at = len(slip) // 2
    typo = slip[:at] + str((int(slip[at]) + 1) % 10) + slip[at + 1 :]
    texts = {"truncated": slip[:-5], "padded": slip + "0", "typo": typo}
    return ["--text", texts[kind]]


@pytest.mark.parametrize(
    "expected",
    [
        pytest.param(("missing", 2, "SCAN_001"), id="no such file"),
        pytest.param(("not an image", 2, "SCAN_001"), id="not an image"),
        pytest.param(("blank", 3, "SLIP_001"), id="no code in the image"),
        pytest.param(("url", 4, "SLIP_002"), id="a code that is not a slip"),
        pytest.param(("truncated", 4, "SLIP_004"), id="truncated"),
        pytest.param(("padded", 4, "SLIP_005"), id="padded"),
        pytest.param(("typo", 4, "SLIP_006"), id="a changed digit"),
    ],
)
def test_decode_exit_codes_say_what_went_wrong(
    desk: Path, slip: str, tmp_path: Path, cli: Any, expected: tuple[str, int, str]
) -> None:
    """``expected``: what the input is, the exit code, the error code."""
    kind, exit_code, code = expected
    result = cli(desk, "decode", *_arguments(kind, tmp_path, slip))
    assert (result.returncode, codes(result)) == (exit_code, [code]), result.stderr
    assert result.stdout == ""


def test_decode_at_a_desk_without_that_key_exits_4_with_the_reason(
    slip: str, tmp_path: Path, cli: Any
) -> None:
    other = tmp_path / "other"
    assert cli(other, "keys", "init").returncode == 0
    result = cli(other, "decode", qr_png(tmp_path / "slip.png", slip))
    assert result.returncode == 4
    assert codes(result) == ["SLIP_007"]
    assert str(tmp_path / "slip.png") in result.stderr


def test_bench_payload_prints_the_table(desk: Path, cli: Any) -> None:
    result = cli(desk, "bench", "payload", "--repeat", "1")
    assert result.returncode == 0, result.stderr
    rows = {line.split("\t")[0]: line.split("\t") for line in result.stdout.splitlines()}
    assert set(rows) >= {"参照ケース", "1人世帯", "6人世帯", "10人世帯", "転入+出生(5人)"}
    assert int(rows["参照ケース"][9]) <= 15
    assert "入りません" in rows["参照ケース"][-1]


def test_bench_payload_fits_a_two_event_visit_in_version_18(desk: Path, cli: Any) -> None:
    """Issue 12: the reference family's 転入 + a newborn's 出生 seals into QR version ≤ 18 (Q),
    with the answers and procedures of both events."""
    result = cli(desk, "bench", "payload", "--repeat", "1")
    row = next(line.split("\t") for line in result.stdout.splitlines() if "転入+出生" in line)
    members, answers, procedures = (int(cell.rstrip("人")) for cell in row[1:4])
    assert (members, answers > 40, procedures > 12) == (5, True, True)
    assert int(row[9]) <= 18


def test_decode_at_a_desk_without_keys_exits_4_and_says_how_to_get_them(
    tmp_path: Path, slip: str, cli: Any
) -> None:
    """Exit 1 was not one of decode's documented codes; no keys means no slip opens: 4."""
    result = cli(tmp_path / "no-keys", "decode", "--text", slip)
    assert result.returncode == 4
    assert codes(result) == ["KEY_001"]
    assert "kakanai keys import" in result.stderr


def hidden(text: str) -> list[str]:
    """Characters a terminal would act on or hide: controls, bidi and other format ones."""
    return [c for c in text if c != "\n" and unicodedata.category(c) in {"Cc", "Cf", "Cs"}]


EVIL = "x\x1b[2J\x07\u202egnp.exe"


def test_decode_raw_text_never_writes_control_or_bidi_characters(desk: Path, cli: Any) -> None:
    result = cli(desk, "decode", "--raw", "--text", EVIL)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "x\\u001b[2J\\u0007\\u202egnp.exe\n"


def test_decode_raw_image_never_writes_control_or_bidi_characters(
    desk: Path, tmp_path: Path, cli: Any
) -> None:
    result = cli(desk, "decode", "--raw", qr_png(tmp_path / "evil.png", EVIL, numeric=False))
    assert result.returncode == 0, result.stderr
    assert hidden(result.stdout) == []
    assert "\\u202e" in result.stdout


def test_decode_json_escapes_what_it_must_and_stays_json(desk: Path, slip: str, cli: Any) -> None:
    result = cli(desk, "decode", "--text", slip, "--json")
    assert result.returncode == 0, result.stderr
    assert hidden(result.stdout) == []
    assert json.loads(result.stdout)["case_id"] == REFERENCE["case_id"]


def test_decode_reads_at_most_one_slip_from_stdin(desk: Path) -> None:
    """A scanner or a pipe that never stops (``/dev/zero``) is cut at the limit and refused."""
    result = kakanai(desk, "decode", stdin="87" * 600_000)
    assert result.returncode == 4
    assert codes(result) == ["INPUT_012"]
