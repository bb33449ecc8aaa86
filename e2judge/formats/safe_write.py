"""Writing a file so that a crash or a pulled USB stick never leaves a half-written one.

The data goes to a temporary file in the same folder, is flushed and fsynced, then moved into
place (atomically replacing, or refusing to replace, the target), and the folder is fsynced.
"""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import suppress
from pathlib import Path


def write_atomic(path: Path, data: bytes, *, overwrite: bool, mode: int | None = None) -> None:
    """Write ``data`` to ``path``; with ``overwrite=False`` raise FileExistsError if it exists."""
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            with suppress(OSError):
                os.chmod(tmp, mode)
        if overwrite:
            os.replace(tmp, path)
        else:
            _place_new(tmp, path)
        fsync_directory(directory)
    finally:
        with suppress(OSError):
            tmp.unlink()


def _place_new(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` only if ``path`` does not exist (a hard link, else an O_EXCL claim)."""
    taken = FileExistsError(errno.EEXIST, "refusing to overwrite an existing file", str(path))
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise taken from None
    except OSError:
        pass  # no hard links here (e.g. a FAT USB stick): claim the name exclusively, then rename
    try:
        claimed = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise taken from None
    os.close(claimed)
    os.replace(tmp, path)


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
