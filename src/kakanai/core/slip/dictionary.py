"""The preset compression dictionary of the slip payload: common Japanese address, school and
name terms (UTF-8) and common name readings (in the katakana alphabet), one per format version.
Deflate finds these before the payload starts, so even a short case compresses well."""

from __future__ import annotations

import zlib

from kakanai.core.slip.byte_codec import KANA_ALPHABET

# Least frequent first within each list, and the lists in the order they are joined below:
# deflate codes nearer matches (the end of the dictionary) in fewer bits.
_ADDRESS_TERMS_V1 = """
北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都
神奈川県 新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府
大阪府 兵庫県 奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県
福岡県 佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県
札幌市 仙台市 さいたま市 千葉市 横浜市 川崎市 相模原市 新潟市 静岡市 浜松市 名古屋市 京都市
大阪市 堺市 神戸市 岡山市 広島市 北九州市 福岡市 熊本市 千代田区 中央区 港区 新宿区 文京区
台東区 墨田区 江東区 品川区 目黒区 大田区 世田谷区 渋谷区 中野区 杉並区 豊島区 北区 荒川区
板橋区 練馬区 足立区 葛飾区 江戸川区 郡 町 村 大字 字
レジデンス パレス メゾン ハイム グランド パーク ヒルズ タワー シティ ガーデン ビル 荘 寮 団地
住宅 公団 都営 県営 市営 号棟 棟 階 アパート マンション コーポラス コーポ ハイツ
幼稚園 保育園 保育所 認定こども園 高等学校 中学校 小学校 市立 区立 町立 村立
駅前 本町 栄町 緑町 旭町 幸町 寿町 元町 新町 大町 東町 西町 南町 北町 中町 上 下 東 西 南 北 中央
十丁目 九丁目 八丁目 七丁目 六丁目 五丁目 四丁目 三丁目 二丁目 一丁目 丁目
第 年 号 番 番地 号室 市
"""

_NAME_TERMS_V1 = """
翔 陽 悠 湊 蓮 樹 颯 律 凛 葵 紬 結 芽依 莉子 美羽 心春 陽葵 結菜 陽菜 結衣 美咲 さくら 桜
朝陽 結翔 陽太 悠人 大和 悠真 陽翔 大輝 直樹 拓也 翔太 大輔 誠 健 三郎 次郎
由美子 直美 陽子 優子 愛 美穂 裕子 洋子 幸子 恵子 美 香 奈 恵 真 和 子 花子 一郎 太郎
熊谷 浅野 岩本 松岡 荒木 松尾 大橋 石原 川上 吉村 中西 山中 永井 田口 秋山 樋口 辻 本田 福島
川崎 土屋 岩田 服部 久保田 中田 関 平田 川口 五十嵐 安田 北村 小松 西川 菊池 飯田 西田 山内
吉川 渡部 高野 桜井 水野 島田 大西 古川 市川 杉本 菊地 野村 松井 久保 木下 菅原 佐野 岩崎
千葉 武田 野口 上野 河野 藤本 平野 小山 新井 大塚 村田 杉山 丸山 増田 高田 工藤 今井 谷口
小島 大野 宮本 安藤 高木 横山 宮崎 酒井 柴田 内田 原 上田 森田 石田 和田 中山 田村 小野
竹内 松田 中川 原田 三浦 中野 藤原 岡本 金子 藤井 西村 太田 福田 斉藤 坂本 青木 遠藤 村上
近藤 後藤 藤田 長谷川 岡田 前田 小川 石井 中島 山下 石川 阿部 橋本 池田 森 山崎 清水 斎藤
林 木村 井上 松本 山口 佐々木 山田 吉田 加藤 小林 中村 山本 渡辺 伊藤 田中 高橋 鈴木 佐藤
"""

