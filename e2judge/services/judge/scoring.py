"""Scoring: every change is a transaction with an audit row ("no Save button").

Each change has a session-taking core, ``<name>_in(session, ...)``, which does the change and its
audit row inside the caller's transaction, and a thin wrapper ``<name>(db, ...)`` which runs that
core in a transaction of its own and returns only after it is committed (``synchronous=FULL``), so
a returned ``Change`` is on disk. A caller that must apply several changes together (the worksheet
import) opens one transaction and calls the cores. Setting a value it already has writes nothing
and returns a ``Change`` with ``old == new``. Refused changes raise ``ScoreRejected`` with a message
for the person; the caller's transaction then rolls back, so nothing is changed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from e2judge.core.clock import now
from e2judge.core.i18n import _
from e2judge.core.records import MAX_COMMENT_CHARS, MAX_REASON_CHARS
from e2judge.core.rubric import Criterion, Level, format_points
from e2judge.core.text import clean_text
from e2judge.db.models import Assignment, Batch, Entry, Round, RubricCriterion, RubricLevel, Score
from e2judge.db.session import Database
from e2judge.services.judge.audit import record
from e2judge.services.judge.rounds import criterion_of

__all__ = [
    "MAX_COMMENT_CHARS",
    "MAX_REASON_CHARS",
    "Change",
    "ScoreRejected",
    "clean_comment",
    "declare_conflict",
    "declare_conflict_in",
    "set_comment",
    "set_comment_in",
    "set_overall_comment",
    "set_overall_comment_in",
    "set_points",
    "set_points_in",
    "undo",
    "undo_in",
    "withdraw_conflict",
    "withdraw_conflict_in",
]


FIELD_POINTS = "points"
FIELD_COMMENT = "comment"
FIELD_OVERALL = "overall_comment"
FIELD_CONFLICT = "conflict"


class ScoreRejected(ValueError):
    """A change was refused; the message is meant for the person (e.g. "5 is above the maximum 4")."""


@dataclass(frozen=True)
class Change:
    """What one call changed (``old == new`` when nothing needed to change)."""

    assignment_id: int
    criterion_key: str | None
    field: str  # "points" | "comment" | "overall_comment" | "conflict"
    old: float | str | None
    new: float | str | None
    saved_at: datetime

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass
class _Target:
    assignment: Assignment
    code: str
    round_id: int
    label: str  # for the audit log: "<batch key>:<entry code>"


def _target(s: Session, assignment_id: int) -> _Target:
    found = s.execute(
        select(Assignment, Entry.code, Entry.round_id, Batch.batch_key)
        .join(Entry, Entry.id == Assignment.entry_id)
        .join(Batch, Batch.id == Assignment.batch_id)
        .where(Assignment.id == assignment_id)
    ).first()
    if found is None:
        raise ScoreRejected(_("there is no assignment {number}").format(number=assignment_id))
    assignment, code, round_id, batch_key = found
    return _Target(assignment, code, round_id, f"{batch_key}:{code}")


def _refuse_conflict(target: _Target) -> None:
    if target.assignment.conflict_reason is not None:
        raise ScoreRejected(
            _("entry {code} is declared as a conflict; withdraw the conflict to score it").format(
                code=target.code
            )
        )


def _criterion(s: Session, target: _Target, criterion_key: str) -> Criterion:
    rubric_id = select(Round.rubric_id).where(Round.id == target.round_id).scalar_subquery()
    row = s.scalar(
        select(RubricCriterion).where(
            RubricCriterion.rubric_id == rubric_id, RubricCriterion.criterion_key == criterion_key
        )
    )
    if row is None:
        keys = s.scalars(
            select(RubricCriterion.criterion_key)
            .where(RubricCriterion.rubric_id == rubric_id)
            .order_by(RubricCriterion.position)
        ).all()
        listed = ", ".join(keys[:20]) + (", …" if len(keys) > 20 else "")
        raise ScoreRejected(
            _("there is no criterion {criterion} in this rubric (criteria: {listed})").format(
                criterion=repr(criterion_key), listed=listed
            )
        )
    levels = [
        Level(points, descriptor)
        for points, descriptor in s.execute(
            select(RubricLevel.points, RubricLevel.descriptor)
            .where(RubricLevel.criterion_id == row.id)
            .order_by(RubricLevel.id)
        )
    ]
    return criterion_of(row, levels)


def _score_row(s: Session, assignment_id: int, criterion_key: str) -> Score | None:
    return s.scalar(
        select(Score).where(Score.assignment_id == assignment_id, Score.criterion_key == criterion_key)
    )


def _points(points: float | None) -> float | None:
    if points is None:
        return None
    if isinstance(points, bool) or not isinstance(points, int | float):
        raise ScoreRejected(_("{value} is not a number").format(value=repr(points)))
    value = float(points)
    if not math.isfinite(value):
        raise ScoreRejected(_("{value} is not a number").format(value=value))
    return value + 0.0  # -0.0 becomes 0.0


def _show(value: float | str | None) -> str | None:
    if value is None:
        return None
    return format_points(value) if isinstance(value, float) else value


_NOT_TEXT = {
    "comment": lambda: _("the comment is not text"),
    "overall": lambda: _("the overall comment is not text"),
    "reason": lambda: _("the reason is not text"),
}
_TOO_LONG = {
    "comment": lambda: _("the comment is {length} characters long; the limit is {limit}"),
    "overall": lambda: _("the overall comment is {length} characters long; the limit is {limit}"),
    "reason": lambda: _("the reason is {length} characters long; the limit is {limit}"),
}


def clean_comment(text: str, limit: int = MAX_COMMENT_CHARS, what: str = "comment") -> str:
    """A comment as stored: NFC, control and bidi characters removed, stripped; refused when too long.

    ``what`` names the text in refusals: "comment", "overall" (comment) or "reason" (for a conflict).
    """
    if not isinstance(text, str):
        raise ScoreRejected(_NOT_TEXT.get(what, _NOT_TEXT["comment"])())
    cleaned = clean_text(text)
    if len(cleaned) > limit:
        message = _TOO_LONG.get(what, _TOO_LONG["comment"])()
        raise ScoreRejected(message.format(length=len(cleaned), limit=limit))
    return cleaned


def set_points_in(
    s: Session, assignment_id: int, criterion_key: str, points: float | None, actor: str
) -> Change:
    """Set (None: clear) one criterion's points; refuses off-step or out-of-range values and conflicts."""
    new = _points(points)
    target = _target(s, assignment_id)
    _refuse_conflict(target)
    criterion = _criterion(s, target, criterion_key)
    if new is not None:
        problem = criterion.check_points(new)
        if problem is not None:
            raise ScoreRejected(problem)
    score = _score_row(s, assignment_id, criterion_key)
    old = score.points if score is not None else None
    at = now()
    if old == new:
        return Change(assignment_id, criterion_key, FIELD_POINTS, old, new, at)
    if score is None:
        s.add(
            Score(
                assignment_id=assignment_id,
                criterion_key=criterion_key,
                points=new,
                comment="",
                updated_at=at,
            )
        )
    else:
        score.points = new
        score.updated_at = at
    target.assignment.updated_at = at
    record(s, actor, "set-points", target.label, criterion_key, _show(old), _show(new))
    return Change(assignment_id, criterion_key, FIELD_POINTS, old, new, at)


