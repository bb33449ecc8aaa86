"""The entry list: a table model over ``list_entries`` rows, filtered and sorted in the model.

Filtering keeps ``services.entries.filter_entries``' rules (diacritic- and case-insensitive, every
word must match) but tests the words against a list of the rows' folded search strings, over
``_all`` kept in display order, so a search neither builds objects nor re-sorts; text columns
sort in Vietnamese alphabetical order with ``core.collation.vietnamese_sort_key``. The code's key
comes stored with the row (``EntryRow.code_key``), so the list opens sorted by code without keying
every entry; other keys are made on first use and cached per row (per value for the few distinct
categories and provinces), so re-sorting after a filter costs a few milliseconds.

A score change touches one row: ``update_row`` finds it through an index by assignment id, keeps
the progress counters (complete / countable) up to date from the old and new status, and emits
``dataChanged`` for that row only — nothing scans the rows after a change.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from enum import IntEnum
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

from e2judge.core.collation import sort_key_bytes, vietnamese_sort_key
from e2judge.core.text import fold
from e2judge.services.judge.entries import EntryRow, Status, filter_entries
from e2judge.ui.i18n import fmt_number
from e2judge.ui.labels import STATUS_ORDER, status_colour, status_text

AnyIndex = QModelIndex | QPersistentModelIndex
ASSIGNMENT_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    CODE = 0
    TITLE = 1
    CATEGORY = 2
    PROVINCE = 3
    STATUS = 4
    TOTAL = 5


HEADERS = {
    Column.CODE: str(QT_TRANSLATE_NOOP("EntryTableModel", "Code")),
    Column.TITLE: str(QT_TRANSLATE_NOOP("EntryTableModel", "Title")),
    Column.CATEGORY: str(QT_TRANSLATE_NOOP("EntryTableModel", "Category")),
    Column.PROVINCE: str(QT_TRANSLATE_NOOP("EntryTableModel", "Province")),
    Column.STATUS: str(QT_TRANSLATE_NOOP("EntryTableModel", "Status")),
    Column.TOTAL: str(QT_TRANSLATE_NOOP("EntryTableModel", "Total")),
}

_TEXT: dict[Column, Callable[[EntryRow], str]] = {
    Column.CODE: lambda r: r.code,
    Column.TITLE: lambda r: r.title,
    Column.CATEGORY: lambda r: r.category,
    Column.PROVINCE: lambda r: r.province,
}


@functools.lru_cache(maxsize=4096)
def _value_key(text: str) -> Any:
    """The sort key of a category or province (a few distinct values over many rows)."""
    return vietnamese_sort_key(text)


@dataclasses.dataclass(frozen=True)
class Filter:
    """The filter bar's state."""

    text: str = ""
    status: Status | None = None
    category: str | None = None
    province: str | None = None


