"""The score sheet format v1 (``.e2sheet``): a judge's signed scores, optionally sealed to the organizer.

A sheet is one line of compact UTF-8 JSON (no insignificant white space, no final newline, so every
byte of the file matters). Two forms:

* signed: ``{"format": "e2judge-sheet-signed", "version": 1, "algorithm": "Ed25519", "key_id",
  "public_key", "payload": b64(payload bytes), "signature": b64(Ed25519 over the payload bytes)}``;
* sealed: ``{"format": "e2judge-sheet-sealed", "version": 1, "suite", "recipient_key_id", "enc",
  "ciphertext"}``: the whole signed-form document sealed with HPKE (RFC 9180, base mode,
  DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305, info ``e2judge-sheet-v1``) to the
  organizer's X25519 key.

The payload (type ``e2judge-scoresheet/v1``, schema ``sheet-v1.schema.json``) is verified as exact
bytes before it is parsed. See ``docs/formats.md``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

from e2judge.core import limits
from e2judge.core.completeness import all_scored
from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.formats.fingerprint import key_id, readable_fingerprint
from e2judge.formats.jsonio import check_schema, loads_strict
from e2judge.formats.keys import public_raw_of, sign, verify

SUFFIX = ".e2sheet"
VERSION = 1
PAYLOAD_TYPE = "e2judge-scoresheet/v1"
SIGNED_FORMAT = "e2judge-sheet-signed"
SEALED_FORMAT = "e2judge-sheet-sealed"
ALGORITHM = "Ed25519"
SUITE_NAME = "HPKE-Base/X25519-HKDF-SHA256/HKDF-SHA256/ChaCha20-Poly1305"
HPKE_INFO = b"e2judge-sheet-v1"
ENC_SIZE = 32
MAX_SHEET_BYTES = 64 * 2**20
_SNIFF = 4096

SIGNED_SCHEMA = "sheet-signed-v1.schema.json"
SEALED_SCHEMA = "sheet-sealed-v1.schema.json"
PAYLOAD_SCHEMA = "sheet-v1.schema.json"

_SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)


# --- the payload ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryScores:
    """Everything the judge says about one assigned entry.

    ``points`` and ``comments`` follow the payload's ``criteria`` order; points None means not scored.
    """

    code: str
    complete: bool
    conflict_reason: str | None
    conflict_at: str
    overall_comment: str
    points: tuple[float | None, ...]
    comments: tuple[str, ...]


@dataclass(frozen=True)
class SheetPayload:
    """The signed content of a score sheet."""

    contest_id: str
    contest_name: str
    round_name: str
    batch_id: str
    batch_revision: int
    manifest_sha256: str
    rubric_sha256: str
    judge_id: str
    judge_name: str
    judge_public_key: bytes
    revision: int
    previous_sha256: str | None
    created_at: str
    app_version: str
    criteria: tuple[str, ...]
    entries: tuple[EntryScores, ...]

    @property
    def judge_key_id(self) -> str:
        return key_id(self.judge_public_key)

    def to_json(self) -> dict[str, Any]:
        """The payload as plain JSON data."""
        return {
            "type": PAYLOAD_TYPE,
            "app_version": self.app_version,
            "created_at": self.created_at,
            "contest": {"id": self.contest_id, "name": self.contest_name, "round": self.round_name},
            "batch": {
                "id": self.batch_id,
                "revision": self.batch_revision,
                "manifest_sha256": self.manifest_sha256,
            },
            "rubric_sha256": self.rubric_sha256,
            "judge": {
                "id": self.judge_id,
                "name": self.judge_name,
                "key_id": self.judge_key_id,
                "public_key": _b64(self.judge_public_key),
            },
            "revision": self.revision,
            "previous_sha256": self.previous_sha256,
            "criteria": list(self.criteria),
            "entries": [
                {
                    "code": e.code,
                    "complete": e.complete,
                    "conflict": None
                    if e.conflict_reason is None
                    else {"reason": e.conflict_reason, "declared_at": e.conflict_at},
                    "overall_comment": e.overall_comment,
                    "points": [None if p is None else float(p) for p in e.points],
                    "comments": list(e.comments),
                }
                for e in self.entries
            ],
        }


def encode_payload(payload: SheetPayload) -> bytes:
    """The exact payload bytes that are signed: compact UTF-8 JSON with sorted keys."""
    return _compact(payload.to_json(), sort_keys=True)


# An escaped UTF-16 surrogate (\uD800-\uDFFF): the only way a lone surrogate gets into parsed text.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF]")


def decode_payload(source: str, data: bytes) -> SheetPayload:
    """Parse payload bytes strictly, check them against the schema and the format's own rules."""
    doc = loads_strict(source, data, "sheet payload")
    if not isinstance(doc, dict) or doc.get("type") != PAYLOAD_TYPE:
        found = doc.get("type") if isinstance(doc, dict) else None
        raise InputRefused(
            source, f"unknown score sheet payload type {_show(found)} (expected {PAYLOAD_TYPE})"
        )
    fast = _entries_fast(doc)  # the usual sheet, checked column by column; None: check one by one
    if fast is None:
        check_payload_schema(source, doc)
    else:
        check_schema(source, {**doc, "entries": doc["entries"][:1]}, PAYLOAD_SCHEMA, "sheet payload")
    if _SURROGATE_ESCAPE.search(data):
        _check_surrogates(source, doc)
    judge = doc["judge"]
    public = _b64_exact(source, judge["public_key"], "payload judge.public_key", 32)
    if key_id(public) != judge["key_id"]:
        raise InputRefused(source, "sheet payload: judge.key_id does not match judge.public_key")
    revision, previous = doc["revision"], doc["previous_sha256"]
    if (revision == 1) != (previous is None):
        raise InputRefused(
            source, "sheet payload: previous_sha256 must be null for revision 1 and set for later revisions"
        )
    criteria = tuple(doc["criteria"])
    if len({c.casefold() for c in criteria}) != len(criteria):
        raise InputRefused(source, "sheet payload: a criterion is listed twice")
    width = len(criteria)
    entries = fast if fast is not None else _decode_entries(source, doc, width)
    contest = doc["contest"]
    batch = doc["batch"]
    return SheetPayload(
        contest_id=contest["id"],
        contest_name=contest["name"],
        round_name=contest["round"],
        batch_id=batch["id"],
        batch_revision=batch["revision"],
        manifest_sha256=batch["manifest_sha256"],
        rubric_sha256=doc["rubric_sha256"],
        judge_id=judge["id"],
        judge_name=judge["name"],
        judge_public_key=public,
        revision=revision,
        previous_sha256=previous,
        created_at=doc["created_at"],
        app_version=doc["app_version"],
        criteria=criteria,
        entries=tuple(entries),
    )


