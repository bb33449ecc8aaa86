"""After a score sheet export: "saved safely", where, which revision and key, and the email text."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from e2judge.services.judge.sheet_export import ExportResult
from e2judge.ui.i18n import translate_buttons
from e2judge.ui.widgets import AMBER, GREEN, GREY, plain_label


def email_text(result: ExportResult) -> str:
    """The subject line, a blank line, then the body (as pasted into an email)."""
    return f"{result.email_subject}\n\n{result.email_body}"


class ExportDoneDialog(QDialog):
    """Shown only once ``export_sheet`` returned: the file was read back and verified."""

    def __init__(self, result: ExportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = result
        self.setWindowTitle(self.tr("Score sheet exported"))
        self.setAccessibleName(self.tr("Score sheet exported"))
        self.setMinimumWidth(640)
        self.resize(700, 640)  # fits a 1366×768 screen with the task bar; the email text scrolls
        self.headline = plain_label(
            self.tr("Saved safely — you can remove the USB drive"), name=self.tr("Outcome")
        )
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(font.Weight.DemiBold)
        self.headline.setFont(font)
        self.headline.setStyleSheet(f"color: {GREEN};")
        self.checked = plain_label(
            self.tr("The file was read back and its signature checked."), name=self.tr("Check")
        )
        self.checked.setStyleSheet(f"color: {GREY};")
        self.path = plain_label(str(result.path), name=self.tr("File"), selectable=True)
        self.revision = plain_label(str(result.revision), name=self.tr("Revision"))
        self.fingerprint = plain_label(result.fingerprint, name=self.tr("Key fingerprint"), selectable=True)
        sealed = (
            self.tr("Encrypted for the organizer and signed")
            if result.sealed
            else self.tr("Signed, not encrypted (the batch has no organizer encryption key)")
        )
        self.protection = plain_label(sealed, name=self.tr("Protection"))
        form = QFormLayout()
        form.addRow(self.tr("File:"), self.path)
        form.addRow(self.tr("Revision:"), self.revision)
        form.addRow(self.tr("Key fingerprint:"), self.fingerprint)
        form.addRow(self.tr("Protection:"), self.protection)
        self.incomplete = plain_label(name=self.tr("Incomplete entries"))
        self.incomplete.setStyleSheet(f"color: {AMBER};")
        if result.incomplete:
            self.incomplete.setText(
                self.tr(
                    "{n} of {total} entries were exported as incomplete. Export again when they are "
                    "finished: that sheet will be revision {next}, and the organizer keeps only the newest."
                ).format(n=len(result.incomplete), total=result.entries, next=result.revision + 1)
            )
        self.incomplete.setVisible(bool(result.incomplete))
        self.email_label = plain_label(
            self.tr("Text for an email to the organizer (attach the file above):"),
            name=self.tr("Email text"),
        )
        self.email = QPlainTextEdit(self)
        self.email.setReadOnly(True)
        self.email.setPlainText(email_text(result))
        self.email.setAccessibleName(self.tr("Email text"))
        self.email.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.email.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.email.setMinimumHeight(150)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the email text"))
        self.copy_button.setToolTip(self.tr("Copy the email text to the clipboard"))
        self.copy_button.clicked.connect(self.copy_email)
        self.copied = plain_label(name=self.tr("Copy status"), wrap=False)
        self.copied.setStyleSheet(f"color: {GREY};")
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied)
        copy_row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        translate_buttons(self.buttons)
        self.folder_button = QPushButton(self.tr("Open folder"), self)
        self.folder_button.setAccessibleName(self.tr("Open the folder of the file"))
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.clicked.connect(self.open_folder)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.checked)
        layout.addLayout(form)
        layout.addWidget(self.incomplete)
        layout.addWidget(self.email_label)
        layout.addWidget(self.email, 1)
        layout.addLayout(copy_row)
        layout.addWidget(self.buttons)

    def copy_email(self) -> None:
        QGuiApplication.clipboard().setText(self.email.toPlainText())
        self.copied.setText(self.tr("Copied."))

    def open_folder(self) -> bool:
        """Show the folder holding the sheet in the system's file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.path.parent)))
