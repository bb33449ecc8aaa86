"""Round trip on the demo contest: three judges score differently, export, collect, results.

The organizer side is the real pipeline (``org init``, ``org build`` with two judges per entry); the
judges import their real batches and score through the scoring service. Expected figures are worked
out in this file from the scores the test itself gave, not read back from the application.
"""

from __future__ import annotations

import base64
import hashlib
import json
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from e2judge.cli.commands_sheet import verify_sheet_lines
from e2judge.cli.main import main
from e2judge.core.errors import InputRefused
from e2judge.core.rubric import Criterion, Rubric
from e2judge.db.models import SheetRevision
from e2judge.db.org_models import OrgJudge, OrgScore, OrgSheet
from e2judge.db.session import Database, open_org_db
from e2judge.formats.keys import (
    PublicKeyInfo,
    WrongPassphrase,
    public_raw_of,
    read_public_key_file,
    write_public_key_file,
)
from e2judge.formats.sheet import open_sheet, read_sheet_file
from e2judge.paths import OrgWorkspace, Profile
from e2judge.services.judge.import_batch import verify_batch
from e2judge.services.judge.judge_key import export_public_key, judge_key_info
from e2judge.services.judge.rounds import RoundRef
from e2judge.services.judge.scoring import set_comment, set_points
from e2judge.services.judge.sheet_export import export_sheet, incomplete_entries
from e2judge.services.org.collect import Verdict, collect_sheets
from e2judge.services.org.enroll import enroll_judge
from e2judge.services.org.results import Results, compute_results
from e2judge.services.org.workspace import sealing_key
from e2judge.xlsx.results_workbook import write_results_workbook
from tests.helpers.sheet_world import (
    JUDGE_PASSPHRASE,
    ORG_PASSPHRASE,
    Org,
    assignments,
    build_org,
    conflict,
    copy_org,
    judge_profile,
    pick,
)

SHIFTS = {"GK01": 1, "GK02": -1, "GK03": 0}  # lenient, harsh, in between


@dataclass
class Judge:
    """One judge as the test scored them: what they gave, and what should count."""

    key: str
    profile: Profile
    db: Database
    ref: RoundRef
    points: dict[str, dict[str, float | None]] = field(default_factory=dict)
    comments: dict[str, dict[str, str]] = field(default_factory=dict)
    conflicts: set[str] = field(default_factory=set)


@dataclass
class World:
    org: Org
    judges: dict[str, Judge]
    usb: Path
    exports: dict[str, Path]


def scored_judge(root: Path, org: Org, key: str) -> Judge:
    profile, db, ref = judge_profile(root / key, org.batches[key])
    judge = Judge(key, profile, db, ref)
    codes = sorted(assignments(db, ref))
    for index, code in enumerate(codes):
        judge.points[code] = {c.id: pick(code, c, SHIFTS[key]) for c in ref.rubric.criteria}
        judge.comments[code] = {c.id: f"Nhận xét {c.id} cho {code}" for c in ref.rubric.criteria}
        if key == "GK01" and index == 0:
            judge.points[code]["GT"] = None  # one criterion left unscored
        if key == "GK03" and index == 0:
            judge.comments[code] = {c.id: "" for c in ref.rubric.criteria}  # no comments at all
            judge.points[code]["GQVD"] = 4.0  # an extreme level: the rubric asks for a comment
        if key == "GK02" and index == 0:
            judge.conflicts.add(code)
    ids = assignments(db, ref)
    actor = f"judge:{key}"
    for code in codes:
        if code in judge.conflicts:
            conflict(db, ref, code, "Tác giả là đồng nghiệp cùng tổ chuyên môn")
            continue
        for criterion, value in judge.points[code].items():
            set_points(db, ids[code], criterion, value, actor)
            if judge.comments[code][criterion]:
                set_comment(db, ids[code], criterion, judge.comments[code][criterion], actor)
    return judge


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("world")
    org = build_org(root)
    judges = {key: scored_judge(root, org, key) for key in SHIFTS}
    usb = root / "usb"
    usb.mkdir()
    exports = {
        key: export_sheet(j.db, j.profile, j.ref, usb, JUDGE_PASSPHRASE, seal=key != "GK03").path
        for key, j in judges.items()
    }
    yield World(org, judges, usb, exports)
    for j in judges.values():
        j.db.close()


