"""``org collect`` at speed, and the replacement of a judge's lost key (``org enroll --replace``).

Speed: the column-by-column checks (sheet entries, plan and rubric) agree with the entry-by-entry
ones they short-cut; merging a sheet takes a fixed number of SQL statements whatever its size; the
archive copies are made durable once per run, the database keeping each sheet's proof.

Lost keys: a new key is refused until the organizer replaces the old one on purpose; the replacement
is recorded; the new key's revisions start at 1; old-key sheets stay refused, replays included; the
org database migration 0002 upgrades a workspace made at 0001. Every refusal leaves the organizer's
database byte for byte as it was.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, event, insert, select
from sqlalchemy.pool import NullPool

from e2judge.cli.main import main
from e2judge.core.clock import now
from e2judge.core.completeness import is_complete
from e2judge.core.errors import InputRefused
from e2judge.core.rubric import CommentRule, Criterion, Level, Rubric
from e2judge.db.migrate import alembic_config, current_revision, head_revision, upgrade
from e2judge.db.org_models import (
    OrgAssignment,
    OrgBase,
    OrgBatch,
    OrgEntry,
    OrgJudge,
    OrgKeyReplacement,
    OrgReturn,
    OrgRound,
    OrgScore,
    OrgSheet,
)
from e2judge.db.session import make_engine, open_judge_db, open_org_db, sqlite_url
from e2judge.formats.fingerprint import key_id, readable_fingerprint
from e2judge.formats.keys import PublicKeyInfo, public_raw_of, verify, write_public_key_file
from e2judge.formats.sheet import (
    EntryScores,
    SheetPayload,
    _decode_entries,
    _entries_fast,
    check_payload_schema,
    decode_payload,
    encode_payload,
    open_sheet,
    read_sheet_file,
    sign_payload,
)
from e2judge.paths import OrgWorkspace, Profile
from e2judge.services.judge.import_batch import verify_batch
from e2judge.services.judge.judge_key import export_public_key, unlock_judge_key
from e2judge.services.judge.rounds import list_rounds
from e2judge.services.judge.scoring import set_points
from e2judge.services.judge.sheet_export import export_sheet
from e2judge.services.org.collect import Verdict, collect_sheets
from e2judge.services.org.enroll import EnrollResult, enroll_judge
from e2judge.services.org.workspace import init_workspace
from tests.helpers.sheet_world import (
    JUDGE_PASSPHRASE,
    ORG_PASSPHRASE,
    assignments,
    build_org,
    judge_profile,
    pick,
    score_round,
)


def snapshot(orgdir: Path) -> tuple[str, list[str]]:
    """The organizer database's bytes (after a full checkpoint) and the archived sheet names."""
    ws = OrgWorkspace(orgdir)
    with open_org_db(ws.database) as db, db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    archived = sorted(p.name for p in ws.sheets.iterdir()) if ws.sheets.exists() else []
    return ws.database.read_bytes().hex(), archived


# === the sheet format's column-by-column entry check ===================================================

WIDTHS = ("C1", "C2", "C3")
JUDGE = Ed25519PrivateKey.generate()


def doc_of(entries: list[Any], width: int) -> dict[str, Any]:
    p = SheetPayload(
        contest_id="bench",
        contest_name="Cuộc thi",
        round_name="Vòng 1",
        batch_id="bench.vong-1.J1",
        batch_revision=1,
        manifest_sha256="a" * 64,
        rubric_sha256="b" * 64,
        judge_id="J1",
        judge_name="Giám khảo",
        judge_public_key=public_raw_of(JUDGE),
        revision=1,
        previous_sha256=None,
        created_at="2025-06-01T08:00:00Z",
        app_version="0.1.0",
        criteria=WIDTHS[:width],
        entries=(EntryScores("E1", False, None, "", "", (None,) * width, ("",) * width),),
    )
    doc: dict[str, Any] = json.loads(encode_payload(p))
    doc["entries"] = entries
    return doc


def one_by_one(doc: dict[str, Any]) -> list[EntryScores] | None:
    """What the entry-by-entry path makes of the entries (None: refused)."""
    try:
        check_payload_schema("sheet", doc)
        return _decode_entries("sheet", doc, len(doc["criteria"]))
    except InputRefused:
        return None


odd_points = st.sampled_from([1, 0, True, -0.5, 100_000.5, float("inf"), float("nan"), "3", [1.0]])
odd_texts = st.sampled_from([1, None, "x" * 20_001, ["a"]])


