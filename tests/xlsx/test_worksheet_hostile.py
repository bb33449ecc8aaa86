"""Issue 9 item 10: a deeply nested worksheet layout is refused in one line (no RecursionError)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from e2judge.core.errors import InputRefused
from e2judge.services.judge.worksheet import export_worksheet, import_worksheet
from e2judge.xlsx.worksheet import META_SHEET
from tests.helpers.batches import imported_profile


def test_deeply_nested_layout_is_refused_in_one_line(tmp_path: Path) -> None:
    _profile, db, ref = imported_profile(tmp_path)
    try:
        out = tmp_path / "ws.xlsx"
        export_worksheet(db, ref, out)
        wb = openpyxl.load_workbook(out)
        meta = wb[META_SHEET]
        (cell,) = [row[1] for row in meta.iter_rows() if row[0].value == "layout"]
        cell.value = "[" * 16_000 + "]" * 16_000
        wb.save(tmp_path / "nested.xlsx")
        with pytest.raises(InputRefused) as refused:
            import_worksheet(db, ref, tmp_path / "nested.xlsx", actor="worksheet:test")
        assert "\n" not in refused.value.reason
    finally:
        db.close()
