"""The dialog a judge sees after an unexpected error, and the one call that installs it.

``install_crash_handler(profile)`` (called by ``app.run_gui`` once the profile is known) logs every
unhandled exception to ``<profile>/logs/e2judge.log`` and shows this dialog: what happened, that the
scores are safe (every change is committed as it is made), and where the log file is. The texts are
here rather than in the ``.ts`` catalogue so the dialog works even when loading translations failed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from e2judge.crash import install_excepthook
from e2judge.paths import Profile

MAX_DIALOGS = 3  # after this many in one session, errors are only logged

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "E2 Judge — Đã xảy ra lỗi",
        "text": "Đã xảy ra lỗi không mong muốn.",
        "info": (
            "Điểm của bạn đã được lưu: mỗi điểm và nhận xét được ghi lại ngay khi bạn nhập, "
            "nên không có gì bị mất.\n\n"
            "Bạn có thể tiếp tục chấm. Nếu lỗi lặp lại, hãy đóng rồi mở lại E2 Judge và gửi "
            "tệp nhật ký sau cho ban tổ chức:\n{log}"
        ),
        "open": "Mở thư mục nhật ký",
        "copy": "Sao chép chi tiết lỗi",
        "close": "Đóng",
    },
    "en": {
        "title": "E2 Judge — Something went wrong",
        "text": "An unexpected error occurred.",
        "info": (
            "Your scores are saved: every score and comment is recorded as soon as you enter it, "
            "so nothing is lost.\n\n"
            "You can go on judging. If the error comes back, close and reopen E2 Judge and send "
            "this log file to the organizers:\n{log}"
        ),
        "open": "Open the log folder",
        "copy": "Copy the error details",
        "close": "Close",
    },
}


def dialog_language() -> str:
    """English when the UI runs in English (its number locale says so), else Vietnamese."""
    return "en" if QLocale().language() == QLocale.Language.English else "vi"


class CrashDialog(QMessageBox):
    """What happened, that the scores are safe, and where the log is."""

    def __init__(self, details: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        t = TEXTS[dialog_language()]
        self.details = details
        self.log_path = log_path
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(t["title"])
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(t["text"])
        self.setInformativeText(t["info"].format(log=log_path))
        self.open_button = self.addButton(t["open"], QMessageBox.ButtonRole.ActionRole)
        self.copy_button = self.addButton(t["copy"], QMessageBox.ButtonRole.ActionRole)
        self.close_button = self.addButton(t["close"], QMessageBox.ButtonRole.AcceptRole)
        self.setDefaultButton(self.close_button)
        self.setEscapeButton(self.close_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: QAbstractButton) -> None:
        if button is self.open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))
        elif button is self.copy_button:
            clipboard = QGuiApplication.clipboard()
            if clipboard is not None:
                clipboard.setText(f"{self.log_path}\n\n{self.details}")


class _State:
    shown = 0
    showing = False


def show_crash_dialog(details: str, log_path: Path) -> CrashDialog | None:
    """Show the dialog (modal) over the active window; None when no QApplication or too many already."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or _State.showing or _State.shown >= MAX_DIALOGS:
        return None
    _State.showing = True
    _State.shown += 1
    try:
        dialog = CrashDialog(details, log_path, QApplication.activeWindow())
        dialog.exec()
        return dialog
    finally:
        _State.showing = False


def _on_crash(details: str, log_path: Path) -> None:
    show_crash_dialog(details, log_path)


def install_crash_handler(profile: Profile) -> Path:
    """Log unhandled exceptions to the profile's rotating log and show the crash dialog; returns the log."""
    _State.shown = 0
    return install_excepthook(profile, on_crash=_on_crash)
