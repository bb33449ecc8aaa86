"""Scoring with the keyboard only: find by typing without accents, digits, Tab/Enter, Ctrl+PgDown, Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from e2judge.services.judge.entries import Status
from e2judge.ui.criterion_block import CriterionBlock
from e2judge.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory, db_rows, stored_points, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> object:
    return QApplication.focusWidget()


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def focused_block(window: MainWindow) -> CriterionBlock | None:
    return window.view.form.current_block()


def test_find_without_accents_and_score_fully_by_keyboard(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(entries=5)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    search = window.view.filter_bar.search
    assert focused() is search
    # "Giáo dục kỹ năng sống 4" typed without accents and in capitals.
    qtbot.keyClicks(search, "GIAO DUC KY NANG")
    assert window.model.rowCount() == 1
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.controller.detail is not None
    assert window.controller.detail.code == "E0004"
    form = window.view.form
    assert focused_block(window) is form.blocks[0]

    qtbot.keyClick(focused(), Qt.Key.Key_3)  # 3rd level of "Tính mới": 2 points
    assert stored_points(window, "E0004") == {"tinh-moi": 2.0}
    assert form.blocks[0].badge.text() == "2 / 4"
    assert window.status.saved_label.text().startswith("Đã lưu lúc ")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused_block(window) is form.blocks[1]
    qtbot.keyClick(focused(), Qt.Key.Key_2)  # "Áp dụng được": 2 points
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused_block(window) is form.blocks[2]
    # The last criterion has no levels: 0..5 in steps of 0.5, typed with the Vietnamese decimal comma.
    spin = form.blocks[2].spin
    assert spin is not None and focused() is spin
    spin.selectAll()
    qtbot.keyClicks(spin, "3,5")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert stored_points(window, "E0004") == {"tinh-moi": 2.0, "kha-thi": 2.0, "trinh-bay": 3.5}
    assert window.controller.detail.status is Status.COMPLETE
    assert window.status.progress_label.text() == "1 / 5 đã chấm xong"
    assert "Tổng 7,5 / 12" in form.totals_label.text()
    assert "có trọng số 9,5 / 16 (59,4%)" in form.totals_label.text()


def test_digits_pick_levels_and_zero_clears(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    form = window.view.form
    form.focus_criterion(0)
    block = form.blocks[0]
    qtbot.keyClick(block, Qt.Key.Key_5)
    assert stored_points(window, "E0001")["tinh-moi"] == 4.0
    assert block.radios[4].isChecked()
    qtbot.keyClick(block, Qt.Key.Key_9)  # there is no 9th level: refused inline, nothing changes
    assert block.message.isVisible()
    assert stored_points(window, "E0001")["tinh-moi"] == 4.0
    qtbot.keyClick(block, Qt.Key.Key_0)
    assert stored_points(window, "E0001")["tinh-moi"] is None
    assert block.badge.text() == "— chưa chấm"
    assert not any(r.isChecked() for r in block.radios)


def test_not_scored_differs_visibly_from_zero(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    block = window.view.form.blocks[0]
    not_scored = (block.badge.text(), block.badge.styleSheet())
    qtbot.keyClick(block, Qt.Key.Key_1)  # level "Mức 0": 0 points
    assert stored_points(window, "E0001")["tinh-moi"] == 0.0
    zero = (block.badge.text(), block.badge.styleSheet())
    assert zero[0] == "0 / 4"
    assert not_scored[0] != zero[0] and not_scored[1] != zero[1]


def test_ctrl_pgdown_moves_to_the_next_entry_and_ctrl_z_undoes_across_entries(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    activate(qtbot, window)
    window.view.form.focus_criterion(0)
    qtbot.keyClick(focused(), Qt.Key.Key_4)
    assert stored_points(window, "E0001") == {"tinh-moi": 3.0}
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, CTRL)
    assert window.controller.detail is not None and window.controller.detail.code == "E0002"
    assert focused_block(window) is window.view.form.blocks[0]
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    assert stored_points(window, "E0002") == {"tinh-moi": 1.0}
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert stored_points(window, "E0002") == {"tinh-moi": None}
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)  # the earlier change, on the previous entry
    assert stored_points(window, "E0001") == {"tinh-moi": None}
    assert window.controller.detail.code == "E0001"
    assert window.view.table.currentIndex().row() == window.model.position_of(
        window.controller.detail.assignment_id
    )
    qtbot.keyClick(focused(), Qt.Key.Key_PageUp, CTRL)
    assert window.controller.detail.code == "E0001"
    audit = db_rows(window.ctx.profile.database, "SELECT action FROM audit_log WHERE action = 'set-points'")
    assert len(audit) == 4


def test_required_comment_is_asked_inline_and_saved_as_typed(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    block = window.view.form.blocks[0]
    qtbot.keyClick(block, Qt.Key.Key_1)  # lowest level: the rule requires a comment
    assert block.message.isVisible()
    assert "nhận xét" in block.message.text()
    assert window.controller.detail.status is Status.IN_PROGRESS
    qtbot.keyClick(block, Qt.Key.Key_C)
    assert focused() is block.comment
    type_text(block.comment, "Ý tưởng chưa mới <b>")
    assert not block.message.isVisible()
    qtbot.waitUntil(
        lambda: (
            db_rows(window.ctx.profile.database, "SELECT comment FROM score WHERE criterion_key='tinh-moi'")
            == [("Ý tưởng chưa mới <b>",)]
        )
    )
    qtbot.keyClick(block.comment, Qt.Key.Key_Escape)
    assert focused() is block


def test_points_field_never_accepts_off_step_or_out_of_range(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    block = window.view.form.blocks[2]
    spin = block.spin
    assert spin is not None
    window.view.form.focus_criterion(2)
    spin.selectAll()
    qtbot.keyClicks(spin, "2,3")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert stored_points(window, "E0001")["trinh-bay"] == 2.5
    window.view.form.focus_criterion(2)
    spin.selectAll()
    qtbot.keyClicks(spin, "9")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert stored_points(window, "E0001")["trinh-bay"] in (2.5, 5.0)
    assert spin.value() <= 5.0
    line = spin.findChild(QLineEdit)
    assert line is not None and line.text() in ("2,5", "5,0", "5")


def test_overall_comment_is_saved(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    overall = window.view.form.overall
    overall.setFocus()
    type_text(overall, "Bài tốt")
    window.view.form.flush()
    assert db_rows(
        window.ctx.profile.database, "SELECT overall_comment FROM assignment ORDER BY id LIMIT 1"
    ) == [("Bài tốt",)]


def test_the_form_shows_exactly_what_the_services_read_back(qtbot: QtBot, make_window: WindowFactory) -> None:
    from e2judge.services.judge.entries import entry_detail

    window = make_window()
    form, controller = window.view.form, window.controller
    qtbot.keyClick(form.blocks[0], Qt.Key.Key_1)  # lowest: a comment is now required
    qtbot.keyClick(form.blocks[1], Qt.Key.Key_3)  # highest: a comment is required too
    form.blocks[1].comment.setPlainText("Dễ nhân rộng")
    form.flush()
    assert form.blocks[2].spin is not None
    form.blocks[2].spin.setValue(4.5)
    form.overall.setPlainText("Nhận xét chung")
    form.flush()
    assert controller.detail is not None and controller.ref is not None
    fresh = entry_detail(window.ctx.db, window.ctx.profile, controller.ref, controller.detail.assignment_id)
    assert controller.detail == fresh
    assert fresh.missing_comments == ("tinh-moi",)
    row = window.model.row_at(window.model.position_of(fresh.assignment_id) or 0)
    assert row.status is fresh.status and row.weighted == fresh.totals.weighted
