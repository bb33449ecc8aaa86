"""Cleanup survives Windows' transient sharing violations (a scanner holding a fresh file)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from e2judge.core.errors import InputRefused
from e2judge.formats import cleanup
from e2judge.formats.cleanup import remove_file, remove_tree
from e2judge.formats.zipsafe import SafeZip


def _flaky(real: Callable[..., Any], failures: int, calls: list[str]) -> Callable[..., Any]:
    """``real`` that first fails ``failures`` times with PermissionError, as Windows does while a
    scanner has the file open."""

    def attempt(path: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(str(path))
        if len(calls) <= failures:
            raise PermissionError(13, "The process cannot access the file", str(path))
        return real(path, *args, **kwargs)

    return attempt


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cleanup, "RETRY_DELAYS", (0.0,) * len(cleanup.RETRY_DELAYS))


def test_remove_file_retries_then_succeeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "att.partial"
    target.write_bytes(b"x")
    calls: list[str] = []
    monkeypatch.setattr(cleanup.os, "unlink", _flaky(os.unlink, 3, calls))
    remove_file(target)
    assert not target.exists() and len(calls) == 4
    remove_file(target)  # already gone: fine


def test_remove_file_gives_up_with_the_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "att.partial"
    target.write_bytes(b"x")
    calls: list[str] = []
    monkeypatch.setattr(cleanup.os, "unlink", _flaky(os.unlink, 100, calls))
    with pytest.raises(PermissionError):
        remove_file(target)
    assert target.exists() and len(calls) == len(cleanup.RETRY_DELAYS) + 1


def test_remove_tree_retries_and_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / ".staging-1"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a").write_bytes(b"x")
    calls: list[str] = []
    monkeypatch.setattr(cleanup.shutil, "rmtree", _flaky(shutil.rmtree, 2, calls))
    assert remove_tree(folder) is True and not folder.exists()
    folder.mkdir()
    calls.clear()
    monkeypatch.setattr(cleanup.shutil, "rmtree", _flaky(shutil.rmtree, 100, calls))
    assert remove_tree(folder) is False and folder.exists()


def test_a_refused_member_is_removed_even_when_windows_holds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("m.bin", b"data")
    calls: list[str] = []
    monkeypatch.setattr(cleanup.os, "unlink", _flaky(os.unlink, 2, calls))
    dest = tmp_path / "m.bin"
    with SafeZip(archive) as zf, pytest.raises(InputRefused, match="hash mismatch"):
        zf.extract_to("m.bin", dest, expected_sha256="0" * 64)
    assert not dest.exists() and calls == [str(dest)] * 3
