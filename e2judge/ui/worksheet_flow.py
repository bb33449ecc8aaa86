"""File → "Offline Excel worksheet": export it, and import it back after scoring in Excel.

Import first runs ``import_worksheet(dry_run=True)``: a wrong cell lists every problem by cell and
applies nothing; cells also changed in the app since the export are listed and the judge chooses
to overwrite them or keep the app's values (the other changes are applied either way). The
changes go through ``services.scoring`` (audit log included); the window then re-reads the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from e2judge.core.errors import InputRefused, ValidationFailed
from e2judge.services.judge.rounds import RoundRef
from e2judge.ui.attachments import safe_name
from e2judge.ui.background import SaveRequest, TaskRunner, save_in_background
from e2judge.ui.context import AppContext
from e2judge.ui.file_choice import ask_open_path
from e2judge.ui.i18n import fmt_number, translate_buttons
from e2judge.ui.messages import Button, ask, listing, show_message
from e2judge.ui.widgets import plain_label

if TYPE_CHECKING:
    from e2judge.services.judge.worksheet import PlannedChange, WorksheetImport

MAX_SHOWN_TEXT = 40


class ProblemsDialog(QDialog):
    """Every problem found in a refused worksheet, one per line (cell reference first)."""

    def __init__(self, file_name: str, problems: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Worksheet refused"))
        self.setAccessibleName(self.tr("Worksheet refused"))
        self.resize(720, 420)
        self.headline = plain_label(
            self.tr(
                "{file} has {n} problems. Nothing was applied: correct these cells in Excel, save, "
                "and import the worksheet again."
            ).format(file=file_name, n=len(problems)),
            name=self.tr("Outcome"),
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Problems"))
        self.list.setWordWrap(True)
        self.list.addItems(list(problems))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        translate_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def problems(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]


class WorksheetController(QObject):
    """Exports and imports the offline worksheet of the current round."""

    applied = Signal(object)  # WorksheetImport after applying; None when applying stopped half-way
    notice = Signal(str)  # a short message for the status bar

    def __init__(
        self, ctx: AppContext, tasks: TaskRunner, window: QWidget, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._window = window
        self.dialog: QDialog | None = None
        self.message_box: QMessageBox | None = None

    # -- export -----------------------------------------------------------------------------------

    def export(self, ref: RoundRef) -> bool:
        db, lang = self._ctx.db, self._ctx.languages.current

        def write(path: Path) -> None:
            from e2judge.services.judge.worksheet import export_worksheet

            export_worksheet(db, ref, path, lang)

        request = SaveRequest(
            self.tr("Export offline worksheet"),
            safe_name(self.tr("worksheet-{judge}.xlsx").format(judge=ref.judge_key)),
            self.tr("Excel workbook (*.xlsx)"),
            ".xlsx",
            self.tr("Writing the worksheet…"),
        )
        return save_in_background(
            self._ctx, self._tasks, self._window, request, write, self._exported, self._failed
        )

    def _exported(self, path: Path) -> None:
        self.notice.emit(self.tr("Saved: {path}").format(path=path))
        self._show(
            QMessageBox.Icon.Information,
            self.tr("Offline worksheet exported"),
            self.tr(
                "Score in the worksheet with Excel or LibreOffice (only the score and comment columns "
                "can be edited), save it, then use “Import worksheet…” to bring the scores back."
            ),
            str(path),
        )

    # -- import -----------------------------------------------------------------------------------

    def import_file(self, ref: RoundRef, actor: str, path: Path | None = None) -> bool:
        """Check the worksheet (nothing applied), then ask about conflicts and apply."""
        if path is None:
            path = ask_open_path(
                self._ctx,
                self._window,
                self.tr("Import offline worksheet"),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if path is None:
                return False
        db, source = self._ctx.db, path

        def check() -> WorksheetImport:
            from e2judge.services.judge.worksheet import import_worksheet

            return import_worksheet(db, ref, source, actor=actor, dry_run=True)

        return self._tasks.run(
            check,
            self.tr("Checking the worksheet…"),
            lambda r: self._checked(ref, actor, source, r),
            self._failed,
        )

    def _checked(self, ref: RoundRef, actor: str, path: Path, plan: WorksheetImport) -> None:
        if not plan.changes:
            self._show(
                QMessageBox.Icon.Information,
                self.tr("Nothing to import"),
                self.tr("The worksheet holds the same scores and comments as the app. Nothing was changed."),
                path.name,
            )
            return
        overwrite = False
        if plan.conflicts:
            answer = ask(
                self._window,
                self.tr("Changed in both places"),
                self.tr(
                    "{n} cells were changed in the app after the worksheet was exported, and also in the "
                    "worksheet. Overwrite the scores in the app?"
                ).format(n=len(plan.conflicts)),
                self.tr(
                    "Yes: use the worksheet's values. No: keep the app's values for these cells and "
                    "apply only the other {other} changes.\n\n{cells}"
                ).format(
                    other=len(plan.changes) - len(plan.conflicts),
                    cells=listing([self.describe_conflict(ref, c) for c in plan.conflicts]),
                ),
                buttons=Button.Yes | Button.No | Button.Cancel,
                default=Button.Cancel,
            )
            if answer == Button.Cancel:
                self.notice.emit(self.tr("Worksheet import cancelled; nothing was changed."))
                return
            overwrite = answer == Button.Yes
        db = self._ctx.db

        def apply() -> WorksheetImport:
            from e2judge.services.judge.worksheet import import_worksheet

            return import_worksheet(db, ref, path, overwrite=overwrite, actor=actor)

        self._tasks.run(apply, self.tr("Applying the worksheet…"), self._applied, self._apply_failed)

    def _applied(self, result: WorksheetImport) -> None:
        self.applied.emit(result)
        lines = [self.tr("Changes applied: {n}").format(n=len(result.applied))]
        if result.skipped:
            lines.append(
                self.tr("Conflicting cells not applied (the app's values kept): {n}").format(
                    n=len(result.skipped)
                )
            )
        elif result.conflicts:
            lines.append(
                self.tr("Conflicting cells overwritten with the worksheet's values: {n}").format(
                    n=len(result.conflicts)
                )
            )
        self._show(
            QMessageBox.Icon.Information,
            self.tr("Worksheet imported"),
            "\n".join(lines),
            Path(result.source).name,
        )
        self.notice.emit(self.tr("Worksheet imported: {n} changes applied.").format(n=len(result.applied)))

    def _apply_failed(self, error: Exception) -> None:
        self.applied.emit(None)  # some cells may have been applied before the refusal: show them
        self._failed(error)

    def describe_conflict(self, ref: RoundRef, change: PlannedChange) -> str:
        """One conflicting cell: where, which entry and field, the app's and the worksheet's values."""
        if change.criterion_key is None:
            what = self.tr("overall comment")
        else:
            title = next(
                (c.title for c in ref.rubric.criteria if c.id == change.criterion_key), change.criterion_key
            )
            what = (
                title
                if change.field == "points"
                else self.tr("comment on {criterion}").format(criterion=title)
            )
        return self.tr("{cell}: {code} · {what}: app {app}, worksheet {sheet}").format(
            cell=change.where,
            code=change.code,
            what=what,
            app=self._value(change.current),
            sheet=self._value(change.new),
        )

    def _value(self, value: float | str | None) -> str:
        if value is None or value == "":
            return self.tr("(empty)")
        if isinstance(value, float):
            return fmt_number(value)
        one_line = " ".join(value.split())
        if len(one_line) > MAX_SHOWN_TEXT:
            one_line = one_line[: MAX_SHOWN_TEXT - 1] + "…"
        return f"“{one_line}”"

    # -- outcome ----------------------------------------------------------------------------------

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValidationFailed):
            dialog = ProblemsDialog(Path(error.source).name, [str(p) for p in error.problems], self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
            dialog.open()
            self.dialog = dialog
            return
        if isinstance(error, InputRefused):
            detail = f"{Path(error.source).name}\n\n{error.reason}"
        elif isinstance(error, OSError):
            detail = f"{error.filename or ''}\n\n{error.strerror or error}".strip()
        else:
            raise error
        self._show(
            QMessageBox.Icon.Critical,
            self.tr("Worksheet refused"),
            self.tr("The worksheet was not used. Nothing was changed."),
            detail,
        )

    def _show(self, icon: QMessageBox.Icon, title: str, text: str, detail: str) -> None:
        box = show_message(self._window, icon, title, text, detail)
        box.finished.connect(lambda _r: setattr(self, "message_box", None))
        self.message_box = box
