"""Hypothesis strategies for every kind of input a desk reads: YAML trees, templates and
answers files, case JSON, slip digits (typed, and crafted contents sealed with the harness's
key so that they reach the decoder) and images. Most are edits of a good input, so that
examples stay close enough to the real format to reach deep into each reader."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import numpy as np
from hypothesis import strategies as st

from kakanai.adapters.yaml_loading import load_text
from kakanai.benchmarks.bounded_runs import Sample
from kakanai.benchmarks.robustness_samples import (
    JSON_VALUES,
    TOKENS,
    good_inputs,
    png_header_only,
    png_of,
    reference_case,
    reference_layout,
    sealed_layout,
    slip_image,
)
from kakanai.core.located import plain

Edit = tuple[float, str, int, str, int]
TEXT_EDITS = st.tuples(
    st.floats(0, 1),
    st.sampled_from(["delete", "repeat", "insert"]),
    st.integers(1, 40),
    st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)),
    st.sampled_from([1, 1, 2, 3, 64, 1000]),
)


def edited_text(text: str, edits: list[Edit]) -> str:
    for where, kind, span, token, times in edits:
        at = int(where * len(text))
        if kind == "delete":
            text = text[:at] + text[at + span :]
        elif kind == "repeat":
            text = text[:at] + text[at : at + span] * times + text[at:]
        else:
            text = text[:at] + token * times + text[at:]
    return text


def text_sample(reader: str, name: str) -> st.SearchStrategy[Sample]:
    good = good_inputs()[reader].decode("utf-8")
    return st.lists(TEXT_EDITS, min_size=1, max_size=4).map(
        lambda edits: Sample(name, edited_text(good, edits).encode("utf-8", "surrogatepass"))
    )


JSON_VALUE = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=20),
        st.sampled_from(JSON_VALUES),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
JSON_EDITS = st.tuples(
    st.lists(st.integers(0, 60), min_size=1, max_size=6), st.booleans(), JSON_VALUE
)


def edited_json(data: object, edits: list[tuple[list[int], bool, object]]) -> object:
    """Replace (or delete) the value found by following ``path`` choices into ``data``."""
    data = copy.deepcopy(data)
    for path, delete, value in edits:
        holder: Any = None
        key: Any = None
        node = data
        for choice in path:
            if not isinstance(node, dict | list) or not node:
                break
            holder = node
            key = list(node)[choice % len(node)] if isinstance(node, dict) else choice % len(node)
            node = node[key]
        if holder is None:
            continue
        if delete and isinstance(holder, dict):
            del holder[key]
        else:
            holder[key] = copy.deepcopy(value)
    return data


def json_text(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=True, default=str).encode("ascii")


def case_samples() -> st.SearchStrategy[Sample]:
    structural = st.lists(JSON_EDITS, min_size=1, max_size=3).map(
        lambda edits: Sample("case.json", json_text(edited_json(reference_case(), edits)))
    )
    return st.one_of(structural, text_sample("case_forms", "case.json"))


def answers_samples() -> st.SearchStrategy[Sample]:
    """Answers files as JSON (which is YAML) with edited values, or edited YAML text."""
    answers = plain(load_text(good_inputs()["answers"].decode("utf-8"), "answers.yaml"))
    structural = st.lists(JSON_EDITS, min_size=1, max_size=3).map(
        lambda edits: Sample("answers.yaml", json_text(edited_json(answers, edits)))
    )
    return st.one_of(structural, text_sample("answers", "answers.yaml"))


LAYOUT_EDITS = st.lists(
    st.tuples(st.floats(0, 1), st.sampled_from(["set", "insert", "delete"]), st.integers(0, 255)),
    min_size=1,
    max_size=4,
)


def edited_bytes(data: bytes, edits: list[tuple[float, str, int]]) -> bytes:
    buffer = bytearray(data)
    for where, kind, byte in edits:
        at = int(where * len(buffer))
        if kind == "set" and at < len(buffer):
            buffer[at] = byte
        elif kind == "insert":
            buffer[at:at] = bytes([byte])
        elif buffer:
            del buffer[min(at, len(buffer) - 1)]
    return bytes(buffer)


def digits_samples() -> st.SearchStrategy[Sample]:
    """Crafted contents that authenticate (they reach the decoder and the interview), typed
    digits with edits, and anything a keyboard wedge might type."""
    crafted = st.one_of(
        LAYOUT_EDITS.map(lambda edits: sealed_layout(edited_bytes(reference_layout(), edits))),
        st.builds(
            sealed_layout,
            st.just(reference_layout()),
            issued=st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2150, 1, 1)).map(
                lambda moment: moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=9)))
            ),
            valid_days=st.integers(1, 366),
        ),
    )
    typed = st.one_of(
        text_sample("slip_digits", "digits.txt").map(lambda sample: sample.data),
        st.text(alphabet="0123456789８７ \r\n\t\x02\x03", max_size=2000).map(str.encode),
    )
    return st.one_of(crafted, typed).map(lambda data: Sample("digits.txt", data))


def image_samples() -> st.SearchStrategy[Sample]:
    shapes = st.tuples(st.integers(1, 120), st.integers(1, 120), st.integers(0, 2**32 - 1))
    random_images = shapes.map(
        lambda s: png_of(np.random.default_rng(s[2]).integers(0, 256, (s[1], s[0]), np.uint8))
    )
    claims = st.tuples(st.integers(1, 200_000), st.integers(1, 200_000)).map(
        lambda size: png_header_only(*size)
    )
    slips = st.tuples(st.integers(1, 4), st.floats(0, 0.6), st.floats(0, 0.6), st.integers(0, 90))
    drawn = slips.map(lambda s: png_of(_cropped_noisy(*s)))
    broken = LAYOUT_EDITS.map(lambda edits: edited_bytes(good_inputs()["slip_image"], edits))
    return st.one_of(random_images, claims, drawn, broken).map(lambda data: Sample("s.png", data))


def _cropped_noisy(module_px: int, top: float, left: float, noise: int) -> np.ndarray:
    image = slip_image(good_inputs()["slip_digits"].decode("ascii"), module_px)
    height, width = image.shape
    image = image[int(top * height) :, int(left * width) :]
    jitter = np.random.default_rng(noise).normal(0, noise + 1, image.shape)
    return np.clip(image + jitter, 0, 255).astype(np.uint8)
