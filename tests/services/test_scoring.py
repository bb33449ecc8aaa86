"""Scoring: one committed, audited transaction per change; refusals change nothing."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from e2judge.db.models import Assignment, AuditLog, Score
from e2judge.db.session import Database, open_judge_db
from e2judge.services.judge import scoring
from e2judge.services.judge.entries import Status, entry_detail, find_assignment, list_entries
from e2judge.services.judge.scoring import Change, ScoreRejected
from tests.services.conftest import Judged

ACTOR = "judge:GK01"


def audit_rows(db: Database) -> list[AuditLog]:
    with db.session() as s:
        return list(s.scalars(select(AuditLog).order_by(AuditLog.id)))


def score_rows(db: Database) -> list[tuple[int, str, float | None, str]]:
    with db.session() as s:
        return [
            (r.assignment_id, r.criterion_key, r.points, r.comment)
            for r in s.scalars(select(Score).order_by(Score.id))
        ]


def state(db: Database) -> tuple[Any, ...]:
    """Everything scoring may touch."""
    with db.session() as s:
        assignments = [
            (a.id, a.overall_comment, a.conflict_reason, a.updated_at)
            for a in s.scalars(select(Assignment).order_by(Assignment.id))
        ]
        audit = s.scalar(select(func.count()).select_from(AuditLog))
    return tuple(assignments), tuple(score_rows(db)), audit


def first(judged: Judged) -> int:
    _, db, ref = judged
    return find_assignment(db, ref, "E0001")


def test_set_points_is_committed_and_audited(judged: Judged) -> None:
    profile, db, _ = judged
    aid = first(judged)
    before = len(audit_rows(db))
    change = scoring.set_points(db, aid, "tinh-moi", 3, ACTOR)
    assert change == Change(aid, "tinh-moi", "points", None, 3.0, change.saved_at)
    assert change.changed and change.saved_at.tzinfo is not None
    # A separate connection (another Database on the same file) sees it: it is committed.
    with open_judge_db(profile.database) as other:
        assert score_rows(other) == [(aid, "tinh-moi", 3.0, "")]
        with other.session() as s:
            updated = s.get(Assignment, aid)
            assert updated is not None and updated.updated_at is not None
    audit = audit_rows(db)
    assert len(audit) == before + 1
    row = audit[-1]
    assert (row.actor, row.action, row.field, row.old, row.new) == (
        ACTOR,
        "set-points",
        "tinh-moi",
        None,
        "3",
    )
    assert row.target.endswith(":E0001")

    change = scoring.set_points(db, aid, "tinh-moi", 2, ACTOR)
    assert (change.old, change.new) == (3.0, 2.0)
    assert (audit_rows(db)[-1].old, audit_rows(db)[-1].new) == ("3", "2")


def test_setting_the_same_value_writes_nothing(judged: Judged) -> None:
    _, db, _ = judged
    aid = first(judged)
    scoring.set_points(db, aid, "trinh-bay", 2.5, ACTOR)
    before = state(db)
    change = scoring.set_points(db, aid, "trinh-bay", 2.5, ACTOR)
    assert (change.old, change.new) == (2.5, 2.5) and not change.changed
    assert state(db) == before
    # Clearing a criterion never scored is also a no-op.
    change = scoring.set_points(db, aid, "kha-thi", None, ACTOR)
    assert (change.old, change.new) == (None, None)
    assert scoring.set_comment(db, aid, "kha-thi", "  ", ACTOR).changed is False
    assert scoring.set_overall_comment(db, aid, "", ACTOR).changed is False
    assert scoring.withdraw_conflict(db, aid, ACTOR).changed is False
    assert state(db) == before


def test_updated_at_moves_with_each_change(judged: Judged) -> None:
    _, db, _ = judged
    aid = first(judged)
    stamps = []
    for points in (1, 2, 3):
        change = scoring.set_points(db, aid, "tinh-moi", points, ACTOR)
        with db.session() as s:
            a = s.get(Assignment, aid)
            assert a is not None and a.updated_at is not None
            stamps.append(a.updated_at)
        assert stamps[-1].replace(tzinfo=None) == change.saved_at.replace(tzinfo=None)
    assert stamps == sorted(stamps) and len(set(stamps)) == 3


def test_not_scored_is_not_zero(judged: Judged) -> None:
    _, db, _ = judged
    aid = first(judged)
    scoring.set_points(db, aid, "trinh-bay", 0, ACTOR)
    assert score_rows(db) == [(aid, "trinh-bay", 0.0, "")]
    change = scoring.set_points(db, aid, "trinh-bay", None, ACTOR)
    assert (change.old, change.new) == (0.0, None)
    assert score_rows(db) == [(aid, "trinh-bay", None, "")]
    assert audit_rows(db)[-1].new is None


@pytest.mark.parametrize(
    ("criterion", "points", "message"),
    [
        ("tinh-moi", 5, "5 is above the maximum 4"),
        ("tinh-moi", -1, "-1 is below the minimum 0"),
        ("tinh-moi", 2.5, "2.5 is not one of the levels (0, 1, 2, 3, 4)"),
        ("kha-thi", 0, "0 is not one of the levels (1, 2, 3)"),
        ("trinh-bay", 2.25, "2.25 is not a multiple of the step 0.5"),
        ("trinh-bay", 5.5, "5.5 is above the maximum 5"),
        ("trinh-bay", math.nan, "is not a number"),
        ("trinh-bay", math.inf, "is not a number"),
        ("trinh-bay", True, "is not a number"),
        (
            "khong-co",
            1,
            "there is no criterion 'khong-co' in this rubric (criteria: tinh-moi, kha-thi, trinh-bay)",
        ),
    ],
)
def test_bad_points_are_refused_and_change_nothing(
    judged: Judged, criterion: str, points: float, message: str
) -> None:
    _, db, _ = judged
    aid = first(judged)
    scoring.set_points(db, aid, "trinh-bay", 1, ACTOR)
    before = state(db)
    with pytest.raises(ScoreRejected) as caught:
        scoring.set_points(db, aid, criterion, points, ACTOR)
    assert message in str(caught.value)
    assert state(db) == before


def test_unknown_assignment(judged: Judged) -> None:
    _, db, _ = judged
    with pytest.raises(ScoreRejected, match="no assignment 9999"):
        scoring.set_points(db, 9999, "tinh-moi", 1, ACTOR)
    with pytest.raises(ScoreRejected, match="no assignment 9999"):
        scoring.declare_conflict(db, 9999, "x", ACTOR)


def test_comments_are_cleaned_and_limited(judged: Judged) -> None:
    profile, db, ref = judged
    aid = first(judged)
    nfd = "Ca\u0301c y\u0301 tu\u031bo\u031b\u0309ng"  # decomposed Vietnamese
    change = scoring.set_comment(db, aid, "trinh-bay", f"  \u202e{nfd}\x00 \n", ACTOR)
    assert change.new == "Các ý tưởng"
    detail = entry_detail(db, profile, ref, aid)
    assert detail.comments["trinh-bay"] == "Các ý tưởng" and detail.points["trinh-bay"] is None
    before = state(db)
    with pytest.raises(ScoreRejected, match="limit is 20000"):
        scoring.set_comment(db, aid, "trinh-bay", "x" * 20_001, ACTOR)
    with pytest.raises(ScoreRejected, match="no criterion"):
        scoring.set_comment(db, aid, "nope", "x", ACTOR)
    with pytest.raises(ScoreRejected, match="not text"):
        scoring.set_overall_comment(db, aid, None, ACTOR)  # type: ignore[arg-type]
    assert state(db) == before
    change = scoring.set_overall_comment(db, aid, "Tổng thể tốt", ACTOR)
    assert (change.field, change.criterion_key, change.old, change.new) == (
        "overall_comment",
        None,
        "",
        "Tổng thể tốt",
    )
    last = audit_rows(db)[-1]
    assert (last.action, last.old, last.new) == ("set-overall-comment", "", "Tổng thể tốt")


def test_conflict_freezes_the_entry(judged: Judged) -> None:
    profile, db, ref = judged
    aid = first(judged)
    scoring.set_points(db, aid, "tinh-moi", 3, ACTOR)
    change = scoring.declare_conflict(db, aid, "  Học sinh của tôi ", ACTOR)
    assert (change.field, change.old, change.new) == ("conflict", None, "Học sinh của tôi")
    before = state(db)
    attempts: tuple[Callable[[], Change], ...] = (
        lambda: scoring.set_points(db, aid, "tinh-moi", 2, ACTOR),
        lambda: scoring.set_points(db, aid, "kha-thi", None, ACTOR),
        lambda: scoring.set_comment(db, aid, "tinh-moi", "x", ACTOR),
        lambda: scoring.set_overall_comment(db, aid, "x", ACTOR),
    )
    for attempt in attempts:
        with pytest.raises(ScoreRejected, match="entry E0001 is declared as a conflict"):
            attempt()
    assert state(db) == before
    detail = entry_detail(db, profile, ref, aid)
    assert detail.conflict_reason == "Học sinh của tôi" and detail.points["tinh-moi"] == 3.0
    assert detail.status is Status.CONFLICT

    change = scoring.declare_conflict(db, aid, "Người quen", ACTOR)  # the reason may be changed
    assert (change.old, change.new) == ("Học sinh của tôi", "Người quen")
    change = scoring.withdraw_conflict(db, aid, ACTOR)
    assert (change.old, change.new) == ("Người quen", None)
    with db.session() as s:
        a = s.get(Assignment, aid)
        assert a is not None and a.conflict_reason is None and a.conflict_at is None
    assert scoring.set_points(db, aid, "tinh-moi", 2, ACTOR).new == 2.0
    assert [r.action for r in audit_rows(db)[-4:]] == [
        "declare-conflict",
        "declare-conflict",
        "withdraw-conflict",
        "set-points",
    ]


@pytest.mark.parametrize("reason", ["", "   ", "\u202e\u202c"])
def test_conflict_needs_a_reason(judged: Judged, reason: str) -> None:
    _, db, ref = judged
    aid = first(judged)
    before = state(db)
    with pytest.raises(ScoreRejected, match="a reason is required"):
        scoring.declare_conflict(db, aid, reason, ACTOR)
    assert state(db) == before
    assert list_entries(db, ref)[0].status is Status.NOT_STARTED


def test_undo_reverses_each_kind_of_change(judged: Judged) -> None:
    profile, db, ref = judged
    aid = first(judged)
    c1 = scoring.set_points(db, aid, "tinh-moi", 3, ACTOR)
    c2 = scoring.set_points(db, aid, "tinh-moi", 1, ACTOR)
    undone = scoring.undo(db, c2, ACTOR)
    assert (undone.old, undone.new) == (1.0, 3.0)
    scoring.undo(db, c1, ACTOR)
    assert entry_detail(db, profile, ref, aid).points["tinh-moi"] is None

    c3 = scoring.set_comment(db, aid, "kha-thi", "Một", ACTOR)
    scoring.set_comment(db, aid, "kha-thi", "Hai", ACTOR)
    scoring.undo(db, c3, ACTOR)  # back to before c3: empty
    assert entry_detail(db, profile, ref, aid).comments["kha-thi"] == ""

    c4 = scoring.set_overall_comment(db, aid, "Chung", ACTOR)
    assert scoring.undo(db, c4, ACTOR).new == ""

    c5 = scoring.declare_conflict(db, aid, "Lý do", ACTOR)
    undone = scoring.undo(db, c5, ACTOR)
    assert (undone.field, undone.old, undone.new) == ("conflict", "Lý do", None)
    c6 = scoring.declare_conflict(db, aid, "Lý do 2", ACTOR)
    c7 = scoring.withdraw_conflict(db, aid, ACTOR)
    assert scoring.undo(db, c7, ACTOR).new == "Lý do 2"
    assert entry_detail(db, profile, ref, aid).conflict_reason == "Lý do 2"
    with pytest.raises(ScoreRejected, match="declared as a conflict"):
        scoring.undo(db, c2, ACTOR)  # undoing a score is itself refused under a conflict
    assert c6.changed
    actions = [r.action for r in audit_rows(db) if r.actor == ACTOR]
    assert actions.count("set-points") == 4 and actions.count("withdraw-conflict") == 2
