"""The judging workspace's layout: round bar on top; entry list | entry details | rubric form."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from e2judge.services.judge.rounds import RoundRef
from e2judge.ui.attachments import AttachmentOpener
from e2judge.ui.details_view import DetailsPane
from e2judge.ui.entry_model import Column, EntryTableModel
from e2judge.ui.entry_table import EntryTable
from e2judge.ui.filter_bar import FilterBar
from e2judge.ui.rubric_form import RubricForm
from e2judge.ui.widgets import AMBER, BLUE, GREY, plain_label, set_badge

SPLIT = (500, 350, 516)


class JudgingView(QWidget):
    """Pure layout: the widgets the main window and the judging controller work with."""

    def __init__(
        self, model: EntryTableModel, opener: AttachmentOpener, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.round_combo = QComboBox(self)
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.round_combo.setMaximumWidth(520)
        self.round_label = plain_label(wrap=False)
        font = self.round_label.font()
        font.setWeight(font.Weight.DemiBold)
        self.round_label.setFont(font)
        self.judge_label = plain_label(wrap=False)
        self.judge_label.setStyleSheet(f"color: {GREY};")
        self.demo_badge = QLabel(self)
        self.blind_badge = QLabel(self)
        self.unsigned_badge = QLabel(self)
        bar = QFrame(self)
        bar.setObjectName("roundBar")
        bar.setStyleSheet("QFrame#roundBar { background: #f3f4f6; border-bottom: 1px solid #e5e7eb; }")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(10, 6, 10, 6)
        bar_layout.setSpacing(8)
        self.round_combo_label = QLabel(self)
        self.round_combo_label.setBuddy(self.round_combo)
        bar_layout.addWidget(self.round_combo_label)
        bar_layout.addWidget(self.round_combo)
        bar_layout.addWidget(self.round_label)
        bar_layout.addWidget(self.judge_label)
        bar_layout.addStretch(1)
        bar_layout.addWidget(self.blind_badge)
        bar_layout.addWidget(self.unsigned_badge)
        bar_layout.addWidget(self.demo_badge)

        self.filter_bar = FilterBar(self)
        self.table = EntryTable(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.CODE, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * 2 + 10)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        header.setHighlightSections(False)
        for column, width in (
            (Column.CODE, 62),
            (Column.CATEGORY, 74),
            (Column.PROVINCE, 74),
            (Column.STATUS, 92),
            (Column.TOTAL, 46),
        ):
            header.resizeSection(column, width)
        self.count_label = plain_label(wrap=False)
        self.count_label.setStyleSheet(f"color: {GREY};")
        self.empty_label = plain_label()
        self.empty_label.setStyleSheet(f"color: {AMBER}; font-weight: 600;")
        self.empty_label.setContentsMargins(8, 6, 8, 6)
        self.empty_label.hide()
        list_pane = QWidget(self)
        list_layout = QVBoxLayout(list_pane)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(2)
        list_layout.addWidget(self.filter_bar)
        list_layout.addWidget(self.empty_label)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)
        self.count_label.setContentsMargins(8, 0, 0, 4)

        self.details = DetailsPane(opener, self)
        self.form = RubricForm(self)
        self.list_pane = list_pane
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(list_pane)
        self.splitter.addWidget(self.details)
        self.splitter.addWidget(self.form)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes(list(SPLIT))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.splitter, 1)
        self._ref: RoundRef | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.round_combo.setAccessibleName(self.tr("Contest round"))
        self.round_combo_label.setText(self.tr("Round:"))
        self.splitter.setAccessibleName(self.tr("Entry list, entry details and rubric"))
        self.splitter.handle(1).setAccessibleName(self.tr("Divider between the entry list and the details"))
        self.splitter.handle(2).setAccessibleName(self.tr("Divider between the details and the rubric"))
        self.table.setAccessibleName(self.tr("Entry list"))
        self.model.retranslate()
        self.show_round(self._ref, self.round_combo.count())
        self.update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_rounds(self, refs: list[RoundRef]) -> None:
        """Fill the round combo (shown only when there is more than one round)."""
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for ref in refs:
            self.round_combo.addItem(f"{ref.contest_name} — {ref.round_name} ({ref.judge_key})")
        self.round_combo.blockSignals(False)

    def show_round(self, ref: RoundRef | None, count: int) -> None:
        """The round bar and the columns for ``ref`` (province hidden when blind)."""
        self._ref = ref
        several = count > 1
        self.round_combo.setVisible(several)
        self.round_combo_label.setVisible(several)
        self.round_label.setVisible(not several and ref is not None)
        if ref is None:
            self.round_label.setText("")
            self.judge_label.setText("")
            for badge in (self.demo_badge, self.blind_badge, self.unsigned_badge):
                badge.hide()
            return
        self.round_label.setText(f"{ref.contest_name} — {ref.round_name}")
        self.judge_label.setText(
            self.tr("Judge {key} · {name}").format(key=ref.judge_key, name=ref.judge_name)
        )
        set_badge(self.demo_badge, self.tr("DEMO — practice only"), AMBER)
        self.demo_badge.setVisible(ref.demo)
        set_badge(self.blind_badge, self.tr("Blind judging"), BLUE)
        self.blind_badge.setVisible(ref.blind)
        set_badge(self.unsigned_badge, self.tr("Unsigned workbook"), GREY)
        self.unsigned_badge.setVisible(not ref.signed)
        self.table.setColumnHidden(Column.PROVINCE, ref.blind)
        self.filter_bar.set_choices(
            self.model.distinct(Column.CATEGORY),
            [] if ref.blind else self.model.distinct(Column.PROVINCE),
            ref.blind,
        )

    def update_count(self) -> None:
        """ "N of M entries shown", and a message in place of an empty list."""
        shown, total = self.model.rowCount(), self.model.total_rows()
        self.count_label.setText(self.tr("{shown} of {total} entries shown").format(shown=shown, total=total))
        empty = shown == 0 and total > 0
        if empty:
            text = self.filter_bar.search.text().strip()
            if text:
                message = self.tr("No entry matches “{text}”. Press Esc to clear the search.").format(
                    text=text
                )
            else:
                message = self.tr("No entry matches these filters.")
            self.empty_label.setText(message)
            self.empty_label.setAccessibleName(message)
        self.empty_label.setVisible(empty)