class EntryTableModel(QAbstractTableModel):
    """Rows of one round's entries for this judge; read-only."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[EntryRow] = []
        self._visible: list[EntryRow] = []
        self._filter = Filter()
        self._sort_column = Column.CODE
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sorted = False
        self._keys: dict[tuple[int, int], Any] = {}
        self._search: list[str] = []  # folded search text of each row of ``_all``
        self._all_pos: dict[int, int] = {}
        self._visible_pos: dict[int, int] = {}
        self._complete = 0
        self._countable = 0
        self.blind = False

    # -- loading, filtering, sorting ------------------------------------------------------------

    def set_rows(self, rows: Sequence[EntryRow], blind: bool = False) -> None:
        """Replace every row (a round was opened or re-read)."""
        self.beginResetModel()
        self._all = list(rows)
        self.blind = blind
        self._keys.clear()
        if self._sorted:
            self._sort_list(self._all)
        self._index_all()
        self._complete = sum(1 for r in self._all if r.status is Status.COMPLETE)
        self._countable = sum(1 for r in self._all if r.status is not Status.CONFLICT)
        self._set_visible(self._apply())
        self.endResetModel()

    def _index_all(self) -> None:
        self._all_pos = {row.assignment_id: i for i, row in enumerate(self._all)}
        self._search = [row.search_key for row in self._all]

    def _set_visible(self, rows: list[EntryRow]) -> None:
        self._visible = rows
        self._visible_pos = {row.assignment_id: i for i, row in enumerate(rows)}

    def set_filter(self, value: Filter) -> None:
        """Show only rows matching ``value`` (keeps the current sort)."""
        self.beginResetModel()
        self._filter = value
        self._set_visible(self._apply())
        self.endResetModel()

    @property
    def current_filter(self) -> Filter:
        return self._filter

    def _apply(self) -> list[EntryRow]:
        """The rows matching the filter, in display order (``_all`` is kept sorted)."""
        f = self._filter
        rows = self._all
        words = fold(f.text).split()
        if words:
            # Substring tests over the folded strings alone, rarest-looking (longest) word first.
            keys = self._search
            words.sort(key=len, reverse=True)
            first = words[0]
            picked = [i for i, key in enumerate(keys) if first in key]
            for word in words[1:]:
                picked = [i for i in picked if word in keys[i]]
            rows = [rows[i] for i in picked]
        if f.status is not None or f.category is not None or f.province is not None:
            rows = filter_entries(rows, "", f.status, f.category, f.province)
        return rows if rows is not self._all else list(rows)

    def _key(self, row: EntryRow, column: Column) -> Any:
        cache_key = (row.assignment_id, int(column))
        found = self._keys.get(cache_key)
        if found is None:
            if column is Column.CODE:
                return row.code_key or sort_key_bytes(row.code)
            if column in (Column.CATEGORY, Column.PROVINCE):
                found = _value_key(_TEXT[column](row))
            elif column in _TEXT:
                found = vietnamese_sort_key(_TEXT[column](row))
            elif column is Column.STATUS:
                found = STATUS_ORDER[row.status]
            else:
                found = (row.weighted is None, row.weighted or 0.0)
            self._keys[cache_key] = found
        return found

    def _sort_list(self, rows: list[EntryRow]) -> None:
        column = self._sort_column
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        rows.sort(key=lambda r: self._key(r, Column.CODE))
        if column is Column.CODE:
            if reverse:
                rows.reverse()
        else:
            rows.sort(key=lambda r: self._key(r, column), reverse=reverse)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [
            (self._visible[p.row()].assignment_id, p.column()) if p.isValid() else None for p in persistent
        ]
        self._sort_column = Column(column)
        self._sort_order = order
        self._sorted = True
        self._sort_list(self._all)
        self._index_all()
        self._set_visible(self._apply())
        where = self._visible_pos
        new = [
            self.index(where[ident[0]], ident[1])
            if ident is not None and ident[0] in where
            else QModelIndex()
            for ident in ids
        ]
        self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()

    # -- reading ----------------------------------------------------------------------------------

    def row_at(self, row: int) -> EntryRow:
        return self._visible[row]

    def rows(self) -> list[EntryRow]:
        """The visible rows, in display order."""
        return list(self._visible)

    def all_rows(self) -> list[EntryRow]:
        return list(self._all)

    def total_rows(self) -> int:
        """How many rows the round has (shown or not)."""
        return len(self._all)

    def row_by_id(self, assignment_id: int) -> EntryRow | None:
        """The row of ``assignment_id`` (shown or filtered out), None when not in this round."""
        pos = self._all_pos.get(assignment_id)
        return None if pos is None else self._all[pos]

    def position_of(self, assignment_id: int) -> int | None:
        return self._visible_pos.get(assignment_id)

    def progress(self) -> tuple[int, int]:
        """(complete, total) over every row; entries under conflict count in neither."""
        return self._complete, self._countable

    def distinct(self, column: Column) -> list[str]:
        """Non-empty distinct values of a text column, in Vietnamese order (for the filter combos)."""
        getter = _TEXT[column]
        values = {getter(r) for r in self._all if getter(r)}
        return sorted(values, key=vietnamese_sort_key)

    def update_row(self, new: EntryRow) -> None:
        """Replace one row after a score change (stays visible until the filter changes)."""
        at = self._all_pos.get(new.assignment_id)
        if at is None:
            return
        old = self._all[at]
        self._all[at] = new
        self._complete += (new.status is Status.COMPLETE) - (old.status is Status.COMPLETE)
        self._countable += (new.status is not Status.CONFLICT) - (old.status is not Status.CONFLICT)
        self._keys.pop((new.assignment_id, int(Column.STATUS)), None)
        self._keys.pop((new.assignment_id, int(Column.TOTAL)), None)
        pos = self._visible_pos.get(new.assignment_id)
        if pos is not None:
            self._visible[pos] = new
            self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(Column) - 1))

    # -- Qt model API -----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return QCoreApplication.translate("EntryTableModel", HEADERS[Column(section)])
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._visible[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.TITLE, Column.CATEGORY):
            return self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.STATUS:
            return QBrush(QColor(status_colour(row.status)))
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ASSIGNMENT_ROLE:
            return row.assignment_id
        return None

    def _display(self, row: EntryRow, column: Column) -> str:
        if column in _TEXT:
            return _TEXT[column](row)
        if column is Column.STATUS:
            return status_text(row.status)
        if row.status is Status.CONFLICT or row.weighted is None:
            return "—"
        return fmt_number(row.weighted)

    def retranslate(self) -> None:
        """Headers and status names follow the UI language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, len(Column) - 1))
