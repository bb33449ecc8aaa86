"""Benchmark: exporting one score sheet of 1,000 entries × 8 criteria, and collecting 300 such sheets.

Baseline, in the same run, on the same files: the raw work any reader must do — ``json.loads`` of
the file, base64-decode, one Ed25519 verify and ``json.loads`` of the payload. Figures:

* ``sheets.verify``: ``formats.sheet.open_sheet`` over the 300 files (strict parse, signature,
  schema, the format's rules) against that baseline — target ≤ 3×;
* ``sheets.collect``: the whole ``org collect`` of the 300 files (verify, bind to the issued batch,
  check every score against the rubric, merge 8,000 score rows per sheet in its own durable
  transaction, archive the signed file) against the same baseline — target ≤ 3×, out of reach
  while every criterion score is a row of ``org_score`` (unique index, three enforced foreign
  keys): inserting those rows alone, with raw ``sqlite3``, takes about 5× the baseline (the
  "raw sqlite3 merge" printed below);
* ``sheets.collect_vs_raw_merge``: the same collect against verify + parse + that raw merge, i.e.
  what collect adds to the unavoidable work;
* ``sheets.export``: one ``export_sheet`` (with the signing key's scrypt unlock at the default cost,
  reported separately) against the baseline of its own file.

Usage: python bench/sheets.py [SHEETS] [ENTRIES]
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import signed_batch
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import insert, select

from e2judge import __version__
from e2judge.core.clock import now
from e2judge.core.contest import ContestSpec, EntrySpec, JudgeSpec
from e2judge.core.rubric import Criterion, Level, Rubric
from e2judge.db.models import Assignment, Score
from e2judge.db.org_models import OrgAssignment, OrgBatch, OrgEntry, OrgJudge, OrgRound
from e2judge.db.session import open_judge_db, open_org_db
from e2judge.formats.keys import public_raw_of, unlock_signing_key, verify
from e2judge.formats.sheet import (
    EntryScores,
    SheetPayload,
    encode_payload,
    open_sheet,
    sign_payload,
)
from e2judge.paths import OrgWorkspace, Profile
from e2judge.services.judge.import_batch import import_batch
from e2judge.services.judge.judge_key import ensure_judge_key, judge_key_path
from e2judge.services.judge.rounds import list_rounds
from e2judge.services.judge.sheet_export import export_sheet
from e2judge.services.org.collect import Verdict, collect_sheets
from e2judge.services.org.workspace import init_workspace

CRITERIA = 8
PASSPHRASE = "mật khẩu đo hiệu năng"
TARGET = 3.0


def rubric() -> Rubric:
    return Rubric(
        tuple(
            Criterion(
                f"C{k}",
                "Nội dung",
                f"Tiêu chí {k}",
                "",
                4,
                1,
                1.0 + k % 2,
                tuple(Level(p, f"Mức {p}") for p in (1, 2, 3, 4)),
            )
            for k in range(1, CRITERIA + 1)
        )
    )


def entries(count: int) -> tuple[EntrySpec, ...]:
    return tuple(EntrySpec(f"E{i:05d}", f"Đổi mới phương pháp dạy học {i}") for i in range(1, count + 1))


def points_for(judge: int, entry: int, criterion: int) -> float:
    return float(1 + (judge * 7 + entry * 3 + criterion) % 4)


def raw_check(data: bytes) -> None:
    """The baseline: parse, base64-decode, Ed25519 verify, parse the payload."""
    doc = json.loads(data)
    payload = base64.b64decode(doc["payload"])
    if not verify(base64.b64decode(doc["public_key"]), payload, base64.b64decode(doc["signature"])):
        raise AssertionError("bad signature in the baseline")
    json.loads(payload)


def baseline_seconds(files: list[Path]) -> float:
    blobs = [p.read_bytes() for p in files]
    start = time.perf_counter()
    for data in blobs:
        raw_check(data)
    return time.perf_counter() - start


# --- export -------------------------------------------------------------------------------------


def bench_export(folder: Path, count: int) -> dict[str, float]:
    spec = ContestSpec(
        "bench",
        "Cuộc thi đo hiệu năng",
        "Vòng 1",
        "",
        False,
        None,
        rubric(),
        entries(count),
        (JudgeSpec("GK01", "Giám khảo Một"),),
    )
    batch = signed_batch(folder / "bench.e2batch", spec)
    profile = Profile(folder / "profile").ensure()
    out = folder / "usb"
    out.mkdir()
    with open_judge_db(profile.database) as db:
        import_batch(db, profile, batch)
        (ref,) = list_rounds(db)
        with db.transaction() as s:
            rows = s.execute(select(Assignment.id, Assignment.entry_id)).all()
            s.execute(
                insert(Score),
                [
                    {
                        "assignment_id": aid,
                        "criterion_key": f"C{k}",
                        "points": points_for(1, eid, k),
                        "comment": "",
                        "updated_at": now(),
                    }
                    for aid, eid in rows
                    for k in range(1, CRITERIA + 1)
                ],
            )
        ensure_judge_key(profile, PASSPHRASE, "Giám khảo Một (GK01)")
        unlock = exported = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            unlock_signing_key(judge_key_path(profile), PASSPHRASE)
            unlock = min(unlock, time.perf_counter() - start)
            start = time.perf_counter()
            result = export_sheet(db, profile, ref, out, PASSPHRASE)
            exported = min(exported, time.perf_counter() - start)
    base = min(baseline_seconds([result.path]) for _ in range(5)) if not result.sealed else float("nan")
    plain = folder / "plain"
    plain.mkdir()
    with open_judge_db(profile.database) as db:
        (ref,) = list_rounds(db)
        result = export_sheet(db, profile, ref, plain, PASSPHRASE, seal=False)
    base = min(baseline_seconds([result.path]) for _ in range(5))
    return {"seconds": exported, "unlock": unlock, "baseline": base, "bytes": result.path.stat().st_size}


# --- collect ------------------------------------------------------------------------------------


def make_org(folder: Path, judges: int, count: int) -> tuple[Path, list[tuple[str, str, Ed25519PrivateKey]]]:
    """A real workspace whose round, entries, judges, batches and plan are written straight to the db."""
    orgdir = folder / "org"
    init_workspace(orgdir, PASSPHRASE, "Ban tổ chức đo hiệu năng")
    r = rubric()
    issued: list[tuple[str, str, Ed25519PrivateKey]] = []
    with open_org_db(OrgWorkspace(orgdir).database) as db, db.transaction() as s:
        rnd = OrgRound(
            contest_key="bench",
            contest_name="Cuộc thi đo hiệu năng",
            round_name="Vòng 1",
            rubric_json=json.dumps(r.to_json(), ensure_ascii=False, sort_keys=True),
            rubric_sha256=r.sha256(),
            judges_per_entry=judges,
        )
        s.add(rnd)
        s.flush()
        s.execute(
            insert(OrgEntry), [{"round_id": rnd.id, "code": e.code, "title": e.title} for e in entries(count)]
        )
        s.execute(
            insert(OrgJudge),
            [
                {"round_id": rnd.id, "judge_key": f"GK{j:03d}", "name": f"Giám khảo {j}"}
                for j in range(1, judges + 1)
            ],
        )
        entry_ids = [eid for (eid,) in s.execute(select(OrgEntry.id).order_by(OrgEntry.id))]
        judge_ids = [jid for (jid,) in s.execute(select(OrgJudge.id).order_by(OrgJudge.id))]
        for j, jid in enumerate(judge_ids, 1):
            batch_key = f"bench.vong-1.GK{j:03d}"
            digest = hashlib.sha256(batch_key.encode()).hexdigest()
            s.add(
                OrgBatch(
                    round_id=rnd.id,
                    judge_id=jid,
                    batch_key=batch_key,
                    revision=1,
                    manifest_sha256=digest,
                    content_sha256=digest,
                    file_name=f"{batch_key}-r1.e2batch",
                    created_at=now(),
                )
            )
            s.execute(
                insert(OrgAssignment),
                [{"round_id": rnd.id, "judge_id": jid, "entry_id": eid} for eid in entry_ids],
            )
            issued.append((f"GK{j:03d}", batch_key, Ed25519PrivateKey.generate()))
    return orgdir, issued


def make_sheets(folder: Path, issued: list[tuple[str, str, Ed25519PrivateKey]], count: int) -> list[Path]:
    r = rubric()
    criteria = tuple(c.id for c in r.criteria)
    files: list[Path] = []
    for j, (judge, batch_key, key) in enumerate(issued, 1):
        payload = SheetPayload(
            contest_id="bench",
            contest_name="Cuộc thi đo hiệu năng",
            round_name="Vòng 1",
            batch_id=batch_key,
            batch_revision=1,
            manifest_sha256=hashlib.sha256(batch_key.encode()).hexdigest(),
            rubric_sha256=r.sha256(),
            judge_id=judge,
            judge_name=f"Giám khảo {j}",
            judge_public_key=public_raw_of(key),
            revision=1,
            previous_sha256=None,
            created_at="2025-06-01T08:00:00Z",
            app_version=__version__,
            criteria=criteria,
            entries=tuple(
                EntryScores(
                    e.code,
                    True,
                    None,
                    "",
                    "",
                    tuple(points_for(j, i, k) for k in range(1, CRITERIA + 1)),
                    ("",) * CRITERIA,
                )
                for i, e in enumerate(entries(count), 1)
            ),
        )
        path = folder / f"bench-{judge}-r1.e2sheet"
        path.write_bytes(sign_payload(key, encode_payload(payload)))
        files.append(path)
    return files


def merge_floor_seconds(folder: Path, files: list[Path]) -> float:
    """Raw ``sqlite3`` merge of the same rows into a freshly migrated organizer database (same
    indexes, foreign keys, WAL and synchronous=FULL), one transaction per sheet."""
    path = folder / "floor.sqlite3"
    open_org_db(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"):
        conn.execute(pragma)
    docs = [json.loads(base64.b64decode(json.loads(p.read_bytes())["payload"])) for p in files]
    conn.execute(
        "INSERT INTO org_round (id, contest_key, contest_name, round_name, deadline, blind, "
        "rubric_json, rubric_sha256, judges_per_entry) "
        "VALUES (1, 'b', 'b', 'b', '', 0, '{}', '', 1)"
    )
    codes = {e["code"]: i for i, e in enumerate(docs[0]["entries"], 1)}
    conn.executemany(
        "INSERT INTO org_entry (id, round_id, code, title, authors, school, province, category) "
        "VALUES (?, 1, ?, '', '', '', '', '')",
        [(i, c) for c, i in codes.items()],
    )
    conn.executemany(
        "INSERT INTO org_judge (id, round_id, judge_key, name, email, school, province) "
        "VALUES (?, 1, ?, '', '', '', '')",
        [(j, d["judge"]["id"]) for j, d in enumerate(docs, 1)],
    )
    start = time.perf_counter()
    for j, doc in enumerate(docs, 1):
        conn.execute("BEGIN")
        conn.execute("DELETE FROM org_score WHERE judge_id = ?", (j,))
        conn.execute("DELETE FROM org_return WHERE judge_id = ?", (j,))
        conn.executemany(
            "INSERT INTO org_score (round_id, judge_id, entry_id, criterion_key, points, comment) "
            "VALUES (1, ?, ?, ?, ?, ?)",
            [
                (j, codes[e["code"]], c, p, m)
                for e in doc["entries"]
                for c, p, m in zip(doc["criteria"], e["points"], e["comments"], strict=True)
            ],
        )
        conn.executemany(
            "INSERT INTO org_return (round_id, judge_id, entry_id, complete, conflict_reason, "
            "overall_comment, revision) VALUES (1, ?, ?, ?, NULL, '', 1)",
            [(j, codes[e["code"]], int(e["complete"])) for e in doc["entries"]],
        )
        conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def bench_collect(folder: Path, judges: int, count: int) -> dict[str, float]:
    orgdir, issued = make_org(folder, judges, count)
    sheets = folder / "sheets"
    sheets.mkdir()
    files = make_sheets(sheets, issued, count)
    base = min(baseline_seconds(files) for _ in range(3))
    blobs = [(str(p), p.read_bytes()) for p in files]
    start = time.perf_counter()
    for source, data in blobs:
        open_sheet(source, data)
    verify_seconds = time.perf_counter() - start
    start = time.perf_counter()
    report = collect_sheets(orgdir, [sheets])
    collect_seconds = time.perf_counter() - start
    accepted = report.count(Verdict.ACCEPTED)
    if accepted != judges:
        raise AssertionError(f"only {accepted} of {judges} sheets accepted: {report.rows[0].reason}")
    floor = merge_floor_seconds(folder, files)
    return {
        "verify": verify_seconds,
        "collect": collect_seconds,
        "baseline": base,
        "floor": floor,
        "bytes": sum(len(b) for _, b in blobs) / len(blobs),
    }


def figure(
    name: str, value: float, baseline: float | None, target: float | None, **extra: Any
) -> dict[str, Any]:
    return {
        "bench": name,
        "value": round(value, 4),
        "unit": "s",
        "baseline": None if baseline is None else round(baseline, 4),
        "ratio": None if baseline is None else round(value / baseline, 2),
        "target": target,
        **extra,
    }


def main() -> int:
    judges = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    with tempfile.TemporaryDirectory(prefix="e2judge-bench-sheets-") as tmp:
        folder = Path(tmp)
        (folder / "export").mkdir()
        (folder / "collect").mkdir()
        print(f"export: one sheet of {count} entries × {CRITERIA} criteria ...", flush=True)
        exp = bench_export(folder / "export", count)
        print(
            f"  {exp['seconds']:.3f} s (of which about {exp['unlock']:.3f} s unlocking the key), "
            f"{exp['bytes'] / 1024:.0f} KiB; baseline verify + parse {exp['baseline'] * 1000:.1f} ms",
            flush=True,
        )
        print(f"collect: {judges} sheets of {count} entries × {CRITERIA} criteria ...", flush=True)
        col = bench_collect(folder / "collect", judges, count)
        print(
            f"  verify only {col['verify']:.2f} s, full collect {col['collect']:.2f} s, "
            f"baseline {col['baseline']:.2f} s, raw sqlite3 merge of the same rows {col['floor']:.2f} s "
            f"({col['bytes'] / 1024:.0f} KiB per sheet)",
            flush=True,
        )
    figures = [
        figure("sheets.verify", col["verify"], col["baseline"], TARGET, sheets=judges),
        figure("sheets.collect", col["collect"], col["baseline"], TARGET, sheets=judges),
        figure(
            "sheets.collect_vs_raw_merge",
            col["collect"],
            col["baseline"] + col["floor"],
            TARGET,
            sheets=judges,
            note="baseline adds a raw sqlite3 merge of the same rows to verify + parse",
        ),
        figure(
            "sheets.export",
            exp["seconds"],
            exp["baseline"],
            None,
            note=f"sealed export, best of 3; includes the scrypt unlock ({exp['unlock']:.3f} s at the "
            "default cost), db read, sign, seal, fsync and read-back check",
        ),
    ]
    for item in figures:
        print(json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
