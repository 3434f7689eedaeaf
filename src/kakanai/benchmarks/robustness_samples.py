"""Inputs for the robustness harness: a good input of every kind (tree, template, answers,
case, slip digits, slip image), the bad inputs reported against kakanai, and seeded random
mutations of the good ones. The fuzz tests draw from the same good inputs and tokens."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import random
import struct
import zlib
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np

from kakanai.benchmarks.bounded_runs import Sample
from kakanai.benchmarks.scan_samples import qr_modules, render_modules
from kakanai.core.slip.case_payload import encode_case
from kakanai.core.slip.envelope import JST, SealingKey, seal
from kakanai.core.slip.keys import Keyring, SlipKey
from kakanai.services.shipped_data import FORM_TEMPLATES, REFERENCE_CASE
from kakanai.services.slip.sealing import questionnaire_runtime, seal_case

NOW = dt.datetime(2026, 11, 23, 10, 30, tzinfo=JST)
KEYRING = Keyring((SlipKey("F00D", bytes(range(32)), NOW),), "F00D")
"""A fixed key, so that the harness can seal crafted contents that a worker then opens."""
TOKENS = (
    "&a ", "*a", "[", "]", "{", "}", "- ", ": ", "? ", '"', "'", "\n", "\t", "\x00", "\x1b[2J",
    "\u202e", "\ufeff", "0001-01-01", "9999-12-31", "1800-01-01", "1e400", "9" * 60, "-1",
    "null", "~", "yes", "!!str", "<<: *a", "%YAML 1.1", "---", "\u3000", "𠮷",
)  # fmt: skip
"""Pieces that break readers when they land in the wrong place."""
MINI_TREE = """\
questionnaire: {id: mini, title: テスト, version: "1"}
departments:
  - {id: shimin, name: 市民課}
sections:
  - id: basics
    title: 基本
    questions:
      - {id: move_type, type: choice, text: 種類, choices: [転入, 転居]}
      - {id: household, type: household, text: 世帯}
      - {id: move_date, type: date, text: 異動日}
      - {id: memo, type: text, text: メモ, required: false, record_only: true}
procedures:
  - id: tennyu
    name: 転入届
    department: shimin
    when: move_type == "転入" and move_date <= today()
    because: 引っ越してきたため。
  - id: tenkyo
    name: 転居届
    department: shimin
    per: member
    when: move_type == "転居" or member.age >= 15
    because: 市内で引っ越したため。
