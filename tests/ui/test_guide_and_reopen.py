"""Help → Scoring guide (offline, both languages), and the window reopening on the last entry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from e2judge.db.session import open_judge_db
from e2judge.ui.context import AppContext
from e2judge.ui.guide_dialog import guide_text
from e2judge.ui.i18n import Languages
from e2judge.ui.main_window import MainWindow
from e2judge.ui.settings import UiSettings
from tests.ui.conftest import WindowFactory


def test_the_guide_gives_the_three_steps_and_the_keys_in_both_languages(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(entries=1)
    assert window.guide_action.text() == "&Hướng dẫn chấm bài"
    assert window.guide_action in window.help_menu.actions()
    dialog = window.show_guide()
    assert dialog.isVisible() and dialog.windowTitle() == "Hướng dẫn chấm bài"
    text = dialog.browser.toPlainText()
    for needed in ("Nhập lô bài", "Chấm điểm", "Gửi phiếu điểm", "Ctrl+PgDown", "Ctrl+Z", "Ctrl+E", "1–9"):
        assert needed in text, needed
    dialog.close()
    english = guide_text("en")
    assert "Import the batch" in english and "Send the score sheet" in english and "Ctrl+Z" in english


def test_the_window_reopens_on_the_entry_last_worked_on(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(entries=4, folder=tmp_path / "a")
    window.select_row(2)
    qtbot.keyClick(window.view.form.blocks[0], Qt.Key.Key_3)
    code = window.controller.detail.code if window.controller.detail else None
    assert code == "E0003"
    profile = window.ctx.profile
    window.close()
    window.ctx.close_db()

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ctx = AppContext(profile, open_judge_db(profile.database), Languages(app, "vi"), UiSettings(profile))
    again = MainWindow.for_context(ctx, start_backups=False)
    qtbot.addWidget(again)
    try:
        assert again.controller.detail is not None and again.controller.detail.code == "E0003"
        shown = again.controller.detail.assignment_id
        assert again.view.table.currentIndex().row() == again.model.position_of(shown)
    finally:
        again.close()
        ctx.languages.close()
        ctx.close_db()
