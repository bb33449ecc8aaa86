"""The example organizer workbook, and a copy of it with one problem of each kind on every sheet."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from e2judge.xlsx.org_template import write_template

OWN_SCHOOL = "THPT Nguyễn Du"  # entry B003's school, given to three of the four judges


def example_workbook(path: Path) -> Path:
    write_template(path, example=True)
    return path


def broken_workbook(path: Path) -> Path:
    """The example with six problems on four sheets plus one the assignment finds.

    Contest: the deadline is not a date. Entries: B002 twice, an attachment that does not exist.
    Judges: an email that is not one, three of four judges from B003's school (two judges per
    entry are impossible for B003). Rubric: C2's step does not divide its maximum.
    """
    write_template(path, example=True)
    wb = openpyxl.load_workbook(path)
    contest = wb["Contest"]
    for row in contest.iter_rows(min_row=2):
        if "(deadline)" in str(row[0].value):
            row[1].value = "30/06/2025"
    entries = wb["Entries"]
    entries["A4"] = "B002"  # was B003: now B002 twice, and B003 gone
    entries["I2"] = "thieu-tep.pdf"
    judges = wb["Judges"]
    judges["C3"] = "khong-phai-email"
    for cell in ("D2", "D4", "D5"):
        judges[cell] = "THCS Lê Quý Đôn"  # B002's school: only GK02 may score either B002
    rubric = wb["Rubric"]
    rubric["F3"] = 0.3
    wb.save(path)
    return path
