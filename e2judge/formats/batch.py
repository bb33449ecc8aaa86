"""The batch file format v1 (``.e2batch``): a zip with a signed manifest and its attachments.

Members: ``manifest.json`` (the exact signed bytes), ``signature.json`` (Ed25519 signature over
those bytes, with the signer's key id) and ``attachments/<sha256>`` for every attachment listed.
Nothing else is allowed. See ``docs/formats.md``.
"""

from __future__ import annotations

import base64
import hashlib
import os
import zipfile
import zlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from e2judge.core import limits
from e2judge.core.errors import InputRefused
from e2judge.core.filenames import is_reserved_name
from e2judge.core.i18n import _
from e2judge.core.rubric import Rubric, rubric_problems
from e2judge.formats.cleanup import remove_file
from e2judge.formats.fingerprint import key_id, readable_fingerprint
from e2judge.formats.jsonio import check_schema, dumps_pretty, loads_strict
from e2judge.formats.keys import public_raw_of, sign, verify
from e2judge.formats.safe_write import atomic_file
from e2judge.formats.zipsafe import SafeZip, ZipLimits

FORMAT = "e2judge-batch"
VERSION = 1
SUFFIX = ".e2batch"
MANIFEST = "manifest.json"
SIGNATURE = "signature.json"
ATTACHMENT_PREFIX = "attachments/"
MAX_MANIFEST = 64 * 2**20
MAX_SIGNATURE = 4096
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# How a batch zip is opened. Members are bound to the sizes the signed manifest declares
# (``SafeZip.check_sizes``) before any is read, so the ratio rule only needs to refuse what
# deflate cannot produce (its maximum is about 1032:1): a text attachment that compresses 400:1
# is legitimate.
ZIP_LIMITS = ZipLimits(max_ratio=1100.0)
_COPY_CHUNK = 4 * 2**20


@dataclass(frozen=True)
class VerifiedBatch:
    """A batch whose signature, member list and manifest schema checked out."""

    path: Path
    manifest: dict[str, Any]
    manifest_bytes: bytes
    manifest_sha256: str
    signer_public: bytes

    @property
    def signer_key_id(self) -> str:
        return key_id(self.signer_public)

    @property
    def signer_fingerprint(self) -> str:
        return readable_fingerprint(self.signer_public)

    @property
    def rubric(self) -> Rubric:
        return Rubric.from_json(self.manifest["rubric"])

    def attachments(self) -> dict[str, int]:
        """Every distinct attachment hash listed, with its size."""
        found: dict[str, int] = {}
        for entry in self.manifest["entries"]:
            for att in entry["attachments"]:
                found[att["sha256"]] = att["size"]
        return found


def signature_document(private: Ed25519PrivateKey, manifest_bytes: bytes) -> dict[str, str | int]:
    """The ``signature.json`` content for ``manifest_bytes``."""
    public = public_raw_of(private)
    return {
        "format": "e2judge-signature",
        "version": 1,
        "algorithm": "Ed25519",
        "key_id": key_id(public),
        "signature": base64.b64encode(sign(private, manifest_bytes)).decode("ascii"),
    }


def write_batch(
    out: Path,
    manifest: Mapping[str, Any],
    attachment_files: Mapping[str, Path],
    private: Ed25519PrivateKey,
) -> str:
    """Sign ``manifest`` and write the batch zip atomically; returns the manifest's SHA-256.

    ``attachment_files`` maps each listed SHA-256 to a file with that content.
    """
    manifest_bytes = dumps_pretty(dict(manifest))
    sig = dumps_pretty(signature_document(private, manifest_bytes))
    with (
        atomic_file(out) as fh,
        zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf,
    ):
        _write_member(zf, MANIFEST, manifest_bytes)
        _write_member(zf, SIGNATURE, sig)
        for digest in sorted(attachment_files):
            _write_file_member(zf, ATTACHMENT_PREFIX + digest, attachment_files[digest])
    return hashlib.sha256(manifest_bytes).hexdigest()


# Already compressed: deflating these only makes them bigger (and costs minutes for a video).
STORED_SUFFIXES = frozenset(
    {
        # video and audio
        ".mp4", ".m4v", ".mov", ".avi", ".mkv", ".webm", ".wmv", ".flv", ".3gp", ".mpg", ".mpeg",
        ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".wma", ".flac",
        # images
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".avif",
        # documents that are zips or compressed streams
        ".pdf", ".docx", ".xlsx", ".pptx", ".docm", ".xlsm", ".pptm", ".odt", ".ods", ".odp",
        ".epub", ".one", ".onepkg",
        # archives
        ".zip", ".7z", ".rar", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".e2batch", ".e2sheet",
    }
)
_TRIAL_SIZE = 2**20
_TRIAL_GAIN = 0.97  # deflate only when the first MiB shrinks to under 97 %


