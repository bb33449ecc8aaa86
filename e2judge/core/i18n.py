"""The language of the messages the core and services give people (refusals, problems, rejections).

Python's ``gettext``, domain ``e2judge``: source strings are English; the Vietnamese catalogue is
``resources/i18n/vi/LC_MESSAGES/e2judge.po``, compiled to ``e2judge.mo`` by ``make translations``
(and bundled in the frozen app). When the ``.mo`` was not built, or is older than the ``.po`` (a
source checkout), the ``.po`` is compiled in memory: Vietnamese never silently falls back to English.

English until ``set_language`` is called: the command line sets it from ``--lang``, the window from
its UI language. Messages with values use named placeholders, filled in after translating::

    _("{value} is above the maximum {maximum}").format(value=number(7), maximum=number(4))

The language is process-wide (the window's worker threads give their refusals in it too).
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from e2judge.core.po import mo_bytes, read_po
from e2judge.paths import resource

DOMAIN = "e2judge"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "vi")
_DECIMAL_COMMA = frozenset({"vi"})

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "_",
    "catalog_source",
    "current_language",
    "load_catalog",
    "mo_file",
    "ngettext",
    "number",
    "numbers",
    "po_file",
    "set_language",
]


def locale_dir() -> Path:
    """``resources/i18n``: holds ``<lang>/LC_MESSAGES/e2judge.po`` (and the built ``.mo``)."""
    return resource("i18n")


def mo_file(lang: str, folder: Path | None = None) -> Path:
    return (folder or locale_dir()) / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def po_file(lang: str, folder: Path | None = None) -> Path:
    return (folder or locale_dir()) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def load_catalog(lang: str, folder: Path | None = None) -> gettext.NullTranslations:
    """The translations of ``lang`` in ``folder`` (default ``resources/i18n``).

    The compiled ``.mo``; else (not built, or older than the ``.po`` beside it, as after editing
    or pulling a source checkout) the ``.po`` compiled in memory; else none (English).
    """
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    root = folder or locale_dir()
    po = po_file(lang, root)
    found = gettext.find(DOMAIN, str(root), languages=[lang])
    if found is not None and not _newer(po, Path(found)):
        with open(found, "rb") as fh:  # read afresh: gettext.translation() would cache it by path
            return gettext.GNUTranslations(fh)
    if po.is_file():
        data = mo_bytes(read_po(po.read_text("utf-8"), str(po)))
        return gettext.GNUTranslations(io.BytesIO(data))
    return gettext.NullTranslations()


def _newer(a: Path, b: Path) -> bool:
    """Whether file ``a`` exists and was modified after ``b``."""
    try:
        return a.stat().st_mtime > b.stat().st_mtime
    except OSError:
        return False


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    return load_catalog(lang)


def catalog_source(lang: str) -> str:
    """Where ``lang``'s messages come from: "compiled .mo", "the .po source" or "none"."""
    if lang == SOURCE_LANGUAGE:
        return "none"
    if mo_file(lang).is_file() and not _newer(po_file(lang), mo_file(lang)):
        return "compiled .mo"
    return "the .po source" if po_file(lang).is_file() else "none"


# [(language, translations)]: the pair is replaced as one object, so no thread sees a mixed pair.
_state: list[tuple[str, gettext.NullTranslations]] = [(SOURCE_LANGUAGE, _catalog(SOURCE_LANGUAGE))]


def set_language(lang: str) -> None:
    """Give messages in ``lang`` ("vi" or "en"; anything else means English) from now on."""
    chosen = lang if lang in LANGUAGES else SOURCE_LANGUAGE
    _state[0] = (chosen, _catalog(chosen))


def current_language() -> str:
    return _state[0][0]


def _(message: str) -> str:
    """``message`` (English) in the current language."""
    return _state[0][1].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count ``n`` (English has two; Vietnamese one)."""
    return _state[0][1].ngettext(singular, plural, n)


def number(value: float) -> str:
    """Points for a message: no trailing zeros, a decimal comma in Vietnamese ("2,5")."""
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",") if _state[0][0] in _DECIMAL_COMMA else text


def numbers(values: Iterable[float]) -> str:
    """A list of points: "0, 0.5, 1" in English, "0; 0,5; 1" where the comma is the decimal mark."""
    separator = "; " if _state[0][0] in _DECIMAL_COMMA else ", "
    return separator.join(number(v) for v in values)
