"""Types into the household's name, sex and relationship fields through a real Japanese input
method (ibus + mozc) and xdotool, and checks what they hold: the check that Qt's synthetic
input method events in the tests stand in for.

Run it as an ordinary user (mozc_server refuses root) on an X server with ibus running mozc
in hiragana mode (``active_on_launch: True`` in ~/.config/mozc/ibus_config.textproto), e.g.
under Xvfb with dbus-launch; QT_QPA_PLATFORM=xcb QT_IM_MODULE=ibus python scripts/ime_check.py
Exit 0 when every step gives what a clerk expects.
"""

from __future__ import annotations

import subprocess
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from kakanai.services.counter.inputs import RELATIONSHIP_PICKS, SEX_PICKS
from kakanai.ui.counter.pick_edit import PickEdit

# (keys for xdotool, then the texts the three fields hold and the field with the focus)
STEPS = [
    (["type:yamada", "key:space", "key:Return"], ("山田", "", ""), "name"),
    (["key:Tab", "type:2", "key:Return"], ("山田", "女", ""), "relationship"),  # ２ from the IME
    (["type:tsuma", "key:Return"], ("山田", "女", "妻"), "relationship"),
    (
        ["key:shift+Tab", "key:ctrl+a", "type:otoko", "key:Return"],
        ("山田", "男", "妻"),
        "relationship",
    ),
]


def main() -> int:
    app = QApplication(sys.argv)
    window = QWidget()
    layout = QVBoxLayout(window)
    name, sex, relationship = QLineEdit(), PickEdit(SEX_PICKS), PickEdit(RELATIONSHIP_PICKS)
    sex.picked.connect(lambda _value: relationship.setFocus())  # as a household row does
    for field in (name, sex, relationship):
        layout.addWidget(field)
    window.show()
    window.activateWindow()
    name.setFocus()
    fields = {"name": name, "sex": sex, "relationship": relationship}
    failures: list[str] = []

    def run(index: int) -> None:
        if index:
            keys, wanted, focus = STEPS[index - 1]
            held = (name.text(), sex.text(), relationship.text())
            focused = next((k for k, w in fields.items() if w.hasFocus()), "?")
            verdict = "ok" if (held, focused) == (wanted, focus) else "NG"
            print(f"{verdict} {' '.join(keys)} → {held} focus={focused}")
            if verdict == "NG":
                failures.append(" ".join(keys))
        if index == len(STEPS):
            app.quit()
            return
        for key in STEPS[index][0]:
            kind, _, value = key.partition(":")
            command = (
                ["xdotool", kind, "--delay", "120", value]
                if kind == "type"
                else ["xdotool", kind, value]
            )
            subprocess.Popen(command)  # noqa: S603 - a fixed tool; Qt keeps running meanwhile
            deadline = time.monotonic() + 0.9
            while time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.02)
        QTimer.singleShot(1200, lambda: run(index + 1))

    QTimer.singleShot(2000, lambda: run(0))
    app.exec()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