def compression_for(path: Path) -> int:
    """``ZIP_STORED`` for a file that does not compress (by its suffix, else by deflating its
    first MiB as a trial), ``ZIP_DEFLATED`` otherwise."""
    if path.suffix.lower() in STORED_SUFFIXES:
        return zipfile.ZIP_STORED
    with path.open("rb") as fh:
        head = fh.read(_TRIAL_SIZE)
    if not head or len(zlib.compress(head, 6)) >= len(head) * _TRIAL_GAIN:
        return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


def _write_file_member(zf: zipfile.ZipFile, name: str, path: Path) -> None:
    """Stream ``path`` into the archive, stored or deflated (``compression_for``); zip64 as needed."""
    info = zipfile.ZipInfo(name, _ZIP_TIME)
    info.compress_type = compression_for(path)
    with path.open("rb") as src:
        info.file_size = os.fstat(src.fileno()).st_size  # lets zipfile choose zip64 up front
        with zf.open(info, "w") as dst:
            while chunk := src.read(_COPY_CHUNK):
                dst.write(chunk)


def _write_member(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, _ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def read_signature(source: str, data: bytes) -> tuple[str, bytes]:
    """Parse ``signature.json``: (key id, raw signature)."""
    doc = loads_strict(source, data, SIGNATURE)
    check_schema(source, doc, "signature-v1.schema.json", SIGNATURE)
    try:
        raw = base64.b64decode(doc["signature"], validate=True)
    except ValueError:
        raise InputRefused(source, _("{member}: signature is not base64").format(member=SIGNATURE)) from None
    return str(doc["key_id"]), raw


def open_batch(path: Path, zf: SafeZip) -> VerifiedBatch:
    """Check the batch in the open zip ``zf``: format, signature, schema and member list.

    Attachment contents are not read here; ``extract_attachments`` checks their hashes.
    """
    source = str(path)
    names = set(zf.names())
    for required in (MANIFEST, SIGNATURE):
        if required not in names:
            raise InputRefused(
                source, _("not an E2 Judge batch: {member} is missing").format(member=required)
            )
    manifest_bytes = zf.read_bytes(MANIFEST, MAX_MANIFEST)
    manifest = loads_strict(source, manifest_bytes, MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputRefused(
            source, _("not an E2 Judge batch (format is not {format})").format(format=repr(FORMAT))
        )
    if manifest.get("version") != VERSION:
        raise InputRefused(
            source,
            _("unknown batch format version {version} (this app reads {supported})").format(
                version=repr(manifest.get("version")), supported=VERSION
            ),
        )
    signed_key_id, signature = read_signature(source, zf.read_bytes(SIGNATURE, MAX_SIGNATURE))
    organizer = manifest.get("organizer")
    public_b64 = organizer.get("public_key") if isinstance(organizer, dict) else None
    try:
        public = base64.b64decode(str(public_b64), validate=True)
    except ValueError:
        public = b""
    if len(public) != 32 or key_id(public) != signed_key_id:
        raise InputRefused(source, _("bad signature: the signer's key id does not match the manifest's key"))
    if not verify(public, manifest_bytes, signature):
        raise InputRefused(source, _("bad signature: the manifest was changed or not signed by its key"))
    check_manifest(source, manifest)
    batch = VerifiedBatch(path, manifest, manifest_bytes, hashlib.sha256(manifest_bytes).hexdigest(), public)
    _check_members(source, batch, names)
    # Every attachment's declared size is the signed one: reads never go past it, so the signed
    # manifest (not a fixed cap) bounds each member and the total.
    zf.check_sizes({ATTACHMENT_PREFIX + d: size for d, size in batch.attachments().items()})
    return batch


def check_manifest(source: str, manifest: dict[str, Any]) -> None:
    """Refuse a manifest a judge's import would refuse: schema, rubric rules and shared limits.

    ``open_batch`` calls it after the signature checked out; ``org build`` calls it before it
    signs, so nothing is signed that no judge can import (core/limits.py, core/rubric.py).
    """
    check_schema(source, manifest, "batch-manifest-v1.schema.json", MANIFEST)
    rubric = Rubric.from_json(manifest["rubric"])
    if manifest["rubric_sha256"] != rubric.sha256():
        raise InputRefused(source, _("rubric_sha256 does not match the rubric in the manifest"))
    codes: set[str] = set()
    for entry in manifest["entries"]:
        code = entry["code"].casefold()
        if code in codes:
            raise InputRefused(
                source, _("entry code {code} is listed twice").format(code=repr(entry["code"]))
            )
        codes.add(code)
    _check_device_names(source, manifest)
    problems = rubric_problems(rubric)
    if problems:
        first = problems[0]
        where = (
            _("rubric criterion {id}").format(id=rubric.criteria[first.position].id[:80])
            if first.position is not None
            else _("rubric")
        )
        raise InputRefused(source, f"{where}: {first.message}")
    threshold = manifest["contest"]["discrepancy_threshold"]
    if threshold is not None:
        bad = limits.number_problem(threshold, 0.0, limits.MAX_THRESHOLD)
        if bad:
            raise InputRefused(source, _("discrepancy_threshold {problem}").format(problem=bad))
    bad_revision = limits.revision_problem(manifest["revision"])
    if bad_revision:
        raise InputRefused(source, bad_revision)


def _check_members(source: str, batch: VerifiedBatch, names: set[str]) -> None:
    sizes: dict[str, int] = {}
    for entry in batch.manifest["entries"]:
        for att in entry["attachments"]:
            if sizes.setdefault(att["sha256"], att["size"]) != att["size"]:
                raise InputRefused(
                    source,
                    _("attachment {sha256} is listed with two different sizes").format(sha256=att["sha256"]),
                )
    expected = {MANIFEST, SIGNATURE} | {ATTACHMENT_PREFIX + d for d in batch.attachments()}
    extra = sorted(names - expected)
    if extra:
        raise InputRefused(
            source, _("member {name} is not listed in the manifest").format(name=repr(extra[0]))
        )
    missing = sorted(expected - names)
    if missing:
        raise InputRefused(
            source, _("listed attachment {name} is missing from the batch").format(name=repr(missing[0]))
        )


def _check_device_names(source: str, manifest: dict[str, Any]) -> None:
    """Refuse ids and attachment names Windows would take for a device (``CON``, ``nul.pdf``)."""
    names = [manifest["batch_id"], manifest["contest"]["id"], manifest["judge"]["id"]]
    for entry in manifest["entries"]:
        names.append(entry["code"])
        names.extend(att["name"] for att in entry["attachments"])
    reserved = sorted({name for name in names if is_reserved_name(name)})
    if reserved:
        raise InputRefused(
            source,
            _("{names}: names Windows keeps for devices (CON, PRN, AUX, NUL, COM1-9, LPT1-9)").format(
                names=", ".join(repr(n) for n in reserved)
            ),
        )


def extract_attachments(
    zf: SafeZip,
    batch: VerifiedBatch,
    dest_for: Callable[[str], Path],
    progress: Callable[[int, int], bool] | None = None,
    skip: Collection[str] = (),
) -> list[Path]:
    """Stream every attachment to ``dest_for(sha256)``, checking size and hash; returns the files written.

    Attachments whose hash is in ``skip`` (already stored) are hashed from the zip but not written.

    Files are not fsynced one by one: the caller makes them durable at once (``flush_to_disk``).
    ``progress(done, total)`` may return False to cancel (raises ``ImportCancelled``). On any
    failure or cancel every file written so far is removed.
    """
    written: list[Path] = []
    items = sorted(batch.attachments().items())
    try:
        for done, (digest, size) in enumerate(items, 1):
            if digest in skip:
                _verify_member(zf, batch, digest, size)
            else:
                dest = dest_for(digest)
                zf.extract_to(
                    ATTACHMENT_PREFIX + digest, dest, expected_sha256=digest, expected_size=size, sync=False
                )
                written.append(dest)
            if progress is not None and not progress(done, len(items)):
                raise ImportCancelled(str(batch.path))
    except BaseException:
        for path in written:
            remove_file(path)
        raise
    return written


def verify_attachments(zf: SafeZip, batch: VerifiedBatch) -> None:
    """Stream every attachment through SHA-256 without writing it anywhere; refused on a mismatch."""
    for digest, size in sorted(batch.attachments().items()):
        _verify_member(zf, batch, digest, size)


def _verify_member(zf: SafeZip, batch: VerifiedBatch, digest: str, size: int) -> None:
    found, total = zf.hash_member(ATTACHMENT_PREFIX + digest)
    if found != digest or total != size:
        raise InputRefused(
            str(batch.path), _("member {name}: hash mismatch").format(name=repr(ATTACHMENT_PREFIX + digest))
        )


def flush_to_disk(paths: list[Path]) -> None:
    """Make freshly written files durable: one ``sync()`` where the OS has it, else fsync each."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for path in paths:
        with path.open("rb+") as fh:
            os.fsync(fh.fileno())


class ImportCancelled(Exception):
    """The person cancelled an import; nothing was changed."""
