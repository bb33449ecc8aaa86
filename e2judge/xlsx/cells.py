"""Safe cell values: text is always stored as text, never as a formula; read values become clean text.

Every workbook the project writes goes through ``set_text`` / ``set_value`` / ``write_row``.

What ``set_text`` stores, exactly:

* the cell's type is forced to text (``"s"``), so ``=HYPERLINK(..)``, ``+1``, ``-x``, ``@x``, ``#N/A``
  and tab- or CR-leading text stay literal text and no ``<f>`` element is ever written;
* characters XML 1.0 cannot hold are removed (C0 controls other than tab/LF/CR, lone surrogates,
  U+FFFE, U+FFFF); CR LF and lone CR become LF (XML would turn a raw CR into LF anyway);
* text that looks like an OOXML escape (``_x0041_``) gets its ``_`` escaped as ``_x005F_`` so Excel
  shows it literally; ``cell_text`` undoes this when reading;
* text longer than Excel's 32,767-character cell limit (UTF-16 units) is cut to it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from decimal import Decimal
from enum import Enum

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from e2judge.core.text import clean_line, clean_text

EXCEL_MAX_CELL_CHARS = 32767

# Characters XML 1.0 cannot carry: C0 controls except tab/LF/CR, surrogates, U+FFFE and U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# An OOXML escape sequence (ST_Xstring): Excel decodes "_xHHHH_" in cell text.
_OOXML_ESCAPE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
_OOXML_DECODE = re.compile("_x([0-9A-Fa-f]{4})_")


def xml_safe_text(value: str) -> str:
    """``value`` as set_text stores it: XML-illegal characters gone, CR/CRLF -> LF, cut to Excel's limit."""
    text = _XML_ILLEGAL.sub("", str.__str__(value))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _cut_utf16(text, EXCEL_MAX_CELL_CHARS)


def _cut_utf16(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-16 code units without splitting a character."""
    if len(text) * 2 <= limit:
        return text
    units = 0
    for index, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return text[:index]
    return text


def set_text(cell: Cell, value: str) -> None:
    """Store ``value`` as literal text (never a formula, number or error); see the module notes."""
    text = _OOXML_ESCAPE.sub("_x005F_", xml_safe_text(value))
    # The escape may lengthen the text; cut again so openpyxl's own cut never splits an escape.
    text = _cut_utf16(text, EXCEL_MAX_CELL_CHARS)
    cell.value = text
    cell.data_type = "s"  # after the value: openpyxl infers "f" for "=..." and "e" for "#N/A"


def set_value(cell: Cell, value: object) -> None:
    """Numbers, booleans, dates and None as they are; text (and anything else) through ``set_text``."""
    if isinstance(value, Enum):
        value = value.value
    if value is None or isinstance(value, bool | int | float | Decimal | dt.date | dt.time | dt.timedelta):
        cell.value = value
        return
    set_text(cell, value if isinstance(value, str) else str(value))


def cell_at(ws: Worksheet, row: int, column: int) -> Cell:
    """The writable cell at ``row``/``column`` (1-based); TypeError inside a merged range."""
    cell = ws.cell(row=row, column=column)
    if not isinstance(cell, Cell):
        raise TypeError(f"{ws.title}!{cell.coordinate} lies inside a merged range and cannot be written")
    return cell


def write_row(ws: Worksheet, row: int, values: Sequence[object]) -> None:
    """Write ``values`` into ``row`` from column A on, each through ``set_value``."""
    for column, value in enumerate(values, start=1):
        set_value(cell_at(ws, row, column), value)


def decode_ooxml(text: str) -> str:
    """Undo OOXML ``_xHHHH_`` escapes for ``_`` and control characters (as Excel writes CR: ``_x000D_``)."""
    if "_x" not in text:
        return text

    def _sub(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return chr(code) if code < 0x20 or code == 0x5F else match.group(0)

    return _OOXML_DECODE.sub(_sub, text)


def raw_text(value: object) -> str:
    """A read cell value as text before cleaning: None -> "", 3.0 -> "3", dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, str):
        return decode_ooxml(value)
    return str(value)


def cell_text(value: object) -> str:
    """A read cell value as clean text (NFC, no bidi or control characters, stripped)."""
    return clean_text(raw_text(value))


_NUMBER_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def cell_number(value: object) -> float | None:
    """A finite number from a numeric cell or text such as '2.5' or '2,5'; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = "".join(clean_line(value).split())
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        if not _NUMBER_RE.fullmatch(text):
            return None
        number = float(text)
    else:
        return None
    return number + 0.0 if math.isfinite(number) else None  # + 0.0 turns -0.0 into 0.0
