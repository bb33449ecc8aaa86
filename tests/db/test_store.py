"""The judge's store: pragmas on every connection, migrations, append-only audit log."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from e2judge.core.clock import now
from e2judge.db.migrate import current_revision, head_revision, upgrade
from e2judge.db.session import connection_pragmas, open_judge_db, open_org_db
from e2judge.services.judge.audit import record


@pytest.mark.parametrize("opener", [open_judge_db, open_org_db])
def test_every_connection_sets_the_pragmas(tmp_path: Path, opener: object) -> None:
    db = opener(tmp_path / "x.sqlite3")  # type: ignore[operator]
    try:
        for _ in range(3):  # several pooled connections, each checked
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()


def test_transactions_are_explicit(tmp_path: Path) -> None:
    db = open_judge_db(tmp_path / "x.sqlite3")
    try:
        with pytest.raises(RuntimeError), db.transaction() as s:
            record(s, "test", "x", "target")
            raise RuntimeError("boom")
        with db.session() as s:
            assert s.execute(text("SELECT count(*) FROM audit_log")).scalar() == 0
    finally:
        db.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = open_judge_db(tmp_path / "x.sqlite3")
    try:
        with pytest.raises(IntegrityError), db.transaction() as s:
            s.execute(text("INSERT INTO round (contest_id, name, deadline, blind) VALUES (999, 'x', '', 0)"))
    finally:
        db.close()


def test_audit_log_is_append_only(tmp_path: Path) -> None:
    db = open_judge_db(tmp_path / "x.sqlite3")
    try:
        with db.transaction() as s:
            record(s, "judge", "set-points", "E001", "c1", None, 3)
        for statement in ("UPDATE audit_log SET new = '4'", "DELETE FROM audit_log"):
            with pytest.raises(IntegrityError, match="append-only"), db.transaction() as s:
                s.execute(text(statement))
        with db.session() as s:
            assert s.execute(text("SELECT new FROM audit_log")).scalar() == "3"
    finally:
        db.close()


def test_upgrade_from_the_first_revision_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    upgrade(path, "judge", "0001")
    assert current_revision(path) == "0001"
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO contest (contest_key, name, organizer_label) VALUES ('e2', 'Đổi mới', '')")
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, target, field) VALUES (?, 'a', 'b', 'c', '')",
        (now().isoformat(),),
    )
    conn.commit()
    conn.close()
    db = open_judge_db(path)  # migrates on open
    try:
        assert current_revision(path) == head_revision("judge")
        with db.session() as s:
            assert s.execute(text("SELECT name FROM contest")).scalar() == "Đổi mới"
        with pytest.raises(IntegrityError), db.transaction() as s:
            s.execute(text("DELETE FROM audit_log"))
    finally:
        db.close()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_opening_a_current_database_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    open_judge_db(path).close()
    before = path.stat().st_mtime_ns
    open_judge_db(path).close()
    assert current_revision(path) == head_revision("judge")
    assert path.stat().st_mtime_ns == before


def test_migration_0003_stores_the_code_sort_key_of_existing_entries(tmp_path: Path) -> None:
    from e2judge.core.collation import sort_key_bytes
    from tests.helpers.batches import imported_profile

    profile, db, _ref = imported_profile(tmp_path, entries=3)
    db.close()
    with sqlite3.connect(profile.database) as conn:
        stored = dict(conn.execute("SELECT code, code_key FROM entry"))
        assert stored and all(key == sort_key_bytes(code) for code, key in stored.items())
        # The profile as revision 0002 left it: no code_key column.
        conn.execute("ALTER TABLE entry DROP COLUMN code_key")
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
    conn.close()
    open_judge_db(profile.database).close()  # migrates on open
    with sqlite3.connect(profile.database) as conn:
        assert dict(conn.execute("SELECT code, code_key FROM entry")) == stored
    conn.close()


@pytest.mark.parametrize(
    ("platform", "expected"), [("darwin", 1), ("linux", 0), ("win32", 0)]
)
def test_fullfsync_only_on_macos(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str, expected: int
) -> None:
    assert ("PRAGMA fullfsync=ON" in connection_pragmas(platform)) == bool(expected)
    monkeypatch.setattr(sys, "platform", platform)  # the listener asks at connect time
    with open_judge_db(tmp_path / "x.sqlite3") as db, db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA fullfsync").scalar() == expected
        assert conn.exec_driver_sql("PRAGMA checkpoint_fullfsync").scalar() == expected
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
