"""A scoring process killed abruptly (``Popen.kill``) loses nothing it reported as saved, database intact.

``Popen.kill`` sends SIGKILL on POSIX and calls TerminateProcess on Windows.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from e2judge.db.models import Score
from e2judge.db.session import open_judge_db
from e2judge.services.judge.entries import list_entries
from tests.helpers.batches import imported_profile
from tests.helpers.processes import KILLED_RETURNCODE

pytestmark = [pytest.mark.slow]

# The i-th change of the endless sequence, shared by the child and the test.
SEQUENCE = """
CYCLES = {
    "tinh-moi": [0.0, 1.0, 2.0, 3.0, 4.0, None],
    "kha-thi": [1.0, 2.0, 3.0, None],
    "trinh-bay": [0.5, 1.0, 2.5, 5.0, 0.0, None, 4.5],
}

def change(i, aids):
    pairs = [(aid, key) for aid in aids for key in CYCLES]
    aid, key = pairs[i % len(pairs)]
    cycle = CYCLES[key]
    return aid, key, cycle[(i // len(pairs)) % len(cycle)]
"""

CHILD = (
    SEQUENCE
    + """
import sys
from pathlib import Path
from e2judge.db.session import open_judge_db
from e2judge.services.judge.scoring import set_points

db = open_judge_db(Path(sys.argv[1]))
aids = [int(a) for a in sys.argv[2].split(",")]
i = 0
while True:
    aid, key, points = change(i, aids)
    set_points(db, aid, key, points, "kill9")
    print(f"SAVED {i}", flush=True)
    i += 1
"""
)

Key = tuple[int, str]


def _sequence() -> Callable[[int, list[int]], tuple[int, str, float | None]]:
    namespace: dict[str, object] = {}
    exec(SEQUENCE, namespace)
    fn = namespace["change"]
    assert callable(fn)
    return fn


def _scores(db_path: Path) -> dict[Key, float | None]:
    with open_judge_db(db_path) as db, db.session() as s:
        return {(r.assignment_id, r.criterion_key): r.points for r in s.scalars(select(Score))}


@pytest.mark.parametrize("kill_after", [25, 140])
def test_sigkill_loses_no_saved_change(tmp_path: Path, kill_after: int) -> None:
    profile, db, ref = imported_profile(tmp_path, entries=12)
    aids = [r.assignment_id for r in list_entries(db, ref)]
    db.close()
    change = _sequence()
    stderr_path = tmp_path / "child.err"
    with stderr_path.open("w") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(profile.database), ",".join(map(str, aids))],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
        assert proc.stdout is not None
        saved = -1
        try:
            for line in proc.stdout:
                assert line.startswith("SAVED "), line
                saved = int(line.split()[1])
                if saved >= kill_after:
                    proc.kill()
                    break
            # Lines already written before the kill also count as reported.
            for line in proc.stdout:
                saved = int(line.split()[1])
        finally:
            proc.kill()
            proc.wait()
            proc.stdout.close()
    assert saved >= kill_after, stderr_path.read_text()
    assert proc.returncode == KILLED_RETURNCODE

    with closing(sqlite3.connect(profile.database)) as con:  # recovers the hot WAL
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    expected: dict[Key, float | None] = {}
    for i in range(saved + 1):
        aid, key, points = change(i, aids)
        expected[(aid, key)] = points
    # At most the one change after the last reported may also have been committed.
    aid, key, points = change(saved + 1, aids)
    one_more = {**expected, (aid, key): points}
    assert _scores(profile.database) in (expected, one_more)
    with open_judge_db(profile.database) as reopened:
        assert len(list_entries(reopened, ref)) == len(aids)
