"""File → "Print / Save PDF…" and "Export Excel…": the judge's reports, written in the background.

PDFs: this entry's rubric report, every entry's, or the judge's summary, in the UI language. "Save
PDF…" asks where; "Print…" writes a temporary PDF and opens it in the system viewer, which prints
(the simplest path that works the same on every computer).
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from e2judge.core.errors import InputRefused
from e2judge.services.judge.entries import EntryNotFound
from e2judge.services.judge.rounds import RoundRef
from e2judge.ui.attachments import safe_name
from e2judge.ui.background import SaveRequest, TaskRunner, save_in_background
from e2judge.ui.context import AppContext
from e2judge.ui.file_choice import ask_save_path
from e2judge.ui.i18n import translate_buttons
from e2judge.ui.messages import show_message
from e2judge.ui.widgets import plain_label


class Report(StrEnum):
    ENTRY = "entry"
    ALL = "all"
    SUMMARY = "summary"


class Output(StrEnum):
    SAVE = "save"
    PRINT = "print"


class PrintDialog(QDialog):
    """Which report, then "Save PDF…" or "Print…"; emits ``chosen(Report, Output)``."""

    chosen = Signal(object, object)

    def __init__(self, entry: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print / Save PDF"))
        self.setAccessibleName(self.tr("Print / Save PDF"))
        self.setMinimumWidth(460)
        self.explain = plain_label(self.tr("Which report?"), name=self.tr("Question"))
        self.entry_radio = QRadioButton(self.tr("Rubric report of this entry"), self)
        self.entry_radio.setAccessibleName(self.tr("Rubric report of this entry"))
        self.entry_name = plain_label(entry or self.tr("(no entry selected)"), name=self.tr("Current entry"))
        self.entry_name.setContentsMargins(26, 0, 0, 4)
        self.all_radio = QRadioButton(self.tr("Rubric reports of all entries"), self)
        self.all_radio.setAccessibleName(self.tr("Rubric reports of all entries"))
        self.summary_radio = QRadioButton(self.tr("My summary table"), self)
        self.summary_radio.setAccessibleName(self.tr("My summary table"))
        self.group = QButtonGroup(self)
        for radio in (self.entry_radio, self.all_radio, self.summary_radio):
            self.group.addButton(radio)
        self.entry_radio.setEnabled(entry is not None)
        (self.entry_radio if entry is not None else self.all_radio).setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        translate_buttons(self.buttons)
        self.save_button = QPushButton(self.tr("Save PDF…"), self)
        self.save_button.setAccessibleName(self.tr("Save PDF"))
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print"))
        self.print_button.setToolTip(self.tr("Opens the PDF in the computer's viewer, which prints it"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self._choose(Output.SAVE))
        self.print_button.clicked.connect(lambda: self._choose(Output.PRINT))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.entry_radio)
        layout.addWidget(self.entry_name)
        layout.addWidget(self.all_radio)
        layout.addWidget(self.summary_radio)
        layout.addWidget(self.buttons)

    def report(self) -> Report:
        if self.entry_radio.isChecked():
            return Report.ENTRY
        return Report.ALL if self.all_radio.isChecked() else Report.SUMMARY

    def _choose(self, output: Output) -> None:
        report = self.report()
        self.accept()
        self.chosen.emit(report, output)


class ReportsController(QObject):
    """Writes PDFs and the score workbook for the current round, off the UI thread."""

    notice = Signal(str)  # a short message for the status bar

    def __init__(
        self, ctx: AppContext, tasks: TaskRunner, window: QWidget, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._window = window
        self._print_folder: Path | None = None
        self._counter = itertools.count(1)
        self.dialog: PrintDialog | None = None
        self.message_box: QMessageBox | None = None
        self.last_written: Path | None = None

    # -- choosing ---------------------------------------------------------------------------------

    def show_print_dialog(self, ref: RoundRef, code: str | None, entry: str | None) -> PrintDialog:
        """The non-blocking choice dialog; ``code``/``entry`` describe the entry shown (if any)."""
        dialog = PrintDialog(entry if code is not None else None, self._window)
        dialog.chosen.connect(lambda report, output: self.write_pdf(ref, report, output, code))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        self.dialog = dialog
        return dialog

    def default_name(self, ref: RoundRef, report: Report, code: str | None) -> str:
        judge = safe_name(ref.judge_key)
        if report is Report.ENTRY and code is not None:
            return safe_name(self.tr("rubric-report-{code}.pdf").format(code=code))
        if report is Report.SUMMARY:
            return safe_name(self.tr("summary-{judge}.pdf").format(judge=judge))
        return safe_name(self.tr("rubric-reports-{judge}.pdf").format(judge=judge))

    # -- PDFs -------------------------------------------------------------------------------------

    def write_pdf(self, ref: RoundRef, report: Report, output: Output, code: str | None) -> bool:
        """Write the chosen report; saved where the judge says, or opened for printing."""
        name = self.default_name(ref, report, code)
        text = self.tr("Writing the PDF…")
        if output is Output.PRINT:
            target = self._print_path(name)
            job = self._pdf_job(ref, report, code, target)
            return self._tasks.run(job, text, lambda _pages: self._print(target), self._failed)
        path = ask_save_path(
            self._ctx, self._window, self.tr("Save PDF"), name, self.tr("PDF document (*.pdf)"), ".pdf"
        )
        if path is None:
            return False
        saved = path
        job = self._pdf_job(ref, report, code, saved)
        return self._tasks.run(job, text, lambda pages: self._saved_pdf(saved, pages), self._failed)

    def _pdf_job(self, ref: RoundRef, report: Report, code: str | None, path: Path) -> Callable[[], int]:
        db, profile, lang = self._ctx.db, self._ctx.profile, self._ctx.languages.current

        def job() -> int:
            if report is Report.SUMMARY:
                from e2judge.services.judge.reports import write_judge_summary

                return write_judge_summary(db, profile, ref, path, lang)
            from e2judge.services.judge.reports import write_entry_reports

            codes = [code] if report is Report.ENTRY and code is not None else None
            return write_entry_reports(db, profile, ref, path, codes=codes, lang=lang)

        return job

    def _print_path(self, name: str) -> Path:
        if self._print_folder is None:
            self._print_folder = Path(tempfile.mkdtemp(prefix="e2judge-print-"))
        folder = self._print_folder / str(next(self._counter))  # never over a file a viewer holds
        folder.mkdir()
        return folder / name

    def _saved_pdf(self, path: Path, pages: int) -> None:
        self.last_written = path
        self.notice.emit(self.tr("PDF saved ({pages} pages): {path}").format(pages=pages, path=path))

    def _print(self, path: Path) -> None:
        self.last_written = path
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.notice.emit(self.tr("The PDF is open in the viewer: print it from there."))
            return
        self._show_error(
            self.tr("No program on this computer can open PDF files."),
            self.tr("The PDF was written here: {path}").format(path=path),
        )

    # -- Excel ------------------------------------------------------------------------------------

    def export_excel(self, ref: RoundRef) -> bool:
        """Ask where, then write the judge's score workbook."""
        db, lang = self._ctx.db, self._ctx.languages.current

        def write(path: Path) -> None:
            from e2judge.services.judge.reports import write_judge_workbook

            write_judge_workbook(db, ref, path, lang)

        request = SaveRequest(
            self.tr("Export Excel"),
            safe_name(self.tr("scores-{judge}.xlsx").format(judge=ref.judge_key)),
            self.tr("Excel workbook (*.xlsx)"),
            ".xlsx",
            self.tr("Writing the workbook…"),
        )
        return save_in_background(
            self._ctx, self._tasks, self._window, request, write, self._saved, self._failed
        )

    def _saved(self, path: Path) -> None:
        self.last_written = path
        self.notice.emit(self.tr("Saved: {path}").format(path=path))

    # -- errors, cleanup --------------------------------------------------------------------------

    def _failed(self, error: Exception) -> None:
        if isinstance(error, InputRefused):
            detail = f"{error.source}\n\n{error.reason}"
        elif isinstance(error, OSError):
            detail = f"{error.filename or ''}\n\n{error.strerror or error}".strip()
        elif isinstance(error, EntryNotFound):
            detail = str(error)
        else:
            raise error
        self._show_error(self.tr("The file was not written."), detail)

    def _show_error(self, text: str, detail: str) -> None:
        box = show_message(self._window, QMessageBox.Icon.Critical, self.tr("Not written"), text, detail)
        box.finished.connect(lambda _r: setattr(self, "message_box", None))
        self.message_box = box

    def cleanup(self) -> None:
        """Remove the temporary PDFs made for printing (when the window closes)."""
        if self._print_folder is not None:
            shutil.rmtree(self._print_folder, ignore_errors=True)
            self._print_folder = None
