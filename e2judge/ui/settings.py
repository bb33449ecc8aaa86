"""The UI's own settings, kept in the profile as a small JSON file (language, window splitter)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from e2judge.formats.safe_write import write_text
from e2judge.paths import Profile

logger = logging.getLogger("e2judge.ui.settings")

FILE_NAME = "ui-settings.json"
MAX_BYTES = 64 * 1024


class UiSettings:
    """Read once, written atomically on every change. A damaged file is ignored, never fatal.

    A failed write (full disk, read-only stick) is logged and passed to ``on_error`` (the window
    tells the person once); the setting still applies for this session.
    """

    def __init__(self, profile: Profile) -> None:
        self.path: Path = profile.root / FILE_NAME
        self._data: dict[str, Any] = self._read()
        self.on_error: Callable[[OSError], None] | None = None
        self.error: OSError | None = None  # the last failed write, None after a good one

    def _read(self) -> dict[str, Any]:
        try:
            if self.path.stat().st_size > MAX_BYTES:
                return {}
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get_str(self, key: str, default: str = "") -> str:
        value = self._data.get(key)
        return value if isinstance(value, str) else default

    def set_str(self, key: str, value: str) -> None:
        self._data[key] = value
        self._write()

    def _write(self) -> None:
        try:
            write_text(self.path, json.dumps(self._data, ensure_ascii=False, indent=1))
        except OSError as exc:
            logger.warning("could not save the settings in %s: %s", self.path, exc)
            self.error = exc
            if self.on_error is not None:
                self.on_error(exc)
            return
        self.error = None

    @property
    def language(self) -> str:
        return self.get_str("language")

    @language.setter
    def language(self, value: str) -> None:
        self.set_str("language", value)
