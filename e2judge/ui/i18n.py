"""User-interface language: Qt translators, the locale for numbers, and standard button texts.

Source strings are English; ``resources/i18n/e2judge_vi.ts`` holds the Vietnamese. The compiled
``resources/i18n/*.qm`` (``make translations``) is preferred; when it is missing the ``.ts`` is
read directly, so a source checkout is never silently English. Switching language installs the
other translator at once: Qt sends ``LanguageChange`` to every widget, each view re-translates.
The messages of the core and services (``e2judge.core.i18n``, gettext) follow the same language.
"""

from __future__ import annotations

import hashlib
import importlib
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from e2judge.core import i18n as core_i18n
from e2judge.paths import resource

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
CATALOG = "e2judge"
SafeET: Any = importlib.import_module("defusedxml.ElementTree")


def ts_file(lang: str) -> Path:
    return resource("i18n", f"{CATALOG}_{lang}.ts")


def qm_file(lang: str) -> Path:
    """The compiled catalogue (``make translations`` writes it beside the ``.ts``)."""
    return resource("i18n", f"{CATALOG}_{lang}.qm")


def locale_for(lang: str) -> QLocale:
    """The locale used for numbers: decimal comma in Vietnamese."""
    if lang == "vi":
        locale = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    else:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → finished translation, read from a Qt ``.ts`` file."""
    root = SafeET.parse(path).getroot()
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            if node is None or node.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            if node.text:
                found[(name, source)] = node.text
    return found


class TsTranslator(QTranslator):
    """A translator reading a ``.ts`` file directly (used when the ``.qm`` was not built)."""

    def __init__(self, messages: dict[tuple[str, str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages = messages

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self._messages.get((context, source_text), "")

    def isEmpty(self) -> bool:
        return not self._messages


def load_translator(lang: str, parent: QObject | None = None) -> QTranslator | None:
    """The translator for ``lang`` (None for English, the source language)."""
    if lang == "en":
        return None
    qm, path = qm_file(lang), ts_file(lang)
    if path.is_file() and (not qm.is_file() or qm.stat().st_mtime < path.stat().st_mtime):
        qm = _compiled_now(path) or qm  # a source checkout before (or after editing) the .ts
    if qm.is_file():
        translator = QTranslator(parent)
        if translator.load(str(qm)):
            return translator
    if path.is_file():
        return TsTranslator(read_ts(path), parent)  # last resort: no lrelease to be found
    return None


def _compiled_now(ts: Path) -> Path | None:
    """Compile ``ts`` with lrelease into a cache folder keyed by its content; None if impossible."""
    from e2judge.ui.i18n_build import build

    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    out_dir = Path(tempfile.gettempdir()) / f"e2judge-qm-{digest}"
    compiled = out_dir / ts.with_suffix(".qm").name
    if compiled.is_file():
        return compiled
    try:
        build(ts.parent, out_dir, only=ts)
    except (OSError, RuntimeError):
        return None
    return compiled if compiled.is_file() else None


class Languages(QObject):
    """The current UI language; ``apply`` switches it at once."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication, lang: str = DEFAULT_LANGUAGE) -> None:
        super().__init__(app)
        self._app = app
        self._translator: QTranslator | None = None
        self._lang = ""
        self._core_before = core_i18n.current_language()
        self.apply(lang)

    @property
    def current(self) -> str:
        return self._lang

    def locale(self) -> QLocale:
        return locale_for(self._lang)

    def apply(self, lang: str) -> None:
        """Install the translator and number locale for ``lang``; widgets re-translate themselves."""
        if lang not in LANGUAGES:
            lang = DEFAULT_LANGUAGE
        if lang == self._lang:
            return
        QLocale.setDefault(locale_for(lang))
        core_i18n.set_language(lang)  # refusals and problems from the core, in the same language
        old = self._translator
        self._translator = load_translator(lang, self)
        self._lang = lang
        if self._translator is not None:
            self._app.installTranslator(self._translator)
        if old is not None:
            self._app.removeTranslator(old)
            old.deleteLater()
        elif self._translator is None:
            # No translator was installed or removed: announce the change ourselves.
            QCoreApplication.sendEvent(self._app, QEvent(QEvent.Type.LanguageChange))
        # QApplication posts LanguageChange to the windows; deliver it now so the switch is immediate.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(lang)

    def close(self) -> None:
        """Remove our translator from the application (tests create several ``Languages``).

        The core's messages go back to the language they had before.
        """
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None
        if self._lang:
            core_i18n.set_language(self._core_before)
        self._lang = ""


def fmt_number(value: float, locale: QLocale | None = None) -> str:
    """Points in the UI locale ("2,5" in Vietnamese), without trailing zeros."""
    loc = locale if locale is not None else QLocale()
    rounded = round(float(value), 4)
    if rounded == 0:
        rounded = 0.0
    return loc.toString(rounded, "f", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)


def std_text(button: str) -> str:
    """Translated text of a standard button ("OK", "Cancel", "Yes", "No", "Close")."""
    return QCoreApplication.translate("StandardButton", button)


_STD = {
    QDialogButtonBox.StandardButton.Ok: "OK",
    QDialogButtonBox.StandardButton.Cancel: "Cancel",
    QDialogButtonBox.StandardButton.Yes: "Yes",
    QDialogButtonBox.StandardButton.No: "No",
    QDialogButtonBox.StandardButton.Close: "Close",
}

# Keep the standard button texts in the catalogue (lupdate reads these).
_CATALOGUE = (
    QT_TRANSLATE_NOOP("StandardButton", "OK"),
    QT_TRANSLATE_NOOP("StandardButton", "Cancel"),
    QT_TRANSLATE_NOOP("StandardButton", "Yes"),
    QT_TRANSLATE_NOOP("StandardButton", "No"),
    QT_TRANSLATE_NOOP("StandardButton", "Close"),
)


def translate_buttons(box: QDialogButtonBox) -> None:
    """Give a button box's standard buttons their translated texts (Qt ships no Vietnamese)."""
    for which, text in _STD.items():
        button = box.button(which)
        if button is not None:
            button.setText(std_text(text))
            button.setAccessibleName(std_text(text))


def translate_message_box(box: QMessageBox) -> None:
    """Same as ``translate_buttons`` for a message box."""
    for which, text in _STD.items():
        button = box.button(QMessageBox.StandardButton(which.value))
        if isinstance(button, QPushButton):
            button.setText(std_text(text))
            button.setAccessibleName(std_text(text))
