"""The clerk's effort at the counter (`kakanai bench counter`): a fresh process opens the app
offscreen and a clerk types each household (`counter_visits.households`) through the real widgets
(``python -m kakanai.ui.counter_bench``; Qt is loaded only there). Prints screens, key
events and typed characters per household, and where the reference family's keys go (per
field). Targets are read, never asserted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from kakanai.benchmarks.counter_visits import REFERENCE_WITH_CARDS, households

REFERENCE = "参照世帯(4人・転入)"
KEY_TARGET = 150
SCREEN_TARGET = 18


def bench_counter(_repeat: int) -> int:
    """Counts do not vary between runs, so ``--repeat`` is not used."""
    with tempfile.TemporaryDirectory(prefix="kakanai-bench-counter-") as folder:
        results = _run(Path(folder))
    if isinstance(results, str):
        print(results, file=sys.stderr)
        return 1
    for result in results:
        same = "同じ" if result["same_case"] else "違う(入力漏れ)"
        print(
            f"{result['household']}: 画面 {result['screens']}, キー操作 {result['key_events']}"
            f"(入力した文字 {result['typed']}、その他のキー {result['other']})、"
            f"案件は画面なしの面談と{same}"
        )
    reference = next(r for r in results if r["household"] == REFERENCE)
    with_cards = next(r for r in results if r["household"] == REFERENCE_WITH_CARDS)
    print_breakdown(reference)
    print_breakdown(with_cards)
    for result in (reference, with_cards):
        keys_ok = "達成" if result["key_events"] <= KEY_TARGET else "未達"
        screens_ok = "達成" if result["screens"] <= SCREEN_TARGET else "未達"
        print(
            f"目標({result['household']}): キー操作 {result['key_events']} ≤ {KEY_TARGET} → "
            f"{keys_ok}; 画面 {result['screens']} ≤ {SCREEN_TARGET} → {screens_ok}"
        )
    print(
        "マイナンバーカードは、本物の pcscd とカードリーダー(vpcd)に仮想カードを置いて読み取り、"
        "Ctrl+M と暗証番号4桁を数えています(フリガナはカードにないため入力して数えます)。"
    )
    print("日本語は1文字を1操作と数えています(実際の日本語入力では読みと変換のキーが加わります)。")
    print(
        "氏名(世帯員・届出人)は日本語入力で読みから変換して入力し、その読みで入ったフリガナは"
        "数えていません(ローマ字の氏名など、入らなかったときは入力して数えます)。"
    )
    return 0 if all(r["same_case"] for r in results) else 1


def print_breakdown(result: dict[str, Any]) -> None:
    """Where a household's keys go: per field (a question, an address part, a household
    column), the most first; typed characters and other keys (Tab, Enter, F2, digits)."""
    by_field: dict[str, list[int]] = result["by_field"]
    print(f"内訳({result['household']}、多い順): キー操作 = 入力した文字 + その他のキー  項目")
    ranked = sorted(by_field.items(), key=lambda item: (-sum(item[1]), item[0]))
    for name, (typed, other) in ranked:
        print(f"  {typed + other:>4} = {typed:>3} + {other:>3}  {name}")


CHILD_TIMEOUT_S = 300


def _run(data_dir: Path) -> list[dict[str, Any]] | str:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KAKANAI_DATA_DIR": str(data_dir / "data"),
        "KAKANAI_MODE": "counter",
        "KAKANAI_PRINTER": f"folder:{data_dir / 'printed'}",
    }
    env.pop("KAKANAI_DATABASE_URL", None)
    typed = households()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kakanai.ui.counter_bench"],
            input=json.dumps(typed, ensure_ascii=False),
            env=env,
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return (
            f"計測用プロセスが{CHILD_TIMEOUT_S}秒で終わりませんでした"
            "(画面が応答を待っている可能性があります)。"
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or len(lines) != len(typed):
        return f"計測用プロセスが失敗しました: {done.stderr.strip()[-1500:]}"
    return [json.loads(line) for line in lines]
