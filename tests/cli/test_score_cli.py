"""The judging commands end to end: a real batch imported, scored, shown, backed up and restored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from e2judge.cli.commands_score import parse_points
from e2judge.cli.main import main
from e2judge.paths import Profile
from e2judge.services.judge.instance_lock import ProfileLock
from tests.helpers.batches import make_batch


class Cli:
    """Runs ``e2judge --home HOME ...`` in-process and captures its output."""

    def __init__(self, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.home = home
        self.capsys = capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--home", str(self.home), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *argv: str) -> Any:
        code, out, err = self(*argv, "--json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    run = Cli(tmp_path / "home", capsys)
    code, _, err = run("import", str(make_batch(tmp_path, entries=4)))
    assert code == 0, err
    return run


def points_of(cli: Cli, code: str) -> dict[str, Any]:
    detail = cli.json("show", code)
    return {c["id"]: c["points"] for c in detail["criteria"]}


def test_rounds_and_entries(cli: Cli) -> None:
    code, out, _ = cli("rounds")
    assert code == 0 and "Vòng chung khảo" in out and "GK01" in out and "0/4" in out
    (only,) = cli.json("rounds")
    assert (only["number"], only["judge"], only["signed"], only["total"]) == (1, "GK01", True, 4)
    rows = cli.json("entries")
    assert [r["code"] for r in rows] == ["E0001", "E0002", "E0003", "E0004"]
    assert {r["status"] for r in rows} == {"not_started"}
    assert [r["code"] for r in cli.json("entries", "--search", "ung dung")] == ["E0002"]
    code, out, _ = cli("entries")
    assert code == 0 and "Đổi mới phương pháp dạy học 1" in out and "0 of 4 complete" in out


def test_score_comment_and_show(cli: Cli) -> None:
    code, out, err = cli("score", "E0001", "trinh-bay", "2,5", "--comment", "Khá rõ")
    assert code == 0, err
    assert "E0001 · trinh-bay: 2.5 (was not scored)" in out
    assert points_of(cli, "E0001")["trinh-bay"] == 2.5
    assert cli("score", "E0001", "tinh-moi", "0")[0] == 0
    detail = cli.json("show", "E0001")
    assert detail["missing_comments"] == ["tinh-moi"]
    assert cli("comment", "E0001", "Chưa có ý mới", "--criterion", "tinh-moi")[0] == 0
    assert cli("comment", "E0001", "Nhận xét chung")[0] == 0
    assert cli("score", "e0001", "kha-thi", "2")[0] == 0  # codes ignore case
    detail = cli.json("show", "E0001")
    assert detail["status"] == "complete" and detail["overall_comment"] == "Nhận xét chung"
    assert detail["totals"]["weighted"] == 0 * 2 + 2 + 2.5
    by_id = {c["id"]: c for c in detail["criteria"]}
    assert by_id["tinh-moi"]["comment"] == "Chưa có ý mới"
    assert [lv["descriptor"] for lv in by_id["kha-thi"]["levels"]] == [
        "Khó áp dụng",
        "Áp dụng được",
        "Dễ nhân rộng",
    ]
    assert detail["attachments"][0]["name"] == "ke-hoach.pdf"
    code, out, _ = cli("show", "E0001")
    assert code == 0 and "* 2: Áp dụng được" in out and "complete" in out
    assert cli("score", "E0001", "trinh-bay", "none")[0] == 0
    assert points_of(cli, "E0001")["trinh-bay"] is None
    assert cli.json("show", "E0001")["status"] == "in_progress"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["E0001", "tinh-moi", "5"], "entry E0001: criterion tinh-moi: 5 is above the maximum 4"),
        (
            ["E0001", "trinh-bay", "2.25"],
            "entry E0001: criterion trinh-bay: 2.25 is not a multiple of the step 0.5",
        ),
        (["E0001", "trinh-bay", "abc"], "entry E0001: criterion trinh-bay: 'abc' is not a number"),
        (["E0001", "trinh-bay", "1,000.5"], "entry E0001: criterion trinh-bay: '1,000.5' is not a number"),
        (["E0001", "nope", "1"], "entry E0001: criterion nope: there is no criterion 'nope'"),
        (["E9999", "tinh-moi", "1"], "entry E9999: entry E9999 is not in Vòng chung khảo"),
    ],
)
def test_bad_scores_print_one_line_and_exit_1(cli: Cli, argv: list[str], expected: str) -> None:
    code, out, err = cli("score", *argv)
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and expected in err
    assert {v for v in points_of(cli, "E0001").values()} == {None}


def test_conflict_declare_and_withdraw(cli: Cli) -> None:
    code, out, _ = cli("conflict", "E0002", "--reason", "Học sinh trường tôi")
    assert code == 0 and "conflict declared" in out
    code, _, err = cli("score", "E0002", "kha-thi", "2")
    assert code == 1 and "entry E0002 is declared as a conflict" in err
    assert cli.json("show", "E0002")["conflict_reason"] == "Học sinh trường tôi"
    assert cli("conflict", "E0002", "--reason", "  ")[0] == 1
    code, out, _ = cli("conflict", "E0002", "--withdraw")
    assert code == 0 and "withdrawn" in out
    assert cli("score", "E0002", "kha-thi", "2")[0] == 0


def test_backup_list_and_restore(cli: Cli) -> None:
    assert cli("score", "E0003", "tinh-moi", "3")[0] == 0
    code, out, _ = cli("backup")
    assert code == 0 and "Backup written" in out
    code, out, _ = cli("backup", "--list")
    name = out.split()[0]
    assert name.startswith("e2judge-") and name.endswith(".sqlite3")
    assert cli("score", "E0003", "tinh-moi", "1")[0] == 0
    code, out, err = cli("restore", name)  # a bare name from --list is found in the backups folder
    assert code == 0, err
    assert "previous database was saved" in out
    assert points_of(cli, "E0003")["tinh-moi"] == 3.0
    code, _, err = cli("restore", str(cli.home / "nothing.sqlite3"))
    assert code == 1 and "no such backup file" in err


def test_write_commands_refused_while_the_profile_is_open(cli: Cli) -> None:
    with ProfileLock(Profile(cli.home)):
        for argv in (
            ["score", "E0001", "tinh-moi", "1"],
            ["comment", "E0001", "x"],
            ["conflict", "E0001", "--withdraw"],
            ["backup"],
        ):
            code, _, err = cli(*argv)
            assert code == 1 and "already open in another E2 Judge window" in err, argv
        assert cli("entries")[0] == 0  # reading is fine
    assert points_of(cli, "E0001")["tinh-moi"] is None
    assert cli("score", "E0001", "tinh-moi", "1")[0] == 0


def test_round_selection(cli: Cli, tmp_path: Path) -> None:
    assert cli("import", str(make_batch(tmp_path, entries=2, judge_id="GK02")))[0] == 0
    assert [r["judge"] for r in cli.json("rounds")] == ["GK02", "GK01"]
    assert len(cli.json("entries")) == 2  # default: the most recent
    assert len(cli.json("entries", "--round", "2")) == 4
    code, _, err = cli("entries", "--round", "3")
    assert code == 1 and "no round '3'" in err and "the rounds are" in err


def test_empty_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = Cli(tmp_path / "empty", capsys)
    code, out, _ = run("rounds")
    assert code == 0 and "No rounds yet" in out
    code, _, err = run("entries")
    assert code == 1 and "no round imported yet" in err


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3", 3.0),
        ("2.5", 2.5),
        ("2,5", 2.5),
        (" 0 ", 0.0),
        (",5", 0.5),
        ("none", None),
        ("NONE", None),
        ("-", None),
    ],
)
def test_parse_points(text: str, value: float | None) -> None:
    assert parse_points(text) == value


@pytest.mark.parametrize("text", ["abc", "1e3", "nan", "inf", "2..5", "2,5,1", "1 000"])
def test_parse_points_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="is not a number"):
        parse_points(text)


def test_blind_round_shows_no_people(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = Cli(tmp_path / "home", capsys)
    assert run("import", str(make_batch(tmp_path, entries=2, blind=True)))[0] == 0
    detail = run.json("show", "E0001")
    assert (detail["authors"], detail["school"], detail["province"]) == ("", "", "")
    code, out, _ = run("show", "E0001")
    assert code == 0 and "authors" not in out and "Nguyễn" not in out
    code, out, _ = run("entries")
    assert "province" not in out and "(blind round)" in out
    assert {r["province"] for r in run.json("entries")} == {""}
