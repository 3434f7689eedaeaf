"""The bad inputs reported against kakanai's readers (issue 15), by reader: alias bombs,
deep nesting, FIFOs and devices, huge or tiny images, huge households and names, values
outside the domain, characters that do not belong in a name."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from kakanai.benchmarks.bounded_runs import Sample
from kakanai.benchmarks.robustness_samples import (
    NOW,
    good_inputs,
    json_bytes,
    png_header_only,
    png_of,
    reference_case,
    reference_layout,
    sealed_layout,
    slip_image,
)

BILLION_LAUGHS = "".join(
    ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n']
    + [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)]
)
"""478 bytes that stand for a billion strings."""


def known_bad(reader: str) -> list[Sample]:
    return _KNOWN[reader]()


def _files(suffix: str) -> list[Sample]:
    """What every file reader must refuse without reading it to the end."""
    return [
        Sample(f"fifo{suffix}", special="fifo"),
        Sample("dev-zero", special="/dev/zero"),
        Sample(f"huge{suffix}", b"#" * (3 * 1024 * 1024)),
        Sample(f"not-utf8{suffix}", b"\xff\xfe\x00garbage"),
    ]


def _yaml(suffix: str) -> list[Sample]:
    return [
        *_files(suffix),
        Sample(f"billion-laughs{suffix}", BILLION_LAUGHS.encode()),
        Sample(f"nested-50000{suffix}", b"[" * 50_000 + b"\n"),
        Sample(f"dashes-30000{suffix}", b"- " * 30_000 + b"x\n"),
        Sample(f"self-alias{suffix}", b"- &a [*a]\n"),
        Sample(f"flow-maps{suffix}", b"{a: " * 3000 + b"1" + b"}" * 3000 + b"\n"),
    ]


def _tree() -> list[Sample]:
    tree = good_inputs()["tree"].decode("utf-8")
    when = 'when: move_type == "転入" and move_date <= today()'
    odd = {
        "date-9999": 'when: move_date < date("9999-12-31")',
        "age-5000": "when: any_member(member.age > 5000) or age(move_date) > 5000",
        "huge-number": "when: count_members(member.age > 3) + 0.5 > " + "9" * 400,
    }
    return [
        *_yaml(".yaml"),
        *(
            Sample(f"{name}.yaml", tree.replace(when, value).encode())
            for name, value in odd.items()
        ),
    ]


def _answers() -> list[Sample]:
    text = good_inputs()["answers"].decode("utf-8")
    head = "{name: 山田 太郎, kana: やまだ たろう, birth_date: S57.5.10"
    swaps = {
        "birth-before-meiji": (
            head,
            "{name: 山田 太郎, kana: やまだ たろう, birth_date: 1800-01-01",
        ),
        "nul-in-name": (head, '{name: "山田\\0太郎", kana: やまだ たろう, birth_date: S57.5.10'),
        "bidi-in-name": (
            head,
            '{name: "山田\\u202e太郎", kana: やまだ たろう, birth_date: S57.5.10',
        ),
        "escape-in-name": (
            head,
            '{name: "山田\\e[2J太郎", kana: やまだ たろう, birth_date: S57.5.10',
        ),
        "int-name": (head, "{name: 12345, kana: やまだ たろう, birth_date: S57.5.10"),
        "long-name": (head, "{name: " + "山" * 100_000 + ", kana: ヤマダ, birth_date: S57.5.10"),
        "as-of-0001": ("as_of: 2026-11-23", "as_of: 0001-01-01"),
        "as-of-9999": ("as_of: 2026-11-23", "as_of: 9999-12-31"),
        "move-date-1800": ("move_date: R8.11.15", "move_date: 1800-01-01"),
        "move-date-9999": ("move_date: R8.11.15", "move_date: 9999-12-31"),
    }
    samples = [Sample(f"{n}.yaml", text.replace(a, b).encode()) for n, (a, b) in swaps.items()]
    row = (
        "    - {name: 山田 次郎, kana: ヤマダ ジロウ, birth_date: 2001-01-01, sex: 男, "
        "relationship: 子}\n"
    )
    crowd = text.replace("  has_mynumber_card:", row * 10_000 + "  has_mynumber_card:")
    return [*_yaml(".yaml"), *samples, Sample("members-10000.yaml", crowd.encode())]


def _case() -> list[Sample]:
    def edited(change: Callable[[dict[str, Any]], None]) -> bytes:
        case = json.loads(json.dumps(reference_case()))
        change(case)
        return json_bytes(case)

    member = reference_case()["household"]["members"][0]
    edits: dict[str, Callable[[dict[str, Any]], None]] = {
        "members-10000": lambda c: c["household"].update(
            members=[dict(member, index=i, is_head=i == 0) for i in range(10_000)]
        ),
        "long-name": lambda c: c["household"]["members"][0].update(name="山" * 100_000),
        "birth-1800": lambda c: c["household"]["members"][3].update(birth_date="1800-01-01"),
        "as-of-0001": lambda c: c.update(as_of="0001-01-01"),
        "nul-name": lambda c: c["household"]["members"][0].update(name="山田\x00太郎"),
        "surrogate-name": lambda c: c["household"]["members"][0].update(name="山田\ud800"),
        "int-name": lambda c: c["household"]["members"][0].update(name=123),
        "no-name": lambda c: c["household"]["members"][1].pop("name"),
        "head-99": lambda c: c["household"].update(head=99),
        "version-1999": lambda c: c["questionnaire"].update(version="1999"),
        "traversal-id": lambda c: c.update(case_id="../../escaped"),
        "procedure-junk": lambda c: c["procedures"].append("x"),
    }
    deep = b"[" * 100_000 + b"]" * 100_000
    return [
        *_files(".json"),
        Sample("deep.json", deep),
        *(Sample(f"{name}.json", edited(change)) for name, change in edits.items()),
    ]


def _digits() -> list[Sample]:
    future = sealed_layout(reference_layout(), issued=NOW + dt.timedelta(days=400))
    return [
        Sample("eighty-seven.txt", b"87" * 500_000),
        Sample("digits-10MB.txt", b"8" * 10_000_000),
        Sample("controls.txt", b"87\x1b[2J\x00\x07" + good_inputs()["slip_digits"]),
        Sample("future-400-days.txt", future),
        Sample("truncated-layout.txt", sealed_layout(reference_layout()[:40])),
        Sample("empty-layout.txt", sealed_layout(b"")),
        Sample("good.txt", good_inputs()["slip_digits"]),
    ]


def _image() -> list[Sample]:
    digits = good_inputs()["slip_digits"].decode("ascii")
    return [
        *_files(".png"),
        Sample("30000x30000.png", png_header_only(30_000, 30_000)),
        Sample("1x1.png", png_header_only(1, 1)),
        Sample("1x100000.png", png_header_only(1, 100_000)),
        Sample("100000x1.png", png_header_only(100_000, 1)),
        Sample("truncated.png", good_inputs()["slip_image"][:200]),
        Sample("text.png", b"not an image at all"),
        Sample("good.png", png_of(slip_image(digits, 3))),
    ]


_KNOWN: dict[str, Callable[[], list[Sample]]] = {
    "tree": _tree,
    "template": lambda: _yaml(".yaml"),
    "answers": _answers,
    "case_forms": _case,
    "case_slip": _case,
    "slip_digits": _digits,
    "slip_image": _image,
}
