"""The core's message language: gettext catalogues built without extra tools, numbers per language."""

from __future__ import annotations

import gettext
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from e2judge.core import i18n
from e2judge.core.i18n import _, current_language, ngettext, number, numbers, set_language
from e2judge.core.po import MO_MAGIC, PoError, mo_bytes, read_po
from e2judge.i18n_build import compile_all, compile_po

SAMPLE = r"""# a comment
msgid ""
msgstr ""
"Language: vi\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=1; plural=0;\n"

#: somewhere.py
msgid "{value} is above the maximum {maximum}"
msgstr "{value} vượt quá điểm tối đa {maximum}"

msgid ""
"a long "
"message with \"quotes\"\n"
"and a new line"
msgstr "một thông báo dài có \"ngoặc kép\"\nvà xuống dòng"

#, fuzzy
msgid "not sure yet"
msgstr "chưa chắc"

msgid "not translated"
msgstr ""

msgid "{count} file"
msgid_plural "{count} files"
msgstr[0] "{count} tệp"

msgctxt "menu"
msgid "Open"
msgstr "Mở"
"""


def catalog(data: bytes) -> gettext.GNUTranslations:
    import io

    return gettext.GNUTranslations(io.BytesIO(data))


def test_english_by_default_and_unknown_languages_mean_english() -> None:
    assert current_language() == "en"
    assert _("{value} is above the maximum {maximum}") == "{value} is above the maximum {maximum}"
    set_language("fr")
    assert current_language() == "en"


def test_vietnamese_messages_and_numbers() -> None:
    set_language("vi")
    assert current_language() == "vi"
    message = _("{value} is above the maximum {maximum}").format(value=number(2.5), maximum=number(2))
    assert message == "2,5 vượt quá điểm tối đa 2"
    assert ngettext("{count} conflict", "{count} conflicts", 1) == "{count} ô bị sửa ở cả hai nơi"
    assert ngettext("{count} conflict", "{count} conflicts", 7) == "{count} ô bị sửa ở cả hai nơi"
    assert numbers([0, 0.5, 1]) == "0; 0,5; 1"
    set_language("en")
    assert _("{value} is above the maximum {maximum}") == "{value} is above the maximum {maximum}"
    assert ngettext("{count} conflict", "{count} conflicts", 7) == "{count} conflicts"
    assert numbers([0, 0.5, 1]) == "0, 0.5, 1"


@pytest.mark.parametrize(
    ("value", "en", "vi"),
    [(2.5, "2.5", "2,5"), (3, "3", "3"), (3.0, "3", "3"), (0.25, "0.25", "0,25"), (-0.0, "0", "0"),
     (-1.5, "-1.5", "-1,5"), (1e-9, "0", "0"), (1234.5, "1234.5", "1234,5")],
)  # fmt: skip
def test_number(value: float, en: str, vi: str) -> None:
    assert number(value) == en
    set_language("vi")
    assert number(value) == vi


def test_the_po_parser_reads_every_kind_of_entry() -> None:
    messages = read_po(SAMPLE, "sample.po")
    by_id = {(m.context, m.msgid): m for m in messages}
    assert by_id[(None, "")].msgstr[0].startswith("Language: vi\n")
    long = by_id[(None, 'a long message with "quotes"\nand a new line')]
    assert long.msgstr == ['một thông báo dài có "ngoặc kép"\nvà xuống dòng']
    assert by_id[(None, "not sure yet")].fuzzy and not by_id[(None, "not sure yet")].translated
    assert not by_id[(None, "not translated")].translated
    plural = by_id[(None, "{count} file")]
    assert plural.msgid_plural == "{count} files" and plural.msgstr == ["{count} tệp"]
    assert by_id[("menu", "Open")].msgstr == ["Mở"]
    assert by_id[(None, "{value} is above the maximum {maximum}")].line == 9


