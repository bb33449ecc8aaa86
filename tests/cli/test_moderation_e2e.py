"""Two judges disagree → ``org moderate`` → a third judge's sheet → final scores under each rule.

Everything through the real ``e2judge`` command in subprocesses on temporary folders: the organizer
builds a round, four judges import, score and export, the organizer collects, moderates, the third
judges import their follow-up batches into the round they have, score, export, and the organizer
collects again and reads the results as JSON. Final scores are checked against figures computed by
hand in the comments.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from e2judge.services.judge.import_batch import verify_batch

pytestmark = pytest.mark.slow

PASSPHRASE = "mật khẩu ban tổ chức"
JUDGE_PASSPHRASE = "mật khẩu giám khảo"
SCHOOLS = {"GK1": "Trường A", "GK2": "Trường B", "GK3": "Trường C", "GK4": "Trường D"}
ENTRY_SCHOOLS = {"E1": "Trường A", "E2": "Trường C", "E3": "Trường B", "E4": "Trường D", "E5": "Trường A",
                 "E6": "Trường E"}
QUALITY = {"E1": 15, "E2": 10, "E3": 12, "E4": 9, "E5": 14, "E6": 11}
# E2: the second judge gives 8 more; E5: 8 less. Both spreads (8) are over the threshold (5);
# E3: 4 apart, under it.
SHIFT = {"E2": 8, "E5": -8, "E3": 4}
THIRD = {"E2": 12, "E5": 13}


def e2judge(*args: str | Path, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "E2JUDGE_PASSPHRASE"}
    env["PYTHONIOENCODING"] = "utf-8"
    command = [sys.executable, "-m", "e2judge"]
    if home is not None:
        command += ["--home", str(home)]
    result = subprocess.run(
        [*command, *map(str, args)], capture_output=True, text=True, env=env, timeout=180, check=False
    )
    return result


def ok(*args: str | Path, home: Path | None = None) -> str:
    result = e2judge(*args, home=home)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def fill(workbook: Path, rule: str) -> None:
    wb = openpyxl.load_workbook(workbook)
    values = {
        "contest_id": "e2-2025",
        "contest_name": "Diễn đàn E2 Việt Nam 2025",
        "round": "Vòng sơ khảo",
        "blind": "không",
        "discrepancy_threshold": 5,
        "moderation_rule": rule,
    }
    for row in wb["Contest"].iter_rows(min_row=2):
        key = str(row[0].value or "").rsplit("(", 1)[-1].rstrip(")").strip()
        if key in values:
            row[1].value = values[key]
    entries = wb["Entries"]
    for r, code in enumerate(QUALITY, start=2):
        row = [code, f"Bài dự thi {code}", "Tác giả", ENTRY_SCHOOLS[code], "Hà Nội"]
        for c, value in enumerate(row, start=1):
            entries.cell(r, c, value)
    judges = wb["Judges"]
    for r, (key, school) in enumerate(SCHOOLS.items(), start=2):
        row = [key, f"Giám khảo {key}", f"{key.lower()}@example.edu.vn", school, "Hà Nội"]
        for c, value in enumerate(row, start=1):
            judges.cell(r, c, value)
    rubric = wb["Rubric"]
    for c, value in enumerate(["tong", "Tổng thể", "Chất lượng bài", "", 20, 1, 1, "", "never"], start=1):
        rubric.cell(2, c, value)
    wb.save(workbook)


def codes_of(batch: Path) -> list[str]:
    return [e["code"] for e in verify_batch(batch).manifest["entries"]]


@pytest.mark.timeout(1500)
def test_a_third_judge_settles_a_disagreement(tmp_path: Path) -> None:
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n", "utf-8")
    judge_pass = tmp_path / "judge-pass.txt"
    judge_pass.write_text(JUDGE_PASSPHRASE + "\n", "utf-8")
    orgdir = tmp_path / "org"
    ok("org", "init", orgdir, "--passphrase-file", passfile)
    workbook = tmp_path / "danh-sach.xlsx"
    ok("org", "template", workbook)
    fill(workbook, "closest_two")
    out = tmp_path / "batches"
    ok("org", "build", orgdir, "--workbook", workbook, "--judges-per-entry", "2", "--out", out,
       "--passphrase-file", passfile)
    batches = {b.name.split(".")[2].split("-")[0]: b for b in out.glob("*.e2batch")}
    assert sorted(batches) == list(SCHOOLS)
    first: dict[str, list[str]] = {j: codes_of(b) for j, b in batches.items()}
    holders = {code: sorted(j for j, codes in first.items() if code in codes) for code in QUALITY}
    assert all(len(h) == 2 for h in holders.values())

    usb = tmp_path / "usb"
    usb.mkdir()
    homes = {j: tmp_path / f"home-{j}" for j in SCHOOLS}
    for judge, batch in batches.items():
        ok("import", batch, home=homes[judge])
        for code in first[judge]:
            points = QUALITY[code] + (SHIFT.get(code, 0) if holders[code][1] == judge else 0)
            ok("score", code, "tong", str(points), home=homes[judge])
        ok("sheet", "export", "--out", usb, "--passphrase-file", judge_pass, home=homes[judge])
    ok("org", "collect", orgdir, usb, "--passphrase-file", passfile)

    follow = tmp_path / "follow-up"
    text = ok(
        "org", "moderate", orgdir, "--workbook", workbook, "--out", follow, "--passphrase-file", passfile
    )
    assert "2 entries to one more judge" in text
    third: dict[str, str] = {}
    for path in sorted(follow.glob("*.e2batch")):
        judge = verify_batch(path).manifest["judge"]["id"]
        assert ".m1-r1" in path.name
        for code in codes_of(path):
            third[code] = judge
    assert sorted(third) == ["E2", "E5"]  # exactly the entries whose judges disagree
    for code, judge in third.items():
        assert judge not in holders[code]
        assert SCHOOLS[judge] != ENTRY_SCHOOLS[code]  # never from the entry's school
    again = ok("org", "moderate", orgdir, "--workbook", workbook, "--out", tmp_path / "again",
               "--passphrase-file", passfile)
    assert "0 entries to one more judge" in again and "already moderated: E2, E5" in again

    usb2 = tmp_path / "usb2"
    usb2.mkdir()
    for path in sorted(follow.glob("*.e2batch")):
        judge = verify_batch(path).manifest["judge"]["id"]
        imported = ok("import", path, home=homes[judge])
        assert "1 entries added" in imported or "2 entries added" in imported
        rounds = ok("rounds", home=homes[judge])
        assert rounds.count("Vòng sơ khảo") == 1  # the follow-up joined the round the judge has
        for code in codes_of(path):
            ok("score", code, "tong", str(THIRD[code]), home=homes[judge])
        ok("sheet", "export", "--out", usb2, "--passphrase-file", judge_pass, home=homes[judge])
    collected = ok("org", "collect", orgdir, usb2, "--passphrase-file", passfile)
    assert "refused" not in collected.splitlines()[-1].split(",")[0] or "0 refused" in collected

    def results(rule: str) -> dict[str, dict[str, object]]:
        fill(workbook, rule)
        ok("org", "build", orgdir, "--workbook", workbook, "--judges-per-entry", "2", "--out", out,
           "--passphrase-file", passfile)
        data = json.loads(ok("org", "results", orgdir, "--json", "--rank-by", "final", "--bootstrap", "50"))
        assert data["moderation_rule"] == rule
        return {e["code"]: e for e in data["entries"]}

    closest = results("closest_two")
    # E2: first judges 10 and 18, third 12 -> the closest two are 10 and 12: final 11.
    e2 = closest["E2"]
    low, high = holders["E2"]
    assert e2["totals"] == {low: 10.0, high: 18.0, third["E2"]: 12.0}
    assert e2["final"] == pytest.approx(11.0)
    assert sorted(e2["counted"]) == sorted([low, third["E2"]])
    assert {s["judge"]: s["counted"] for s in e2["scores"]} == {low: True, high: False, third["E2"]: True}
    assert e2["moderated_by"] == [third["E2"]]
    assert "two closest of 3 scores (gap 2)" in e2["final_reason"]
    # E5: 14 and 6, third 13 -> 13 and 14: final 13.5.
    assert closest["E5"]["final"] == pytest.approx(13.5)
    # Entries without a third judge: the mean of their two scores (E3: 12 and 16 -> 14).
    assert closest["E3"]["final"] == pytest.approx(14.0) and closest["E3"]["moderated_by"] == []
    assert closest["E1"]["final"] == pytest.approx(15.0)
    ranks = {c: e["rank"] for c, e in closest.items()}
    assert ranks["E1"] == 1 and ranks["E3"] == 2 and ranks["E5"] == 3  # 15, 14, 13.5

    median = results("median")
    assert median["E2"]["final"] == pytest.approx(12.0)  # median of 10, 12, 18
    assert median["E2"]["counted"] == [third["E2"]]
    assert median["E5"]["final"] == pytest.approx(13.0)  # median of 6, 13, 14
    mean_all = results("mean_all")
    assert mean_all["E2"]["final"] == pytest.approx(40 / 3)  # (10 + 18 + 12) / 3
    assert mean_all["E5"]["final"] == pytest.approx(11.0)  # (14 + 6 + 13) / 3
    assert len(mean_all["E5"]["counted"]) == 3

    text = ok("org", "results", orgdir, "--bootstrap", "20")
    assert "Final scores (mean_all; + third judge):" in text
    assert f"{third['E2']}+ 12" in text
