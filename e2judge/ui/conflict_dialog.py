"""Declaring a conflict of interest on an entry: a reason is required."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from e2judge.ui.i18n import translate_buttons
from e2judge.ui.widgets import RED, plain_label

Submit = Callable[[str], str | None]  # returns a refusal message, or None when declared


class ConflictDialog(QDialog):
    """Asks for the reason; ``submit`` declares it and the dialog closes only when accepted."""

    def __init__(self, entry: str, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Declare conflict of interest"))
        self.setAccessibleName(self.tr("Declare conflict of interest"))
        self.setMinimumWidth(480)
        self.explain = plain_label(
            self.tr(
                "You are declaring that you should not judge this entry (for example: you know the "
                "authors, or it comes from your school). It will be locked, left out of your totals "
                "and reported to the organizer. You can withdraw the declaration later."
            )
        )
        self.entry = plain_label(entry, name=self.tr("Entry"))
        font = self.entry.font()
        font.setWeight(font.Weight.DemiBold)
        self.entry.setFont(font)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for the conflict"))
        self.reason.setPlaceholderText(self.tr("Reason (required), e.g. “The author is my colleague.”"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.reason.textChanged.connect(self._update)
        self.error = plain_label(name=self.tr("Error"))
        self.error.setStyleSheet(f"color: {RED};")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        translate_buttons(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Declare conflict"))
        ok.setAccessibleName(self.tr("Declare conflict"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.entry)
        layout.addWidget(self.explain)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason.toPlainText().strip()))

    def accept(self) -> None:
        text = self.reason.toPlainText().strip()
        if not text:
            return
        refused = self._submit(text)
        if refused:
            self.error.setText(refused)
            self.error.show()
            return
        super().accept()
