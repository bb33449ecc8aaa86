"""The tamper suite: every forged, altered, replayed or misdirected sheet is refused with its reason,
and the organizer's database is left byte-for-byte as it was.

Real pipeline throughout: two organizer workspaces built from the demo contest, judges' profiles with
real imported batches, real exports; forgeries are made the way an attacker would (editing the file,
re-signing with their own key, or with a genuine judge's key for another judge's batch).
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from e2judge.db.session import open_judge_db, open_org_db
from e2judge.formats.keys import WrongPassphrase, public_raw_of
from e2judge.formats.sheet import (
    SheetPayload,
    encode_payload,
    read_sheet_file,
    sign_payload,
)
from e2judge.paths import OrgWorkspace, Profile
from e2judge.services.judge.import_batch import verify_batch
from e2judge.services.judge.judge_key import unlock_judge_key
from e2judge.services.judge.rounds import list_rounds
from e2judge.services.judge.scoring import set_points
from e2judge.services.judge.sheet_export import export_sheet
from e2judge.services.org.collect import Verdict, collect_sheets
from e2judge.services.org.workspace import sealing_key
from tests.helpers.sheet_world import (
    JUDGE_PASSPHRASE,
    ORG_PASSPHRASE,
    Org,
    assignments,
    build_org,
    judge_profile,
    pick,
    score_round,
)


@dataclass
class Lab:
    org: Org
    key: X25519PrivateKey  # the organizer's sealing key (to read sheets, as a test)
    gk01: Ed25519PrivateKey  # judge GK01's genuine signing key
    r1: Path  # GK01 revision 1, sealed (genuine)
    r2: Path  # GK01 revision 2, sealed (genuine)
    twin_r2: Path  # GK01 revision 2 from a copy of the profile, different content (genuine signature)
    foreign_sealed: Path  # a genuine GK01 sheet for another organizer's workspace, sealed to it
    foreign_plain: Path  # the same, plain
    folder: Path

    def payload(self, path: Path) -> SheetPayload:
        sheet, _ = read_sheet_file(path, self.key)
        return sheet.payload

    def write(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    root = tmp_path_factory.mktemp("tamper")
    org = build_org(root / "a")
    out = root / "genuine"
    out.mkdir()
    profile, db, ref = judge_profile(root / "gk01", org.batches["GK01"])
    try:
        score_round(db, ref, lambda code, c: pick(code, c, 0))
        r1 = export_sheet(db, profile, ref, out, JUDGE_PASSPHRASE).path
        db.close()
        twin_root = root / "gk01-twin"
        shutil.copytree(profile.root, twin_root)  # the judge's second laptop, from the same state
        db = open_judge_db(profile.database)
        code = sorted(assignments(db, ref))[0]
        set_points(db, assignments(db, ref)[code], "HT", 1.0, "judge:GK01")
        later = root / "later"
        later.mkdir()
        r2 = export_sheet(db, profile, ref, later, JUDGE_PASSPHRASE).path
        twin = Profile(twin_root)
        with open_judge_db(twin.database) as twin_db:
            (twin_ref,) = list_rounds(twin_db)
            set_points(twin_db, assignments(twin_db, twin_ref)[code], "HT", 2.0, "judge:GK01")
            twin_out = root / "twin"
            twin_out.mkdir()
            twin_r2 = export_sheet(twin_db, twin, twin_ref, twin_out, JUDGE_PASSPHRASE).path
        gk01 = unlock_judge_key(profile, JUDGE_PASSPHRASE)
    finally:
        db.close()
    other = build_org(root / "b")  # another organizer (same contest workbook, their own keys)
    fp, fdb, fref = judge_profile(root / "gk01-b", other.batches["GK01"])
    with fdb:
        score_round(fdb, fref, lambda code, c: pick(code, c, 0))
        foreign = root / "foreign"
        foreign.mkdir()
        foreign_sealed = export_sheet(fdb, fp, fref, foreign, JUDGE_PASSPHRASE).path
        plain = root / "foreign-plain"
        plain.mkdir()
        foreign_plain = export_sheet(fdb, fp, fref, plain, JUDGE_PASSPHRASE, seal=False).path
    forged = root / "forged"
    forged.mkdir()
    key = sealing_key(OrgWorkspace(org.orgdir), ORG_PASSPHRASE)
    yield Lab(org, key, gk01, r1, r2, twin_r2, foreign_sealed, foreign_plain, forged)


def snapshot(orgdir: Path) -> tuple[str, list[str]]:
    ws = OrgWorkspace(orgdir)
    with open_org_db(ws.database) as db, db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    archived = sorted(p.name for p in ws.sheets.iterdir()) if ws.sheets.exists() else []
    return hashlib.sha256(ws.database.read_bytes()).hexdigest(), archived


@pytest.fixture
def orgdir(lab: Lab, tmp_path: Path) -> Path:
    """A copy of the workspace that already accepted GK01's genuine revision 1."""
    target = tmp_path / "org"
    shutil.copytree(lab.org.orgdir, target)
    report = collect_sheets(target, [lab.r1], ORG_PASSPHRASE)
    assert report.rows[0].verdict is Verdict.ACCEPTED, report.rows[0].reason
    return target


