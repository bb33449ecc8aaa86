"""A long job off the UI thread with a progress bar and a Cancel button.

``ProgressRunner.run(job, text, done, failed, cancelled)`` calls ``job(progress)`` in a ``QThread``;
the job calls ``progress(done, total)`` between steps, which moves the bar, and raises
``JobCancelled`` there once Cancel was pressed (the job then undoes its work: see ``org build``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from e2judge.ui.i18n import std_text

T = TypeVar("T")
Progress = Callable[[int, int], None]


class JobCancelled(Exception):
    """The organizer pressed Cancel; the job stopped at its next step."""


class _Worker(QObject):
    finished = Signal(object, object)
    progressed = Signal(int, int)

    def __init__(self, job: Callable[[Progress], object]) -> None:
        super().__init__()
        self._job = job
        self.cancel = threading.Event()

    def _progress(self, done: int, total: int) -> None:
        if self.cancel.is_set():
            raise JobCancelled
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except Exception as exc:  # handed to the UI thread
            self.finished.emit(None, exc)
        else:
            self.finished.emit(result, None)


class ProgressRunner(QObject):
    """One cancellable job at a time, with its progress dialog."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._callbacks: (
            tuple[Callable[[Any], None], Callable[[Exception], None], Callable[[], None]] | None
        ) = None
        self.dialog: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def run(
        self,
        job: Callable[[Progress], T],
        text: str,
        done: Callable[[T], None],
        failed: Callable[[Exception], None],
        cancelled: Callable[[], None],
    ) -> bool:
        if self._thread is not None:
            return False
        thread = QThread(self)
        worker = _Worker(job)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(self._finished)
        dialog = QProgressDialog(text, std_text("Cancel"), 0, 0, self._window)
        dialog.setWindowTitle(text)
        dialog.setAccessibleName(text)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(worker.cancel.set)
        worker.progressed.connect(self._progressed)
        dialog.setValue(0)
        self._thread, self._worker, self.dialog = thread, worker, dialog
        self._callbacks = (done, failed, cancelled)
        thread.start()
        return True

    def cancel(self) -> None:
        """What the Cancel button does."""
        if self._worker is not None:
            self._worker.cancel.set()

    def _progressed(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _finished(self, result: object, error: object) -> None:
        thread, worker, dialog, callbacks = self._thread, self._worker, self.dialog, self._callbacks
        self._thread = self._worker = self.dialog = None
        self._callbacks = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        if callbacks is None:
            return
        done, failed, cancelled = callbacks
        if isinstance(error, JobCancelled):
            cancelled()
        elif isinstance(error, Exception):
            failed(error)
        else:
            done(result)

    def wait(self) -> None:
        if self._thread is not None:
            self.cancel()
            self._thread.quit()
            self._thread.wait()
