"""Issue 9 item 9: ``org build`` signs only what a judge's import accepts (one set of limits)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from e2judge.core import limits
from e2judge.core.errors import ValidationFailed
from e2judge.db.session import open_judge_db
from e2judge.paths import Profile
from e2judge.services.judge.import_batch import import_batch
from e2judge.services.judge.rounds import list_rounds
from e2judge.services.org.build import build_batches
from e2judge.services.org.workspace import init_workspace

PASSPHRASE = "mật khẩu ban tổ chức"


def workbook(
    path: Path, title: str, *, judge_id: str = "GK01", step: float = 1, contest_id: str = "e2-2025"
) -> Path:
    """An organizer workbook typed with openpyxl (values stored as they are, not cut)."""
    wb = openpyxl.Workbook()
    default = wb.active
    assert default is not None
    wb.remove(default)
    sheets: dict[str, list[list[object]]] = {
        "Contest": [
            ["key", "value"], ["contest_id", contest_id], ["contest_name", "E2"], ["round", "Vòng 1"]
        ],
        "Entries": [["code", "title"], ["E001", title], ["E002", "Bình thường"]],
        "Judges": [["judge_id", "name"], [judge_id, "Trần Văn Đức"]],
        "Rubric": [
            ["criterion_id", "section", "criterion", "max_points", "step"],
            ["hop-tac", "Kỹ năng", "Hợp tác", 4, step],
        ],
    }
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def orgdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("org") / "org"
    init_workspace(folder, PASSPHRASE, "Ban tổ chức E2")
    return folder


@pytest.mark.parametrize("length", [10**6, 32_767, limits.MAX_LINE + 1])
def test_item9_org_build_refuses_an_over_long_title_before_signing(
    orgdir: Path, tmp_path: Path, length: int
) -> None:
    path = workbook(tmp_path / "big.xlsx", "Đ" * length)
    out = tmp_path / "batches"
    with pytest.raises(ValidationFailed) as caught:
        build_batches(orgdir, path, out, PASSPHRASE)
    problems = [str(p) for p in caught.value.problems]
    stored = min(length, 32_767)  # openpyxl keeps at most Excel's cell limit of what was typed
    assert problems == [f"Entries!B2: title is {stored} characters long; at most 1000 are allowed"]
    assert not out.exists() or list(out.iterdir()) == []


def test_item9_what_org_build_signs_at_the_limits_a_judge_imports(orgdir: Path, tmp_path: Path) -> None:
    long_ids = {"judge_id": "G" * limits.MAX_ID, "contest_id": "c" * 40}  # each fits, the batch id not
    path = workbook(tmp_path / "ids.xlsx", "Tiêu đề", **long_ids)
    with pytest.raises(ValidationFailed) as caught:
        build_batches(orgdir, path, tmp_path / "none", PASSPHRASE)
    assert "batch id" in caught.value.details()
    assert not (tmp_path / "none").exists()
    # 1,000 characters of title, 4 / 0.004 = 1,000 steps, a 64-character judge id: signed and imported.
    path = workbook(tmp_path / "edge.xlsx", "Đ" * limits.MAX_LINE, judge_id="G" * limits.MAX_ID, step=0.004)
    summary = build_batches(orgdir, path, tmp_path / "batches", PASSPHRASE)
    (batch,) = summary.files
    profile = Profile(tmp_path / "profile").ensure()
    db = open_judge_db(profile.database)
    try:
        import_batch(db, profile, batch)
        (ref,) = list_rounds(db)
        assert len(ref.rubric.criteria[0].allowed_points()) == 1001
    finally:
        db.close()


def test_item9_a_step_no_judge_could_score_is_refused_with_its_cell(orgdir: Path, tmp_path: Path) -> None:
    path = workbook(tmp_path / "step.xlsx", "Tiêu đề", step=1e-9)
    with pytest.raises(ValidationFailed) as caught:
        build_batches(orgdir, path, tmp_path / "batches", PASSPHRASE)
    assert [p.where for p in caught.value.problems] == ["Rubric!E2"]
    assert "possible scores" in caught.value.details()
