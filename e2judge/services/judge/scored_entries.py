"""Every entry of a round with all its scores and comments at once: what the exports read."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from e2judge.core.records import RoundRef, ScoredEntry
from e2judge.core.rubric import totals
from e2judge.db.models import Assignment, Entry, Score
from e2judge.db.session import Database
from e2judge.services.judge.entries import list_entries

__all__ = ["ScoredEntry", "load_scores"]


def load_scores(db: Database, ref: RoundRef) -> list[ScoredEntry]:
    """Every entry of ``ref`` with its scores, in the entry list's order (three queries in all)."""
    rows = list_entries(db, ref)
    where = (Assignment.judge_id == ref.judge_id, Entry.round_id == ref.round_id)
    with db.session() as s:
        entries = {
            aid: (title, authors, school, province, category, overall, conflict)
            for aid, title, authors, school, province, category, overall, conflict in s.execute(
                select(
                    Assignment.id,
                    Entry.title,
                    Entry.authors,
                    Entry.school,
                    Entry.province,
                    Entry.category,
                    Assignment.overall_comment,
                    Assignment.conflict_reason,
                )
                .join(Entry, Entry.id == Assignment.entry_id)
                .where(*where)
            )
        }
        stored: dict[int, dict[str, tuple[float | None, str]]] = defaultdict(dict)
        for aid, key, pts, comment in s.execute(
            select(Score.assignment_id, Score.criterion_key, Score.points, Score.comment)
            .join(Assignment, Assignment.id == Score.assignment_id)
            .join(Entry, Entry.id == Assignment.entry_id)
            .where(*where)
        ):
            stored[aid][key] = (pts, comment or "")
    rubric = ref.rubric
    out: list[ScoredEntry] = []
    for row in rows:
        title, authors, school, province, category, overall, conflict = entries[row.assignment_id]
        have = stored.get(row.assignment_id, {})
        points = {c.id: have.get(c.id, (None, ""))[0] for c in rubric.criteria}
        comments = {c.id: have.get(c.id, (None, ""))[1] for c in rubric.criteria}
        out.append(
            ScoredEntry(
                assignment_id=row.assignment_id,
                code=row.code,
                title=title,
                authors="" if ref.blind else authors,
                school="" if ref.blind else school,
                province="" if ref.blind else province,
                category=category,
                status=row.status,
                points=points,
                comments=comments,
                overall_comment=overall or "",
                conflict_reason=conflict,
                totals=totals(rubric, points),
            )
        )
    return out
