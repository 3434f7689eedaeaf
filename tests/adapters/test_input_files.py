"""Every file a reader is handed is refused before it is read when it is not a regular file
(a FIFO, /dev/zero, a folder) or past the size limit; JSON is refused before it is parsed
when it nests too deep."""

from __future__ import annotations

import io
import os
import tracemalloc
from pathlib import Path

import pytest

from kakanai.adapters.input_files import _read_up_to, json_depth, load_json, read_bytes
from kakanai.core.errors import KakanaiError


def refused_code(path: Path, limit: int = 1000) -> str:
    with pytest.raises(KakanaiError) as caught:
        read_bytes(path, limit=limit)
    assert caught.value.path == str(path)
    return caught.value.code.code


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "case.json"
    os.mkfifo(fifo)
    assert refused_code(fifo) == "INPUT_001"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused() -> None:
    assert refused_code(Path("/dev/zero")) == "INPUT_001"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert refused_code(tmp_path) == "INPUT_001"


def test_a_file_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 1001)
    assert refused_code(path, limit=1000) == "INPUT_002"


def test_a_file_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_bytes(b"x" * 1000)
    assert read_bytes(path, limit=1000) == b"x" * 1000


def test_a_missing_file_is_an_os_error_for_the_caller_to_word(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_bytes(tmp_path / "none.json", limit=1000)


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1", 0),
        ('{"a": [1, {"b": []}]}', 4),
        ('["[[[[", "\\"[[[["]', 1),  # brackets inside strings, escaped quotes too
        ("[" * 50 + "]" * 50, 50),
    ],
)
def test_json_depth_counts_brackets_outside_strings(text: str, depth: int) -> None:
    assert json_depth(text) == depth


def test_json_nested_past_the_limit_is_refused_before_parsing() -> None:
    with pytest.raises(KakanaiError) as caught:
        load_json("[" * 100_000 + "]" * 100_000, source="case.json", max_depth=32)
    assert caught.value.code.code == "INPUT_004"
    assert caught.value.path == "case.json"


def test_a_small_file_is_read_without_a_buffer_the_size_of_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_bytes(b"id: x\n" * 100)
    tracemalloc.start()
    try:
        data = read_bytes(path, limit=8 * 1024 * 1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(data) == 600
    assert peak < 256 * 1024, peak  # the old read(limit + 1) allocated 8 MiB


def test_a_file_that_grew_after_its_size_was_taken_is_read_to_its_end() -> None:
    stream = io.BytesIO(b"a" * 200_000)  # the size said 10 bytes
    assert _read_up_to(stream, 1_000_000, 11) == b"a" * 200_000


def test_a_file_that_grew_past_the_limit_is_read_only_one_byte_past_it() -> None:
    stream = io.BytesIO(b"a" * 200_000)
    assert len(_read_up_to(stream, 100_001, 11)) == 100_001
