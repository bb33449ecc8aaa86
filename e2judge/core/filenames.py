"""File-name rules every OS can live with: Windows reserved device names.

Windows opens the device, not a file, for ``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM1``–``COM9``
and ``LPT1``–``LPT9`` (and the superscript ``COM¹``–``COM³``, ``LPT¹``–``LPT³``) in any case, with
any extension (``nul.txt``, ``COM1.tar.gz``) and with trailing dots or spaces (``CON .pdf``,
``AUX.``). Writing ``CON.pdf`` in Explorer fails, and a program that opens it talks to the
console. Pure: no Qt, no SQLAlchemy, no file system.
"""

from __future__ import annotations

_DIGITS = "123456789¹²³"
RESERVED_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{d}" for d in _DIGITS}
    | {f"lpt{d}" for d in _DIGITS}
    | {"conin$", "conout$"}
)


def device_stem(name: str) -> str:
    """The part of ``name`` Windows compares with device names: before the first '.' or ':',
    without trailing spaces, case folded."""
    stem = name.split(".", 1)[0].split(":", 1)[0]
    return stem.rstrip(" ").casefold()


def is_reserved_name(name: str) -> bool:
    """Whether ``name`` (one path segment) names a Windows device (``CON``, ``nul.txt``, ``COM1 .pdf``)."""
    return device_stem(name) in RESERVED_DEVICE_NAMES


def safe_on_disk(name: str) -> str:
    """``name`` unchanged, or with ``_`` in front when Windows would take it for a device."""
    return f"_{name}" if is_reserved_name(name) else name
