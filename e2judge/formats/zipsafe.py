"""Reading zip files from hostile sources: checked names, sizes, counts and ratios, bounded reads.

Everything is checked when the archive is opened, from the central directory alone, before any
member is decompressed:

* not a zip, truncated, or anything the zip parser chokes on -> refused;
* encrypted members, compression other than stored/deflated -> refused;
* member names that are empty, absolute, hold ``..``/``.``/empty segments, backslashes, colons
  (drive letters), NUL, control or bidi characters -> refused;
* duplicate names, and names equal after NFC + casefold (they would collide on disk), and a name
  used both as a file and as a folder -> refused (``zipfile`` reads the *last* duplicate);
* more than ``max_members`` entries (counted in the raw central directory before ``zipfile``
  builds its tables), a declared member size over ``max_member_size`` or a declared total over
  ``max_total_size`` -> refused. The defaults only bound what a header may claim (zip64 members of
  several GB are fine); a reader that knows the real sizes from a signed document binds every
  member to them with ``check_sizes`` before extracting anything;
* compression ratio rule: a member whose declared size is over ``RATIO_FLOOR`` (1 MiB) and whose
  ``file_size / max(compress_size, 1)`` is over ``max_ratio`` -> refused. Small members may
  legitimately compress very well, so they are exempt; the total limit still bounds them;
* members whose data would overlap another member or the central directory (overlap bombs) and
  stored members whose two sizes differ -> refused.

Reads never trust the header: they count the bytes actually produced and stop past the limit.
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
import unicodedata
import zipfile
from collections.abc import Generator, Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Self

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.core.text import has_bidi_controls
from e2judge.formats.cleanup import remove_file

CHUNK_SIZE = 2**20
RATIO_FLOOR = 2**20
MAX_NAME_LENGTH = 1024
_ALLOWED_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_FLAG_ENCRYPTED = 0x01
_FLAG_PATCHED = 0x20
_FLAG_STRONG_ENCRYPTION = 0x40
_LOCAL_HEADER_SIZE = 30
_CENTRAL_HEADER_SIZE = 46
_DRIVE = re.compile(r"^[A-Za-z]:")

_EOCD = struct.Struct("<4s4H2LH")
_EOCD_SIG = b"PK\x05\x06"
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_LOCATOR_SIG = b"PK\x06\x07"
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")
_ZIP64_EOCD_SIG = b"PK\x06\x06"


@dataclass(frozen=True)
class ZipLimits:
    """Limits applied to an archive before anything is decompressed."""

    max_members: int = 200_000
    max_member_size: int = 2**40
    max_total_size: int = 2**40
    max_ratio: float = 200.0
    max_directory_size: int = 64 * 2**20


class SafeZip:
    """A zip archive opened for reading with every entry checked up front."""

    def __init__(self, path: Path, limits: ZipLimits = ZipLimits()) -> None:
        self._path = Path(path)
        self._source = str(path)
        self._limits = limits
        if not self._path.is_file():
            raise InputRefused(self._source, _("not a file") if self._path.exists() else _("file not found"))
        try:
            self._fh: BinaryIO = self._path.open("rb")
        except OSError as exc:
            raise InputRefused(
                self._source, _("cannot be read: {problem}").format(problem=exc.strerror or exc)
            ) from None
        try:
            _precheck_directory(self._fh, self._source, limits)
            self._fh.seek(0)
            try:
                self._zip = zipfile.ZipFile(self._fh)
            except Exception as exc:
                raise InputRefused(
                    self._source, _("not a valid zip file ({problem})").format(problem=_describe(exc))
                ) from None
            self._files = self._check_entries()
        except BaseException:
            self.close()
            raise

    # --- context manager ------------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the archive file."""
        zf = getattr(self, "_zip", None)
        if zf is not None:
            zf.close()
        fh = getattr(self, "_fh", None)
        if fh is not None:
            fh.close()

    # --- queries --------------------------------------------------------------------------

    def names(self) -> list[str]:
        """Names of the file members (folders left out), in archive order."""
        return list(self._files)

    def size(self, name: str) -> int:
        """Declared uncompressed size of a member."""
        return self._info(name).file_size

    def check_sizes(self, expected: Mapping[str, int]) -> None:
        """Refuse unless every member named in ``expected`` declares exactly that size.

        ``expected`` comes from a signed document (the batch manifest), so the sizes the archive
        claims, and with them every later read, are bounded by what was signed.
        """
        wrong = [
            (name, size, self._info(name).file_size)
            for name, size in sorted(expected.items())
            if self._info(name).file_size != size
        ]
        if wrong:
            name, size, declared = wrong[0]
            reason = _(
                "member {name} declares {declared} bytes but the signed manifest says {expected}"
            ).format(name=repr(name), declared=declared, expected=size)
            if len(wrong) > 1:
                reason += "; " + _("{count} members disagree with the manifest").format(count=len(wrong))
            raise InputRefused(self._source, reason)

    def hash_member(self, name: str) -> tuple[str, int]:
        """SHA-256 hex and size of a member, streamed without writing anything."""
        info = self._info(name)
        digest = hashlib.sha256()
        total = 0
        with closing(self._stream(info, info.file_size)) as chunks:
            for chunk in chunks:
                digest.update(chunk)
                total += len(chunk)
        if total != info.file_size:
            raise InputRefused(self._source, _size_mismatch(name, total, info.file_size))
        return digest.hexdigest(), total

    # --- reading --------------------------------------------------------------------------

    def read_bytes(self, name: str, max_size: int) -> bytes:
        """The whole member, refused if it is (declared or actually) larger than ``max_size``."""
        info = self._info(name)
        declared = info.file_size
        if declared > max_size:
            raise InputRefused(
                self._source,
                _("member {name} is larger than {limit} bytes").format(name=repr(name), limit=max_size),
            )
        parts: list[bytes] = []
        total = 0
        with closing(self._stream(info, min(declared, max_size))) as chunks:
            for chunk in chunks:
                parts.append(chunk)
                total += len(chunk)
        if total != declared:
            raise InputRefused(self._source, _size_mismatch(name, total, declared))
        return b"".join(parts)

    def extract_to(
        self,
        name: str,
        dest: Path,
        expected_sha256: str | None = None,
        expected_size: int | None = None,
        *,
        sync: bool = True,
    ) -> tuple[str, int]:
        """Stream a member into the new file ``dest``; return its (SHA-256 hex, size).

        With ``sync=False`` the file is not fsynced; the caller flushes many files at once.

        ``dest`` must not exist and its folder must. On any failure (too much data, size or hash
        mismatch, damaged data) ``dest`` is deleted and ``InputRefused`` raised.
        """
        info = self._info(name)
        declared = info.file_size
        if expected_size is not None and expected_size != declared:
            raise InputRefused(
                self._source,
                _(
                    "member {name}: size mismatch (expected {expected} bytes, archive declares {declared})"
                ).format(name=repr(name), expected=expected_size, declared=declared),
            )
        dest = Path(dest)
        digest = hashlib.sha256()
        total = 0
        created = False
        try:
            with dest.open("xb") as out:
                created = True
                with closing(self._stream(info, declared)) as chunks:
                    for chunk in chunks:
                        digest.update(chunk)
                        total += len(chunk)
                        out.write(chunk)
                out.flush()
                if sync:
                    os.fsync(out.fileno())
            if total != declared:
                raise InputRefused(self._source, _size_mismatch(name, total, declared))
            hexdigest = digest.hexdigest()
            if expected_sha256 is not None and hexdigest != expected_sha256.lower():
                raise InputRefused(self._source, _("member {name}: hash mismatch").format(name=repr(name)))
        except BaseException:
            if created:
                remove_file(dest)
            raise
        return hexdigest, total

    # --- internals ------------------------------------------------------------------------

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = self._files.get(name)
        if info is None:
            raise InputRefused(self._source, _("no member named {name}").format(name=repr(name)))
        return info

    def _stream(self, info: zipfile.ZipInfo, limit: int) -> Generator[bytes, None, None]:
        """Decompressed chunks of a member, refused as soon as more than ``limit`` bytes appear."""
        name = info.filename
        total = 0
        try:
            with self._zip.open(info) as member:
                while True:
                    chunk = member.read(CHUNK_SIZE)
                    if not chunk:
                        return
                    total += len(chunk)
                    if total > limit:
                        raise InputRefused(
                            self._source,
                            _("member {name} holds more data than its declared size").format(name=repr(name)),
                        )
                    yield chunk
        except InputRefused:
            raise
        except Exception as exc:
            raise InputRefused(
                self._source,
                _("member {name} is damaged ({problem})").format(name=repr(name), problem=_describe(exc)),
            ) from None

    def _check_entries(self) -> dict[str, zipfile.ZipInfo]:
        limits = self._limits
        infos = self._zip.infolist()
        if len(infos) > limits.max_members:
            raise InputRefused(self._source, _too_many(limits.max_members))
        files: dict[str, zipfile.ZipInfo] = {}
        seen: dict[str, str] = {}
        total = 0
        for info in infos:
            raw_name = info.orig_filename
            self._check_name(raw_name)
            is_dir = raw_name.endswith("/")
            key = unicodedata.normalize("NFC", raw_name.removesuffix("/")).casefold()
            if key in seen:
                other = seen[key]
                if other.removesuffix("/") == raw_name.removesuffix("/"):
                    raise InputRefused(
                        self._source, _("duplicate member name {name}").format(name=repr(raw_name))
                    )
                raise InputRefused(
                    self._source,
                    _(
                        "member names {first} and {second} collide (they differ only in case or Unicode form)"
                    ).format(first=repr(other), second=repr(raw_name)),
                )
            seen[key] = raw_name
            flags = info.flag_bits
            if flags & (_FLAG_ENCRYPTED | _FLAG_STRONG_ENCRYPTION):
                raise InputRefused(self._source, _("member {name} is encrypted").format(name=repr(raw_name)))
            if flags & _FLAG_PATCHED or info.compress_type not in _ALLOWED_METHODS:
                raise InputRefused(
                    self._source,
                    _("member {name} uses an unsupported compression method ({method})").format(
                        name=repr(raw_name), method=info.compress_type
                    ),
                )
            if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
                raise InputRefused(
                    self._source, _("member {name}: stored sizes disagree").format(name=repr(raw_name))
                )
            size = info.file_size
            if size > limits.max_member_size:
                raise InputRefused(
                    self._source,
                    _("member {name} is too large ({size} bytes, limit {limit})").format(
                        name=repr(raw_name), size=size, limit=limits.max_member_size
                    ),
                )
            total += size
            if total > limits.max_total_size:
                raise InputRefused(
                    self._source,
                    _("total uncompressed size is over the limit of {limit} bytes").format(
                        limit=limits.max_total_size
                    ),
                )
            ratio = size / max(info.compress_size, 1)
            if size > RATIO_FLOOR and ratio > limits.max_ratio:
                raise InputRefused(
                    self._source,
                    _(
                        "member {name} has a suspicious compression ratio ({ratio}:1, possible zip bomb)"
                    ).format(name=repr(raw_name), ratio=f"{ratio:.0f}"),
                )
            if not is_dir:
                files[info.filename] = info
        self._check_file_folder_clash(files)
        self._check_overlap(infos)
        return files

    def _check_name(self, name: str) -> None:
        problem = _name_problem(name)
        if problem:
            raise InputRefused(
                self._source, _("member name {name}: {problem}").format(name=repr(name), problem=problem)
            )

    def _check_file_folder_clash(self, files: dict[str, zipfile.ZipInfo]) -> None:
        keys = {unicodedata.normalize("NFC", name).casefold(): name for name in files}
        for key, name in keys.items():
            parts = key.split("/")
            for i in range(1, len(parts)):
                parent = "/".join(parts[:i])
                if parent in keys:
                    raise InputRefused(
                        self._source,
                        _("member {file} is a file but {name} uses it as a folder").format(
                            file=repr(keys[parent]), name=repr(name)
                        ),
                    )

    def _check_overlap(self, infos: list[zipfile.ZipInfo]) -> None:
        directory_start = self._zip.start_dir
        ordered = sorted(infos, key=lambda i: i.header_offset)
        for index, info in enumerate(ordered):
            if info.header_offset < 0:
                raise InputRefused(
                    self._source, _("member {name} has a bad offset").format(name=repr(info.orig_filename))
                )
            end = info.header_offset + _LOCAL_HEADER_SIZE + info.compress_size
            limit = ordered[index + 1].header_offset if index + 1 < len(ordered) else directory_start
            if end > limit:
                raise InputRefused(
                    self._source,
                    _("member {name} overlaps other data (possible zip bomb)").format(
                        name=repr(info.orig_filename)
                    ),
                )


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _name_problem(name: str) -> str | None:
    """Why a member name is unsafe, or None."""
    if not name or name == "/":
        return _("empty name")
    if len(name) > MAX_NAME_LENGTH:
        return _("name too long")
    if "\x00" in name:
        return _("NUL character in name")
    if _CONTROL.search(name):
        return _("control character in name")
    if has_bidi_controls(name) or "\ufeff" in name:
        return _("bidirectional or invisible control character in name")
    if "\\" in name:
        return _("backslash in name")
    if name.startswith("/"):
        return _("absolute path")
    if _DRIVE.match(name):
        return _("drive letter in name")
    if ":" in name:
        return _("colon in name")
    for segment in name.removesuffix("/").split("/"):
        if segment == "..":
            return _("'..' segment in path")
        if segment == ".":
            return _("'.' segment in path")
        if not segment:
            return _("empty path segment")
    return None


