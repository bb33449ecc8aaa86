"""Screenshots of the organizer's window at 1366×768, called by ``scripts/screenshots.py``.

Writes organizer-1-workspace.png (a new workspace: passphrase twice, strength), organizer-2-
fingerprint.png, organizer-3-validation.png (a workbook with problems on every sheet),
organizer-4-assignment.png (the fixed workbook's plan with a manual move), organizer-5-collect.png
(the demo's verdicts), organizer-6-dashboard.png, organizer-7-results.png (ranking and charts) and
organizer-8-audit.png, all from a throw-away copy of the demo workspace.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from e2judge.formats.keys import read_public
from e2judge.paths import OrgWorkspace
from e2judge.services.org.demo import REPORT, demo_report
from e2judge.ui.i18n import Languages
from e2judge.ui.organizer.dialogs import FingerprintDialog, NewWorkspaceDialog
from e2judge.ui.organizer.start import copy_demo, demo_source, make_context
from e2judge.ui.organizer.window import OrganizerWindow
from tests.helpers.org_workbooks import broken_workbook, example_workbook

SIZE = (1366, 768)
WithDialog = Callable[[QWidget, QWidget], QPixmap]


def _settle(app: QApplication, window: OrganizerWindow) -> None:
    for _ in range(6):
        app.processEvents()
    while window.busy:
        app.processEvents()
    for _ in range(6):
        app.processEvents()


def organizer_shots(app: QApplication, out: Path, with_dialog: WithDialog) -> list[Path]:
    written: list[Path] = []

    def save(name: str, picture: QPixmap) -> None:
        written.append(out / name)
        picture.save(str(written[-1]))

    languages = Languages(app, "vi")
    with tempfile.TemporaryDirectory(prefix="e2judge-org-shots-") as tmp:
        root = Path(tmp)
        empty = OrganizerWindow(make_context(languages, None, False))
        empty.resize(*SIZE)
        empty.show()
        _settle(app, empty)
        dialog = NewWorkspaceDialog(empty, root / "btc-e2-2025")
        dialog.label.setText("Ban tổ chức Diễn đàn Giáo dục E2 Việt Nam 2025")
        dialog.passphrase.setText("Đồng Nai mùa lúa chín 2025")
        dialog.repeat.setText("Đồng Nai mùa lúa chín 2025")
        dialog.adjustSize()
        _settle(app, empty)
        save("organizer-1-workspace.png", with_dialog(empty, dialog))
        dialog.close()
        empty.close()

        orgdir, _usb = copy_demo(root)
        window = OrganizerWindow(make_context(languages, orgdir, True))
        window.resize(*SIZE)
        window.show()
        window.collector.show_report(demo_report(demo_source() / REPORT))
        _settle(app, window)
        public = read_public(OrgWorkspace(orgdir).signing_key)
        fingerprint = FingerprintDialog(public.fingerprint, public.label, window)
        fingerprint.adjustSize()
        _settle(app, window)
        save("organizer-2-fingerprint.png", with_dialog(window, fingerprint))
        fingerprint.close()

        book = root / "danh-sach-ban-to-chuc.xlsx"
        window.workbook.open_workbook(broken_workbook(book))
        _settle(app, window)
        save("organizer-3-validation.png", window.grab())

        example_workbook(book)
        window.workbook.recheck()
        _settle(app, window)
        page, plan = window.workbook.page, window.workbook.current_plan or {}
        holder = next(j for j in sorted(plan) if "B003" in plan[j])
        target = next(j for j in sorted(plan) if "B003" not in plan[j] and j != "GK02")
        page.move_entry.setCurrentText("B003")
        page.move_from.setCurrentText(holder)
        page.move_to.setCurrentText(target)
        window.workbook.move()
        _settle(app, window)
        save("organizer-4-assignment.png", window.grab())

        for index, name in enumerate(
            (
                "organizer-5-collect.png",
                "organizer-6-dashboard.png",
                "organizer-7-results.png",
                "organizer-8-audit.png",
            ),
            start=1,
        ):
            window.tabs.setCurrentIndex(index)
            _settle(app, window)
            save(name, window.grab())
        window.close()
    languages.close()
    return written