@st.composite
def entry_lists(draw: st.DrawFn) -> tuple[list[Any], int]:
    """Mostly well-formed entries of one width, now and then with one thing wrong."""
    width = draw(st.integers(1, 3))
    count = draw(st.integers(1, 5))
    entries: list[Any] = []
    for n in range(count):
        conflicted = draw(st.integers(0, 5)) == 0
        points = [
            None if conflicted else draw(st.one_of(st.none(), st.floats(0, 100_000, allow_nan=False)))
            for _ in range(width)
        ]
        entry: dict[str, Any] = {
            "code": f"E{n}",
            "complete": not conflicted and None not in points,
            "conflict": {"reason": "Cùng trường", "declared_at": ""} if conflicted else None,
            "overall_comment": draw(st.text(max_size=3)),
            "points": points,
            "comments": [draw(st.text(max_size=3)) for _ in range(width)],
        }
        flaw = draw(st.integers(0, 14))
        position = draw(st.integers(0, width - 1))
        if flaw == 1:
            entry["points"][position] = draw(odd_points)
        elif flaw == 2:
            entry["comments"][position] = draw(odd_texts)
        elif flaw == 3:
            entry[draw(st.sampled_from(["points", "comments"]))].append(None)
        elif flaw == 4:
            entry["complete"] = not entry["complete"]
        elif flaw == 5:
            entry["code"] = draw(st.sampled_from(["e0", "E0", "", "a b", "E1\n", 7]))
        elif flaw == 6:
            entry["conflict"] = draw(
                st.sampled_from([{}, {"reason": ""}, {"reason": "", "declared_at": ""}, 1])
            )
        elif flaw == 7:
            entry["overall_comment"] = draw(odd_texts)
        elif flaw == 8:
            del entry[draw(st.sampled_from(sorted(entry)))]
        elif flaw == 9:
            entry["extra"] = 1
        elif flaw == 10:
            entry["complete"] = 1
        entries.append(entry if draw(st.integers(0, 30)) else draw(st.sampled_from([[], "E1", None])))
    return entries, width


@settings(max_examples=500, deadline=None)
@given(entry_lists())
def test_the_column_check_accepts_what_the_entry_check_accepts(case: tuple[list[Any], int]) -> None:
    entries, width = case
    doc = doc_of(entries, width)
    expected = one_by_one(doc)
    fast = _entries_fast(doc)
    if fast is not None:
        assert fast == expected  # never accepts what the careful path refuses, never differs
    points = [p for e in entries if isinstance(e, dict) for p in e.get("points", [])]
    if expected is not None and not any(type(p) is int for p in points):
        assert fast is not None  # and takes every ordinary sheet (ints are converted one by one)


def test_a_usual_payload_takes_the_column_path_and_decodes_the_same() -> None:
    entries = [
        {
            "code": "E1",
            "complete": True,
            "conflict": None,
            "overall_comment": "Tốt",
            "points": [1.0, 2.5],
            "comments": ["", "x"],
        },
        {
            "code": "E2",
            "complete": False,
            "conflict": {"reason": "Cùng trường", "declared_at": "t"},
            "overall_comment": "",
            "points": [None, None],
            "comments": ["", ""],
        },
    ]
    doc = doc_of(entries, 2)
    assert _entries_fast(doc) == one_by_one(doc) is not None
    data = json.dumps(doc, ensure_ascii=False).encode()
    with_ints = json.dumps(doc_of([{**entries[0], "points": [1, 2.5]}, entries[1]], 2)).encode()
    assert _entries_fast(json.loads(with_ints)) is None  # ints go the careful way, converted to floats
    assert decode_payload("s", with_ints).entries == decode_payload("s", data).entries


# === a synthetic workspace: one round, entries, two judges (like bench/sheets.py) ======================

RUBRIC = Rubric(
    (
        Criterion(
            "C1", "Nội dung", "Tiêu chí 1", "", 4, 1, 1.0, tuple(Level(p, f"Mức {p}") for p in (1, 2, 3, 4))
        ),
        Criterion("C2", "Nội dung", "Tiêu chí 2", "", 10, 0.5, 2.0),
        Criterion("C3", "Trình bày", "Tiêu chí 3", "", 4, 1, 1.0, comment_rule=CommentRule.ALWAYS),
    )
)
ENTRIES = 12
ONLY_J2 = 6  # judge J2 is assigned the first 6 entries only


@dataclass
class Synthetic:
    orgdir: Path
    keys: dict[str, Ed25519PrivateKey]
    manifests: dict[str, str]


