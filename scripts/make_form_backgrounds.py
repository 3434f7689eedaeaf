"""Draw the sample municipality's own blank paper form that
``forms_templates/inu_touroku_henkou.yaml`` prints over (a background PDF).

A real city scans or exports its existing blank form instead; this script only makes a
realistic one for the fictional サンプル市 so the overlay path is exercised and shown:

    .venv/bin/python scripts/make_form_backgrounds.py

Positions are millimetres from the top-left corner, the same numbers the template uses.
The output is byte-for-byte reproducible (reportlab's invariant mode).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from kakanai.adapters.pdf.fonts import GOTHIC, MINCHO, font_book  # noqa: E402

OUT = ROOT / "forms_templates" / "backgrounds" / "inu_touroku_henkou.pdf"
MM = 72 / 25.4
WIDTH, HEIGHT = A4


class Sheet:
    """A canvas addressed in millimetres from the top-left corner."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas

    def text(self, x: float, y: float, text: str, size: float = 9, family: str = GOTHIC) -> None:
        """``y`` is the baseline."""
        font_book().draw(self.c, (x * MM, HEIGHT - y * MM), text, size=size, family=family)

    def centred(self, box: tuple[float, float, float, float], text: str, size: float = 9) -> None:
        x, y, w, h = box
        width = font_book().width(text, size, GOTHIC) / MM
        self.text(x + (w - width) / 2, y + h / 2 + size * 0.35 / MM, text, size)

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        width: float = 0.6,
        fill: float | None = None,
    ) -> None:
        self.c.setLineWidth(width)
        if fill is not None:
            self.c.setFillGray(fill)
        self.c.rect(x * MM, HEIGHT - (y + h) * MM, w * MM, h * MM, stroke=1, fill=fill is not None)
        self.c.setFillGray(0)

    def label(self, box: tuple[float, float, float, float], text: str, size: float = 8.5) -> None:
        self.box(*box, fill=0.9)
        lines = text.split("\n")
        x, y, w, h = box
        pitch = size * 1.3 / MM
        top = y + (h - pitch * len(lines)) / 2
        for index, line in enumerate(lines):
            self.centred((x, top + index * pitch, w, pitch), line, size)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.4) -> None:
        self.c.setLineWidth(width)
        self.c.line(x1 * MM, HEIGHT - y1 * MM, x2 * MM, HEIGHT - y2 * MM)

    def square(self, x: float, y: float, text: str) -> None:
        self.box(x, y, 4, 4, width=0.6)
        self.text(x + 5.5, y + 3.4, text, 9.5)


