"""The status bar's contents: "N / M complete" with a progress bar, and the last save time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from e2judge.ui.widgets import GREY, local_time


class StatusPanel(QWidget):
    """Progress and save time, shown permanently in the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setFixedWidth(180)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(12)
        self.saved_label = QLabel(self)
        self.backup_label = QLabel(self)
        self.backup_label.setStyleSheet(f"color: {GREY};")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(10)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addStretch(1)
        layout.addWidget(self.backup_label)
        layout.addWidget(self.saved_label)
        self._done = self._total = 0
        self._saved: datetime | None = None
        self._backup: datetime | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.progress_label.setText(
            self.tr("{done} / {total} complete").format(done=self._done, total=self._total)
        )
        self.progress_label.setAccessibleName(self.progress_label.text())
        self.progress_bar.setAccessibleName(self.tr("Scoring progress"))
        if self._saved is None:
            self.saved_label.setText(self.tr("Every change is saved at once"))
        else:
            self.saved_label.setText(self.tr("Saved at {time}").format(time=local_time(self._saved)))
        self.saved_label.setAccessibleName(self.saved_label.text())
        if self._backup is not None:
            self.backup_label.setText(self.tr("Backup {time}").format(time=local_time(self._backup)))
        self.backup_label.setAccessibleName(self.tr("Last backup"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_progress(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.retranslate()

    def show_progress(self, visible: bool) -> None:
        """Progress is shown only while a round is open."""
        self.progress_label.setVisible(visible)
        self.progress_bar.setVisible(visible)

    def set_saved(self, moment: datetime) -> None:
        self._saved = moment
        self.retranslate()

    def set_backup(self, moment: datetime) -> None:
        self._backup = moment
        self.retranslate()
