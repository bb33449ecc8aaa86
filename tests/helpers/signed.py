"""Fixtures for building real signed batches, good and hostile (exposed by tests/conftest.py)."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from e2judge.core.contest import ContestSpec, EntrySpec, JudgeSpec
from e2judge.core.rubric import Criterion, Level, Rubric
from e2judge.formats.batch import write_batch
from e2judge.formats.jsonio import dumps_pretty
from e2judge.formats.keys import public_raw_of
from e2judge.formats.manifest import build_manifest

RUBRIC = Rubric(
    (
        Criterion(
            "hop-tac", "Kỹ năng", "Hợp tác", "", 4, 1, 1.0, tuple(Level(p, f"Mức {p}") for p in (1, 2, 3, 4))
        ),
        Criterion("giao-tiep", "Kỹ năng", "Giao tiếp hiệu quả", "", 10, 0.5, 1.5),
    )
)


def contest(entries: int = 3, blind: bool = False) -> ContestSpec:
    return ContestSpec(
        "e2-test",
        "Diễn đàn E2 Việt Nam",
        "Vòng chung khảo",
        "2023-03-15",
        blind,
        None,
        RUBRIC,
        tuple(
            EntrySpec(
                f"E{i:03d}",
                f"Đổi mới dạy học {i}",
                "Nguyễn Thị Hồng",
                "Trường THPT Lê Quý Đôn",
                "Đà Nẵng",
                "Bài học",
                "Mô tả",
                ("https://sway.example/x",),
                ("ke-hoach.pdf",),
            )
            for i in range(1, entries + 1)
        ),
        (JudgeSpec("GK01", "Trần Văn Đức", "duc@example.edu.vn", "Trường THCS Nguyễn Du", "Huế"),),
    )


ATTACHMENT = b"%PDF-1.4 ke hoach bai day"
ATT_SHA = hashlib.sha256(ATTACHMENT).hexdigest()


@pytest.fixture(scope="session")
def org_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def manifest_for(org_key: Ed25519PrivateKey) -> Callable[..., dict[str, Any]]:
    def make(entries: int = 3, revision: int = 1, key: Ed25519PrivateKey | None = None) -> dict[str, Any]:
        spec = contest(entries)
        return build_manifest(
            spec,
            spec.judges[0],
            list(spec.entries),
            {"ke-hoach.pdf": (ATT_SHA, len(ATTACHMENT))},
            revision=revision,
            signer_public=public_raw_of(key or org_key),
            signer_label="Ban tổ chức E2 (test)",
            demo=False,
            sealing_public=None,
        )

    return make


@pytest.fixture
def batch_file(tmp_path: Path, org_key: Ed25519PrivateKey) -> Callable[..., Path]:
    """Write a real signed batch from a manifest."""
    source = tmp_path / "ke-hoach.pdf"
    source.write_bytes(ATTACHMENT)

    def write(
        manifest: dict[str, Any], name: str = "b.e2batch", key: Ed25519PrivateKey | None = None
    ) -> Path:
        out = tmp_path / name
        write_batch(out, manifest, {ATT_SHA: source}, key or org_key)
        return out

    return write


def rezip(src: Path, dest: Path, change: Callable[[dict[str, bytes]], dict[str, bytes]]) -> Path:
    """Copy a batch with its members changed by ``change`` (names -> bytes)."""
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members = change(members)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return dest


def resign(manifest: dict[str, Any], key: Ed25519PrivateKey) -> tuple[bytes, bytes]:
    """Manifest bytes and signature.json bytes for ``manifest`` signed with ``key``."""
    from e2judge.formats.batch import signature_document

    data = dumps_pretty(manifest)
    return data, dumps_pretty(signature_document(key, data))
