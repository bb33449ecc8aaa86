"""One criterion of the rubric form: its text, level choices or a points field, and a comment.

Keyboard, with the block focused: 1–9 pick the 1st–9th level, 0/Delete/Backspace clear the score
("not scored"), C goes to the comment, Enter/Tab go to the next criterion, Shift+Tab to the
previous one. Inside the comment, Tab goes on to the next criterion and Esc back to the block.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from e2judge.core.rubric import Criterion
from e2judge.ui.i18n import fmt_number
from e2judge.ui.widgets import GREEN, GREY, RED, ClickableLabel, plain_label, set_badge

COMMENT_DEBOUNCE_MS = 700
_DIGITS = {int(Qt.Key.Key_0) + i: i for i in range(10)}


def step_decimals(step: float) -> int:
    """Decimals needed to show multiples of ``step`` (0.5 → 1, 0.25 → 2)."""
    exponent = Decimal(repr(float(step))).normalize().as_tuple().exponent
    return min(4, max(0, -int(exponent)))


def nearest_step(value: float, step: float, maximum: float) -> float:
    """``value`` rounded to the nearest multiple of ``step`` within 0..maximum."""
    d_step = Decimal(repr(float(step)))
    count = (Decimal(repr(float(value))) / d_step).to_integral_value()
    result = float(count * d_step)
    return min(max(result, 0.0), maximum)


class PointsSpinBox(QDoubleSpinBox):
    """Points 0..max in the criterion's step; "—" (the minimum, one step below 0) is "not scored".

    Off-step text is never accepted: it is rounded to the nearest step when editing ends.
    """

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._step = criterion.step if criterion.step > 0 else 1.0
        self._max = criterion.max_points
        self.setDecimals(step_decimals(self._step))
        self.setSingleStep(self._step)
        self.setRange(-self._step, self._max)
        self.setSpecialValueText("—")
        self.setKeyboardTracking(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(96)
        self.setValue(self.minimum())

    def points(self) -> float | None:
        value = self.value()
        return None if value < 0 else nearest_step(value, self._step, self._max)

    def set_points(self, points: float | None) -> None:
        self.blockSignals(True)
        self.setValue(self.minimum() if points is None else points)
        self.blockSignals(False)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        state, text, pos = super().validate(text, pos)
        if state == QValidator.State.Acceptable and text.strip() not in ("", self.specialValueText()):
            value = self.valueFromText(text)
            if value >= 0 and nearest_step(value, self._step, self._max) != round(value, 6):
                return QValidator.State.Intermediate, text, pos
        return state, text, pos

    def fixup(self, text: str) -> str:
        stripped = text.strip()
        if not stripped or stripped == self.specialValueText():
            return self.specialValueText()
        value = self.locale().toDouble(stripped.replace(self.suffix(), "").strip())[0]
        return self.textFromValue(nearest_step(max(0.0, value), self._step, self._max))


class CommentEdit(QPlainTextEdit):
    """A short comment box; Tab leaves it (to the next criterion), text is always plain."""

    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(58)
        self.document().setDocumentMargin(3)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class CriterionBlock(QFrame):
    """The widgets of one criterion. Emits what the judge chose; shows what the services saved."""

    pointsChosen = Signal(str, object)  # criterion id, float | None
    commentEdited = Signal(str, str)  # criterion id, text
    moveRequested = Signal(int, int)  # this block's index, +1 next / -1 previous

    def __init__(self, index: int, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.criterion = criterion
        self._points: float | None = None
        self._saved_comment = ""
        self._needs_comment = False
        self._showing = False  # set_state is checking radios: not the judge's choice
        self.setObjectName("criterion")
        self.setProperty("current", False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(criterion.title)
        self.setAccessibleDescription(
            " ".join(
                part
                for part in (criterion.description, self.tr("Keys: 1–9 level, arrows, C comment."))
                if part
            )
        )

        self.title = plain_label(f"{index + 1}. {criterion.title}", name=criterion.title)
        font = self.title.font()
        font.setWeight(font.Weight.DemiBold)
        self.title.setFont(font)
        self.badge = QLabel(self)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("✕")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(lambda: self._choose(None))
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.title, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)

        self.meta = plain_label()
        self.meta.setStyleSheet(f"color: {GREY};")
        self.description = plain_label(criterion.description)
        self.description.setStyleSheet(f"color: {GREY};")
        self.description.setVisible(bool(criterion.description))

        self.group = QButtonGroup(self)
        self.radios: list[QRadioButton] = []
        self.spin: PointsSpinBox | None = None
        choices = QGridLayout()
        choices.setHorizontalSpacing(8)
        choices.setVerticalSpacing(3)
        choices.setColumnStretch(1, 1)
        if criterion.levels:
            for i, level in enumerate(criterion.levels):
                radio = QRadioButton(self)
                radio.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows move between levels
                descriptor = ClickableLabel(level.descriptor, self)
                descriptor.clicked.connect(radio.click)
                self.group.addButton(radio, i)
                self.radios.append(radio)
                choices.addWidget(radio, i, 0, Qt.AlignmentFlag.AlignTop)
                choices.addWidget(descriptor, i, 1)
            # Saved from "toggled", not "clicked": a screen reader's Toggle action and the arrow
            # keys check a level without any click.
            self.group.idToggled.connect(self._level_toggled)
        else:
            self.spin = PointsSpinBox(criterion, self)
            self.spin.valueChanged.connect(self._spin_changed)
            self.spin.installEventFilter(self)
            self.setFocusProxy(self.spin)
            self.range_label = plain_label(wrap=False)
            self.range_label.setStyleSheet(f"color: {GREY};")
            choices.addWidget(self.spin, 0, 0)
            choices.addWidget(self.range_label, 0, 1)

        self.comment = CommentEdit(self)
        self.comment.textChanged.connect(self._comment_typed)
        self.comment.escaped.connect(self.setFocus)
        self.comment.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMENT_DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush_comment)
        self.message = plain_label()
        self.message.setStyleSheet(f"color: {RED};")
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.meta)
        layout.addWidget(self.description)
        layout.addLayout(choices)
        layout.addWidget(self.comment)
        layout.addWidget(self.message)
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        c = self.criterion
        parts = [self.tr("max {points}").format(points=fmt_number(c.max_points))]
        if c.weight != 1:
            parts.append(self.tr("weight ×{weight}").format(weight=fmt_number(c.weight)))
        rule = {
            "always": self.tr("comment required"),
            "lowest": self.tr("comment required for the lowest score"),
            "highest": self.tr("comment required for the highest score"),
            "extremes": self.tr("comment required for the lowest or highest score"),
        }.get(c.comment_rule.value)
        if rule:
            parts.append(rule)
        self.meta.setText(" · ".join(parts))
        for i, (radio, level) in enumerate(zip(self.radios, c.levels, strict=True)):
            key = f"[{i + 1}] " if i < 9 else ""
            text = self.tr("{key}{points} pt").format(key=key, points=fmt_number(level.points))
            radio.setText(text)
            radio.setAccessibleName(f"{c.title}: {text} {level.descriptor}")
        if self.spin is not None:
            self.spin.setLocale(QLocale())
            self.spin.setAccessibleName(self.tr("Points for {title}").format(title=c.title))
            self.range_label.setText(
                self.tr("0 to {max}, step {step}").format(
                    max=fmt_number(c.max_points), step=fmt_number(c.step)
                )
            )
            self.spin.set_points(self._points)
        self.clear_button.setToolTip(self.tr("Clear the score (not scored)"))
        self.clear_button.setAccessibleName(self.tr("Clear score for {title}").format(title=c.title))
        self.comment.setPlaceholderText(self.tr("Comment on this criterion (press C)"))
        self.comment.setAccessibleName(self.tr("Comment for {title}").format(title=c.title))
        self._show_badge()
        self._show_comment_rule()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- state from the services --------------------------------------------------------------

    @property
    def points(self) -> float | None:
        return self._points

    def set_state(self, points: float | None, comment: str, needs_comment: bool) -> None:
        """Show saved values without emitting anything."""
        self._timer.stop()
        self._points = points
        self._needs_comment = needs_comment
        if self.radios:
            self._showing = True
            try:
                self.group.setExclusive(False)
                for i, (radio, level) in enumerate(zip(self.radios, self.criterion.levels, strict=True)):
                    radio.setChecked(points is not None and level.points == points and self._first_level(i))
                self.group.setExclusive(True)
            finally:
                self._showing = False
        if self.spin is not None:
            self.spin.set_points(points)
        if comment != self.comment.toPlainText():
            self.comment.blockSignals(True)
            self.comment.setPlainText(comment)
            self.comment.blockSignals(False)
        self._saved_comment = comment
        self.message.hide()
        self._show_badge()
        self._show_comment_rule()

    def _first_level(self, index: int) -> bool:
        """True for the first level with these points (levels with equal points show once)."""
        points = self.criterion.levels[index].points
        return all(lv.points != points for lv in self.criterion.levels[:index])

    def show_rejected(self, message: str) -> None:
        """An inline message for a refused score; the saved value is shown again."""
        self.set_state(self._points, self._saved_comment, self._needs_comment)
        self.message.setText(message)
        self.message.show()

    def _show_badge(self) -> None:
        if self._points is None:
            set_badge(self.badge, self.tr("— not scored"), GREY)
            self.badge.setAccessibleName(self.tr("Not scored"))
        else:
            text = f"{fmt_number(self._points)} / {fmt_number(self.criterion.max_points)}"
            set_badge(self.badge, text, GREEN)
            self.badge.setAccessibleName(self.tr("Scored {points}").format(points=text))
        self.clear_button.setEnabled(self._points is not None)

    def _show_comment_rule(self) -> None:
        required = self.criterion.comment_required(self._points)
        missing = required and not self.comment.toPlainText().strip()
        if bool(self.comment.property("missing")) != missing:
            self.comment.setProperty("missing", missing)
            self.comment.setStyleSheet(f"QPlainTextEdit {{ border: 1px solid {RED}; }}" if missing else "")
        if missing:
            self.message.setText(self.tr("This score needs a comment (press C to write it)."))
            self.message.show()
        elif self.message.text() == self.tr("This score needs a comment (press C to write it)."):
            self.message.hide()

    # -- what the judge does ------------------------------------------------------------------

    def _choose(self, points: float | None) -> None:
        self.message.hide()
        self.pointsChosen.emit(self.criterion.id, points)

    def choose_level(self, number: int) -> bool:
        """Pick the ``number``-th level (1-based); False when there is no such level."""
        if not self.radios or not 1 <= number <= len(self.radios):
            return False
        self._choose(self.criterion.levels[number - 1].points)
        return True

    def _level_toggled(self, index: int, checked: bool) -> None:
        if checked and not self._showing:
            self._choose(self.criterion.levels[index].points)

    def _spin_changed(self, _value: float) -> None:
        if self.spin is not None:
            new = self.spin.points()
            if new != self._points:
                self._choose(new)

    def _comment_typed(self) -> None:
        self._timer.start()
        self._show_comment_rule()

    def flush_comment(self) -> None:
        """Save the comment now if it changed (debounce ended, focus left, entry changes)."""
        self._timer.stop()
        text = self.comment.toPlainText()
        if text != self._saved_comment:
            self._saved_comment = text
            self.commentEdited.emit(self.criterion.id, text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier and key in _DIGITS:
            digit = _DIGITS[int(key)]
            if digit == 0:
                self._choose(None)
            elif not self.choose_level(digit):
                self.message.setText(self.tr("There is no level {n} here.").format(n=digit))
                self.message.show()
            return
        if mods == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._choose(None)
            return
        if mods == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.moveRequested.emit(self.index, 1)
            return
        if mods == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.radios:
            checked = self.group.checkedButton()
            (checked or self.radios[0]).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if mods == Qt.KeyboardModifier.NoModifier and key == Qt.Key.Key_C:
            self.comment.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab (from the block, its points field or its comment) goes to the next criterion."""
        self.flush_comment()
        self.moveRequested.emit(self.index, 1 if next else -1)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched is self.comment:
            self.flush_comment()
        if (
            watched is self.spin
            and self.spin is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.spin.interpretText()
            self._spin_changed(self.spin.value())
            self.moveRequested.emit(self.index, 1)
            return True
        return super().eventFilter(watched, event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()
