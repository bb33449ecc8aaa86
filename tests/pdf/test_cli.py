"""`e2judge report pdf|xlsx` end to end on a real profile."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from e2judge.cli.main import main
from tests.pdf.conftest import Judged
from tests.pdf.pdfcheck import page_texts, squeeze


def test_report_pdf_entry_summary_and_xlsx(
    judged: Judged, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile, _db, _ref = judged
    home = ["--home", str(profile.root)]
    every = tmp_path / "all.pdf"
    assert main([*home, "report", "pdf", str(every)]) == 0
    pages = len(page_texts(every))
    assert f"Wrote {every}: {pages} pages" in capsys.readouterr().out
    one = tmp_path / "one.pdf"
    assert main([*home, "report", "pdf", str(one), "--entry", "E0002", "--lang", "en"]) == 0
    text = squeeze(" ".join(page_texts(one)))
    assert squeeze("Entry code: E0002") in text and "E0001" not in text
    summary = tmp_path / "summary.pdf"
    assert main([*home, "--lang", "en", "report", "pdf", str(summary), "--summary"]) == 0
    assert squeeze("JUDGE'S SCORE SUMMARY") in squeeze(" ".join(page_texts(summary)))
    book = tmp_path / "diem.xlsx"
    assert main([*home, "report", "xlsx", str(book)]) == 0
    assert openpyxl.load_workbook(book).sheetnames[0] == "Bảng điểm"


def test_report_refusals(judged: Judged, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile, _db, _ref = judged
    home = ["--home", str(profile.root)]
    out = tmp_path / "x.pdf"
    assert main([*home, "report", "pdf", str(out), "--entry", "NOPE"]) == 1
    assert "entry NOPE is not in" in capsys.readouterr().err
    assert main([*home, "report", "pdf", str(out), "--round", "7"]) == 1
    assert "no round '7'" in capsys.readouterr().err
    assert main([*home, "report", "pdf", str(out), "--summary", "--entry", "E0001"]) == 1
    assert not out.exists()
    empty = tmp_path / "empty-home"
    assert main(["--home", str(empty), "report", "xlsx", str(tmp_path / "x.xlsx")]) == 1
    assert "no round imported yet" in capsys.readouterr().err
