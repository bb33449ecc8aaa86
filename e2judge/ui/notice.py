"""The confirmation band under the workspace: "PDF saved", "Undone", "Backup restored"…

It sits right above the status bar across the whole window (welcome page or workspace), in
colour, and stays long enough to read (at least ``MIN_MS``, longer for long texts); the judge can
close it with its ✕. Screen readers are told with an accessibility alert.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from e2judge.ui.widgets import plain_label

MIN_MS = 8000
MS_PER_CHAR = 70  # a slow reader's pace, so a path or a long sentence stays up longer
MAX_MS = 30000

_STYLES = {
    "ok": "QFrame#notice { background: #ecfdf5; border-top: 2px solid #15803d; }"
    " QLabel { color: #14532d; font-weight: 600; }",
    "problem": "QFrame#notice { background: #fef2f2; border-top: 2px solid #b91c1c; }"
    " QLabel { color: #7f1d1d; font-weight: 600; }",
}


def duration_ms(text: str) -> int:
    """How long ``text`` stays on screen."""
    return max(MIN_MS, min(MAX_MS, MS_PER_CHAR * len(text)))


class NoticeBar(QFrame):
    """One message at a time; a new one replaces the old and restarts the clock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.kind = "ok"
        self.label = plain_label(parent=self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.dismiss)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Confirmation"))
        self.close_button.setAccessibleName(self.tr("Close the message"))
        self.close_button.setToolTip(self.tr("Close the message"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_text(self, text: str, *, problem: bool = False, ms: int | None = None) -> int:
        """Show ``text`` (green, or red for a problem); returns how long it stays (ms)."""
        self.kind = "problem" if problem else "ok"
        self.setStyleSheet(_STYLES[self.kind])
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.show()
        stay = ms if ms is not None else duration_ms(text)
        self.timer.start(stay)
        QAccessible.updateAccessibility(QAccessibleEvent(self.label, QAccessible.Event.Alert))
        return stay

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def dismiss(self) -> None:
        self.timer.stop()
        self.hide()
