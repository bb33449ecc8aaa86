"""Reading a workbook from outside as plain cell values, refusing anything dangerous first.

A workbook is a zip of XML parts. Before openpyxl sees it, the file is refused when it is too
large, an old ``.xls`` or password-protected file, not a zip, a zip bomb, has encrypted parts, or
has any non-media part holding a DTD or entity declaration (in UTF-8 or UTF-16). Declared sheet
sizes are never trusted. Any error openpyxl raises becomes an ``InputRefused``.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Parts never parsed as XML (images, binaries); every other part is scanned for DTDs.
_MEDIA_SUFFIXES = (
    ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".bin", ".wdp", ".svg"
)  # fmt: skip
_DTD_TOKENS = tuple(
    token.encode(encoding)
    for token in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)

Raw = tuple[object, str]  # (value, openpyxl data_type)


@dataclass
class SheetValues:
    """One sheet's non-empty cells: row -> column -> (value, data_type), both 1-based."""

    title: str
    rows: dict[int, dict[int, Raw]] = field(default_factory=dict)
    truncated_at: int | None = None  # the first row beyond the limit that held anything (not read)

    @property
    def truncated(self) -> bool:
        return self.truncated_at is not None

    def get(self, row: int, column: int) -> Raw:
        return self.rows.get(row, {}).get(column, (None, "n"))


def refuse(path: Path, why: str) -> InputRefused:
    """The refusal for a file that is not a usable workbook."""
    return InputRefused(str(path), _("not an Excel .xlsx workbook: {problem}").format(problem=why))


def describe(exc: BaseException) -> str:
    """A short, one-line description of an exception from a damaged file."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def read_sheets(path: Path, *, max_rows: int, max_columns: int) -> list[SheetValues]:
    """Every sheet in workbook order, as plain values, at most ``max_rows`` × ``max_columns``."""
    data = _read_bytes(path)
    _check_package(path, data)
    found: list[SheetValues] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
            try:
                for ws in wb.worksheets:
                    sheet = SheetValues(ws.title)
                    found.append(sheet)
                    ws.reset_dimensions()  # missing rows come back empty instead of padded to a claimed size
                    for row_no, cells in enumerate(ws.iter_rows(min_row=1, max_col=max_columns), start=1):
                        values: dict[int, Raw] = {
                            column: (cell.value, str(cell.data_type))
                            for column, cell in enumerate(cells, start=1)
                            if cell.value is not None
                        }
                        if not values:
                            continue
                        if row_no > max_rows:
                            sheet.truncated_at = row_no
                            break
                        sheet.rows[row_no] = values
            finally:
                wb.close()
    except InputRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds on damaged content
        raise refuse(path, describe(exc)) from exc
    return found


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputRefused(
            str(path), _("cannot be read: {problem}").format(problem=exc.strerror or exc)
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise refuse(path, _("larger than {size} MiB").format(size=MAX_FILE_BYTES // 2**20))
    return data


def _check_package(path: Path, data: bytes) -> None:
    """Refuse what is not a plain zip package, zip bombs, and parts with a DTD or entities."""
    if data.startswith(_OLE_MAGIC):
        raise refuse(
            path,
            _(
                "this is an old .xls file or a password-protected workbook; "
                "save it as .xlsx (Excel Workbook) without a password"
            ),
        )
    if not data.startswith(_ZIP_MAGIC):
        raise refuse(path, _("the file is not a zip package"))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
                raise refuse(
                    path, _("unpacks to more than {size} MiB").format(size=MAX_UNPACKED_BYTES // 2**20)
                )
            for info in infos:
                if info.flag_bits & 0x1:
                    raise refuse(path, _("part {name} is encrypted").format(name=info.filename))
                if info.filename.lower().endswith(_MEDIA_SUFFIXES):
                    continue
                with archive.open(info) as part:
                    content = part.read(MAX_UNPACKED_BYTES + 1).upper()
                if any(token in content for token in _DTD_TOKENS):
                    raise refuse(
                        path,
                        _(
                            "part {name} holds a DTD or entity declaration, which is refused for safety"
                        ).format(name=info.filename),
                    )
    except InputRefused:
        raise
    except Exception as exc:  # any damage inside the zip
        raise refuse(path, _("damaged zip package ({problem})").format(problem=describe(exc))) from exc
