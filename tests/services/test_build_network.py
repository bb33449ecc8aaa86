"""``org build`` warns when the judge–entry network falls into groups that share no entry."""

from __future__ import annotations

from pathlib import Path

from e2judge.services.org.build import build_batches, network_warnings
from e2judge.services.org.workspace import init_workspace
from tests.helpers.sheet_world import DEMO, ORG_PASSPHRASE


def test_one_judge_per_entry_splits_the_network_and_two_join_it(tmp_path: Path) -> None:
    orgdir = tmp_path / "org"
    init_workspace(orgdir, ORG_PASSPHRASE, "Ban tổ chức")
    build = lambda n, out: build_batches(  # noqa: E731
        orgdir, DEMO / "workbook.xlsx", tmp_path / out, ORG_PASSPHRASE,
        attachments=DEMO / "attachments", judges_per_entry=n,
    )
    split = build(1, "one")
    judges = len(split.loads)
    assert len(split.warnings) == 1
    assert f"{judges} groups that share no entry" in split.warnings[0]
    joined = build(2, "two")
    assert joined.warnings == []


def test_network_warning_lists_each_group() -> None:
    plan = {"GK1": ["E1", "E2"], "GK2": ["E2"], "GK3": ["E3"], "GK4": []}
    (warning,) = network_warnings(plan)
    assert "2 groups" in warning
    assert "judges GK1, GK2 (2 entries)" in warning and "judges GK3 (1 entries)" in warning
    assert network_warnings({"GK1": ["E1"], "GK2": ["E1"]}) == []
