"""The keyboard shortcuts (F1), one row per key, each phrase kept on one line: a table the
window is sized to, instead of a message box that wraps lines where it likes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "窓口モード",
        (
            ("数字キー", "選択肢を選ぶ(同じページの次の設問へ進みます)"),
            ("Enter", "次へ(ページの回答を確定)"),
            ("Alt+← / Esc", "前のページへ戻る"),
            ("Tab / Shift+Tab", "次の欄 / 前の欄へ"),
            ("F2 / F3 / F4 …", "「世帯主と同じ」などの候補を入れる(キーはボタンに表示)"),
            ("性別・続柄の欄で数字", "1 男 2 女 / 1 世帯主 2 妻 3 夫 4 子 …(読みの頭文字でも可)"),
            ("世帯の最後の欄で Tab", "次の方の行を追加(続柄を選んでも・Alt+A でも)"),
            ("町名の欄で読みの数文字", "市内の町名の候補(↓ と Enter で郵便番号まで入ります)"),
            ("Ctrl+Delete", "入力中の世帯員を削除"),
            ("Ctrl+M", "マイナンバーカードを読む(氏名・生年月日・性別・住所が入ります)"),
            ("Alt+Y / Alt+L", "これまでの回答 / 対象になる手続き(↑↓ と Enter で戻る)"),
            ("PageUp / PageDown", "まとめのページを送る"),
            ("Ctrl+N", "新しい面談"),
            ("Ctrl+P / Ctrl+S", "案内票を印刷 / PDFで保存"),
            ("Ctrl+R", "住民異動届を印刷"),
            ("Alt+下線の文字", "その項目へ移動"),
        ),
    ),
    (
        "連携課モード",
        (
            ("スキャナーで読み取る", "どこに入力中でも自動で開きます"),
            ("F6", "読み取り欄へ移動"),
            ("Ctrl+O / Ctrl+K", "画像から読み取る / カメラ"),
            ("Ctrl+P / Ctrl+Shift+P", "全て印刷 / この様式を印刷"),
            ("Ctrl+S / Ctrl+Shift+S", "全てPDFで保存 / この様式をPDFで保存"),
            ("Ctrl++ / Ctrl+-", "プレビューの拡大 / 縮小"),
            ("Ctrl+0 / Ctrl+9", "幅に合わせる / ページ全体を表示"),
        ),
    ),
    (
        "監修モード",
        (
            ("Alt+E / Alt+V / Alt+S / Alt+R / Alt+Z", "編集 / プレビュー / シナリオ / 決裁 / 様式"),
            ("Alt+O / Alt+L / Alt+Q", "項目の一覧 / YAML / 検査結果"),
            ("Ctrl+Space", "条件の入力候補(設問のID・選択肢・関数)"),
            ("Enter", "候補を選ぶ・条件の入力を終える"),
            ("F8", "次の問題の項目へ"),
            ("Ctrl+Z / Ctrl+Y", "元に戻す / やり直す(手順の名前つき)"),
            ("Ctrl+S / Ctrl+O", "下書きを保存 / 設問ツリーを開く"),
            ("F5", "シナリオを実行"),
            ("Ctrl+Shift+M", "決裁書を作る"),
            ("Ctrl+Shift+U", "公開(版と施行日を指定)"),
            ("Ctrl+Shift+W", "公開した版を取り下げる(ほかのモードへ移るとログアウト)"),
        ),
    ),
    (
        "統計モード",
        (
            ("Alt+K / Alt+B", "期間 / 集計の単位"),
            ("F5", "集計し直す"),
            ("Ctrl+S", "すべての表をExcelで保存"),
            ("Ctrl+Shift+C / Ctrl+C", "図をコピー / 表をコピー"),
        ),
    ),
    (
        "全体",
        (
            ("Ctrl+1 / Ctrl+2", "窓口モード / 連携課モード"),
            ("Ctrl+3 / Ctrl+4", "監修モード(監修者のログインが必要) / 統計モード"),
            ("Ctrl+,", "設定"),
            ("Ctrl+Q", "終了(面談の途中なら確認します)"),
            ("F1", "この一覧"),
        ),
    ),
)


def keys_html() -> str:
    """The table; no cell ever wraps (``nowrap``), so no phrase is broken."""
    rows = []
    for title, keys in KEYS:
        rows.append(f"<tr><td colspan='2'><b>{escape(title)}</b></td></tr>")
        rows += [
            f"<tr><td nowrap style='padding-right: 16px'>{escape(key)}</td>"
            f"<td nowrap>{escape(does)}</td></tr>"
            for key, does in keys
        ]
    return f"<table cellspacing='2'>{''.join(rows)}</table>"


class KeysHelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("キーボード操作")
        self.table = QLabel(keys_html())
        self.table.setTextFormat(Qt.TextFormat.RichText)
        self.table.setWordWrap(False)
        scroller = QScrollArea(self)
        scroller.setWidget(self.table)
        scroller.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroller, 1)
        layout.addWidget(buttons)
        hint = self.table.sizeHint()
        screen = self.screen().availableGeometry()
        self.resize(
            min(hint.width() + 60, screen.width() - 40),
            min(hint.height() + 90, screen.height() - 60),
        )