@pytest.fixture(scope="module")
def synthetic_template(tmp_path_factory: pytest.TempPathFactory) -> Synthetic:
    orgdir = tmp_path_factory.mktemp("synthetic") / "org"
    init_workspace(orgdir, ORG_PASSPHRASE, "Ban tổ chức thử nghiệm")
    manifests: dict[str, str] = {}
    with open_org_db(OrgWorkspace(orgdir).database) as db, db.transaction() as s:
        rnd = OrgRound(
            contest_key="bench",
            contest_name="Cuộc thi",
            round_name="Vòng 1",
            rubric_json=json.dumps(RUBRIC.to_json()),
            rubric_sha256=RUBRIC.sha256(),
            judges_per_entry=2,
        )
        s.add(rnd)
        s.flush()
        s.execute(
            insert(OrgEntry),
            [{"round_id": rnd.id, "code": f"E{i:02d}", "title": f"Bài {i}"} for i in range(1, ENTRIES + 1)],
        )
        entry_ids = list(s.scalars(select(OrgEntry.id).order_by(OrgEntry.id)))
        for judge_key, planned in (("J1", entry_ids), ("J2", entry_ids[:ONLY_J2])):
            judge = OrgJudge(round_id=rnd.id, judge_key=judge_key, name=f"Giám khảo {judge_key}")
            s.add(judge)
            s.flush()
            batch_key = f"bench.vong-1.{judge_key}"
            manifests[judge_key] = batch_key.encode().hex().ljust(64, "0")[:64]
            s.add(
                OrgBatch(
                    round_id=rnd.id,
                    judge_id=judge.id,
                    batch_key=batch_key,
                    revision=1,
                    manifest_sha256=manifests[judge_key],
                    content_sha256="0" * 64,
                    file_name=f"{batch_key}-r1.e2batch",
                    created_at=now(),
                )
            )
            s.execute(
                insert(OrgAssignment),
                [{"round_id": rnd.id, "judge_id": judge.id, "entry_id": e} for e in planned],
            )
    keys = {"J1": Ed25519PrivateKey.generate(), "J2": Ed25519PrivateKey.generate()}
    return Synthetic(orgdir, keys, manifests)


@pytest.fixture
def synthetic(synthetic_template: Synthetic, tmp_path: Path) -> Synthetic:
    target = tmp_path / "org"
    shutil.copytree(synthetic_template.orgdir, target)
    return replace(synthetic_template, orgdir=target)


def scores_for(judge: str, count: int) -> dict[str, tuple[tuple[float | None, ...], tuple[str, ...]]]:
    """Points and comments in rubric order for the first ``count`` entries."""
    return {
        f"E{i:02d}": ((float(1 + (i + len(judge)) % 4), 0.5 * (i % 21), 2.0), ("", "", f"Nhận xét {i}"))
        for i in range(1, count + 1)
    }


def synthetic_sheet(
    world: Synthetic,
    folder: Path,
    judge: str,
    scores: dict[str, tuple[tuple[float | None, ...], tuple[str, ...]]],
    *,
    revision: int = 1,
    order: tuple[int, ...] = (0, 1, 2),
    complete: Callable[[str, bool], bool] = lambda code, done: done,
) -> Path:
    """A signed plain sheet for ``judge`` holding ``scores`` (criteria listed in ``order``)."""
    entries = []
    for code, (points, comments) in scores.items():
        done = is_complete(RUBRIC, None, points, comments)
        entries.append(
            EntryScores(
                code,
                complete(code, done),
                None,
                "",
                "",
                tuple(points[i] for i in order),
                tuple(comments[i] for i in order),
            )
        )
    key = world.keys[judge]
    payload = SheetPayload(
        contest_id="bench",
        contest_name="Cuộc thi",
        round_name="Vòng 1",
        batch_id=f"bench.vong-1.{judge}",
        batch_revision=1,
        manifest_sha256=world.manifests[judge],
        rubric_sha256=RUBRIC.sha256(),
        judge_id=judge,
        judge_name=f"Giám khảo {judge}",
        judge_public_key=public_raw_of(key),
        revision=revision,
        previous_sha256=None if revision == 1 else "0" * 64,
        created_at="2025-06-01T08:00:00Z",
        app_version="0.1.0",
        criteria=tuple(RUBRIC.criteria[i].id for i in order),
        entries=tuple(entries),
    )
    folder.mkdir(exist_ok=True)
    path = folder / f"bench-{judge}-r{revision}-{len(scores)}-{''.join(map(str, order))}.e2sheet"
    path.write_bytes(sign_payload(key, encode_payload(payload)))
    return path


def stored_points(orgdir: Path, judge: str) -> dict[tuple[str, str], float | None]:
    with open_org_db(OrgWorkspace(orgdir).database) as db, db.session() as s:
        rows = s.execute(
            select(OrgEntry.code, OrgScore.criterion_key, OrgScore.points)
            .join(OrgEntry, OrgEntry.id == OrgScore.entry_id)
            .join(OrgJudge, OrgJudge.id == OrgScore.judge_id)
            .where(OrgJudge.judge_key == judge)
        ).all()
    return {(code, criterion): points for code, criterion, points in rows}


