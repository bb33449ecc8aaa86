"""SafeZip against real hostile archives built in tmp_path."""

from __future__ import annotations

import hashlib
import io
import random
import struct
import tempfile
import tracemalloc
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from e2judge.core.errors import InputRefused
from e2judge.formats.zipsafe import SafeZip, ZipLimits

# --- a tiny hand-made zip writer, so every header field can lie ------------------------------

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_EOCD = struct.Struct("<4s4H2LH")


@dataclass
class Raw:
    name: bytes
    data: bytes = b"hello"
    flags: int = 0x800  # UTF-8 names
    method: int = 0
    crc: int | None = None
    compress_size: int | None = None
    file_size: int | None = None
    offset: int | None = None


def raw_zip(members: list[Raw]) -> bytes:
    """A zip of stored members whose central directory says whatever each ``Raw`` says."""
    out = bytearray()
    central = bytearray()
    for m in members:
        offset = len(out)
        crc = zlib.crc32(m.data) if m.crc is None else m.crc
        csize = len(m.data) if m.compress_size is None else m.compress_size
        usize = len(m.data) if m.file_size is None else m.file_size
        out += _LOCAL.pack(b"PK\x03\x04", 20, m.flags, m.method, 0, 0x21, crc, csize, usize, len(m.name), 0)
        out += m.name + m.data
        central += _CENTRAL.pack(
            b"PK\x01\x02", 20, 20, m.flags, m.method, 0, 0x21, crc, csize, usize, len(m.name), 0, 0, 0, 0, 0,
            offset if m.offset is None else m.offset,
        )  # fmt: skip
        central += m.name
    start = len(out)
    out += central
    out += _EOCD.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(central), start, 0)
    return bytes(out)


