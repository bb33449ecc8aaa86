"""The organizer's dashboard and verdict kinds, on a copy of the bundled lived-in demo workspace."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from e2judge.paths import resource
from e2judge.services.org.collect import collect_sheets
from e2judge.services.org.demo import DEMO_PASSPHRASE, REPORT, demo_report
from e2judge.services.org.progress import judge_progress, workspace_info
from e2judge.services.org.results import compute_results
from e2judge.services.org.verdicts import Kind, explain

DEMO = resource("demo", "organizer-demo")


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(DEMO / "btc-demo", tmp_path / "btc-demo")
    shutil.copytree(DEMO / "usb", tmp_path / "usb")
    return tmp_path / "btc-demo", tmp_path / "usb"


def test_the_demo_is_lived_in(demo: tuple[Path, Path]) -> None:
    orgdir, _usb = demo
    info = workspace_info(orgdir)
    assert info.demo and info.current is not None
    assert info.current.contest_key == "e2-2022"
    rows = {r.judge_key: r for r in judge_progress(orgdir, info.current.id)}
    assert sorted(rows) == ["GK01", "GK02", "GK03", "GK04", "GK05", "GK06"]
    assert all(r.batch_revision == 1 and r.issued_at is not None for r in rows.values())
    assert [k for k, r in sorted(rows.items()) if r.returned] == ["GK01", "GK02", "GK03", "GK04"]
    assert rows["GK02"].sheet_revision == 2  # sent a newer revision
    assert (rows["GK01"].scored, rows["GK01"].conflicts, rows["GK01"].missing) == (15, 1, 0)
    assert rows["GK01"].complete and not rows["GK04"].complete
    assert (rows["GK04"].scored, rows["GK04"].missing) == (5, 11)
    assert (rows["GK05"].returned, rows["GK05"].missing) == (False, 16)
    results = compute_results(orgdir)
    assert any(e.discrepancy for e in results.entries)  # GK03 is harsh


def test_the_saved_first_collect_shows_every_kind_the_demo_has() -> None:
    rows = demo_report(DEMO / REPORT)
    kinds = {Path(r.file).name: explain(r).kind for r in rows}
    assert kinds["e2-2022-GK02-r2.e2sheet"] is Kind.NEWER
    assert kinds["e2-2022-GK01-r1.e2sheet"] is Kind.ACCEPTED
    assert [name for name, kind in kinds.items() if kind is Kind.FORGED] == ["e2-2022-GK04-r1-sua.e2sheet"]


def test_collecting_the_usb_again_changes_nothing(demo: tuple[Path, Path]) -> None:
    orgdir, usb = demo
    info = workspace_info(orgdir)
    assert info.current is not None
    before = judge_progress(orgdir, info.current.id)
    report = collect_sheets(orgdir, [usb], DEMO_PASSPHRASE)
    kinds = {Path(r.file).name: explain(r) for r in report.rows}
    assert kinds["e2-2022-GK02-r1.e2sheet"].kind is Kind.OLDER
    assert kinds["e2-2022-GK01-r1.e2sheet"].kind is Kind.DUPLICATE
    assert kinds["e2-2022-GK04-r1-sua.e2sheet"].kind is Kind.FORGED
    assert not any(e.merged for e in kinds.values())
    assert judge_progress(orgdir, info.current.id) == before


def test_a_file_that_is_not_a_sheet_is_unreadable_and_named(demo: tuple[Path, Path], tmp_path: Path) -> None:
    orgdir, _usb = demo
    junk = tmp_path / "anh-chup.e2sheet"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n not a sheet")
    (row,) = collect_sheets(orgdir, [junk], DEMO_PASSPHRASE).rows
    shown = explain(row)
    assert shown.kind is Kind.UNREADABLE and row.file == str(junk)
