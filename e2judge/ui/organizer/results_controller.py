"""Results: the ranking with raw and normalised totals, flags, judges' severity, charts, exports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from e2judge.core.errors import InputRefused
from e2judge.services.org.exports import export_results
from e2judge.services.org.progress import RoundInfo
from e2judge.services.org.results import EntryResult, JudgeResult, Results, compute_results
from e2judge.ui.background import TaskRunner
from e2judge.ui.histogram import Histogram
from e2judge.ui.i18n import fmt_number
from e2judge.ui.messages import show_message
from e2judge.ui.organizer.charts import BoxPlot, box_of
from e2judge.ui.organizer.context import OrgContext
from e2judge.ui.organizer.rows_model import Column, RowsModel, none_last
from e2judge.ui.organizer.workbook_page import table_view
from e2judge.ui.widgets import AMBER, GREY, RED, plain_label

ALL = ""


def _num(value: float | None) -> str:
    return "—" if value is None else fmt_number(round(value, 2))


def entries_model(parent: QObject) -> RowsModel[EntryResult]:
    columns = [
        Column[EntryResult](
            lambda r: str(r.rank) if r.rank else "—", key=lambda r: none_last(r.rank), numeric=True
        ),
        Column[EntryResult](lambda r: r.code),
        Column[EntryResult](lambda r: r.title),
        Column[EntryResult](lambda r: r.category),
        Column[EntryResult](lambda r: r.province),
        Column[EntryResult](
            lambda r: f"{r.returned} / {r.assigned}", key=lambda r: (r.returned, r.assigned), numeric=True
        ),
        Column[EntryResult](lambda r: _num(r.mean), key=lambda r: none_last(r.mean), numeric=True),
        Column[EntryResult](
            lambda r: _num(r.normalised), key=lambda r: none_last(r.normalised), numeric=True
        ),
        Column[EntryResult](
            lambda r: _num(r.spread),
            key=lambda r: none_last(r.spread),
            numeric=True,
            colour=lambda r: RED if r.discrepancy else None,
        ),
        Column[EntryResult](
            lambda r: QCoreApplication.translate("OrgTables", "discrepancy") if r.discrepancy else "",
            key=lambda r: not r.discrepancy,
            colour=lambda r: RED,
        ),
        Column[EntryResult](
            lambda r: str(r.missing) if r.missing else "",
            key=lambda r: r.missing,
            numeric=True,
            colour=lambda r: AMBER,
        ),
    ]

    def headers() -> list[str]:
        return [
            QCoreApplication.translate("OrgTables", "Rank"),
            QCoreApplication.translate("OrgTables", "Entry"),
            QCoreApplication.translate("OrgTables", "Title"),
            QCoreApplication.translate("OrgTables", "Category"),
            QCoreApplication.translate("OrgTables", "Province"),
            QCoreApplication.translate("OrgTables", "Scores"),
            QCoreApplication.translate("OrgTables", "Raw mean"),
            QCoreApplication.translate("OrgTables", "Normalised"),
            QCoreApplication.translate("OrgTables", "Spread"),
            QCoreApplication.translate("OrgTables", "Flag"),
            QCoreApplication.translate("OrgTables", "Missing scores"),
        ]

    return RowsModel(columns, headers, parent)


def judges_model(parent: QObject) -> RowsModel[JudgeResult]:

    def severity(r: JudgeResult) -> str:
        if r.severity is None:
            return "—"
        return ("+" if r.severity > 0 else "") + fmt_number(round(r.severity, 2))

    columns = [
        Column[JudgeResult](lambda r: r.judge_key),
        Column[JudgeResult](lambda r: r.name),
        Column[JudgeResult](lambda r: f"{r.scored} / {r.assigned}", key=lambda r: r.scored, numeric=True),
        Column[JudgeResult](lambda r: _num(r.mean), key=lambda r: none_last(r.mean), numeric=True),
        Column[JudgeResult](
            severity,
            key=lambda r: none_last(r.severity),
            numeric=True,
            colour=lambda r: RED if r.severity is not None and abs(r.severity) >= 5 else None,
        ),
        Column[JudgeResult](lambda r: str(len(r.missing)), key=lambda r: len(r.missing), numeric=True),
    ]

    def headers() -> list[str]:
        return [
            QCoreApplication.translate("OrgTables", "Judge"),
            QCoreApplication.translate("OrgTables", "Name"),
            QCoreApplication.translate("OrgTables", "Scored"),
            QCoreApplication.translate("OrgTables", "Mean"),
            QCoreApplication.translate("OrgTables", "Severity"),
            QCoreApplication.translate("OrgTables", "Missing"),
        ]

    return RowsModel(columns, headers, parent)


class ResultsPage(QWidget):
    def __init__(
        self, entries: RowsModel[EntryResult], judges: RowsModel[JudgeResult], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.category = QComboBox(self)
        self.province = QComboBox(self)
        self.rank_by = QComboBox(self)
        self.category_label, self.province_label, self.rank_label = QLabel(self), QLabel(self), QLabel(self)
        self.category_label.setBuddy(self.category)
        self.province_label.setBuddy(self.province)
        self.rank_label.setBuddy(self.rank_by)
        self.xlsx_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.summary = plain_label()
        self.summary.setStyleSheet(f"color: {GREY};")
        self.entries = table_view(self, entries, "")  # type: ignore[arg-type]
        self.judges = table_view(self, judges, "")  # type: ignore[arg-type]
        self.boxes = BoxPlot(self)
        self.histogram = Histogram(self)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(self.judges)
        bottom.addWidget(self.boxes)
        bottom.addWidget(self.histogram)
        bottom.setSizes([600, 330, 330])
        self.bottom = bottom
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.entries)
        split.addWidget(bottom)
        split.setSizes([330, 260])
        self.split = split
        row = QHBoxLayout()
        for label, combo in (
            (self.category_label, self.category),
            (self.province_label, self.province),
            (self.rank_label, self.rank_by),
        ):
            row.addWidget(label)
            row.addWidget(combo)
        row.addStretch(1)
        row.addWidget(self.xlsx_button)
        row.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.category_label.setText(self.tr("Category:"))
        self.province_label.setText(self.tr("Province:"))
        self.rank_label.setText(self.tr("Rank by:"))
        self.category.setAccessibleName(self.tr("Filter by category"))
        self.province.setAccessibleName(self.tr("Filter by province"))
        self.rank_by.setAccessibleName(self.tr("Rank by"))
        index = max(self.rank_by.currentIndex(), 0)
        self.rank_by.blockSignals(True)
        self.rank_by.clear()
        self.rank_by.addItem(self.tr("normalised totals"), "normalised")
        self.rank_by.addItem(self.tr("raw totals"), "raw")
        self.rank_by.setCurrentIndex(index)
        self.rank_by.blockSignals(False)
        for button, text in (
            (self.xlsx_button, self.tr("Export results workbook…")),
            (self.pdf_button, self.tr("Export results PDF…")),
        ):
            button.setText(text)
            button.setAccessibleName(text.rstrip("…"))
        self.summary.setAccessibleName(self.tr("Results summary"))
        self.entries.setAccessibleName(self.tr("Ranking of the entries"))
        self.judges.setAccessibleName(self.tr("Judges' figures"))
        self.boxes.setAccessibleName(self.tr("Box plot of each judge's totals"))
        self.histogram.setAccessibleName(self.tr("Distribution of the totals"))
        self.bottom.setAccessibleName(self.tr("Judges and charts"))
        self.split.setAccessibleName(self.tr("Ranking and judges"))
        self.boxes.caption = self.tr("Each judge's totals (% of the maximum)")
        self.boxes.empty_text = self.tr("No complete score yet.")
        self.histogram.caption = self.tr("Distribution of the totals")
        self.histogram.empty_text = self.tr("No complete score yet.")
        self.histogram.axis_label = self.tr("% of the maximum")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ResultsController(QObject):
    def __init__(
        self, ctx: OrgContext, tasks: TaskRunner, window: QWidget, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.window = ctx, tasks, window
        self.entries = entries_model(self)
        self.judges = judges_model(self)
        self.page = ResultsPage(self.entries, self.judges)
        self.round: RoundInfo | None = None
        self.results: Results | None = None
        self.page.category.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.page.province.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.page.rank_by.currentIndexChanged.connect(lambda _i: self.load())
        self.page.xlsx_button.clicked.connect(self.export_xlsx)
        self.page.pdf_button.clicked.connect(self.export_pdf)

    def set_round(self, rnd: RoundInfo | None) -> None:
        self.round = rnd
        self.load()

    def load(self) -> None:
        orgdir, rnd = self.ctx.orgdir, self.round
        self.results = None
        if orgdir is not None and rnd is not None:
            rank_by = self.page.rank_by.currentData() or "normalised"
            self.results = compute_results(orgdir, rnd.contest_key, rnd.round_name, rank_by=str(rank_by))
        self._fill_filters()
        self.apply_filter()

    def _fill_filters(self) -> None:
        entries = self.results.entries if self.results else ()
        for combo, values in (
            (self.page.category, sorted({e.category for e in entries if e.category})),
            (self.page.province, sorted({e.province for e in entries if e.province})),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), ALL)
            for value in values:
                combo.addItem(value, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def apply_filter(self) -> None:
        results = self.results
        page = self.page
        if results is None:
            self.entries.set_rows([])
            self.judges.set_rows([])
            page.boxes.set_boxes([], None)
            page.histogram.set_values([])
            page.summary.setText(self.tr("No results yet: build the batches and collect the sheets first."))
            page.xlsx_button.setEnabled(False)
            page.pdf_button.setEnabled(False)
            return
        category, province = page.category.currentData() or ALL, page.province.currentData() or ALL
        shown = [
            e for e in results.entries if category in (ALL, e.category) and province in (ALL, e.province)
        ]
        self.entries.set_rows(shown)
        self.judges.set_rows(list(results.judges))
        maximum = results.weighted_max or 1.0
        per_judge: dict[str, list[float]] = defaultdict(list)
        for entry in shown:
            for score in entry.totals:
                per_judge[score.judge_key].append(100 * score.weighted / maximum)
        boxes = [b for j in results.judges if (b := box_of(j.judge_key, per_judge.get(j.judge_key, [])))]
        overall = results.overall_mean
        page.boxes.set_boxes(boxes, None if overall is None else 100 * overall / maximum)
        page.histogram.set_values([100 * e.mean / maximum for e in shown if e.mean is not None])
        flagged = sum(e.discrepancy for e in shown)
        missing = sum(e.missing for e in shown)
        page.summary.setText(
            self.tr(
                "{contest} — {round}: {entries} entries shown, {flagged} with a large discrepancy "
                "(over {threshold} points), {missing} scores missing."
            ).format(
                contest=results.contest_name,
                round=results.round_name,
                entries=len(shown),
                flagged=flagged,
                threshold=fmt_number(round(results.threshold, 2)),
                missing=missing,
            )
        )
        page.xlsx_button.setEnabled(True)
        page.pdf_button.setEnabled(True)

    def export_xlsx(self) -> None:
        results, orgdir = self.results, self.ctx.orgdir
        if results is None or orgdir is None:
            return
        target = self.ctx.ask_save(
            self.window, self.tr("Save the results workbook"), f"ket-qua-{results.contest_key}.xlsx"
        )
        if target is None:
            return
        self._write(lambda: export_results(orgdir, results, xlsx=target), target)

    def export_pdf(self) -> None:
        results, orgdir = self.results, self.ctx.orgdir
        if results is None or orgdir is None:
            return
        target = self.ctx.ask_save(
            self.window, self.tr("Save the results report"), f"ket-qua-{results.contest_key}.pdf"
        )
        if target is None:
            return
        lang = self.ctx.languages.current
        self._write(lambda: export_results(orgdir, results, pdf=target, lang=lang), target)

    def _write(self, job: Callable[[], object], target: Path) -> None:
        self.tasks.run(
            job,
            self.tr("Writing {file}…").format(file=target.name),
            lambda _r: self._written(target),
            lambda e: self._failed(target, e),
        )

    def _written(self, target: Path) -> None:
        show_message(
            self.window,
            QMessageBox.Icon.Information,
            self.tr("Written"),
            self.tr("Saved: {file}").format(file=target),
        )

    def _failed(self, target: Path, error: Exception) -> None:
        if not isinstance(error, OSError | InputRefused):
            raise error
        show_message(
            self.window,
            QMessageBox.Icon.Warning,
            self.tr("Not written"),
            self.tr("{file} could not be written; nothing was changed.").format(file=target),
            str(error),
        )

    def retranslate(self) -> None:
        self.entries.retranslate()
        self.judges.retranslate()
        self._fill_filters()
        self.apply_filter()
