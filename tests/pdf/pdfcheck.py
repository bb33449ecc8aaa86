"""Reading PDFs back for the report tests: text per page (NFC) and every font's embedding."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

BUILT_IN = re.compile(rb"Helvetica|Times|Courier|Symbol|ZapfDingbats")


def page_texts(path: Path) -> list[str]:
    """The text of each page, NFC-normalised."""
    return [unicodedata.normalize("NFC", page.extract_text() or "") for page in PdfReader(path).pages]


def squeeze(text: str) -> str:
    """``text`` without any white space (line wrapping differs between layout and extraction)."""
    return "".join(unicodedata.normalize("NFC", text).split())


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _fonts(resources: Any, seen: set[int], out: list[DictionaryObject]) -> None:
    resources = _resolve(resources)
    if not isinstance(resources, DictionaryObject):
        return
    fonts = _resolve(resources.get("/Font"))
    if isinstance(fonts, DictionaryObject):
        for ref in fonts.values():
            font = _resolve(ref)
            if id(font) not in seen:
                seen.add(id(font))
                out.append(font)
    xobjects = _resolve(resources.get("/XObject"))
    if isinstance(xobjects, DictionaryObject):
        for ref in xobjects.values():
            xobject = _resolve(ref)
            if isinstance(xobject, DictionaryObject) and "/Resources" in xobject:
                _fonts(xobject["/Resources"], seen, out)


def font_problems(path: Path) -> list[str]:
    """Every font that is not embedded as TrueType (FontFile2) or is a built-in; [] when all is well."""
    reader = PdfReader(path)
    fonts: list[DictionaryObject] = []
    seen: set[int] = set()
    for page in reader.pages:
        _fonts(page.get("/Resources"), seen, fonts)
    problems: list[str] = []
    if not fonts:
        problems.append("no font at all")
    for font in fonts:
        name = str(font.get("/BaseFont"))
        descriptor = font.get("/FontDescriptor")
        if font.get("/Subtype") == "/Type0":
            descendant = _resolve(font["/DescendantFonts"])[0]
            descriptor = _resolve(descendant).get("/FontDescriptor")
        descriptor = _resolve(descriptor)
        if not isinstance(descriptor, DictionaryObject) or "/FontFile2" not in descriptor:
            problems.append(f"{name} is not embedded")
        if BUILT_IN.search(name.encode()):
            problems.append(f"{name} is a built-in font")
    if BUILT_IN.search(path.read_bytes()):
        problems.append("a built-in font name occurs in the file")
    return problems
