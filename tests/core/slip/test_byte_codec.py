"""The field layout's primitives: what a writer writes, a reader reads back in the same order,
and bytes that do not follow the layout are refused rather than misread."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakanai.core.slip.byte_codec import KANA_ALPHABET, ByteReader, ByteWriter, LayoutError

AS_OF = dt.date(2026, 11, 23)
FIELDS = st.lists(
    st.one_of(
        st.tuples(st.just("uint"), st.integers(0, 2**62)),
        st.tuples(st.just("sint"), st.integers(-(2**61), 2**61)),
        st.tuples(st.just("bit"), st.booleans()),
        st.tuples(st.just("text"), st.text()),
        st.tuples(st.just("kana"), st.text(alphabet=KANA_ALPHABET + "ヽヾㇰ")),
        st.tuples(st.just("digit_string"), st.text(alphabet="0123456789-.")),
        st.tuples(st.just("day"), st.dates()),
    ),
    max_size=30,
)


@given(FIELDS)
def test_fields_come_back_in_order(fields: list[tuple[str, object]]) -> None:
    out = ByteWriter()
    for kind, value in fields:
        if kind == "day":
            out.day(value, AS_OF)  # type: ignore[arg-type]
        else:
            getattr(out, kind)(value)
    source = ByteReader(out.data())
    for kind, value in fields:
        read = source.day(AS_OF) if kind == "day" else getattr(source, kind)()
        assert read == value
    assert source.at_end


def test_eight_yes_no_answers_share_one_byte() -> None:
    out = ByteWriter()
    for value in (True, False, True, True, False, False, True, False):
        out.bit(value)
    out.uint(5)
    out.bit(True)
    assert out.data() == bytes([0b01001101, 5, 1])


@pytest.mark.parametrize(
    ("value", "size"),
    [("ヤマダ　タロウ", 8), ("090-1234-5678", 8), ("100-0001", 5)],
)
def test_kana_take_one_byte_and_digits_half_a_byte(value: str, size: int) -> None:
    out = ByteWriter()
    if value[0].isdigit():
        out.digit_string(value)
    else:
        out.kana(value)
    assert len(out.data()) == size


def test_dates_near_the_interview_date_take_one_byte() -> None:
    out = ByteWriter()
    out.day(dt.date(2026, 11, 15), AS_OF)
    assert len(out.data()) == 1


@pytest.mark.parametrize(
    ("data", "read"),
    [
        pytest.param(b"", "uint", id="nothing to read"),
        pytest.param(b"\x05ab", "text", id="text shorter than its length"),
        pytest.param(b"\x02\xff\xfe", "text", id="text that is not UTF-8"),
        pytest.param(b"\x02\xfa", "kana", id="kana code out of the alphabet"),
        pytest.param(b"\x01\xc0", "digit_string", id="digit code out of range"),
        pytest.param(b"\xff" * 11, "uint", id="integer that never ends"),
    ],
)
def test_bytes_off_the_layout_raise_layout_error(data: bytes, read: str) -> None:
    with pytest.raises(LayoutError):
        getattr(ByteReader(data), read)()


def test_a_date_beyond_the_calendar_is_a_layout_error() -> None:
    out = ByteWriter()
    out.sint(10**9)
    with pytest.raises(LayoutError):
        ByteReader(out.data()).day(AS_OF)