@pytest.fixture
def orgdir(world: World, tmp_path: Path) -> Path:
    """A private copy of the workspace for tests that merge sheets."""
    return copy_org(world.org, tmp_path)


# --- what the results should be, worked out independently ---------------------------------------


def rubric_of(world: World) -> Rubric:
    return world.judges["GK01"].ref.rubric


def comment_needed(c: Criterion, points: float) -> bool:
    levels = c.allowed_points()
    return {
        "always": True,
        "never": False,
        "lowest": points == levels[0],
        "highest": points == levels[-1],
        "extremes": points in (levels[0], levels[-1]),
    }[c.comment_rule.value]


def returned(world: World) -> dict[str, dict[str, float]]:
    """judge -> entry -> weighted total, for complete, conflict-free scores only."""
    rubric = rubric_of(world)
    result: dict[str, dict[str, float]] = {}
    for key, j in world.judges.items():
        result[key] = {}
        for code, given in j.points.items():
            pts = {c: v for c, v in given.items() if v is not None}
            if code in j.conflicts or len(pts) < len(given):
                continue
            if any(comment_needed(c, pts[c.id]) and not j.comments[code][c.id] for c in rubric.criteria):
                continue
            result[key][code] = sum(pts[c.id] * c.weight for c in rubric.criteria)
    return result


def expected_normalised(totals: dict[str, dict[str, float]]) -> dict[str, float]:
    z: dict[str, list[float]] = {}
    raw: dict[str, list[float]] = {}
    for scores in totals.values():
        values = list(scores.values())
        for code, v in scores.items():
            raw.setdefault(code, []).append(v)
        if len(values) >= 2 and statistics.pstdev(values) > 0:
            m, sd = statistics.fmean(values), statistics.pstdev(values)
            for code, v in scores.items():
                z.setdefault(code, []).append((v - m) / sd)
    zmean = {c: statistics.fmean(v) for c, v in z.items()}
    rmean = {c: statistics.fmean(v) for c, v in raw.items()}
    lo, hi = min(zmean.values()), max(zmean.values())
    s_lo, s_hi = min(rmean[c] for c in zmean), max(rmean[c] for c in zmean)
    scale = (s_hi - s_lo) / (hi - lo)
    return {c: (s_lo + (zmean[c] - lo) * scale) if c in zmean else rmean[c] for c in rmean}


def expected_ranks(values: dict[str, float]) -> dict[str, int]:
    return {c: 1 + sum(1 for w in values.values() if round(w, 9) > round(v, 9)) for c, v in values.items()}


def planned(world: World) -> dict[str, set[str]]:
    """judge -> entry codes, from the batch files the organizer issued."""
    batches = world.org.batches.items()
    return {key: {e["code"] for e in verify_batch(path).manifest["entries"]} for key, path in batches}


# --- the round trip -----------------------------------------------------------------------------------