def _decode_entries(source: str, doc: dict[str, Any], width: int) -> list[EntryScores]:
    """The entries of a schema-checked payload, one by one, refusing duplicates and bad shapes."""
    entries: list[EntryScores] = []
    codes: set[str] = set()
    for item in doc["entries"]:
        code = item["code"]
        folded = code.casefold()
        if folded in codes:
            raise InputRefused(source, f"sheet payload: entry {code!r} is listed twice")
        codes.add(folded)
        points = tuple(None if p is None else float(p) for p in item["points"])
        comments = tuple(item["comments"])
        if len(points) != width or len(comments) != width:
            raise InputRefused(
                source, f"sheet payload: entry {code} must have {width} points and {width} comments"
            )
        conflict = item["conflict"]
        reason = None if conflict is None else conflict["reason"]
        entry = EntryScores(
            code,
            item["complete"],
            reason,
            "" if conflict is None else conflict["declared_at"],
            item["overall_comment"],
            points,
            comments,
        )
        if entry.complete and not all_scored(reason, points):
            raise InputRefused(
                source, f"sheet payload: entry {code} is marked complete with a conflict or unscored criteria"
            )
        entries.append(entry)
    return entries


# Entries are checked by hand (thousands per sheet; a generic validator is 3x slower). The checks are
# exactly those of sheet-v1.schema.json's entry items (tests compare the two on random documents),
# except that ids are matched in full: a trailing newline is refused, as ECMA-262 "$" means.
_ENTRY_KEYS = frozenset({"code", "complete", "conflict", "overall_comment", "points", "comments"})
_CONFLICT_KEYS = frozenset({"reason", "declared_at"})
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
MAX_ENTRIES = 200_000
MAX_CRITERIA = limits.MAX_CRITERIA  # the shared limits (core/limits.py): a rubric a batch may carry
MAX_TEXT = limits.MAX_COMMENT
MAX_REASON = limits.MAX_CONFLICT_REASON
MAX_POINTS = limits.MAX_POINTS


