"""Every action a judge takes is confirmed in the band above the status bar, long enough to read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from e2judge.ui.main_window import MainWindow
from e2judge.ui.notice import MIN_MS
from tests.ui.conftest import UrlCatcher, WindowFactory, stored_points


def assert_confirmed(window: MainWindow, starts: str) -> None:
    """The band is on screen, inside the window, says ``starts…`` and stays at least MIN_MS."""
    notice = window.notice
    assert notice.isVisible(), "the confirmation is not shown"
    assert notice.label.text().startswith(starts), notice.label.text()
    assert notice.timer.isActive() and notice.timer.interval() >= MIN_MS
    top_left = notice.mapTo(window, QPoint(0, 0))
    assert notice.height() > 10 and notice.width() > window.width() // 2
    assert top_left.y() >= 0 and top_left.y() + notice.height() <= window.height()
    # The status bar shows it too: its permanent widget no longer takes all the room.
    assert window.statusBar().currentMessage() == notice.label.text()
    assert window.status.width() < window.statusBar().width() * 0.8


def test_save_pdf_is_confirmed_with_its_place(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    window = make_window(entries=2)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "phieu.pdf"), ""))
    dialog = window.show_print_dialog()
    assert dialog is not None
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.reports.last_written is not None, timeout=20000)
    assert_confirmed(window, "PDF đã lưu (1 trang)")
    assert str(tmp_path / "phieu.pdf") in window.notice.label.text()


def test_print_and_excel_are_confirmed(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: MonkeyPatch, catcher: UrlCatcher
) -> None:
    window = make_window(entries=2)
    dialog = window.show_print_dialog()
    assert dialog is not None
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(catcher.urls), timeout=20000)
    assert_confirmed(window, "Tệp PDF đã mở trong trình xem")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "diem.xlsx"), ""))
    window.reports.last_written = None
    window.export_excel()
    qtbot.waitUntil(lambda: window.reports.last_written is not None, timeout=20000)
    assert_confirmed(window, "Đã lưu:")


def test_undo_is_confirmed_with_the_entry(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(entries=2)
    qtbot.keyClick(window.view.form.blocks[0], Qt.Key.Key_3)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_points(window, "E0001") == {"tinh-moi": None}
    assert_confirmed(window, "Đã hoàn tác lần chấm gần nhất (E0001)")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.notice.kind == "problem"
    assert_confirmed(window, "Không có gì để hoàn tác")


def test_restore_is_confirmed(qtbot: QtBot, make_window: WindowFactory, monkeypatch: MonkeyPatch) -> None:
    window = make_window(start_backups=True)
    window.backups.wait()
    dialog = window.show_restore()
    dialog.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: int(QMessageBox.StandardButton.Yes.value))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert_confirmed(window, "Đã khôi phục bản sao lưu")


def test_the_band_goes_away_by_itself_or_with_its_close_button(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(entries=1)
    window.notify("x" * 10)
    assert window.notice.timer.interval() == MIN_MS
    window.notice.timer.setInterval(50)
    window.notice.timer.start()
    qtbot.waitUntil(lambda: not window.notice.isVisible())
    window.notify("Một câu dài " * 40)
    assert window.notice.timer.interval() > MIN_MS  # longer texts stay longer
    close: QWidget = window.notice.close_button
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not window.notice.isVisible()
