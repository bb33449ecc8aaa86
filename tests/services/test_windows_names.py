"""Windows device names (CON, nul.pdf, COM1 …) are refused at org build and at import, nothing written."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from e2judge.core.errors import InputRefused
from e2judge.db.session import open_judge_db
from e2judge.formats.batch import write_batch
from e2judge.paths import Profile
from e2judge.services.judge.import_batch import import_batch
from tests.helpers.signed import ATT_SHA, ATTACHMENT
from tests.xlsx.test_org_workbook import (
    GOOD_CONTEST,
    GOOD_CRITERIA,
    GOOD_ENTRIES,
    GOOD_JUDGES,
    fill_template,
    has_problem,
    problems_of,
)


def _signed(tmp_path: Path, key: Ed25519PrivateKey, manifest: dict[str, Any]) -> Path:
    source = tmp_path / "att.bin"
    source.write_bytes(ATTACHMENT)
    out = tmp_path / "b.e2batch"
    write_batch(out, manifest, {ATT_SHA: source}, key)
    return out


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("attachment", "CON.pdf"),
        ("attachment", "nul"),
        ("attachment", "Com1 .mp4"),
        ("code", "LPT9"),
        ("judge", "aux"),
    ],
)
def test_import_refuses_device_names(
    tmp_path: Path,
    org_key: Ed25519PrivateKey,
    manifest_for: Callable[..., dict[str, Any]],
    where: str,
    value: str,
) -> None:
    manifest = manifest_for()
    if where == "attachment":
        manifest["entries"][0]["attachments"][0]["name"] = value
    elif where == "code":
        manifest["entries"][1]["code"] = value
    else:
        manifest["judge"]["id"] = value
    batch = _signed(tmp_path, org_key, manifest)
    profile = Profile(tmp_path / "profile").ensure()
    with open_judge_db(profile.database) as db:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        before = hashlib.sha256(profile.database.read_bytes()).hexdigest()
        with pytest.raises(InputRefused) as caught:
            import_batch(db, profile, batch)
        assert repr(value) in caught.value.reason and "devices" in caught.value.reason
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        assert hashlib.sha256(profile.database.read_bytes()).hexdigest() == before
    assert [p for p in profile.attachments.rglob("*") if p.is_file()] == []


def test_org_workbook_refuses_device_names_all_at_once(tmp_path: Path) -> None:
    path = tmp_path / "danh-sach.xlsx"
    entries = [
        {**GOOD_ENTRIES[0], "code": "CON", "attachments": "nul.pdf; ok.pdf; COM3.docx"},
        {"code": "B002", "title": "Bài hai"},
    ]
    judges = [{**GOOD_JUDGES[0], "judge_id": "prn"}]
    fill_template(path, {**GOOD_CONTEST, "contest_id": "AUX"}, entries, judges, GOOD_CRITERIA).save(path)
    problems = problems_of(path)
    for value in ("AUX", "CON", "nul.pdf", "COM3.docx", "prn"):
        assert any(f"'{value}'" in p.message and "device" in p.message for p in problems), (value, problems)
    assert not any("'ok.pdf'" in p.message for p in problems)
    assert has_problem(problems, "Contest!B2", "AUX")
