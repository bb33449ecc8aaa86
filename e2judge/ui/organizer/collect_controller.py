"""Collecting sheets: drop files, folders or a whole USB stick; one verdict row per file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from e2judge.core.errors import InputRefused
from e2judge.services.org.collect import CollectReport, CollectRow, sheet_files
from e2judge.services.org.verdicts import Explained, Kind, explain
from e2judge.ui.background import TaskRunner
from e2judge.ui.messages import show_message
from e2judge.ui.organizer.context import OrgContext
from e2judge.ui.organizer.passphrases import passphrase_for
from e2judge.ui.organizer.rows_model import Column, RowsModel
from e2judge.ui.organizer.workbook_page import dropped_paths, table_view
from e2judge.ui.widgets import AMBER, GREEN, GREY, RED, plain_label

COLOURS = {
    Kind.ACCEPTED: GREEN,
    Kind.NEWER: GREEN,
    Kind.DUPLICATE: GREY,
    Kind.OLDER: AMBER,
    Kind.NEEDS_PASSPHRASE: AMBER,
}


def usb_files(paths: Sequence[Path]) -> list[Path]:
    """What to collect from the dropped paths: a folder without sheets at its top is searched one
    level down (a USB stick where each judge made a folder); still none, and it is reported."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir() or _has_sheets(path):
            found.append(path)
            continue
        subs = [sub for sub in sorted(path.iterdir()) if sub.is_dir() and _has_sheets(sub)]
        found.extend(subs or [path])
    return found


def _has_sheets(folder: Path) -> bool:
    return bool(sheet_files([folder])[0])


def verdict_model(parent: QObject) -> RowsModel[Explained]:
    columns = [
        Column[Explained](lambda r: Path(r.row.file).name),
        Column[Explained](lambda r: r.row.judge if r.row.judge != "?" else "—"),
        Column[Explained](
            lambda r: "" if r.row.revision is None else str(r.row.revision),
            key=lambda r: r.row.revision or 0,
            numeric=True,
        ),
        Column[Explained](lambda r: r.label, colour=lambda r: COLOURS.get(r.kind, RED)),
        Column[Explained](lambda r: r.explanation),
        Column[Explained](lambda r: r.row.reason),
    ]

    def headers() -> list[str]:
        return [
            QCoreApplication.translate("OrgTables", "File"),
            QCoreApplication.translate("OrgTables", "Judge"),
            QCoreApplication.translate("OrgTables", "Revision"),
            QCoreApplication.translate("OrgTables", "Verdict"),
            QCoreApplication.translate("OrgTables", "What it means"),
            QCoreApplication.translate("OrgTables", "Details"),
        ]

    return RowsModel(columns, headers, parent)


class CollectPage(QWidget):
    """Layout: buttons, a hint, the counts and the verdict table; files and folders can be dropped."""

    dropped = Signal(list)

    def __init__(self, model: RowsModel[Explained], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.files_button = QPushButton(self)
        self.folder_button = QPushButton(self)
        self.hint = plain_label()
        self.hint.setStyleSheet(f"color: {GREY};")
        self.summary = plain_label()
        font = self.summary.font()
        font.setWeight(font.Weight.DemiBold)
        self.summary.setFont(font)
        self.table = table_view(self, model, "")  # type: ignore[arg-type]
        row = QHBoxLayout()
        row.addWidget(self.files_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        for button, text in (
            (self.files_button, self.tr("Collect sheet files…")),
            (self.folder_button, self.tr("Collect a folder or USB stick…")),
        ):
            button.setText(text)
            button.setAccessibleName(text.rstrip("…"))
        self.hint.setText(
            self.tr(
                "Drop score sheets (.e2sheet), folders or a whole USB stick here. Each file is checked "
                "on its own; nothing is merged from a refused file."
            )
        )
        self.hint.setAccessibleName(self.tr("How to collect sheets"))
        self.summary.setAccessibleName(self.tr("Collect result"))
        self.table.setAccessibleName(self.tr("Verdict for each file"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.dropped.emit(paths)


class CollectController(QObject):
    """Runs ``collect_sheets`` off the UI thread and shows one verdict row per file."""

    def __init__(
        self, ctx: OrgContext, tasks: TaskRunner, window: QWidget, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.window = ctx, tasks, window
        self.model = verdict_model(self)
        self.page = CollectPage(self.model)
        self.report: CollectReport | None = None
        self.page.files_button.clicked.connect(self.choose_files)
        self.page.folder_button.clicked.connect(self.choose_folder)
        self.page.dropped.connect(self.collect)
        self.refresh()

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self.window, self.tr("Score sheets to collect"), "", self.tr("Score sheets (*.e2sheet)")
        )
        if names:
            self.collect([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Folder or USB stick with score sheets")
        )
        if folder:
            self.collect([Path(folder)])

    def collect(self, paths: Sequence[Path]) -> None:
        orgdir = self.ctx.orgdir
        if orgdir is None or not paths:
            return
        from e2judge.services.org.collect import collect_sheets, needs_passphrase

        inputs = usb_files(paths)
        files, _rows = sheet_files(inputs)
        passphrase: str | None = None
        if needs_passphrase(files):
            passphrase = passphrase_for(
                self.ctx,
                self.window,
                self.tr("Open the sealed score sheets ({count} files)").format(count=len(files)),
            )
            if passphrase is None:
                return
        self.tasks.run(
            lambda: collect_sheets(orgdir, inputs, passphrase),
            self.tr("Checking and merging the score sheets…"),
            self._collected,
            self._failed,
        )

    def _collected(self, report: CollectReport) -> None:
        self.show_report(report.rows)
        self.ctx.changed()

    def show_report(self, rows: Sequence[CollectRow]) -> None:
        """Show one verdict row per file (the last collect's)."""
        self.report = CollectReport(tuple(rows))
        self.model.set_rows([explain(row) for row in rows])
        self.refresh()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, InputRefused):
            raise error
        show_message(
            self.window,
            QMessageBox.Icon.Warning,
            self.tr("Nothing collected"),
            self.tr("{file}: nothing was merged.").format(file=error.source),
            error.reason,
        )

    def refresh(self) -> None:
        rows = self.model.rows
        if not rows:
            self.page.summary.setText("")
            return
        merged = sum(1 for r in rows if r.merged)
        refused = sum(
            1 for r in rows if r.kind not in (Kind.ACCEPTED, Kind.NEWER, Kind.DUPLICATE, Kind.OLDER)
        )
        self.page.summary.setText(
            self.tr("{files} files: {merged} merged, {refused} refused, {other} without change.").format(
                files=len(rows), merged=merged, refused=refused, other=len(rows) - merged - refused
            )
        )

    def retranslate(self) -> None:
        if self.report is not None:
            self.model.set_rows([explain(row) for row in self.report.rows])
        self.model.retranslate()
        self.refresh()
