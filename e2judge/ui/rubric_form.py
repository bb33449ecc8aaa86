"""The rubric form: one block per criterion grouped by section, the overall comment and the totals.

A view: it emits what the judge chose and shows what the services saved (``show_detail``); the
scoring controller connects the two.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from e2judge.core.rubric import Rubric
from e2judge.services.judge.entries import EntryDetail
from e2judge.ui.criterion_block import COMMENT_DEBOUNCE_MS, CriterionBlock
from e2judge.ui.i18n import fmt_number
from e2judge.ui.labels import status_colour, status_text
from e2judge.ui.widgets import BLUE, GREY, plain_label, set_badge

STYLE = """
QFrame#criterion { background: #ffffff; border: 1px solid #e2e5ea; border-radius: 8px; }
QFrame#criterion[current="true"] { border: 2px solid #2563eb; background: #f8faff; }
QFrame#conflictBanner { background: #eff6ff; border: 1px solid #93c5fd; border-radius: 8px; }
"""


class RubricForm(QWidget):
    """Scores, comments and totals of the entry being judged."""

    pointsChosen = Signal(str, object)  # criterion id, float | None
    commentEdited = Signal(str, str)
    overallEdited = Signal(str)
    declareConflictRequested = Signal()
    withdrawConflictRequested = Signal()
    lockedKey = Signal()  # a digit typed on a conflict entry: nothing can be scored

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Rubric form"))
        self._rubric: Rubric | None = None
        self._detail: EntryDetail | None = None
        self._focused_index: int | None = None  # the criterion last focused on this entry
        self.blocks: list[CriterionBlock] = []
        self._section_labels: list[QLabel] = []

        self.entry_label = plain_label(name=self.tr("Entry being scored"))
        font = self.entry_label.font()
        font.setWeight(font.Weight.DemiBold)
        self.entry_label.setFont(font)
        self.status_badge = QLabel(self)
        self.totals_label = plain_label(name=self.tr("Totals"))
        totals_font = self.totals_label.font()
        totals_font.setPointSizeF(totals_font.pointSizeF() * 1.1)
        self.totals_label.setFont(totals_font)
        self.scored_label = plain_label(name=self.tr("Criteria scored"))
        self.scored_label.setStyleSheet(f"color: {GREY};")
        self.conflict_button = QPushButton(self)
        self.conflict_button.clicked.connect(self.declareConflictRequested)

        self.banner = QFrame(self)
        self.banner.setObjectName("conflictBanner")
        self.banner_text = plain_label(name=self.tr("Conflict of interest"))
        self.banner_text.setStyleSheet(f"color: {BLUE};")
        self.withdraw_button = QPushButton(self.banner)
        self.withdraw_button.clicked.connect(self.withdrawConflictRequested)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.withdraw_button, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()

        self.hint = plain_label(name=self.tr("Keyboard help"))
        self.hint.setStyleSheet(f"color: {GREY}; font-size: 8.5pt;")

        self.content = QWidget(self)
        self.content.setStyleSheet(STYLE)
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(8, 4, 8, 12)
        self.content_layout.setSpacing(8)
        self.overall_label = QLabel(self.content)
        self.overall = QPlainTextEdit(self.content)
        self.overall.setTabChangesFocus(True)
        self.overall.setFixedHeight(84)
        self.overall.textChanged.connect(self._overall_typed)
        self.overall.installEventFilter(self)
        self._overall_saved = ""
        self._overall_timer = QTimer(self)
        self._overall_timer.setSingleShot(True)
        self._overall_timer.setInterval(COMMENT_DEBOUNCE_MS)
        self._overall_timer.timeout.connect(self.flush_overall)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.content)
        self.scroll_area.setAccessibleName(self.tr("Criteria"))

        head = QVBoxLayout()
        head.setContentsMargins(12, 10, 12, 4)
        head.setSpacing(4)
        row1 = QHBoxLayout()
        row1.addWidget(self.entry_label, 1)
        row1.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(row1)
        row2 = QHBoxLayout()
        row2.addWidget(self.totals_label, 1)
        row2.addWidget(self.conflict_button, 0)
        head.addLayout(row2)
        head.addWidget(self.scored_label)
        head.addWidget(self.banner)
        head.addWidget(self.hint)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(head)
        outer.addWidget(self.scroll_area, 1)

        app = QApplication.instance()
        if app is not None:
            cast(QApplication, app).focusChanged.connect(self._focus_changed)
        self.retranslate()
        self.show_detail(None)

    # -- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.conflict_button.setText(self.tr("Declare conflict of interest…"))
        self.conflict_button.setAccessibleName(self.tr("Declare conflict of interest"))
        self.withdraw_button.setText(self.tr("Withdraw declaration"))
        self.withdraw_button.setAccessibleName(self.tr("Withdraw conflict declaration"))
        self.overall_label.setText(self.tr("Overall comment"))
        self.overall.setAccessibleName(self.tr("Overall comment"))
        self.overall.setPlaceholderText(self.tr("Your overall comment on this entry (saved as you type)"))
        self.hint.setText(
            self.tr(
                "Keys: 1–9 choose a level · 0 or Delete clears · C comment · Enter/Tab next criterion · "
                "Ctrl+PgDown next entry · Ctrl+Z undo"
            )
        )
        self.show_detail(self._detail)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- building -----------------------------------------------------------------------------

    def set_rubric(self, rubric: Rubric | None) -> None:
        """Build the blocks for ``rubric`` (kept while the rubric stays the same)."""
        if rubric is self._rubric or (rubric is not None and rubric == self._rubric):
            return
        self._rubric = rubric
        for block in self.blocks:
            block.deleteLater()
        for label in self._section_labels:
            label.deleteLater()
        self.blocks, self._section_labels = [], []
        while self.content_layout.count():
            self.content_layout.takeAt(0)
        if rubric is None:
            return
        index = 0
        for section in rubric.sections:
            if section:
                label = plain_label(section, self.content, name=section)
                font = label.font()
                font.setPointSizeF(font.pointSizeF() * 1.1)
                font.setWeight(font.Weight.Bold)
                label.setFont(font)
                label.setContentsMargins(2, 6, 0, 0)
                self._section_labels.append(label)
                self.content_layout.addWidget(label)
            for criterion in rubric.in_section(section):
                block = CriterionBlock(index, criterion, self.content)
                block.pointsChosen.connect(self.pointsChosen)
                block.commentEdited.connect(self.commentEdited)
                block.moveRequested.connect(self._move)
                self.blocks.append(block)
                self.content_layout.addWidget(block)
                index += 1
        self.content_layout.addWidget(self.overall_label)
        self.content_layout.addWidget(self.overall)
        self.content_layout.addStretch(1)

    # -- showing saved state ------------------------------------------------------------------

    def show_detail(self, detail: EntryDetail | None) -> None:
        """Show the saved scores of ``detail`` (None: no entry selected)."""
        new_entry = (
            detail is None or self._detail is None or detail.assignment_id != self._detail.assignment_id
        )
        self._detail = detail
        if detail is None:
            self._focused_index = None
            self.entry_label.setText(self.tr("No entry selected"))
            self.totals_label.setText("")
            self.scored_label.setText("")
            self.status_badge.hide()
            self.banner.hide()
            self.conflict_button.setEnabled(False)
            self.content.setEnabled(False)
            self.scroll_area.hide()  # no criteria of an entry that is not shown
            return
        self.scroll_area.show()
        self.set_rubric(detail.rubric)
        if new_entry:
            self._focused_index = None
        self.entry_label.setText(f"{detail.code} · {detail.title}")
        self.status_badge.show()
        set_badge(self.status_badge, status_text(detail.status), status_colour(detail.status))
        self.status_badge.setAccessibleName(status_text(detail.status))
        missing = set(detail.missing_comments)
        for block in self.blocks:
            cid = block.criterion.id
            block.set_state(detail.points.get(cid), detail.comments.get(cid, ""), cid in missing)
        if self.overall.toPlainText() != detail.overall_comment:
            self.overall.blockSignals(True)
            self.overall.setPlainText(detail.overall_comment)
            self.overall.blockSignals(False)
        self._overall_saved = detail.overall_comment
        self._show_totals(detail)
        conflict = detail.conflict_reason is not None
        self.banner.setVisible(conflict)
        if conflict:
            self.banner_text.setText(
                self.tr(
                    "You declared a conflict of interest: {reason}\nThis entry is locked and not counted."
                ).format(reason=detail.conflict_reason)
            )
        self.conflict_button.setVisible(not conflict)
        self.conflict_button.setEnabled(not conflict)
        self.content.setEnabled(not conflict)

    @property
    def current_index(self) -> int:
        """The criterion being scored: the one last focused on this entry, else the first unscored."""
        if self._focused_index is not None:
            return self._focused_index
        for block in self.blocks:
            if block.points is None:
                return block.index
        return 0

    @property
    def locked(self) -> bool:
        """True when the entry shown cannot be scored (none shown, or a declared conflict)."""
        return self._detail is None or self._detail.conflict_reason is not None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits that reach the form itself (its blocks are disabled on a conflict entry)."""
        if event.text().isdigit() and self._detail is not None and self._detail.conflict_reason is not None:
            self.lockedKey.emit()
            return
        super().keyPressEvent(event)

    def _show_totals(self, detail: EntryDetail) -> None:
        t = detail.totals
        self.totals_label.setText(
            self.tr("Total {raw} / {raw_max} · weighted {weighted} / {weighted_max} ({percent}%)").format(
                raw=fmt_number(t.raw),
                raw_max=fmt_number(t.raw_max),
                weighted=fmt_number(t.weighted),
                weighted_max=fmt_number(t.weighted_max),
                percent=fmt_number(round(t.percent, 1)),
            )
        )
        text = self.tr("{scored} of {count} criteria scored").format(scored=t.scored, count=t.criteria)
        if detail.missing_comments:
            text += " · " + self.tr("{n} required comment(s) missing").format(n=len(detail.missing_comments))
        self.scored_label.setText(text)

    def show_rejected(self, criterion_id: str, message: str) -> None:
        """Inline message under the criterion whose score was refused."""
        for block in self.blocks:
            if block.criterion.id == criterion_id:
                block.show_rejected(message)

    # -- comments -----------------------------------------------------------------------------

    def _overall_typed(self) -> None:
        self._overall_timer.start()

    def flush_overall(self) -> None:
        self._overall_timer.stop()
        text = self.overall.toPlainText()
        if text != self._overall_saved:
            self._overall_saved = text
            self.overallEdited.emit(text)

    def flush(self) -> None:
        """Save every comment still waiting for its debounce (before changing entry or closing)."""
        for block in self.blocks:
            block.flush_comment()
        self.flush_overall()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.overall and event.type() == QEvent.Type.FocusOut:
            self.flush_overall()
        return super().eventFilter(watched, event)

    # -- focus --------------------------------------------------------------------------------

    def focus_criterion(self, index: int | None = None) -> None:
        """Focus the ``index``-th criterion (default: the current one)."""
        index = self.current_index if index is None else index
        if 0 <= index < len(self.blocks):
            block = self.blocks[index]
            block.setFocus(Qt.FocusReason.TabFocusReason)
            self.scroll_area.ensureWidgetVisible(block, 0, 24)

    def _move(self, index: int, direction: int) -> None:
        target = index + direction
        if target >= len(self.blocks):
            self.overall.setFocus(Qt.FocusReason.TabFocusReason)
            self.scroll_area.ensureWidgetVisible(self.overall, 0, 24)
        elif target >= 0:
            self.focus_criterion(target)

    def current_block(self) -> CriterionBlock | None:
        focus = QApplication.focusWidget()
        for block in self.blocks:
            if focus is not None and (focus is block or block.isAncestorOf(focus)):
                return block
        return None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for block in self.blocks:
            current = new is not None and (new is block or block.isAncestorOf(new))
            if current:
                self._focused_index = block.index
            if bool(block.property("current")) != current:
                block.setProperty("current", current)
                block.style().unpolish(block)
                block.style().polish(block)
