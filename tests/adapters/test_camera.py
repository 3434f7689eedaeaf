"""Frame sources: recorded frames play in order and end; a missing camera is DESK_001."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from kakanai.adapters.camera import OpenCvCamera, RecordedFrames
from kakanai.core.errors import ErrorCode, KakanaiError


def frames(count: int) -> list[np.ndarray]:
    return [np.full((4, 6, 3), level, np.uint8) for level in range(count)]


def test_recorded_frames_play_once_in_order_then_end() -> None:
    source = RecordedFrames(frames(3))
    levels = [int(source.read()[0, 0, 0]) for _ in range(3)]  # type: ignore[index]
    assert levels == [0, 1, 2]
    assert source.read() is None


def test_looped_frames_start_again_until_closed() -> None:
    source = RecordedFrames(frames(2), loop=True)
    levels = [int(source.read()[0, 0, 0]) for _ in range(5)]  # type: ignore[index]
    assert levels == [0, 1, 0, 1, 0]
    source.close()
    assert source.read() is None


def test_a_folder_of_images_plays_in_name_order(tmp_path: Path) -> None:
    for name, level in (("b.png", 20), ("a.png", 10)):
        cv2.imwrite(str(tmp_path / name), np.full((4, 6, 3), level, np.uint8))
    source = RecordedFrames.from_folder(tmp_path, interval=0)
    assert [int(source.read()[0, 0, 0]) for _ in range(2)] == [10, 20]  # type: ignore[index]


def test_an_empty_folder_is_desk_002(tmp_path: Path) -> None:
    with pytest.raises(KakanaiError) as caught:
        RecordedFrames.from_folder(tmp_path)
    assert caught.value.code is ErrorCode.DESK_FRAMES_UNREADABLE


def test_a_camera_that_is_not_there_is_desk_001() -> None:
    with pytest.raises(KakanaiError) as caught:
        OpenCvCamera(97)
    assert caught.value.code is ErrorCode.DESK_CAMERA_MISSING
    assert "97" in caught.value.message