def test_the_mo_holds_the_finished_messages_only() -> None:
    data = mo_bytes(read_po(SAMPLE))
    assert int.from_bytes(data[:4], "little") == MO_MAGIC
    cat = catalog(data)
    assert cat.gettext("{value} is above the maximum {maximum}") == "{value} vượt quá điểm tối đa {maximum}"
    assert cat.gettext('a long message with "quotes"\nand a new line').endswith("và xuống dòng")
    assert cat.gettext("not sure yet") == "not sure yet"  # fuzzy: left out, as msgfmt does
    assert cat.gettext("not translated") == "not translated"
    assert cat.ngettext("{count} file", "{count} files", 3) == "{count} tệp"
    assert cat.pgettext("menu", "Open") == "Mở"
    assert cat.info()["language"] == "vi"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', "given twice"),
        ('"orphan"\n', "outside any entry"),
        ('msgid "a"\nmsgstrx "b"\n', "unknown keyword"),
        ('msgid a\nmsgstr "b"\n', "quoted string"),
        ('msgid "a\nmsgstr "b"\n', "quoted string"),
        ('msgstr "b"\n', "without msgid"),
        ('msgid "a"\nmsgstr[x] "b"\n', "plural index"),
    ],
)
def test_a_broken_po_names_its_line(text: str, problem: str) -> None:
    with pytest.raises(PoError, match=problem) as refused:
        read_po(text, "broken.po")
    assert "broken.po:" in str(refused.value)


def test_the_shipped_catalogue_matches_gnu_msgfmt(tmp_path: Path) -> None:
    """Our compiler and GNU msgfmt give the same catalogue (where msgfmt is installed)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext's msgfmt is not installed")
    ours = compile_po(i18n.po_file("vi"), tmp_path / "ours.mo")
    theirs = tmp_path / "theirs.mo"
    subprocess.run([msgfmt, "--check-format", "-o", str(theirs), str(i18n.po_file("vi"))], check=True)
    a, b = catalog(ours.read_bytes()), catalog(theirs.read_bytes())
    assert a.info() == b.info()
    messages = [m for m in read_po(i18n.po_file("vi").read_text("utf-8")) if m.msgid]
    assert len(messages) > 150
    for m in messages:
        if m.msgid_plural is None:
            assert a.gettext(m.msgid) == b.gettext(m.msgid) == m.msgstr[0]
        else:
            for n in (1, 2):
                assert a.ngettext(m.msgid, m.msgid_plural, n) == b.ngettext(m.msgid, m.msgid_plural, n)


def _locale_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "i18n" / "vi" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copyfile(i18n.po_file("vi"), folder / "e2judge.po")
    return tmp_path / "i18n"


def test_without_a_built_mo_the_po_is_read(tmp_path: Path) -> None:
    root = _locale_copy(tmp_path)
    cat = i18n.load_catalog("vi", root)
    assert cat.gettext("file not found") == "không tìm thấy tệp"
    assert not list(root.rglob("*.mo"))  # compiled in memory, nothing written


def test_a_built_mo_is_preferred_unless_the_po_is_newer(tmp_path: Path) -> None:
    root = _locale_copy(tmp_path)
    po = root / "vi" / "LC_MESSAGES" / "e2judge.po"
    built = compile_all(root)
    assert built == [po.with_suffix(".mo")]
    po.write_text(po.read_text("utf-8").replace("không tìm thấy tệp", "ĐÃ SỬA"), "utf-8")
    os.utime(po, (1_000_000, 1_000_000))  # older than the .mo: the .mo is read
    assert i18n.load_catalog("vi", root).gettext("file not found") == "không tìm thấy tệp"
    os.utime(po, (4_000_000_000, 4_000_000_000))  # edited (or pulled) after the build: the .po wins
    assert i18n.load_catalog("vi", root).gettext("file not found") == "ĐÃ SỬA"
    compile_all(root)
    os.utime(po, (1_000_000, 1_000_000))
    assert i18n.load_catalog("vi", root).gettext("file not found") == "ĐÃ SỬA"


def test_no_catalogue_at_all_means_english(tmp_path: Path) -> None:
    cat = i18n.load_catalog("vi", tmp_path)
    assert cat.gettext("file not found") == "file not found"
    assert i18n.load_catalog("en").gettext("file not found") == "file not found"
