"""The one atomic writer: streaming, unique temp names, never-overwrite, cleanup, retry; and the rule
that no other module in the package renames a temporary file into place.
"""

from __future__ import annotations

import ast
import os
import re
import threading
from pathlib import Path

import pytest

import e2judge.formats.safe_write as safe_write
from e2judge.formats.safe_write import (
    atomic_file,
    atomic_path,
    move_into_place,
    write_bytes,
    write_text,
)

PACKAGE = Path(__file__).resolve().parents[2] / "e2judge"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_streamed_file_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    with atomic_file(target) as fh:
        fh.write(b"first half ")
        assert not target.exists()  # nothing under the final name while writing
        assert len(_leftovers(tmp_path)) == 1
        fh.write(b"second half")
    assert target.read_bytes() == b"first half second half"
    assert _leftovers(tmp_path) == []


def test_a_failure_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_file(target) as fh:
        fh.write(b"half of the new")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_never_overwrite_when_asked_not_to(tmp_path: Path) -> None:
    target = tmp_path / "sheet.e2sheet"
    write_bytes(target, b"revision 1", overwrite=False)
    with pytest.raises(FileExistsError):
        write_bytes(target, b"revision 1 again", overwrite=False)
    assert target.read_bytes() == b"revision 1"
    assert _leftovers(tmp_path) == []


def test_never_overwrite_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A FAT stick has no hard links: the name is claimed with O_EXCL, then the temp moved onto it."""

    def no_links(_src: object, _dst: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "a.e2sheet"
    write_bytes(target, b"one", overwrite=False)
    assert target.read_bytes() == b"one"
    with pytest.raises(FileExistsError):
        write_bytes(target, b"two", overwrite=False)
    assert target.read_bytes() == b"one"
    assert _leftovers(tmp_path) == []


def test_temp_names_are_unique_so_concurrent_writers_never_share_one(tmp_path: Path) -> None:
    target = tmp_path / "same.txt"
    seen: list[str] = []
    barrier = threading.Barrier(4)

    def writer(n: int) -> None:
        with atomic_file(target) as fh:
            seen.extend(_leftovers(tmp_path))
            barrier.wait(timeout=10)
            fh.write(f"writer {n}".encode())

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(seen)) == 4
    assert re.fullmatch(r"writer [0-3]", target.read_text(encoding="utf-8"))
    assert _leftovers(tmp_path) == []


def test_transient_permission_error_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows: an antivirus scanner holds the fresh file for a moment; the move is retried."""
    real = os.replace
    calls: list[tuple[str, str]] = []

    def busy_twice(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append((str(src), str(dst)))
        if len(calls) <= 2:
            raise PermissionError(13, "The process cannot access the file", str(dst))
        real(src, dst)

    monkeypatch.setattr(safe_write.os, "replace", busy_twice)
    monkeypatch.setattr(safe_write, "RETRY_DELAYS", (0.0, 0.0, 0.0))
    target = tmp_path / "results.xlsx"
    write_text(target, "saved")
    assert target.read_text(encoding="utf-8") == "saved"
    assert len(calls) == 3
    assert _leftovers(tmp_path) == []


def test_a_lasting_permission_error_is_raised_and_cleaned_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def always_busy(_src: object, dst: object) -> None:
        raise PermissionError(13, "Access is denied", str(dst))

    monkeypatch.setattr(safe_write.os, "replace", always_busy)
    monkeypatch.setattr(safe_write, "RETRY_DELAYS", (0.0, 0.0))
    with pytest.raises(PermissionError):
        write_text(tmp_path / "x.txt", "never")
    assert list(tmp_path.iterdir()) == []


def test_atomic_path_for_writers_that_open_the_file_themselves(tmp_path: Path) -> None:
    target = tmp_path / "backup.sqlite3"
    with atomic_path(target) as temp:
        assert temp.parent == tmp_path and not temp.exists()
        temp.write_bytes(b"SQLite format 3\0")
        assert not target.exists()
    assert target.read_bytes() == b"SQLite format 3\0"
    with pytest.raises(ValueError), atomic_path(tmp_path / "other.sqlite3") as temp:
        temp.write_bytes(b"half")
        raise ValueError("integrity check failed")
    assert not (tmp_path / "other.sqlite3").exists()
    assert _leftovers(tmp_path) == []


def test_move_into_place(tmp_path: Path) -> None:
    staged = tmp_path / "staged"
    staged.write_bytes(b"attachment")
    move_into_place(staged, tmp_path / "store")
    assert (tmp_path / "store").read_bytes() == b"attachment" and not staged.exists()


def _renames_in(path: Path) -> list[int]:
    """Lines where ``path`` calls os.replace / os.rename / Path.replace / Path.rename."""
    lines: list[int] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name, owner = node.func.attr, node.func.value
        if name in {"rename", "renames"} or (
            name == "replace" and isinstance(owner, ast.Name) and owner.id == "os"
        ):
            lines.append(node.lineno)
        elif name == "replace" and len(node.args) == 1 and not node.keywords:
            # Path.replace(target) takes one argument; str.replace takes two (a literal or not)
            lines.append(node.lineno)
    return lines


def test_the_scanner_finds_renames() -> None:
    sample = PACKAGE / "formats" / "safe_write.py"
    assert _renames_in(sample)  # the one implementation


def test_one_temp_then_rename_implementation() -> None:
    """Every writer goes through formats/safe_write.py: nobody else renames a file into place."""
    offenders = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "safe_write.py" or path.parent.name != "formats"
        if (lines := _renames_in(path))
    }
    assert offenders == {}
