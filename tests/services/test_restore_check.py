"""Restore checks what it restores (issue 9, item 7): hostile backups are refused, profile unchanged.

Real backups made by ``make_backup`` on a real profile, then changed with sqlite3 the way an attacker
(or a broken tool) would: a trigger that deletes scores on update, a missing column, an extra view
or table. Each is refused with one line and the profile's database byte for byte as before. An older
schema is migrated on a copy and restored; the scores it holds are reported before replacing.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from e2judge.core.errors import InputRefused
from e2judge.db.migrate import current_revision, head_revision, upgrade
from e2judge.services.judge import scoring
from e2judge.services.judge.backup import inspect_backup, make_backup, restore_backup
from e2judge.services.judge.entries import find_assignment
from tests.services.conftest import Judged

ACTOR = "judge:GK01"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def changed(backup: Path, target: Path, *sql: str) -> Path:
    target.write_bytes(backup.read_bytes())
    with closing(sqlite3.connect(target)) as con:
        for statement in sql:
            con.execute(statement)
        con.commit()
    return target


HOSTILE: list[tuple[str, tuple[str, ...], str]] = [
    (
        "trigger-deletes-scores",
        ("CREATE TRIGGER keep_quiet AFTER UPDATE ON score BEGIN DELETE FROM score WHERE id = new.id; END",),
        "holds a trigger keep_quiet that E2 Judge does not create",
    ),
    ("missing-column", ("ALTER TABLE score DROP COLUMN comment",), "table score lacks the column comment"),
    ("extra-view", ("CREATE VIEW v AS SELECT * FROM score",), "holds a view v that E2 Judge does not create"),
    ("extra-table", ("CREATE TABLE t (x)",), "holds a table t that E2 Judge does not create"),
    ("dropped-trigger", ("DROP TRIGGER audit_log_no_delete",), "its trigger audit_log_no_delete is missing"),
    (
        "replaced-trigger",
        (
            "DROP TRIGGER audit_log_no_update",
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END",
        ),
        "its trigger audit_log_no_update differs from the one E2 Judge creates",
    ),
]


@pytest.mark.parametrize(("name", "sql", "reason"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_backups_are_refused_and_change_nothing(
    judged: Judged, tmp_path: Path, name: str, sql: tuple[str, ...], reason: str
) -> None:
    profile, db, ref = judged
    scoring.set_points(db, find_assignment(db, ref, "E0001"), "tinh-moi", 2, ACTOR)
    good = make_backup(profile)
    db.close()
    bad = changed(good, tmp_path / f"{name}.sqlite3", *sql)
    source = bad.read_bytes()
    before = digest(profile.database)
    backups = sorted(profile.backups.iterdir())
    for attempt in (inspect_backup, restore_backup):
        with pytest.raises(InputRefused, match="cannot be restored") as caught:
            attempt(profile, bad)
        assert reason in caught.value.reason and "\n" not in caught.value.reason
    assert digest(profile.database) == before
    assert sorted(profile.backups.iterdir()) == backups  # no copy or scratch file left behind
    assert bad.read_bytes() == source


def test_the_contents_are_shown_before_replacing(judged: Judged) -> None:
    profile, db, ref = judged
    scoring.set_points(db, find_assignment(db, ref, "E0001"), "tinh-moi", 2, ACTOR)
    scoring.set_points(db, find_assignment(db, ref, "E0002"), "tinh-moi", 1, ACTOR)
    good = make_backup(profile)
    db.close()
    contents = inspect_backup(profile, good)
    assert (contents.entries, contents.scores) == (5, 2)
    assert contents.last_change is not None and contents.schema == head_revision("judge")
    assert contents.describe().startswith("5 entries, 2 scores, last change ")


def test_an_older_schema_is_migrated_on_a_copy(judged: Judged, tmp_path: Path) -> None:
    profile, db, _ref = judged
    db.close()
    old = tmp_path / "old.sqlite3"
    upgrade(old, "judge", "0001")
    assert current_revision(old) == "0001"
    before_source = old.read_bytes()
    assert inspect_backup(profile, old).schema == "0001"
    restore_backup(profile, old)
    assert current_revision(profile.database) == head_revision("judge")
    assert old.read_bytes() == before_source


def test_cli_shows_contents_and_refuses_in_one_line(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    scoring.set_points(db, find_assignment(db, ref, "E0001"), "tinh-moi", 2, ACTOR)
    good = make_backup(profile)
    db.close()
    bad = changed(good, tmp_path / "evil.sqlite3", HOSTILE[0][1][0])
    before = digest(profile.database)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "e2judge", "--home", str(profile.root), "restore", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    refused = run(str(bad))
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert "holds a trigger keep_quiet" in refused.stderr
    assert digest(profile.database) == before
    checked = run(str(good), "--check")
    assert checked.returncode == 0, checked.stderr
    assert "5 entries, 1 scores, last change" in checked.stdout
    assert digest(profile.database) == before
    done = run(str(good))
    assert done.returncode == 0 and "Restored" in done.stdout


