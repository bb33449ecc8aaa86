"""Issue 9: no other key, unsigned workbook or hostile value takes over a judge's round.

Each case: the hostile input, its one-line refusal, and the profile byte-for-byte unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from e2judge.core.errors import InputRefused
from e2judge.core.rubric import Rubric
from e2judge.db.session import Database, open_judge_db
from e2judge.formats.batch import write_batch
from e2judge.paths import Profile
from e2judge.services.judge.import_batch import import_batch
from e2judge.services.judge.import_workbook import import_workbook
from e2judge.services.judge.rounds import list_rounds
from tests.helpers.signed import ATT_SHA, ATTACHMENT, rezip

Manifest = dict[str, Any]


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile").ensure()


@pytest.fixture
def db(profile: Profile) -> Iterator[Database]:
    database = open_judge_db(profile.database)
    yield database
    database.close()


def snapshot(db: Database, profile: Profile) -> tuple[str, list[str]]:
    """Hash of the database file (after a checkpoint) and every file in the attachment store."""
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = hashlib.sha256(profile.database.read_bytes()).hexdigest()
    return digest, sorted(str(p.relative_to(profile.root)) for p in profile.attachments.rglob("*"))


def refused(db: Database, profile: Profile, run: Callable[[], object], reason: str) -> InputRefused:
    before = snapshot(db, profile)
    with pytest.raises(InputRefused) as caught:
        run()
    assert reason in caught.value.reason, caught.value.reason
    assert "\n" not in caught.value.reason
    assert snapshot(db, profile) == before
    return caught.value


def sealing_b64() -> str:
    raw = X25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


@pytest.fixture
def genuine(
    db: Database, profile: Profile, manifest_for: Callable[..., Manifest], batch_file: Callable[..., Path]
) -> Manifest:
    """The organizer's batch, with a sealing key, imported and pinned."""
    manifest = manifest_for()
    manifest["organizer"]["sealing_public_key"] = sealing_b64()
    import_batch(db, profile, batch_file(manifest, name="genuine.e2batch"))
    return manifest


def stranger_batch(tmp_path: Path, manifest: Manifest, name: str = "stranger.e2batch") -> Path:
    """``manifest`` re-signed by a key nobody pinned (its organizer fields rewritten to match)."""
    stranger = Ed25519PrivateKey.generate()
    public = stranger.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    from e2judge.formats.fingerprint import key_id

    manifest["organizer"].update(
        public_key=base64.b64encode(public).decode("ascii"),
        key_id=key_id(public),
        label="Ban tổ chức E2",
        sealing_public_key=sealing_b64(),
    )
    source = tmp_path / "att.pdf"
    source.write_bytes(ATTACHMENT)
    out = tmp_path / name
    write_batch(out, manifest, {ATT_SHA: source}, stranger)
    return out


# --- item 1: a stranger's key with a new contest id but the genuine batch id ---------------------


def test_item1_stranger_key_new_contest_genuine_batch_id_is_refused(
    db: Database, profile: Profile, genuine: Manifest, tmp_path: Path
) -> None:
    hostile = json.loads(json.dumps(genuine))
    hostile["contest"]["id"] = "e2-khac"
    hostile["revision"] = 2
    path = stranger_batch(tmp_path, hostile)
    refused(db, profile, lambda: import_batch(db, profile, path), "belongs to another organizer key")
    (ref,) = list_rounds(db)
    assert ref.contest_key == "e2-test" and ref.signed
    with db.session() as s:
        from e2judge.db.models import Batch

        batch = s.query(Batch).one()
        assert batch.sealing_public_key == genuine["organizer"]["sealing_public_key"]
        assert json.loads(batch.manifest_json)["contest"]["id"] == "e2-test"


def test_item1_same_key_cannot_move_a_batch_to_another_contest(
    db: Database,
    profile: Profile,
    genuine: Manifest,
    batch_file: Callable[..., Path],
) -> None:
    moved = json.loads(json.dumps(genuine))
    moved["contest"]["id"] = "e2-khac"
    moved["revision"] = 2
    path = batch_file(moved, name="moved.e2batch")
    refused(db, profile, lambda: import_batch(db, profile, path), "this file moves it elsewhere")


# --- item 5: a look-alike contest id beside a pinned one ------------------------------------------


@pytest.mark.parametrize("look_alike", ["E2-TEST", "E2-Test"])
def test_item5_look_alike_contest_id_signed_by_another_key_is_refused(
    db: Database, profile: Profile, genuine: Manifest, tmp_path: Path, look_alike: str
) -> None:
    hostile = json.loads(json.dumps(genuine))
    hostile["contest"]["id"] = look_alike
    hostile["batch_id"] = hostile["batch_id"].replace("e2-test", hostile["contest"]["id"]) + "x"
    path = stranger_batch(tmp_path, hostile)
    refused(db, profile, lambda: import_batch(db, profile, path), "different organizer key")
    assert [r.contest_key for r in list_rounds(db)] == ["e2-test"]


