"""The one way E2 Judge writes a file: a crash, a full disk or a pulled USB stick never leaves a
half-written one under the final name.

The data goes to a temporary file with a unique name in the target's folder, is flushed and
fsynced, then moved into place (atomically replacing the target, or refusing to replace it:
exclusive create through a hard link, else an ``O_EXCL`` claim of the name), and the folder is
fsynced where the OS allows it (not on Windows). On any failure the temporary file is removed and
the target is untouched. On Windows an antivirus scanner or the search indexer may hold a freshly
written file for a moment: the move is retried briefly on ``PermissionError``.

- ``atomic_file(path)``: a context manager yielding a binary file object (streaming writers).
- ``atomic_path(path)``: the same for libraries that want a file name (SQLite's backup API).
- ``write_bytes`` / ``write_text``: the whole content at once.
- ``move_into_place(src, path)``: put an already written and synced file under its final name.
"""

from __future__ import annotations

import errno
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "atomic_file",
    "atomic_path",
    "fsync_directory",
    "fsync_file",
    "move_into_place",
    "write_atomic",
    "write_bytes",
    "write_text",
]

RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)  # seconds between attempts of a move refused for a moment
_SUFFIX = ".partial"


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}{_SUFFIX}")


@contextmanager
def atomic_file(
    path: Path, *, overwrite: bool = True, mode: int | None = None, sync: bool = True
) -> Iterator[BinaryIO]:
    """Yield a new binary file; when the block ends without error it becomes ``path``.

    With ``overwrite=False`` an existing ``path`` raises ``FileExistsError`` (and is kept).
    ``sync=False`` skips the fsyncs (for many files the caller makes durable at once).
    """
    path = Path(path)
    temp = _temp_name(path)
    try:
        with temp.open("xb") as fh:
            yield fh
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        _finish(temp, path, overwrite=overwrite, mode=mode, sync=sync)
    finally:
        with suppress(OSError):
            temp.unlink()


@contextmanager
def atomic_path(path: Path, *, overwrite: bool = True, sync: bool = True) -> Iterator[Path]:
    """Yield a unique temporary path beside ``path`` (not created); at the end it becomes ``path``.

    For writers that open the file themselves. The caller's file must be closed by the end of the
    block; it is then fsynced and moved into place. Removed on any failure.
    """
    path = Path(path)
    temp = _temp_name(path)
    try:
        yield temp
        if sync:
            fsync_file(temp)
        _finish(temp, path, overwrite=overwrite, mode=None, sync=sync)
    finally:
        with suppress(OSError):
            temp.unlink()


def write_bytes(path: Path, data: bytes, *, overwrite: bool = True, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically (see the module notes)."""
    with atomic_file(path, overwrite=overwrite, mode=mode) as fh:
        fh.write(data)


def write_text(path: Path, text: str, *, encoding: str = "utf-8", overwrite: bool = True) -> None:
    """Write ``text`` to ``path`` atomically."""
    write_bytes(path, text.encode(encoding), overwrite=overwrite)


def write_atomic(path: Path, data: bytes, *, overwrite: bool, mode: int | None = None) -> None:
    """``write_bytes`` with ``overwrite`` spelled out (the score sheet's "never overwrite")."""
    write_bytes(path, data, overwrite=overwrite, mode=mode)


def move_into_place(src: Path, path: Path, *, overwrite: bool = True, sync: bool = True) -> None:
    """Give the already written (and, with ``sync``, already fsynced) file ``src`` the name ``path``."""
    _place(Path(src), Path(path), overwrite=overwrite)
    if sync:
        fsync_directory(Path(path).parent)


def _finish(temp: Path, path: Path, *, overwrite: bool, mode: int | None, sync: bool) -> None:
    if mode is not None:
        with suppress(OSError):
            os.chmod(temp, mode)
    _place(temp, path, overwrite=overwrite)
    if sync:
        fsync_directory(path.parent)


def _place(temp: Path, path: Path, *, overwrite: bool) -> None:
    if overwrite:
        _replace(temp, path)
        return
    taken = FileExistsError(errno.EEXIST, "refusing to overwrite an existing file", str(path))
    try:
        os.link(temp, path)  # fails if the name is taken: exclusive and atomic
    except FileExistsError:
        raise taken from None
    except OSError:
        pass  # no hard links here (e.g. a FAT USB stick): claim the name exclusively, then rename
    else:
        return
    try:
        claimed = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise taken from None
    os.close(claimed)
    try:
        _replace(temp, path)
    except BaseException:
        with suppress(OSError):
            path.unlink()  # our empty claim, never someone else's file
        raise


def _replace(temp: Path, path: Path) -> None:
    """``os.replace``, retried for a moment when refused (Windows: a scanner holds the file)."""
    for delay in RETRY_DELAYS:
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            time.sleep(delay)
    os.replace(temp, path)


def fsync_file(path: Path) -> None:
    """Flush a closed file's data to the disk."""
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable where the OS allows it (not on Windows)."""
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
