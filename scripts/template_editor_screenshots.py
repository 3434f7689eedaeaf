"""Writes PNGs of the form-template editor (様式, supervisor's mode) with real content: a field
placed on the background PDF of 犬の登録事項変更届 and bound to 犬の名前; the same field given a
kind its value cannot fill (the checker's message on the box); a drawn form (子ども医療費); and,
as in the supervisor's mode, a shipped template saved as the city's copy (「(市の様式)」 and
「市の様式を削除して標準に戻す」). The templates are copies in a temporary folder, and the city's
copy goes to a temporary data folder, so nothing shipped changes.

Usage: python scripts/template_editor_screenshots.py [OUT_DIR] [--size 1366x768]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BREED_CELL = (63.0, 126.5, 55.0, 8.0)  # the background's empty 種類 cell, in mm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1366x768", help="widget size in logical pixels")
    options = parser.parse_args()
    width, height = (int(n) for n in options.size.split("x"))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["KAKANAI_DATA_DIR"] = tempfile.mkdtemp(prefix="kakanai-template-shots-data-")
    sys.path.insert(0, str(ROOT / "src"))
    folder = Path(tempfile.mkdtemp(prefix="kakanai-template-shots-")) / "forms_templates"
    (folder / "backgrounds").mkdir(parents=True)
    shipped = ROOT / "forms_templates"
    for form in ("inu_touroku_henkou", "kodomo_iryou_shinsei"):
        shutil.copy(shipped / f"{form}.yaml", folder / f"{form}.yaml")
    shutil.copy(shipped / "backgrounds" / "inu_touroku_henkou.pdf", folder / "backgrounds")
    options.out.mkdir(parents=True, exist_ok=True)
    for path in shoot(folder, options.out, (width, height)):
        print(path)
    return 0


def shoot(folder: Path, out: Path, size: tuple[int, int]) -> list[Path]:
    from kakanai.core.forms.model import Box  # noqa: PLC0415 - after the platform is set
    from kakanai.ui.application import application  # noqa: PLC0415
    from kakanai.ui.template_editor.editor import TemplateEditor  # noqa: PLC0415

    app = application()
    editor = TemplateEditor(folder, template=folder / "inu_touroku_henkou.yaml")
    editor.resize(*size)
    editor.show()
    written = []

    def grab(name: str) -> None:
        editor.wait_for_preview()
        for _ in range(5):
            app.processEvents()
        path = out / name
        editor.grab().save(str(path))
        written.append(path)

    editor.add_field(Box(*BREED_CELL))
    editor.panel.picker.search.insert("犬の名前")
    editor.panel.picker.search.returnPressed.emit()
    editor.panel.picker.search.setText("住所 郵便番号")
    grab("template-editor-1-field-placed-on-background.png")
    editor.panel.kind.setCurrentIndex(editor.panel.kind.findData("check"))
    editor.panel.kind.activated.emit(editor.panel.kind.currentIndex())
    grab("template-editor-2-check-message-on-the-box.png")
    editor.undo()
    editor.save()
    editor.open_template(folder / "kodomo_iryou_shinsei.yaml")
    assert editor.session is not None
    editor.select(editor.session.fields()[3].ref)
    grab("template-editor-3-drawn-form.png")
    editor.close()
    written.append(shoot_city_copy(app, out, size))
    return written


def shoot_city_copy(app: Any, out: Path, size: tuple[int, int]) -> Path:
    """The desk's templates (the mode's 様式 tab): a shipped one saved as the city's copy."""
    from kakanai.core.forms.model import Box  # noqa: PLC0415 - after the platform is set
    from kakanai.services import shipped_data  # noqa: PLC0415
    from kakanai.services.template_editing.shelf import TemplateShelf  # noqa: PLC0415
    from kakanai.ui.template_editor.editor import TemplateEditor  # noqa: PLC0415

    shipped = shipped_data.FORM_TEMPLATES / "inu_touroku_henkou.yaml"
    editor = TemplateEditor(TemplateShelf.desk(), template=shipped)
    editor.resize(*size)
    editor.show()
    editor.add_field(Box(*BREED_CELL))
    editor.panel.picker.search.insert("犬の名前")
    editor.panel.picker.search.returnPressed.emit()
    editor.save()
    editor.wait_for_preview()
    for _ in range(5):
        app.processEvents()
    path = out / "template-editor-4-city-copy.png"
    editor.grab().save(str(path))
    editor.close()
    return path


if __name__ == "__main__":
    raise SystemExit(main())