def test_item5_look_alike_batch_id_signed_by_another_key_is_refused(
    db: Database, profile: Profile, genuine: Manifest, tmp_path: Path
) -> None:
    hostile = json.loads(json.dumps(genuine))
    hostile["contest"]["id"] = "e2-other"
    hostile["batch_id"] = genuine["batch_id"].upper()
    path = stranger_batch(tmp_path, hostile)
    refused(db, profile, lambda: import_batch(db, profile, path), "belongs to another organizer key")


# --- item 2: an unsigned organizer workbook never touches a signed contest -------------------------


def workbook(path: Path, contest_id: str, max_points: float = 40) -> Path:
    """A small organizer workbook (typed with openpyxl) for contest ``contest_id``."""
    wb = openpyxl.Workbook()
    default = wb.active
    assert default is not None
    wb.remove(default)
    sheets: dict[str, list[list[object]]] = {
        "Contest": [
            ["key", "value"],
            ["contest_id", contest_id],
            ["contest_name", "Tên đã bị thay"],
            ["round", "Vòng chung khảo"],
        ],
        "Entries": [["code", "title"], ["E001", "Tiêu đề bị thay"]],
        "Judges": [["judge_id", "name"], ["GK01", "Trần Văn Đức"]],
        "Rubric": [
            ["criterion_id", "section", "criterion", "max_points"],
            ["hop-tac", "Kỹ năng", "Hợp tác", max_points],
        ],
    }
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("contest_id", ["e2-test", "E2-TEST"])
def test_item2_unsigned_workbook_cannot_touch_a_signed_contest(
    db: Database, profile: Profile, genuine: Manifest, tmp_path: Path, contest_id: str
) -> None:
    path = workbook(tmp_path / "org.xlsx", contest_id)
    refused(db, profile, lambda: import_workbook(db, profile, path), "an unsigned workbook cannot change it")
    (ref,) = list_rounds(db)
    assert ref.signed and ref.contest_name == "Diễn đàn E2 Việt Nam"
    assert ref.rubric.criterion("hop-tac").max_points == 4


def test_item2_signed_batch_is_not_mixed_into_an_unsigned_contest(
    db: Database, profile: Profile, tmp_path: Path, manifest_for: Callable[..., Manifest],
    batch_file: Callable[..., Path],
) -> None:
    import_workbook(db, profile, workbook(tmp_path / "org.xlsx", "e2-test", 4))
    path = batch_file(manifest_for())
    refused(db, profile, lambda: import_batch(db, profile, path), "came from an unsigned organizer workbook")


def test_unsigned_workbook_of_another_contest_still_imports(
    db: Database, profile: Profile, genuine: Manifest, tmp_path: Path
) -> None:
    summary = import_workbook(db, profile, workbook(tmp_path / "org.xlsx", "e2-nhap", 4))
    assert not summary.signed
    rounds = sorted((r.contest_key, r.signed) for r in list_rounds(db))
    assert rounds == [("e2-nhap", False), ("e2-test", True)]


# --- item 3: rubric steps no judge can score --------------------------------------------------------


def with_rubric(manifest: Manifest, **changes: float) -> Manifest:
    criterion = manifest["rubric"]["criteria"][1]  # giao-tiep: no levels
    criterion.update(changes)
    manifest["rubric_sha256"] = Rubric.from_json(manifest["rubric"]).sha256()
    return manifest


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"step": 1e-9}, "more than 1000 possible scores"),
        ({"step": 1e-6, "max_points": 100000.0}, "more than 1000 possible scores"),
        ({"step": 1e-9, "max_points": 1e-6}, "finer than 0.001"),
        ({"step": 3.0}, "does not divide max_points 10"),
    ],
)
def test_item3_rubric_step_is_refused_at_import(
    db: Database,
    profile: Profile,
    tmp_path: Path,
    manifest_for: Callable[..., Manifest],
    changes: dict[str, float],
    reason: str,
) -> None:
    path = stranger_batch(tmp_path, with_rubric(manifest_for(), **changes))
    error = refused(db, profile, lambda: import_batch(db, profile, path), reason)
    assert "rubric criterion giao-tiep" in error.reason
    assert list_rounds(db) == []


def test_item3_level_outside_the_scale_is_refused(
    db: Database, profile: Profile, tmp_path: Path, manifest_for: Callable[..., Manifest]
) -> None:
    manifest = manifest_for()
    manifest["rubric"]["criteria"][0]["levels"].append({"points": 7.0, "descriptor": "quá"})
    manifest["rubric_sha256"] = Rubric.from_json(manifest["rubric"]).sha256()
    path = stranger_batch(tmp_path, manifest)
    refused(db, profile, lambda: import_batch(db, profile, path), "7 is outside 0..4")


# --- item 4 and item 11: strict JSON -----------------------------------------------------------------


