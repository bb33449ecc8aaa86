"""Small building blocks: labels that never interpret rich text, badges, separators."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QWidget

GREY = "#6b7280"
RED = "#b91c1c"
GREEN = "#15803d"
AMBER = "#b45309"
BLUE = "#1d4ed8"


def plain_label(
    text: str = "",
    parent: QWidget | None = None,
    *,
    name: str = "",
    wrap: bool = True,
    selectable: bool = False,
) -> QLabel:
    """A QLabel that shows ``text`` literally: "<b>x</b>" stays "<b>x</b>"."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setAccessibleName(name)
    return label


class ClickableLabel(QLabel):
    """A plain-text label that reports clicks (for level descriptors next to a radio button)."""

    clicked = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


def set_badge(label: QLabel, text: str, colour: str) -> None:
    """Show ``text`` as a rounded badge of ``colour`` (text is ours, never entry text).

    The style sheet is set only when the colour changes: re-parsing it costs milliseconds.
    """
    label.setTextFormat(Qt.TextFormat.PlainText)
    if label.text() != text:
        label.setText(text)
    if label.property("badgeColour") != colour:
        label.setProperty("badgeColour", colour)
        label.setStyleSheet(
            f"QLabel {{ color: white; background: {colour}; border-radius: 9px; padding: 2px 9px;"
            " font-weight: 600; }"
        )


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    line.setStyleSheet("color: #e5e7eb;")
    return line


def local_time(moment: datetime) -> str:
    """HH:MM:SS in the computer's local time (``moment`` is aware, usually UTC)."""
    return moment.astimezone().strftime("%H:%M:%S")


def local_datetime(moment: datetime, lang: str) -> str:
    """Date and time in local time: 31/12/2025 14:05 (vi) or 2025-12-31 14:05 (en)."""
    local = moment.astimezone()
    return local.strftime("%d/%m/%Y %H:%M") if lang == "vi" else local.strftime("%Y-%m-%d %H:%M")
