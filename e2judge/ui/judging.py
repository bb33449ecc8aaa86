"""The judging controller: the current round and entry, and every score change through the services.

Each change is one call to ``services.scoring`` (its own committed transaction); the controller
then shows the committed value (applied to the entry with the services' own rules, or re-read
with ``entry_detail`` for conflicts and undo), updates the list row and the progress, and reports
the save time. Refused changes come back as inline messages in the form.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from e2judge.core.rubric import missing_comments, totals
from e2judge.services.judge import scoring
from e2judge.services.judge.entries import (
    EntryDetail,
    EntryNotFound,
    EntryRow,
    entry_detail,
    entry_status,
    list_entries,
)
from e2judge.services.judge.rounds import RoundRef, list_rounds
from e2judge.services.judge.scoring import Change, ScoreRejected
from e2judge.ui.context import AppContext
from e2judge.ui.details_view import DetailsPane
from e2judge.ui.entry_model import EntryTableModel, Filter
from e2judge.ui.rubric_form import RubricForm

UNDO_LIMIT = 200


def row_from_detail(row: EntryRow, detail: EntryDetail) -> EntryRow:
    """The list row updated with a freshly read detail (no need to re-read the whole list)."""
    return dataclasses.replace(
        row,
        status=detail.status,
        weighted=detail.totals.weighted if detail.totals.scored else None,
        scored=detail.totals.scored,
    )


def apply_change(detail: EntryDetail, change: Change) -> EntryDetail | None:
    """``detail`` with a committed points/comment change applied (None: re-read it instead).

    Totals, missing comments and status are recomputed with the same rules the services use, so
    the form shows what was committed without reading the entry again.
    """
    if change.assignment_id != detail.assignment_id or detail.conflict_reason is not None:
        return None
    points, comments, overall = dict(detail.points), dict(detail.comments), detail.overall_comment
    if change.field == "points" and change.criterion_key in points:
        if isinstance(change.new, str):
            return None
        points[change.criterion_key] = change.new
    elif change.field == "comment" and change.criterion_key in comments:
        comments[change.criterion_key] = str(change.new or "")
    elif change.field == "overall_comment":
        overall = str(change.new or "")
    else:
        return None
    tot = totals(detail.rubric, points)
    missing = tuple(missing_comments(detail.rubric, points, comments))
    commented = any(text.strip() for text in comments.values()) or bool(overall.strip())
    return dataclasses.replace(
        detail,
        points=points,
        comments=comments,
        overall_comment=overall,
        totals=tot,
        missing_comments=missing,
        status=entry_status(None, tot.scored, tot.criteria, len(missing), commented),
    )


class JudgingController(QObject):
    """Connects the entry list, details pane and rubric form to the services."""

    saved = Signal(object)  # datetime of the last committed change
    progressChanged = Signal(int, int)
    roundsChanged = Signal(list)  # list[RoundRef]
    roundChanged = Signal(object)  # RoundRef | None
    entryShown = Signal(object)  # EntryDetail | None
    problem = Signal(str)  # a message for the status bar (not a pop-up)

    def __init__(
        self,
        ctx: AppContext,
        model: EntryTableModel,
        details: DetailsPane,
        form: RubricForm,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.details = details
        self.form = form
        self.refs: list[RoundRef] = []
        self.ref: RoundRef | None = None
        self.detail: EntryDetail | None = None
        self.undo_stack: list[Change] = []
        form.pointsChosen.connect(self.set_points)
        form.commentEdited.connect(self.set_comment)
        form.overallEdited.connect(self.set_overall)

    @property
    def actor(self) -> str:
        return f"judge:{self.ref.judge_key}" if self.ref is not None else "judge"

    @property
    def current_id(self) -> int | None:
        return self.detail.assignment_id if self.detail is not None else None

    # -- rounds and entries ---------------------------------------------------------------------

    def load_rounds(self) -> list[RoundRef]:
        """Read the rounds again (after an import or a restore) and open the first (or the same)."""
        previous = self.ref
        self.refs = list_rounds(self.ctx.db)
        self.roundsChanged.emit(self.refs)
        index = 0
        if previous is not None:
            for i, ref in enumerate(self.refs):
                if (ref.round_id, ref.judge_id) == (previous.round_id, previous.judge_id):
                    index = i
        self.set_round(index if self.refs else -1)
        return self.refs

    def set_round(self, index: int) -> None:
        """Open ``refs[index]`` (-1: none)."""
        self.form.flush()
        self.ref = self.refs[index] if 0 <= index < len(self.refs) else None
        self.detail = None
        self.undo_stack.clear()
        rows = list_entries(self.ctx.db, self.ref) if self.ref is not None else []
        self.model.set_rows(rows, blind=self.ref.blind if self.ref else False)
        self.show_entry(None)
        self._emit_progress()
        self.roundChanged.emit(self.ref)

    def reload_rows(self) -> None:
        """Re-read the list of the current round (keeps the filter)."""
        if self.ref is not None:
            self.model.set_rows(list_entries(self.ctx.db, self.ref), blind=self.ref.blind)
            self._emit_progress()

    def set_filter(self, value: Filter) -> None:
        self.model.set_filter(value)

    def show_entry(self, assignment_id: int | None) -> None:
        """Show one entry in the details pane and the form (saving pending comments first)."""
        if assignment_id is not None and assignment_id == self.current_id:
            return
        self.form.flush()
        detail: EntryDetail | None = None
        if assignment_id is not None and self.ref is not None:
            try:
                detail = entry_detail(self.ctx.db, self.ctx.profile, self.ref, assignment_id)
            except EntryNotFound as exc:
                self.problem.emit(str(exc))
        self.detail = detail
        blind = self.ref.blind if self.ref is not None else False
        self.details.show_detail(detail, blind)
        self.form.show_detail(detail)
        self.entryShown.emit(detail)

    def refresh(self, change: Change | None = None) -> None:
        """Show the current entry after ``change`` (re-read when it cannot be applied locally)."""
        if self.detail is None or self.ref is None:
            return
        detail = apply_change(self.detail, change) if change is not None else None
        if detail is None:
            detail = entry_detail(self.ctx.db, self.ctx.profile, self.ref, self.detail.assignment_id)
        self.detail = detail
        self.form.show_detail(detail)
        self._update_row(detail)

    def _update_row(self, detail: EntryDetail) -> None:
        row = self.model.row_by_id(detail.assignment_id)
        if row is not None:
            self.model.update_row(row_from_detail(row, detail))
        self._emit_progress()

    def _emit_progress(self) -> None:
        done, total = self.model.progress()
        self.progressChanged.emit(done, total)

    # -- changes --------------------------------------------------------------------------------

    def _committed(self, change: Change, undoable: bool) -> None:
        if undoable and change.changed:
            self.undo_stack.append(change)
            del self.undo_stack[:-UNDO_LIMIT]
        self.saved.emit(change.saved_at)

    def set_points(self, criterion_id: str, points: float | None) -> None:
        if self.detail is None:
            return
        try:
            change = scoring.set_points(
                self.ctx.db, self.detail.assignment_id, criterion_id, points, self.actor
            )
        except ScoreRejected as exc:
            self.form.show_rejected(criterion_id, str(exc))
            return
        self._committed(change, undoable=True)
        self.refresh(change)

    def set_comment(self, criterion_id: str, text: str) -> None:
        if self.detail is None:
            return
        try:
            change = scoring.set_comment(
                self.ctx.db, self.detail.assignment_id, criterion_id, text, self.actor
            )
        except ScoreRejected as exc:
            self.form.show_rejected(criterion_id, str(exc))
            return
        self._committed(change, undoable=False)
        self.refresh(change)

    def set_overall(self, text: str) -> None:
        if self.detail is None:
            return
        try:
            change = scoring.set_overall_comment(self.ctx.db, self.detail.assignment_id, text, self.actor)
        except ScoreRejected as exc:
            self.problem.emit(str(exc))
            return
        self._committed(change, undoable=False)
        self.refresh(change)

    def declare_conflict(self, reason: str) -> str | None:
        """Declare a conflict on the current entry; returns the refusal message, if any."""
        if self.detail is None:
            return None
        self.form.flush()
        try:
            change = scoring.declare_conflict(self.ctx.db, self.detail.assignment_id, reason, self.actor)
        except ScoreRejected as exc:
            return str(exc)
        self._committed(change, undoable=True)
        self.refresh()
        return None

    def withdraw_conflict(self) -> None:
        if self.detail is None:
            return
        change = scoring.withdraw_conflict(self.ctx.db, self.detail.assignment_id, self.actor)
        self._committed(change, undoable=True)
        self.refresh()

    def undo(self) -> Change | None:
        """Undo the last score change (possibly on another entry, which is then shown)."""
        if not self.undo_stack:
            self.problem.emit(self.tr("Nothing to undo."))
            return None
        change = self.undo_stack.pop()
        try:
            reverse = scoring.undo(self.ctx.db, change, self.actor)
        except ScoreRejected as exc:
            self.problem.emit(str(exc))
            return None
        self.saved.emit(reverse.saved_at)
        if change.assignment_id != self.current_id:
            self.show_entry(change.assignment_id)
            if self.detail is not None:
                self._update_row(self.detail)
        else:
            self.refresh()
        return reverse

    def last_saved(self) -> datetime | None:
        return self.undo_stack[-1].saved_at if self.undo_stack else None
