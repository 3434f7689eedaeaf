"""`kakanai keys` run by several processes at once (an administrator's script, two desks on
one profile): the keyring is locked, so no key is ever lost and only one `init` wins."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from kakanai.adapters.slip import key_files
from kakanai.core.slip.keys import Keyring, keyring_from_json
from tests.conftest import ROOT

KEY_ID = re.compile(r"鍵ID ([0-9A-F]{4})|新しい鍵 ([0-9A-F]{4})")


def start(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    """The real console command, started without waiting for it."""
    return subprocess.Popen(
        [sys.executable, "-m", "kakanai", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", key_files.DATA_DIR_ENV: str(data_dir)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def finish(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert "Traceback" not in out + err
        results.append((process.returncode, out, err))
    return results


def stored_keyring(data_dir: Path) -> Keyring:
    path = data_dir / "keys" / "keyring.json"
    return keyring_from_json(json.loads(path.read_text(encoding="utf-8")))


def printed_ids(out: str) -> set[str]:
    return {a or b for a, b in KEY_ID.findall(out)}


def test_ten_parallel_rotations_keep_every_key(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert finish([start(data_dir, "keys", "init")])[0][0] == 0
    results = finish([start(data_dir, "keys", "rotate") for _ in range(10)])
    assert [code for code, _, err in results] == [0] * 10, [err for _, _, err in results]
    keyring = stored_keyring(data_dir)
    assert len(keyring.keys) == 11
    rotated = set().union(*(printed_ids(out) for _, out, _ in results))
    assert rotated <= {key.key_id for key in keyring.keys}


def test_two_parallel_inits_keep_the_key_the_winner_reported(tmp_path: Path) -> None:
    """Tried on three fresh desks at once, so that the two processes really overlap."""
    desks = [tmp_path / f"desk{n}" for n in range(3)]
    started = [start(desk, "keys", "init") for desk in desks for _ in range(2)]
    results = finish(started)
    for number, desk in enumerate(desks):
        pair = results[2 * number : 2 * number + 2]
        assert sorted(code for code, _, _ in pair) == [0, 1], pair
        winner = next(out for code, out, _ in pair if code == 0)
        loser = next(err for code, _, err in pair if code == 1)
        assert "KEY_002" in loser
        keyring = stored_keyring(desk)
        assert [key.key_id for key in keyring.keys] == sorted(printed_ids(winner))
