"""Postal codes fill in prefecture, municipality and town from Japan Post's offline data."""

from __future__ import annotations

import pytest

from kakanai.services.counter.postal_lookup import PostalAddress, lookup_postal_code


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("100-0001", ("100-0001", "東京都", "千代田区", "千代田")),
        ("１００－０００１", ("100-0001", "東京都", "千代田区", "千代田")),
        ("1000001", ("100-0001", "東京都", "千代田区", "千代田")),
        ("〒530-0001", ("530-0001", "大阪府", "大阪市北区", "梅田")),
        ("060-0042", ("060-0042", "北海道", "札幌市中央区", "大通西")),
        ("060-0000", ("060-0000", "北海道", "札幌市中央区", "")),
    ],
)
def test_a_known_code_gives_its_address(typed: str, expected: tuple[str, ...]) -> None:
    found = lookup_postal_code(typed)
    assert found is not None
    assert (found.postal_code, found.prefecture, found.municipality, found.town) == expected


@pytest.mark.parametrize("typed", ["999-9999", "12-34", "", "abc-defg"])
def test_an_unknown_or_malformed_code_gives_none(typed: str) -> None:
    assert lookup_postal_code(typed) is None


def test_a_code_of_several_towns_lists_them_on_one_line() -> None:
    found = lookup_postal_code("068-0546")
    assert found == PostalAddress("068-0546", "北海道", "夕張市", "", ("南部青葉町", "南部菊水町"))
    assert found.line == "北海道夕張市 南部青葉町・南部菊水町"


def test_a_code_of_several_municipalities_leaves_the_municipality_to_the_clerk() -> None:
    found = lookup_postal_code("004-0000")
    assert found is not None
    assert (found.municipality, found.towns) == ("", ("札幌市厚別区", "札幌市清田区"))
