"""Vietnamese by default; English takes effect at once from Settings → Language, and is remembered."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from e2judge.ui.entry_model import Column
from tests.ui.conftest import WindowFactory


def test_switching_language_changes_visible_texts_at_once(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(lang="vi")
    view = window.view
    assert window.file_menu.title() == "&Tệp"
    assert window.status.progress_label.text() == "0 / 5 đã chấm xong"
    assert view.filter_bar.search.placeholderText().startswith("Tìm mã")
    assert window.model.headerData(Column.TITLE, Qt.Orientation.Horizontal) == "Tên bài"
    assert window.view.form.blocks[0].radios[0].text() == "[1] 0 điểm"
    assert window.export_sheet_action.toolTip() == "Ký điểm của bạn và lưu thành tệp gửi ban tổ chức"

    window.language_actions["en"].trigger()
    assert window.file_menu.title() == "&File"
    assert window.status.progress_label.text() == "0 / 5 complete"
    assert view.filter_bar.search.placeholderText().startswith("Search code")
    assert view.filter_bar.status.itemText(1) == "Not started"
    assert window.model.headerData(Column.TITLE, Qt.Orientation.Horizontal) == "Title"
    assert window.view.form.blocks[0].radios[0].text() == "[1] 0 pt"
    assert window.view.form.blocks[0].badge.text() == "— not scored"
    assert window.export_sheet_action.toolTip() == "Sign your scores and save them for the organizer"
    assert window.language_actions["en"].isChecked() and not window.language_actions["vi"].isChecked()
    saved = json.loads((window.ctx.profile.root / "ui-settings.json").read_text("utf-8"))
    assert saved["language"] == "en"

    window.language_actions["vi"].trigger()
    assert window.file_menu.title() == "&Tệp"
    assert window.view.details.links_header.text() == "Liên kết"


def test_numbers_use_the_locale_decimal_separator(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(lang="vi")
    block = window.view.form.blocks[2]
    assert "bước 0,5" in block.range_label.text()
    window.language_actions["en"].trigger()
    assert "step 0.5" in block.range_label.text()
    assert block.spin is not None and block.spin.locale().decimalPoint() == "."