def write(tmp_path: Path, data: bytes, name: str = "batch.zip") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def make_zip(tmp_path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    path = tmp_path / "batch.zip"
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def refused(path: Path, limits: ZipLimits | None = None) -> str:
    with pytest.raises(InputRefused) as caught:
        SafeZip(path, limits or ZipLimits())
    assert caught.value.source == str(path)
    return caught.value.reason


GOOD = {"manifest.json": b'{"a": 1}', "entries/E001/essay.pdf": b"%PDF-1.7 " * 5000, "empty.txt": b""}


# --- good archives ----------------------------------------------------------------------------


def test_good_zip_lists_reads_and_extracts(tmp_path: Path) -> None:
    path = make_zip(tmp_path, GOOD)
    with SafeZip(path) as archive:
        assert archive.names() == list(GOOD)
        assert archive.size("entries/E001/essay.pdf") == len(GOOD["entries/E001/essay.pdf"])
        assert archive.read_bytes("manifest.json", 100) == b'{"a": 1}'
        assert archive.read_bytes("empty.txt", 0) == b""
        data = GOOD["entries/E001/essay.pdf"]
        expected = hashlib.sha256(data).hexdigest()
        dest = tmp_path / "essay.pdf"
        assert archive.extract_to("entries/E001/essay.pdf", dest, expected.upper(), len(data)) == (
            expected,
            len(data),
        )
        assert dest.read_bytes() == data


def test_raw_writer_makes_valid_zips(tmp_path: Path) -> None:
    path = write(tmp_path, raw_zip([Raw(b"a.txt"), Raw(b"b/c.txt", b"xyz")]))
    with SafeZip(path) as archive:
        assert archive.names() == ["a.txt", "b/c.txt"]
        assert archive.read_bytes("b/c.txt", 10) == b"xyz"


def test_directory_entries_are_ignored(tmp_path: Path) -> None:
    path = make_zip(tmp_path, {"entries/": b"", "entries/a.pdf": b"x"})
    with SafeZip(path) as archive:
        assert archive.names() == ["entries/a.pdf"]


def test_small_members_may_compress_very_well(tmp_path: Path) -> None:
    path = make_zip(tmp_path, {"zeros.bin": bytes(2**20)})  # exactly 1 MiB, ratio ~1000
    with SafeZip(path) as archive:
        assert archive.read_bytes("zeros.bin", 2**20) == bytes(2**20)


def test_unknown_member_refused(tmp_path: Path) -> None:
    with SafeZip(make_zip(tmp_path, GOOD)) as archive, pytest.raises(InputRefused, match="no member"):
        archive.read_bytes("absent", 10)


# --- extraction failures ----------------------------------------------------------------------


def test_hash_mismatch_deletes_partial_file(tmp_path: Path) -> None:
    dest = tmp_path / "out.pdf"
    with SafeZip(make_zip(tmp_path, GOOD)) as archive, pytest.raises(InputRefused) as caught:
        archive.extract_to("entries/E001/essay.pdf", dest, "0" * 64)
    assert "hash mismatch" in caught.value.reason
    assert "entries/E001/essay.pdf" in caught.value.reason
    assert not dest.exists()


def test_expected_size_mismatch_refused(tmp_path: Path) -> None:
    dest = tmp_path / "out.json"
    with SafeZip(make_zip(tmp_path, GOOD)) as archive, pytest.raises(InputRefused, match="size mismatch"):
        archive.extract_to("manifest.json", dest, expected_size=9)
    assert not dest.exists()


def test_extract_never_overwrites(tmp_path: Path) -> None:
    dest = tmp_path / "out.json"
    dest.write_bytes(b"keep me")
    with SafeZip(make_zip(tmp_path, GOOD)) as archive, pytest.raises(FileExistsError):
        archive.extract_to("manifest.json", dest)
    assert dest.read_bytes() == b"keep me"


def test_read_bytes_respects_max_size(tmp_path: Path) -> None:
    with SafeZip(make_zip(tmp_path, GOOD)) as archive, pytest.raises(InputRefused, match="larger than 7"):
        archive.read_bytes("manifest.json", 7)


def test_crc_error_refused(tmp_path: Path) -> None:
    data = bytearray(raw_zip([Raw(b"a.txt", b"hello world")]))
    data[data.index(b"hello world")] ^= 0x01
    path = write(tmp_path, bytes(data))
    with SafeZip(path) as archive:
        with pytest.raises(InputRefused, match="CRC"):
            archive.read_bytes("a.txt", 100)
        dest = tmp_path / "a.txt"
        with pytest.raises(InputRefused, match="CRC"):
            archive.extract_to("a.txt", dest)
        assert not dest.exists()


def test_header_claiming_more_than_the_data_refused(tmp_path: Path) -> None:
    real = b"abcdefghij" * 100
    compressed = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = compressed.compress(real) + compressed.flush()
    lying = Raw(b"a.txt", deflated, method=8, crc=zlib.crc32(real), file_size=5000)
    path = write(tmp_path, raw_zip([lying]))
    with SafeZip(path) as archive:
        assert archive.size("a.txt") == 5000
        with pytest.raises(InputRefused, match="size mismatch"):
            archive.read_bytes("a.txt", 10_000)
        dest = tmp_path / "a.txt"
        with pytest.raises(InputRefused, match="size mismatch"):
            archive.extract_to("a.txt", dest)
        assert not dest.exists()


def test_header_claiming_less_than_the_data_refused(tmp_path: Path) -> None:
    real = b"abcdefghij" * 100
    compressed = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = compressed.compress(real) + compressed.flush()
    # declared size 10: zipfile stops there and the CRC of the whole data no longer matches
    path = write(tmp_path, raw_zip([Raw(b"a.txt", deflated, method=8, crc=zlib.crc32(real), file_size=10)]))
    with SafeZip(path) as archive, pytest.raises(InputRefused, match="CRC"):
        archive.read_bytes("a.txt", 10_000)
    # with a CRC that matches the first 10 bytes, only the expected hash can catch the lie
    path = write(
        tmp_path,
        raw_zip([Raw(b"a.txt", deflated, method=8, crc=zlib.crc32(real[:10]), file_size=10)]),
        "b.zip",
    )
    dest = tmp_path / "a.txt"
    with SafeZip(path) as archive, pytest.raises(InputRefused, match="hash mismatch"):
        archive.extract_to("a.txt", dest, hashlib.sha256(real).hexdigest())
    assert not dest.exists()


def test_extract_memory_stays_flat(tmp_path: Path) -> None:
    size = 48 * 2**20
    path = tmp_path / "big.zip"
    rng = random.Random(7)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("big.bin", "w") as member:
        for _ in range(size // 2**20):
            member.write(rng.randbytes(2**20))
    with SafeZip(path) as archive:
        tracemalloc.start()
        try:
            digest, written = archive.extract_to("big.bin", tmp_path / "big.bin")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert written == size
    assert len(digest) == 64
    assert peak < 8 * 2**20, f"peak {peak} bytes"


# --- refused archives -------------------------------------------------------------------------


def test_missing_and_non_file_refused(tmp_path: Path) -> None:
    assert "not found" in refused(tmp_path / "absent.zip")
    assert "not a file" in refused(tmp_path)


def test_random_bytes_refused(tmp_path: Path) -> None:
    data = hashlib.sha512(b"x").digest() * 100
    assert "not a zip" in refused(write(tmp_path, data))
    assert "not a zip" in refused(write(tmp_path, b"", "empty.zip"))


def test_truncated_zip_refused(tmp_path: Path) -> None:
    data = make_zip(tmp_path, GOOD).read_bytes()
    path = write(tmp_path, data[: len(data) // 2], "half.zip")
    assert "not a zip" in refused(path)
    path = write(tmp_path, data[:-1], "minus-one.zip")
    assert "not a zip" in refused(path)


def test_encrypted_member_refused(tmp_path: Path) -> None:
    assert "encrypted" in refused(write(tmp_path, raw_zip([Raw(b"a.txt", flags=0x801)])))
    assert "encrypted" in refused(write(tmp_path, raw_zip([Raw(b"a.txt", flags=0x840)]), "strong.zip"))


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_unsupported_compression_refused(tmp_path: Path, method: int) -> None:
    assert "unsupported compression" in refused(make_zip(tmp_path, GOOD, method))


def test_unknown_compression_code_refused(tmp_path: Path) -> None:
    assert "unsupported compression method (99)" in refused(write(tmp_path, raw_zip([Raw(b"a", method=99)])))


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        (b"../evil.txt", "'..' segment"),
        (b"entries/../../evil.txt", "'..' segment"),
        (b"entries/..", "'..' segment"),
        (b"./a.txt", "'.' segment"),
        (b"/etc/passwd", "absolute path"),
        (b"entries\\..\\evil.txt", "backslash"),
        (b"C:/evil.txt", "drive letter"),
        (b"c:evil.txt", "drive letter"),
        (b"a.txt:stream", "colon"),
        (b"a\x00.txt", "NUL"),
        (b"a\x01.txt", "control character"),
        (b"a\x7f.txt", "control character"),
        ("a\u0085.txt".encode(), "control character"),
        ("a\u202egpj.exe".encode(), "bidirectional"),
        (b"", "empty name"),
        (b"a//b.txt", "empty path segment"),
        (b"x" * 1025, "too long"),
    ],
)
def test_bad_member_names_refused(tmp_path: Path, name: bytes, problem: str) -> None:
    reason = refused(write(tmp_path, raw_zip([Raw(b"ok.txt"), Raw(name)])))
    assert problem in reason
    assert "member name" in reason


def test_zipfile_sanitised_names_still_refused(tmp_path: Path) -> None:
    # zipfile cuts names at NUL; the original name is what we check
    path = write(tmp_path, raw_zip([Raw(b"ok.txt\x00/../../x")]))
    assert "NUL" in refused(path)


def test_duplicate_names_refused(tmp_path: Path) -> None:
    path = write(tmp_path, raw_zip([Raw(b"manifest.json", b"good"), Raw(b"manifest.json", b"evil")]))
    assert "duplicate member name 'manifest.json'" in refused(path)
    # zipfile itself would silently read the last one
    with zipfile.ZipFile(path) as zf:
        assert zf.read("manifest.json") == b"evil"


def test_case_insensitive_collision_refused(tmp_path: Path) -> None:
    reason = refused(make_zip(tmp_path, {"Essay.pdf": b"1", "essay.PDF": b"2"}))
    assert "collide" in reason
    assert "Essay.pdf" in reason


def test_unicode_form_collision_refused(tmp_path: Path) -> None:
    nfc, nfd = "b\u00e0i.pdf", "ba\u0300i.pdf"
    assert "collide" in refused(make_zip(tmp_path, {nfc: b"1", nfd: b"2"}))


def test_file_and_folder_directory_clash_refused(tmp_path: Path) -> None:
    assert "collide" in refused(make_zip(tmp_path, {"a": b"1", "A/": b""}))
    assert "duplicate" in refused(make_zip(tmp_path, {"a": b"1", "a/": b""}))


def test_file_used_as_folder_refused(tmp_path: Path) -> None:
    assert "uses it as a folder" in refused(make_zip(tmp_path, {"entries": b"1", "Entries/a.pdf": b"2"}))


def test_too_many_members_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path, {f"f{i}.txt": b"x" for i in range(11)})
    assert "too many members" in refused(path, ZipLimits(max_members=10))
    with SafeZip(path, ZipLimits(max_members=11)) as archive:
        assert len(archive.names()) == 11


def test_directory_too_large_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path, {f"f{i}.txt": b"x" for i in range(20)})
    assert "central directory is too large" in refused(path, ZipLimits(max_directory_size=500))


