"""The digits of a slip: Damm check digits, bytes as digits, the frame's checks (each way a
string can be wrong has its own code) and the clean-up of keyboard-wedge input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.digits import (
    HEADER_DIGITS,
    bytes_to_digits,
    damm,
    digit_count,
    digits_to_bytes,
    frame,
    normalize_scanned,
    unframe,
)

KNOWN = frozenset({1})
DATA = bytes(range(200, 256)) + b"\x00\x00kakanai" * 9
SLIP = frame(1, DATA)


def code_of(text: str) -> ErrorCode:
    with pytest.raises(KakanaiError) as caught:
        unframe(text, KNOWN)
    return caught.value.code


def test_damm_matches_the_published_example() -> None:
    """572 has check digit 4 (Damm 2004), and a string with its check digit checks to 0."""
    assert damm("572") == "4"
    assert damm("5724") == "0"


def test_damm_catches_every_single_digit_change_and_neighbour_swap() -> None:
    for power in range(100, 150):
        body = str(7**power)[:40]
        checked = body + damm(body)
        for at in range(len(checked)):
            for digit in "0123456789":
                if digit != checked[at]:
                    changed = checked[:at] + digit + checked[at + 1 :]
                    assert damm(changed) != "0", (checked, at, digit)
        for at in range(len(checked) - 1):
            if checked[at] != checked[at + 1]:
                swapped = checked[:at] + checked[at + 1] + checked[at] + checked[at + 2 :]
                assert damm(swapped) != "0"


@given(st.binary(max_size=300))
def test_bytes_survive_the_trip_through_digits(data: bytes) -> None:
    digits = bytes_to_digits(data)
    assert digits.isdigit() or not data
    assert len(digits) == digit_count(len(data))
    assert digits_to_bytes(digits, len(data)) == data


def test_digits_cost_at_most_a_third_of_a_percent_more_than_the_information() -> None:
    """Numeric QR mode stores 3.32 bits a digit; the chunks waste almost none of it."""
    assert digit_count(2200) <= 2200 * 8 / 3.3219 * 1.003


@given(st.binary(max_size=400))
def test_a_framed_payload_comes_back_whole(data: bytes) -> None:
    framed = unframe(frame(1, data), KNOWN)
    assert (framed.version, framed.data) == (1, data)


def test_the_frame_starts_with_scheme_version_and_length() -> None:
    assert SLIP.startswith(f"8701{len(DATA):04d}")
    assert len(SLIP) == HEADER_DIGITS + digit_count(len(DATA)) + 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(SLIP[:-1], ErrorCode.SLIP_TRUNCATED, id="last digit lost"),
        pytest.param(SLIP[: len(SLIP) // 2], ErrorCode.SLIP_TRUNCATED, id="cut in half"),
        pytest.param(SLIP[:6], ErrorCode.SLIP_TRUNCATED, id="cut in the header"),
        pytest.param("8", ErrorCode.SLIP_TRUNCATED, id="one digit"),
        pytest.param(SLIP + "0", ErrorCode.SLIP_PADDED, id="one digit more"),
        pytest.param(SLIP + SLIP, ErrorCode.SLIP_PADDED, id="scanned twice"),
        pytest.param("", ErrorCode.SLIP_SCHEME, id="empty"),
        pytest.param("https://example.org/", ErrorCode.SLIP_SCHEME, id="a URL"),
        pytest.param("4901234567894", ErrorCode.SLIP_SCHEME, id="a JAN barcode"),
        pytest.param(SLIP[:20] + "A" + SLIP[21:], ErrorCode.SLIP_SCHEME, id="a letter inside"),
        pytest.param(frame(2, DATA), ErrorCode.SLIP_VERSION, id="a newer format"),
        pytest.param("8702" + SLIP[4:], ErrorCode.SLIP_CHECK_DIGIT, id="typo in the version"),
        pytest.param(SLIP[:5] + "9" + SLIP[6:], ErrorCode.SLIP_CHECK_DIGIT, id="typo in length"),
    ],
)
def test_each_way_a_string_is_wrong_has_its_own_code(text: str, expected: ErrorCode) -> None:
    assert code_of(text) is expected


def test_every_changed_digit_is_caught_before_the_key_is_tried() -> None:
    for at in range(len(SLIP)):
        digit = "0" if SLIP[at] != "0" else "1"
        changed = SLIP[:at] + digit + SLIP[at + 1 :]
        assert code_of(changed) in {ErrorCode.SLIP_CHECK_DIGIT, ErrorCode.SLIP_SCHEME}, at


def test_every_neighbour_swap_in_the_payload_is_caught() -> None:
    for at in range(HEADER_DIGITS, len(SLIP) - 1):
        if SLIP[at] != SLIP[at + 1]:
            swapped = SLIP[:at] + SLIP[at + 1] + SLIP[at] + SLIP[at + 2 :]
            assert code_of(swapped) is ErrorCode.SLIP_CHECK_DIGIT, at


def test_messages_say_how_many_digits_are_missing_or_extra() -> None:
    with pytest.raises(KakanaiError) as caught:
        unframe(SLIP[:-3], KNOWN)
    assert "3桁足りません" in caught.value.message
    with pytest.raises(KakanaiError) as caught:
        unframe(SLIP + "12", KNOWN)
    assert "2桁" in caught.value.message


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        pytest.param(SLIP, SLIP, id="as scanned"),
        pytest.param(SLIP + "\r\n", SLIP, id="Enter suffix"),
        pytest.param("\t" + SLIP + "\n", SLIP, id="Tab prefix"),
        pytest.param(SLIP[:100] + " " + SLIP[100:200] + "\u3000" + SLIP[200:], SLIP, id="spaces"),
        pytest.param(SLIP[:300] + "\n" + SLIP[300:], SLIP, id="line break inside"),
        pytest.param("８７０１" + SLIP[4:], SLIP, id="full-width digits (IME on)"),
        pytest.param("87" + SLIP, SLIP, id="prefix typed twice"),
        pytest.param("87 " + SLIP, SLIP, id="prefix typed twice with a space"),
        pytest.param("\x02" + SLIP + "\x03", SLIP, id="STX/ETX control characters"),
    ],
)
def test_wedge_input_is_normalised_to_the_slip_digits(typed: str, expected: str) -> None:
    assert normalize_scanned(typed) == expected


def test_letters_are_not_removed_by_the_normaliser() -> None:
    """Only what a scanner adds is dropped; anything else must still be rejected."""
    assert normalize_scanned("87A1") == "87A1"