def check_payload_schema(source: str, doc: dict[str, Any]) -> None:
    """Validate a payload against ``sheet-v1.schema.json``: the schema itself for everything but the
    entries after the first, and the same rules by hand for every entry."""
    entries = doc.get("entries")
    head = {**doc, "entries": entries[:1]} if isinstance(entries, list) else doc
    check_schema(source, head, PAYLOAD_SCHEMA, "sheet payload")
    if not isinstance(entries, list):  # pragma: no cover - the schema refused it above
        raise InputRefused(source, "sheet payload field entries: must be a list")
    if len(entries) > MAX_ENTRIES:
        raise InputRefused(source, f"sheet payload field entries: more than {MAX_ENTRIES} entries")
    for index, item in enumerate(entries):
        problem = entry_problem(item)
        if problem is not None:
            field, message = problem
            where = f"entries/{index}/{field}" if field else f"entries/{index}"
            raise InputRefused(source, f"sheet payload field {where}: {message}")


def entry_problem(item: object) -> tuple[str, str] | None:
    """What is wrong with one payload entry under the schema: (field path, message), or None."""
    if type(item) is not dict:
        return "", "must be an object"
    if item.keys() != _ENTRY_KEYS:
        missing = sorted(_ENTRY_KEYS - item.keys())
        extra = sorted(item.keys() - _ENTRY_KEYS)
        return ("", f"{missing[0]} is missing") if missing else ("", f"unknown field {extra[0]!r}")
    code = item["code"]
    if type(code) is not str or not _ID.fullmatch(code):
        return "code", "must be an id (letters, digits, '.', '_', '-'; at most 100)"
    if type(item["complete"]) is not bool:
        return "complete", "must be true or false"
    conflict = item["conflict"]
    if conflict is not None:
        problem = _conflict_problem(conflict)
        if problem is not None:
            return problem
    overall = item["overall_comment"]
    if type(overall) is not str or len(overall) > MAX_TEXT:
        return "overall_comment", f"must be text of at most {MAX_TEXT} characters"
    points = item["points"]
    if type(points) is not list or len(points) > MAX_CRITERIA:
        return "points", f"must be a list of at most {MAX_CRITERIA} numbers"
    for position, value in enumerate(points):
        if value is not None and (type(value) not in (int, float) or not 0 <= value <= MAX_POINTS):
            return f"points/{position}", f"must be null or a number from 0 to {MAX_POINTS}"
    comments = item["comments"]
    if type(comments) is not list or len(comments) > MAX_CRITERIA:
        return "comments", f"must be a list of at most {MAX_CRITERIA} texts"
    for position, text in enumerate(comments):
        if type(text) is not str or len(text) > MAX_TEXT:
            return f"comments/{position}", f"must be text of at most {MAX_TEXT} characters"
    return None


_ENTRY_FIELDS = operator.itemgetter("code", "complete", "conflict", "overall_comment", "points", "comments")
_NONE = type(None)