_READINGS_V1 = """
ショウ ハル ユウ ミナト レン イツキ ハヤテ リツ リン アオイ ツムギ ユイ メイ リコ ミウ コハル
ヒマリ ユナ ヒナ ミサキ サクラ アサヒ ユイト ヨウタ ユウト ヤマト ユウマ ハルト ダイキ ナオキ
タクヤ ショウタ ダイスケ マコト ケン サブロウ ジロウ ユミコ ナオミ ヨウコ ユウコ アイ ミホ
ヒロコ サチコ ケイコ ミ カ ナ エ ハナコ イチロウ タロウ
クマガイ アサノ イワモト マツオカ アラキ マツオ オオハシ イシハラ カワカミ ヨシムラ ナカニシ
ヤマナカ ナガイ タグチ アキヤマ ヒグチ ツジ ホンダ フクシマ カワサキ ツチヤ イワタ ハットリ
クボタ ナカタ セキ ヒラタ カワグチ イガラシ ヤスダ キタムラ コマツ ニシカワ キクチ イイダ
ニシダ ヤマウチ ヨシカワ ワタベ タカノ サクライ ミズノ シマダ オオニシ フルカワ イチカワ
スギモト ノムラ マツイ クボ キノシタ スガワラ サノ イワサキ チバ タケダ ノグチ ウエノ コウノ
フジモト ヒラノ コヤマ アライ オオツカ ムラタ スギヤマ マルヤマ マスダ タカダ クドウ イマイ
タニグチ コジマ オオノ ミヤモト アンドウ タカギ ヨコヤマ ミヤザキ サカイ シバタ ウチダ ハラ
ウエダ モリタ イシダ ワダ ナカヤマ タムラ オノ タケウチ マツダ ナカガワ ハラダ ミウラ ナカノ
フジワラ オカモト カネコ フジイ ニシムラ オオタ フクダ サイトウ サカモト アオキ エンドウ
ムラカミ コンドウ ゴトウ フジタ ハセガワ オカダ マエダ オガワ イシイ ナカジマ ヤマシタ
イシカワ アベ ハシモト イケダ モリ ヤマザキ シミズ ハヤシ キムラ イノウエ マツモト ヤマグチ
ササキ ヤマダ ヨシダ カトウ コバヤシ ナカムラ ヤマモト ワタナベ イトウ タナカ タカハシ
スズキ サトウ
"""


def _kana_bytes(words: str) -> bytes:
    """Readings as the katakana alphabet writes them, each followed by the full-width space
    that separates family and given name."""
    return b"".join(bytes(KANA_ALPHABET.index(c) for c in word) + b"\0" for word in words.split())


def _utf8_terms(words: str) -> bytes:
    return "".join(words.split()).encode("utf-8")


# Block and room numbers as they are written most often: 3番3号, 5番地, 201号室.
_NUMBER_PATTERNS_V1 = (
    "".join(f"{n}番{n}号" for n in range(1, 10))
    + "".join(f"{n}番地" for n in range(1, 10))
    + "".join(f"{floor}0{room}号室" for floor in range(1, 4) for room in range(1, 4))
)

_V1 = (
    _kana_bytes(_READINGS_V1)
    + _utf8_terms(_NAME_TERMS_V1)
    + _utf8_terms(_ADDRESS_TERMS_V1)
    + _NUMBER_PATTERNS_V1.encode("utf-8")
)
# The shipped trees' ids as a visit names them (the header carries them as text). Deflate
# prefers the dictionary's end, so they go last.
_TREE_IDS_V2 = "certificates+marriage+divorce+abroad+death+birth+moving+2026.12"

DICTIONARIES: dict[int, bytes] = {
    1: _V1,
    2: _V1 + _TREE_IDS_V2.encode("ascii"),
}
_MAX_PLAIN = 1 << 20  # no real case comes near; a bound stops a hostile stream early


class CompressionError(Exception):
    """A stream that does not inflate completely with the version's dictionary."""


def compress(data: bytes, version: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zdict=DICTIONARIES[version])
    return packer.compress(data) + packer.flush()


def decompress(data: bytes, version: int) -> bytes:
    unpacker = zlib.decompressobj(-15, zdict=DICTIONARIES[version])
    try:
        plain = unpacker.decompress(data, _MAX_PLAIN)
    except zlib.error as exc:
        raise CompressionError(str(exc)) from None
    if not unpacker.eof or unpacker.unused_data or unpacker.unconsumed_tail:
        raise CompressionError("the compressed stream is incomplete or has trailing bytes")
    return plain
