"""The entry list's table view: Tab leaves it, digits and Enter go on to the rubric.

Digits and Enter typed while the list has the focus are meant for scoring: the view does not
search the list with them, it reports them (``scoreKey``) and the main window sends them on to
the current criterion of the entry shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTableView, QWidget

_KEYPAD_OR_NONE = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class EntryTable(QTableView):
    """A read-only list of entries; Tab and Shift+Tab move to the next or previous pane."""

    scoreKey = Signal(object)  # int 0-9 for a digit, None for Enter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in _KEYPAD_OR_NONE
        text = event.text()
        if plain and len(text) == 1 and text.isdigit() and text.isascii():
            self.scoreKey.emit(int(text))
            return
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.scoreKey.emit(None)
            return
        super().keyPressEvent(event)
