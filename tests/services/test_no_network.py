"""Nothing the judge does opens a network connection: import, scoring, backup, export and reports."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any, NoReturn

import pytest

from e2judge.db.session import open_judge_db
from e2judge.services.judge import scoring
from e2judge.services.judge.backup import make_backup, restore_backup
from e2judge.services.judge.entries import Status, entry_detail, list_entries
from e2judge.services.judge.rounds import list_rounds
from tests.helpers.batches import imported_profile


class NetworkUsed(AssertionError):
    """Raised by every patched way to connect."""


def _refuse(*args: Any, **kwargs: Any) -> NoReturn:
    raise NetworkUsed(f"network access attempted: {args!r}")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket.socket, "sendto", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)


def test_the_patch_is_effective(offline: None) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkUsed):
        sock.connect(("127.0.0.1", 9))


def test_import_score_backup_restore_offline(offline: None, tmp_path: Path) -> None:
    profile, db, ref = imported_profile(tmp_path, entries=3)
    try:
        rows = list_entries(db, ref)
        aid = rows[0].assignment_id
        for key, points in (("tinh-moi", 3), ("kha-thi", 2), ("trinh-bay", 4.5)):
            scoring.set_points(db, aid, key, points, "offline")
        scoring.set_overall_comment(db, aid, "Ngoại tuyến", "offline")
        assert list_entries(db, ref)[0].status is Status.COMPLETE
        detail = entry_detail(db, profile, ref, aid)
        assert detail.attachments[0].path.is_file()
        backup = make_backup(profile)
        scoring.set_points(db, aid, "tinh-moi", 1, "offline")
    finally:
        db.close()
    restore_backup(profile, backup)
    with open_judge_db(profile.database) as reopened:
        (ref2,) = list_rounds(reopened)
        assert entry_detail(reopened, profile, ref2, aid).points["tinh-moi"] == 3.0


def test_export_sheet_reports_and_workbooks_offline(offline: None, tmp_path: Path) -> None:
    from e2judge.formats.sheet import read_sheet_file
    from e2judge.services.judge.judge_key import ensure_judge_key
    from e2judge.services.judge.reports import write_entry_reports, write_judge_workbook
    from e2judge.services.judge.sheet_export import export_sheet
    from e2judge.services.judge.worksheet import export_worksheet

    profile, db, ref = imported_profile(tmp_path, entries=2)
    try:
        aid = list_entries(db, ref)[0].assignment_id
        scoring.set_points(db, aid, "tinh-moi", 3, "offline")
        ensure_judge_key(profile, "mật khẩu ngoại tuyến", "GK01", n=2**14)
        usb = tmp_path / "usb"
        usb.mkdir()
        result = export_sheet(db, profile, ref, usb, "mật khẩu ngoại tuyến", seal=False)
        assert read_sheet_file(result.path)
        assert write_entry_reports(db, profile, ref, tmp_path / "report.pdf") >= 2
        write_judge_workbook(db, ref, tmp_path / "scores.xlsx")
        export_worksheet(db, ref, tmp_path / "worksheet.xlsx")
    finally:
        db.close()
    assert (tmp_path / "scores.xlsx").is_file() and (tmp_path / "worksheet.xlsx").is_file()
