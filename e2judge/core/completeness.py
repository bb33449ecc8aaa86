"""Whether one entry's scores are complete under a rubric (what a score sheet's ``complete`` means)."""

from __future__ import annotations

from e2judge.core.rubric import CommentRule, Rubric

__all__ = ["Completeness", "all_scored", "is_complete"]


def all_scored(conflict_reason: str | None, points: tuple[float | None, ...]) -> bool:
    """No conflict declared and every criterion has points: what ``complete`` requires.

    Complete also needs every comment the rubric requires; that is checked against the rubric.
    """
    return conflict_reason is None and bool(points) and None not in points



class Completeness:
    """Whether an entry is complete under a rubric: no conflict, every criterion scored, and every
    comment the rubric requires given (``missing_comments``' rule, compiled once per rubric).

    Points and comments follow the rubric's criteria order.
    """

    def __init__(self, rubric: Rubric) -> None:
        self.width = len(rubric.criteria)
        self.rules: list[tuple[int, bool, frozenset[float]]] = []  # (position, always, points needing one)
        for position, c in enumerate(rubric.criteria):
            if c.comment_rule is CommentRule.NEVER:
                continue
            allowed = c.allowed_points()
            needing = frozenset(p for p in allowed if c.comment_required(p))
            self.rules.append((position, c.comment_rule is CommentRule.ALWAYS, needing))

    def __call__(
        self, conflict_reason: str | None, points: tuple[float | None, ...], comments: tuple[str, ...]
    ) -> bool:
        if len(points) != self.width or not all_scored(conflict_reason, points):
            return False
        for position, always, needing in self.rules:
            if (always or points[position] in needing) and not comments[position].strip():
                return False
        return True


def is_complete(
    rubric: Rubric, conflict_reason: str | None, points: tuple[float | None, ...], comments: tuple[str, ...]
) -> bool:
    """``Completeness(rubric)`` for one entry."""
    return Completeness(rubric)(conflict_reason, points, comments)