@pytest.fixture
def statements() -> Iterator[list[str]]:
    """Every SQL statement any engine sends to its database while the test runs."""
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    yield seen
    event.remove(Engine, "before_cursor_execute", count)


def test_merging_takes_the_same_statements_whatever_the_sheet_size(
    synthetic: Synthetic, tmp_path: Path, statements: list[str]
) -> None:
    small = synthetic_sheet(synthetic, tmp_path / "s", "J2", scores_for("J2", 2))
    large = synthetic_sheet(synthetic, tmp_path / "l", "J1", scores_for("J1", ENTRIES))
    counts = []
    for path in (small, large):
        statements.clear()
        (row,) = collect_sheets(synthetic.orgdir, [path]).rows
        assert row.verdict is Verdict.ACCEPTED, row.reason
        counts.append(len(statements))
    assert counts[0] == counts[1]  # no statement per entry or per score: they go in one executemany
    assert stored_points(synthetic.orgdir, "J1") == {
        (code, c.id): p
        for code, (points, _) in scores_for("J1", ENTRIES).items()
        for c, p in zip(RUBRIC.criteria, points, strict=True)
    }


def test_criteria_in_another_order_land_on_the_right_criterion(synthetic: Synthetic, tmp_path: Path) -> None:
    scores = scores_for("J1", ENTRIES)
    path = synthetic_sheet(synthetic, tmp_path, "J1", scores, order=(2, 0, 1))
    (row,) = collect_sheets(synthetic.orgdir, [path]).rows
    assert row.verdict is Verdict.ACCEPTED, row.reason
    assert stored_points(synthetic.orgdir, "J1")[("E03", "C2")] == scores["E03"][0][1] == 1.5
    assert stored_points(synthetic.orgdir, "J1")[("E03", "C3")] == 2.0


@pytest.mark.parametrize(
    ("flaws", "reason"),
    [
        ({"E03": "points", "E05": "unassigned"}, "entry E03, criterion C1: 2.5 is not one of the levels"),
        ({"E02": "unassigned", "E05": "points"}, "entry E12 is not assigned to judge J2 in this round"),
        ({"E04": "complete", "E05": "points"}, "entry E04: 'complete' does not match"),
        ({"E01": "comment"}, "entry E01: 'complete' does not match"),
    ],
    ids=["points-first", "unassigned-first", "complete-first", "missing-comment"],
)
def test_the_first_problem_in_entry_order_is_named_and_nothing_changes(
    synthetic: Synthetic, tmp_path: Path, flaws: dict[str, str], reason: str
) -> None:
    scores: dict[str, tuple[tuple[float | None, ...], tuple[str, ...]]] = {}
    wrong: set[str] = set()
    for planned, (scored, said) in scores_for("J2", ONLY_J2).items():
        flaw = flaws.get(planned)
        points = (2.5, *scored[1:]) if flaw == "points" else scored  # C1 has levels 1, 2, 3, 4
        comments = ("", "", "") if flaw == "comment" else said  # C3 always needs a comment
        code = planned.replace("E0", "E1") if flaw == "unassigned" else planned  # planned for J1 only
        if flaw in ("comment", "complete"):
            wrong.add(code)  # "complete" says the opposite of the truth
        scores[code] = (points, comments)
    path = synthetic_sheet(
        synthetic, tmp_path, "J2", scores, complete=lambda code, done: (not done) if code in wrong else done
    )
    before = snapshot(synthetic.orgdir)
    (row,) = collect_sheets(synthetic.orgdir, [path]).rows
    assert row.verdict is Verdict.REFUSED and reason in row.reason, row.reason
    assert snapshot(synthetic.orgdir) == before


