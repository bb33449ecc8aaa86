"""A judge's entries in a round: the fast list with status and totals, filtering, and one entry's detail.

Status rules (``entry_status``): ``conflict`` when a conflict is declared; ``complete`` when every
criterion is scored and no comment required by a criterion's rule is missing; ``in_progress`` when
anything is scored or commented; else ``not_started``. In a blind round the people (authors,
school, province) are never shown and never searched.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select

from e2judge.core.i18n import _
from e2judge.core.records import AttachmentInfo, EntryDetail, EntryRow, RoundRef, Status
from e2judge.core.rubric import CommentRule, Rubric, missing_comments, totals
from e2judge.core.text import fold
from e2judge.db.models import Assignment, Attachment, Entry, Round, RubricCriterion, Score
from e2judge.db.session import Database
from e2judge.paths import Profile

__all__ = [
    "AttachmentInfo",
    "EntryDetail",
    "EntryNotFound",
    "EntryRow",
    "Status",
    "entry_detail",
    "entry_status",
    "filter_entries",
    "find_assignment",
    "list_entries",
    "progress",
]

_WHITESPACE = " \t\r\n"


class EntryNotFound(LookupError):
    """No such entry (or assignment) for this judge in this round."""


def entry_status(
    conflict_reason: str | None, scored: int, criteria: int, missing: int, commented: bool
) -> Status:
    """The status from counts (see the module docstring)."""
    if conflict_reason is not None:
        return Status.CONFLICT
    if scored >= criteria and missing == 0:
        return Status.COMPLETE
    if scored or commented:
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def _trimmed(column: Any) -> ColumnElement[Any]:
    return func.trim(func.coalesce(column, ""), _WHITESPACE)


def _comment_needed(rubric: Rubric) -> ColumnElement[bool]:
    """SQL: this score row's points require a comment under its criterion's rule."""
    conditions: list[ColumnElement[bool]] = []
    for c in rubric.criteria:
        if c.comment_rule is CommentRule.NEVER:
            continue
        if c.comment_rule is CommentRule.ALWAYS:
            points_cond: ColumnElement[bool] = Score.points.is_not(None)
        else:
            allowed = c.allowed_points()
            wanted = {
                CommentRule.LOWEST: [allowed[0]],
                CommentRule.HIGHEST: [allowed[-1]],
                CommentRule.EXTREMES: [allowed[0], allowed[-1]],
            }[c.comment_rule]
            points_cond = Score.points.in_(wanted)
        conditions.append(and_(Score.criterion_key == c.id, points_cond))
    return or_(*conditions) if conditions else false()


def list_entries(db: Database, ref: RoundRef) -> list[EntryRow]:
    """The judge's entries in ``ref``'s round with status and weighted total, in one query."""
    crit = RubricCriterion
    rubric_id = select(Round.rubric_id).where(Round.id == ref.round_id).scalar_subquery()
    empty_comment = _trimmed(Score.comment) == ""
    # Scores aggregated per assignment (only criteria of the round's rubric count), then joined.
    per_assignment = (
        select(
            Score.assignment_id.label("aid"),
            func.sum(case((Score.points.is_not(None), 1), else_=0)).label("scored"),
            func.sum(Score.points * crit.weight).label("weighted"),
            func.sum(case((~empty_comment, 1), else_=0)).label("commented"),
            func.sum(case((and_(_comment_needed(ref.rubric), empty_comment), 1), else_=0)).label("missing"),
        )
        .join(crit, and_(crit.rubric_id == rubric_id, crit.criterion_key == Score.criterion_key))
        .where(Score.assignment_id.in_(select(Assignment.id).where(Assignment.judge_id == ref.judge_id)))
        .group_by(Score.assignment_id)
        .subquery("per_assignment")
    )
    agg = per_assignment.c
    query = (
        select(
            Assignment.id,
            Entry.id,
            Entry.code,
            Entry.title,
            Entry.category,
            Entry.province,
            Entry.search_text,
            Entry.code_key,
            Assignment.conflict_reason,
            _trimmed(Assignment.overall_comment) != "",
            agg.scored,
            agg.weighted,
            agg.commented,
            agg.missing,
        )
        .join(Entry, Entry.id == Assignment.entry_id)
        .outerjoin(per_assignment, agg.aid == Assignment.id)
        .where(Assignment.judge_id == ref.judge_id, Entry.round_id == ref.round_id)
        .order_by(Assignment.position, Entry.code)
    )
    n_criteria = len(ref.rubric.criteria)
    weighted_max = ref.rubric.max_weighted
    blind = ref.blind
    rows: list[EntryRow] = []
    with db.session() as s:
        result = s.execute(query).all()
    for (
        assignment_id,
        entry_id,
        code,
        title,
        category,
        province,
        search_text,
        code_key,
        conflict_reason,
        has_overall,
        scored_sum,
        weighted,
        commented,
        missing,
    ) in result:
        scored = int(scored_sum or 0)
        rows.append(
            EntryRow(
                assignment_id=assignment_id,
                entry_id=entry_id,
                code=code,
                title=title,
                category=category,
                province="" if blind else province,
                status=entry_status(
                    conflict_reason, scored, n_criteria, int(missing or 0), bool(has_overall or commented)
                ),
                weighted=None if weighted is None else float(weighted),
                weighted_max=weighted_max,
                search_key=fold(f"{code} {title}") if blind else search_text,
                scored=scored,
                criteria=n_criteria,
                code_key=code_key,
            )
        )
    return rows


def filter_entries(
    rows: Iterable[EntryRow],
    text: str = "",
    status: Status | None = None,
    category: str | None = None,
    province: str | None = None,
) -> list[EntryRow]:
    """Rows matching every given condition; ``text`` ignores case and accents, and every word must match."""
    words = fold(text).split()
    return [
        row
        for row in rows
        if (status is None or row.status == status)
        and (category is None or row.category == category)
        and (province is None or row.province == province)
        and all(word in row.search_key for word in words)
    ]


def progress(rows: Sequence[EntryRow]) -> tuple[int, int]:
    """(complete, total); entries under conflict count in neither."""
    complete = sum(1 for r in rows if r.status is Status.COMPLETE)
    total = sum(1 for r in rows if r.status is not Status.CONFLICT)
    return complete, total


def find_assignment(db: Database, ref: RoundRef, code: str) -> int:
    """The assignment id of the entry ``code`` (exact, else ignoring case) in ``ref``; ``EntryNotFound``."""
    query = (
        select(Assignment.id, Entry.code)
        .join(Entry, Entry.id == Assignment.entry_id)
        .where(Assignment.judge_id == ref.judge_id, Entry.round_id == ref.round_id)
    )
    with db.session() as s:
        exact: int | None = s.scalar(query.with_only_columns(Assignment.id).where(Entry.code == code))
        if exact is not None:
            return exact
        folded = [aid for aid, c in s.execute(query) if c.casefold() == code.casefold()]
    if len(folded) == 1:
        return folded[0]
    raise EntryNotFound(
        _("entry {code} is not in {round} for judge {judge}").format(
            code=code, round=ref.round_name, judge=ref.judge_key
        )
    )


def entry_detail(db: Database, profile: Profile, ref: RoundRef, assignment_id: int) -> EntryDetail:
    """One entry with its attachments and current scores; ``EntryNotFound`` when not in ``ref``."""
    with db.session() as s:
        found = s.execute(
            select(Assignment, Entry)
            .join(Entry, Entry.id == Assignment.entry_id)
            .where(
                Assignment.id == assignment_id,
                Assignment.judge_id == ref.judge_id,
                Entry.round_id == ref.round_id,
            )
        ).first()
        if found is None:
            raise EntryNotFound(
                _("assignment {number} is not in {round} for judge {judge}").format(
                    number=assignment_id, round=ref.round_name, judge=ref.judge_key
                )
            )
        assignment, entry = found
        scores = s.execute(
            select(Score.criterion_key, Score.points, Score.comment).where(
                Score.assignment_id == assignment_id
            )
        )
        stored = {key: (pts, comment or "") for key, pts, comment in scores}
        attachments = tuple(
            AttachmentInfo(name, sha, size, profile.attachment_path(sha))
            for name, sha, size in s.execute(
                select(Attachment.name, Attachment.sha256, Attachment.size)
                .where(Attachment.entry_id == entry.id)
                .order_by(Attachment.id)
            )
        )
    rubric = ref.rubric
    points = {c.id: stored.get(c.id, (None, ""))[0] for c in rubric.criteria}
    comments = {c.id: stored.get(c.id, (None, ""))[1] for c in rubric.criteria}
    tot = totals(rubric, points)
    missing = tuple(missing_comments(rubric, points, comments))
    commented = any(text.strip() for text in comments.values()) or bool(assignment.overall_comment.strip())
    blind = ref.blind
    return EntryDetail(
        assignment_id=assignment.id,
        code=entry.code,
        title=entry.title,
        authors="" if blind else entry.authors,
        school="" if blind else entry.school,
        province="" if blind else entry.province,
        category=entry.category,
        description=entry.description,
        links=tuple(line for line in entry.links.split("\n") if line.strip()),
        attachments=attachments,
        rubric=rubric,
        points=points,
        comments=comments,
        overall_comment=assignment.overall_comment,
        conflict_reason=assignment.conflict_reason,
        status=entry_status(assignment.conflict_reason, tot.scored, tot.criteria, len(missing), commented),
        totals=tot,
        flagged=entry.flagged,
        missing_comments=missing,
        entry_id=entry.id,
    )