def _entries_fast(doc: dict[str, Any]) -> list[EntryScores] | None:
    """The entries when every one of them is well-formed, checked column by column in bulk; else None.

    Returns entries only when the one-by-one path (``check_payload_schema`` then ``_decode_entries``)
    would accept every entry and return the very same ones; anything unusual (an int among the points,
    a wrong width, a duplicate code, a bad field...) returns None, so that the one-by-one path finds
    the first problem and names it.
    """
    entries, criteria = doc.get("entries"), doc.get("criteria")
    if type(entries) is not list or not entries or len(entries) > MAX_ENTRIES or type(criteria) is not list:
        return None
    width = len(criteria)
    if not 1 <= width <= MAX_CRITERIA or set(map(type, entries)) != {dict}:
        return None
    if not all(map(operator.eq, map(dict.keys, entries), repeat(_ENTRY_KEYS))):
        return None
    codes, completes, conflicts, overalls, points, comments = zip(*map(_ENTRY_FIELDS, entries), strict=True)
    if set(map(type, codes)) != {str} or not all(map(_ID.fullmatch, codes)):
        return None
    if len(set(map(str.casefold, codes))) != len(codes) or set(map(type, completes)) != {bool}:
        return None
    if set(map(type, overalls)) != {str} or max(map(len, overalls)) > MAX_TEXT:
        return None
    if set(map(type, points)) != {list} or set(map(len, points)) != {width}:
        return None
    if set(map(type, comments)) != {list} or set(map(len, comments)) != {width}:
        return None
    flat_comments = list(chain.from_iterable(comments))
    if set(map(type, flat_comments)) != {str} or max(map(len, flat_comments)) > MAX_TEXT:
        return None
    flat = list(chain.from_iterable(points))
    kinds = set(map(type, flat))
    if not kinds <= {float, _NONE}:
        return None  # ints (to convert), bools, strings...: one by one
    numbers = [v for v in flat if v is not None] if _NONE in kinds else flat
    if numbers and not (min(numbers) >= 0 and max(numbers) <= MAX_POINTS and not math.isnan(sum(numbers))):
        return None  # (min and max can step over a NaN; the sum of in-range numbers cannot)
    if conflicts.count(None) == len(conflicts):
        reasons: Sequence[str | None] = [None] * len(conflicts)
        declared: Sequence[str] = [""] * len(conflicts)
    else:
        if any(_conflict_problem(c) for c in conflicts if c is not None):
            return None
        reasons = [None if c is None else c["reason"] for c in conflicts]
        declared = ["" if c is None else c["declared_at"] for c in conflicts]
    everything_scored = _NONE not in kinds and len(reasons) == reasons.count(None)
    rows = zip(completes, reasons, points, strict=True)
    if not everything_scored and any(done and not all_scored(r, tuple(p)) for done, r, p in rows):
        return None
    fields = (codes, completes, reasons, declared, overalls, map(tuple, points), map(tuple, comments))
    return list(map(EntryScores, *fields))


def _conflict_problem(conflict: object) -> tuple[str, str] | None:
    """What is wrong with a non-null ``conflict`` under the schema: (field path, message), or None."""
    if type(conflict) is not dict or conflict.keys() != _CONFLICT_KEYS:
        return "conflict", "must be null or an object with reason and declared_at"
    reason, at = conflict["reason"], conflict["declared_at"]
    if type(reason) is not str or not 1 <= len(reason) <= MAX_REASON:
        return "conflict/reason", f"must be text of 1 to {MAX_REASON} characters"
    if type(at) is not str or len(at) > 40:
        return "conflict/declared_at", "must be text of at most 40 characters"
    return None


