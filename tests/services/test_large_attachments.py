"""Attachments bounded by the signed manifest, free space checked first, members stored or deflated.

A real import of a member over 200 MiB is too slow for ``make test``: ``bench/import.py`` imports
five 300 MB files. Here the limit logic is tested: the zip's declared size must equal the signed
manifest's, and a full disk refuses the import (and ``org build``) before anything is written.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from e2judge.core.errors import InputRefused
from e2judge.db.session import Database, open_judge_db
from e2judge.formats import zipsafe
from e2judge.formats.batch import compression_for
from e2judge.paths import Profile
from e2judge.services import free_space
from e2judge.services.judge.import_batch import import_batch, verify_batch
from e2judge.services.org.build import build_batches
from e2judge.services.org.workspace import init_workspace
from tests.helpers.signed import ATT_SHA, ATTACHMENT, resign, rezip
from tests.xlsx.test_org_workbook import GOOD_CONTEST, GOOD_CRITERIA, GOOD_JUDGES, fill_template


def _state(db: Database, profile: Profile) -> tuple[str, list[str]]:
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    files = sorted(str(p.relative_to(profile.root)) for p in profile.attachments.rglob("*"))
    return hashlib.sha256(profile.database.read_bytes()).hexdigest(), files


class Usage(NamedTuple):
    total: int
    used: int
    free: int


def _disk_with_free(monkeypatch: pytest.MonkeyPatch, free: int) -> list[Path]:
    asked: list[Path] = []

    def disk_usage(path: os.PathLike[str] | str) -> Usage:
        asked.append(Path(path))
        return Usage(10 * 2**30, 10 * 2**30 - free, free)

    monkeypatch.setattr(free_space.shutil, "disk_usage", disk_usage)
    return asked


def test_declared_size_other_than_the_manifest_is_refused(
    tmp_path: Path,
    org_key: Ed25519PrivateKey,
    manifest_for: Callable[..., dict[str, Any]],
    batch_file: Callable[..., Path],
) -> None:
    # The signed manifest says one byte more than the member holds (and the zip declares).
    manifest = manifest_for()
    for entry in manifest["entries"]:
        entry["attachments"][0]["size"] = len(ATTACHMENT) + 1
    data, sig = resign(manifest, org_key)
    bad = rezip(batch_file(manifest_for()), tmp_path / "size.e2batch", lambda m: {
        **m, "manifest.json": data, "signature.json": sig
    })
    profile = Profile(tmp_path / "profile").ensure()
    with open_judge_db(profile.database) as db:
        before = _state(db, profile)
        with pytest.raises(InputRefused) as caught:
            import_batch(db, profile, bad)
        assert caught.value.reason == (
            f"member 'attachments/{ATT_SHA}' declares {len(ATTACHMENT)} bytes "
            f"but the signed manifest says {len(ATTACHMENT) + 1}"
        )
        assert _state(db, profile) == before
    with pytest.raises(InputRefused, match="signed manifest says"):
        verify_batch(bad)


def test_no_fixed_size_cap_only_the_header_sanity_bound() -> None:
    limits = zipsafe.ZipLimits()
    assert limits.max_member_size >= 2**40 and limits.max_total_size >= 2**40  # several GB are fine
    assert limits.max_ratio <= 200  # bombs are still refused by ratio before any read


def test_a_full_disk_refuses_the_import_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_file: Callable[..., Path],
    manifest_for: Callable[..., dict[str, Any]],
) -> None:
    batch = batch_file(manifest_for())
    profile = Profile(tmp_path / "profile").ensure()
    with open_judge_db(profile.database) as db:
        before = _state(db, profile)
        asked = _disk_with_free(monkeypatch, 1000)
        with pytest.raises(InputRefused) as caught:
            import_batch(db, profile, batch)
        reason = caught.value.reason
        assert reason.startswith(f"not enough free disk space in {profile.attachments}: ")
        assert "64 MB is needed and only 1000 B is free" in reason  # the margin + the attachment
        assert asked == [profile.attachments]
        assert _state(db, profile) == before
        monkeypatch.undo()
        import_batch(db, profile, batch)  # with room, the same batch imports
        assert profile.attachment_path(ATT_SHA).read_bytes() == ATTACHMENT


def test_free_space_counts_only_attachments_the_store_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_file: Callable[..., Path],
    manifest_for: Callable[..., dict[str, Any]],
) -> None:
    profile = Profile(tmp_path / "profile").ensure()
    with open_judge_db(profile.database) as db:
        import_batch(db, profile, batch_file(manifest_for()))
        # Revision 2 carries the same attachment: only the margin and the manifest are needed.
        needed: list[int] = []
        real = free_space.require_free_space
        monkeypatch.setattr(
            "e2judge.services.judge.import_batch.require_free_space",
            lambda source, folder, n: (needed.append(n), real(source, folder, n))[1],
        )
        import_batch(db, profile, batch_file(manifest_for(revision=2), name="r2.e2batch"))
        assert len(needed) == 1 and needed[0] < 64 * 1024  # 4 × the manifest, no attachment


# ------------------------------------------------------------------------------------ org build


@pytest.fixture(scope="module")
def orgdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("org") / "btc"
    init_workspace(root, "mật khẩu", "Ban tổ chức (thử)")
    return root


NAMES = ("video.mp4", "anh.JPG", "du-lieu.bin", "ghi-chu.txt", "tom-tat.md")


def _workbook(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "attachments"
    folder.mkdir()
    noise = os.urandom(3 * 2**20)
    (folder / "video.mp4").write_bytes(noise[: 2**20])
    (folder / "anh.JPG").write_bytes(b"\xff\xd8\xff" + noise[2**20 : 2**20 + 50_000])
    (folder / "du-lieu.bin").write_bytes(noise[2 * 2**20 :])  # unknown suffix, incompressible
    (folder / "ghi-chu.txt").write_text("Học sinh làm việc nhóm. " * 40_000, "utf-8")
    (folder / "tom-tat.md").write_bytes(b"")
    entries = [{"code": "B001", "title": "Dạy học dự án", "attachments": "; ".join(NAMES)}]
    path = tmp_path / "danh-sach.xlsx"
    fill_template(path, GOOD_CONTEST, entries, GOOD_JUDGES, GOOD_CRITERIA).save(path)
    return path, folder


def test_build_stores_what_does_not_compress_and_deflates_the_rest(tmp_path: Path, orgdir: Path) -> None:
    workbook, folder = _workbook(tmp_path)
    assert compression_for(folder / "du-lieu.bin") == zipfile.ZIP_STORED  # by the trial
    assert compression_for(folder / "ghi-chu.txt") == zipfile.ZIP_DEFLATED
    summary = build_batches(orgdir, workbook, tmp_path / "out", "mật khẩu", attachments=folder)
    [batch] = summary.files
    digests = {hashlib.sha256((folder / n).read_bytes()).hexdigest(): n for n in NAMES}
    with zipfile.ZipFile(batch) as zf:
        methods = {}
        for info in zf.infolist():
            if info.filename.startswith("attachments/"):
                name = digests[info.filename.split("/")[1]]
                methods[name] = info.compress_type
                assert info.compress_size <= info.file_size, name  # never larger than the original
    assert methods == {
        "video.mp4": zipfile.ZIP_STORED,
        "anh.JPG": zipfile.ZIP_STORED,
        "du-lieu.bin": zipfile.ZIP_STORED,
        "ghi-chu.txt": zipfile.ZIP_DEFLATED,
        "tom-tat.md": zipfile.ZIP_STORED,
    }
    verify_batch(batch)  # and the judge's side reads it back, every hash checked


def test_build_refuses_a_full_disk_before_writing(
    tmp_path: Path, orgdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook, folder = _workbook(tmp_path)
    out = tmp_path / "lo-bai"
    asked = _disk_with_free(monkeypatch, 2**20)
    with pytest.raises(InputRefused) as caught:
        build_batches(orgdir, workbook, out, "mật khẩu", attachments=folder)
    assert caught.value.source == str(out)
    assert caught.value.reason.startswith(f"not enough free disk space in {out}: ")
    assert asked == [tmp_path]  # the folder does not exist yet: its disk is asked
    assert not out.exists()
    assert shutil.disk_usage is not None
