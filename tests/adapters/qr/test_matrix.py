"""QR matrices for the slip: numeric mode, level Q, the smallest version that fits."""

from __future__ import annotations

import numpy as np
import pytest
import zxingcpp

from kakanai.adapters.qr.matrix import qr_matrix
from kakanai.core.errors import KakanaiError


@pytest.mark.parametrize(("digits", "version"), [(1, 1), (27, 1), (28, 2), (620, 14), (3993, 40)])
def test_version_is_the_smallest_that_holds_the_digits_at_level_q(
    digits: int, version: int
) -> None:
    """Numeric-mode capacities at level Q: 27 digits in version 1, 3993 in version 40."""
    matrix = qr_matrix("7" * digits)
    assert len(matrix) == 17 + 4 * version
    assert all(len(row) == len(matrix) for row in matrix)


def test_matrix_decodes_to_the_digits() -> None:
    digits = "0123456789" * 30
    matrix = np.array(qr_matrix(digits), dtype=bool)
    pixels = np.kron(np.pad(~matrix, 4, constant_values=True), np.ones((4, 4), dtype=bool))
    found = zxingcpp.read_barcodes((pixels * 255).astype(np.uint8))
    assert [code.text for code in found] == [digits]
    assert found[0].ec_level == "Q"


def test_too_many_digits_is_an_error_that_says_how_many() -> None:
    with pytest.raises(KakanaiError) as caught:
        qr_matrix("1" * 3994)
    assert caught.value.code.code == "PRINT_001"
    assert "3994桁" in caught.value.message


@pytest.mark.parametrize("text", ["", "12a4", "１２３"])
def test_anything_but_ascii_digits_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="digits"):
        qr_matrix(text)