def draw(s: Sheet) -> None:
    s.text(15, 12, "様式第6号(第4条関係)", 8)
    s.c.setStrokeColorRGB(0.75, 0, 0)
    s.c.setFillColorRGB(0.75, 0, 0)
    s.box(148, 8, 48, 8, width=1.2)
    s.c.setFillColorRGB(0.75, 0, 0)
    font_book().draw(s.c, (151 * MM, HEIGHT - 13.6 * MM), "(見本) サンプル市 環境課", size=9.5)
    s.c.setStrokeColorRGB(0, 0, 0)
    s.c.setFillColorRGB(0, 0, 0)
    s.centred((45, 19, 120, 12), "犬 の 登 録 事 項 変 更 届", 19)
    s.text(15, 42, "サンプル市長 様", 12, MINCHO)
    s.text(122, 42, "届出日", 9)
    s.line(135, 43.5, 196, 43.5)
    s.text(
        15,
        51,
        "狂犬病予防法第4条第4項および同法施行規則第6条の規定により、次のとおり届け出ます。",
        9,
        MINCHO,
    )

    # The 届出者 (owner) section.
    s.label((15, 55, 22, 36), "届出者\n(飼い主)", 9)
    s.label((37, 55, 22, 15), "住所")
    s.box(59, 55, 137, 15)
    s.text(60.5, 59.6, "〒", 9)
    s.line(65, 60.5, 95, 60.5)
    s.label((37, 70, 22, 6), "フリガナ", 7.5)
    s.box(59, 70, 137, 6)
    s.label((37, 76, 22, 9), "氏名")
    s.box(59, 76, 137, 9)
    s.label((37, 85, 22, 6), "電話番号", 8)
    s.box(59, 85, 137, 6)

    # 届出の理由
    s.label((15, 95, 22, 18), "届出の\n理由", 9)
    s.box(37, 95, 159, 18)
    s.square(40, 97.5, "市外から転入した")
    s.square(100, 97.5, "市内で転居した")
    s.square(40, 105.5, "飼い主が変わった")
    s.square(100, 105.5, "犬が死亡した")
    s.square(150, 105.5, "その他")

    # 犬
    s.label((15, 117, 22, 52), "犬", 10)
    s.label((37, 117, 25, 9), "名前")
    s.box(62, 117, 60, 9)
    s.label((122, 117, 16, 9), "性別")
    s.box(138, 117, 58, 9)
    s.text(155, 123, "オス ・ メス", 9.5, MINCHO)
    s.label((37, 126, 25, 9), "種類")
    s.box(62, 126, 60, 9)
    s.label((122, 126, 16, 9), "毛色")
    s.box(138, 126, 58, 9)
    s.label((37, 135, 25, 9), "生年月日")
    s.box(62, 135, 134, 9)
    s.text(85, 141, "年　　　月　　　日(頃)", 9.5, MINCHO)
    s.label((37, 144, 25, 9), "登録番号\n(鑑札)", 7.5)
    s.box(62, 144, 134, 9)
    s.label((37, 153, 25, 16), "狂犬病\n予防注射", 8)
    s.box(62, 153, 134, 16)
    s.text(64, 159, "注射年月日　　　　　　　年　　　月　　　日", 9, MINCHO)
    s.text(64, 166, "注射済票番号　　第　　　　　　　号", 9, MINCHO)

    # 所在地
    s.label((15, 173, 22, 34), "犬の\n所在地", 9)
    s.label((37, 173, 25, 11), "新所在地")
    s.box(62, 173, 134, 11)
    s.label((37, 184, 25, 11), "旧所在地")
    s.box(62, 184, 134, 11)
    s.label((37, 195, 25, 12), "異動年月日")
    s.box(62, 195, 60, 12)
    s.label((122, 195, 25, 12), "前の市区町村", 8)
    s.box(147, 195, 49, 12)

    notes = [
        "【ご注意】",
        "・市外から転入したときは、前の市区町村の鑑札をお持ちください。サンプル市の鑑札と無料で交換します。",
        "・犬の所在地や飼い主が変わったときは、30日以内に届け出てください(狂犬病予防法)。",
        "・狂犬病の予防注射は毎年1回(4月〜6月)受けさせてください。",
    ]
    for index, note in enumerate(notes):
        s.text(15, 213 + index * 4.6, note, 8, MINCHO)

    # 市使用欄
    s.box(15, 233, 181, 5, fill=0.85)
    s.text(16.5, 236.7, "市使用欄(記入しないでください)", 7.5)
    s.box(15, 238, 36, 36)
    s.text(16.5, 241.5, "受付印", 7)
    s.box(51, 238, 145, 36)
    for index, title in enumerate(["新鑑札番号", "交付日", "旧鑑札の回収", "入力", "備考"]):
        x = 51 + index * 29
        s.box(x, 238, 29, 6, fill=0.93)
        s.centred((x, 238, 29, 6), title, 7.5)
        s.line(x, 244, x, 274)
    s.text(117, 260, "有 ・ 無", 8.5, MINCHO)


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # Every font the blank form names is embedded (never reportlab's initial Helvetica).
    gothic = font_book().font_name(GOTHIC)
    canvas = Canvas(str(OUT), pagesize=A4, invariant=1, initialFontName=gothic)
    canvas.setTitle("犬の登録事項変更届(サンプル市・白紙)")
    draw(Sheet(canvas))
    canvas.showPage()
    canvas.save()
    print(OUT.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