def test_member_over_size_limit_refused(tmp_path: Path) -> None:
    reason = refused(make_zip(tmp_path, GOOD), ZipLimits(max_member_size=1000))
    assert "entries/E001/essay.pdf" in reason
    assert "too large" in reason


def test_declared_size_over_limit_refused_without_data(tmp_path: Path) -> None:
    # the header claims 4 GiB - 1; nothing is read to find out
    path = write(tmp_path, raw_zip([Raw(b"a.bin", b"x", method=8, file_size=2**32 - 1)]))
    # No fixed cap by default (signed sizes bound batches); 4 GiB from one byte is still a bomb.
    assert "ratio" in refused(path)
    assert "too large" in refused(path, ZipLimits(max_member_size=2**31))


def test_check_sizes_binds_members_to_the_signed_sizes(tmp_path: Path) -> None:
    with SafeZip(make_zip(tmp_path, {"a.bin": b"12345", "b.bin": b"1"})) as archive:
        archive.check_sizes({"a.bin": 5, "b.bin": 1})
        with pytest.raises(InputRefused) as caught:
            archive.check_sizes({"a.bin": 6, "b.bin": 2})
        assert caught.value.reason == (
            "member 'a.bin' declares 5 bytes but the signed manifest says 6; "
            "2 members disagree with the manifest"
        )
        assert archive.hash_member("a.bin") == (hashlib.sha256(b"12345").hexdigest(), 5)


