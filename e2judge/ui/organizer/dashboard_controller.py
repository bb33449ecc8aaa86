"""The dashboard: one row per judge (batch issued, last sheet, scored of assigned, missing).

Filters "not returned" and "incomplete"; one click copies a polite reminder for the judges still
missing, in the UI language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from e2judge.services.org.progress import JudgeProgress, RoundInfo, judge_progress
from e2judge.ui.organizer.context import OrgContext
from e2judge.ui.organizer.enrol import EnrolController
from e2judge.ui.organizer.rows_model import Column, RowsModel, none_last
from e2judge.ui.organizer.workbook_page import table_view
from e2judge.ui.widgets import AMBER, GREEN, GREY, RED, local_datetime, plain_label

FILTERS = ("all", "not-returned", "incomplete")


def progress_model(parent: QObject, lang: Callable[[], str]) -> RowsModel[JudgeProgress]:

    def when(moment: object) -> str:
        return local_datetime(moment, lang()) if isinstance(moment, datetime) else "—"

    def status_colour(r: JudgeProgress) -> str:
        return GREEN if r.complete else (AMBER if r.returned else RED)

    columns = [
        Column[JudgeProgress](lambda r: r.judge_key),
        Column[JudgeProgress](lambda r: r.name),
        Column[JudgeProgress](
            lambda r: (
                when(r.issued_at)
                if r.batch_revision
                else QCoreApplication.translate("OrgTables", "not issued")
            ),
            key=lambda r: (r.issued_at is None, r.issued_at.timestamp() if r.issued_at else 0),
        ),
        Column[JudgeProgress](
            lambda r: (
                QCoreApplication.translate("OrgTables", "revision {n}").format(n=r.sheet_revision)
                if r.sheet_revision
                else QCoreApplication.translate("OrgTables", "none yet")
            ),
            key=lambda r: none_last(r.sheet_revision),
            colour=status_colour,
        ),
        Column[JudgeProgress](
            lambda r: when(r.received_at),
            key=lambda r: (r.received_at is None, r.received_at.timestamp() if r.received_at else 0),
        ),
        Column[JudgeProgress](
            lambda r: f"{r.scored} / {r.assigned}",
            key=lambda r: r.scored / r.assigned if r.assigned else 0,
            numeric=True,
        ),
        Column[JudgeProgress](lambda r: str(r.conflicts), key=lambda r: r.conflicts, numeric=True),
        Column[JudgeProgress](
            lambda r: str(r.missing),
            key=lambda r: r.missing,
            numeric=True,
            colour=lambda r: RED if r.missing else GREEN,
        ),
    ]

    def headers() -> list[str]:
        return [
            QCoreApplication.translate("OrgTables", "Judge"),
            QCoreApplication.translate("OrgTables", "Name"),
            QCoreApplication.translate("OrgTables", "Batch issued"),
            QCoreApplication.translate("OrgTables", "Last sheet"),
            QCoreApplication.translate("OrgTables", "Received"),
            QCoreApplication.translate("OrgTables", "Scored / assigned"),
            QCoreApplication.translate("OrgTables", "Conflicts"),
            QCoreApplication.translate("OrgTables", "Missing"),
        ]

    return RowsModel(columns, headers, parent)


def keep(row: JudgeProgress, which: str) -> bool:
    if which == "not-returned":
        return not row.returned
    if which == "incomplete":
        return not row.complete
    return True


class DashboardPage(QWidget):
    def __init__(self, model: RowsModel[JudgeProgress], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QComboBox(self)
        self.filter_label = QLabel(self)
        self.filter_label.setBuddy(self.filter)
        self.remind_button = QPushButton(self)
        self.enrol_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.summary = plain_label()
        font = self.summary.font()
        font.setWeight(font.Weight.DemiBold)
        self.summary.setFont(font)
        self.copied = plain_label()
        self.copied.setStyleSheet(f"color: {GREY};")
        self.table = table_view(self, model, "")  # type: ignore[arg-type]
        row = QHBoxLayout()
        row.addWidget(self.filter_label)
        row.addWidget(self.filter)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.enrol_button)
        row.addWidget(self.remind_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.copied)
        self.retranslate()

    def retranslate(self) -> None:
        current = max(self.filter.currentIndex(), 0)
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItems([self.tr("All judges"), self.tr("Not returned"), self.tr("Incomplete")])
        self.filter.setCurrentIndex(current)
        self.filter.blockSignals(False)
        self.filter_label.setText(self.tr("Show:"))
        self.filter.setAccessibleName(self.tr("Which judges to show"))
        for button, text in (
            (self.remind_button, self.tr("Copy reminder for missing judges")),
            (self.refresh_button, self.tr("Refresh")),
            (self.enrol_button, self.tr("Enrol selected judge's key…")),
        ):
            button.setText(text)
            button.setAccessibleName(text)
        self.summary.setAccessibleName(self.tr("Progress summary"))
        self.copied.setAccessibleName(self.tr("Reminder status"))
        self.table.setAccessibleName(self.tr("Progress per judge"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class DashboardController(QObject):
    def __init__(self, ctx: OrgContext, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enroller = EnrolController(ctx, window, self)
        self.model = progress_model(self, lambda: ctx.languages.current)
        self.page = DashboardPage(self.model)
        self.round: RoundInfo | None = None
        self.all_rows: list[JudgeProgress] = []
        self.page.filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.page.refresh_button.clicked.connect(self.load)
        self.page.remind_button.clicked.connect(self.copy_reminder)
        self.page.enrol_button.clicked.connect(self.enrol_selected)
        self.page.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self._selection_changed()

    def selected(self) -> JudgeProgress | None:
        rows = self.page.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        self.page.enrol_button.setEnabled(self.selected() is not None)

    def enrol_selected(self) -> None:
        judge = self.selected()
        if judge is not None:
            self.enroller.choose(judge)

    def set_round(self, rnd: RoundInfo | None) -> None:
        self.round = rnd
        self.load()

    def load(self) -> None:
        orgdir = self.ctx.orgdir
        self.all_rows = judge_progress(orgdir, self.round.id) if orgdir is not None and self.round else []
        self.apply_filter()

    def apply_filter(self) -> None:
        which = FILTERS[max(self.page.filter.currentIndex(), 0)]
        self.model.set_rows([r for r in self.all_rows if keep(r, which)])
        rows = self.all_rows
        returned = sum(r.returned for r in rows)
        complete = sum(r.complete for r in rows)
        self.page.summary.setText(
            self.tr(
                "{judges} judges: {returned} sent a sheet, {complete} complete, {missing} still missing."
            ).format(judges=len(rows), returned=returned, complete=complete, missing=len(rows) - complete)
            if rows
            else self.tr("No batch has been built in this workspace yet.")
        )
        self.page.remind_button.setEnabled(any(not r.complete for r in rows))

    def missing_judges(self) -> list[JudgeProgress]:
        return [r for r in self.all_rows if not r.complete]

    def reminder_text(self) -> str:
        rnd = self.round
        missing = self.missing_judges()
        if rnd is None or not missing:
            return ""
        lines = [
            self.tr("Subject: Reminder — score sheet for {contest} ({round})").format(
                contest=rnd.contest_name, round=rnd.round_name
            ),
            "",
            self.tr("Dear judges,"),
            "",
            self.tr(
                "Thank you for your time and care in judging {contest}. The organizing committee has not "
                "yet received a complete score sheet from the following judges:"
            ).format(contest=rnd.contest_name),
        ]
        for r in missing:
            state = (
                self.tr("no sheet received yet")
                if not r.returned
                else self.tr("{missing} of {assigned} entries still to score").format(
                    missing=r.missing, assigned=r.assigned
                )
            )
            lines.append(f"• {r.name} ({r.judge_key}): {state}")
        lines += [""]
        if rnd.deadline:
            lines.append(self.tr("The deadline is {deadline}.").format(deadline=rnd.deadline))
        lines += [
            self.tr(
                "When you have finished, please use File → Export score sheet in E2 Judge and send us the "
                ".e2sheet file by USB stick or email. If anything is unclear, reply to this message and we "
                "will gladly help."
            ),
            "",
            self.tr("With many thanks,"),
            self.tr("The organizing committee"),
        ]
        return "\n".join(lines)

    def copy_reminder(self) -> None:
        text = self.reminder_text()
        if not text:
            return
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        self.page.copied.setText(
            self.tr("Reminder for {count} judges copied: paste it into an email or a message.").format(
                count=len(self.missing_judges())
            )
        )

    def retranslate(self) -> None:
        self.model.retranslate()
        self.apply_filter()
