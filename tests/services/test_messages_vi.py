"""With the language set to Vietnamese, what the core refuses or rejects is said in Vietnamese.

Real files throughout: a tampered signed batch, a real profile scored through the services, a
worksheet edited the way Excel would, a real key file, a damaged backup. English stays the default.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from e2judge.cli.main import main
from e2judge.core.errors import InputRefused, ValidationFailed
from e2judge.core.i18n import set_language
from e2judge.db.session import open_judge_db
from e2judge.formats.keys import MIN_N, WrongPassphrase, generate_key_file, unlock_signing_key
from e2judge.paths import Profile
from e2judge.services.judge import scoring
from e2judge.services.judge.backup import restore_backup
from e2judge.services.judge.entries import find_assignment
from e2judge.services.judge.import_batch import import_batch
from e2judge.services.judge.scoring import ScoreRejected
from e2judge.services.judge.worksheet import export_worksheet, import_worksheet
from tests.helpers.batches import make_batch
from tests.helpers.signed import rezip
from tests.services.conftest import Judged

BAD_SIGNATURE_VI = "chữ ký không hợp lệ: nội dung lô bài đã bị thay đổi hoặc không do ban tổ chức ký"
BAD_SIGNATURE_EN = "bad signature: the manifest was changed or not signed by its key"
ACTOR = "judge:GK01"


def tampered_batch(tmp_path: Path) -> Path:
    good = make_batch(tmp_path / "org", entries=3)

    def tamper(members: dict[str, bytes]) -> dict[str, bytes]:
        members["manifest.json"] = members["manifest.json"].replace("Đổi mới".encode(), "Thay đổi".encode())
        return members

    return rezip(good, tmp_path / "tampered.e2batch", tamper)


def entry_count(profile: Profile) -> int:
    with closing(sqlite3.connect(profile.database)) as con:
        return int(con.execute("SELECT count(*) FROM entry").fetchone()[0])


def test_a_tampered_batch_is_refused_in_vietnamese_and_changes_nothing(tmp_path: Path) -> None:
    bad = tampered_batch(tmp_path)
    profile = Profile(tmp_path / "profile").ensure()
    with open_judge_db(profile.database) as db:
        with pytest.raises(InputRefused) as english:
            import_batch(db, profile, bad)
        assert english.value.reason == BAD_SIGNATURE_EN
        set_language("vi")
        with pytest.raises(InputRefused) as refused:
            import_batch(db, profile, bad)
    assert refused.value.reason == BAD_SIGNATURE_VI
    assert refused.value.source == str(bad)
    assert entry_count(profile) == 0


@pytest.mark.parametrize(
    ("criterion", "points", "message"),
    [
        ("trinh-bay", 5.5, "5,5 vượt quá điểm tối đa 5"),
        ("tinh-moi", 2.5, "2,5 không phải là một trong các mức điểm (0; 1; 2; 3; 4)"),
        ("trinh-bay", 2.25, "2,25 không đúng bước điểm 0,5 (điểm phải là bội số của 0,5)"),
        ("tinh-moi", -1, "-1 nhỏ hơn mức tối thiểu 0"),
    ],
)
def test_score_rejections_are_vietnamese_with_a_decimal_comma(
    judged: Judged, criterion: str, points: float, message: str
) -> None:
    _profile, db, ref = judged
    aid = find_assignment(db, ref, "E0001")
    set_language("vi")
    with pytest.raises(ScoreRejected) as rejected:
        scoring.set_points(db, aid, criterion, points, ACTOR)
    assert str(rejected.value) == message


def test_a_conflict_without_reason_is_refused_in_vietnamese(judged: Judged) -> None:
    _profile, db, ref = judged
    set_language("vi")
    with pytest.raises(ScoreRejected) as rejected:
        scoring.declare_conflict(db, find_assignment(db, ref, "E0002"), "   ", ACTOR)
    assert str(rejected.value) == "cần ghi lý do để khai báo xung đột lợi ích"


def test_worksheet_problems_name_the_cell_in_vietnamese(judged: Judged, tmp_path: Path) -> None:
    _profile, db, ref = judged
    out = tmp_path / "ws.xlsx"
    export_worksheet(db, ref, out)
    wb = openpyxl.load_workbook(out)
    ws = wb["Chấm điểm"]
    ws["H2"] = 7
    ws["L4"] = 2.3
    ws["L5"] = "abc"
    ws["H6"] = "=1+1"
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    set_language("vi")
    with pytest.raises(ValidationFailed) as failed:
        import_worksheet(db, ref, bad, actor=ACTOR)
    assert failed.value.reason == "tìm thấy 4 lỗi, chưa có gì được ghi"
    assert [str(p) for p in failed.value.problems] == [
        "Chấm điểm!H2: 7 vượt quá điểm tối đa 4",
        "Chấm điểm!L4: 2,3 không đúng bước điểm 0,5 (điểm phải là bội số của 0,5)",
        "Chấm điểm!L5: 'abc' không phải là số",
        "Chấm điểm!H6: ô này không nhận công thức; hãy gõ điểm",
    ]


def test_a_worksheet_summary_is_vietnamese(judged: Judged, tmp_path: Path) -> None:
    _profile, db, ref = judged
    out = tmp_path / "ws.xlsx"
    export_worksheet(db, ref, out)
    wb = openpyxl.load_workbook(out)
    wb["Chấm điểm"]["L2"] = 2.5
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    set_language("vi")
    plan = import_worksheet(db, ref, edited, actor=ACTOR, dry_run=True)
    assert plan.describe() == f"{edited}: 1 ô đã sửa, 0 ô bị sửa ở cả hai nơi; chưa áp dụng gì (chạy thử)"
    assert str(plan.changes[0]) == "Chấm điểm!L2: E0001 trinh-bay điểm: trống → 2,5"


def test_a_wrong_passphrase_is_said_in_vietnamese(tmp_path: Path) -> None:
    key = tmp_path / "judge-signing.key.json"
    generate_key_file(key, "ed25519", "mật khẩu đúng", "GK01", n=MIN_N)
    set_language("vi")
    with pytest.raises(WrongPassphrase) as wrong:
        unlock_signing_key(key, "mật khẩu sai")
    assert wrong.value.reason == (
        "sai mật khẩu của khoá judge-signing.key.json (hoặc tệp khoá đã bị sửa đổi)"
    )


def test_restoring_a_damaged_backup_is_refused_in_vietnamese(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "profile").ensure()
    damaged = tmp_path / "e2judge-20240101-000000-000000.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    set_language("vi")
    with pytest.raises(InputRefused) as refused:
        restore_backup(profile, damaged)
    assert refused.value.reason.startswith("không khôi phục được: không phải cơ sở dữ liệu SQLite đọc được (")
    assert not profile.database.exists()


def test_the_command_line_speaks_english_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tampered_batch(tmp_path)
    home = tmp_path / "home"
    assert main(["--home", str(home), "import", str(bad)]) == 1
    assert capsys.readouterr().err == f"e2judge: refused: {bad}: {BAD_SIGNATURE_EN}\n"
    assert main(["--lang", "vi", "--home", str(home), "import", str(bad)]) == 1
    assert capsys.readouterr().err == f"e2judge: refused: {bad}: {BAD_SIGNATURE_VI}\n"
