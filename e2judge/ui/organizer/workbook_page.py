"""The workbook page: open or drop the organizer's workbook, see every problem, build the batches."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from e2judge.ui.organizer.rows_model import RowsModel
from e2judge.ui.widgets import GREY, plain_label

MAX_COLUMN_WIDTH = 340


def dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def table_view(parent: QWidget, model: RowsModel[object], name: str) -> QTableView:
    """A sortable, read-only table whose sorting is done by the model."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    model.modelReset.connect(lambda: fit_columns(view))
    return view


def fit_columns(view: QTableView, widest: int = MAX_COLUMN_WIDTH) -> None:
    """Columns as wide as their content (headers included), none wider than ``widest``."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > widest:
            header.resizeSection(column, widest)


class WorkbookPage(QWidget):
    """Layout only; ``WorkbookController`` fills it and reacts to its buttons."""

    dropped = Signal(Path)

    def __init__(
        self, problems: RowsModel[object], plan: RowsModel[object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.open_button = QPushButton(self)
        self.recheck_button = QPushButton(self)
        self.example_button = QPushButton(self)
        self.build_button = QPushButton(self)
        self.per_entry = QSpinBox(self)
        self.per_entry.setRange(1, 9)
        self.per_entry_label = QLabel(self)
        self.per_entry_label.setBuddy(self.per_entry)
        self.file_label = plain_label(selectable=True)
        self.summary = plain_label()
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setWeight(font.Weight.DemiBold)
        self.summary.setFont(font)
        self.hint = plain_label()
        self.hint.setStyleSheet(f"color: {GREY};")
        self.problems = table_view(self, problems, "")
        self.plan_title = plain_label()
        self.plan_title.setFont(font)
        self.plan = table_view(self, plan, "")
        self.move_entry = QComboBox(self)
        self.move_from = QComboBox(self)
        self.move_to = QComboBox(self)
        self.move_entry_label, self.move_from_label, self.move_to_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        self.move_entry_label.setBuddy(self.move_entry)
        self.move_from_label.setBuddy(self.move_from)
        self.move_to_label.setBuddy(self.move_to)
        self.move_button = QPushButton(self)
        self.moves_label = plain_label()
        buttons = QHBoxLayout()
        for widget in (self.open_button, self.recheck_button, self.example_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.per_entry_label)
        buttons.addWidget(self.per_entry)
        buttons.addWidget(self.build_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.file_label)
        layout.addWidget(self.hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 3)
        layout.addWidget(self.plan_title)
        layout.addWidget(self.plan, 2)
        moves = QHBoxLayout()
        row: tuple[QWidget, ...] = (
            self.move_entry_label,
            self.move_entry,
            self.move_from_label,
            self.move_from,
            self.move_to_label,
            self.move_to,
            self.move_button,
        )
        for item in row:
            moves.addWidget(item)
        moves.addWidget(self.moves_label, 1)
        layout.addLayout(moves)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            self.open_button: self.tr("Open workbook…"),
            self.recheck_button: self.tr("Check again"),
            self.example_button: self.tr("Example workbook…"),
            self.build_button: self.tr("Build signed batches…"),
            self.move_button: self.tr("Move"),
        }
        for button, text in texts.items():
            button.setText(text)
            button.setAccessibleName(text.rstrip("…"))
        self.per_entry_label.setText(self.tr("Judges per entry:"))
        self.per_entry.setAccessibleName(self.tr("Judges per entry"))
        self.hint.setText(
            self.tr(
                "Drop the organizer's workbook (.xlsx) here, or open it. "
                "Fix it in Excel, save, then press Check again."
            )
        )
        self.hint.setAccessibleName(self.tr("How to check a workbook"))
        self.file_label.setAccessibleName(self.tr("Workbook file"))
        self.summary.setAccessibleName(self.tr("Check result"))
        self.problems.setAccessibleName(self.tr("Problems in the workbook"))
        self.plan.setAccessibleName(self.tr("Assignment preview"))
        self.plan_title.setAccessibleName(self.tr("Assignment preview"))
        self.move_entry_label.setText(self.tr("Move entry:"))
        self.move_from_label.setText(self.tr("from:"))
        self.move_to_label.setText(self.tr("to:"))
        self.move_entry.setAccessibleName(self.tr("Entry to move"))
        self.move_from.setAccessibleName(self.tr("Judge who gives up the entry"))
        self.move_to.setAccessibleName(self.tr("Judge who takes the entry"))
        self.moves_label.setAccessibleName(self.tr("Manual changes to the plan"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(p.suffix.lower() == ".xlsx" for p in dropped_paths(event)):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for path in dropped_paths(event):
            if path.suffix.lower() == ".xlsx":
                event.acceptProposedAction()
                self.dropped.emit(path)
                return
