"""“My scores”: this judge's totals per entry in a sortable table, with a histogram (calibration aid)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from statistics import median
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from e2judge.core.collation import vietnamese_sort_key
from e2judge.services.judge.entries import EntryRow, Status
from e2judge.ui.histogram import Histogram
from e2judge.ui.i18n import fmt_number, translate_buttons
from e2judge.ui.labels import STATUS_ORDER, status_colour, status_text
from e2judge.ui.widgets import plain_label

AnyIndex = QModelIndex | QPersistentModelIndex


class ScoreColumn(IntEnum):
    CODE = 0
    TITLE = 1
    STATUS = 2
    TOTAL = 3
    PERCENT = 4


HEADERS = {
    ScoreColumn.CODE: str(QT_TRANSLATE_NOOP("ScoresModel", "Code")),
    ScoreColumn.TITLE: str(QT_TRANSLATE_NOOP("ScoresModel", "Title")),
    ScoreColumn.STATUS: str(QT_TRANSLATE_NOOP("ScoresModel", "Status")),
    ScoreColumn.TOTAL: str(QT_TRANSLATE_NOOP("ScoresModel", "Weighted total")),
    ScoreColumn.PERCENT: str(QT_TRANSLATE_NOOP("ScoresModel", "% of max")),
}


def percent(row: EntryRow) -> float:
    return row.percent or 0.0


class ScoresModel(QAbstractTableModel):
    """Scored entries (not under conflict), sortable by any column."""

    def __init__(self, rows: Sequence[EntryRow], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = [r for r in rows if r.weighted is not None and r.status is not Status.CONFLICT]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ScoreColumn)

    def row_at(self, row: int) -> EntryRow:
        return self._rows[row]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(ScoreColumn):
            return QCoreApplication.translate("ScoresModel", HEADERS[ScoreColumn(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = ScoreColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is ScoreColumn.CODE:
                return row.code
            if column is ScoreColumn.TITLE:
                return row.title
            if column is ScoreColumn.STATUS:
                return status_text(row.status)
            if column is ScoreColumn.TOTAL:
                return f"{fmt_number(row.weighted or 0.0)} / {fmt_number(row.weighted_max)}"
            return fmt_number(round(percent(row), 1))
        if role == Qt.ItemDataRole.ForegroundRole and column is ScoreColumn.STATUS:
            return QBrush(QColor(status_colour(row.status)))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ScoreColumn.TOTAL, ScoreColumn.PERCENT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(ScoreColumn):
            return
        self.layoutAboutToBeChanged.emit()
        keys: dict[ScoreColumn, Callable[[EntryRow], Any]] = {
            ScoreColumn.CODE: lambda r: vietnamese_sort_key(r.code),
            ScoreColumn.TITLE: lambda r: vietnamese_sort_key(r.title),
            ScoreColumn.STATUS: lambda r: STATUS_ORDER[r.status],
            ScoreColumn.TOTAL: lambda r: r.weighted or 0.0,
            ScoreColumn.PERCENT: percent,
        }
        self._rows.sort(key=lambda r: vietnamese_sort_key(r.code))
        self._rows.sort(key=keys[ScoreColumn(column)], reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class MyScoresDialog(QDialog):
    """Totals per entry and their distribution, for checking consistency before submitting."""

    def __init__(self, rows: Sequence[EntryRow], round_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My scores — {round}").format(round=round_name))
        self.setAccessibleName(self.tr("My scores"))
        self.resize(920, 600)
        self.model = ScoresModel(rows, self)
        complete = [percent(r) for r in rows if r.status is Status.COMPLETE and r.weighted is not None]
        self.summary = plain_label(name=self.tr("Summary of my scores"))
        if complete:
            self.summary.setText(
                self.tr(
                    "{n} entries complete · average {mean}% · median {median}% · "
                    "lowest {low}% · highest {high}%"
                ).format(
                    n=len(complete),
                    mean=fmt_number(round(sum(complete) / len(complete), 1)),
                    median=fmt_number(round(median(complete), 1)),
                    low=fmt_number(round(min(complete), 1)),
                    high=fmt_number(round(max(complete), 1)),
                )
            )
        else:
            self.summary.setText(self.tr("No entry is completely scored yet."))
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Totals per entry"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ScoreColumn.TOTAL, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ScoreColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        self.histogram = Histogram(self)
        self.histogram.setAccessibleName(self.tr("Histogram of my totals"))
        self.histogram.caption = self.tr("Distribution of complete entries")
        self.histogram.axis_label = self.tr("% of the maximum · red line: your average")
        self.histogram.empty_text = self.tr("The histogram appears when entries are completely scored.")
        self.histogram.set_values(complete)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.histogram)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        translate_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
