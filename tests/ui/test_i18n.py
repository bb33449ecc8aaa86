"""The Vietnamese catalogue is complete and consistent; .qm files build; numbers follow the locale."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator

from e2judge.paths import resource
from e2judge.ui import i18n_build
from e2judge.ui.i18n import TsTranslator, fmt_number, locale_for, read_ts, ts_file

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
SOURCES = [
    Path(i18n_build.__file__).resolve().parents[1] / "app.py",
    *sorted((Path(i18n_build.__file__).resolve().parent).rglob("*.py")),
]


def all_messages(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    import defusedxml.ElementTree as SafeET

    found = []
    for context in SafeET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            node = message.find("translation")
            found.append(
                (
                    context.findtext("name") or "",
                    message.findtext("source") or "",
                    None if node is None else node.text,
                    None if node is None else node.get("type"),
                )
            )
    return found


def test_every_vietnamese_message_is_translated_with_the_same_placeholders() -> None:
    messages = all_messages(ts_file("vi"))
    assert len(messages) > 150
    for context, source, translation, kind in messages:
        assert kind is None, (context, source, kind)
        assert translation, (context, source)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), source
        assert source.count("\n") == translation.count("\n"), source


def test_catalogue_matches_the_sources(tmp_path: Path) -> None:
    """Every translatable string in the code has an entry (run lupdate, compare the sets)."""
    try:
        lrelease = i18n_build.find_lrelease()
    except FileNotFoundError:
        pytest.skip("PySide6 ships no Linguist tools here")
    lupdate = lrelease.with_name(lrelease.name.replace("lrelease", "lupdate"))
    if not lupdate.is_file():
        pytest.skip("no lupdate next to lrelease")
    extracted = tmp_path / "e2judge_extracted.ts"
    subprocess.run(
        [str(lupdate), *map(str, SOURCES), "-ts", str(extracted), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    in_code = {(c, s) for c, s, _t, _k in all_messages(extracted)}
    in_catalogue = {(c, s) for c, s, _t, _k in all_messages(ts_file("vi"))}
    assert in_code - in_catalogue == set()
    assert in_catalogue - in_code == set()


def test_build_writes_a_qm_that_translates(tmp_path: Path) -> None:
    written = i18n_build.build(out_dir=tmp_path)
    assert [p.name for p in written] == ["e2judge_vi.qm"]
    translator = QTranslator()
    assert translator.load(str(written[0]))
    assert translator.translate("MainWindow", "&File") == "&Tệp"
    assert translator.translate("StandardButton", "Cancel") == "Huỷ"


def test_ts_fallback_translator_reads_the_source_catalogue() -> None:
    messages = read_ts(resource("i18n", "e2judge_vi.ts"))
    translator = TsTranslator(messages)
    assert translator.translate("StatusPanel", "Saved at {time}") == "Đã lưu lúc {time}"
    assert translator.translate("Nowhere", "Unknown") == ""


def test_numbers_are_formatted_for_the_locale() -> None:
    assert fmt_number(2.5, locale_for("vi")) == "2,5"
    assert fmt_number(2.5, locale_for("en")) == "2.5"
    assert fmt_number(10.0, locale_for("vi")) == "10"
    assert fmt_number(0.1 + 0.2, locale_for("vi")) == "0,3"
    assert fmt_number(1234.5, locale_for("vi")) == "1234,5"
    assert locale_for("vi").language() == QLocale.Language.Vietnamese


def test_a_missing_qm_is_compiled_from_the_ts_with_lrelease(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from e2judge.ui import i18n

    monkeypatch.setattr(i18n, "qm_file", lambda lang: tmp_path / f"missing_{lang}.qm")
    translator = i18n.load_translator("vi")
    assert isinstance(translator, QTranslator) and not isinstance(translator, TsTranslator)
    assert translator.translate("MainWindow", "&File") not in ("", "&File")
