"""``kakanai diff OLD NEW``: the impact of a change to a question tree, in Japanese for the
supervisor or as JSON for tools. Exit 1 when scenarios now fail or the version must change."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING

from kakanai.cli.arguments import EXIT_OK, EXIT_PROBLEMS, Commands, Subparsers, iso_date
from kakanai.core.trees.reasoning.changes import SHOWN

if TYPE_CHECKING:
    from kakanai.services.trees.diffing import TreeDiff


def register(commands: Subparsers) -> Commands:
    diff = commands.add_parser(
        "diff",
        help="設問ツリーの2つの版を比べ、変更点・案内が変わる世帯・案内票の互換性を示します",
    )
    diff.add_argument(
        "old", help="旧版: ファイル、または git:版:パス(例: git:HEAD~1:questionnaires/moving.yaml)"
    )
    diff.add_argument("new", help="新版: ファイル、または git:版:パス")
    diff.add_argument("--json", action="store_true", help="結果をJSONで出力します")
    diff.add_argument("--as-of", type=iso_date, default=None, help="面談日 (既定: 今日)")
    return Commands(handlers={"diff": _diff})


def _diff(args: argparse.Namespace) -> int:
    # Loaded here: comparing reads the slip's payload rules, which other commands never need.
    from kakanai.services.trees.diffing import compare  # noqa: PLC0415

    result = compare(args.old, args.new, args.as_of or dt.date.today())
    if args.json:
        print(json.dumps(as_json(result), ensure_ascii=False, indent=2, default=str))
    else:
        print_diff(result)
    needs_version = result.compatibility is not None and result.compatibility.suggested_version
    return EXIT_PROBLEMS if result.failing or needs_version else EXIT_OK


def print_diff(result: TreeDiff) -> None:
    old, new = result.old, result.new
    print(f"# 変更の影響: {old.spec}(版{old.version}) → {new.spec}(版{new.version})")
    print("## 変更点")
    for edit in result.edits or []:
        print(f"- {edit.text()}")
    if not result.edits:
        print("- (変更はありません)")
    print("## 案内が変わる世帯")
    for shift in result.shifts:
        procedure = shift.procedure
        print(f"- {procedure.id}({procedure.name}): {shift.text()}")
        for rule in shift.rules:
            print(f"    {rule}")
    if not result.shifts:
        print("- どの世帯にも、案内される手続きは変わりません。")
    print("## シナリオ")
    if result.scenarios_checked == 0:
        print(f"- 旧版のシナリオ({old.tests_spec or 'なし'})はありません。")
    elif not result.failing:
        print(f"- 旧版のシナリオ {result.scenarios_checked}件は、新版でもすべて成功します。")
    for reason, names in failures_by_reason(result.failing).items():
        shown = "」「".join(names[:3]) + ("」ほか" if len(names) > 3 else "」")
        print(f"- 新版で失敗するシナリオ {len(names)}件(「{shown}): {reason}")
    if result.compatibility is not None:
        print("## 案内票の互換性")
        print(f"- {result.compatibility.advice}")


def failures_by_reason(failing: dict[str, list[str]]) -> dict[str, list[str]]:
    """Failing scenarios grouped by what went wrong (a new required question makes every
    scenario fail the same way; the supervisor needs the reason once)."""
    grouped: dict[str, list[str]] = {}
    for name, details in failing.items():
        reasons = [d.split(": ", 1)[1] if ": " in d else d for d in details]
        grouped.setdefault(" / ".join(reasons), []).append(name)
    return grouped


def as_json(result: TreeDiff) -> dict[str, object]:
    compatibility = result.compatibility
    return {
        "old": {"spec": result.old.spec, "version": result.old.version},
        "new": {"spec": result.new.spec, "version": result.new.version},
        "edits": [
            {"item": e.item, "id": e.id, "change": e.change, "before": e.before, "after": e.after}
            for e in result.edits
        ],
        "shifts": [
            {
                "procedure": s.procedure.id,
                "direction": s.direction,
                "text": f"{s.example}: {SHOWN[s.direction]}",
                "answers": s.answers,
                "rules": s.rules,
            }
            for s in result.shifts
        ],
        "scenarios_checked": result.scenarios_checked,
        "failing_scenarios": result.failing,
        "compatibility": None
        if compatibility is None
        else {
            "same_structure": compatibility.same_structure,
            "old_slips_open": compatibility.slips_open,
            "advice": compatibility.advice,
            "suggested_version": compatibility.suggested_version or None,
        },
    }