def _check_surrogates(source: str, value: object) -> None:
    """Refuse text holding an unpaired surrogate (it cannot be stored or shown)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InputRefused(source, "sheet payload: text holds an unpaired surrogate") from None
    elif isinstance(value, dict):
        for item in value.values():
            _check_surrogates(source, item)
    elif isinstance(value, list):
        for item in value:
            _check_surrogates(source, item)


# --- signing and sealing ----------------------------------------------------------------------


def sign_payload(private: Ed25519PrivateKey, payload_bytes: bytes) -> bytes:
    """The signed-form document (file bytes) for ``payload_bytes``."""
    public = public_raw_of(private)
    return _compact(
        {
            "format": SIGNED_FORMAT,
            "version": VERSION,
            "algorithm": ALGORITHM,
            "key_id": key_id(public),
            "public_key": _b64(public),
            "payload": _b64(payload_bytes),
            "signature": _b64(sign(private, payload_bytes)),
        }
    )


def seal(signed_document: bytes, recipient_public: bytes) -> bytes:
    """The sealed-form document (file bytes): ``signed_document`` encrypted to ``recipient_public``."""
    sealed = _SUITE.encrypt(signed_document, X25519PublicKey.from_public_bytes(recipient_public), HPKE_INFO)
    return _compact(
        {
            "format": SEALED_FORMAT,
            "version": VERSION,
            "suite": SUITE_NAME,
            "recipient_key_id": key_id(recipient_public),
            "enc": _b64(sealed[:ENC_SIZE]),
            "ciphertext": _b64(sealed[ENC_SIZE:]),
        }
    )


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifiedSheet:
    """A sheet whose signature, schema and rules checked out (not yet bound to any workspace)."""

    source: str
    payload: SheetPayload
    payload_bytes: bytes
    signed_document: bytes
    sealed: bool
    signature: bytes = b""  # Ed25519 over ``payload_bytes``

    @cached_property
    def payload_sha256(self) -> str:
        return hashlib.sha256(self.payload_bytes).hexdigest()

    @cached_property
    def signer_key_id(self) -> str:
        return key_id(self.payload.judge_public_key)

    @cached_property
    def signer_fingerprint(self) -> str:
        return readable_fingerprint(self.payload.judge_public_key)


@dataclass(frozen=True)
class Envelope:
    """The outer form of a sheet file, read without any key."""

    form: str  # "signed" | "sealed"
    key_id: str  # the signer's key id, or the recipient's for a sealed sheet


def read_envelope(source: str, data: bytes) -> tuple[Envelope, dict[str, Any]]:
    """Parse and check the outer document (either form): its format, version and schema."""
    if not data:
        raise InputRefused(source, "empty file: not an E2 Judge score sheet")
    if len(data) > MAX_SHEET_BYTES:
        raise InputRefused(source, f"too large for a score sheet (over {MAX_SHEET_BYTES // 2**20} MiB)")
    doc = loads_strict(source, data, "score sheet")
    if not isinstance(doc, dict) or doc.get("format") not in (SIGNED_FORMAT, SEALED_FORMAT):
        found = doc.get("format") if isinstance(doc, dict) else None
        raise InputRefused(source, f"not an E2 Judge score sheet (format is {_show(found)})")
    version = doc.get("version")
    if type(version) is not int or version != VERSION:
        raise InputRefused(
            source, f"unknown score sheet format version {_show(version)} (this app reads {VERSION})"
        )
    if doc["format"] == SEALED_FORMAT:
        check_schema(source, doc, SEALED_SCHEMA, "sealed sheet")
        _check_exact_form(source, data, doc, _SEALED_ORDER)
        return Envelope("sealed", doc["recipient_key_id"]), doc
    check_schema(source, doc, SIGNED_SCHEMA, "signed sheet")
    _check_exact_form(source, data, doc, _SIGNED_ORDER)
    return Envelope("signed", doc["key_id"]), doc


_SIGNED_ORDER = ("format", "version", "algorithm", "key_id", "public_key", "payload", "signature")
_SEALED_ORDER = ("format", "version", "suite", "recipient_key_id", "enc", "ciphertext")


def _check_exact_form(source: str, data: bytes, doc: dict[str, Any], order: tuple[str, ...]) -> None:
    """The envelope must be byte for byte what the writer makes: one compact line, keys in order.

    docs/formats.md: every byte matters, so added white space, a final newline, re-ordered keys or
    re-encoded characters are refused rather than read past.
    """
    if _compact({name: doc[name] for name in order}) != data:
        raise InputRefused(
            source,
            _(
                "not in the exact form of a score sheet (white space, a line break or a final "
                "newline was added, or it was re-encoded): every byte of a sheet matters; use the "
                "file as the judge's app wrote it"
            ),
        )


def open_sheet(source: str, data: bytes, sealing_key: X25519PrivateKey | None = None) -> VerifiedSheet:
    """Check a sheet file's bytes completely: open the seal if any, verify, then parse the payload.

    Refused (``InputRefused``) when sealed for another key (or no key is given), altered, truncated,
    of an unknown version, or not matching the schema.
    """
    envelope, doc = read_envelope(source, data)
    return open_envelope(source, data, envelope, doc, sealing_key)


def open_envelope(
    source: str,
    data: bytes,
    envelope: Envelope,
    doc: dict[str, Any],
    sealing_key: X25519PrivateKey | None = None,
) -> VerifiedSheet:
    """``open_sheet`` for a file whose envelope ``read_envelope`` already parsed."""
    if envelope.form == "signed":
        return _open_signed(source, data, doc, sealed=False)
    if sealing_key is None:
        raise InputRefused(
            source,
            f"sealed for organizer key {envelope.key_id}: only that organizer's workspace can open it",
        )
    mine = key_id(public_raw_of(sealing_key))
    if envelope.key_id != mine:
        raise InputRefused(
            source,
            f"sealed for another organizer key ({envelope.key_id}); this workspace's key is {mine}",
        )
    enc = _b64_exact(source, doc["enc"], "enc", ENC_SIZE)
    ciphertext = _b64_any(source, doc["ciphertext"], "ciphertext")
    try:
        inner = _SUITE.decrypt(enc + ciphertext, sealing_key, HPKE_INFO)
    except (InvalidTag, ValueError):
        raise InputRefused(source, "the sealed sheet was altered or damaged (decryption failed)") from None
    inner_envelope, inner_doc = read_envelope(source, inner)
    if inner_envelope.form != "signed":
        raise InputRefused(source, "the sealed sheet does not hold a signed sheet")
    return _open_signed(source, inner, inner_doc, sealed=True)


def _open_signed(source: str, data: bytes, doc: dict[str, Any], *, sealed: bool) -> VerifiedSheet:
    public = _b64_exact(source, doc["public_key"], "public_key", 32)
    if key_id(public) != doc["key_id"]:
        raise InputRefused(source, "bad signature: the key id does not match the sheet's public key")
    payload_bytes = _b64_any(source, doc["payload"], "payload")
    signature = _b64_exact(source, doc["signature"], "signature", 64)
    if not verify(public, payload_bytes, signature):
        raise InputRefused(source, "bad signature: the sheet was changed after it was signed")
    payload = decode_payload(source, payload_bytes)
    if payload.judge_public_key != public:
        raise InputRefused(source, "the payload names another judge key than the one that signed it")
    return VerifiedSheet(source, payload, payload_bytes, data, sealed, signature)


def read_sheet_file(path: Path, sealing_key: X25519PrivateKey | None = None) -> tuple[VerifiedSheet, bytes]:
    """Read and check a sheet file; returns the verified sheet and the file's bytes."""
    data = read_sheet_bytes(path)
    return open_sheet(str(path), data, sealing_key), data


