"""The organizer's dialogs: passphrase, new workspace (typed twice, strength), fingerprint to read aloud."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from e2judge.ui.i18n import translate_buttons
from e2judge.ui.organizer.strength import MIN_LENGTH, strength
from e2judge.ui.widgets import GREY, RED, plain_label

WIDTH = 600


def _password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class OrgPassphraseDialog(QDialog):
    """One masked field for the organizer passphrase, saying what it unlocks."""

    def __init__(self, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Organizer passphrase")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(WIDTH)
        self.action = plain_label(action, name=self.tr("What the passphrase is for"))
        self.passphrase = _password_field(self, self.tr("Passphrase"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(self.action)
        layout.addLayout(form)
        layout.addWidget(buttons)


def ask_passphrase(parent: QWidget, action: str) -> str | None:
    """Ask for the organizer passphrase (modal); None when cancelled."""
    dialog = OrgPassphraseDialog(action, parent)
    try:
        return dialog.passphrase.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.passphrase.clear()
        dialog.deleteLater()


class NewWorkspaceDialog(QDialog):
    """Folder, label, and the passphrase typed twice in masked fields with a strength meter."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        title = self.tr("New organizer workspace")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(WIDTH)
        explain = self.tr(
            "The workspace is a folder that holds the contest's database and the organizer's keys. "
            "The keys sign every batch you send to judges and open the sealed score sheets they "
            "send back. They are locked by a passphrase of at least {n} characters: nobody can "
            "recover it if it is forgotten, so write it down and keep it somewhere safe."
        ).format(n=MIN_LENGTH)
        self.explain = plain_label(explain, name=self.tr("Explanation"))
        self.folder = QLineEdit(str(folder) if folder else "", self)
        self.folder.setAccessibleName(self.tr("Workspace folder"))
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.browse.setAccessibleName(self.tr("Choose the workspace folder"))
        self.browse.clicked.connect(self._browse)
        self.label = QLineEdit(self)
        self.label.setAccessibleName(self.tr("Who the key belongs to"))
        self.label.setPlaceholderText(self.tr("e.g. Ban tổ chức E2 Việt Nam 2025"))
        self.passphrase = _password_field(self, self.tr("Passphrase"))
        self.repeat = _password_field(self, self.tr("Passphrase again"))
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(True)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.show_text = QCheckBox(self.tr("Show the passphrase"), self)
        self.show_text.setAccessibleName(self.tr("Show the passphrase"))
        self.show_text.toggled.connect(self._show)
        self.error = plain_label(name=self.tr("Error"))
        self.error.setStyleSheet(f"color: {RED};")
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), row)
        form.addRow(self.tr("Key label:"), self.label)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Again:"), self.repeat)
        form.addRow(self.tr("Strength:"), self.meter)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        translate_buttons(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create workspace"))
        ok.setAccessibleName(self.tr("Create workspace"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.show_text)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._update_meter)
        self._update_meter()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the workspace folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _show(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def _update_meter(self) -> None:
        level = strength(self.passphrase.text())
        names = [self.tr("too short"), self.tr("weak"), self.tr("fair"), self.tr("good"), self.tr("strong")]
        colours = ["#fca5a5", "#fca5a5", "#fcd34d", "#86efac", "#4ade80"]
        self.meter.setValue(level)
        self.meter.setFormat(names[level])
        self.meter.setAccessibleDescription(names[level])
        self.meter.setStyleSheet(
            "QProgressBar { border: 1px solid #cbd5e1; border-radius: 3px; background: #f8fafc;"
            " text-align: center; color: #111827; }"
            f" QProgressBar::chunk {{ background: {colours[level]}; }}"
        )

    def problem(self) -> str:
        """Why the form cannot be accepted yet ('' when it can)."""
        if not self.folder.text().strip():
            return self.tr("Choose a folder for the workspace.")
        if len(self.passphrase.text()) < MIN_LENGTH:
            return self.tr("The passphrase needs at least {n} characters.").format(n=MIN_LENGTH)
        if self.passphrase.text() != self.repeat.text():
            return self.tr("The two passphrases differ: type the same passphrase twice.")
        return ""

    def _accept(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if not problem:
            self.accept()


class FingerprintDialog(QDialog):
    """The organizer key's fingerprint in large groups, to read aloud to judges over the phone."""

    def __init__(self, fingerprint: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Organizer key fingerprint")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(WIDTH)
        explain = self.tr(
            "Judges compare this fingerprint with the one their app shows when they import a batch. "
            "Read it to them group by group, by phone or in person; never only by email."
        )
        groups = fingerprint.split()
        lines = [" ".join(groups[i : i + 3]) for i in range(0, len(groups), 3)]
        self.groups = QLabel("\n".join(lines), self)
        self.groups.setAccessibleName(self.tr("Fingerprint"))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(22)
        font.setWeight(QFont.Weight.DemiBold)
        self.groups.setFont(font)
        self.groups.setTextFormat(self.groups.textFormat().PlainText)
        self.owner = plain_label(label, name=self.tr("Key label"))
        self.owner.setStyleSheet(f"color: {GREY};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        translate_buttons(buttons)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(explain, name=self.tr("Explanation")))
        layout.addWidget(self.owner)
        layout.addWidget(self.groups)
        layout.addWidget(buttons)
