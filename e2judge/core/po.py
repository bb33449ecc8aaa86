"""Gettext catalogues without extra tools: read a ``.po`` file, write the ``.mo`` that ``gettext`` reads.

``python -m e2judge.i18n_build`` (the Makefile's ``translations`` target) writes the ``.mo`` files
with this code; ``core.i18n`` compiles a catalogue in memory when the ``.mo`` was not built (a
source checkout). This module only reads and encodes: it writes no file.
Like GNU ``msgfmt``, fuzzy and untranslated messages are left out, so they read as English.
"""

from __future__ import annotations

import ast
import re
import struct
from dataclasses import dataclass, field

MO_MAGIC = 0x950412DE
_HEADER = struct.Struct("<7I")
_KEYWORDS = ("msgctxt", "msgid_plural", "msgid", "msgstr")
_PLURAL_INDEX = re.compile(r"msgstr\[[0-9]\]")


class PoError(ValueError):
    """A ``.po`` file that cannot be read (the message names the line)."""


@dataclass
class Message:
    """One catalogue entry."""

    msgid: str
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)  # one form, or one per plural form
    context: str | None = None
    fuzzy: bool = False
    line: int = 0

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr) and not self.fuzzy


def _unquote(text: str, where: str) -> str:
    text = text.strip()
    if len(text) < 2 or not (text.startswith('"') and text.endswith('"')):
        raise PoError(f"{where}: expected a quoted string")
    try:
        value = ast.literal_eval(text)
    except (SyntaxError, ValueError):
        raise PoError(f"{where}: bad string {text[:40]}") from None
    if not isinstance(value, str):
        raise PoError(f"{where}: expected a quoted string")
    return value


def _has_msgstr(fields: dict[str, str]) -> bool:
    return any(k.startswith("msgstr") for k in fields)


def read_po(text: str, name: str = "<po>") -> list[Message]:
    """Every entry of a ``.po`` file (the header, msgid "", included)."""
    messages: list[Message] = []
    fields: dict[str, str] = {}
    current: str | None = None
    fuzzy = False
    start = 0

    def finish() -> None:
        nonlocal fields, current, fuzzy
        if "msgid" in fields:
            plural = sorted((k for k in fields if k.startswith("msgstr[")), key=lambda k: int(k[7:-1]))
            forms = [fields[k] for k in plural] if plural else [fields.get("msgstr", "")]
            messages.append(
                Message(
                    fields["msgid"],
                    fields.get("msgid_plural"),
                    forms,
                    fields.get("msgctxt"),
                    fuzzy,
                    start,
                )
            )
        elif fields:
            raise PoError(f"{name}:{start}: an entry without msgid")
        fields, current, fuzzy = {}, None, False

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        where = f"{name}:{number}"
        if not line:
            continue
        if line.startswith("#"):
            if _has_msgstr(fields):
                finish()
            if line.startswith("#,") and "fuzzy" in (flag.strip() for flag in line[2:].split(",")):
                fuzzy = True
            continue
        if line.startswith('"'):
            if current is None:
                raise PoError(f"{where}: a string outside any entry")
            fields[current] += _unquote(line, where)
            continue
        keyword, _space, rest = line.partition(" ")
        base = keyword.split("[", 1)[0]
        if base not in _KEYWORDS:
            raise PoError(f"{where}: unknown keyword {keyword[:20]!r}")
        if base in ("msgctxt", "msgid") and _has_msgstr(fields):
            finish()
        if not fields:
            start = number
        if keyword in fields:
            raise PoError(f"{where}: {keyword} given twice in one entry")
        if base == "msgstr" and keyword != "msgstr" and not _PLURAL_INDEX.fullmatch(keyword):
            raise PoError(f"{where}: bad plural index {keyword!r}")
        fields[keyword] = _unquote(rest, where)
        current = keyword
    finish()
    return messages


def mo_bytes(messages: list[Message]) -> bytes:
    """The GNU ``.mo`` file for ``messages`` (translated, non-fuzzy ones and the header)."""
    table: dict[bytes, bytes] = {}
    for m in messages:
        if not (m.translated or (m.msgid == "" and m.msgstr and m.msgstr[0])):
            continue
        key = m.msgid if m.msgid_plural is None else f"{m.msgid}\0{m.msgid_plural}"
        if m.context is not None:
            key = f"{m.context}\x04{key}"
        table[key.encode("utf-8")] = "\0".join(m.msgstr).encode("utf-8")
    keys = sorted(table)
    ids = b"".join(k + b"\0" for k in keys)
    strs = b"".join(table[k] + b"\0" for k in keys)
    count = len(keys)
    ids_start = _HEADER.size + 16 * count
    strs_start = ids_start + len(ids)
    offsets: list[int] = []
    position = 0
    for k in keys:
        offsets += [len(k), ids_start + position]
        position += len(k) + 1
    position = 0
    for k in keys:
        offsets += [len(table[k]), strs_start + position]
        position += len(table[k]) + 1
    header = _HEADER.pack(MO_MAGIC, 0, count, _HEADER.size, _HEADER.size + 8 * count, 0, 0)
    return header + struct.pack(f"<{len(offsets)}I", *offsets) + ids + strs
