"""Rounds, the entry list (status, totals, search) and one entry's detail, on real imported batches."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, update

from e2judge.core.rubric import Rubric
from e2judge.db.models import Batch, Entry
from e2judge.formats.fingerprint import readable_fingerprint
from e2judge.services.judge import scoring
from e2judge.services.judge.entries import (
    EntryNotFound,
    EntryRow,
    Status,
    entry_detail,
    filter_entries,
    find_assignment,
    list_entries,
    progress,
)
from e2judge.services.judge.import_batch import import_batch
from e2judge.services.judge.rounds import list_rounds
from tests.helpers.batches import ATTACHMENT, RUBRIC, make_batch
from tests.services.conftest import Judged

ACTOR = "test"


def _row(rows: list[EntryRow], code: str) -> EntryRow:
    return next(r for r in rows if r.code == code)


def _score_all(judged: Judged, aid: int, values: dict[str, float | None]) -> None:
    _, db, _ = judged
    for key, points in values.items():
        scoring.set_points(db, aid, key, points, ACTOR)


# --- rounds -----------------------------------------------------------------------------------


def test_round_ref_describes_the_imported_batch(judged: Judged) -> None:
    _, db, ref = judged
    with db.session() as s:
        manifest: dict[str, Any] = json.loads(s.scalars(select(Batch.manifest_json)).one())
    assert (ref.contest_key, ref.round_name, ref.judge_key) == ("e2-2025", "Vòng chung khảo", "GK01")
    assert ref.judge_name == "Trần Văn Đức"
    assert ref.signed and not ref.demo and not ref.blind
    assert ref.organizer_label == manifest["organizer"]["label"]
    public = base64.b64decode(manifest["organizer"]["public_key"])
    assert ref.organizer_fingerprint == readable_fingerprint(public)
    assert ref.batch_key == manifest["batch_id"] and ref.batch_revision == 1
    assert ref.rubric == RUBRIC
    assert ref.rubric.sha256() == manifest["rubric_sha256"]  # levels kept in their original order


def test_rounds_one_per_round_and_judge_newest_first(judged: Judged, tmp_path: Path) -> None:
    profile, db, _ = judged
    import_batch(db, profile, make_batch(tmp_path, entries=2, judge_id="GK02"))
    refs = list_rounds(db)
    assert [r.judge_key for r in refs] == ["GK02", "GK01"]
    import_batch(db, profile, make_batch(tmp_path, entries=6, revision=2))
    refs = list_rounds(db)
    assert [(r.judge_key, r.batch_revision) for r in refs] == [("GK01", 2), ("GK02", 1)]
    assert len(list_entries(db, refs[0])) == 6


def test_demo_batch_is_marked(tmp_path: Path) -> None:
    from tests.helpers.batches import imported_profile

    _, db, ref = imported_profile(tmp_path, demo=True)
    db.close()
    assert ref.demo


def test_no_rounds_in_an_empty_profile(tmp_path: Path) -> None:
    from e2judge.db.session import open_judge_db

    with open_judge_db(tmp_path / "empty.sqlite3") as db:
        assert list_rounds(db) == []


# --- list_entries -----------------------------------------------------------------------------


def test_list_entries_is_one_query(judged: Judged) -> None:
    _, db, ref = judged
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        rows = list_entries(db, ref)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(rows) == 5
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1


def test_fresh_list(judged: Judged) -> None:
    _, db, ref = judged
    rows = list_entries(db, ref)
    assert [r.code for r in rows] == ["E0001", "E0002", "E0003", "E0004", "E0005"]
    first = rows[0]
    assert first.title == "Đổi mới phương pháp dạy học 1"
    assert (first.category, first.province) == ("STEM", "Hà Nội")
    assert first.status is Status.NOT_STARTED and first.weighted is None
    assert first.weighted_max == 4 * 2 + 3 + 5
    assert progress(rows) == (0, 5)


def test_status_goes_from_not_started_to_complete(judged: Judged) -> None:
    _, db, ref = judged
    aid = list_entries(db, ref)[0].assignment_id

    scoring.set_points(db, aid, "tinh-moi", 3, ACTOR)
    row = list_entries(db, ref)[0]
    assert row.status is Status.IN_PROGRESS and row.weighted == 6.0 and row.scored == 1

    _score_all(judged, aid, {"kha-thi": 2, "trinh-bay": 2.5})
    row = list_entries(db, ref)[0]
    assert row.status is Status.COMPLETE
    assert row.weighted == 3 * 2 + 2 + 2.5
    assert progress(list_entries(db, ref)) == (1, 5)

    scoring.set_points(db, aid, "trinh-bay", None, ACTOR)
    row = list_entries(db, ref)[0]
    assert row.status is Status.IN_PROGRESS and row.weighted == 8.0


def test_zero_is_not_the_same_as_not_scored(judged: Judged) -> None:
    _, db, ref = judged
    aid = list_entries(db, ref)[0].assignment_id
    scoring.set_points(db, aid, "trinh-bay", 0, ACTOR)
    row = list_entries(db, ref)[0]
    assert row.weighted == 0.0 and row.status is Status.IN_PROGRESS
    scoring.set_points(db, aid, "trinh-bay", None, ACTOR)
    row = list_entries(db, ref)[0]
    assert row.weighted is None and row.status is Status.NOT_STARTED


def test_a_comment_alone_means_in_progress(judged: Judged) -> None:
    _, db, ref = judged
    rows = list_entries(db, ref)
    scoring.set_comment(db, rows[0].assignment_id, "kha-thi", "Đang xem", ACTOR)
    scoring.set_overall_comment(db, rows[1].assignment_id, "Ghi chú", ACTOR)
    rows = list_entries(db, ref)
    assert [r.status for r in rows[:3]] == [Status.IN_PROGRESS, Status.IN_PROGRESS, Status.NOT_STARTED]
    assert rows[0].weighted is None


@pytest.mark.parametrize(
    ("points", "needs"),
    [
        ({"tinh-moi": 0, "kha-thi": 2, "trinh-bay": 1}, ["tinh-moi"]),  # lowest level
        ({"tinh-moi": 4, "kha-thi": 2, "trinh-bay": 1}, []),  # LOWEST rule: the highest needs none
        ({"tinh-moi": 2, "kha-thi": 1, "trinh-bay": 1}, ["kha-thi"]),  # extremes: lowest
        ({"tinh-moi": 2, "kha-thi": 3, "trinh-bay": 5}, ["kha-thi"]),  # extremes: highest
        ({"tinh-moi": 0, "kha-thi": 3, "trinh-bay": 0}, ["tinh-moi", "kha-thi"]),
    ],
)
def test_required_comments_hold_back_complete(
    judged: Judged, points: dict[str, float], needs: list[str]
) -> None:
    profile, db, ref = judged
    aid = list_entries(db, ref)[0].assignment_id
    _score_all(judged, aid, dict(points))
    detail = entry_detail(db, profile, ref, aid)
    assert list(detail.missing_comments) == needs
    expected = Status.IN_PROGRESS if needs else Status.COMPLETE
    assert list_entries(db, ref)[0].status is expected
    assert detail.status is expected
    for key in needs:
        scoring.set_comment(db, aid, key, "   ", ACTOR)  # blank is no comment
    assert list_entries(db, ref)[0].status is expected
    for key in needs:
        scoring.set_comment(db, aid, key, "Lý do cụ thể", ACTOR)
    assert list_entries(db, ref)[0].status is Status.COMPLETE
    assert entry_detail(db, profile, ref, aid).status is Status.COMPLETE


def test_conflicts_are_their_own_status_and_leave_progress(judged: Judged) -> None:
    _, db, ref = judged
    rows = list_entries(db, ref)
    _score_all(judged, rows[0].assignment_id, {"tinh-moi": 3, "kha-thi": 2, "trinh-bay": 1})
    scoring.declare_conflict(db, rows[1].assignment_id, "Cùng trường", ACTOR)
    rows = list_entries(db, ref)
    assert rows[1].status is Status.CONFLICT
    assert progress(rows) == (1, 4)
    scoring.declare_conflict(db, rows[0].assignment_id, "Người quen", ACTOR)
    rows = list_entries(db, ref)
    assert rows[0].status is Status.CONFLICT and rows[0].weighted == 9.0  # scores kept, frozen
    assert progress(rows) == (0, 3)


def test_scores_of_criteria_no_longer_in_the_rubric_do_not_count(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    aid = list_entries(db, ref)[0].assignment_id
    _score_all(judged, aid, {"tinh-moi": 3, "kha-thi": 2, "trinh-bay": 5})
    smaller = Rubric(RUBRIC.criteria[:2])
    import_batch(db, profile, make_batch(tmp_path, revision=2, rubric=smaller))
    (new_ref,) = list_rounds(db)
    assert new_ref.rubric == smaller
    row = list_entries(db, new_ref)[0]
    assert row.status is Status.COMPLETE
    assert row.weighted == 3 * 2 + 2 and row.weighted_max == 8 + 3
    detail = entry_detail(db, profile, new_ref, aid)
    assert set(detail.points) == {"tinh-moi", "kha-thi"}


# --- search and filters -----------------------------------------------------------------------


def test_search_ignores_accents_and_case_and_needs_every_word(judged: Judged) -> None:
    _, db, ref = judged
    rows = list_entries(db, ref)
    assert [r.code for r in filter_entries(rows, "doi moi")] == ["E0001"]
    assert [r.code for r in filter_entries(rows, "ĐỔI  MỚI")] == ["E0001"]
    assert [r.code for r in filter_entries(rows, "moi doi 1")] == ["E0001"]
    assert filter_entries(rows, "doi moi 2") == []
    assert [r.code for r in filter_entries(rows, "e0003")] == ["E0003"]
    assert len(filter_entries(rows, "nguyen thi hong")) == 5  # authors are searchable
    assert [r.code for r in filter_entries(rows, "le quy don 4")] == ["E0004"]  # school too
    assert filter_entries(rows, "") == rows
    assert filter_entries(rows, "   ") == rows


def test_filters_combine(judged: Judged) -> None:
    _, db, ref = judged
    rows = list_entries(db, ref)
    assert [r.code for r in filter_entries(rows, category="STEM")] == ["E0001", "E0003", "E0005"]
    assert [r.code for r in filter_entries(rows, province="Đà Nẵng")] == ["E0002"]
    assert [r.code for r in filter_entries(rows, "hoc", category="STEM", province="Gia Lai")] == ["E0003"]
    scoring.set_points(db, rows[2].assignment_id, "kha-thi", 2, ACTOR)
    rows = list_entries(db, ref)
    assert [r.code for r in filter_entries(rows, status=Status.IN_PROGRESS)] == ["E0003"]
    assert len(filter_entries(rows, status=Status.NOT_STARTED)) == 4


def test_blind_round_hides_people_everywhere(judged_blind: Judged) -> None:
    profile, db, ref = judged_blind
    assert ref.blind
    # Even if people's names were in the database (e.g. from an earlier non-blind revision), a
    # blind round must neither show nor search them.
    with db.transaction() as s:
        s.execute(
            update(Entry).values(
                authors="Nguyễn Thị Hồng",
                school="Trường THPT Lê Quý Đôn",
                province="Đà Nẵng",
                search_text="e0001 nguyen thi hong truong thpt le quy don",
            )
        )
    rows = list_entries(db, ref)
    assert all(r.province == "" for r in rows)
    assert filter_entries(rows, "nguyen") == []
    assert filter_entries(rows, "le quy don") == []
    assert [r.code for r in filter_entries(rows, "doi moi")] == ["E0001"]
    detail = entry_detail(db, profile, ref, rows[0].assignment_id)
    assert (detail.authors, detail.school, detail.province) == ("", "", "")
    assert detail.title == "Đổi mới phương pháp dạy học 1"


# --- detail -----------------------------------------------------------------------------------


def test_entry_detail(judged: Judged) -> None:
    profile, db, ref = judged
    aid = find_assignment(db, ref, "E0001")
    detail = entry_detail(db, profile, ref, aid)
    assert detail.code == "E0001" and detail.assignment_id == aid
    assert detail.authors == "Nguyễn Thị Hồng 1" and detail.province == "Hà Nội"
    assert detail.description == "Mô tả sáng kiến 1.\nDòng thứ hai."
    assert detail.links == ("https://sway.example/1",)
    (att,) = detail.attachments
    assert att.name == "ke-hoach.pdf" and att.size == len(ATTACHMENT)
    assert att.path.read_bytes() == ATTACHMENT
    assert att.sha256 == hashlib.sha256(ATTACHMENT).hexdigest()
    assert detail.points == {"tinh-moi": None, "kha-thi": None, "trinh-bay": None}
    assert detail.comments == {"tinh-moi": "", "kha-thi": "", "trinh-bay": ""}
    assert detail.status is Status.NOT_STARTED and detail.totals.scored == 0
    assert detail.conflict_reason is None and not detail.flagged
    assert entry_detail(db, profile, ref, find_assignment(db, ref, "E0002")).attachments == ()

    scoring.set_points(db, aid, "trinh-bay", 4.5, ACTOR)
    scoring.set_comment(db, aid, "trinh-bay", "Rõ ràng", ACTOR)
    scoring.set_overall_comment(db, aid, "Tốt", ACTOR)
    detail = entry_detail(db, profile, ref, aid)
    assert detail.points["trinh-bay"] == 4.5 and detail.comments["trinh-bay"] == "Rõ ràng"
    assert detail.overall_comment == "Tốt"
    assert detail.totals.weighted == 4.5 and detail.status is Status.IN_PROGRESS


def test_find_assignment_and_unknown_entries(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    aid = find_assignment(db, ref, "E0003")
    assert find_assignment(db, ref, "e0003") == aid
    with pytest.raises(EntryNotFound, match="E9999"):
        find_assignment(db, ref, "E9999")
    with pytest.raises(EntryNotFound):
        entry_detail(db, profile, ref, 10_000)
    import_batch(db, profile, make_batch(tmp_path, entries=2, judge_id="GK02"))
    other = next(r for r in list_rounds(db) if r.judge_key == "GK02")
    other_aid = find_assignment(db, other, "E0001")
    with pytest.raises(EntryNotFound):
        entry_detail(db, profile, ref, other_aid)  # another judge's assignment
