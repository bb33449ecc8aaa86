"""What a screen reader gets: the QAccessible tree of the main window, walked offscreen.

Every interactive control has a name (combo boxes: a name and a buddy label, since on Linux a combo
box announces its value); choosing a level through the accessibility action saves it exactly as a
click does (score and audit row), without any mouse or key event.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from e2judge.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory, db_rows, stored_points

Role = QAccessible.Role
INTERACTIVE = {
    Role.Button,
    Role.CheckBox,
    Role.ComboBox,
    Role.EditableText,
    Role.Grip,
    Role.List,
    Role.MenuItem,
    Role.PageTab,
    Role.ProgressBar,
    Role.RadioButton,
    Role.Slider,
    Role.SpinBox,
    Role.Splitter,
    Role.Table,
}


def walk(iface: QAccessibleInterface, depth: int = 0) -> Iterator[QAccessibleInterface]:
    """Every visible node under ``iface``."""
    if iface.state().invisible or depth > 40:
        return
    yield iface
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is not None and child.isValid():
            yield from walk(child, depth + 1)


def describe(iface: QAccessibleInterface) -> str:
    obj = iface.object()
    kind = type(obj).__name__ if obj is not None else "?"
    return f"{iface.role().name} {kind} {obj.objectName() if obj is not None else ''}"


def unnamed_controls(root: QWidget) -> list[str]:
    found = []
    iface = QAccessible.queryAccessibleInterface(root)
    assert iface is not None and iface.isValid()
    for node in walk(iface):
        if node.role() not in INTERACTIVE:
            continue
        name = node.text(QAccessible.Text.Name).strip()
        widget = node.object()
        if node.role() == Role.ComboBox and isinstance(widget, QWidget):
            labelled = bool(node.relations(QAccessible.RelationFlag.Label))
            if not widget.accessibleName() or not labelled:
                found.append(describe(node) + " (combo box needs a name and a buddy label)")
        elif not name:
            found.append(describe(node))
    return found


def test_every_interactive_control_of_the_judging_window_has_a_name(make_window: WindowFactory) -> None:
    window = make_window(entries=3)
    assert window.view.filter_bar.province.isVisible()
    assert unnamed_controls(window) == []


def test_the_blind_round_and_a_conflict_entry_have_no_unnamed_control(make_window: WindowFactory) -> None:
    window = make_window(entries=2, blind=True)
    assert window.controller.declare_conflict("Cùng trường") is None
    assert window.view.form.withdraw_button.isVisible()
    assert unnamed_controls(window) == []


def test_the_welcome_page_has_no_unnamed_control(make_window: WindowFactory) -> None:
    window = make_window(empty=True)
    assert window.stack.currentWidget() is window.welcome
    assert unnamed_controls(window) == []


def action_on(widget: QWidget) -> QAccessibleActionInterface:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    actions = iface.actionInterface()
    assert actions is not None
    return actions


def audit_count(window: MainWindow) -> int:
    rows = db_rows(window.ctx.profile.database, "SELECT count(*) FROM audit_log WHERE action = 'set-points'")
    return int(rows[0][0])


def test_choosing_a_level_through_the_accessibility_actions_saves_it(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(entries=2)
    block = window.view.form.blocks[0]
    toggle = QAccessibleActionInterface.toggleAction()
    press = QAccessibleActionInterface.pressAction()
    actions = action_on(block.radios[2])
    assert toggle in actions.actionNames() or press in actions.actionNames()
    name = toggle if toggle in actions.actionNames() else press
    actions.doAction(name)  # what AT-SPI "Toggle" does: no mouse, no key event
    assert block.radios[2].isChecked()
    assert stored_points(window, "E0001") == {"tinh-moi": 2.0}
    assert audit_count(window) == 1
    action_on(block.radios[4]).doAction(press)  # an animated click: it lands a moment later
    qtbot.waitUntil(lambda: stored_points(window, "E0001") == {"tinh-moi": 4.0})
    assert audit_count(window) == 2
    assert block.badge.text() == "4 / 4"
    # Showing the saved state again (another entry and back) saves nothing by itself.
    window.select_row(1)
    window.select_row(0)
    assert audit_count(window) == 2


def test_levels_and_comments_are_reachable_by_keyboard(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(entries=1)
    block = window.view.form.blocks[0]
    for radio in block.radios:
        assert radio.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert block.comment.focusPolicy() & Qt.FocusPolicy.TabFocus
    window.view.form.focus_criterion(0)
    qtbot.keyClick(block, Qt.Key.Key_Down)  # into the levels
    focus = QApplication.focusWidget()
    assert isinstance(focus, QRadioButton) and focus is block.radios[0]
    qtbot.keyClick(focus, Qt.Key.Key_Space)  # Space chooses the level
    assert stored_points(window, "E0001") == {"tinh-moi": 0.0}
    qtbot.keyClick(focus, Qt.Key.Key_Down)  # then the arrows move and choose, and that is saved
    assert block.radios[1].hasFocus() and block.radios[1].isChecked()
    assert stored_points(window, "E0001") == {"tinh-moi": 1.0}
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_C)
    assert QApplication.focusWidget() is block.comment
