"""Organizer → signed batches → judge import, through the real ``e2judge`` command in subprocesses."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import openpyxl
import pytest

pytestmark = pytest.mark.slow

PASSPHRASE = "mật khẩu ban tổ chức"


def e2judge(*args: str | Path, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "E2JUDGE_PASSPHRASE"}
    env["PYTHONIOENCODING"] = "utf-8"
    command = [sys.executable, "-m", "e2judge"]
    if home is not None:
        command += ["--home", str(home)]
    return subprocess.run(
        [*command, *map(str, args)], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def fill_like_an_organizer(template: Path, attachments: Path) -> None:
    """Type into the template the way an organizer does: headers as given, NFD names, '=' titles."""
    wb = openpyxl.load_workbook(template)
    contest = wb["Contest"]
    values = {
        "contest_id": "e2-2024",
        "contest_name": "Diễn đàn E2 Việt Nam 2024",
        "round": "Vòng sơ khảo",
        "deadline": "2024-04-30",
        "blind": "không",
    }
    for row in contest.iter_rows(min_row=2):
        key = str(row[0].value or "").rsplit("(", 1)[-1].rstrip(")").strip()
        if key in values:
            row[1].value = values[key]
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    entries = wb["Entries"]
    rows = [
        (
            "E-001",
            "=Toán học quanh ta",
            nfd("Nguyễn Thị Đào"),
            "Trường THCS Nguyễn Du",
            "Hà Nội",
            "Bài học",
            "Học sinh đo đạc sân trường.",
            "https://sway.example/a",
            "giao-an.pdf",
        ),
        (
            "E-002",
            "Dự án <b>Nước sạch</b> & cộng đồng",
            "Lê Văn Ất",
            "Trường THPT Lê Quý Đôn",
            "Đà Nẵng",
            "Dự án",
            "Mô tả\ncó hai dòng",
            "",
            "",
        ),
        (
            "E-003",
            "Đổi mới sáng tạo với OneNote",
            "Phạm Thị Hằng\u202e",
            "Trường Tiểu học Đống Đa",
            "Huế",
            "Bài học",
            "",
            "",
            "anh.png",
        ),
        (
            "E-004",
            "Học lịch sử qua Minecraft",
            "Trần Quốc Toản",
            "Trường THCS Nguyễn Du",
            "Hà Nội",
            "Dự án",
            "",
            "",
            "",
        ),
    ]
    for r, values_row in enumerate(rows, start=2):
        for c, value in enumerate(values_row, start=1):
            entries.cell(r, c, value)
            entries.cell(r, c).data_type = "s"
    judges = wb["Judges"]
    for r, j in enumerate(
        [
            ("GK1", nfd("Đặng Thùy Trâm"), "tram@example.edu.vn", "Trường THCS Nguyễn Du", "Hà Nội"),
            ("GK2", "Võ Văn Kiệt", "kiet@example.edu.vn", "Sở GD&ĐT Cần Thơ", "Cần Thơ"),
            ("GK3", "Hồ Xuân Hương", "huong@example.edu.vn", "Trường THPT Chu Văn An", "Hà Nội"),
        ],
        start=2,
    ):
        for c, value in enumerate(j, start=1):
            judges.cell(r, c, value)
    rubric = wb["Rubric"]
    for r, crit in enumerate(
        [
            (
                "hop-tac",
                "Kỹ năng thế kỷ 21",
                "Hợp tác",
                "",
                4,
                1,
                1,
                "1: Chưa đạt\n2: Đạt\n3: Khá\n4: Tốt",
                "",
            ),
            ("cntt", "Công nghệ", "Sử dụng CNTT", "", 10, 0.5, 1.5, "", ""),
        ],
        start=2,
    ):
        for c, value in enumerate(crit, start=1):
            rubric.cell(r, c, value)
    wb.save(template)
    attachments.mkdir()
    (attachments / "giao-an.pdf").write_bytes(b"%PDF-1.4 giao an")
    (attachments / "anh.png").write_bytes(b"\x89PNG fake photo")


def test_full_chain(tmp_path: Path) -> None:
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n", "utf-8")
    orgdir = tmp_path / "org"
    result = e2judge("org", "init", orgdir, "--label", "Ban tổ chức E2 2024", "--passphrase-file", passfile)
    assert result.returncode == 0, result.stderr
    fingerprint = result.stdout.split("Fingerprint, to read aloud to judges: ")[1].splitlines()[0]
    assert len(fingerprint.split()) == 6
    key_file = (orgdir / "keys" / "organizer-signing.key.json").read_text("utf-8")
    assert "private" not in key_file.lower() or "ciphertext" in key_file

    workbook = tmp_path / "entries.xlsx"
    assert e2judge("org", "template", workbook).returncode == 0
    fill_like_an_organizer(workbook, tmp_path / "attachments")

    out = tmp_path / "batches"
    result = e2judge(
        "org",
        "build",
        orgdir,
        "--workbook",
        workbook,
        "--judges-per-entry",
        "2",
        "--out",
        out,
        "--passphrase-file",
        passfile,
    )
    assert result.returncode == 0, result.stderr
    batches = sorted(out.glob("*.e2batch"))
    assert len(batches) == 3
    assert "loads GK1: 2, GK2: 3, GK3: 3" in result.stdout  # GK1 never gets the two Nguyễn Du entries

    gk1 = next(b for b in batches if ".GK1-" in b.name)
    verify = e2judge("verify", gk1)
    assert verify.returncode == 0, verify.stderr
    assert fingerprint in verify.stdout
    assert "Đặng Thùy Trâm" in verify.stdout

    home = tmp_path / "judge"
    gk2 = next(b for b in batches if ".GK2-" in b.name)
    result = e2judge("import", gk2, home=home)
    assert result.returncode == 0, result.stderr
    assert fingerprint in result.stdout
    db = sqlite3.connect(home / "e2judge.sqlite3")
    assert db.execute("SELECT count(*) FROM entry").fetchone() == (3,)
    assert db.execute("SELECT name FROM judge").fetchone() == ("Võ Văn Kiệt",)
    db.close()

    # The same batch again changes nothing; a batch signed by another organizer is refused.
    again = e2judge("import", gk2, home=home)
    assert "already imported" in again.stdout
    other = tmp_path / "other-org"
    assert e2judge("org", "init", other, "--passphrase-file", passfile).returncode == 0
    out2 = tmp_path / "batches2"
    assert (
        e2judge(
            "org",
            "build",
            other,
            "--workbook",
            workbook,
            "--judges-per-entry",
            "2",
            "--out",
            out2,
            "--passphrase-file",
            passfile,
        ).returncode
        == 0
    )
    impostor = next(b for b in out2.glob("*.e2batch") if ".GK2-" in b.name)
    refused = e2judge("import", impostor, home=home)
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "different organizer key" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_bad_workbook_lists_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE, "utf-8")
    orgdir = tmp_path / "org"
    assert e2judge("org", "init", orgdir, "--passphrase-file", passfile).returncode == 0
    workbook = tmp_path / "entries.xlsx"
    assert e2judge("org", "template", workbook).returncode == 0
    fill_like_an_organizer(workbook, tmp_path / "attachments")
    wb = openpyxl.load_workbook(workbook)
    wb["Entries"].cell(3, 1, "E-001")  # duplicate code
    wb["Entries"].cell(4, 9, "khong-co.pdf")  # unknown attachment
    wb["Rubric"].cell(3, 5, "mười")  # points not a number
    wb["Rubric"].cell(2, 6, 3)  # step does not divide 4
    wb.save(workbook)
    out = tmp_path / "batches"
    result = e2judge(
        "org",
        "build",
        orgdir,
        "--workbook",
        workbook,
        "--judges-per-entry",
        "4",
        "--out",
        out,
        "--passphrase-file",
        passfile,
    )
    assert result.returncode == 1
    assert "Entries!A3" in result.stderr or "Entries row 3" in result.stderr
    assert "Rubric!E3" in result.stderr
    assert "Rubric!F2" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_workbook_imported_directly_is_unsigned(tmp_path: Path) -> None:
    workbook = tmp_path / "entries.xlsx"
    assert e2judge("org", "template", workbook).returncode == 0
    fill_like_an_organizer(workbook, tmp_path / "attachments")
    home = tmp_path / "judge"
    result = e2judge("import", workbook, "--judge", "GK2", home=home)
    assert result.returncode == 0, result.stderr
    assert "UNSIGNED" in result.stdout
    db = sqlite3.connect(home / "e2judge.sqlite3")
    assert db.execute("SELECT signed FROM batch").fetchall() == [(0,)]
    assert db.execute("SELECT organizer_key_id FROM contest").fetchone() == (None,)
    titles = dict(db.execute("SELECT code, title FROM entry").fetchall())
    authors = dict(db.execute("SELECT code, authors FROM entry").fetchall())
    db.close()
    assert titles["E-001"] == "=Toán học quanh ta"
    assert titles["E-002"] == "Dự án <b>Nước sạch</b> & cộng đồng"
    assert authors["E-001"] == "Nguyễn Thị Đào" and unicodedata.is_normalized("NFC", authors["E-001"])
    assert authors["E-003"] == "Phạm Thị Hằng"  # the right-to-left override is gone
    stored = sorted(p.name for p in (home / "attachments").rglob("*") if p.is_file())
    assert len(stored) == 2


def test_usage_errors_exit_2_and_every_command_has_help() -> None:
    assert e2judge("import").returncode == 2
    assert e2judge("no-such-command").returncode == 2
    for command in (["import"], ["verify"], ["org", "init"], ["org", "build"], ["org", "template"]):
        result = e2judge(*command, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout
