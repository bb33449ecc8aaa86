"""CLI output is UTF-8 whatever the console's code page (Windows cp1252/cp1258 redirected to a file)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from e2judge.paths import resource


def _run(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "e2judge", "--lang", "vi", *args],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("encoding", ["cp1252", "cp1258", "ascii"])
def test_vietnamese_output_under_a_narrow_code_page_is_utf8(encoding: str) -> None:
    batch = next(resource("demo", "batches").glob("*.e2batch"))
    done = _run(encoding, "verify", str(batch))
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    out = done.stdout.decode("utf-8")  # strict: the bytes are UTF-8
    assert "Ngọc" in out  # ọ: not in cp1252, cp1258 or ascii
    assert b"Traceback" not in done.stderr


def test_refusal_in_vietnamese_under_cp1252_is_utf8(tmp_path: Path) -> None:
    done = _run("cp1252", "verify", str(tmp_path / "không-có.e2batch"))
    assert done.returncode == 1
    err = done.stderr.decode("utf-8")
    assert "không-có.e2batch" in err and "Traceback" not in err
    assert any(ord(ch) > 0xFF for ch in err)  # Vietnamese letters cp1252 cannot encode
