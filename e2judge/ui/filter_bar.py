"""The filter bar above the entry list: search text, status, category and province."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from e2judge.services.judge.entries import Status
from e2judge.ui.entry_model import Filter
from e2judge.ui.labels import status_text

STATUSES = (Status.NOT_STARTED, Status.IN_PROGRESS, Status.COMPLETE, Status.CONFLICT)


class FilterBar(QWidget):
    """Emits ``changed`` with a ``Filter`` whenever the judge changes a condition."""

    changed = Signal(object)
    leaveRequested = Signal()  # Esc in an empty search box: back to the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._emit)
        self.search.installEventFilter(self)
        self.status = QComboBox(self)
        self.category = QComboBox(self)
        self.province = QComboBox(self)
        self.labels: dict[QComboBox, QLabel] = {}
        for combo in (self.status, self.category, self.province):
            label = QLabel(self)
            label.setBuddy(combo)  # a combo box announces its value; the label says what it is for
            label.setStyleSheet("color: #6b7280; font-size: 8.5pt;")
            self.labels[combo] = label
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self._emit)
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setHorizontalSpacing(4)
        layout.setVerticalSpacing(4)
        layout.addWidget(self.search, 0, 0, 1, 3)
        for column, combo in enumerate((self.status, self.category, self.province)):
            layout.addWidget(self.labels[combo], 1, column)
            layout.addWidget(combo, 2, column)
        self._categories: list[str] = []
        self._provinces: list[str] = []
        self._quiet = False
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search code, title, author… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search entries"))
        self.search.setAccessibleDescription(
            self.tr("Accents and capitals are ignored; Esc clears the search")
        )
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.category.setAccessibleName(self.tr("Filter by category"))
        self.province.setAccessibleName(self.tr("Filter by province"))
        self.labels[self.status].setText(self.tr("Status"))
        self.labels[self.category].setText(self.tr("Category"))
        self.labels[self.province].setText(self.tr("Province"))
        self._fill()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the search box clears it (a second Esc goes back to the list)."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            if self.search.text():
                self.search.clear()
            else:
                self.leaveRequested.emit()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_choices(self, categories: list[str], provinces: list[str], blind: bool) -> None:
        """Values for the category and province combos (province hidden in blind rounds)."""
        self._categories, self._provinces = categories, provinces
        self._fill(reset=True)
        self.province.setVisible(not blind and bool(provinces))
        self.category.setVisible(bool(categories))
        for combo, label in self.labels.items():
            label.setVisible(not combo.isHidden())

    def _fill(self, reset: bool = False) -> None:
        self._quiet = True
        try:
            for combo, everything, values in (
                (self.status, self.tr("All statuses"), None),
                (self.category, self.tr("All categories"), self._categories),
                (self.province, self.tr("All provinces"), self._provinces),
            ):
                keep = 0 if reset else max(0, combo.currentIndex())
                combo.clear()
                combo.addItem(everything, None)
                if values is None:
                    for status in STATUSES:
                        combo.addItem(status_text(status), status.value)
                else:
                    for value in values:
                        combo.addItem(value, value)
                combo.setCurrentIndex(min(keep, combo.count() - 1))
        finally:
            self._quiet = False

    def current(self) -> Filter:
        index = self.status.currentIndex()
        status = STATUSES[index - 1] if 1 <= index <= len(STATUSES) else None
        category = self.category.currentData()
        province = self.province.currentData()
        return Filter(
            text=self.search.text(),
            status=status,
            category=category if isinstance(category, str) else None,
            province=province if isinstance(province, str) and self.province.isVisibleTo(self) else None,
        )

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit(self.current())

    def reset(self) -> None:
        self._quiet = True
        self.search.clear()
        for combo in (self.status, self.category, self.province):
            combo.setCurrentIndex(0)
        self._quiet = False
        self.changed.emit(self.current())