"""


# --- good inputs --------------------------------------------------------------------------


@functools.cache
def reference_case() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(REFERENCE_CASE.read_text(encoding="utf-8"))
    return loaded


@functools.cache
def good_inputs() -> dict[str, bytes]:
    """One good input per reader."""
    digits = seal_case(reference_case(), now=NOW, keyring=KEYRING).digits
    return {
        "tree": MINI_TREE.encode("utf-8"),
        # A template drawn without a background PDF: the worker's folder has no backgrounds.
        "template": (FORM_TEMPLATES / "inkan_touroku_shinsei.yaml").read_bytes(),
        "answers": REFERENCE_CASE.with_name("reference_case.answers.yaml").read_bytes(),
        "case_forms": REFERENCE_CASE.read_bytes(),
        "case_slip": REFERENCE_CASE.read_bytes(),
        "slip_digits": digits.encode("ascii"),
        "slip_image": png_of(slip_image(digits, 3)),
    }


def slip_image(digits: str, module_px: int) -> np.ndarray:
    """The QR code of ``digits`` as a grayscale image, ``module_px`` pixels a module."""
    modules = qr_modules(digits)
    return render_modules(modules, modules.shape[0] * module_px)


def png_of(image: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".png", image)
    assert ok
    return data.tobytes()


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims ``width``×``height`` pixels (and holds one row of them)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = zlib.compress(b"\x00" * (1 + (width + 7) // 8))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", row) + chunk(b"IEND", b"")


def sealed_layout(layout: bytes, *, issued: dt.datetime = NOW, valid_days: int = 30) -> bytes:
    """Digits that authenticate under ``KEYRING`` whatever the layout holds."""
    key = KEYRING.active
    from kakanai.adapters.slip.aes_gcm import AesGcmCipher  # noqa: PLC0415 - harness only

    cipher = SealingKey(key.key_id, AesGcmCipher(key.secret))
    return seal(layout, cipher, issued_at=issued, valid_days=valid_days).encode("ascii")


def reference_layout() -> bytes:
    case = reference_case()
    return encode_case(case, questionnaire_runtime(case["questionnaire"]["id"]))


# --- mutations ----------------------------------------------------------------------------


def mutate_text(text: str, rng: random.Random, steps: int = 3) -> str:
    """Delete, repeat or insert spans and tokens at random places."""
    for _ in range(steps):
        at = rng.randrange(len(text) + 1)
        span = rng.randrange(1, 40)
        choice = rng.randrange(4)
        if choice == 0:
            text = text[:at] + text[at + span :]
        elif choice == 1:
            text = text[:at] + text[at : at + span] * rng.randrange(2, 6) + text[at:]
        else:
            text = text[:at] + rng.choice(TOKENS) * rng.choice((1, 1, 3, 50)) + text[at:]
    return text


JSON_VALUES: tuple[object, ...] = (
    None, True, 0, -1, 10**30, 1.5e308, "", "x" * 3000, "山田\x00太郎", "\u202e山田",
    "\ud800", [], {}, [[[[[]]]]], "0001-01-01", "9999-12-31", "1800-01-01", 99, "男", 12345,
)  # fmt: skip


def mutate_json(data: object, rng: random.Random, steps: int = 2) -> object:
    """Replace or delete values at random places of a JSON document."""
    data = copy.deepcopy(data)
    for _ in range(steps):
        holder, key = _random_place(data, rng)
        if holder is None:
            continue
        if isinstance(holder, dict) and rng.random() < 0.2:
            del holder[key]
        else:
            holder[key] = copy.deepcopy(rng.choice(JSON_VALUES))
    return data


def _random_place(data: object, rng: random.Random) -> tuple[Any, Any]:
    holder: Any = None
    key: Any = None
    node = data
    while isinstance(node, dict | list) and node and rng.random() < 0.8:
        holder = node
        key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
        node = node[key]
    return holder, key


def json_bytes(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=True).encode("ascii")  # lone surrogates escaped


def mutate_bytes(data: bytes, rng: random.Random, steps: int = 4) -> bytes:
    buffer = bytearray(data)
    for _ in range(steps):
        if buffer and rng.random() < 0.7:
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        else:
            at = rng.randrange(len(buffer) + 1)
            buffer[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
    return bytes(buffer)


def mutate_image(rng: random.Random) -> bytes:
    """A slip code drawn at a random scale, cropped, noisy or in a random tiny shape."""
    width, height = rng.choice(((1, 1), (1, 300), (300, 1), (21, 21), (22, 4000), (3, 3)))
    if rng.random() < 0.3:
        return png_of(np.full((height, width), rng.randrange(256), np.uint8))
    digits = good_inputs()["slip_digits"].decode("ascii")
    image = slip_image(digits, rng.randrange(1, 5))
    top, left = rng.randrange(image.shape[0] // 2), rng.randrange(image.shape[1] // 2)
    image = image[top:, left:]
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(
        0, rng.randrange(1, 80), image.shape
    )
    image = np.clip(image + noise, 0, 255).astype(np.uint8)
    encoded = png_of(image)
    return mutate_bytes(encoded, rng, 2) if rng.random() < 0.3 else encoded


# --- the corpus ---------------------------------------------------------------------------

Mutator = Callable[[random.Random], Sample]


def corpus(reader: str, repeat: int) -> list[Sample]:
    """The known bad inputs of ``reader``, then ``repeat`` seeded mutations of its good one."""
    from kakanai.benchmarks.robustness_known import known_bad  # noqa: PLC0415 - split for size

    seeds = (random.Random(f"{reader}-{i}") for i in range(repeat))  # noqa: S311 - not secrets
    mutations = [_mutator(reader)(seed) for seed in seeds]
    return [*known_bad(reader), *mutations]


def _mutator(reader: str) -> Mutator:
    good = good_inputs()[reader]
    suffix = {"slip_image": ".png", "case_forms": ".json", "case_slip": ".json"}
    name = "input" + suffix.get(reader, ".yaml" if reader != "slip_digits" else ".txt")

    def text(rng: random.Random) -> Sample:
        mutated = mutate_text(good.decode("utf-8"), rng)
        return Sample(name, mutated.encode("utf-8", "surrogatepass"))

    def case(rng: random.Random) -> Sample:
        return Sample(name, json_bytes(mutate_json(reference_case(), rng)))

    def digits(rng: random.Random) -> Sample:
        if rng.random() < 0.5:
            return Sample(name, sealed_layout(mutate_bytes(reference_layout(), rng, 2)))
        return Sample(name, mutate_text(good.decode("ascii"), rng, 2).encode("utf-8", "replace"))

    def image(rng: random.Random) -> Sample:
        return Sample(name, mutate_image(rng))

    chosen: dict[str, Mutator] = {"case_forms": case, "case_slip": case}
    chosen.update(slip_digits=digits, slip_image=image)
    return chosen.get(reader, text)