def set_comment_in(s: Session, assignment_id: int, criterion_key: str, text: str, actor: str) -> Change:
    """Set one criterion's comment ("" clears it)."""
    new = clean_comment(text)
    target = _target(s, assignment_id)
    _refuse_conflict(target)
    _criterion(s, target, criterion_key)
    score = _score_row(s, assignment_id, criterion_key)
    old = score.comment if score is not None else ""
    at = now()
    if old == new:
        return Change(assignment_id, criterion_key, FIELD_COMMENT, old, new, at)
    if score is None:
        s.add(
            Score(
                assignment_id=assignment_id,
                criterion_key=criterion_key,
                points=None,
                comment=new,
                updated_at=at,
            )
        )
    else:
        score.comment = new
        score.updated_at = at
    target.assignment.updated_at = at
    record(s, actor, "set-comment", target.label, criterion_key, old, new)
    return Change(assignment_id, criterion_key, FIELD_COMMENT, old, new, at)


def set_overall_comment_in(s: Session, assignment_id: int, text: str, actor: str) -> Change:
    """Set the overall comment on an entry ("" clears it)."""
    new = clean_comment(text, what="overall")
    target = _target(s, assignment_id)
    _refuse_conflict(target)
    old = target.assignment.overall_comment or ""
    at = now()
    if old == new:
        return Change(assignment_id, None, FIELD_OVERALL, old, new, at)
    target.assignment.overall_comment = new
    target.assignment.updated_at = at
    record(s, actor, "set-overall-comment", target.label, FIELD_OVERALL, old, new)
    return Change(assignment_id, None, FIELD_OVERALL, old, new, at)


