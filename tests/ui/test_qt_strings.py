"""Qt's own dialog texts (file dialog, standard buttons) come out in Vietnamese from our catalogue."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory


def test_qt_contexts_are_translated(make_window: WindowFactory) -> None:
    make_window(entries=1)  # installs the Vietnamese translators
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "&Tên tệp:"
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Tìm trong:"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Huỷ"


def test_the_non_native_file_dialog_and_buttons_speak_vietnamese(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(entries=1)
    dialog = QFileDialog(window, "Lưu PDF")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Tìm &trong:", "&Tên tệp:", "&Loại tệp:"} <= texts
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    buttons = {button.text() for button in box.buttons()}
    assert "&Lưu" in buttons and "Huỷ" in buttons
    dialog.close()
    message = QMessageBox(QMessageBox.Icon.Question, "?", "?", QMessageBox.StandardButton.Cancel, window)
    qtbot.addWidget(message)
    cancel = message.button(QMessageBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "Huỷ"
