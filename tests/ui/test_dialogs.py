"""My scores, restore from backup, About, and the export actions in the File menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from e2judge import __version__
from e2judge.services.judge.backup import list_backups
from e2judge.ui.histogram import bin_counts
from e2judge.ui.main_window import MainWindow
from e2judge.ui.my_scores import ScoreColumn
from tests.ui.conftest import WindowFactory, stored_points


def score(qtbot: QtBot, window: MainWindow, row: int, digits: str) -> None:
    window.select_row(row)
    form = window.view.form
    for block, digit in zip(form.blocks, digits, strict=False):
        if block.spin is not None:
            block.spin.setValue(float(digit))
        else:
            qtbot.keyClick(block, getattr(Qt.Key, f"Key_{digit}"))


def test_my_scores_lists_totals_and_draws_their_histogram(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(entries=5)
    score(qtbot, window, 0, "525")  # 4×2 + 2 + 5 = 15 / 16: complete, 93.75 %
    score(qtbot, window, 1, "32")  # 2×2 + 2 = 6 so far: in progress
    score(qtbot, window, 2, "424")  # 3×2 + 2 + 4 = 12 / 16: complete, 75 %
    dialog = window.show_my_scores()
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Điểm của tôi — Vòng chung khảo"
    model = dialog.model
    assert model.rowCount() == 3
    assert [model.data(model.index(r, ScoreColumn.TOTAL)) for r in range(3)] == [
        "15 / 16",
        "12 / 16",
        "6 / 16",
    ]
    model.sort(ScoreColumn.TOTAL, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, ScoreColumn.CODE)) == "E0002"
    assert dialog.histogram.counts == bin_counts([93.75, 75.0])
    assert sum(dialog.histogram.counts) == 2
    assert "2 bài đã chấm xong" in dialog.summary.text()
    assert "trung bình 84,4%" in dialog.summary.text()
    image = dialog.histogram.grab().toImage()
    assert not image.isNull()
    dialog.close()


def test_histogram_bins() -> None:
    assert bin_counts([0, 9.99, 10, 55, 99.9, 100]) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]


def test_restore_from_backup_brings_back_the_scores(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: MonkeyPatch
) -> None:
    window = make_window(start_backups=True)
    window.backups.wait()
    assert len(list_backups(window.ctx.profile)) == 1
    qtbot.waitUntil(lambda: window.status.backup_label.text().startswith("Sao lưu "))
    qtbot.keyClick(window.view.form.blocks[0], Qt.Key.Key_3)
    window.backups.backup_now()
    qtbot.keyClick(window.view.form.blocks[0], Qt.Key.Key_5)
    assert stored_points(window, "E0001") == {"tinh-moi": 4.0}
    dialog = window.show_restore()
    assert dialog.list.count() == 2
    dialog.list.setCurrentRow(0)  # the newest: 2 points
    asked: list[str] = []

    def answer_yes(box: QMessageBox) -> int:
        asked.append(box.text())
        asked.append(box.informativeText())
        return int(QMessageBox.StandardButton.Yes.value)

    monkeypatch.setattr(QMessageBox, "exec", answer_yes)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].startswith("Thay điểm hiện tại bằng bản sao lưu lúc ")
    assert asked[1].startswith("Bản sao lưu chứa 5 bài, 1 điểm, thay đổi gần nhất ")  # checked first
    assert stored_points(window, "E0001") == {"tinh-moi": 2.0}
    assert window.controller.detail is not None
    assert window.view.form.blocks[0].badge.text() == "2 / 4"
    # The database that was replaced was kept as a backup, and scoring goes on.
    assert len(list_backups(window.ctx.profile)) == 3
    window.select_row(0)
    qtbot.keyClick(window.view.form.blocks[0], Qt.Key.Key_1)
    assert stored_points(window, "E0001") == {"tinh-moi": 0.0}


def test_restore_lists_what_each_backup_holds_and_warns_when_it_holds_fewer_scores(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: MonkeyPatch
) -> None:
    window = make_window(start_backups=True)
    window.backups.wait()  # taken before any score: 5 entries, 0 scores
    qtbot.keyClick(window.view.form.blocks[0], Qt.Key.Key_3)
    window.backups.backup_now()  # 1 score
    window.select_row(1)
    qtbot.keyClick(window.view.form.blocks[0], Qt.Key.Key_2)  # now 2 scores
    dialog = window.show_restore()
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(rows) == 2
    assert "5 bài, 1 điểm, thay đổi gần nhất " in rows[0]
    assert "5 bài, 0 điểm" in rows[1]
    dialog.list.setCurrentRow(1)  # the oldest: no score at all
    asked: list[tuple[QMessageBox.Icon, str]] = []

    def answer_no(box: QMessageBox) -> int:
        asked.append((box.icon(), box.informativeText()))
        return int(QMessageBox.StandardButton.No.value)

    monkeypatch.setattr(QMessageBox, "exec", answer_no)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    icon, text = asked[0]
    assert icon == QMessageBox.Icon.Warning
    assert "ít điểm hơn hiện tại (0 thay vì 2)" in text
    # Declined: nothing changed.
    assert stored_points(window, "E0001") == {"tinh-moi": 2.0}
    # The newer backup holds fewer scores too (1 of 2); one with as many would not warn.
    asked.clear()
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked[0][0] == QMessageBox.Icon.Warning and "(1 thay vì 2)" in asked[0][1]


def test_restore_can_be_declined(qtbot: QtBot, make_window: WindowFactory, monkeypatch: MonkeyPatch) -> None:
    window = make_window(start_backups=True)
    window.backups.wait()
    qtbot.keyClick(window.view.form.blocks[0], Qt.Key.Key_3)
    dialog = window.show_restore()
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: int(QMessageBox.StandardButton.No.value))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert stored_points(window, "E0001") == {"tinh-moi": 2.0}


def test_about_and_the_export_actions(make_window: WindowFactory) -> None:
    window = make_window()
    box = window.show_about()
    assert box.text() == f"E2 Judge {__version__}"
    assert str(window.ctx.profile.root) in box.informativeText()
    box.close()
    for action in (window.export_sheet_action, window.print_pdf_action, window.export_excel_action):
        assert action.isEnabled()
        assert action in window.file_menu.actions()
    assert window.export_sheet_action.text() == "&Xuất phiếu điểm…"
    assert window.export_sheet_action in window.file_menu.actions()
