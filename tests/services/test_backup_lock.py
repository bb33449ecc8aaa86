"""Online backups, restoring one, and the one-process-per-profile lock, on real files."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from e2judge.core.errors import InputRefused
from e2judge.db.session import open_judge_db
from e2judge.paths import Profile
from e2judge.services.judge import scoring
from e2judge.services.judge.backup import BACKUP_PATTERN, list_backups, make_backup, restore_backup
from e2judge.services.judge.entries import entry_detail, find_assignment
from e2judge.services.judge.instance_lock import ProfileLock, ProfileLocked
from e2judge.services.judge.rounds import list_rounds
from tests.services.conftest import Judged

ACTOR = "test"


def points_in(path: Path, criterion: str = "tinh-moi") -> list[float | None]:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as con:
        return [r[0] for r in con.execute("SELECT points FROM score WHERE criterion_key = ?", (criterion,))]


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as con:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- backup -----------------------------------------------------------------------------------


def test_backup_of_the_open_database_holds_the_latest_change(judged: Judged) -> None:
    profile, db, ref = judged
    aid = find_assignment(db, ref, "E0001")
    scoring.set_points(db, aid, "tinh-moi", 3, ACTOR)  # still in the WAL, not checkpointed
    assert Path(f"{profile.database}-wal").stat().st_size > 0
    made = make_backup(profile)
    assert made.parent == profile.backups and BACKUP_PATTERN.match(made.name)
    assert integrity(made) == "ok"
    assert points_in(made) == [3.0]
    assert not Path(f"{made}-wal").exists() and not Path(f"{made}-journal").exists()
    assert [p.name for p in profile.backups.iterdir()] == [made.name]  # nothing partial left over


def test_keep_prunes_the_oldest_and_list_is_newest_first(judged: Judged) -> None:
    profile, _, _ = judged
    (profile.backups / "notes.txt").write_text("not a backup")
    made = [make_backup(profile, keep=2) for _ in range(4)]
    assert list_backups(profile) == [made[3], made[2]]
    assert not made[0].exists() and not made[1].exists()
    assert (profile.backups / "notes.txt").exists()
    with pytest.raises(ValueError, match="at least 1"):
        make_backup(profile, keep=0)


def test_backup_without_a_database_is_refused(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "new").ensure()
    with pytest.raises(InputRefused, match="no database to back up"):
        make_backup(profile)
    assert not profile.database.exists()
    assert list_backups(profile) == []


# --- restore ----------------------------------------------------------------------------------


def test_restore_brings_back_the_backup_and_saves_the_current_database(judged: Judged) -> None:
    profile, db, ref = judged
    aid = find_assignment(db, ref, "E0001")
    scoring.set_points(db, aid, "tinh-moi", 3, ACTOR)
    backup = make_backup(profile)
    scoring.set_points(db, aid, "tinh-moi", 1, ACTOR)
    db.close()

    saved = restore_backup(profile, backup)
    assert saved != backup and saved in list_backups(profile)
    assert points_in(saved) == [1.0]  # the database as it was before the restore
    assert backup.exists()
    with open_judge_db(profile.database) as reopened:
        (ref2,) = list_rounds(reopened)
        assert entry_detail(reopened, profile, ref2, aid).points["tinh-moi"] == 3.0
        scoring.set_points(reopened, aid, "tinh-moi", 4, ACTOR)  # and it is writable
    assert integrity(profile.database) == "ok"


def test_restore_over_a_damaged_database(judged: Judged) -> None:
    profile, db, _ = judged
    backup = make_backup(profile)
    db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{profile.database}{suffix}").unlink(missing_ok=True)
    profile.database.write_bytes(b"this is not a database" * 1000)
    saved = restore_backup(profile, backup)
    assert saved.name.startswith("e2judge-damaged-")
    assert saved.read_bytes().startswith(b"this is not a database")
    assert integrity(profile.database) == "ok"
    with open_judge_db(profile.database) as reopened:
        assert len(list_rounds(reopened)) == 1


def _not_sqlite(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 definitely not sqlite")
    return path


def _other_sqlite(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as con:
        con.execute("CREATE TABLE t (x)")
        con.commit()
    return path


def _corrupted(path: Path, backup: Path) -> Path:
    data = bytearray(backup.read_bytes())
    for i in range(4096 + 100, len(data), 97):  # every page after the first, scribbled on
        data[i] = (data[i] + 1) % 256
    path.write_bytes(bytes(data))
    return path


def _future(path: Path, backup: Path) -> Path:
    path.write_bytes(backup.read_bytes())
    with closing(sqlite3.connect(path)) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        con.commit()
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("missing", "no such backup file"),
        ("not-sqlite", "not a readable SQLite database"),
        ("other-sqlite", "not an E2 Judge profile database"),
        ("corrupted", "cannot be restored"),
        ("future", "newer or unknown version"),
    ],
)
def test_bad_backups_are_refused_and_change_nothing(
    judged: Judged, tmp_path: Path, kind: str, message: str
) -> None:
    profile, db, ref = judged
    scoring.set_points(db, find_assignment(db, ref, "E0001"), "tinh-moi", 2, ACTOR)
    good = make_backup(profile)
    db.close()
    makers: dict[str, Callable[[Path], Path]] = {
        "missing": lambda p: p,
        "not-sqlite": _not_sqlite,
        "other-sqlite": _other_sqlite,
        "corrupted": lambda p: _corrupted(p, good),
        "future": lambda p: _future(p, good),
    }
    bad = makers[kind](tmp_path / f"{kind}.sqlite3")
    source_before = bad.read_bytes() if bad.exists() else None
    before = digest(profile.database)
    backups_before = sorted(profile.backups.iterdir())
    with pytest.raises(InputRefused, match=message):
        restore_backup(profile, bad)
    assert digest(profile.database) == before
    assert sorted(profile.backups.iterdir()) == backups_before
    if source_before is not None:
        assert bad.read_bytes() == source_before  # the chosen file is never written to
        assert not Path(f"{bad}-wal").exists()


# --- the profile lock -------------------------------------------------------------------------


def held(lock: ProfileLock) -> bool:
    return lock.held


def test_lock_is_exclusive_and_names_the_profile(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "p")
    first = ProfileLock(profile)
    with first:
        assert held(first)
        with pytest.raises(ProfileLocked) as caught:
            ProfileLock(profile).acquire()
        assert str(profile.root) in str(caught.value)
        assert "already open in another E2 Judge window" in str(caught.value)
        assert first.acquire() is first  # re-acquiring by the holder is a no-op
    assert not held(first)
    second = ProfileLock(profile).acquire()
    second.release()
    second.release()  # harmless
    other = ProfileLock(Profile(tmp_path / "q"))
    with other, ProfileLock(profile):
        pass  # different profiles do not interfere


HOLDER = """
import sys, time
from pathlib import Path
from e2judge.paths import Profile
from e2judge.services.judge.instance_lock import ProfileLock
lock = ProfileLock(Profile(Path(sys.argv[1]))).acquire()
print("LOCKED", flush=True)
time.sleep(60)
"""


def test_lock_held_by_another_process_and_freed_when_it_dies(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "p")
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(profile.root)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "LOCKED"
        with pytest.raises(ProfileLocked):
            ProfileLock(profile).acquire()
    finally:
        proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    deadline = time.monotonic() + 5
    while True:
        try:
            ProfileLock(profile).acquire().release()
            break
        except ProfileLocked:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_backup_and_restore_in_a_folder_with_an_awkward_name(tmp_path: Path) -> None:
    from tests.helpers.batches import imported_profile

    odd = tmp_path / "Hồ sơ #1 x=y &a"
    odd.mkdir()
    profile, db, ref = imported_profile(odd)
    scoring.set_points(db, find_assignment(db, ref, "E0002"), "kha-thi", 3, ACTOR)
    db.close()
    made = make_backup(profile)
    assert made.parent == profile.backups and points_in(made, "kha-thi") == [3.0]
    restore_backup(profile, made)
    assert points_in(profile.database, "kha-thi") == [3.0]
    assert not any(p.name.startswith("file:") for p in tmp_path.rglob("*"))