def test_three_judges_round_trip(world: World, orgdir: Path, tmp_path: Path) -> None:
    report = collect_sheets(orgdir, [world.usb], ORG_PASSPHRASE)
    assert [(r.judge, r.revision, r.verdict) for r in report.rows] == [
        ("GK01", 1, Verdict.ACCEPTED),
        ("GK02", 1, Verdict.ACCEPTED),
        ("GK03", 1, Verdict.ACCEPTED),
    ]
    assert [r.sealed for r in report.rows] == [True, True, False]
    assert all("judge key pinned" in r.reason for r in report.rows)
    for row, key in zip(report.rows, ("GK01", "GK02", "GK03"), strict=True):
        info = judge_key_info(world.judges[key].profile)
        assert info is not None and row.fingerprint == info.fingerprint

    results = compute_results(orgdir)
    totals = returned(world)
    plan = planned(world)
    rubric = rubric_of(world)
    by_code = {e.code: e for e in results.entries}
    assert len(by_code) == 48
    per_entry: dict[str, list[float]] = {}
    for scores in totals.values():
        for code, v in scores.items():
            per_entry.setdefault(code, []).append(v)
    threshold = 0.2 * sum(c.max_points * c.weight for c in rubric.criteria)
    assert results.threshold == pytest.approx(threshold)
    for code, e in by_code.items():
        values = per_entry.get(code, [])
        assert e.assigned == sum(1 for codes in plan.values() if code in codes), code
        assert e.returned == len(values), code
        assert e.conflicted == sum(1 for j in world.judges.values() if code in j.conflicts)
        if values:
            assert e.mean == pytest.approx(statistics.fmean(values))
            assert e.median == pytest.approx(statistics.median(values))
            assert (e.minimum, e.maximum) == (min(values), max(values))
            assert e.spread == pytest.approx(max(values) - min(values))
            assert e.discrepancy == (len(values) >= 2 and max(values) - min(values) > threshold)
        else:
            assert e.mean is None and e.normalised is None and e.rank is None and not e.discrepancy
    normalised = expected_normalised(totals)
    got = {c: e.normalised for c, e in by_code.items() if e.normalised is not None}
    assert got == pytest.approx(normalised)
    assert {c: e.rank for c, e in by_code.items() if e.rank is not None} == expected_ranks(normalised)
    raw_means = {c: statistics.fmean(v) for c, v in per_entry.items()}
    raw_results = compute_results(orgdir, rank_by="raw")
    assert {e.code: e.rank for e in raw_results.entries if e.rank is not None} == expected_ranks(raw_means)
    ranked = [e.rank for e in results.entries if e.rank is not None]
    assert ranked == sorted(expected_ranks(normalised).values())  # rows come in rank order
    # Lenient and harsh judges on the same entry: some spreads exceed the threshold.
    assert any(e.discrepancy for e in results.entries)

    everything = [v for scores in totals.values() for v in scores.values()]
    overall = statistics.fmean(everything)
    for j in results.judges:
        if j.judge_key not in world.judges:
            assert (j.scored, j.last_revision, j.mean) == (0, None, None)
            assert set(j.missing) == plan[j.judge_key]
            continue
        mine = list(totals[j.judge_key].values())
        judge = world.judges[j.judge_key]
        assert j.scored == len(mine) == len(plan[j.judge_key]) - 1
        assert j.mean == pytest.approx(statistics.fmean(mine))
        assert j.sd == pytest.approx(statistics.pstdev(mine))
        assert j.severity == pytest.approx(statistics.fmean(mine) - overall)
        assert j.last_revision == 1 and j.key_source == "first-sheet"
        assert j.conflicts == len(judge.conflicts)
        assert set(j.missing) == plan[j.judge_key] - set(totals[j.judge_key]) - judge.conflicts
    severity = {j.judge_key: j.severity for j in results.judges if j.severity is not None}
    assert severity["GK01"] > severity["GK03"] > severity["GK02"]
    check_agreement(results, totals)

    out = tmp_path / "ket-qua.xlsx"
    write_results_workbook(results, out)
    check_workbook(out, results)


def check_agreement(results: Results, totals: dict[str, dict[str, float]]) -> None:
    """Alpha against the krippendorff package on the judge x entry matrix; severity by hand."""
    import krippendorff

    codes = sorted({c for scores in totals.values() for c in scores})
    matrix = [[scores.get(c, float("nan")) for c in codes] for scores in totals.values()]
    agreement = results.agreement
    assert agreement is not None
    expected = krippendorff.alpha(matrix, level_of_measurement="interval")
    assert agreement.overall.value == pytest.approx(expected)
    low, high = agreement.overall.low, agreement.overall.high
    assert low is not None and high is not None and low < expected < high
    assert [key for key, _a in agreement.criteria] == [c.id for c in results.rubric.criteria]
    for j in results.judges:
        if j.judge_key not in totals:
            continue
        diffs = [
            v - statistics.fmean(others)
            for code, v in totals[j.judge_key].items()
            if (others := [s[code] for k, s in totals.items() if k != j.judge_key and code in s])
        ]
        assert j.severity_entries == len(diffs)
        assert j.severity_vs_peers == pytest.approx(statistics.fmean(diffs))
        assert j.severity_se == pytest.approx(statistics.stdev(diffs) / len(diffs) ** 0.5)
        assert j.severity_reliable and not j.too_few_entries


