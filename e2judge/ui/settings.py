"""The UI's own settings, kept in the profile as a small JSON file (language, window splitter)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from e2judge.paths import Profile

FILE_NAME = "ui-settings.json"
MAX_BYTES = 64 * 1024


class UiSettings:
    """Read once, written atomically on every change. A damaged file is ignored, never fatal."""

    def __init__(self, profile: Profile) -> None:
        self.path: Path = profile.root / FILE_NAME
        self._data: dict[str, Any] = self._read()

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
        tmp = self.path.with_name(f".{self.path.name}.tmp")
        try:
            tmp.write_text(json.dumps(self._data, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)

    @property
    def language(self) -> str:
        return self.get_str("language")

    @language.setter
    def language(self, value: str) -> None:
        self.set_str("language", value)
