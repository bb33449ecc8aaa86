"""Scoring works from wherever the focus is: the list, the search box, a comment, a conflict entry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from e2judge.services.judge.rounds import RoundRef
from e2judge.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory, db_rows, stored_points

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def key(qtbot: QtBot, which: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key typed by a person: it goes to whatever has the focus."""
    qtbot.keyClick(focused(), which, mods)


def click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    table = window.view.table
    rect = table.visualRect(window.model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert focused() is table


def code_shown(window: MainWindow) -> str | None:
    detail = window.controller.detail
    return detail.code if detail is not None else None


def declare_conflict(window: MainWindow, row: int) -> None:
    window.select_row(row)
    assert window.controller.declare_conflict("Tôi biết tác giả") is None


def test_a_first_time_judge_scores_an_entry_from_a_click_in_the_list_without_the_mouse(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(entries=4)
    click_row(qtbot, window, 1)  # the only mouse action
    assert code_shown(window) == "E0002"
    key(qtbot, Qt.Key.Key_3)  # in the list: goes to the first criterion, "Tính mới", 3rd level
    assert stored_points(window, "E0002") == {"tinh-moi": 2.0}
    assert window.notice.isVisible() and "Tính mới" in window.notice.label.text()
    assert window.view.form.current_block() is window.view.form.blocks[0]
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_2)  # "Áp dụng được": 2nd level
    key(qtbot, Qt.Key.Key_Return)
    for which in (Qt.Key.Key_4, Qt.Key.Key_Comma, Qt.Key.Key_5, Qt.Key.Key_Return):  # points field: 4,5
        key(qtbot, which)
    assert stored_points(window, "E0002") == {"tinh-moi": 2.0, "kha-thi": 2.0, "trinh-bay": 4.5}
    key(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert code_shown(window) == "E0003"
    key(qtbot, Qt.Key.Key_5)
    assert stored_points(window, "E0003") == {"tinh-moi": 4.0}
    audit = db_rows(window.ctx.profile.database, "SELECT count(*) FROM audit_log WHERE action = 'set-points'")
    assert audit == [(4,)]
    assert window.status.progress_label.text() == "1 / 4 đã chấm xong"


def test_enter_in_the_list_moves_to_the_rubric_and_says_so(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(entries=2)
    window.view.form.blocks[0].choose_level(2)
    click_row(qtbot, window, 0)
    key(qtbot, Qt.Key.Key_Return)  # the first criterion is scored: the cursor goes to the second
    assert window.view.form.current_block() is window.view.form.blocks[1]
    assert window.notice.label.text().startswith("Đang chấm “Tính khả thi”: gõ 1–9")


def test_tab_leaves_the_entry_list(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(entries=3)
    click_row(qtbot, window, 0)
    key(qtbot, Qt.Key.Key_Tab)
    assert not window.view.list_pane.isAncestorOf(focused())
    for _ in range(30):
        if window.view.form.isAncestorOf(focused()):
            break
        key(qtbot, Qt.Key.Key_Tab)
    assert window.view.form.isAncestorOf(focused()), "Tab never reached the rubric"


def test_window_shortcuts_work_from_the_search_box_and_a_comment(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: MonkeyPatch
) -> None:
    window = make_window(entries=3)
    started: list[RoundRef] = []
    monkeypatch.setattr(window.sheet_exporter, "start", lambda ref: started.append(ref) or True)
    key(qtbot, Qt.Key.Key_F, CTRL)
    assert focused() is window.view.filter_bar.search
    qtbot.keyClicks(focused(), "hoc")  # all three entries
    key(qtbot, Qt.Key.Key_E, CTRL)  # a QLineEdit's "end of line" on Linux; here: export
    assert len(started) == 1
    block = window.view.form.blocks[0]
    block.comment.setFocus()
    key(qtbot, Qt.Key.Key_E, CTRL)
    assert len(started) == 2
    key(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert code_shown(window) == "E0002"


def test_escape_clears_the_search_then_returns_to_the_list(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(entries=3)
    search = window.view.filter_bar.search
    key(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(search, "stem")
    assert window.model.rowCount() == 1
    key(qtbot, Qt.Key.Key_Escape)
    assert search.text() == "" and window.model.rowCount() == 3
    key(qtbot, Qt.Key.Key_Escape)
    assert focused() is window.view.table


def test_an_empty_search_says_so_and_the_details_follow_the_list(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(entries=3)
    window.select_row(1)
    key(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(focused(), "khong co bai nay")
    assert window.model.rowCount() == 0
    assert window.view.empty_label.isVisible()
    assert (
        window.view.empty_label.text()
        == "Không có bài nào khớp với “khong co bai nay”. Nhấn Esc để xoá ô tìm kiếm."
    )
    assert window.controller.detail is None
    assert window.view.details.title_label.text() == "Chưa chọn bài nào"
    assert window.view.form.entry_label.text() == "Chưa chọn bài nào"
    key(qtbot, Qt.Key.Key_Escape)  # everything back: the entry shown before the search
    assert not window.view.empty_label.isVisible()
    assert code_shown(window) == "E0002"
    qtbot.keyClicks(focused(), "stem")  # E0003 only: the details pane shows it, not E0002
    assert code_shown(window) == "E0003"
    assert window.view.table.currentIndex().row() == 0


def test_next_entry_skips_conflicts_and_says_why_it_stops(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(entries=4)
    declare_conflict(window, 1)
    declare_conflict(window, 3)
    window.select_row(0)
    window.view.form.focus_criterion(0)
    key(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert code_shown(window) == "E0003"
    assert window.notice.label.text() == "Đã bỏ qua 1 bài đã khai báo xung đột lợi ích."
    key(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert code_shown(window) == "E0003"
    assert window.notice.label.text() == (
        "Đây là bài cuối cùng cần chấm trong danh sách. Các bài đã khai báo xung đột lợi ích được bỏ qua."
    )
    key(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert code_shown(window) == "E0001"


def test_digits_on_a_conflict_entry_say_why_nothing_happened(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(entries=2)
    declare_conflict(window, 0)
    click_row(qtbot, window, 0)
    key(qtbot, Qt.Key.Key_3)
    assert stored_points(window, "E0001") == {}
    assert window.notice.kind == "problem"
    assert window.notice.label.text().startswith("Không chấm được E0001: bạn đã khai báo xung đột lợi ích")
    window.notice.dismiss()
    window.view.form.withdraw_button.setFocus()
    key(qtbot, Qt.Key.Key_4)  # from inside the locked form, too
    assert window.notice.isVisible() and window.notice.kind == "problem"
