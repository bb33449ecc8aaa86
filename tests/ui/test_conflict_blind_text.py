"""Conflict of interest, blind rounds, and entry text that must never be read as rich text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from e2judge.core.contest import EntrySpec
from e2judge.services.judge.entries import Status
from e2judge.ui.conflict_dialog import ConflictDialog
from e2judge.ui.entry_model import Column
from e2judge.ui.labels import status_text
from tests.ui.conftest import WindowFactory, db_rows, stored_points, type_text

HOSTILE_TITLE = "<b>Đậm</b> <a href='x'>link</a> =1+1"


def test_declare_and_withdraw_a_conflict(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    form = window.view.form
    qtbot.mouseClick(form.conflict_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ConflictDialog)
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Huỷ"
    assert not ok.isEnabled()  # a reason is required
    type_text(dialog.reason, "Tác giả là đồng nghiệp của tôi")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    reason = db_rows(
        window.ctx.profile.database, "SELECT conflict_reason FROM assignment ORDER BY id LIMIT 1"
    )
    assert reason == [("Tác giả là đồng nghiệp của tôi",)]
    # Locked: the form is disabled, the banner says why, the list shows the conflict.
    assert not form.content.isEnabled()
    assert form.banner.isVisible() and "Tác giả là đồng nghiệp" in form.banner_text.text()
    assert window.model.data(window.model.index(0, Column.STATUS)) == status_text(Status.CONFLICT)
    assert window.status.progress_label.text() == "0 / 4 đã chấm xong"
    qtbot.keyClick(form.blocks[0], Qt.Key.Key_3)
    assert stored_points(window, "E0001") == {}
    window.view.filter_bar.status.setCurrentIndex(4)  # "Xung đột"
    assert window.model.rowCount() == 1
    window.view.filter_bar.status.setCurrentIndex(0)
    qtbot.mouseClick(form.withdraw_button, Qt.MouseButton.LeftButton)
    assert db_rows(
        window.ctx.profile.database, "SELECT conflict_reason FROM assignment ORDER BY id LIMIT 1"
    ) == [(None,)]
    assert form.content.isEnabled() and not form.banner.isVisible()
    assert window.status.progress_label.text() == "0 / 5 đã chấm xong"


def test_conflict_dialog_cancel_changes_nothing(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    dialog = window.show_conflict_dialog()
    assert dialog is not None
    type_text(dialog.reason, "x")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert db_rows(
        window.ctx.profile.database, "SELECT count(*) FROM assignment WHERE conflict_reason IS NOT NULL"
    ) == [(0,)]


def test_blind_round_hides_people_everywhere(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(blind=True)
    details = window.view.details
    assert window.controller.detail is not None
    assert not details.authors.isVisibleTo(details)
    assert not details.school.isVisibleTo(details)
    assert not details.province.isVisibleTo(details)
    assert window.view.table.isColumnHidden(Column.PROVINCE)
    assert not window.view.filter_bar.province.isVisibleTo(window.view.filter_bar)
    assert window.view.blind_badge.isVisibleTo(window.view)
    window.view.filter_bar.search.setText("Nguyen Thi Hong")
    assert window.model.rowCount() == 0
    window.view.filter_bar.search.setText("ky nang")
    assert window.model.rowCount() == 1
    texts = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "Nguyễn Thị Hồng" not in texts and "Lê Quý Đôn" not in texts


def test_named_round_shows_people(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    details = window.view.details
    assert details.authors.isVisibleTo(details) and details.authors.text() == "Nguyễn Thị Hồng 1"
    assert not window.view.table.isColumnHidden(Column.PROVINCE)


def test_entry_text_is_shown_literally_never_as_rich_text(qtbot: QtBot, make_window: WindowFactory) -> None:
    spec = EntrySpec(
        code="E0001",
        title=HOSTILE_TITLE,
        authors="<i>Nguyễn</i>",
        school="<img src='x'>",
        province="Huế",
        category="<u>STEM</u>",
        description='<script>alert(1)</script>\n=HYPERLINK("x")',
        links=("https://example.org/<b>",),
    )
    window = make_window(entry_specs=[spec])
    details, form = window.view.details, window.view.form
    assert details.title_label.text() == HOSTILE_TITLE
    assert details.authors.text() == "<i>Nguyễn</i>"
    assert details.description.text() == '<script>alert(1)</script>\n=HYPERLINK("x")'
    assert "https://example.org/<b>  (cần Internet)" in details.links.text()
    assert form.entry_label.text() == f"E0001 · {HOSTILE_TITLE}"
    assert window.model.data(window.model.index(0, Column.TITLE)) == HOSTILE_TITLE
    showing = [label for label in window.findChildren(QLabel) if "<" in label.text()]
    assert len(showing) >= 6
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in showing)
