"""The entry list model: Qt's model checks, Vietnamese sort order, filtering through the services."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from e2judge.core.contest import EntrySpec
from e2judge.services.judge.entries import Status, list_entries
from e2judge.ui.entry_model import Column, EntryTableModel, Filter
from tests.helpers.batches import imported_profile

TITLES = (
    "Zebra học tập",
    "Đổi mới dạy học",
    "Dương cầm",
    "Gia đình",
    "Ăn uống lành mạnh",
    "An toàn giao thông",
)


def specs() -> list[EntrySpec]:
    return [
        EntrySpec(code=f"E{i:02d}", title=t, category="STEM" if i % 2 else "Ngữ văn", province="Huế")
        for i, t in enumerate(TITLES, 1)
    ]


def loaded_model(tmp_path: Path) -> EntryTableModel:
    _profile, db, ref = imported_profile(tmp_path, entry_specs=specs())
    try:
        rows = list_entries(db, ref)
    finally:
        db.close()
    model = EntryTableModel()
    model.set_rows(rows)
    return model


def titles(model: EntryTableModel) -> list[str]:
    return [model.data(model.index(r, Column.TITLE)) for r in range(model.rowCount())]


def test_qt_model_checks_pass_through_sort_and_filter(qtmodeltester: ModelTester, tmp_path: Path) -> None:
    model = loaded_model(tmp_path)
    qtmodeltester.check(model, force_py=True)
    model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    model.set_filter(Filter(text="hoc"))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2


def test_titles_sort_in_vietnamese_order(tmp_path: Path) -> None:
    model = loaded_model(tmp_path)
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    # Ă after A, Đ right after D (not after Z).
    assert titles(model) == [
        "An toàn giao thông",
        "Ăn uống lành mạnh",
        "Dương cầm",
        "Đổi mới dạy học",
        "Gia đình",
        "Zebra học tập",
    ]
    model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    assert titles(model)[0] == "Zebra học tập"


def test_sort_keeps_persistent_indexes_on_the_same_entry(tmp_path: Path) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    model = loaded_model(tmp_path)
    model.sort(Column.CODE, Qt.SortOrder.AscendingOrder)
    kept = QPersistentModelIndex(model.index(1, Column.TITLE))
    title = kept.data()
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert kept.isValid()
    assert kept.data() == title
    assert kept.row() != 1


def test_filters_ignore_accents_and_case_and_combine(tmp_path: Path) -> None:
    model = loaded_model(tmp_path)
    model.set_filter(Filter(text="doi moi"))
    assert titles(model) == ["Đổi mới dạy học"]
    model.set_filter(Filter(text="DUONG"))
    assert titles(model) == ["Dương cầm"]
    model.set_filter(Filter(category="STEM"))
    assert model.rowCount() == 3
    model.set_filter(Filter(text="hoc", category="Ngữ văn"))
    assert titles(model) == ["Đổi mới dạy học"]
    model.set_filter(Filter(status=Status.COMPLETE))
    assert model.rowCount() == 0
    model.set_filter(Filter())
    assert model.rowCount() == len(TITLES)


def test_display_of_status_and_total_follows_the_row(tmp_path: Path) -> None:
    model = loaded_model(tmp_path)
    row = model.row_at(0)
    assert model.data(model.index(0, Column.TOTAL)) == "—"
    import dataclasses

    model.update_row(dataclasses.replace(row, status=Status.IN_PROGRESS, weighted=2.5))
    assert model.data(model.index(0, Column.TOTAL)) in ("2,5", "2.5")
    assert model.row_at(0).status is Status.IN_PROGRESS
    assert model.distinct(Column.CATEGORY) == ["Ngữ văn", "STEM"]


def test_update_row_keeps_progress_counts_and_signals_one_row(tmp_path: Path) -> None:
    import dataclasses

    from e2judge.services.judge.entries import progress

    model = loaded_model(tmp_path)
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    model.set_filter(Filter(text="hoc"))  # two rows shown out of six
    assert model.progress() == (0, 6)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    shown = model.row_at(1)
    hidden = next(r for r in model.all_rows() if model.position_of(r.assignment_id) is None)
    steps = [
        dataclasses.replace(shown, status=Status.COMPLETE, weighted=4.0),
        dataclasses.replace(hidden, status=Status.CONFLICT),
        dataclasses.replace(hidden, status=Status.COMPLETE),
        dataclasses.replace(shown, status=Status.IN_PROGRESS),
    ]
    for step in steps:
        model.update_row(step)
        # The counters kept from each change agree with a full recount of the rows.
        assert model.progress() == progress(model.all_rows())
    assert model.progress() == (1, 6)
    assert changed == [(1, 1), (1, 1)]  # only the shown row, and only it, was signalled
    assert model.row_by_id(hidden.assignment_id) == steps[2]
    assert model.row_at(1) == steps[3]
    model.set_filter(Filter())
    assert model.rowCount() == model.total_rows() == 6
    assert model.progress() == (1, 6)
