"""Settings → "My signing key": the fingerprint to read on the phone, the key id, export or create."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from e2judge.core.errors import InputRefused
from e2judge.formats.keys import PublicKeyInfo
from e2judge.services.judge.judge_key import ensure_judge_key, export_public_key, judge_key_info
from e2judge.ui.attachments import safe_name
from e2judge.ui.background import TaskRunner
from e2judge.ui.context import AppContext
from e2judge.ui.file_choice import default_folder, remember_folder
from e2judge.ui.i18n import translate_buttons
from e2judge.ui.messages import show_message
from e2judge.ui.passphrase_dialog import PassphraseDialog
from e2judge.ui.widgets import GREEN, GREY, plain_label

GROUPS_PER_LINE = 3


def fingerprint_lines(fingerprint: str) -> str:
    """The fingerprint's groups on two lines, easy to read aloud ("0412 9983 1270\\n5521 …")."""
    groups = fingerprint.split()
    return "\n".join(
        " ".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)
    )


class SigningKeyDialog(QDialog):
    """Shows the judge's public key; exports it for the organizer, or creates the key."""

    def __init__(
        self,
        ctx: AppContext,
        tasks: TaskRunner,
        owner: str,
        judge_key: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._owner = owner
        self._judge_key = judge_key
        self.message_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("My signing key"))
        self.setAccessibleName(self.tr("My signing key"))
        self.setMinimumWidth(560)
        self.explain = plain_label(
            self.tr(
                "Your score sheets are signed with this key, kept on this computer and locked by your "
                "passphrase. The organizer checks its fingerprint: if asked, read the groups of digits "
                "below to them, for example on the phone."
            ),
            name=self.tr("Explanation"),
        )
        self.none_label = plain_label(
            self.tr(
                "You have no signing key yet. It is created at your first score sheet export, "
                "or you can create it now."
            ),
            name=self.tr("No key yet"),
        )
        self.fingerprint = plain_label(name=self.tr("Key fingerprint"), wrap=False, selectable=True)
        big = self.fingerprint.font()
        big.setPointSizeF(big.pointSizeF() * 2.0)
        big.setWeight(QFont.Weight.DemiBold)
        big.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.5)
        self.fingerprint.setFont(big)
        self.fingerprint.setStyleSheet(f"color: {GREEN};")
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_id = plain_label(name=self.tr("Key ID"), selectable=True)
        self.label = plain_label(name=self.tr("Key owner"), selectable=True)
        self.details = QFormLayout()
        self.details.addRow(self.tr("Key ID:"), self.key_id)
        self.details.addRow(self.tr("Owner:"), self.label)
        for row in range(self.details.rowCount()):
            item = self.details.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setStyleSheet(f"color: {GREY};")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        translate_buttons(self.buttons)
        self.export_button = QPushButton(self.tr("Export public key…"), self)
        self.export_button.setAccessibleName(self.tr("Export public key"))
        self.export_button.setToolTip(self.tr("A file for the organizer; it holds nothing secret"))
        self.create_button = QPushButton(self.tr("Create key…"), self)
        self.create_button.setAccessibleName(self.tr("Create key"))
        for button in (self.export_button, self.create_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export_public)
        self.create_button.clicked.connect(self.create_key)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.none_label)
        layout.addSpacing(6)
        layout.addWidget(self.fingerprint)
        layout.addSpacing(6)
        layout.addLayout(self.details)
        layout.addWidget(self.buttons)
        self.show_info(judge_key_info(ctx.profile))

    def show_info(self, info: PublicKeyInfo | None) -> None:
        """The key's fingerprint, id and owner; or the "no key yet" text and "Create key…"."""
        self.info = info
        have = info is not None
        self.none_label.setVisible(not have)
        self.explain.setVisible(have)
        self.fingerprint.setVisible(have)
        for row in range(self.details.rowCount()):
            self.details.setRowVisible(row, have)
        self.export_button.setVisible(have)
        self.create_button.setVisible(not have)
        if info is not None:
            self.fingerprint.setText(fingerprint_lines(info.fingerprint))
            self.fingerprint.setAccessibleDescription(info.fingerprint)
            self.key_id.setText(info.key_id)
            self.label.setText(info.label)
        self.adjustSize()

    def create_key(self) -> bool:
        """Ask for a new passphrase twice, then create the key in the background."""
        passphrase = PassphraseDialog.ask(True, self)
        if passphrase is None:
            return False
        profile, owner = self._ctx.profile, self._owner

        def job() -> PublicKeyInfo:
            return ensure_judge_key(profile, passphrase, owner)

        return self._tasks.run(job, self.tr("Creating your signing key…"), self.show_info, self._failed)

    def export_public(self) -> bool:
        """Save the public key (JSON, or PEM when the name ends in .pem) for the organizer."""
        name = safe_name(self.tr("public-key-{judge}.json").format(judge=self._judge_key))
        json_filter = self.tr("Public key (*.json)")
        chosen, used = QFileDialog.getSaveFileName(
            self,
            self.tr("Export public key"),
            str(Path(default_folder(self._ctx)) / name),
            ";;".join([json_filter, self.tr("Public key, PEM (*.pem)")]),
        )
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() not in (".json", ".pem"):
            path = path.with_name(path.name + (".json" if used == json_filter or not used else ".pem"))
        remember_folder(self._ctx, path.parent)
        try:
            export_public_key(self._ctx.profile, path)
        except (InputRefused, OSError) as exc:
            self._failed(exc)
            return False
        self._show(QMessageBox.Icon.Information, self.tr("Public key exported"), str(path))
        return True

    def _failed(self, error: Exception) -> None:
        if isinstance(error, InputRefused):
            detail = error.reason
        elif isinstance(error, OSError):
            detail = f"{error.filename or ''}\n\n{error.strerror or error}".strip()
        else:
            raise error
        self._show(QMessageBox.Icon.Critical, self.tr("Nothing was done."), detail)

    def _show(self, icon: QMessageBox.Icon, text: str, detail: str) -> None:
        box = show_message(self, icon, self.tr("My signing key"), text, detail)
        box.finished.connect(lambda _r: setattr(self, "message_box", None))
        self.message_box = box
