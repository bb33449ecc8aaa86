"""Rolling backups (on start and every 10 minutes) and the "Restore from backup…" dialog."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from e2judge.core.errors import InputRefused
from e2judge.paths import Profile
from e2judge.services.judge.backup import (
    current_contents,
    describe_backups,
    inspect_backup,
    make_backup,
)
from e2judge.ui.i18n import translate_buttons, translate_message_box
from e2judge.ui.messages import show_message
from e2judge.ui.widgets import local_datetime, plain_label

BACKUP_INTERVAL_MS = 10 * 60 * 1000  # also in main_window (kept light: no import from here)
KEEP = 10


def backup_time(path: Path) -> dt.datetime | None:
    """The UTC time in a backup's name (``e2judge-YYYYmmdd-HHMMSS-ffffff.sqlite3``)."""
    try:
        stamp = path.name.removeprefix("e2judge-").removesuffix(".sqlite3")
        return dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f").replace(tzinfo=dt.UTC)
    except ValueError:
        return None


class BackupController(QObject):
    """Makes a backup at start and then every ``interval_ms``, in a background thread.

    SQLite's online backup runs on its own connection, so the judge keeps scoring meanwhile.
    """

    made = Signal(object)  # datetime (aware)
    failed = Signal(str)

    def __init__(
        self, profile: Profile, interval_ms: int = BACKUP_INTERVAL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.backup_async)
        self.last: Path | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.backup_async()
        self.timer.start()

    def stop(self) -> None:
        """Stop the timer and wait for a backup in progress."""
        self.timer.stop()
        self.wait()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def backup_async(self) -> None:
        """Start a backup in the background (skipped while one is still running)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._thread = threading.Thread(target=self._run, name="e2judge-backup", daemon=True)
        self._thread.start()

    def backup_now(self) -> Path | None:
        """Make a backup and wait for it (on closing the window, in tests)."""
        self.wait()
        return self._run()

    def _run(self) -> Path | None:
        try:
            self.last = make_backup(self.profile, keep=KEEP)
        except (InputRefused, OSError) as exc:
            self.failed.emit(str(exc))
            return None
        self.made.emit(dt.datetime.now(dt.UTC))
        return self.last


class RestoreDialog(QDialog):
    """Lists the backups (newest first); restoring asks for confirmation first."""

    chosen = Signal(object)  # Path

    def __init__(self, profile: Profile, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setAccessibleName(self.tr("Restore from backup"))
        self.setMinimumWidth(520)
        self.profile = profile
        described = describe_backups(profile)
        self.backups = [path for path, _contents in described]
        self.current = current_contents(profile)
        self.explain = plain_label(
            self.tr(
                "E2 Judge backs up your scores when it starts and every 10 minutes (the last 10 are kept). "
                "Restoring replaces your current scores with the chosen backup; the current scores are "
                "first saved as a new backup, so nothing is lost."
            )
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Backups"))
        locale = QLocale()
        for path, contents in described:
            when = backup_time(path)
            size = locale.formattedDataSize(path.stat().st_size) if path.exists() else ""
            held = contents.describe() if contents is not None else self.tr("cannot be read")
            text = f"{local_datetime(when, lang) if when else path.name}  ·  {held}  ·  {size}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.list.addItem(item)
        if self.backups:
            self.list.setCurrentRow(0)
        self.empty = plain_label(self.tr("There is no backup yet."))
        self.empty.setVisible(not self.backups)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        translate_buttons(self.buttons)
        self.restore_button = QPushButton(self.tr("Restore selected backup…"), self)
        self.restore_button.setAccessibleName(self.tr("Restore selected backup"))
        self.restore_button.setEnabled(bool(self.backups))
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self._restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)

    def selected(self) -> Path | None:
        item = self.list.currentItem()
        return Path(str(item.data(Qt.ItemDataRole.UserRole))) if item is not None else None

    def _restore(self) -> None:
        path = self.selected()
        if path is None:
            return
        try:
            contents = inspect_backup(self.profile, path)  # checked before anything is asked or replaced
        except (InputRefused, OSError) as exc:
            show_message(
                self,
                QMessageBox.Icon.Critical,
                self.tr("Restore refused"),
                self.tr("Nothing was changed."),
                str(exc),
            )
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore from backup"),
            self.tr("Replace your current scores with the backup of {when}?").format(
                when=self.list.currentItem().text().split("  ·  ")[0]
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        held = self.tr("The backup holds {contents}.").format(contents=contents.describe())
        if self.current is not None and contents.scores < self.current.scores:
            box.setIcon(QMessageBox.Icon.Warning)
            held = "\n\n".join(
                (
                    held,
                    self.tr(
                        "Warning: it holds fewer scores than you have now ({backup} instead of {now}). "
                        "Scores given since then will be replaced (they are kept in a new backup)."
                    ).format(backup=contents.scores, now=self.current.scores),
                )
            )
        box.setInformativeText(held)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        translate_message_box(box)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.chosen.emit(path)
            self.accept()
