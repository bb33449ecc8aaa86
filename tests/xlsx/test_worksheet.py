"""The offline worksheet: export, edit as Excel would (openpyxl), import; valid, invalid, conflicting."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select

from e2judge.cli.main import main
from e2judge.core.errors import InputRefused, ValidationFailed
from e2judge.core.rubric import Criterion, Rubric
from e2judge.db.models import AuditLog
from e2judge.db.session import Database
from e2judge.paths import Profile
from e2judge.services.judge.entries import entry_detail, find_assignment
from e2judge.services.judge.rounds import RoundRef
from e2judge.services.judge.scoring import declare_conflict, set_comment, set_points
from e2judge.services.judge.worksheet import export_worksheet, import_worksheet
from e2judge.xlsx.worksheet import META_SHEET
from tests.helpers.batches import imported_profile

ACTOR = "worksheet:test"
SHEET = "Chấm điểm"
# Columns (non-blind): A code, B title, C authors, D school, E province, F category, G status,
# H/I tinh-moi points/comment, J/K kha-thi, L/M trinh-bay, N overall comment. Rows 2..6: E0001..E0005.

Judged = tuple[Profile, Database, RoundRef]


@pytest.fixture
def judged(tmp_path: Path) -> Iterator[Judged]:
    profile, db, ref = imported_profile(tmp_path)
    yield profile, db, ref
    db.close()


def _edit(source: Path, out: Path, edits: Mapping[str, Any], sheet: str = SHEET) -> Path:
    """Change cells the way a person in Excel would, and save as a new file."""
    wb = openpyxl.load_workbook(source)
    ws = wb[sheet]
    for ref, value in edits.items():
        ws[ref] = value
    wb.save(out)
    return out


def _scores(
    db: Database, profile: Profile, ref: RoundRef, code: str
) -> tuple[dict[str, float | None], dict[str, str], str]:
    d = entry_detail(db, profile, ref, find_assignment(db, ref, code))
    return d.points, d.comments, d.overall_comment


def _audit_count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count(AuditLog.id))) or 0)


def test_export_structure(judged: Judged, tmp_path: Path) -> None:
    _profile, db, ref = judged
    set_points(db, find_assignment(db, ref, "E0001"), "trinh-bay", 3.5, ACTOR)
    set_comment(db, find_assignment(db, ref, "E0001"), "trinh-bay", "=cẩn thận", ACTOR)
    declare_conflict(db, find_assignment(db, ref, "E0002"), "Người nhà", ACTOR)
    out = tmp_path / "ws.xlsx"
    export_worksheet(db, ref, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [SHEET, "Hướng dẫn", META_SHEET]
    assert [ws.sheet_state for ws in wb.worksheets] == ["visible", "visible", "veryHidden"]
    assert wb.security is not None and wb.security.lockStructure
    ws = wb[SHEET]
    assert isinstance(ws, Worksheet)
    assert [c.value for c in ws[1]][7:] == [
        "1. Tính mới (mức 0, 1, 2, 3, 4)",
        "Nhận xét 1: Tính mới",
        "2. Tính khả thi (mức 1, 2, 3)",
        "Nhận xét 2: Tính khả thi",
        "3. Trình bày (0 – 5, bước 0,5)",
        "Nhận xét 3: Trình bày",
        "Nhận xét chung",
    ]
    assert ws["L2"].value == 3.5 and ws["M2"].value == "=cẩn thận" and ws["M2"].data_type == "s"
    # protection: only score and comment cells of entries without a conflict are unlocked
    assert ws.protection.sheet
    for ref_ in ("H2", "I2", "J2", "K2", "L2", "M2", "N2", "H6", "N6"):
        assert ws[ref_].protection.locked is False, ref_
    for ref_ in ("A2", "B2", "G2", "H1", "H3", "N3", "A6"):
        assert ws[ref_].protection.locked is not False, ref_
    assert ws["M2"].number_format == "@"
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert rules["H2:H6"].type == "list" and rules["H2:H6"].formula1 == '"0,1,2,3,4"'
    assert rules["J2:J6"].formula1 == '"1,2,3"'
    assert rules["L2:L6"].formula1 == '"0,0.5,1,1.5,2,2.5,3,3.5,4,4.5,5"'
    assert all(dv.showErrorMessage and dv.allow_blank for dv in rules.values())
    meta = wb[META_SHEET]
    keys = {meta.cell(r, 1).value: meta.cell(r, 2).value for r in range(1, 11)}
    assert keys["format"] == "e2judge-worksheet"
    assert keys["batch_key"] == ref.batch_key and keys["judge_key"] == "GK01"
    assert keys["rubric_sha256"] == ref.rubric.sha256()
    assert len(str(keys["manifest_sha256"])) == 64
    assert meta.protection.sheet
    for sheet in wb.worksheets:
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_step_validation_list_or_range(tmp_path: Path) -> None:
    rubric = Rubric(
        (
            Criterion("a", "S", "Chi tiết", "", 10, 0.1),  # 101 values: a decimal range
            Criterion("b", "S", "Thang 100", "", 100, 1),  # 101 values: a whole-number range
            Criterion("c", "S", "Phần tư", "", 2, 0.25),  # 9 values: a list
        )
    )
    _profile, db, ref = imported_profile(tmp_path, rubric=rubric, entries=2)
    try:
        out = tmp_path / "ws.xlsx"
        export_worksheet(db, ref, out)
        rules = {
            str(dv.sqref): dv for dv in openpyxl.load_workbook(out)[SHEET].data_validations.dataValidation
        }
        a, b, c = rules["H2:H3"], rules["J2:J3"], rules["L2:L3"]
        assert (a.type, a.operator, a.formula1, a.formula2) == ("decimal", "between", "0", "10")
        assert (b.type, b.operator, b.formula1, b.formula2) == ("whole", "between", "0", "100")
        assert (c.type, c.formula1) == ("list", '"0,0.25,0.5,0.75,1,1.25,1.5,1.75,2"')
        bad = _edit(out, tmp_path / "bad.xlsx", {"H2": 0.15, "J2": 100.5, "L3": "1,3"})
        with pytest.raises(ValidationFailed) as failed:
            import_worksheet(db, ref, bad, actor=ACTOR)
        assert [str(p) for p in failed.value.problems] == [
            f"{SHEET}!H2: 0.15 is not a multiple of the step 0.1",
            f"{SHEET}!J2: 100.5 is above the maximum 100",
            f"{SHEET}!L3: 1.3 is not a multiple of the step 0.25",
        ]
        good = _edit(out, tmp_path / "good.xlsx", {"H2": 9.9, "J2": 100, "L3": "1,75"})
        assert len(import_worksheet(db, ref, good, actor=ACTOR).applied) == 3
    finally:
        db.close()


def test_round_trip_valid_edits(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    out = tmp_path / "ws.xlsx"
    export_worksheet(db, ref, out)
    edited = _edit(
        out,
        tmp_path / "edited.xlsx",
        {
            "H2": 4,
            "I2": "- Rất sáng tạo",
            "J2": 2,
            "L2": 4.5,
            "L3": "2,5",  # typed as text with a decimal comma
            "J4": "3",
            "K4": "Dễ nhân rộng ở trường khác",
            "N5": "Nhận xét chung\ndòng thứ hai",
        },
    )
    before = _audit_count(db)
    result = import_worksheet(db, ref, edited, actor=ACTOR)
    assert len(result.applied) == 8 and not result.conflicts
    assert _audit_count(db) == before + 8
    points, comments, _ = _scores(db, profile, ref, "E0001")
    assert points == {"tinh-moi": 4.0, "kha-thi": 2.0, "trinh-bay": 4.5}
    assert comments["tinh-moi"] == "- Rất sáng tạo"
    assert _scores(db, profile, ref, "E0002")[0]["trinh-bay"] == 2.5
    assert _scores(db, profile, ref, "E0003")[1]["kha-thi"] == "Dễ nhân rộng ở trường khác"
    assert _scores(db, profile, ref, "E0004")[2] == "Nhận xét chung\ndòng thứ hai"
    with db.session() as s:
        actors = set(s.scalars(select(AuditLog.actor).where(AuditLog.action.like("set-%"))))
    assert actors == {ACTOR}
    # importing the same file again changes nothing
    again = import_worksheet(db, ref, edited, actor=ACTOR)
    assert again.changes == () and again.applied == ()
    assert _audit_count(db) == before + 8
    # clearing a score in a fresh worksheet clears it in the app
    fresh = tmp_path / "fresh.xlsx"
    export_worksheet(db, ref, fresh)
    cleared = import_worksheet(db, ref, _edit(fresh, tmp_path / "cleared.xlsx", {"L2": None}), actor=ACTOR)
    assert [c.where for c in cleared.changes] == [f"{SHEET}!L2"] and len(cleared.applied) == 1
    assert _scores(db, profile, ref, "E0001")[0]["trinh-bay"] is None


def test_invalid_cells_are_all_listed_and_nothing_applied(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    out = tmp_path / "ws.xlsx"
    export_worksheet(db, ref, out)
    bad = _edit(
        out,
        tmp_path / "bad.xlsx",
        {
            "I2": "valid comment that must not be applied",
            "H2": 7,
            "J3": 0,
            "L4": 2.3,
            "L5": "abc",
            "H6": "=1+1",
            "N6": "=SUM(A1:A2)",
            "A3": "ZZZ",
            "A4": "E0001",
            "H8": 2,
        },
    )
    before = _audit_count(db)
    with pytest.raises(ValidationFailed) as failed:
        import_worksheet(db, ref, bad, actor=ACTOR)
    assert [str(p) for p in failed.value.problems] == [
        f"{SHEET}!H2: 7 is above the maximum 4",
        f"{SHEET}!A3: entry ZZZ is not in this batch (or not in this export)",
        f"{SHEET}!A4: entry E0001 is also on row 2",
        f"{SHEET}!L5: 'abc' is not a number",
        f"{SHEET}!H6: a formula is not accepted here; type the points",
        f"{SHEET}!N6: a formula is not accepted here; type the comment as text",
        f"{SHEET}!A8: this row has no entry code",
    ]
    assert "nothing was written" in str(failed.value)
    assert _audit_count(db) == before
    assert _scores(db, profile, ref, "E0001")[1]["tinh-moi"] == ""
    # a level criterion refuses a value between levels; the step is checked for the others
    bad2 = _edit(out, tmp_path / "bad2.xlsx", {"J3": 0, "L4": 2.3})
    with pytest.raises(ValidationFailed) as failed2:
        import_worksheet(db, ref, bad2, actor=ACTOR)
    assert [str(p) for p in failed2.value.problems] == [
        f"{SHEET}!J3: 0 is not one of the levels (1, 2, 3)",
        f"{SHEET}!L4: 2.3 is not a multiple of the step 0.5",
    ]


def test_conflicting_edits(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    e1 = find_assignment(db, ref, "E0001")
    set_points(db, e1, "tinh-moi", 3, ACTOR)
    out = tmp_path / "ws.xlsx"
    export_worksheet(db, ref, out)
    # after the export the judge keeps scoring in the app ...
    set_points(db, e1, "tinh-moi", 2, "app")
    set_points(db, find_assignment(db, ref, "E0002"), "kha-thi", 3, "app")
    set_comment(db, e1, "trinh-bay", "sửa trong ứng dụng", "app")
    # ... and in the worksheet
    edited = _edit(out, tmp_path / "edited.xlsx", {"H2": 4, "L2": 3, "M2": "sửa trong Excel", "H4": 1})
    plan = import_worksheet(db, ref, edited, actor=ACTOR, dry_run=True)
    assert [c.where for c in plan.conflicts] == [f"{SHEET}!H2", f"{SHEET}!M2"]
    assert str(plan.conflicts[0]) == (
        f"{SHEET}!H2: E0001 tinh-moi points: changed in the app since the export (3 → 2) "
        "and in the worksheet (3 → 4)"
    )
    assert plan.applied == () and _scores(db, profile, ref, "E0001")[0]["trinh-bay"] is None
    kept = import_worksheet(db, ref, edited, actor=ACTOR)
    assert [c.where for c in kept.skipped] == [f"{SHEET}!H2", f"{SHEET}!M2"]
    assert len(kept.applied) == 2
    points, comments, _ = _scores(db, profile, ref, "E0001")
    assert points["tinh-moi"] == 2.0 and points["trinh-bay"] == 3.0
    assert comments["trinh-bay"] == "sửa trong ứng dụng"
    assert _scores(db, profile, ref, "E0002")[0]["kha-thi"] == 3.0  # untouched in the worksheet
    assert _scores(db, profile, ref, "E0003")[0]["tinh-moi"] == 1.0
    forced = import_worksheet(db, ref, edited, actor=ACTOR, overwrite=True)
    assert len(forced.applied) == 2 and forced.skipped == ()
    points, comments, _ = _scores(db, profile, ref, "E0001")
    assert points["tinh-moi"] == 4.0 and comments["trinh-bay"] == "sửa trong Excel"


def test_entry_declared_conflict_after_export_is_a_problem(judged: Judged, tmp_path: Path) -> None:
    _profile, db, ref = judged
    out = tmp_path / "ws.xlsx"
    export_worksheet(db, ref, out)
    declare_conflict(db, find_assignment(db, ref, "E0003"), "Học trò cũ", "app")
    edited = _edit(out, tmp_path / "edited.xlsx", {"J4": 2, "J5": 2})
    with pytest.raises(ValidationFailed) as failed:
        import_worksheet(db, ref, edited, actor=ACTOR)
    assert [str(p) for p in failed.value.problems] == [
        f"{SHEET}!J4: entry E0003 is declared as a conflict of interest; withdraw the conflict in the app "
        "to score it"
    ]


def test_worksheet_of_another_batch_or_tampered_is_refused(judged: Judged, tmp_path: Path) -> None:
    _profile, db, ref = judged
    _other, other_db, other_ref = imported_profile(tmp_path / "other", judge_id="GK02")
    try:
        foreign = tmp_path / "foreign.xlsx"
        export_worksheet(other_db, other_ref, foreign)
    finally:
        other_db.close()
    with pytest.raises(InputRefused, match=r"exported for batch .*GK02, not for this round's batch"):
        import_worksheet(db, ref, foreign, actor=ACTOR)
    out = tmp_path / "ws.xlsx"
    export_worksheet(db, ref, out)
    tampered = _edit(out, tmp_path / "tampered.xlsx", {"B13": 4}, sheet=META_SHEET)
    with pytest.raises(InputRefused, match="hidden sheet _e2judge was changed"):
        import_worksheet(db, ref, tampered, actor=ACTOR)
    wb = openpyxl.load_workbook(out)
    wb[SHEET].delete_cols(3)
    wb.save(tmp_path / "moved.xlsx")
    with pytest.raises(ValidationFailed) as failed:
        import_worksheet(db, ref, tmp_path / "moved.xlsx", actor=ACTOR)
    assert str(failed.value.problems[0]).startswith(
        f"{SHEET}!C1: the header should read 'Tác giả'; were columns moved?"
    )
    wb = openpyxl.load_workbook(out)
    del wb[META_SHEET]
    wb.save(tmp_path / "no-meta.xlsx")
    with pytest.raises(InputRefused, match="not an E2 Judge worksheet"):
        import_worksheet(db, ref, tmp_path / "no-meta.xlsx", actor=ACTOR)


def _with_part(source: Path, name: str, transform: object) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == name:
                data = transform(data)  # type: ignore[operator]
            zout.writestr(item, data)
    return buffer.getvalue()


def test_hostile_files_are_refused(judged: Judged, tmp_path: Path) -> None:
    _profile, db, ref = judged
    out = tmp_path / "ws.xlsx"
    export_worksheet(db, ref, out)
    entity = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>'
    cases = {
        "empty.xlsx": b"",
        "text.xlsx": b"not a workbook at all",
        "old.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
        "truncated.xlsx": out.read_bytes()[:2000],
        "entity.xlsx": _with_part(out, "xl/workbook.xml", lambda d: entity + d),
        "garbage-sheet.xlsx": _with_part(out, "xl/worksheets/sheet1.xml", lambda d: b"<<<not xml"),
    }
    before = _audit_count(db)
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(InputRefused) as refused:
            import_worksheet(db, ref, path, actor=ACTOR)
        assert refused.value.source == str(path), name
        if name == "entity.xlsx":
            assert "DTD or entity declaration" in refused.value.reason
    with pytest.raises(InputRefused, match="cannot be read"):
        import_worksheet(db, ref, tmp_path / "missing.xlsx", actor=ACTOR)
    assert _audit_count(db) == before


def test_blind_round(tmp_path: Path) -> None:
    profile, db, ref = imported_profile(tmp_path, blind=True)
    try:
        out = tmp_path / "ws.xlsx"
        export_worksheet(db, ref, out, lang="en")
        ws = openpyxl.load_workbook(out)["Scoring"]
        headers = [c.value for c in ws[1]]
        assert headers[:4] == ["Entry code", "Title", "Category", "Status"]
        text = " ".join(str(c.value) for row in ws.iter_rows() for c in row)
        assert "Nguyễn Thị Hồng" not in text and "Lê Quý Đôn" not in text
        edited = _edit(out, tmp_path / "edited.xlsx", {"E2": 3}, sheet="Scoring")  # tinh-moi of E0001
        result = import_worksheet(db, ref, edited, actor=ACTOR)
        assert [c.where for c in result.changes] == ["Scoring!E2"] and len(result.applied) == 1
        assert _scores(db, profile, ref, "E0001")[0]["tinh-moi"] == 3.0
    finally:
        db.close()


def test_cli_round_trip(judged: Judged, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile, db, ref = judged
    home = ["--home", str(profile.root)]
    out = tmp_path / "cli.xlsx"
    assert main([*home, "worksheet", "export", str(out)]) == 0
    set_points(db, find_assignment(db, ref, "E0001"), "tinh-moi", 1, "app")
    edited = _edit(out, tmp_path / "cli-edited.xlsx", {"H2": 4, "J2": 2})
    capsys.readouterr()
    assert main([*home, "worksheet", "import", str(edited)]) == 1
    err = capsys.readouterr()
    assert "CONFLICT" in err.out and "nothing was applied" in err.err
    assert _scores(db, profile, ref, "E0001")[0] == {"tinh-moi": 1.0, "kha-thi": None, "trinh-bay": None}
    assert main([*home, "worksheet", "import", str(edited), "--keep-app"]) == 0
    assert _scores(db, profile, ref, "E0001")[0]["kha-thi"] == 2.0
    assert _scores(db, profile, ref, "E0001")[0]["tinh-moi"] == 1.0
    assert main([*home, "worksheet", "import", str(edited), "--overwrite"]) == 0
    assert _scores(db, profile, ref, "E0001")[0]["tinh-moi"] == 4.0
    bad = _edit(out, tmp_path / "cli-bad.xlsx", {"H3": 9})
    assert main([*home, "worksheet", "import", str(bad)]) == 1
    assert f"{SHEET}!H3: 9 is above the maximum 4" in capsys.readouterr().err
    with db.session() as s:
        actors = set(s.scalars(select(AuditLog.actor).where(AuditLog.action == "set-points")))
    assert "worksheet:GK01" in actors
