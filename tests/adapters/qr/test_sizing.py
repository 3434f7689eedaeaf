"""QR sizes from qrcode's capacity tables: digits in numeric mode, bytes in byte mode."""

from __future__ import annotations

import pytest

from kakanai.adapters.qr.sizing import qr_version


@pytest.mark.parametrize(
    ("data", "level", "version"),
    [
        pytest.param("1" * 703, "Q", 15, id="703 digits: the most version 15-Q holds"),
        pytest.param("1" * 704, "Q", 16, id="704 digits need version 16-Q"),
        pytest.param("1" * 991, "M", 15, id="991 digits: the most version 15-M holds"),
        pytest.param(b"x" * 2331, "M", 40, id="2331 bytes: the most version 40-M holds"),
        pytest.param(b"x" * 2332, "M", None, id="2332 bytes do not fit at M"),
        pytest.param("1" * 7090, "L", None, id="more digits than version 40-L"),
    ],
)
def test_the_smallest_version_that_holds_the_data(
    data: str | bytes, level: str, version: int | None
) -> None:
    assert qr_version(data, level) == version


def test_numeric_mode_takes_digits_only() -> None:
    with pytest.raises(ValueError, match="digits"):
        qr_version("12a", "Q")
