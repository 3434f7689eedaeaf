"""Line breaking: Japanese between any characters, English at spaces, and the basic 禁則
rules, measured here with one unit per character."""

from __future__ import annotations

import pytest

from kakanai.core.japanese.line_breaking import (
    NO_LINE_END,
    NO_LINE_START,
    WORD_JOINER,
    break_lines,
    glue_tail,
)


def lines(text: str, width: float) -> list[str]:
    return break_lines(text, width, len)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("あいうえおかきくけこ", 4, ["あいうえ", "おかきく", "けこ"]),
        # 。 may not start a line: it goes with the character before it.
        ("あいう。えお", 3, ["あい", "う。え", "お"]),
        # 、 and ) likewise, even when that leaves the line short.
        ("あいう、えお", 3, ["あい", "う、え", "お"]),
        ("(あいう)えお", 4, ["(あい", "う)えお"]),
        # 「 may not end a line: it goes with the character after it.
        ("あいう「えお」", 4, ["あいう", "「えお」"]),
        # small kana and the long vowel mark stay with the character before.
        ("カードーッ", 3, ["カー", "ドーッ"]),
        # numbers, times and case ids are not broken.
        ("期限は14日以内", 4, ["期限は", "14日以", "内"]),
        # ... nor split from the counter that follows them.
        ("ハイツ 101号室", 4, ["ハイツ", "101号", "室"]),
        ("10:15まで", 5, ["10:15", "まで"]),
        ("受付 20261123-3FA2C1", 8, ["受付", "20261123", "-3FA2C1"]),
    ],
)
def test_japanese_breaks_between_characters_but_keeps_kinsoku(
    text: str, width: float, expected: list[str]
) -> None:
    assert lines(text, width) == expected


def test_english_breaks_at_spaces_and_drops_them() -> None:
    assert lines("Go to: 1F counter 1, 市民課 (Citizens Division)", 20) == [
        "Go to: 1F counter 1,",
        "市民課 (Citizens",
        "Division)",
    ]


def test_a_word_wider_than_the_line_is_cut_between_characters() -> None:
    assert lines("abcdefghijklmnopqrstuvwxyz", 10) == ["abcdefghij", "klmnopqrst", "uvwxyz"]


def test_explicit_newlines_are_kept() -> None:
    assert lines("有効期限\n令和8年", 20) == ["有効期限", "令和8年"]


def test_empty_text_is_one_empty_line() -> None:
    assert lines("", 10) == [""]


@pytest.mark.parametrize("width", [1, 2, 3, 5, 8, 13])
def test_no_line_is_too_wide_or_starts_or_ends_badly(width: int) -> None:
    """Every line fits, and 禁則 holds wherever the line is wider than one 禁則 cluster."""
    text = "「転入学通知書」をお渡しします。前の市区町村(みなと市)の医療証は、使えません。"
    result = lines(text, width)
    assert "".join(result) == text
    assert all(len(line) <= width for line in result)
    if width >= 3:
        assert not any(line[0] in NO_LINE_START for line in result)
        assert not any(line[-1] in NO_LINE_END for line in result)


def glued(text: str) -> str:
    return WORD_JOINER.join(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the last five characters are joined: a line break falls before them, not among them
        ("全員を順に教えてください。", "全員を順に教えて" + glued("ください。")),
        # each paragraph on its own
        (
            "ここまでで十分です。\nほかにありませんか。",
            "ここまでで" + glued("十分です。") + "\nほかにあり" + glued("ませんか。"),
        ),
        # short text fits a line: left as it is
        ("はい。", "はい。"),
        ("教えてください", "教えてください"),
        # English, and a tail with a space or a number, breaks at its spaces: left as it is
        ("Please tell us all members", "Please tell us all members"),
        ("住所は中央一丁目 101", "住所は中央一丁目 101"),
        ("", ""),
    ],
)
def test_a_wrapped_sentence_keeps_its_last_characters_together(text: str, expected: str) -> None:
    assert glue_tail(text) == expected


def test_glued_text_reads_the_same_without_its_joiners() -> None:
    text = glue_tail("全員を順に教えてください。")
    assert text.replace(WORD_JOINER, "") == "全員を順に教えてください。"