def check_workbook(path: Path, results: Results) -> None:
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Kết quả", "Giám khảo", "Chênh lệch", "Còn thiếu", "Điểm chi tiết"]
    sheet = wb["Kết quả"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(results.entries)
    for row, e in zip(rows, results.entries, strict=True):
        assert row[0] == e.rank and row[1] == e.code
        assert row[11] == (pytest.approx(e.mean) if e.mean is not None else None)
        assert row[16] == (pytest.approx(e.normalised) if e.normalised is not None else None)
    flagged = [str(r[0]) for r in wb["Chênh lệch"].iter_rows(min_row=2, values_only=True)]
    assert sorted(flagged) == sorted(e.code for e in results.entries if e.discrepancy)
    missing = list(wb["Còn thiếu"].iter_rows(min_row=2, values_only=True))
    assert len(missing) == sum(len(j.missing) for j in results.judges)
    assert {r[4] for r in missing} == {"Chưa nhận phiếu", "Chưa chấm xong"}
    for ws in wb.worksheets:
        for cells in ws.iter_rows():
            for cell in cells:
                assert cell.data_type != "f", (ws.title, cell.coordinate)


def test_incomplete_entries_are_reported_before_export(world: World) -> None:
    gk01, gk02, gk03 = (world.judges[k] for k in ("GK01", "GK02", "GK03"))
    assert incomplete_entries(gk01.db, gk01.ref) == [sorted(gk01.points)[0]]
    assert incomplete_entries(gk02.db, gk02.ref) == []  # a conflict is not incomplete
    assert incomplete_entries(gk03.db, gk03.ref) == [sorted(gk03.points)[0]]


def test_exported_files_names_forms_and_chain(world: World) -> None:
    assert sorted(p.name for p in world.usb.iterdir()) == [
        "e2-2022-GK01-r1.e2sheet",
        "e2-2022-GK02-r1.e2sheet",
        "e2-2022-GK03-r1.e2sheet",
    ]
    plain, _ = read_sheet_file(world.exports["GK03"])
    assert not plain.sealed and plain.payload.revision == 1 and plain.payload.previous_sha256 is None
    key = sealing_key(OrgWorkspace(world.org.orgdir), ORG_PASSPHRASE)
    sheet, _ = read_sheet_file(world.exports["GK01"], key)
    p = sheet.payload
    batch = verify_batch(world.org.batches["GK01"])
    assert (p.batch_id, p.manifest_sha256, p.rubric_sha256) == (
        batch.manifest["batch_id"],
        batch.manifest_sha256,
        batch.manifest["rubric_sha256"],
    )
    assert p.criteria == tuple(c.id for c in rubric_of(world).criteria)
    gk01 = world.judges["GK01"]
    first = sorted(gk01.points)[0]
    entry = next(e for e in p.entries if e.code == first)
    assert not entry.complete and entry.points[-1] is None
    with gk01.db.session() as s:
        rows = s.scalars(select(SheetRevision)).all()
    assert [(r.revision, r.sha256, Path(r.path).name) for r in rows] == [
        (1, sheet.payload_sha256, "e2-2022-GK01-r1.e2sheet")
    ]


def test_next_revision_replaces_the_judges_scores(world: World, orgdir: Path, tmp_path: Path) -> None:
    profile, db, ref = judge_profile(tmp_path / "gk04", world.org.batches["GK04"])
    try:
        ids = assignments(db, ref)
        code = sorted(ids)[0]
        for c in ref.rubric.criteria:
            set_points(db, ids[code], c.id, 2.0, "judge:GK04")
        first = export_sheet(db, profile, ref, tmp_path, JUDGE_PASSPHRASE)
        assert collect_sheets(orgdir, [first.path], ORG_PASSPHRASE).rows[0].verdict is Verdict.ACCEPTED
        set_points(db, ids[code], "HT", 3.0, "judge:GK04")
        second = export_sheet(db, profile, ref, tmp_path, JUDGE_PASSPHRASE)
        assert (first.revision, second.revision) == (1, 2)
        assert second.path.name == "e2-2022-GK04-r2.e2sheet"
        key = sealing_key(OrgWorkspace(orgdir), ORG_PASSPHRASE)
        one, _ = read_sheet_file(first.path, key)
        two, _ = read_sheet_file(second.path, key)
        assert two.payload.previous_sha256 == one.payload_sha256
        report = collect_sheets(orgdir, [second.path, first.path, second.path], ORG_PASSPHRASE)
        assert [(r.verdict, r.reason) for r in report.rows] == [
            (Verdict.ACCEPTED, "merged 16 entries (1 complete, 0 conflicts)"),
            (Verdict.STALE, "ignored: older than revision 2 already received"),
            (Verdict.DUPLICATE, "duplicate: no change"),
        ]
        results = compute_results(orgdir)
        gk04 = next(j for j in results.judges if j.judge_key == "GK04")
        weights = {c.id: c.weight for c in ref.rubric.criteria}
        assert gk04.last_revision == 2 and gk04.scored == 1
        assert gk04.mean == pytest.approx(sum(2.0 * w for w in weights.values()) + weights["HT"])
        with open_org_db(OrgWorkspace(orgdir).database) as odb, odb.session() as s:
            assert [r for (r,) in s.execute(select(OrgSheet.revision).order_by(OrgSheet.revision))] == [1, 2]
            judge_id = s.scalar(select(OrgJudge.id).where(OrgJudge.judge_key == "GK04"))
            assert (
                s.scalar(
                    select(OrgScore.points).where(
                        OrgScore.judge_id == judge_id,
                        OrgScore.criterion_key == "HT",
                        OrgScore.points.is_not(None),
                    )
                )
                == 3.0
            )
        archived = sorted(p.name for p in OrgWorkspace(orgdir).sheets.iterdir())
        assert archived == [
            f"e2-2022.vong-chung-khao.GK04-r1-{one.payload_sha256[:12]}.e2sheet",
            f"e2-2022.vong-chung-khao.GK04-r2-{two.payload_sha256[:12]}.e2sheet",
        ]
        proof = open_sheet("archive", (OrgWorkspace(orgdir).sheets / archived[1]).read_bytes())
        assert proof.payload == two.payload and not proof.sealed
    finally:
        db.close()


def test_export_never_overwrites_and_records_nothing_when_refused(world: World, tmp_path: Path) -> None:
    profile, db, ref = judge_profile(tmp_path / "gk05", world.org.batches["GK05"])
    try:
        taken = tmp_path / "e2-2022-GK05-r1.e2sheet"
        taken.write_bytes(b"someone else's file")
        with pytest.raises(InputRefused) as caught:
            export_sheet(db, profile, ref, tmp_path, JUDGE_PASSPHRASE)
        assert "never overwritten" in caught.value.reason
        assert taken.read_bytes() == b"someone else's file"
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
        with pytest.raises(WrongPassphrase):
            export_sheet(db, profile, ref, tmp_path / "gk05", "not the passphrase")
        with pytest.raises(InputRefused, match="does not exist"):
            export_sheet(db, profile, ref, tmp_path / "missing", JUDGE_PASSPHRASE)
        with db.session() as s:
            assert s.scalars(select(SheetRevision)).all() == []
        other = tmp_path / "usb"
        other.mkdir()
        result = export_sheet(db, profile, ref, other, JUDGE_PASSPHRASE)
        assert result.revision == 1 and result.path == other / "e2-2022-GK05-r1.e2sheet"
        assert len(result.incomplete) == 16 and result.sealed
    finally:
        db.close()


def test_email_text(world: World) -> None:
    j = world.judges["GK03"]
    info = judge_key_info(j.profile)
    assert info is not None
    result = export_sheet(j.db, j.profile, j.ref, world.usb.parent, JUDGE_PASSPHRASE, seal=False)
    try:
        assert j.ref.contest_name in result.email_subject and j.ref.round_name in result.email_subject
        assert j.ref.judge_name in result.email_subject and "GK03" in result.email_subject
        assert result.email_subject.startswith("Phiếu chấm điểm")
        assert result.path.name in result.email_body and info.fingerprint in result.email_body
        assert "Kính gửi Ban tổ chức" in result.email_body and "Còn 1 bài chưa chấm xong" in result.email_body
        assert result.fingerprint == info.fingerprint and not result.sealed
    finally:
        result.path.unlink()


def test_enrolled_keys_are_checked(world: World, orgdir: Path, tmp_path: Path) -> None:
    gk03 = world.judges["GK03"]
    info = export_public_key(gk03.profile, tmp_path / "gk03.pub.json")
    export_public_key(gk03.profile, tmp_path / "gk03.pem")
    assert read_public_key_file(tmp_path / "gk03.pub.json").public_raw == info.public_raw
    enrolled = enroll_judge(orgdir, "GK03", tmp_path / "gk03.pem")
    assert enrolled.enrolled == ("e2-2022 / Vòng chung khảo",) and enrolled.fingerprint == info.fingerprint
    again = enroll_judge(orgdir, "GK03", tmp_path / "gk03.pub.json")
    assert again.unchanged == ("e2-2022 / Vòng chung khảo",) and again.enrolled == ()
    with pytest.raises(InputRefused, match="already registered for judge GK03"):
        enroll_judge(orgdir, "GK02", tmp_path / "gk03.pem")
    with pytest.raises(InputRefused, match="not listed in any round"):
        enroll_judge(orgdir, "GK99", tmp_path / "gk03.pem")
    report = collect_sheets(orgdir, [world.exports["GK03"], world.exports["GK01"]], ORG_PASSPHRASE)
    assert [r.verdict for r in report.rows] == [Verdict.ACCEPTED, Verdict.ACCEPTED]
    assert "pinned" not in report.rows[0].reason and "pinned" in report.rows[1].reason
    results = compute_results(orgdir)
    sources = {j.judge_key: j.key_source for j in results.judges}
    assert sources["GK03"] == "enrolled" and sources["GK01"] == "first-sheet"
    stranger = PublicKeyInfo("ed25519", public_raw_of(Ed25519PrivateKey.generate()), "Người lạ")
    write_public_key_file(tmp_path / "stranger.json", stranger)
    with pytest.raises(InputRefused, match="GK01 already has a different key"):
        enroll_judge(orgdir, "GK01", tmp_path / "stranger.json")


def test_cli(
    world: World,
    orgdir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gk02 = world.judges["GK02"]
    home = str(gk02.profile.root)
    assert main(["--home", home, "key", "show"]) == 0
    info = judge_key_info(gk02.profile)
    assert info is not None and info.fingerprint in capsys.readouterr().out
    assert main(["--home", home, "key", "export", str(tmp_path / "gk02.pem")]) == 0
    assert (tmp_path / "gk02.pem").read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setenv("E2JUDGE_PASSPHRASE", JUDGE_PASSPHRASE)
    assert main(["--home", home, "sheet", "export", "--out", str(usb)]) == 0
    out = capsys.readouterr().out
    assert "safe to remove the drive" in out and "Email subject: Phiếu chấm điểm" in out
    monkeypatch.delenv("E2JUDGE_PASSPHRASE")
    secret = tmp_path / "org-pass.txt"
    secret.write_text(ORG_PASSPHRASE + "\n", "utf-8")
    assert main(["org", "collect", str(orgdir), str(usb), "--json", "--passphrase-file", str(secret)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["judge"], r["revision"], r["verdict"]) for r in rows] == [("GK02", 2, "accepted")]
    bogus = tmp_path / "bogus.e2sheet"
    bogus.write_bytes(b"{}")
    assert main(["org", "collect", str(orgdir), str(bogus), str(usb)]) == 1  # sealed: a passphrase is needed
    assert "no passphrase given" in capsys.readouterr().err
    assert main(["org", "collect", str(orgdir), str(bogus), str(usb), "--passphrase-file", str(secret)]) == 1
    text = capsys.readouterr().out
    assert "refused" in text and "duplicate: no change" in text and "bogus.e2sheet" in text
    xlsx = tmp_path / "results.xlsx"
    assert (
        main(["org", "results", str(orgdir), "--xlsx", str(xlsx), "--rank-by", "raw", "--discrepancy", "3"])
        == 0
    )
    assert xlsx.is_file() and "ranked by raw" in capsys.readouterr().out
    pdf = tmp_path / "results.pdf"
    assert main(["org", "results", str(orgdir), "--pdf", str(pdf)]) == 0
    assert "PDF report written" in capsys.readouterr().out
    from pypdf import PdfReader

    first_page = PdfReader(pdf).pages[0].extract_text()
    assert "KẾT QUẢ CHẤM THI" in first_page and "Trang 1 /" in first_page
    assert main(["org", "results", str(orgdir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rank_by"] == "normalised" and len(data["entries"]) == 48
    overall = data["agreement"]["overall"]  # one judge's sheet only: nothing to agree on
    assert overall["alpha"] is None and overall["units"] == 0 and overall["ci_low"] is None
    assert {j["judge_key"]: j["severity_entries"] for j in data["judges"]}["GK02"] == 0
    assert main(["org", "results", str(orgdir), "--bootstrap", "0", "--min-entries", "1000"]) == 0
    text = capsys.readouterr().out
    assert "Krippendorff's alpha" in text and "undefined (0 entries scored by two or more judges)" in text
    assert "not normalised: fewer than 1000 entries" in text
    assert main(["org", "enroll", str(orgdir), "--judge", "GK02", str(tmp_path / "gk02.pem")]) == 0
    assert "already enrolled" in capsys.readouterr().out
    pub = base64.b64encode(info.public_raw).decode()
    with open_org_db(OrgWorkspace(orgdir).database) as odb, odb.session() as s:
        assert s.scalar(select(OrgJudge.public_key).where(OrgJudge.judge_key == "GK02")) == pub
    assert hashlib.sha256(info.public_raw).hexdigest()[:16] == info.key_id


def test_verify_lines_for_the_verify_command(world: World, tmp_path: Path) -> None:
    plain = verify_sheet_lines(world.exports["GK03"])
    assert plain[0].startswith("OK: ") and "genuine score sheet" in plain[0]
    assert any("judge GK03" in line for line in plain) and any("revision:    1" in line for line in plain)
    info = judge_key_info(world.judges["GK03"].profile)
    assert info is not None and any(info.fingerprint in line for line in plain)
    sealed = verify_sheet_lines(world.exports["GK01"])
    assert sealed[0].startswith("SEALED: ") and "--org ORGDIR" in sealed[1]
    opened = verify_sheet_lines(
        world.exports["GK01"], sealing_key(OrgWorkspace(world.org.orgdir), ORG_PASSPHRASE)
    )
    assert opened[0].startswith("OK: ") and any("judge GK01" in line for line in opened)
    broken = tmp_path / "broken.e2sheet"
    data = world.exports["GK03"].read_bytes()
    broken.write_bytes(data.replace(b'"algorithm":"Ed25519"', b'"algorithm":"Ed448"'))
    with pytest.raises(InputRefused, match="signed sheet field algorithm"):
        verify_sheet_lines(broken)