@pytest.mark.skipif(not hasattr(os, "sync"), reason="one sync() needs os.sync (else: fsync per file)")
def test_archive_copies_are_made_durable_once_per_run_and_the_database_holds_the_proof(
    synthetic: Synthetic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    j1 = synthetic_sheet(synthetic, tmp_path, "J1", scores_for("J1", ENTRIES))
    j2 = synthetic_sheet(synthetic, tmp_path, "J2", scores_for("J2", ONLY_J2))
    calls: list[str] = []
    real_sync, real_fsync = os.sync, os.fsync

    def sync() -> None:
        calls.append("sync")
        real_sync()

    def fsync(fd: int) -> None:
        calls.append("fsync")
        real_fsync(fd)

    monkeypatch.setattr(os, "sync", sync)
    monkeypatch.setattr(os, "fsync", fsync)
    report = collect_sheets(synthetic.orgdir, [j1, j2])
    monkeypatch.undo()
    assert [r.verdict for r in report.rows] == [Verdict.ACCEPTED, Verdict.ACCEPTED]
    assert calls == ["sync"]  # one for the run (the database commits are durable by themselves)
    ws = OrgWorkspace(synthetic.orgdir)
    with open_org_db(ws.database) as db, db.session() as s:
        for sheet in s.scalars(select(OrgSheet)):
            judge = s.get(OrgJudge, sheet.judge_id)
            assert judge is not None and judge.public_key is not None and sheet.signature is not None
            public = base64.b64decode(judge.public_key)
            payload = sheet.payload_json.encode("utf-8")
            assert verify(public, payload, base64.b64decode(sheet.signature))
            assert sheet.key_id == key_id(public) == judge.key_id
    archived = sorted(ws.sheets.iterdir())
    assert [p.read_bytes() for p in archived] == [j1.read_bytes(), j2.read_bytes()]


def test_collecting_again_restores_an_archive_copy_lost_in_a_crash(
    synthetic: Synthetic, tmp_path: Path
) -> None:
    path = synthetic_sheet(synthetic, tmp_path, "J1", scores_for("J1", ENTRIES))
    assert collect_sheets(synthetic.orgdir, [path]).rows[0].verdict is Verdict.ACCEPTED
    (copy,) = OrgWorkspace(synthetic.orgdir).sheets.iterdir()
    copy.write_bytes(b"")  # what a crash before the run's final sync may leave
    (row,) = collect_sheets(synthetic.orgdir, [path]).rows
    assert (row.verdict, row.reason) == (Verdict.DUPLICATE, "duplicate: no change")
    assert copy.read_bytes() == path.read_bytes()
    assert open_sheet("archive", copy.read_bytes()).payload.judge_id == "J1"


# === a judge loses their key =============================================================================


@dataclass
class Rekey:
    """GK01 judged on laptop A (sheets r1..r3), lost it, and judges again on laptop B (new key)."""

    orgdir: Path
    a: dict[int, Path]  # laptop A's sheets (old key), by revision
    b: dict[int, Path]  # laptop B's sheets (new key), by revision
    b_twin_r2: Path  # B's revision 2 from a copy of B's profile, other content
    a_key: Path  # A's public key file
    b_key: Path  # B's public key file
    a_for_gk02: Path  # A's key signing a sheet for GK02's batch (whoever found the laptop)
    a_public: bytes
    b_public: bytes


def _export(profile: Profile, folder: Path) -> Path:
    folder.mkdir(parents=True)
    with open_judge_db(profile.database) as db:
        (ref,) = list_rounds(db)
        return export_sheet(db, profile, ref, folder, JUDGE_PASSPHRASE, seal=False).path


def _rescore(profile: Profile, value: float) -> None:
    with open_judge_db(profile.database) as db:
        (ref,) = list_rounds(db)
        code = sorted(assignments(db, ref))[0]
        set_points(db, assignments(db, ref)[code], "HT", value, "judge:GK01")


@pytest.fixture(scope="module")
def rekey(tmp_path_factory: pytest.TempPathFactory) -> Rekey:
    root = tmp_path_factory.mktemp("rekey")
    org = build_org(root)
    sheets = root / "sheets"
    a_profile, a_db, a_ref = judge_profile(root / "laptop-a", org.batches["GK01"])
    with a_db:
        score_round(a_db, a_ref, lambda code, c: pick(code, c, 0))
    a = {1: _export(a_profile, sheets / "a1")}
    _rescore(a_profile, 1.0)
    a[2] = _export(a_profile, sheets / "a2")
    _rescore(a_profile, 2.0)
    a[3] = _export(a_profile, sheets / "a3")
    b_profile, b_db, b_ref = judge_profile(root / "laptop-b", org.batches["GK01"])
    with b_db:
        score_round(b_db, b_ref, lambda code, c: pick(code, c, 1))
    b = {1: _export(b_profile, sheets / "b1")}
    twin = Profile(root / "laptop-b-twin")
    shutil.copytree(b_profile.root, twin.root)
    _rescore(b_profile, 1.0)
    b[2] = _export(b_profile, sheets / "b2")
    _rescore(twin, 2.0)
    b_twin_r2 = _export(twin, sheets / "b2-twin")
    a_info = export_public_key(a_profile, root / "laptop-a.pub.json")
    b_info = export_public_key(b_profile, root / "laptop-b.pem")
    gk02 = verify_batch(org.batches["GK02"])
    old = read_sheet_file(a[1])[0].payload
    forged = replace(
        old, judge_id="GK02", batch_id=gk02.manifest["batch_id"], manifest_sha256=gk02.manifest_sha256
    )
    a_for_gk02 = sheets / "a-for-gk02.e2sheet"
    a_for_gk02.write_bytes(
        sign_payload(unlock_judge_key(a_profile, JUDGE_PASSPHRASE), encode_payload(forged))
    )
    return Rekey(
        org.orgdir,
        a,
        b,
        b_twin_r2,
        root / "laptop-a.pub.json",
        root / "laptop-b.pem",
        a_for_gk02,
        a_info.public_raw,
        b_info.public_raw,
    )


@pytest.fixture
def orgdir(rekey: Rekey, tmp_path: Path) -> Path:
    """A copy of the workspace that accepted laptop A's revisions 1 and 2."""
    target = tmp_path / "org"
    shutil.copytree(rekey.orgdir, target)
    report = collect_sheets(target, [rekey.a[1], rekey.a[2]])
    assert [r.verdict for r in report.rows] == [Verdict.ACCEPTED, Verdict.ACCEPTED], report.rows
    return target


def collect_one(orgdir: Path, path: Path) -> tuple[Verdict, str]:
    (row,) = collect_sheets(orgdir, [path]).rows
    return row.verdict, row.reason


def refused_unchanged(orgdir: Path, path: Path, reason: str, verdict: Verdict = Verdict.REFUSED) -> None:
    before = snapshot(orgdir)
    got, why = collect_one(orgdir, path)
    assert got is verdict and reason in why, why
    assert snapshot(orgdir) == before


def replace_key(rekey: Rekey, orgdir: Path) -> EnrollResult:
    return enroll_judge(orgdir, "GK01", rekey.b_key, replace=True)


def test_a_new_key_is_refused_until_the_organizer_replaces_the_old_one(rekey: Rekey, orgdir: Path) -> None:
    refused_unchanged(orgdir, rekey.b[1], "signed with a different key")
    before = snapshot(orgdir)
    with pytest.raises(InputRefused, match=r"already has a different key .*--replace; nothing changed"):
        enroll_judge(orgdir, "GK01", rekey.b_key)
    seen: list[EnrollResult] = []

    def decline(plan: EnrollResult) -> bool:
        seen.append(plan)
        return False

    with pytest.raises(InputRefused, match="was not replaced; nothing changed"):
        enroll_judge(orgdir, "GK01", rekey.b_key, replace=True, confirm=decline)
    assert snapshot(orgdir) == before
    (plan,) = seen
    (old,) = plan.replaced
    assert old.old_fingerprint == readable_fingerprint(rekey.a_public) and old.old_key_id == key_id(
        rekey.a_public
    )
    assert plan.fingerprint == readable_fingerprint(rekey.b_public) and plan.replaced_at is None


def test_the_replacement_is_recorded_and_the_new_key_starts_again_at_revision_1(
    rekey: Rekey, orgdir: Path
) -> None:
    result = replace_key(rekey, orgdir)
    assert result.replaced_at is not None and abs(now() - result.replaced_at) < dt.timedelta(minutes=1)
    assert [(r.round, r.old_key_id) for r in result.replaced] == [
        ("e2-2022 / Vòng chung khảo", key_id(rekey.a_public))
    ]
    assert result.enrolled == result.unchanged == ()
    with open_org_db(OrgWorkspace(orgdir).database) as db, db.session() as s:
        (record,) = s.scalars(select(OrgKeyReplacement))
        judge = s.get(OrgJudge, record.judge_id)
        assert judge is not None and judge.judge_key == "GK01"
        assert (record.old_key_id, record.new_key_id) == (key_id(rekey.a_public), key_id(rekey.b_public))
        assert record.old_public_key == base64.b64encode(rekey.a_public).decode()
        assert (judge.key_id, judge.key_source) == (key_id(rekey.b_public), "enrolled")
    assert collect_one(orgdir, rekey.b[1])[0] is Verdict.ACCEPTED  # not stale against A's revision 2
    new = read_sheet_file(rekey.b[1])[0].payload
    with open_org_db(OrgWorkspace(orgdir).database) as db, db.session() as s:
        got = {
            (code, criterion): points
            for code, criterion, points in s.execute(
                select(OrgEntry.code, OrgScore.criterion_key, OrgScore.points).join(
                    OrgEntry, OrgEntry.id == OrgScore.entry_id
                )
            )
        }
        assert set(s.scalars(select(OrgReturn.revision))) == {1}
    assert got == {
        (e.code, c): p for e in new.entries for c, p in zip(new.criteria, e.points, strict=True)
    }  # B's scores replaced A's as a whole
    from e2judge.services.org.results import compute_results

    (gk01,) = [j for j in compute_results(orgdir).judges if j.judge_key == "GK01"]
    assert gk01.last_revision == 1  # the newest sheet received (B's r1), not A's higher r2


def test_old_key_sheets_stay_refused_after_the_replacement(rekey: Rekey, orgdir: Path) -> None:
    replace_key(rekey, orgdir)
    assert collect_one(orgdir, rekey.b[1])[0] is Verdict.ACCEPTED
    when = snapshot(orgdir)
    for path in (rekey.a[2], rekey.a[1], rekey.a[3]):  # replays of accepted sheets, and a newer one
        refused_unchanged(orgdir, path, "signed by a key replaced on ")
    refused_unchanged(orgdir, rekey.a_for_gk02, "signed by a key replaced on ")  # GK02 has no key yet
    _, why = collect_one(orgdir, rekey.a[3])
    assert f"judge GK01's old key {readable_fingerprint(rekey.a_public)}" in why
    assert snapshot(orgdir) == when


def test_old_key_sheets_are_refused_even_before_the_new_key_sends_anything(
    rekey: Rekey, orgdir: Path
) -> None:
    replace_key(rekey, orgdir)
    refused_unchanged(orgdir, rekey.a[3], "signed by a key replaced on ")


def test_the_new_keys_revisions_follow_the_usual_rules(rekey: Rekey, orgdir: Path) -> None:
    replace_key(rekey, orgdir)
    assert collect_one(orgdir, rekey.b[1])[0] is Verdict.ACCEPTED
    assert collect_one(orgdir, rekey.b[2])[0] is Verdict.ACCEPTED
    refused_unchanged(orgdir, rekey.b[1], "ignored: older than revision 2 already received", Verdict.STALE)
    refused_unchanged(orgdir, rekey.b[2], "duplicate: no change", Verdict.DUPLICATE)
    refused_unchanged(
        orgdir, rekey.b_twin_r2, "conflict: revision 2 was already received with different content"
    )


def test_a_replaced_key_is_never_anyone_elses(rekey: Rekey, orgdir: Path) -> None:
    replace_key(rekey, orgdir)
    before = snapshot(orgdir)
    with pytest.raises(InputRefused, match="was judge GK01's until it was replaced on"):
        enroll_judge(orgdir, "GK02", rekey.a_key)
    with pytest.raises(InputRefused, match="already registered for judge GK01"):
        enroll_judge(orgdir, "GK02", rekey.b_key, replace=True)
    assert snapshot(orgdir) == before


def test_replace_with_no_key_to_replace_only_enrolls(rekey: Rekey, orgdir: Path, tmp_path: Path) -> None:
    stranger = PublicKeyInfo("ed25519", public_raw_of(Ed25519PrivateKey.generate()), "GK03")
    write_public_key_file(tmp_path / "gk03.json", stranger)
    result = enroll_judge(orgdir, "GK03", tmp_path / "gk03.json", replace=True)
    assert result.enrolled == ("e2-2022 / Vòng chung khảo",) and result.replaced == ()
    assert result.replaced_at is None
    with open_org_db(OrgWorkspace(orgdir).database) as db, db.session() as s:
        assert list(s.scalars(select(OrgKeyReplacement))) == []


def test_cli_enroll_replace(rekey: Rekey, orgdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["org", "enroll", str(orgdir), "--judge", "GK01", str(rekey.b_key)]) != 0
    assert "--replace" in capsys.readouterr().err
    assert main(["org", "enroll", str(orgdir), "--judge", "GK01", "--replace", str(rekey.b_key)]) == 0
    out = capsys.readouterr().out
    old = f"old key {key_id(rekey.a_public)}, fingerprint {readable_fingerprint(rekey.a_public)}"
    new = f"new key {key_id(rekey.b_public)}, fingerprint {readable_fingerprint(rekey.b_public)}"
    assert out.index(old) < out.index(new) < out.index("Replacement recorded")
    assert "the new key's sheets start again at revision 1" in out
    with pytest.raises(SystemExit):
        main(["org", "enroll", "--help"])
    assert "When a judge loses their key" in capsys.readouterr().out


# === the org database migration 0002 ======================================================================


def downgrade(path: Path, revision: str) -> None:
    """Alembic downgrade with foreign keys off, as ``e2judge.db.migrate.upgrade`` migrates."""
    engine = create_engine(sqlite_url(path), poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    try:
        with engine.connect() as conn:
            cfg = alembic_config("org")
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        engine.dispose()


def _database_at_0001(path: Path) -> None:
    """An organizer database made by revision 0001, with a judge's key and two accepted sheets."""
    upgrade(path, "org", "0001")
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO org_round VALUES (1, 'c', 'Cuộc thi', 'Vòng 1', '', 0, NULL, '{}', 'h', 1)")
        con.execute("INSERT INTO org_entry VALUES (1, 1, 'E1', 'Bài 1', '', '', '', '')")
        con.execute(
            "INSERT INTO org_judge VALUES (1, 1, 'J1', 'Giám khảo', '', '', '', 'cHVibGlj', "
            "'aaaabbbbccccdddd', 'first-sheet')"
        )
        con.execute("INSERT INTO org_judge VALUES (2, 1, 'J2', 'Giám khảo 2', '', '', '', NULL, NULL, NULL)")
        for revision in (1, 2):
            con.execute(
                "INSERT INTO org_sheet (round_id, judge_id, batch_key, revision, sheet_sha256, payload_json, "
                "source_name, received_at) "
                "VALUES (1, 1, 'c.v1.J1', ?, ?, '{}', 'f.e2sheet', '2026-11-29 10:00:00')",
                (revision, f"{revision}" * 64),
            )
        con.execute("INSERT INTO org_score VALUES (1, 1, 1, 1, 'C1', 3.0, '')")
    con.close()


def test_an_organizer_database_made_at_0001_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "organizer.sqlite3"
    _database_at_0001(path)
    assert current_revision(path) == "0001"
    with open_org_db(path) as db, db.session() as s:  # migrates on open
        assert current_revision(path) == head_revision("org")
        sheets = s.execute(select(OrgSheet.revision, OrgSheet.key_id, OrgSheet.signature)).all()
        assert sorted(sheets) == [(1, "aaaabbbbccccdddd", None), (2, "aaaabbbbccccdddd", None)]
        assert s.scalar(select(OrgScore.points)) == 3.0
        assert list(s.scalars(select(OrgKeyReplacement))) == []
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), OrgBase.metadata) == []
    finally:
        engine.dispose()
    con = sqlite3.connect(path)
    insert_sheet = (
        "INSERT INTO org_sheet (round_id, judge_id, batch_key, revision, key_id, sheet_sha256, payload_json, "
        "source_name, received_at) VALUES (1, 1, 'c.v1.J1', 1, ?, 'x', '{}', 'f', '2026-12-01 10:00:00')"
    )
    with con:
        con.execute(insert_sheet, ("eeeeffff00001111",))  # another key's revision 1 of the same batch
    with pytest.raises(sqlite3.IntegrityError), con:
        con.execute(insert_sheet, ("aaaabbbbccccdddd",))  # the same key's revision 1 again
    with pytest.raises(sqlite3.IntegrityError), con:
        con.execute(insert_sheet.replace("?", "NULL"), ())
    con.close()


