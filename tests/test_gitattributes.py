"""``.gitattributes``: every binary file in the repository is marked binary, text files normalised to LF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs a git checkout"
)


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def _attrs(paths: list[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for line in _git("check-attr", "text", "diff", "eol", "--", *paths).splitlines():
        path, attr, value = line.rsplit(": ", 2)
        out.setdefault(path, {})[attr] = value
    return out


def test_binary_files_are_marked_binary_and_text_files_lf() -> None:
    tracked = [p for p in _git("ls-files", "-z").split("\0") if p and (ROOT / p).is_file()]
    binary = [p for p in tracked if b"\0" in (ROOT / p).read_bytes()[:8000]]
    assert binary, "the repository holds binary files (PNG, PDF, batches)"
    attrs = _attrs(tracked)
    assert [p for p in binary if attrs[p]["text"] != "unset" or attrs[p]["diff"] != "unset"] == []
    text = [p for p in tracked if p not in binary and p.endswith((".py", ".md", ".po", ".ts", ".toml"))]
    assert [p for p in text if attrs[p]["text"] != "auto" or attrs[p]["eol"] != "lf"] == []
    assert [p for p in text if b"\r\n" in (ROOT / p).read_bytes()] == []
