"""Enrolling or replacing a judge's key from the window: both fingerprints side by side first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from e2judge.core.errors import InputRefused
from e2judge.formats.fingerprint import readable_fingerprint
from e2judge.services.org.enroll import enroll_judge, read_judge_public_key
from e2judge.services.org.progress import JudgeProgress
from e2judge.ui.i18n import translate_buttons
from e2judge.ui.messages import show_message
from e2judge.ui.organizer.context import OrgContext
from e2judge.ui.widgets import RED, plain_label


def _grouped(fingerprint: str) -> str:
    groups = fingerprint.split()
    return "\n".join(" ".join(groups[i : i + 3]) for i in range(0, len(groups), 3))


class EnrolDialog(QDialog):
    """The judge's current key and the new one, side by side; confirm to register the new one."""

    def __init__(self, judge: JudgeProgress, new_fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        replacing = bool(judge.fingerprint) and judge.fingerprint != new_fingerprint
        title = self.tr("Replace the key of {judge}") if replacing else self.tr("Enrol the key of {judge}")
        self.setWindowTitle(title.format(judge=judge.judge_key))
        self.setAccessibleName(self.windowTitle())
        self.replacing = replacing
        explain = (
            self.tr(
                "Sheets signed with the current key will be refused from now on. Compare the new "
                "fingerprint with the one {name} reads to you from their app (Settings → My signing key)."
            )
            if replacing
            else self.tr(
                "Compare the fingerprint with the one {name} reads to you from their app "
                "(Settings → My signing key) before you confirm."
            )
        ).format(name=judge.name)
        self.explain = plain_label(explain, name=self.tr("Explanation"))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(16)
        font.setWeight(QFont.Weight.DemiBold)
        self.current = QLabel(_grouped(judge.fingerprint) if judge.fingerprint else self.tr("none yet"), self)
        self.current.setAccessibleName(self.tr("Current key fingerprint"))
        self.new = QLabel(_grouped(new_fingerprint), self)
        self.new.setAccessibleName(self.tr("New key fingerprint"))
        for label in (self.current, self.new):
            label.setFont(font)
        if replacing:
            self.current.setStyleSheet(f"color: {RED};")
        grid = QGridLayout()
        grid.addWidget(plain_label(self.tr("Current key")), 0, 0)
        grid.addWidget(plain_label(self.tr("New key")), 0, 1)
        grid.addWidget(self.current, 1, 0)
        grid.addWidget(self.new, 1, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        translate_buttons(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Replace the key") if replacing else self.tr("Enrol this key"))
        ok.setAccessibleName(ok.text())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)


class EnrolController(QObject):
    """Choose the judge's public key file, compare, then enrol (or replace) it."""

    def __init__(self, ctx: OrgContext, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.window = ctx, window
        self.confirm = self._ask  # tests answer here instead of a modal dialog

    def _ask(self, judge: JudgeProgress, fingerprint: str) -> bool:
        dialog = EnrolDialog(judge, fingerprint, self.window)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def choose(self, judge: JudgeProgress) -> bool:
        name, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Public key of {judge}").format(judge=judge.judge_key),
            "",
            self.tr("Judge public key (*.json *.pem)"),
        )
        return bool(name) and self.enrol(judge, Path(name))

    def enrol(self, judge: JudgeProgress, key_file: Path) -> bool:
        orgdir = self.ctx.orgdir
        if orgdir is None:
            return False
        try:
            fingerprint = readable_fingerprint(read_judge_public_key(key_file))
            if not self.confirm(judge, fingerprint):
                return False
            result = enroll_judge(
                orgdir, judge.judge_key, key_file, replace=bool(judge.fingerprint), confirm=lambda _r: True
            )
        except InputRefused as exc:
            show_message(
                self.window,
                QMessageBox.Icon.Warning,
                self.tr("Key not enrolled"),
                self.tr("{file}: nothing was changed.").format(file=exc.source),
                exc.reason,
            )
            return False
        show_message(
            self.window,
            QMessageBox.Icon.Information,
            self.tr("Key enrolled"),
            self.tr("Judge {judge}'s key {fingerprint} is registered.").format(
                judge=result.judge_key, fingerprint=result.fingerprint
            ),
        )
        self.ctx.changed()
        return True