def read_sheet_bytes(path: Path) -> bytes:
    """A sheet file's bytes, size-limited; unreadable files are refused."""
    source = str(path)
    try:
        with Path(path).open("rb") as fh:
            data = fh.read(MAX_SHEET_BYTES + 1)
    except OSError as exc:
        raise InputRefused(source, f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > MAX_SHEET_BYTES:
        raise InputRefused(source, f"too large for a score sheet (over {MAX_SHEET_BYTES // 2**20} MiB)")
    return data


def sniff_sealed(path: Path) -> bool:
    """Cheap check whether a file looks like a sealed sheet: its format name near the start or end.

    (The envelope is small except for one long ciphertext string, so the format is within 4 KiB of
    either end.) A hint only, for asking for the passphrase; ``open_sheet`` decides.
    """
    marker = b'"' + SEALED_FORMAT.encode("ascii") + b'"'
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(_SNIFF)
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - _SNIFF))
            tail = fh.read(_SNIFF)
    except OSError:
        return False
    return marker in head or marker in tail


def sheet_file_name(contest_id: str, judge_id: str, revision: int, round_slug: str | None = None) -> str:
    """``<contest>-<judge>-r<revision>.e2sheet`` (with the round when one is given)."""
    middle = f"{contest_id}-{round_slug}-{judge_id}" if round_slug else f"{contest_id}-{judge_id}"
    return f"{middle}-r{revision}{SUFFIX}"


# --- helpers ----------------------------------------------------------------------------------


def _compact(document: dict[str, Any], *, sort_keys: bool = False) -> bytes:
    return json.dumps(document, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":")).encode(
        "utf-8"
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64_any(source: str, value: str, name: str) -> bytes:
    try:
        decoded = base64.b64decode(value.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        raise InputRefused(source, f"field {name}: not valid base64") from None
    if _b64(decoded) != value:
        raise InputRefused(source, f"field {name}: not canonical base64")
    return decoded


def _b64_exact(source: str, value: str, name: str, size: int) -> bytes:
    decoded = _b64_any(source, value, name)
    if len(decoded) != size:
        raise InputRefused(source, f"field {name}: must be base64 of exactly {size} bytes")
    return decoded


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
