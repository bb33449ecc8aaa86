"""The organizer's window on the bundled demo: every control named, both languages, the dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from e2judge.services.org.demo import REPORT, demo_report
from e2judge.ui.i18n import Languages
from e2judge.ui.organizer.dialogs import NewWorkspaceDialog
from e2judge.ui.organizer.start import copy_demo, demo_source, make_context
from e2judge.ui.organizer.strength import strength
from e2judge.ui.organizer.window import OrganizerWindow

NAMED = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabWidget,
    QSplitter,
    QProgressBar,
)


@pytest.fixture
def demo_window(qtbot: QtBot, tmp_path: Path) -> Iterator[OrganizerWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = Languages(app, "vi")
    orgdir, _usb = copy_demo(tmp_path)
    win = OrganizerWindow(make_context(languages, orgdir, True))
    win.collector.show_report(demo_report(demo_source() / REPORT))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    languages.close()


def _inside_named_control(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView):
            return True
        if type(parent).__name__ == "QComboBoxPrivateContainer":
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, NAMED) and not widget.accessibleName().strip():
            if isinstance(widget, QAbstractButton) and widget.text().strip():
                continue
            if type(widget).__name__.startswith("QTabBar") or widget.objectName().startswith("qt_"):
                continue
            if _inside_named_control(widget):
                continue  # Qt's own parts of a named control (a combo box's list, a scroll bar…)
            found.append(f"{type(widget).__name__} in {type(widget.parentWidget()).__name__}")
    return found


def test_every_control_of_the_window_has_an_accessible_name(demo_window: OrganizerWindow) -> None:
    assert unnamed(demo_window) == []
    assert unnamed(NewWorkspaceDialog(demo_window)) == []


def test_the_demo_opens_lived_in_and_switches_language(demo_window: OrganizerWindow) -> None:
    win = demo_window
    assert win.title.text() == "Diễn đàn Giáo dục Đổi mới Sáng tạo E2 Việt Nam 2022–2023 — Vòng chung khảo"
    assert win.demo_note.isVisible() and "DEMO" in win.demo_note.text()
    assert win.tabs.tabText(1) == "2. Thu phiếu điểm"
    assert win.dashboard.model.rowCount() == 6
    assert win.collector.model.rowCount() == 6
    assert any(r.discrepancy for r in win.results.entries.rows)
    win.ctx.languages.apply("en")
    assert win.tabs.tabText(1) == "2. Collect sheets"
    assert win.collector.model.rows[0].label in {"accepted", "newer revision", "forged"}
    assert win.dashboard.model.headerData(2, Qt.Orientation.Horizontal) == "Batch issued"
    win.ctx.languages.apply("vi")
    assert win.tabs.tabText(4) == "Nhật ký"
    assert win.dashboard.model.headerData(2, Qt.Orientation.Horizontal) == "Đã phát lô bài"
    assert win.collector.model.rows[0].label in {"đã nhận", "bản mới hơn", "bị giả mạo"}


def test_new_workspace_needs_the_same_passphrase_twice_and_shows_strength(
    demo_window: OrganizerWindow,
) -> None:
    dialog = NewWorkspaceDialog(demo_window, Path("/tmp/btc"))
    dialog.passphrase.setText("ngắn")
    assert dialog.meter.value() == 0 and dialog.meter.format() == "quá ngắn"
    assert "ít nhất 8 ký tự" in dialog.problem()
    dialog.passphrase.setText("Đồng Nai mùa lúa chín 2025")
    dialog.repeat.setText("Đồng Nai mùa lúa chín 2024")
    assert dialog.meter.value() == 4
    assert "không khớp" in dialog.problem()
    dialog.repeat.setText("Đồng Nai mùa lúa chín 2025")
    assert dialog.problem() == ""
    assert dialog.passphrase.echoMode() == QLineEdit.EchoMode.Password


def test_strength_grows_with_length_and_variety() -> None:
    assert strength("abc") == 0
    assert strength("aaaaaaaaaaaa") == 1
    assert strength("matkhau1") < strength("Mật khẩu dài của ban tổ chức 2025")