def resigned(good: Path, tmp_path: Path, key: Ed25519PrivateKey, edit: Callable[[str], str]) -> Path:
    """A copy of ``good`` whose manifest text is edited, then signed again by ``key``."""
    with zipfile.ZipFile(good) as zf:
        text = zf.read("manifest.json").decode()
    edited = edit(text)
    assert edited != text
    from e2judge.formats.batch import signature_document
    from e2judge.formats.jsonio import dumps_pretty

    data = edited.encode()
    sig = dumps_pretty(signature_document(key, data))
    out = tmp_path / f"edited-{hashlib.sha256(data).hexdigest()[:8]}.e2batch"
    return rezip(good, out, lambda m: {**m, "manifest.json": data, "signature.json": sig})


SURROGATE_FIELDS = [
    '"label": "Ban tổ chức E2 (test)"',
    '"name": "Diễn đàn E2 Việt Nam"',
    '"round": "Vòng chung khảo"',
    '"title": "Đổi mới dạy học 1"',
    '"name": "Trần Văn Đức"',
    '"descriptor": "Mức 1"',
    '"authors": "Nguyễn Thị Hồng"',
]


@pytest.mark.parametrize("field", SURROGATE_FIELDS)
def test_item4_lone_surrogate_in_any_manifest_field_is_refused(
    db: Database,
    profile: Profile,
    genuine: Manifest,
    tmp_path: Path,
    org_key: Ed25519PrivateKey,
    manifest_for: Callable[..., Manifest],
    batch_file: Callable[..., Path],
    field: str,
) -> None:
    """Also the organizer's label of the pinned contest: refused, nothing half-written."""
    nxt = manifest_for(revision=2)
    nxt["organizer"]["sealing_public_key"] = genuine["organizer"]["sealing_public_key"]
    good = batch_file(nxt, name="r2.e2batch")
    path = resigned(good, tmp_path, org_key, lambda t: t.replace(field, field[:-1] + '\\ud800"', 1))
    refused(db, profile, lambda: import_batch(db, profile, path), "unpaired surrogate")
    assert [r.batch_revision for r in list_rounds(db)] == [1]


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ('"discrepancy_threshold": null', '"discrepancy_threshold": 1e309', "too large"),
        ('"discrepancy_threshold": null', '"discrepancy_threshold": Infinity', "Infinity is not allowed"),
        ('"revision": 1', '"revision": 9223372036854775808', "too large"),
        ('"revision": 1', '"revision": 1000000001', "revision"),
    ],
)
def test_item11_non_finite_and_out_of_range_numbers_are_refused(
    db: Database,
    profile: Profile,
    tmp_path: Path,
    org_key: Ed25519PrivateKey,
    manifest_for: Callable[..., Manifest],
    batch_file: Callable[..., Path],
    old: str,
    new: str,
    reason: str,
) -> None:
    good = batch_file(manifest_for())
    path = resigned(good, tmp_path, org_key, lambda t: t.replace(old, new, 1))
    refused(db, profile, lambda: import_batch(db, profile, path), reason)


# --- item 11: a tampered copy of an imported batch is not "nothing changed" -------------------------


def test_item11_reimporting_a_copy_with_a_swapped_attachment_is_refused(
    db: Database, profile: Profile, genuine: Manifest, tmp_path: Path
) -> None:
    original = tmp_path / "genuine.e2batch"
    swapped = rezip(
        original, tmp_path / "swapped.e2batch", lambda m: {**m, f"attachments/{ATT_SHA}": b"%PDF-1.4 khac"}
    )
    refused(db, profile, lambda: import_batch(db, profile, swapped), "")
    assert import_batch(db, profile, original).unchanged


# --- the command line: exit 1, one line, no traceback -------------------------------------------------


def e2judge(home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "E2JUDGE_PASSPHRASE"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "e2judge", "--home", str(home), *map(str, args)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )


def db_hash(home: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(home / "e2judge.sqlite3")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return hashlib.sha256((home / "e2judge.sqlite3").read_bytes()).hexdigest()


@pytest.mark.slow
def test_cli_refuses_each_hostile_batch_in_one_line(
    tmp_path: Path,
    org_key: Ed25519PrivateKey,
    manifest_for: Callable[..., Manifest],
    batch_file: Callable[..., Path],
) -> None:
    home = tmp_path / "judge"
    genuine = manifest_for()
    good = batch_file(genuine, name="genuine.e2batch")
    assert e2judge(home, "import", good).returncode == 0
    takeover = json.loads(json.dumps(genuine))
    takeover["contest"]["id"], takeover["revision"] = "e2-khac", 2
    hostile = {
        "item 1": stranger_batch(tmp_path, takeover, "takeover.e2batch"),
        "item 3": stranger_batch(tmp_path, with_rubric(manifest_for(), step=1e-9), "step.e2batch"),
        "item 4": resigned(good, tmp_path, org_key, lambda t: t.replace('"Mức 1"', '"M\\ud800"', 1)),
    }
    before = db_hash(home)
    for item, path in hostile.items():
        result = e2judge(home, "import", path)
        assert result.returncode == 1, (item, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("e2judge: refused: "), (item, result.stderr)
        assert "Traceback" not in result.stderr
        assert db_hash(home) == before, item
    rounds = e2judge(home, "rounds")
    assert rounds.returncode == 0, rounds.stderr