def test_a_real_workspace_survives_downgrade_and_upgrade_and_keeps_its_revisions(
    rekey: Rekey, orgdir: Path
) -> None:
    """A workspace whose sheets were collected, taken back to 0001 and upgraded again, behaves the same."""
    database = OrgWorkspace(orgdir).database
    downgrade(database, "0001")
    assert current_revision(database) == "0001"
    refused_unchanged(orgdir, rekey.a[1], "ignored: older than revision 2 already received", Verdict.STALE)
    assert current_revision(database) == head_revision("org")
    assert collect_one(orgdir, rekey.a[3])[0] is Verdict.ACCEPTED
    with open_org_db(database) as db, db.session() as s:
        keys = set(s.scalars(select(OrgSheet.key_id)))
        assert keys == {key_id(rekey.a_public)}


def test_a_replacement_can_be_limited_to_one_contest(rekey: Rekey, orgdir: Path) -> None:
    with pytest.raises(InputRefused, match="not listed in any round in contest other"):
        enroll_judge(orgdir, "GK01", rekey.b_key, "other", replace=True)
    result = enroll_judge(orgdir, "GK01", rekey.b_key, "e2-2022", replace=True)
    assert len(result.replaced) == 1


def test_a_found_key_can_be_put_back_and_the_other_one_is_then_refused(rekey: Rekey, orgdir: Path) -> None:
    """The judge finds the stick again: the old key comes back (on purpose), the interim one goes."""
    replace_key(rekey, orgdir)
    assert collect_one(orgdir, rekey.b[1])[0] is Verdict.ACCEPTED
    back = enroll_judge(orgdir, "GK01", rekey.a_key, replace=True)
    assert [r.old_key_id for r in back.replaced] == [key_id(rekey.b_public)]
    refused_unchanged(orgdir, rekey.a[1], "ignored: older than revision 2 already received", Verdict.STALE)
    assert collect_one(orgdir, rekey.a[3])[0] is Verdict.ACCEPTED  # A's own sequence goes on
    refused_unchanged(orgdir, rekey.b[2], "signed by a key replaced on ")
