"""Every hostile batch is refused with one clear reason and the database left byte-for-byte as it was."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from e2judge.core.errors import InputRefused
from e2judge.db.session import Database, open_judge_db
from e2judge.paths import Profile
from e2judge.services.judge.import_batch import import_batch
from tests.helpers.signed import ATT_SHA, ATTACHMENT, resign, rezip


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile").ensure()


@pytest.fixture
def db(profile: Profile) -> Iterator[Database]:
    database = open_judge_db(profile.database)
    yield database
    database.close()


def snapshot(db: Database, profile: Profile) -> tuple[str, list[str]]:
    """Hash of the database file (after a checkpoint) and the list of stored attachments."""
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = hashlib.sha256(profile.database.read_bytes()).hexdigest()
    return digest, sorted(p.name for p in profile.attachments.rglob("*") if p.is_file())


def refused(db: Database, profile: Profile, path: Path, reason: str) -> None:
    before = snapshot(db, profile)
    with pytest.raises(InputRefused) as caught:
        import_batch(db, profile, path)
    assert reason in caught.value.reason, caught.value.reason
    assert caught.value.source == str(path)
    assert snapshot(db, profile) == before


@pytest.fixture
def good(manifest_for: Callable[..., dict[str, Any]], batch_file: Callable[..., Path]) -> Path:
    return batch_file(manifest_for())


def test_good_batch_imports_and_reimport_changes_nothing(db: Database, profile: Profile, good: Path) -> None:
    summary = import_batch(db, profile, good)
    assert summary.entries_added == ["E001", "E002", "E003"]
    assert summary.pinned_now
    assert profile.attachment_path(ATT_SHA).read_bytes() == ATTACHMENT
    before = snapshot(db, profile)
    again = import_batch(db, profile, good)
    assert again.unchanged
    assert snapshot(db, profile) == before


def test_bad_signature(db: Database, profile: Profile, good: Path, tmp_path: Path) -> None:
    def flip(members: dict[str, bytes]) -> dict[str, bytes]:
        members["manifest.json"] = members["manifest.json"].replace("Đổi mới".encode(), "Đổi mơi".encode(), 1)
        return members

    refused(db, profile, rezip(good, tmp_path / "x.e2batch", flip), "bad signature")


def test_signed_by_another_key_than_the_manifest_names(
    db: Database, profile: Profile, good: Path, tmp_path: Path, manifest_for: Callable[..., dict[str, Any]]
) -> None:
    manifest = manifest_for()
    data, sig = resign(manifest, Ed25519PrivateKey.generate())
    bad = rezip(good, tmp_path / "x.e2batch", lambda m: {**m, "manifest.json": data, "signature.json": sig})
    refused(db, profile, bad, "bad signature")


def test_different_organizer_key_after_pin(
    db: Database,
    profile: Profile,
    good: Path,
    manifest_for: Callable[..., dict[str, Any]],
    batch_file: Callable[..., Path],
) -> None:
    import_batch(db, profile, good)
    other = Ed25519PrivateKey.generate()
    impostor = batch_file(manifest_for(revision=2, key=other), name="impostor.e2batch", key=other)
    refused(db, profile, impostor, "different organizer key")


def test_unknown_format_version(
    db: Database, profile: Profile, good: Path, tmp_path: Path, org_key: Any
) -> None:
    with zipfile.ZipFile(good) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    manifest["version"] = 2
    data, sig = resign(manifest, org_key)
    bad = rezip(good, tmp_path / "v2.e2batch", lambda m: {**m, "manifest.json": data, "signature.json": sig})
    refused(db, profile, bad, "unknown batch format version 2")


def test_truncated_and_not_a_zip(db: Database, profile: Profile, good: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.e2batch"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refused(db, profile, cut, "")
    junk = tmp_path / "junk.e2batch"
    junk.write_bytes(b"This is a Word document, honest" * 50)
    refused(db, profile, junk, "")


@pytest.mark.parametrize(
    ("member", "reason"),
    [
        ("../evil.txt", ".."),
        ("/etc/passwd", "absolute"),
        ("C:/Windows/evil.txt", ""),
        ("attachments\\..\\evil", ""),
    ],
)
def test_bad_member_names(
    db: Database, profile: Profile, good: Path, tmp_path: Path, member: str, reason: str
) -> None:
    bad = rezip(good, tmp_path / "names.e2batch", lambda m: {**m, member: b"x"})
    refused(db, profile, bad, reason)


def test_unlisted_member(db: Database, profile: Profile, good: Path, tmp_path: Path) -> None:
    bad = rezip(good, tmp_path / "extra.e2batch", lambda m: {**m, "attachments/" + "0" * 64: b"x"})
    refused(db, profile, bad, "not listed in the manifest")


def test_duplicate_and_case_colliding_names(
    db: Database, profile: Profile, good: Path, tmp_path: Path
) -> None:
    dup = tmp_path / "dup.e2batch"
    dup.write_bytes(good.read_bytes())
    with pytest.warns(UserWarning), zipfile.ZipFile(dup, "a") as zf:
        zf.writestr("manifest.json", b"{}")
    refused(db, profile, dup, "")
    case = rezip(good, tmp_path / "case.e2batch", lambda m: {**m, "MANIFEST.json": b"{}"})
    refused(db, profile, case, "")


def test_missing_attachment(db: Database, profile: Profile, good: Path, tmp_path: Path) -> None:
    bad = rezip(
        good,
        tmp_path / "missing.e2batch",
        lambda m: {k: v for k, v in m.items() if not k.startswith("attachments/")},
    )
    refused(db, profile, bad, "missing")


def test_attachment_hash_differs(db: Database, profile: Profile, good: Path, tmp_path: Path) -> None:
    bad = rezip(
        good,
        tmp_path / "hash.e2batch",
        lambda m: {**m, f"attachments/{ATT_SHA}": ATTACHMENT.replace(b"hoach", b"HOACH")},
    )
    refused(db, profile, bad, "mismatch")


@pytest.mark.parametrize(
    ("member", "megabytes", "reason"),
    [
        ("attachments/bomb", 100, "not listed in the manifest"),
        ("attachments/bomb", 300, "not listed in the manifest"),
        # In place of a listed attachment: bound by the size the signed manifest declares.
        (f"attachments/{ATT_SHA}", 300, f"but the signed manifest says {len(ATTACHMENT)}"),
    ],
)
def test_zip_bomb(
    db: Database, profile: Profile, good: Path, tmp_path: Path, member: str, megabytes: int, reason: str
) -> None:
    bomb = tmp_path / "bomb.e2batch"
    chunk = b"\0" * 2**20
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            if info.filename != member:
                zf.writestr(info, src.read(info))
        with zf.open(member, "w") as fh:
            for _ in range(megabytes):
                fh.write(chunk)
    refused(db, profile, bomb, reason)


def test_older_revision_and_same_revision_with_other_content(
    db: Database,
    profile: Profile,
    manifest_for: Callable[..., dict[str, Any]],
    batch_file: Callable[..., Path],
) -> None:
    import_batch(db, profile, batch_file(manifest_for(revision=2), name="r2.e2batch"))
    refused(db, profile, batch_file(manifest_for(revision=1), name="r1.e2batch"), "older than revision 2")
    changed = manifest_for(revision=2)
    changed["entries"][0]["title"] = "Một tiêu đề khác"
    refused(db, profile, batch_file(changed, name="r2b.e2batch"), "different content")


@pytest.mark.parametrize("code", ["../../E001", "E001\n", "E 001"])
def test_schema_violation_is_refused_after_signature(
    db: Database, profile: Profile, good: Path, tmp_path: Path, org_key: Any, code: str
) -> None:
    with zipfile.ZipFile(good) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    manifest["entries"][0]["code"] = code
    data, sig = resign(manifest, org_key)
    bad = rezip(
        good, tmp_path / "schema.e2batch", lambda m: {**m, "manifest.json": data, "signature.json": sig}
    )
    refused(db, profile, bad, "entries/0/code")


def test_duplicate_json_keys_refused(
    db: Database, profile: Profile, good: Path, tmp_path: Path, org_key: Any
) -> None:
    with zipfile.ZipFile(good) as zf:
        text = zf.read("manifest.json").decode()
    data = text.replace('"blind": false', '"blind": false, "blind": true', 1).encode()
    from e2judge.formats.batch import signature_document
    from e2judge.formats.jsonio import dumps_pretty

    sig = dumps_pretty(signature_document(org_key, data))
    bad = rezip(
        good, tmp_path / "dupkey.e2batch", lambda m: {**m, "manifest.json": data, "signature.json": sig}
    )
    refused(db, profile, bad, "duplicate key")
