"""Two organizer processes cannot write one workspace at once (collect, build, enroll)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from e2judge.paths import OrgWorkspace
from e2judge.services.org.collect import collect_sheets
from e2judge.services.org.workspace import init_workspace
from e2judge.services.org.workspace_lock import WorkspaceBusy
from tests.helpers.processes import KILLED_RETURNCODE

HOLDER = """
import sys
from pathlib import Path
from e2judge.paths import OrgWorkspace
from e2judge.services.org.workspace_lock import workspace_lock

with workspace_lock(OrgWorkspace(Path(sys.argv[1]))):
    print("HELD", flush=True)
    sys.stdin.read()  # until the test closes stdin (or kills this process)
print("RELEASED", flush=True)
"""


def _holder(orgdir: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(orgdir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "HELD\n"
    return child


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_second_process_is_refused_until_the_first_ends(tmp_path: Path) -> None:
    orgdir = tmp_path / "btc"
    init_workspace(orgdir, "mật khẩu ban tổ chức", "Ban tổ chức (thử)")
    inbox = tmp_path / "usb"
    inbox.mkdir()
    database = OrgWorkspace(orgdir).database
    before = _digest(database)
    child = _holder(orgdir)
    try:
        with pytest.raises(WorkspaceBusy) as caught:
            collect_sheets(orgdir, [inbox])
        assert caught.value.source == str(orgdir)
        assert "another E2 Judge command" in caught.value.reason
        assert _digest(database) == before
        assert child.stdin is not None
        child.stdin.close()
        assert child.stdout is not None and child.stdout.readline() == "RELEASED\n"
        assert child.wait(timeout=30) == 0
    finally:
        child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()
    [row] = collect_sheets(orgdir, [inbox]).rows  # free again: the collect runs (nothing to take)
    assert row.reason == "no .e2sheet files here"


def test_a_killed_holder_frees_the_workspace(tmp_path: Path) -> None:
    orgdir = tmp_path / "btc"
    init_workspace(orgdir, "mật khẩu ban tổ chức", "Ban tổ chức (thử)")
    child = _holder(orgdir)
    child.kill()
    assert child.wait(timeout=30) == KILLED_RETURNCODE
    assert child.stdin is not None and child.stdout is not None
    child.stdin.close()
    child.stdout.close()
    inbox = tmp_path / "usb"
    inbox.mkdir()
    [row] = collect_sheets(orgdir, [inbox]).rows  # the OS dropped the lock with the process
    assert row.reason == "no .e2sheet files here"
