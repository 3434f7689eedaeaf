"""Writes PNGs of every main screen with real content (`make screenshots`).

The app runs offscreen on a fresh data directory; the counter is driven through its real
widgets by the app's own clerk (the one `kakanai bench counter` and the tests use), the desk
scans slips sealed with that directory's key; the supervisor's mode edits a draft of the
shipped tree (scripts/supervision_shots.py); the statistics show a generated year of a
mid-size city (`kakanai demo-data`).
Usage: python scripts/screenshots.py [OUT_DIR] [--size 1366x768] [--scale 1.0] [--cases N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from supervision_shots import supervision  # noqa: E402 - beside this script


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1366x768", help="window size in logical pixels")
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR, e.g. 1.25")
    parser.add_argument("--cases", type=int, default=60_000, help="visits of the sample year")
    parser.add_argument(
        "--only",
        choices=["counter", "cards", "visits", "desk", "supervision", "settings", "stats"],
        action="append",
    )
    options = parser.parse_args()
    width, height = (int(n) for n in options.size.split("x"))
    data = Path(tempfile.mkdtemp(prefix="kakanai-screenshots-"))
    os.environ.update(
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR=options.scale,
        KAKANAI_DATA_DIR=str(data / "data"),
    )
    for name in ("KAKANAI_DATABASE_URL", "KAKANAI_MODE", "KAKANAI_DEPARTMENT"):
        os.environ.pop(name, None)
    os.environ["KAKANAI_PRINTER"] = f"folder:{data / 'printed'}"  # the slip is "printed" there
    sys.path.insert(0, str(ROOT))
    options.out.mkdir(parents=True, exist_ok=True)
    shots = Shots(options.out, (width, height))
    every = ["counter", "cards", "visits", "desk", "supervision", "settings", "stats"]
    for name in options.only or every:
        if name == "stats":
            shots.stats(options.cases)
        elif name == "supervision":
            supervision(shots)
        else:
            getattr(shots, name)()
    for path in shots.written:
        print(path)
    return 0


class Shots:
    def __init__(self, out: Path, size: tuple[int, int]) -> None:
        from kakanai.services.workspace import open_workspace  # noqa: PLC0415 - after env
        from kakanai.ui.application import application  # noqa: PLC0415 - after env

        self.out = out
        self.size = size
        self.app = application()
        self.workspace = open_workspace()
        self.written: list[Path] = []

    def window(self, mode: str) -> object:
        from kakanai.ui.application import MODES  # noqa: PLC0415 - after env
        from kakanai.ui.main_window import MainWindow  # noqa: PLC0415 - after env

        window = MainWindow(self.workspace, MODES)
        window.resize(*self.size)
        window.show()
        window.show_mode(mode)
        self.settle()
        return window

    def settle(self, rounds: int = 20) -> None:
        for _ in range(rounds):
            self.app.processEvents()
            time.sleep(0.01)

    def save(self, widget: object, name: str) -> None:
        self.settle()
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        self.written.append(path)

    def counter(self) -> None:
        from tests.services.counter.workspace import reference_answers  # noqa: PLC0415

        from kakanai.ui.counter.clerk import Clerk  # noqa: PLC0415 - after env

        answers = reference_answers()
        window = self.window("counter")
        view = window.current_view  # type: ignore[attr-defined]
        clerk = Clerk(view)
        self.save(window, "counter-0-life-events")
        clerk.choose_events(None)
        self.save(window, "counter-1-first-question")
        self.answer_until(clerk, answers, "household")
        clerk.type_page(answers)
        self.save(window, "counter-2-household")
        clerk.answer_page(answers)
        self.answer_until(clerk, answers, "health_insurance")
        self.save(window, "counter-3-interview-with-path-and-procedures")
        self.answer_until(clerk, answers, "has_dog")
        clerk.type_page(answers)  # the dog's name and number show on the same page
        self.save(window, "counter-3b-follow-up-on-the-same-page")
        self.answer_until(clerk, answers, None)
        self.save(window, "counter-4-summary")
        view.print_slip()  # type: ignore[attr-defined]
        self.save(window, "counter-5-slip-issued")
        view.session.discard()  # type: ignore[attr-defined]
        window.close()  # type: ignore[attr-defined]

    def cards(self) -> None:
        """The reference family reading their My Number cards, on a real pcscd with virtual
        cards (the lab of the tests and the bench): a wrong PIN, the address it fills, the
        household rows of the four cards."""
        from PySide6.QtTest import QTest  # noqa: PLC0415 - after env

        from kakanai.benchmarks.counter_households import (  # noqa: PLC0415
            CARDS,
            REFERENCE,
            with_cards,
        )
        from kakanai.benchmarks.smartcard_lab import LabCards, SmartcardLab  # noqa: PLC0415
        from kakanai.ui.counter.clerk import Clerk  # noqa: PLC0415 - after env

        answers = with_cards(REFERENCE, ["4821", "7306", "1957", "2648"])
        with SmartcardLab() as lab:
            cards = LabCards.described(lab, answers[CARDS])
            window = self.window("counter")
            view = window.current_view  # type: ignore[attr-defined]
            view.start_new()
            clerk = Clerk(view, cards=cards)
            clerk.choose_events(None)
            self.answer_until(clerk, answers, "previous_address")
            cards.present(0)
            view.read_card()
            dialog = view.card_dialog
            QTest.keyClicks(dialog.pin, "0000")  # a wrong PIN: the tries left are said
            self.save(dialog, "counter-2c-card-pin-wrong")
            QTest.keyClicks(dialog.pin, cards.pin(0))
            clerk.cards_read.add(0)
            self.save(window, "counter-2d-address-from-card")
            clerk.answer_page(answers)
            self.answer_until(clerk, answers, "household")
            clerk.type_page(answers)
            self.save(window, "counter-2e-household-from-cards")
            view.session.discard()
            window.close()  # type: ignore[attr-defined]

    def visits(self) -> None:
        """One visit per life event and two combined visits: the events chosen, the first
        per-member page (when the visit has one) and the summary."""
        from kakanai.benchmarks.counter_visits import (  # noqa: PLC0415 - after env
            move_in_with_birth,
            visit,
        )
        from kakanai.services.shipped_data import QUESTIONNAIRES  # noqa: PLC0415 - after env
        from kakanai.ui.counter.clerk import Clerk  # noqa: PLC0415 - after env

        trees = ["moving", "birth", "marriage", "divorce", "abroad", "certificates", "death"]
        shipped = [t for t in trees if (QUESTIONNAIRES / f"{t}.yaml").is_file()]
        visits = {tree: visit(tree) for tree in shipped}
        visits["moving+birth"] = move_in_with_birth()
        first = "death" if "death" in shipped else "marriage"
        visits[f"{first}+certificates"] = visit(first, "certificates")
        window = self.window("counter")
        view = window.current_view  # type: ignore[attr-defined]
        for slug, answers in visits.items():
            if view.session is not None and not view.session.closed:
                view.session.discard()
            view.start_new()
            clerk = Clerk(view)
            page = view.events_page
            for number, (event, box) in enumerate(zip(page.ids, page.boxes, strict=True)):
                if box.isChecked() != (event in answers["@events"]):
                    clerk.keys.type(str(number + 1))
            self.save(window, f"visit-{slug}-1-events")
            clerk.choose_events(None)
            member_questions = [q.id for q in view.session.interview.runtime.tree.member_questions]
            if member_questions:
                self.answer_until(clerk, answers, member_questions[0])
                if view.current_question_id() is not None:
                    clerk.type_page(answers)  # each member's answer read back by name
                    self.save(window, f"visit-{slug}-2-per-member")
            self.answer_until(clerk, answers, None)
            self.save(window, f"visit-{slug}-3-summary")
        view.session.discard()
        window.close()  # type: ignore[attr-defined]

    def answer_until(self, clerk: object, answers: dict[str, object], stop: str | None) -> None:
        view = clerk.view  # type: ignore[attr-defined]
        while view.current_question_id() is not None and stop not in view.question_page.shown_ids():
            clerk.answer_page(answers)  # type: ignore[attr-defined]
        self.settle()

    def desk(self) -> None:
        from tests.desk_slips import (  # noqa: PLC0415 - the tests' slips
            at_department,
            expired_digits,
            photographed,
            sealed,
        )

        from kakanai.adapters.camera import RecordedFrames  # noqa: PLC0415 - after env

        at_department(self.workspace, "kodomo")
        window = self.window("desk")
        view = window.current_view  # type: ignore[attr-defined]
        view.wait_idle()
        self.save(window, "desk-1-ready")
        digits = sealed().digits
        self.until_preview(view, lambda: view.open_text(digits))
        self.save(window, "desk-2-scanned-forms-preview")
        self.until_preview(view, lambda: view.open_text(digits))
        self.save(window, "desk-3-already-handled")
        self.until_preview(view, lambda: view.open_text(expired_digits()))
        self.save(window, "desk-4-rejected-expired")
        frames = RecordedFrames([photographed(digits, 5)], loop=True, interval=0.05)
        self.until_preview(view, lambda: view.start_camera(frames))
        self.settle(40)
        self.save(window, "desk-5-camera")
        view.stop_camera()
        window.close()  # type: ignore[attr-defined]

    def settings(self) -> None:
        from kakanai.ui.settings_dialog import SettingsDialog  # noqa: PLC0415 - after env

        dialog = SettingsDialog(self.workspace)
        dialog.show()
        self.save(dialog, "settings")
        dialog.close()

    def stats(self, cases: int) -> None:
        from kakanai.benchmarks.stats import analyze  # noqa: PLC0415 - after env
        from kakanai.benchmarks.stats_demo import write_visits  # noqa: PLC0415 - after env
        from kakanai.benchmarks.stats_visits import visits  # noqa: PLC0415 - after env
        from kakanai.core.stats.periods import Grouping, fiscal_year  # noqa: PLC0415 - after env

        year = fiscal_year(2025)  # the last ended fiscal year, 令和7年度
        write_visits(self.workspace.engine, visits(cases, year))
        analyze(self.workspace.engine)
        window = self.window("stats")
        view = window.current_view  # type: ignore[attr-defined]
        for grouping, tab, name in (
            (Grouping.MONTH, 0, "stats-1-by-month"),
            (Grouping.DEPARTMENT, 0, "stats-2-by-department"),
            (Grouping.PROCEDURE, 0, "stats-3-by-procedure"),
            (Grouping.DEPARTMENT, 1, "stats-4-handoff-matrix"),
            (Grouping.DEPARTMENT, 2, "stats-5-interview-times"),
            (Grouping.DEPARTMENT, 4, "stats-6-public-table"),
        ):
            view.bar.choose(year, grouping)
            view.wait_idle()
            self.settle(40)
            view.tabs.setCurrentIndex(tab)
            view.wait_idle()
            self.settle(40)
            self.save(window, name)
        window.close()  # type: ignore[attr-defined]

    def until_preview(self, view: object, start: Callable[[], None]) -> None:
        shown: list[bool] = []

        def seen() -> None:
            shown.append(True)

        view.preview_shown.connect(seen)  # type: ignore[attr-defined]
        start()
        deadline = time.monotonic() + 30
        while not shown and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.005)
        view.preview_shown.disconnect(seen)  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
