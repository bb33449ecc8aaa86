"""Importing a batch (or the organizer's workbook) off the UI thread, with a cancellable progress dialog.

The worker calls ``services.import_batch`` / ``import_workbook`` in a ``QThread``. Cancelling makes
the progress callback return False: the service raises ``ImportCancelled`` and nothing changed.
A refused file is shown in a dialog with the service's reason (plain text).

A workbook is read (and validated) in the worker first; when it lists several judges the worker
stops there and the judge is asked which one they are (``JudgeChoiceDialog``), then the import
runs for that judge in a second worker. Cancel in that dialog imports nothing.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from e2judge.core.contest import JudgeSpec
from e2judge.core.errors import InputRefused, ValidationFailed
from e2judge.formats.batch import ImportCancelled
from e2judge.services.judge.import_batch import ImportSummary, import_batch
from e2judge.ui.context import AppContext
from e2judge.ui.i18n import std_text
from e2judge.ui.judge_choice import JudgeChoiceDialog
from e2judge.ui.messages import show_message

MAX_PROBLEMS_SHOWN = 15


class ImportWorker(QObject):
    """Runs one import in a worker thread and reports through signals."""

    progress = Signal(int, int)
    succeeded = Signal(object)  # ImportSummary
    refused = Signal(str, str)  # file, reason (with every problem listed)
    cancelled = Signal()
    judges_listed = Signal(object)  # tuple[JudgeSpec, ...]: a workbook lists several, nothing imported
    done = Signal()

    def __init__(self, ctx: AppContext, path: Path, judge_id: str | None = None) -> None:
        super().__init__()
        self._ctx = ctx
        self._path = path
        self._judge_id = judge_id
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            if self._cancel.is_set():
                raise ImportCancelled()
            if self._path.suffix.lower() == ".xlsx":
                from e2judge.services.judge.import_workbook import (
                    import_workbook,  # openpyxl: only when needed
                )
                from e2judge.xlsx.org_workbook import read_workbook

                judge_id = self._judge_id
                if judge_id is None:
                    judges = read_workbook(self._path).judges  # validates: refusals list every problem
                    if self._cancel.is_set():
                        raise ImportCancelled()
                    if len(judges) > 1:
                        self.judges_listed.emit(tuple(judges))
                        return
                    judge_id = judges[0].judge_id if judges else None
                summary = import_workbook(self._ctx.db, self._ctx.profile, self._path, judge_id)
            else:
                summary = import_batch(self._ctx.db, self._ctx.profile, self._path, self._progress)
        except ImportCancelled:
            self.cancelled.emit()
        except ValidationFailed as exc:
            problems = exc.problems[:MAX_PROBLEMS_SHOWN]
            more = len(exc.problems) - len(problems)
            lines = [exc.reason, *(f"• {p}" for p in problems)]
            if more > 0:
                lines.append(f"… (+{more})")
            self.refused.emit(exc.source, "\n".join(lines))
        except InputRefused as exc:
            self.refused.emit(exc.source, exc.reason)
        except OSError as exc:
            self.refused.emit(str(self._path), exc.strerror or str(exc))
        else:
            self.succeeded.emit(summary)
        finally:
            self.done.emit()


class ImportController(QObject):
    """Starts imports, owns the progress dialog, reports the outcome."""

    imported = Signal(object)  # ImportSummary
    failed = Signal(str)  # the message shown
    cancelled = Signal()
    finished = Signal()  # after any outcome

    def __init__(self, ctx: AppContext, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._window = window
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self.dialog: QProgressDialog | None = None
        self.message_box: QMessageBox | None = None
        self.chooser: JudgeChoiceDialog | None = None  # open while the judge picks their name
        self._path: Path | None = None
        self._listed: tuple[Path, tuple[JudgeSpec, ...]] | None = None
        self._closing = False

    @property
    def running(self) -> bool:
        return self._thread is not None or self.chooser is not None

    def start(self, path: Path) -> bool:
        """Import ``path`` in the background; False when an import is already running.

        For a workbook that lists several judges, the judge is asked which one they are first.
        """
        if self.running:
            return False
        self._begin(path, None)
        return True

    def _begin(self, path: Path, judge_id: str | None) -> None:
        self._path = path
        thread = QThread(self)
        worker = ImportWorker(self._ctx, path, judge_id)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.succeeded.connect(self._on_success)
        worker.refused.connect(self._on_refused)
        worker.cancelled.connect(self._on_cancelled)
        worker.judges_listed.connect(self._on_judges_listed)  # a bound slot: runs in this thread
        worker.done.connect(thread.quit)
        thread.finished.connect(self._on_finished)
        dialog = QProgressDialog(
            self.tr("Checking and importing {name}…").format(name=path.name),
            std_text("Cancel"),
            0,
            0,
            self._window,
        )
        dialog.setWindowTitle(self.tr("Importing"))
        dialog.setAccessibleName(self.tr("Import progress"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)  # runs here, not queued to the busy worker thread
        dialog.show()
        self.dialog, self._thread, self._worker = dialog, thread, worker
        thread.start()

    def cancel(self) -> None:
        """Cancel the running import (same as the dialog's Cancel button)."""
        if self._worker is not None:
            self._worker.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog is not None and total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _on_success(self, summary: ImportSummary) -> None:
        self._close_dialog()
        self.imported.emit(summary)

    def _on_cancelled(self) -> None:
        self._close_dialog()
        self.cancelled.emit()

    def _on_judges_listed(self, judges: tuple[JudgeSpec, ...]) -> None:
        self._close_dialog()
        if self._path is not None and not self._closing:
            self._listed = (self._path, judges)  # asked once the reading thread has ended

    def _ask_judge(self, path: Path, judges: tuple[JudgeSpec, ...]) -> None:
        chooser = JudgeChoiceDialog(path.name, judges, self._window)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.finished.connect(lambda result: self._judge_chosen(path, chooser, result))
        self.chooser = chooser
        chooser.open()

    def _judge_chosen(self, path: Path, chooser: JudgeChoiceDialog, result: int) -> None:
        self.chooser = None
        if result == QDialog.DialogCode.Accepted.value:
            self._begin(path, chooser.judge_id())
        else:
            self.cancelled.emit()
            self.finished.emit()

    def _on_refused(self, source: str, reason: str) -> None:
        self._close_dialog()
        text = self.tr("This file cannot be imported. Nothing was changed.")
        detail = f"{Path(source).name}\n\n{reason}"
        self.show_message(QMessageBox.Icon.Critical, self.tr("Import refused"), text, detail)
        self.failed.emit(f"{text}\n{detail}")

    def show_message(self, icon: QMessageBox.Icon, title: str, text: str, detail: str = "") -> QMessageBox:
        """A non-blocking, plain-text message box over the window (kept while it is open)."""
        box = show_message(self._window, icon, title, text, detail)
        self.message_box = box
        box.finished.connect(lambda _r: setattr(self, "message_box", None))
        return box

    def _on_finished(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread, self._worker = None, None
        listed, self._listed = self._listed, None
        if listed is not None:
            self._ask_judge(*listed)
        else:
            self.finished.emit()

    def wait(self) -> None:
        """Block until a running import thread has ended (used when the window closes)."""
        self._closing = True
        self._listed = None
        if self.chooser is not None:
            self.chooser.finished.disconnect()
            self.chooser.close()
            self.chooser = None
        if self._thread is not None:
            self.cancel()
            self._thread.wait()
