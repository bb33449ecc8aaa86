"""``e2judge --self-test``: passes from source in a fresh process, and stops at the first broken step."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from e2judge.selftest import run_self_test

ROOT = Path(__file__).resolve().parent.parent
STEPS = (
    "bundled resources",
    "open temporary profile",
    "import demo batch",
    "score two entries",
    "back up the database",
    "create judge key",
    "export signed score sheet",
    "write PDF report",
    "write Excel workbook",
    "judges' agreement",
    "start Qt",
    "load Vietnamese translation",
    "open main window",
    "crash dialog",
)


@pytest.mark.slow
def test_self_test_passes_from_source(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "E2JUDGE_HOME": str(home), "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "e2judge", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("E2 Judge ") and "(source," in lines[0]
    step_lines = [line for line in lines if line.startswith(("ok  ", "FAIL "))]
    assert [line[4:].split(" (")[0] for line in step_lines] == list(STEPS)
    assert "ok  import demo batch (16 entries)" in lines
    assert lines[-1].startswith(f"self-test passed: {len(STEPS)} steps")
    # Nothing outside its own temporary folder: not the profile; and that folder is removed after.
    assert not home.exists()
    opened = next(line for line in lines if line.startswith("ok  open temporary profile"))
    work = Path(opened.split(", in ", 1)[1].rstrip(")"))
    assert work.parent == tmp_path and work.name.startswith("e2judge-selftest-")
    assert not work.exists()


def test_a_broken_build_fails_at_the_first_step_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A frozen build whose resources were not bundled: _MEIPASS holds no resources folder.
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert run_self_test() == 1

    out = capsys.readouterr().out.splitlines()
    assert out[1] == f"FAIL bundled resources: resources folder missing: {tmp_path / 'resources'}"
    assert out[-1] == "self-test failed at step: bundled resources"
    assert not any(line.startswith("ok  ") for line in out)


def test_a_missing_demo_batch_is_a_failure_not_a_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "resources" / "demo" / "batches").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert run_self_test() == 1

    out = capsys.readouterr().out
    assert "FAIL bundled resources: no e2-2022 GK01 demo batch in" in out
