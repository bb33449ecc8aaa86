"""Message boxes whose every text is plain text, with translated standard buttons."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from e2judge.ui.i18n import translate_message_box

MAX_LISTED = 15

Button = QMessageBox.StandardButton


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    detail: str,
    buttons: QMessageBox.StandardButton,
) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(detail)
    box.setAccessibleName(title)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    translate_message_box(box)
    return box


def show_message(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str = ""
) -> QMessageBox:
    """A non-blocking message box with an OK button (deleted when closed)."""
    box = _box(parent, icon, title, text, detail, Button.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    detail: str = "",
    *,
    buttons: QMessageBox.StandardButton = Button.Yes | Button.No,
    default: QMessageBox.StandardButton = Button.No,
) -> QMessageBox.StandardButton:
    """A modal question; returns the button chosen (Escape gives No or Cancel)."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, detail, buttons)
    box.setDefaultButton(default)
    return Button(box.exec())


def listing(items: Sequence[str], limit: int = MAX_LISTED) -> str:
    """The first ``limit`` items as bullet lines, then "… (+N)" for the rest."""
    lines = [f"• {item}" for item in items[:limit]]
    if len(items) > limit:
        lines.append(f"… (+{len(items) - limit})")
    return "\n".join(lines)
