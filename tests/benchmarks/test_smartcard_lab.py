"""The smartcard lab as the bench uses it: another process, given the lab's env, reads the
card through the lab's pcscd."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kakanai.adapters.smartcard.mynumber import read_card_surface
from kakanai.benchmarks.smartcard_lab import LabCards, SmartcardLab, VirtualMyNumberCard

READ = (
    "import dataclasses, json\n"
    "from kakanai.adapters.smartcard.mynumber import read_card_surface\n"
    "print(json.dumps(dataclasses.asdict(read_card_surface('4321'))))\n"
)


@pytest.fixture
def lab(smartcard_lab: SmartcardLab) -> Iterator[SmartcardLab]:
    smartcard_lab.remove()
    yield smartcard_lab
    smartcard_lab.remove()


def test_a_child_process_given_the_env_reads_the_card(lab: SmartcardLab) -> None:
    lab.insert(
        VirtualMyNumberCard("佐藤　一郎", "大阪府サンプル市1-1", "20100704", "1", pin="4321")
    )
    env = {**os.environ, **lab.env}
    done = subprocess.run(
        [sys.executable, "-c", READ], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == {
        "name": "佐藤　一郎",
        "address": "大阪府サンプル市1-1",
        "birth": "20100704",
        "sex": "1",
    }


def test_the_env_names_the_labs_socket(lab: SmartcardLab) -> None:
    assert lab.env == {"PCSCLITE_CSOCK_NAME": str(lab.socket_path)}
    assert lab.socket_path.is_socket()


def test_a_card_taken_out_is_gone_for_the_reader(lab: SmartcardLab) -> None:
    card = VirtualMyNumberCard("佐藤　一郎", "大阪府サンプル市1-1", "20100704", "1")
    lab.insert(card)
    lab.remove()
    env = {**os.environ, **lab.env}
    done = subprocess.run(
        [sys.executable, "-c", READ], env=env, capture_output=True, text=True, check=False
    )
    assert "カードがありません" in done.stderr


def test_leaving_the_lab_stops_its_pcscd_and_removes_its_socket() -> None:
    """In a child process: this one already has its lab."""
    script = (
        "import json\n"
        "from kakanai.benchmarks.smartcard_lab import SmartcardLab\n"
        "with SmartcardLab() as lab:\n"
        "    seen = [lab.pcscd_pid, str(lab.socket_path)]\n"
        "print(json.dumps(seen))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    pid, socket_path = json.loads(done.stdout)
    assert not Path(f"/proc/{pid}").exists()
    assert not Path(socket_path).exists()


def test_a_households_cards_are_presented_one_at_a_time(lab: SmartcardLab) -> None:
    cards = LabCards(
        lab,
        [
            VirtualMyNumberCard("佐藤　一郎", "大阪府サンプル市1-1", "19800704", "1", pin="1111"),
            VirtualMyNumberCard("佐藤　花子", "大阪府サンプル市1-1", "19820101", "2", pin="2222"),
        ],
    )
    cards.present(1)
    assert read_card_surface(cards.pin(1)).name == "佐藤　花子"
    cards.present(0)
    assert read_card_surface(cards.pin(0)).name == "佐藤　一郎"
    assert len(cards) == 2


def test_a_killed_labs_pcscd_stops_too() -> None:
    """In a child process killed before it can leave its lab: its pcscd follows it."""
    script = (
        "import os, signal, sys\n"
        "from kakanai.benchmarks.smartcard_lab import SmartcardLab\n"
        "lab = SmartcardLab().__enter__()\n"
        "print(lab.pcscd_pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    pid = int(done.stdout.strip())
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    """Running, not merely a zombie waiting for whoever reaps it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"
