"""Every problem of an organizer's workbook in one pass: the check, ``org build`` and the CLI agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from e2judge.cli.main import main
from e2judge.core.errors import ValidationFailed
from e2judge.services.org.audit import read_log
from e2judge.services.org.build import build_batches
from e2judge.services.org.validate import check_workbook, split_where
from e2judge.services.org.workspace import init_workspace
from tests.helpers.org_workbooks import broken_workbook, example_workbook

PASSPHRASE = "mật khẩu ban tổ chức"


def test_the_example_workbook_is_valid_and_says_what_it_holds(tmp_path: Path) -> None:
    check = check_workbook(example_workbook(tmp_path / "vi-du.xlsx"), None, 2)
    assert check.ok and check.problems == ()
    assert check.spec is not None
    assert (check.entries, check.judges, len(check.spec.rubric.criteria)) == (6, 4, 3)
    assert check.spec.contest_name.startswith("Diễn đàn Giáo dục E2 Việt Nam")


def test_every_problem_of_every_sheet_is_listed_at_once(tmp_path: Path) -> None:
    check = check_workbook(broken_workbook(tmp_path / "loi.xlsx"), None, 2)
    assert check.spec is None and not check.ok
    places = [split_where(p.where) for p in check.problems]
    text = "\n".join(str(p) for p in check.problems)
    assert ("Contest", "B5") in places and "deadline" in text  # the date
    assert ("Entries", "A4") in places and "used twice" in text  # B002 twice
    assert "thieu-tep.pdf" in text  # the missing attachment
    assert ("Judges", "C3") in places and "khong-phai-email" in text
    assert ("Rubric", "F3") in places and "does not divide" in text
    assert "not from its school" in text  # B002 cannot get two judges outside its school
    assert len(check.problems) == 6, text


def test_build_refuses_with_the_same_full_list_and_writes_nothing(tmp_path: Path) -> None:
    orgdir = tmp_path / "org"
    init_workspace(orgdir, PASSPHRASE, "BTC thử")
    workbook = broken_workbook(tmp_path / "loi.xlsx")
    expected = [str(p) for p in check_workbook(workbook, None, 2).problems]
    with pytest.raises(ValidationFailed) as caught:
        build_batches(orgdir, workbook, tmp_path / "out", PASSPHRASE, judges_per_entry=2)
    assert [str(p) for p in caught.value.problems] == expected
    assert not (tmp_path / "out").exists()


def test_cli_build_prints_every_problem_in_one_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE, "utf-8")
    assert main(["org", "init", str(tmp_path / "org"), "--passphrase-file", str(secret)]) == 0
    workbook = broken_workbook(tmp_path / "loi.xlsx")
    code = main(
        [
            "--lang",
            "vi",
            "org",
            "build",
            str(tmp_path / "org"),
            "--workbook",
            str(workbook),
            "--judges-per-entry",
            "2",
            "--out",
            str(tmp_path / "out"),
            "--passphrase-file",
            str(secret),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    problems = [line for line in err.splitlines() if line.startswith("  ")]
    assert len(problems) == 6, err
    assert "6 lỗi" in err or "6 vấn đề" in err, err
    assert any("không cùng trường" in line for line in problems), err


def test_cli_template_example_writes_a_workbook_that_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "vi-du.xlsx"
    assert main(["org", "template", "--example", str(target)]) == 0
    assert "Example written" in capsys.readouterr().out
    assert check_workbook(target, None, 2).ok
    assert main(["org", "template", "--example", str(target)]) == 1  # never overwritten


def test_a_cancelled_build_leaves_no_file_and_no_record(tmp_path: Path) -> None:
    orgdir = tmp_path / "org"
    init_workspace(orgdir, PASSPHRASE, "BTC thử")
    workbook = example_workbook(tmp_path / "vi-du.xlsx")
    seen: list[tuple[int, int]] = []

    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 2:
            raise Stop

    with pytest.raises(Stop):
        build_batches(orgdir, workbook, tmp_path / "out", PASSPHRASE, judges_per_entry=2, progress=progress)
    assert seen == [(0, 4), (1, 4), (2, 4)]
    assert list((tmp_path / "out").iterdir()) == []
    assert read_log(orgdir) == []
    summary = build_batches(orgdir, workbook, tmp_path / "out", PASSPHRASE, judges_per_entry=2)
    assert len(summary.files) == 4  # the same build afterwards starts from revision 1
    assert all(p.name.endswith("-r1.e2batch") for p in summary.files)
    assert [r.action for r in read_log(orgdir)] == ["build"]


def test_handouts_name_the_judge_file_size_and_fingerprint(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from e2judge.formats.keys import read_public
    from e2judge.paths import OrgWorkspace
    from e2judge.services.org.handouts import write_handouts

    orgdir = tmp_path / "org"
    init_workspace(orgdir, PASSPHRASE, "BTC thử")
    summary = build_batches(orgdir, example_workbook(tmp_path / "vi-du.xlsx"), tmp_path / "out", PASSPHRASE)
    (first, *_rest) = written = write_handouts(orgdir, summary.files, tmp_path / "out")
    assert len(written) == 4
    reader = PdfReader(first)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    batch = next(p for p in summary.files if "GK01" in p.name)
    assert "Nguyễn Văn Thành" in text and batch.name in text
    for group in read_public(OrgWorkspace(orgdir).signing_key).fingerprint.split():
        assert group in text
    assert "HƯỚNG DẪN NHẬN LÔ BÀI CHẤM" in text
