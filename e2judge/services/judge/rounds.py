"""The rounds a judge can score: one per (round, judge) that has assignments."""

from __future__ import annotations

import base64
import binascii
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from e2judge.core.records import RoundRef
from e2judge.core.rubric import CommentRule, Criterion, Level, Rubric
from e2judge.db.models import Assignment, Batch, Contest, Entry, Judge, Round, RubricCriterion, RubricLevel
from e2judge.db.session import Database
from e2judge.formats.fingerprint import readable_fingerprint

__all__ = ["RoundRef", "criterion_of", "list_rounds", "load_rubric"]


def load_rubric(session: Session, rubric_id: int) -> Rubric:
    """The core ``Rubric`` stored under ``rubric_id`` (criteria and levels in their original order)."""
    criteria = session.scalars(
        select(RubricCriterion)
        .where(RubricCriterion.rubric_id == rubric_id)
        .order_by(RubricCriterion.position)
    ).all()
    levels: dict[int, list[Level]] = defaultdict(list)
    if criteria:
        rows = session.execute(
            select(RubricLevel.criterion_id, RubricLevel.points, RubricLevel.descriptor)
            .where(RubricLevel.criterion_id.in_([c.id for c in criteria]))
            .order_by(RubricLevel.id)
        )
        for criterion_id, points, descriptor in rows:
            levels[criterion_id].append(Level(points, descriptor))
    return Rubric(tuple(criterion_of(row, levels[row.id]) for row in criteria))


def criterion_of(row: RubricCriterion, levels: list[Level]) -> Criterion:
    """A core ``Criterion`` from its row."""
    return Criterion(
        id=row.criterion_key,
        section=row.section,
        title=row.title,
        description=row.description,
        max_points=row.max_points,
        step=row.step,
        weight=row.weight,
        levels=tuple(levels),
        comment_rule=CommentRule(row.comment_rule),
    )


def _fingerprint(public_key_b64: str | None) -> str:
    if not public_key_b64:
        return ""
    try:
        return readable_fingerprint(base64.b64decode(public_key_b64, validate=True))
    except (binascii.Error, ValueError):
        return ""


def list_rounds(db: Database) -> list[RoundRef]:
    """Every (round, judge) with assignments, newest import first."""
    demo_expr = func.json_extract(Batch.manifest_json, "$.organizer.demo")
    label_expr = func.json_extract(Batch.manifest_json, "$.organizer.label")
    # The newest batch per (round, judge); the (round, judge) must have assignments (checked below).
    newest = (
        select(Batch.round_id, Batch.judge_id, func.max(Batch.imported_at).label("at"))
        .group_by(Batch.round_id, Batch.judge_id)
        .subquery()
    )
    query = (
        select(Batch, Round, Contest, Judge, demo_expr, label_expr)
        .join(
            newest,
            (newest.c.round_id == Batch.round_id)
            & (newest.c.judge_id == Batch.judge_id)
            & (newest.c.at == Batch.imported_at),
        )
        .join(Round, Round.id == Batch.round_id)
        .join(Contest, Contest.id == Round.contest_id)
        .join(Judge, Judge.id == Batch.judge_id)
        .order_by(Batch.imported_at.desc(), Batch.id.desc())
    )
    refs: list[RoundRef] = []
    seen: set[tuple[int, int]] = set()
    rubrics: dict[int, Rubric] = {}
    with db.session() as s:
        for batch, rnd, contest, judge, demo, label in s.execute(query):
            key = (rnd.id, judge.id)
            if key in seen or rnd.rubric_id is None:
                continue
            has_entries = s.scalar(
                select(Assignment.id)
                .join(Entry, Entry.id == Assignment.entry_id)
                .where(Assignment.judge_id == judge.id, Entry.round_id == rnd.id)
                .limit(1)
            )
            if has_entries is None:
                continue
            seen.add(key)
            if rnd.rubric_id not in rubrics:
                rubrics[rnd.rubric_id] = load_rubric(s, rnd.rubric_id)
            refs.append(
                RoundRef(
                    round_id=rnd.id,
                    judge_id=judge.id,
                    contest_key=contest.contest_key,
                    contest_name=contest.name,
                    round_name=rnd.name,
                    judge_key=judge.judge_key,
                    judge_name=judge.name,
                    blind=rnd.blind,
                    signed=batch.signed,
                    demo=bool(demo) if batch.signed else False,
                    organizer_label=str(label or contest.organizer_label or ""),
                    organizer_fingerprint=_fingerprint(contest.organizer_public_key) if batch.signed else "",
                    rubric=rubrics[rnd.rubric_id],
                    batch_id=batch.id,
                    batch_key=batch.batch_key,
                    batch_revision=batch.revision,
                    rubric_id=rnd.rubric_id,
                    deadline=rnd.deadline,
                    manifest_sha256=batch.manifest_sha256,
                )
            )
    return refs