# --- forgeries ----------------------------------------------------------------------------------------


def signed_by(key: Ed25519PrivateKey, p: SheetPayload) -> bytes:
    return sign_payload(key, encode_payload(p))


def one_byte_changed_in_ciphertext(lab: Lab) -> bytes:
    doc = json.loads(lab.r1.read_bytes())
    raw = bytearray(base64.b64decode(doc["ciphertext"]))
    raw[len(raw) // 2] ^= 0x01
    doc["ciphertext"] = base64.b64encode(bytes(raw)).decode()
    return json.dumps(doc, separators=(",", ":")).encode()


def one_byte_changed_in_plain_payload(lab: Lab) -> bytes:
    signed = read_sheet_file(lab.r1, lab.key)[0].signed_document
    middle = signed.index(b'"payload":"') + 2000
    swap = b"B" if signed[middle:middle + 1] != b"B" else b"C"
    return signed[:middle] + swap + signed[middle + 1:]


def score_edited_and_resigned_by_another_key(lab: Lab) -> bytes:
    mallory = Ed25519PrivateKey.generate()
    p = lab.payload(lab.r1)
    first = p.entries[0]
    edited = replace(first, points=(4.0,) * len(first.points), complete=False)
    forged = replace(p, entries=(edited, *p.entries[1:]), judge_public_key=public_raw_of(mallory))
    return signed_by(mallory, forged)


def score_edited_and_signed_by_another_key_naming_the_judge(lab: Lab) -> bytes:
    p = lab.payload(lab.r1)
    first = p.entries[0]
    edited = replace(first, points=(4.0,) * len(first.points), complete=False)
    return signed_by(Ed25519PrivateKey.generate(), replace(p, entries=(edited, *p.entries[1:])))


def judge_id_relabelled(lab: Lab) -> bytes:
    return signed_by(lab.gk01, replace(lab.payload(lab.r1), judge_id="GK02", judge_name="Trần Đức Thắng"))


def relabelled_to_another_judges_batch(lab: Lab) -> bytes:
    gk02 = verify_batch(lab.org.batches["GK02"])
    p = replace(lab.payload(lab.r1), judge_id="GK02", batch_id=gk02.manifest["batch_id"],
                manifest_sha256=gk02.manifest_sha256)
    return signed_by(lab.gk01, p)


def for_another_contest(lab: Lab) -> bytes:
    p = lab.payload(lab.r1)
    return signed_by(lab.gk01, replace(p, contest_id="showcase-2023",
                                       batch_id="showcase-2023.vong-danh-gia-ho-so.GK01"))


def for_another_round(lab: Lab) -> bytes:
    return signed_by(lab.gk01, replace(lab.payload(lab.r1), round_name="Vòng sơ khảo"))


def unknown_version(lab: Lab) -> bytes:
    return lab.r1.read_bytes().replace(b'"version":1,', b'"version":2,', 1)


def truncated(lab: Lab) -> bytes:
    data = lab.r1.read_bytes()
    return data[: len(data) // 2]


def empty(lab: Lab) -> bytes:
    return b""


Forgery = Callable[[Lab], bytes]

CASES: list[tuple[str, Forgery, str]] = [
    ("byte-ciphertext", one_byte_changed_in_ciphertext, "the sealed sheet was altered or damaged"),
    ("byte-payload", one_byte_changed_in_plain_payload, "bad signature: the sheet was changed after"),
    ("resigned", score_edited_and_resigned_by_another_key, "signed with a different key"),
    ("resigned-naming", score_edited_and_signed_by_another_key_naming_the_judge, "names another judge key"),
    ("relabelled", judge_id_relabelled, "was issued to judge GK01, but the sheet names GK02"),
    ("relabelled-batch", relabelled_to_another_judges_batch, "signed with judge GK01's key"),
    ("other-contest", for_another_contest, "not for a batch this workspace issued"),
    ("other-round", for_another_round, "but batch e2-2022.vong-chung-khao.GK01 belongs to contest e2-2022"),
    ("version", unknown_version, "unknown score sheet format version 2"),
    ("truncated", truncated, "not valid JSON"),
    ("empty", empty, "empty file"),
]


@pytest.mark.parametrize(("name", "forge", "reason"), CASES, ids=[c[0] for c in CASES])
def test_forgery_is_refused_and_changes_nothing(
    lab: Lab, orgdir: Path, name: str, forge: Forgery, reason: str
) -> None:
    path = lab.write(f"{name}.e2sheet", forge(lab))
    before = snapshot(orgdir)
    report = collect_sheets(orgdir, [path], ORG_PASSPHRASE)
    (row,) = report.rows
    assert row.verdict is Verdict.REFUSED and reason in row.reason, row.reason
    assert report.any_refused
    assert snapshot(orgdir) == before


@pytest.mark.parametrize(
    ("pick_file", "verdict", "reason"),
    [
        (lambda lab: lab.foreign_sealed, Verdict.REFUSED, "sealed for another organizer key"),
        (lambda lab: lab.foreign_plain, Verdict.REFUSED, "the batch manifest hash does not match"),
        (lambda lab: lab.r1, Verdict.DUPLICATE, "duplicate: no change"),
    ],
    ids=["wrong-organizer-key", "another-batch", "duplicate"],
)
def test_genuine_sheets_that_do_not_belong(
    lab: Lab, orgdir: Path, pick_file: Callable[[Lab], Path], verdict: Verdict, reason: str
) -> None:
    before = snapshot(orgdir)
    (row,) = collect_sheets(orgdir, [pick_file(lab)], ORG_PASSPHRASE).rows
    assert row.verdict is verdict and reason in row.reason, row.reason
    assert snapshot(orgdir) == before


def test_older_revision_replayed_is_ignored(lab: Lab, orgdir: Path) -> None:
    assert collect_sheets(orgdir, [lab.r2], ORG_PASSPHRASE).rows[0].verdict is Verdict.ACCEPTED
    before = snapshot(orgdir)
    (row,) = collect_sheets(orgdir, [lab.r1], ORG_PASSPHRASE).rows
    assert (row.verdict, row.reason) == (Verdict.STALE, "ignored: older than revision 2 already received")
    assert not collect_sheets(orgdir, [lab.r1], ORG_PASSPHRASE).any_refused  # stale is not a refusal
    assert snapshot(orgdir) == before


def test_two_different_sheets_with_the_same_revision(lab: Lab, orgdir: Path) -> None:
    assert collect_sheets(orgdir, [lab.r2], ORG_PASSPHRASE).rows[0].verdict is Verdict.ACCEPTED
    before = snapshot(orgdir)
    (row,) = collect_sheets(orgdir, [lab.twin_r2], ORG_PASSPHRASE).rows
    assert row.verdict is Verdict.REFUSED
    assert row.reason == "conflict: revision 2 was already received with different content"
    assert snapshot(orgdir) == before
    assert lab.payload(lab.twin_r2).revision == lab.payload(lab.r2).revision == 2


def test_one_run_names_exactly_the_genuine_sheets(lab: Lab, tmp_path: Path) -> None:
    """The organizer collects the genuine sheets plus every forgery in one run."""
    target = tmp_path / "org"
    shutil.copytree(lab.org.orgdir, target)
    forged = [lab.write(f"all-{name}.e2sheet", forge(lab)) for name, forge, _ in CASES]
    inputs = [lab.r1, lab.r2, *forged, lab.foreign_sealed, lab.foreign_plain, lab.r1, lab.twin_r2]
    report = collect_sheets(target, inputs, ORG_PASSPHRASE)
    verdicts = [(Path(r.file).name, r.verdict) for r in report.rows]
    assert verdicts[:2] == [(lab.r1.name, Verdict.ACCEPTED), (lab.r2.name, Verdict.ACCEPTED)]
    expected = [reason for _, _, reason in CASES] + [
        "sealed for another organizer key",
        "the batch manifest hash does not match",
        "ignored: older than revision 2 already received",
        "conflict: revision 2 was already received with different content",
    ]
    assert len(report.rows) == 2 + len(expected)
    for row, reason in zip(report.rows[2:], expected, strict=True):
        assert reason in row.reason, (row.file, row.reason)
        assert row.verdict is (Verdict.STALE if reason.startswith("ignored") else Verdict.REFUSED)
    assert report.any_refused


def test_wrong_or_missing_organizer_passphrase(lab: Lab, orgdir: Path) -> None:
    before = snapshot(orgdir)
    with pytest.raises(WrongPassphrase):
        collect_sheets(orgdir, [lab.r2], "not the organizer passphrase")
    (row,) = collect_sheets(orgdir, [lab.r2]).rows
    assert row.verdict is Verdict.REFUSED
    assert row.reason == "sealed: the organizer passphrase is needed to open it"
    assert snapshot(orgdir) == before
