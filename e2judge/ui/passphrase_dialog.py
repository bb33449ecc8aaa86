"""Asking for the passphrase of the judge's signing key (twice, with an explanation, to create it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from e2judge.services.judge.judge_key import MIN_PASSPHRASE
from e2judge.ui.i18n import translate_buttons
from e2judge.ui.widgets import RED, plain_label

WIDTH = 560


class PassphraseDialog(QDialog):
    """One hidden field to unlock the key; two (and what the key is for) when ``create``."""

    def __init__(self, create: bool, parent: QWidget | None = None, *, action: str = "") -> None:
        super().__init__(parent)
        self.creating = create
        self._check: Callable[[str], str | None] | None = None
        title = self.tr("Create your signing key") if create else self.tr("Passphrase of your signing key")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(WIDTH)
        if create:
            explain = self.tr(
                "E2 Judge signs every score sheet you export with your personal key, so the organizer "
                "can check that the scores come from you and were not changed on the way. The key is "
                "created now and stays on this computer, locked by a passphrase you choose "
                "(at least {n} characters).\n"
                "You will type this passphrase at every export. Nobody can recover it if it is "
                "forgotten: write it down and keep it somewhere safe."
            ).format(n=MIN_PASSPHRASE)
        else:
            explain = self.tr("Type the passphrase of your signing key.")
        self.explain = plain_label(explain, name=self.tr("Explanation"))
        self.action = plain_label(action, name=self.tr("What will be signed"))
        font = self.action.font()
        font.setWeight(font.Weight.DemiBold)
        self.action.setFont(font)
        self.action.setVisible(bool(action))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Passphrase again"))
        self.show_text = QCheckBox(self.tr("Show the passphrase"), self)
        self.show_text.setAccessibleName(self.tr("Show the passphrase"))
        self.show_text.toggled.connect(self._show)
        self.error = plain_label(name=self.tr("Error"))
        self.error.setStyleSheet(f"color: {RED};")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Again:"), self.repeat)
        form.setRowVisible(1, create)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        translate_buttons(self.buttons)
        if create:
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setText(self.tr("Create key"))
            ok.setAccessibleName(self.tr("Create key"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.action)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.show_text)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()
        self.fit()

    def fit(self) -> None:
        """Size the dialog so the wrapped explanation shows in full (Qt does not, for a window)."""
        layout = self.layout()
        if layout is None:
            return
        width = max(self.minimumWidth(), self.width() if self.isVisible() else 0, WIDTH)
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        height = max(height, layout.totalSizeHint().height())
        self.setMinimumHeight(height)
        self.resize(width, height)

    def _show(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def text(self) -> str:
        return self.passphrase.text()

    def problem(self) -> str | None:
        """Why the typed passphrase cannot be used (None: it can)."""
        text = self.passphrase.text()
        if not text:
            return self.tr("Type the passphrase.")
        if self.creating:
            if len(text) < MIN_PASSPHRASE:
                return self.tr("The passphrase must have at least {n} characters.").format(n=MIN_PASSPHRASE)
            if self.repeat.text() != text:
                return self.tr("The two passphrases differ. Type the same passphrase twice.")
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is None and self._check is not None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                problem = self._check(self.passphrase.text())
            finally:
                QApplication.restoreOverrideCursor()
            if problem is not None:
                self.passphrase.selectAll()
                self.passphrase.setFocus()
        if problem is not None:
            self.error.setText(problem)
            if self.error.isHidden():
                self.error.show()
                self.fit()
            return
        super().accept()

    @classmethod
    def ask(
        cls,
        create: bool,
        parent: QWidget | None = None,
        *,
        action: str = "",
        check: Callable[[str], str | None] | None = None,
    ) -> str | None:
        """Show the dialog (modal); the passphrase, or None when cancelled.

        ``check`` (if given) says why a typed passphrase is refused; the dialog then stays open.
        """
        dialog = cls(create, parent, action=action)
        dialog._check = check
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.text()
            return None
        finally:
            dialog.passphrase.clear()
            dialog.repeat.clear()
            dialog.deleteLater()