def declare_conflict_in(s: Session, assignment_id: int, reason: str, actor: str) -> Change:
    """Declare a conflict of interest on an entry (a reason is required); scores are kept but frozen."""
    new = clean_comment(reason, MAX_REASON_CHARS, what="reason")
    if not new:
        raise ScoreRejected(_("a reason is required to declare a conflict"))
    target = _target(s, assignment_id)
    old = target.assignment.conflict_reason
    at = now()
    if old == new:
        return Change(assignment_id, None, FIELD_CONFLICT, old, new, at)
    target.assignment.conflict_reason = new
    target.assignment.conflict_at = at
    target.assignment.updated_at = at
    record(s, actor, "declare-conflict", target.label, "conflict_reason", old, new)
    return Change(assignment_id, None, FIELD_CONFLICT, old, new, at)


def withdraw_conflict_in(s: Session, assignment_id: int, actor: str) -> Change:
    """Withdraw a declared conflict (nothing to do when none is declared)."""
    target = _target(s, assignment_id)
    old = target.assignment.conflict_reason
    at = now()
    if old is None:
        return Change(assignment_id, None, FIELD_CONFLICT, None, None, at)
    target.assignment.conflict_reason = None
    target.assignment.conflict_at = None
    target.assignment.updated_at = at
    record(s, actor, "withdraw-conflict", target.label, "conflict_reason", old, None)
    return Change(assignment_id, None, FIELD_CONFLICT, old, None, at)


def undo_in(s: Session, change: Change, actor: str) -> Change:
    """Apply the reverse of ``change`` (itself a new, audited change)."""
    aid, old = change.assignment_id, change.old
    if change.field == FIELD_POINTS and change.criterion_key is not None:
        if isinstance(old, str):
            raise ScoreRejected(_("this change cannot be undone: its old points are not a number"))
        return set_points_in(s, aid, change.criterion_key, old, actor)
    if change.field == FIELD_COMMENT and change.criterion_key is not None:
        return set_comment_in(s, aid, change.criterion_key, _text(old), actor)
    if change.field == FIELD_OVERALL:
        return set_overall_comment_in(s, aid, _text(old), actor)
    if change.field == FIELD_CONFLICT:
        if old is None:
            return withdraw_conflict_in(s, aid, actor)
        return declare_conflict_in(s, aid, _text(old), actor)
    raise ScoreRejected(_("this change cannot be undone (field {field})").format(field=repr(change.field)))


# --- each change in a transaction of its own ---------------------------------------------------


def set_points(
    db: Database, assignment_id: int, criterion_key: str, points: float | None, actor: str
) -> Change:
    """``set_points_in``, committed."""
    with db.transaction() as s:
        return set_points_in(s, assignment_id, criterion_key, points, actor)


def set_comment(db: Database, assignment_id: int, criterion_key: str, text: str, actor: str) -> Change:
    """``set_comment_in``, committed."""
    with db.transaction() as s:
        return set_comment_in(s, assignment_id, criterion_key, text, actor)


def set_overall_comment(db: Database, assignment_id: int, text: str, actor: str) -> Change:
    """``set_overall_comment_in``, committed."""
    with db.transaction() as s:
        return set_overall_comment_in(s, assignment_id, text, actor)


def declare_conflict(db: Database, assignment_id: int, reason: str, actor: str) -> Change:
    """``declare_conflict_in``, committed."""
    with db.transaction() as s:
        return declare_conflict_in(s, assignment_id, reason, actor)


def withdraw_conflict(db: Database, assignment_id: int, actor: str) -> Change:
    """``withdraw_conflict_in``, committed."""
    with db.transaction() as s:
        return withdraw_conflict_in(s, assignment_id, actor)


def undo(db: Database, change: Change, actor: str) -> Change:
    """``undo_in``, committed."""
    with db.transaction() as s:
        return undo_in(s, change, actor)


def _text(value: float | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    raise ScoreRejected(_("this change cannot be undone: its old value is not text"))
