"""The gettext catalogue covers every message of the core and services, with the same placeholders.

Every ``_("...")`` and ``ngettext("...", "...", n)`` call in ``e2judge/`` (except ``e2judge/ui``,
which uses Qt's ``tr``) is found with ``ast``; each must have a finished Vietnamese translation in
``resources/i18n/vi/LC_MESSAGES/e2judge.po`` holding the same ``{placeholders}``. So a message a
judge can see cannot be added without its translation.
"""

from __future__ import annotations

import ast
import re
import string
from dataclasses import dataclass
from pathlib import Path

import pytest

from e2judge.core.i18n import po_file
from e2judge.core.po import Message, read_po

PACKAGE = Path(__file__).resolve().parents[2] / "e2judge"
EXCLUDED = ("ui",)
CALLS = {"_": 1, "ngettext": 2}  # function name -> number of literal message arguments


@dataclass(frozen=True)
class Found:
    """One message in the source: (singular, plural or None), where it is."""

    msgid: str
    plural: str | None
    where: str


def source_files() -> list[Path]:
    return sorted(
        path for path in PACKAGE.rglob("*.py") if path.relative_to(PACKAGE).parts[0] not in EXCLUDED
    )


def extract(path: Path) -> tuple[list[Found], list[str]]:
    """The messages of one file, and the calls whose message is not a plain string literal."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    found: list[Found] = []
    bad: list[str] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CALLS):
            continue
        where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
        count = CALLS[node.func.id]
        args = node.args[:count]
        if len(args) < count or not all(
            isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
        ):
            bad.append(where)
            continue
        texts = [a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        found.append(Found(texts[0], texts[1] if count == 2 else None, where))
    return found, bad


def all_messages() -> tuple[list[Found], list[str]]:
    found: list[Found] = []
    bad: list[str] = []
    for path in source_files():
        more, wrong = extract(path)
        found += more
        bad += wrong
    return found, bad


def placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def catalogue() -> dict[str, Message]:
    path = po_file("vi")
    return {m.msgid: m for m in read_po(path.read_text("utf-8"), str(path)) if m.msgid}


def test_the_scan_finds_the_messages() -> None:
    found, _bad = all_messages()
    ids = {f.msgid for f in found}
    assert len(ids) > 150
    assert "bad signature: the manifest was changed or not signed by its key" in ids
    assert "{value} is above the maximum {maximum}" in ids


def test_every_message_is_a_plain_literal() -> None:
    """``_(f"...")`` or ``_(variable)`` could never be in the catalogue."""
    _found, bad = all_messages()
    assert bad == []


def test_every_message_has_a_vietnamese_translation_with_the_same_placeholders() -> None:
    po = catalogue()
    missing: list[str] = []
    wrong: list[str] = []
    for f in all_messages()[0]:
        entry = po.get(f.msgid)
        if entry is None or not entry.translated or entry.msgid_plural != f.plural:
            missing.append(f"{f.where}: {f.msgid!r}")
            continue
        expected = placeholders(f.msgid) | placeholders(f.plural or "")
        for form in entry.msgstr:
            if placeholders(form) != expected:
                wrong.append(f"{f.where}: {f.msgid!r} -> {form!r}")
    assert missing == [], "untranslated (add them to the .po):\n" + "\n".join(missing)
    assert wrong == [], "placeholders differ:\n" + "\n".join(wrong)


def test_the_catalogue_holds_no_stale_messages() -> None:
    used = {f.msgid for f in all_messages()[0]}
    stale = sorted(set(catalogue()) - used)
    assert stale == []


def test_the_catalogue_header_is_utf8_with_one_plural_form() -> None:
    header = next(m for m in read_po(po_file("vi").read_text("utf-8")) if m.msgid == "")
    assert "charset=UTF-8" in header.msgstr[0]
    assert re.search(r"Plural-Forms: nplurals=1; plural=0;", header.msgstr[0])
    assert "Language: vi" in header.msgstr[0]


@pytest.mark.parametrize("lang", ["vi"])
def test_each_translation_is_one_form_per_plural(lang: str) -> None:
    for entry in read_po(po_file(lang).read_text("utf-8")):
        if entry.msgid_plural is not None:
            assert len(entry.msgstr) == 1, entry.msgid
