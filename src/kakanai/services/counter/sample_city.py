"""The towns (町字) of サンプル市, the fictional city kakanai ships as its example: postal
code, prefecture, municipality, town and its reading, and the buildings (方書) at a few
addresses. A real city keeps its own lists in ``towns.csv`` and ``buildings.csv`` in the data
folder (services/counter/towns). The codes, addresses and buildings are the ones the shipped
trees' scenarios and form samples use; some codes cover several towns, as real ones do."""

from __future__ import annotations

SAMPLE_CITY = "サンプル市"
SAMPLE_PREFECTURE = "東京都"

# (postal code, town, reading in katakana)
SAMPLE_CITY_TOWNS: tuple[tuple[str, str, str], ...] = (
    ("100-0001", "中央一丁目", "チュウオウイッチョウメ"),
    ("100-0002", "中央二丁目", "チュウオウニチョウメ"),
    ("100-0003", "中央三丁目", "チュウオウサンチョウメ"),
    ("100-0002", "本町一丁目", "ホンチョウイッチョウメ"),
    ("100-0002", "本町二丁目", "ホンチョウニチョウメ"),
    ("100-0004", "南町一丁目", "ミナミマチイッチョウメ"),
    ("100-0003", "南町二丁目", "ミナミマチニチョウメ"),
    ("100-0011", "南町三丁目", "ミナミマチサンチョウメ"),
    ("100-0005", "北町一丁目", "キタマチイッチョウメ"),
    ("100-0005", "北町二丁目", "キタマチニチョウメ"),
    ("100-0005", "北町三丁目", "キタマチサンチョウメ"),
    ("100-0006", "西町一丁目", "ニシマチイッチョウメ"),
    ("100-0006", "西町二丁目", "ニシマチニチョウメ"),
    ("100-0006", "西町三丁目", "ニシマチサンチョウメ"),
    ("100-0006", "西町四丁目", "ニシマチヨンチョウメ"),
    ("100-0012", "緑町一丁目", "ミドリチョウイッチョウメ"),
    ("100-0012", "緑町二丁目", "ミドリチョウニチョウメ"),
    ("100-0012", "緑町三丁目", "ミドリチョウサンチョウメ"),
    ("100-0013", "大字北町字東谷戸", "オオアザキタマチアザヒガシヤト"),
)

# (town, 番地・号, building): the city's 方書 at an address, as its resident records keep them
SAMPLE_CITY_BUILDINGS: tuple[tuple[str, str, str], ...] = (
    ("中央一丁目", "2番3号", "サンプルハイツ中央"),
    ("中央一丁目", "2番3号", "サンプルグランドレジデンス東棟"),
    ("中央一丁目", "12番地3号", "サンプルレジデンス中央公園通り"),
    ("本町一丁目", "1番20号", "サンプル市営本町住宅"),
    ("北町二丁目", "5番8号", "北町団地3号棟"),
    ("北町三丁目", "12番地の4", "ノースガーデン北町"),
    ("西町四丁目", "10番地12", "コーポ西町"),
)