def _precheck_directory(fh: BinaryIO, source: str, limits: ZipLimits) -> None:
    """Count central directory entries before ``zipfile`` builds a ZipInfo for each one.

    Mirrors how ``zipfile`` finds the directory; anything it cannot find is left for ``zipfile``
    to refuse.
    """
    fh.seek(0, os.SEEK_END)
    file_size = fh.tell()
    if file_size < _EOCD.size:
        raise InputRefused(source, _("not a zip file (too short)"))
    fh.seek(file_size - _EOCD.size)
    tail = fh.read(_EOCD.size)
    if tail[:4] == _EOCD_SIG and tail[-2:] == b"\x00\x00":
        eocd_pos = file_size - _EOCD.size
        record = tail
    else:
        search_start = max(file_size - (1 << 16) - _EOCD.size, 0)
        fh.seek(search_start)
        data = fh.read()
        found = data.rfind(_EOCD_SIG)
        if found < 0 or len(data) - found < _EOCD.size:
            raise InputRefused(source, _("not a zip file (no end of central directory record)"))
        eocd_pos = search_start + found
        record = data[found : found + _EOCD.size]
    _sig, _disk, _disk_cd, _count_disk, _count, size_cd, offset_cd, _comment = _EOCD.unpack(record)
    concat = eocd_pos - size_cd - offset_cd
    if eocd_pos >= _ZIP64_LOCATOR.size + _ZIP64_EOCD.size:
        fh.seek(eocd_pos - _ZIP64_LOCATOR.size)
        locator = fh.read(_ZIP64_LOCATOR.size)
        if locator[:4] == _ZIP64_LOCATOR_SIG:
            fh.seek(eocd_pos - _ZIP64_LOCATOR.size - _ZIP64_EOCD.size)
            record64 = fh.read(_ZIP64_EOCD.size)
            if record64[:4] == _ZIP64_EOCD_SIG:
                fields = _ZIP64_EOCD.unpack(record64)
                size_cd, offset_cd = fields[8], fields[9]
                concat = eocd_pos - size_cd - offset_cd - _ZIP64_LOCATOR.size - _ZIP64_EOCD.size
    if size_cd > limits.max_directory_size:
        raise InputRefused(
            source,
            _("central directory is too large ({size} bytes, limit {limit})").format(
                size=size_cd, limit=limits.max_directory_size
            ),
        )
    start = offset_cd + concat
    if start < 0:
        return  # zipfile refuses this itself
    fh.seek(start)
    directory = fh.read(size_cd)
    position = 0
    count = 0
    while position + _CENTRAL_HEADER_SIZE <= len(directory):
        name_len, extra_len, comment_len = struct.unpack_from("<3H", directory, position + 28)
        position += _CENTRAL_HEADER_SIZE + name_len + extra_len + comment_len
        count += 1
        if count > limits.max_members:
            raise InputRefused(source, _too_many(limits.max_members))


def _too_many(limit: int) -> str:
    return _("too many members (more than {limit})").format(limit=limit)


def _size_mismatch(name: str, read: int, declared: int) -> str:
    return _("member {name}: size mismatch ({read} bytes read, {declared} declared)").format(
        name=repr(name), read=read, declared=declared
    )


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."
