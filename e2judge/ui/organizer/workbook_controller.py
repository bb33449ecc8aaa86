"""Behaviour of the workbook page: check the workbook (off the UI thread), example, build batches."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from e2judge.core.assignment import Move, MoveRefused
from e2judge.core.errors import InputRefused
from e2judge.services.org.audit import current_actor
from e2judge.services.org.build import BuildSummary
from e2judge.services.org.validate import WorkbookCheck, check_workbook, split_where
from e2judge.ui.background import TaskRunner
from e2judge.ui.messages import show_message
from e2judge.ui.organizer.context import OrgContext
from e2judge.ui.organizer.jobs import Progress, ProgressRunner
from e2judge.ui.organizer.passphrases import passphrase_for
from e2judge.ui.organizer.plan_preview import JudgePlan, counts_text, plan_for, preview
from e2judge.ui.organizer.rows_model import Column, RowsModel
from e2judge.ui.organizer.workbook_page import WorkbookPage
from e2judge.ui.widgets import GREEN, RED


class ProblemRow:
    """One problem as the table shows it: sheet, cell, message."""

    __slots__ = ("cell", "message", "order", "sheet")

    def __init__(self, order: int, sheet: str, cell: str, message: str) -> None:
        self.order, self.sheet, self.cell, self.message = order, sheet, cell, message


def problems_model(parent: QObject) -> RowsModel[ProblemRow]:
    columns = [
        Column[ProblemRow](lambda r: str(r.order), key=lambda r: r.order, numeric=True),
        Column[ProblemRow](lambda r: r.sheet),
        Column[ProblemRow](lambda r: r.cell, key=lambda r: (len(r.cell), r.cell)),
        Column[ProblemRow](lambda r: r.message),
    ]

    def headers() -> list[str]:
        return [
            "#",
            QCoreApplication.translate("OrgTables", "Sheet"),
            QCoreApplication.translate("OrgTables", "Cell"),
            QCoreApplication.translate("OrgTables", "Problem"),
        ]

    return RowsModel(columns, headers, parent)


def plan_model(parent: QObject) -> RowsModel[JudgePlan]:
    columns = [
        Column[JudgePlan](lambda r: r.judge_id),
        Column[JudgePlan](lambda r: r.name),
        Column[JudgePlan](lambda r: str(r.load), key=lambda r: r.load, numeric=True),
        Column[JudgePlan](lambda r: counts_text(r.categories)),
        Column[JudgePlan](lambda r: counts_text(r.provinces)),
        Column[JudgePlan](
            lambda r: str(r.own_school_avoided), key=lambda r: r.own_school_avoided, numeric=True
        ),
    ]

    def headers() -> list[str]:
        return [
            QCoreApplication.translate("OrgTables", "Judge"),
            QCoreApplication.translate("OrgTables", "Name"),
            QCoreApplication.translate("OrgTables", "Entries"),
            QCoreApplication.translate("OrgTables", "Per category"),
            QCoreApplication.translate("OrgTables", "Per province"),
            QCoreApplication.translate("OrgTables", "Own-school entries avoided"),
        ]

    return RowsModel(columns, headers, parent)


class WorkbookController(QObject):
    """Checks the chosen workbook and builds the batches from it."""

    def __init__(
        self,
        ctx: OrgContext,
        tasks: TaskRunner,
        jobs: ProgressRunner,
        window: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.jobs, self.window = ctx, tasks, jobs, window
        self.problems = problems_model(self)
        self.plan = plan_model(self)
        self.page = WorkbookPage(self.problems, self.plan)  # type: ignore[arg-type]
        self.workbook: Path | None = None
        self.check: WorkbookCheck | None = None
        self.moves: list[Move] = []
        self.move_problem = ""
        self.current_plan: dict[str, list[str]] | None = None
        self.page.move_button.clicked.connect(self.move)
        self.page.move_entry.currentIndexChanged.connect(lambda _i: self._suggest_source())
        self.page.open_button.clicked.connect(self.choose)
        self.page.recheck_button.clicked.connect(self.recheck)
        self.page.example_button.clicked.connect(self.write_example)
        self.page.build_button.clicked.connect(self.build)
        self.page.dropped.connect(self.open_workbook)
        self.page.per_entry.setValue(2)
        self.page.per_entry.valueChanged.connect(lambda _v: self.recheck())
        self.refresh()

    # -- actions ------------------------------------------------------------------------------------

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Open the organizer's workbook"), "", self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.open_workbook(Path(path))

    def open_workbook(self, path: Path) -> None:
        if path != self.workbook:
            self.moves = []
        self.workbook = path
        self.recheck()

    def recheck(self) -> None:
        """Read the workbook again, off the UI thread, and list every problem."""
        workbook = self.workbook
        if workbook is None:
            return
        per_entry = self.page.per_entry.value()
        self.tasks.run(
            lambda: check_workbook(workbook, None, per_entry),
            self.tr("Checking the workbook…"),
            self._checked,
            self._check_failed,
        )

    def _checked(self, check: WorkbookCheck) -> None:
        self.check = check
        rows = []
        for number, problem in enumerate(check.problems, start=1):
            sheet, cell = split_where(problem.where)
            rows.append(ProblemRow(number, sheet, cell, problem.message))
        self.problems.set_rows(rows)
        self._replan()

    def _replan(self) -> None:
        """The preview with the manual moves that still apply (one that no longer does is dropped)."""
        spec = self.check.spec if self.check else None
        plan = None
        if spec is not None:
            kept: list[Move] = []
            for move in self.moves:
                try:
                    plan_for(spec, self.page.per_entry.value(), [*kept, move])
                except MoveRefused:
                    continue
                kept.append(move)
            self.moves = kept
            plan = plan_for(spec, self.page.per_entry.value(), kept)
        self.current_plan = plan
        self.plan.set_rows(preview(spec, plan) if spec is not None else [])
        self._fill_move_choices()
        self.refresh()

    def _fill_move_choices(self) -> None:
        page, plan = self.page, self.current_plan
        codes = sorted({c for codes in plan.values() for c in codes}) if plan else []
        judges = sorted(plan) if plan else []
        for combo, values in ((page.move_entry, codes), (page.move_from, judges), (page.move_to, judges)):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(values)
            if current in values:
                combo.setCurrentText(current)
            combo.blockSignals(False)
        self._suggest_source()

    def _suggest_source(self) -> None:
        """Put in "from" a judge who has the chosen entry."""
        plan, code = self.current_plan, self.page.move_entry.currentText()
        if plan and code and code not in plan.get(self.page.move_from.currentText(), []):
            holder = next((j for j in sorted(plan) if code in plan[j]), "")
            self.page.move_from.setCurrentText(holder)

    def move(self) -> None:
        """Move the chosen entry between judges; refused, with the reason, when it breaks a rule."""
        spec, page = self.check.spec if self.check else None, self.page
        if spec is None:
            return
        move = Move(
            page.move_entry.currentText(),
            page.move_from.currentText(),
            page.move_to.currentText(),
            current_actor(),
        )
        try:
            plan_for(spec, page.per_entry.value(), [*self.moves, move])
        except MoveRefused as refused:
            self.move_problem = self.tr("Not moved: {reason}").format(reason=refused.reason)
            self.refresh()
            return
        self.moves.append(move)
        self.move_problem = ""
        self._replan()

    def moves_text(self) -> str:
        if self.move_problem:
            return self.move_problem
        if not self.moves:
            return self.tr("No manual change: the plan is as computed.")
        changes = "; ".join(f"{m.code}: {m.source} → {m.target}" for m in self.moves)
        return self.tr("Manual changes (recorded with your name at build): {changes}").format(changes=changes)

    def _check_failed(self, error: Exception) -> None:
        self.check = None
        self.problems.set_rows([])
        self._replan()
        if not isinstance(error, InputRefused):
            raise error
        show_message(
            self.window,
            QMessageBox.Icon.Warning,
            self.tr("Cannot read the workbook"),
            self.tr("{file} cannot be read as an Excel workbook.").format(file=error.source),
            error.reason,
        )

    def write_example(self) -> None:
        target = self.ctx.ask_save(
            self.window, self.tr("Save the example workbook"), "vi-du-ban-to-chuc.xlsx"
        )
        if target is None:
            return
        from e2judge.xlsx.org_template import write_template

        self.tasks.run(
            lambda: write_template(target, example=True),
            self.tr("Writing the example workbook…"),
            lambda _r: self.open_workbook(target),
            lambda exc: self._write_failed(target, exc),
        )

    def _write_failed(self, target: Path, error: Exception) -> None:
        if not isinstance(error, OSError | InputRefused):
            raise error
        show_message(
            self.window,
            QMessageBox.Icon.Warning,
            self.tr("Not written"),
            self.tr("{file} could not be written; nothing was changed.").format(file=target),
            str(error),
        )

    def build(self) -> None:
        """Sign and write one batch per judge into a folder the organizer chooses."""
        check, orgdir = self.check, self.ctx.orgdir
        if check is None or check.spec is None or orgdir is None or self.workbook is None:
            return
        out = self.ctx.ask_folder(self.window, self.tr("Folder for the batch files"), "lo-bai")
        if out is None:
            return
        passphrase = passphrase_for(
            self.ctx,
            self.window,
            self.tr("Sign the batches of {contest}").format(contest=check.spec.contest_name),
        )
        if passphrase is None:
            return
        from e2judge.services.org.build import build_batches
        from e2judge.services.org.handouts import write_handouts

        workbook, per_entry, moves = self.workbook, self.page.per_entry.value(), list(self.moves)
        lang = self.ctx.languages.current

        def job(progress: Progress) -> tuple[BuildSummary, list[Path]]:
            summary = build_batches(
                orgdir, workbook, out, passphrase, judges_per_entry=per_entry, moves=moves, progress=progress
            )
            return summary, write_handouts(orgdir, summary.files, out, lang)

        self.jobs.run(
            job,
            self.tr("Signing and writing the batches…"),
            self._built,
            self._build_failed,
            self._build_cancelled,
        )

    def _build_cancelled(self) -> None:
        show_message(
            self.window,
            QMessageBox.Icon.Information,
            self.tr("Build cancelled"),
            self.tr("Nothing was signed or recorded; no batch file was left behind."),
        )

    def _built(self, built: tuple[BuildSummary, list[Path]]) -> None:
        summary, handouts = built
        self.last_build = summary
        names = [p.name for p in summary.files] + [
            p.name + " " + self.tr("(unchanged)") for p in summary.unchanged
        ]
        names += [p.name for p in handouts]
        show_message(
            self.window,
            QMessageBox.Icon.Information,
            self.tr("Batches written"),
            self.tr("{count} batch files written for {contest} — {round}.").format(
                count=len(summary.files), contest=summary.contest_id, round=summary.round_name
            ),
            "\n".join(names),
        )
        self.ctx.changed()

    def _build_failed(self, error: Exception) -> None:
        if not isinstance(error, InputRefused):
            raise error
        from e2judge.core.errors import ValidationFailed

        detail = error.details() if isinstance(error, ValidationFailed) else error.reason
        show_message(
            self.window,
            QMessageBox.Icon.Warning,
            self.tr("Batches not written"),
            self.tr("{file}: nothing was signed or written.").format(file=error.source),
            detail,
        )

    # -- state --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        page, check = self.page, self.check
        page.file_label.setText(str(self.workbook) if self.workbook else self.tr("No workbook open yet."))
        page.recheck_button.setEnabled(self.workbook is not None)
        ready = check is not None and check.ok and self.ctx.orgdir is not None
        page.build_button.setEnabled(ready)
        if check is None:
            page.summary.setText("")
        elif check.problems:
            page.summary.setText(
                self.tr("Problems found: {count}. Fix them in Excel, save, then press Check again.").format(
                    count=len(check.problems)
                )
            )
            page.summary.setStyleSheet(f"color: {RED};")
        else:
            page.summary.setText(
                self.tr("No problem found: {entries} entries, {judges} judges. Ready to build.").format(
                    entries=check.entries, judges=check.judges
                )
            )
            page.summary.setStyleSheet(f"color: {GREEN};")
        page.plan_title.setText(
            self.tr("Assignment preview (before anything is signed)") if self.plan.rows else ""
        )
        page.moves_label.setText(self.moves_text() if self.plan.rows else "")
        page.moves_label.setStyleSheet(f"color: {RED};" if self.move_problem else "")
        for widget in (page.move_button, page.move_entry, page.move_from, page.move_to):
            widget.setEnabled(bool(self.plan.rows))
        page.problems.setVisible(check is None or bool(check.problems))
        page.plan.setVisible(bool(self.plan.rows) or check is None)

    def retranslate(self) -> None:
        self.problems.retranslate()
        self.plan.retranslate()
        self.refresh()
