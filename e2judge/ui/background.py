"""Running one slow job (signing, writing a PDF or a workbook) off the UI thread.

``TaskRunner.run(job, text, done, failed)`` calls ``job()`` in a ``QThread``; a busy dialog (window
modal, no cancel: these jobs are short and must not be cut half-way) appears only when the job
takes longer than ``SHOW_AFTER_MS``. ``done(result)`` or ``failed(exception)`` then runs on the UI
thread. One job at a time: ``run`` returns False while another is running.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from e2judge.ui.context import AppContext
from e2judge.ui.file_choice import ask_save_path

T = TypeVar("T")
SHOW_AFTER_MS = 300


class _Worker(QObject):
    """Calls the job in the worker thread and reports (result, None) or (None, exception)."""

    finished = Signal(object, object)

    def __init__(self, job: Callable[[], object]) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        try:
            result = self._job()
        except Exception as exc:  # handed to the UI thread, which shows or re-raises it
            self.finished.emit(None, exc)
        else:
            self.finished.emit(result, None)


class TaskRunner(QObject):
    """Owns the worker thread and the busy dialog of the job in progress."""

    started = Signal()
    ended = Signal()

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._done: Callable[[Any], None] | None = None
        self._failed: Callable[[Exception], None] | None = None
        self.dialog: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def run(
        self,
        job: Callable[[], T],
        text: str,
        done: Callable[[T], None],
        failed: Callable[[Exception], None],
    ) -> bool:
        """Start ``job`` in the background; False (nothing started) while another job runs."""
        if self._thread is not None:
            return False
        thread = QThread(self)
        worker = _Worker(job)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(self._finished)
        dialog = QProgressDialog(text, "", 0, 0, self._window)
        dialog.setCancelButton(None)  # no button: these jobs must not be cut half-way
        dialog.setWindowTitle(text)
        dialog.setAccessibleName(text)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)  # starts the timer that shows the dialog after SHOW_AFTER_MS
        self._thread, self._worker, self.dialog = thread, worker, dialog
        self._done, self._failed = done, failed
        self.started.emit()
        thread.start()
        return True

    def _finished(self, result: object, error: object) -> None:
        thread, worker, dialog = self._thread, self._worker, self.dialog
        done, failed = self._done, self._failed
        self._thread = self._worker = self.dialog = None
        self._done = self._failed = None
        if thread is not None:
            thread.quit()  # the worker's run() has returned: its event loop ends at once
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        self.ended.emit()
        if isinstance(error, Exception):
            if failed is not None:
                failed(error)
        elif done is not None:
            done(result)

    def wait(self) -> None:
        """Block until the running job has ended (the window is closing); its outcome is dropped."""
        if self._thread is not None:
            self._thread.quit()  # takes effect once the job returns
            self._thread.wait()


@dataclass(frozen=True)
class SaveRequest:
    """What to ask and say around writing one file in the background."""

    title: str  # the save dialog's title
    name: str  # the suggested file name
    file_filter: str  # e.g. "Excel workbook (*.xlsx)"
    suffix: str  # added when the judge typed a name without it
    busy: str  # shown while writing


def save_in_background(
    ctx: AppContext,
    tasks: TaskRunner,
    window: QWidget,
    request: SaveRequest,
    write: Callable[[Path], None],
    done: Callable[[Path], None],
    failed: Callable[[Exception], None],
) -> bool:
    """Ask where to save, then run ``write(path)`` off the UI thread; False when cancelled or busy."""
    path = ask_save_path(ctx, window, request.title, request.name, request.file_filter, request.suffix)
    if path is None:
        return False
    return tasks.run(lambda: write(path), request.busy, lambda _result: done(path), failed)
