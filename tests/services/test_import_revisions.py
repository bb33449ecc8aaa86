"""A newer revision of a batch adds or updates entries and never touches scores already given."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy import select

from e2judge.db.models import AuditLog, Score
from e2judge.services.judge.entries import entry_detail, find_assignment, list_entries
from e2judge.services.judge.import_batch import import_batch
from e2judge.services.judge.scoring import set_comment, set_points
from tests.helpers.batches import RUBRIC, imported_profile, make_batch, sample_entries


def test_newer_revision_updates_and_adds_but_keeps_scores(tmp_path: Path) -> None:
    profile, db, ref = imported_profile(tmp_path, entries=3)
    try:
        first = find_assignment(db, ref, "E0001")
        criterion = RUBRIC.criteria[0]
        points = criterion.allowed_points()[-1]
        set_points(db, first, criterion.id, points, "judge")
        set_comment(db, first, criterion.id, "Rất tốt", "judge")
        specs = list(sample_entries(4))
        specs[0] = dataclasses.replace(specs[0], title="Tiêu đề đã sửa")
        newer = make_batch(tmp_path, entry_specs=specs, revision=2)
        summary = import_batch(db, profile, newer)
        assert summary.entries_added == ["E0004"]
        assert summary.entries_updated == ["E0001"]
        rows = {r.code: r for r in list_entries(db, ref)}
        assert set(rows) == {"E0001", "E0002", "E0003", "E0004"}
        detail = entry_detail(db, profile, ref, first)
        assert detail.title == "Tiêu đề đã sửa"
        assert detail.points[criterion.id] == points
        assert detail.comments[criterion.id] == "Rất tốt"
        with db.session() as s:
            assert len(s.scalars(select(Score)).all()) == 1
            actions = [a.action for a in s.scalars(select(AuditLog).order_by(AuditLog.id))]
            title_change = s.scalars(select(AuditLog).where(AuditLog.action == "update-entry")).all()
        assert actions.count("import-batch") == 2
        assert [(a.target, a.field, a.new) for a in title_change] == [("E0001", "title", "Tiêu đề đã sửa")]
    finally:
        db.close()