def test_total_over_limit_refused(tmp_path: Path) -> None:
    members = {f"f{i}.bin": bytes(1000) for i in range(5)}
    reason = refused(make_zip(tmp_path, members), ZipLimits(max_total_size=4500))
    assert "total uncompressed size" in reason


def test_zip_bomb_refused_by_ratio_without_decompressing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    chunk = bytes(2**20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("bomb.bin", "w") as member:
        for _ in range(300):
            member.write(chunk)
    assert path.stat().st_size < 2**20
    tracemalloc.start()
    try:
        reason = refused(path, ZipLimits(max_member_size=2**30))  # only the ratio is left to catch it
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "compression ratio" in reason
    assert "bomb.bin" in reason
    assert peak < 4 * 2**20  # nothing was inflated
    assert "bomb.bin" in refused(path)  # default limits refuse it too (size and ratio)


def test_ratio_limit_is_configurable(tmp_path: Path) -> None:
    path = make_zip(tmp_path, {"zeros.bin": bytes(2 * 2**20)})
    assert "compression ratio" in refused(path)
    with SafeZip(path, ZipLimits(max_ratio=2000)) as archive:
        assert archive.size("zeros.bin") == 2 * 2**20


def test_overlapping_members_refused(tmp_path: Path) -> None:
    # two directory entries share one local header: the classic overlap bomb trick
    path = write(tmp_path, raw_zip([Raw(b"a.txt", b"hello"), Raw(b"b.txt", b"hello", offset=0)]))
    assert "overlaps" in refused(path)


def test_data_running_into_central_directory_refused(tmp_path: Path) -> None:
    path = write(tmp_path, raw_zip([Raw(b"a.txt", b"hello", compress_size=500, file_size=500)]))
    assert "overlaps" in refused(path)


def test_stored_sizes_disagree_refused(tmp_path: Path) -> None:
    path = write(tmp_path, raw_zip([Raw(b"a.txt", b"hello", file_size=3)]))
    assert "stored sizes disagree" in refused(path)


# --- fuzzing ----------------------------------------------------------------------------------


def _open_and_read_all(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.zip"
        path.write_bytes(data)
        try:
            with SafeZip(path, ZipLimits(max_member_size=2**20)) as archive:
                for index, name in enumerate(archive.names()):
                    try:
                        archive.read_bytes(name, 2**20)
                        archive.extract_to(name, Path(folder) / f"m{index}")
                    except InputRefused:
                        pass
        except InputRefused:
            pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_open_or_refuse(data: bytes) -> None:
    _open_and_read_all(data)


def _seed_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", b'{"entries": [1, 2, 3]}')
        zf.writestr("entries/", b"")
        zf.writestr("entries/a.txt", b"abc" * 300)
        zf.writestr(zipfile.ZipInfo("stored.bin"), b"stored data")
    return buffer.getvalue()


SEED = _seed_zip()


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_zip_opens_or_refuses(edits: list[tuple[int, int]]) -> None:
    data = bytearray(SEED)
    for position, value in edits:
        data[position] = value
    _open_and_read_all(bytes(data))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, len(SEED) - 1))
def test_cut_zip_opens_or_refuses(cut: int) -> None:
    _open_and_read_all(SEED[:cut])
