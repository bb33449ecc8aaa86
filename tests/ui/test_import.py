"""Importing through the window: the Open dialog, drag and drop, the worker thread, refusals, cancel."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from e2judge.ui.main_window import MainWindow
from tests.helpers.batches import make_batch
from tests.helpers.signed import rezip
from tests.ui.conftest import WindowFactory, db_rows
from tests.ui.files import batch_with_files, png_bytes


def entry_count(window: MainWindow) -> int:
    return int(db_rows(window.ctx.profile.database, "SELECT count(*) FROM entry")[0][0])


def stored_files(window: MainWindow) -> list[Path]:
    return [p for p in window.ctx.profile.attachments.rglob("*") if p.is_file()]


def test_welcome_open_dialog_imports_in_the_background(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    batch = make_batch(tmp_path / "org", entries=7)
    window = make_window(empty=True)
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.open_button.text() == "Mở lô bài…"
    qtbot.mouseClick(window.welcome.open_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(QFileDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(batch))
    with qtbot.waitSignal(window.importer.finished, timeout=20_000):
        dialog.accept()
    assert window.stack.currentWidget() is window.view
    assert window.model.rowCount() == 7
    assert entry_count(window) == 7
    assert window.controller.detail is not None and window.controller.detail.code == "E0001"
    assert "Đã nhập" in window.statusBar().currentMessage()


def test_a_refused_file_is_explained_and_changes_nothing(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    good = make_batch(tmp_path / "org", entries=3)

    def tamper(members: dict[str, bytes]) -> dict[str, bytes]:
        members["manifest.json"] = members["manifest.json"].replace("Đổi mới".encode(), "Thay đổi".encode())
        return members

    bad = rezip(good, tmp_path / "tampered.e2batch", tamper)
    window = make_window(empty=True)
    with qtbot.waitSignal(window.importer.failed, timeout=20_000) as failed:
        assert window.import_file(bad)
    box = window.importer.message_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "Không thể nhập tệp này. Không có gì bị thay đổi."
    assert "tampered.e2batch" in box.informativeText()
    # The reason comes from the core, in the window's language (gettext follows the UI language).
    reason = "chữ ký không hợp lệ: nội dung lô bài đã bị thay đổi hoặc không do ban tổ chức ký"
    assert reason in box.informativeText()
    assert reason in str(failed.args[0])
    assert "signature" not in box.informativeText()
    assert box.button(QMessageBox.StandardButton.Ok).text() == "Đồng ý"
    box.close()
    assert entry_count(window) == 0
    assert window.stack.currentWidget() is window.welcome


def test_the_refusal_reason_follows_a_language_switch(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(empty=True)
    window.set_language("en")
    garbage = tmp_path / "rac.e2batch"
    garbage.write_bytes(b"not a zip at all, just text of some length")
    with qtbot.waitSignals([window.importer.failed, window.importer.finished], timeout=20_000):
        assert window.import_file(garbage)
    box = window.importer.message_box
    assert isinstance(box, QMessageBox)
    assert "not a zip file (no end of central directory record)" in box.informativeText()
    box.close()
    window.set_language("vi")
    with qtbot.waitSignal(window.importer.failed, timeout=20_000):
        assert window.import_file(garbage)
    box = window.importer.message_box
    assert isinstance(box, QMessageBox)
    assert "không phải tệp nén zip (thiếu phần mục lục cuối tệp)" in box.informativeText()
    box.close()


def test_garbage_and_wrong_types_are_refused(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(empty=True)
    garbage = tmp_path / "rac.e2batch"
    garbage.write_bytes(os.urandom(2048))
    with qtbot.waitSignal(window.importer.failed, timeout=20_000):
        window.import_file(garbage)
    assert window.importer.message_box is not None
    window.importer.message_box.close()
    text = tmp_path / "notes.txt"
    text.write_text("x")
    assert not window.import_file(text)
    assert window.importer.message_box is not None and "e2batch" in window.importer.message_box.text()
    window.importer.message_box.close()
    assert entry_count(window) == 0


def test_cancelling_an_import_leaves_nothing_behind(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    files = {f"anh-{i}.png": png_bytes() + bytes([i]) for i in range(30)}
    batch = batch_with_files(tmp_path / "org", files)
    window = make_window(empty=True)
    with qtbot.waitSignal(window.importer.cancelled, timeout=20_000):
        assert window.import_file(batch)
        assert window.importer.dialog is not None and window.importer.dialog.isVisible()
        cancel = window.importer.dialog.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Huỷ"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.importer.running)
    assert entry_count(window) == 0
    assert stored_files(window) == []
    assert "Đã huỷ nhập" in window.statusBar().currentMessage()
    # The same file imports fine afterwards.
    with qtbot.waitSignal(window.importer.imported, timeout=20_000):
        window.import_file(batch)
    assert entry_count(window) == 2
    assert len(stored_files(window)) == 30


def drag_events(path: Path) -> tuple[QDragEnterEvent, QDropEvent, QMimeData]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(200, 200),  # a QPoint: QDragEnterEvent has no QPointF constructor before Qt 6.12
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    drop = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    return enter, drop, mime


def test_dropping_a_batch_on_the_window_imports_it(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    batch = make_batch(tmp_path / "org", entries=4)
    window = make_window(empty=True)
    enter, drop, _mime = drag_events(batch)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.importer.imported, timeout=20_000):
        QApplication.sendEvent(window, drop)
    assert window.model.rowCount() == 4


def test_dropping_another_file_type_is_not_accepted(make_window: WindowFactory, tmp_path: Path) -> None:
    other = tmp_path / "photo.png"
    other.write_bytes(png_bytes())
    window = make_window(empty=True)
    enter, _drop, _mime = drag_events(other)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
