"""Setting text in a box: shrink first, then wrap with 禁則, and say what was cut."""

from __future__ import annotations

import pytest

from kakanai.core.forms.text import block_height, break_lines, fit, tokens


def width_of(char: str) -> float:
    """Full-width characters are 1 em, ASCII and spaces half an em (like the real fonts)."""
    return 0.5 if ord(char) < 0x80 else 1.0


@pytest.mark.parametrize(
    ("text", "width", "height", "expected_size", "lines"),
    [
        ("山田 太郎", 60, 12, 10.5, 1),  # fits as it is
        ("山田太郎山田太郎", 60, 12, 7.5, 1),  # 8 em in 60 pt: shrinks to 7.5
        ("山田太郎山田太郎山田太郎", 60, 30, 10.0, 2),  # below min 7: wraps at the largest size
    ],
    ids=["fits", "shrinks", "wraps"],
)
def test_text_shrinks_before_it_wraps(
    text: str, width: float, height: float, expected_size: float, lines: int
) -> None:
    fitted = fit(text, width, height, size=10.5, min_size=7, width_of=width_of)
    assert fitted.size == expected_size
    assert len(fitted.lines) == lines
    assert fitted.rest == ""
    assert "".join(fitted.lines).replace(" ", "") == text.replace(" ", "")


def test_a_size_between_the_steps_still_fits_when_it_is_the_minimum() -> None:
    """Digit boxes set min_size = size = 10.2 pt; rounding down must not reject it."""
    fitted = fit("1", 11, 14, size=10.2, min_size=10.2, width_of=width_of, wrap=False)
    assert (fitted.lines, fitted.size, fitted.rest) == (("1",), 10.2, "")


def test_fitted_lines_never_exceed_the_box() -> None:
    text = "埼玉県みなと市常盤一丁目12番地3号 みなとコーポラス常盤 203号室"
    fitted = fit(text, 100, 20, size=12, min_size=7, width_of=width_of)
    assert all(sum(map(width_of, line)) * fitted.size <= 100 for line in fitted.lines)
    assert block_height(len(fitted.lines), fitted.size) <= 20


def test_text_that_cannot_fit_is_cut_with_an_ellipsis_and_the_rest_reported() -> None:
    text = "あいうえおかきくけこさしすせそ"
    fitted = fit(text, 40, 8, size=10, min_size=7, width_of=width_of)
    assert len(fitted.lines) == 1
    assert fitted.lines[0].endswith("…")
    assert fitted.rest
    assert text.endswith(fitted.rest)
    assert fitted.lines[0].removesuffix("…") + fitted.rest == text


def test_no_wrap_means_one_line_even_if_cut() -> None:
    fitted = fit("あいうえおかきくけこ", 40, 40, size=10, min_size=7, width_of=width_of, wrap=False)
    assert len(fitted.lines) == 1
    assert fitted.rest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2番3号", ["2", "番", "3", "号"]),
        ("203号室", ["203", "号", "室"]),
        ("東京。です", ["東", "京。", "で", "す"]),  # 。 may not start a line
        ("「山田」様", ["「山", "田」", "様"]),  # 「 may not end a line, 」 may not start one
        ("ヤマダ　タロウ", ["ヤ", "マ", "ダ", "\u3000", "タ", "ロ", "ウ"]),
    ],
)
def test_tokens_keep_numbers_whole_and_follow_kinsoku(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_a_break_prefers_the_space_before_a_building_name() -> None:
    lines = break_lines("中央一丁目2番3号 サンプルハイツ中央 101号室", 14, width_of)
    assert lines[0] == "中央一丁目2番3号"
    assert lines[1].startswith("サンプルハイツ")


def test_a_piece_longer_than_a_line_is_split_between_characters() -> None:
    lines = break_lines("1234567890123456", 3, width_of)
    assert lines == ["123456", "789012", "3456"]


def test_an_empty_text_needs_no_lines() -> None:
    assert fit("", 10, 10, size=10, min_size=7, width_of=width_of).lines == ()
