"""Passphrase-protected key files for Ed25519 (signing) and X25519 (sealing), and signatures.

A key file is UTF-8 JSON::

    {"format": "e2judge-key", "version": 1, "kind": "ed25519" | "x25519", "label": str,
     "public_key": b64(32 raw bytes),
     "kdf": {"name": "scrypt", "n": int, "r": int, "p": int, "salt": b64(16 bytes)},
     "cipher": "chacha20poly1305", "nonce": b64(12 bytes), "ciphertext": b64(32 + 16 bytes)}

The private key is encrypted with ChaCha20-Poly1305 under ``scrypt(NFC(passphrase), salt, n, r, p)``;
the associated data is the canonical JSON of format, version, kind, label and public_key, so changing
any of them makes decryption fail. Files asking for a weak KDF are refused before any work is done.
"""

from __future__ import annotations

import base64
import binascii
import errno
import json
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.core.text import clean_line
from e2judge.formats.fingerprint import key_id, readable_fingerprint
from e2judge.formats.jsonio import loads_strict
from e2judge.formats.safe_write import write_atomic

KeyKind = Literal["ed25519", "x25519"]
KEY_KINDS: tuple[KeyKind, ...] = ("ed25519", "x25519")

KEY_FORMAT = "e2judge-key"
PUBLIC_KEY_FORMAT = "e2judge-public-key"
FORMAT_VERSION = 1
CIPHER = "chacha20poly1305"

DEFAULT_N = 2**17  # scrypt cost: with r=8 this needs 128 MiB of memory per unlock
DEFAULT_R = 8
DEFAULT_P = 1
MIN_N = 2**14
MAX_N = 2**20
MIN_R = 8
MAX_R = 16
MAX_P = 4
MAX_KDF_MEMORY = 2**30  # 128 * n * r bytes

RAW_KEY_SIZE = 32
SIGNATURE_SIZE = 64
SALT_SIZE = 16
NONCE_SIZE = 12
TAG_SIZE = 16
MAX_LABEL_LENGTH = 200
MAX_KEY_FILE_BYTES = 64 * 1024

_PUBLIC_FIELDS = frozenset({"format", "version", "kind", "label", "public_key"})
_KEY_FIELDS = _PUBLIC_FIELDS | {"kdf", "cipher", "nonce", "ciphertext"}
_KDF_FIELDS = frozenset({"name", "n", "r", "p", "salt"})


class WrongPassphrase(InputRefused):
    """The passphrase does not open this key file (or the file was altered)."""

    def __init__(self, path: Path) -> None:
        reason = _("wrong passphrase for key {name} (or the key file was altered)").format(name=path.name)
        super().__init__(str(path), reason)


@dataclass(frozen=True)
class PublicKeyInfo:
    """The public half of a key and its label."""

    kind: str
    public_raw: bytes
    label: str

    @property
    def key_id(self) -> str:
        """16 hex characters identifying the key."""
        return key_id(self.public_raw)

    @property
    def fingerprint(self) -> str:
        """Six groups of four digits to compare by voice."""
        return readable_fingerprint(self.public_raw)


@dataclass(frozen=True)
class _KeyFile:
    kind: KeyKind
    label: str
    public_raw: bytes
    n: int
    r: int
    p: int
    salt: bytes
    nonce: bytes
    ciphertext: bytes


# --- generating -------------------------------------------------------------------------------


def generate_key_file(
    path: Path, kind: KeyKind, passphrase: str, label: str, n: int = DEFAULT_N
) -> PublicKeyInfo:
    """Create a new key pair and write it to ``path``, encrypted under ``passphrase``.

    Refuses to overwrite an existing file (``FileExistsError``). The file is written atomically
    with mode 0o600 where the OS supports it; the private key never reaches disk unencrypted.
    """
    if kind not in KEY_KINDS:
        raise ValueError(f"unknown key kind {_show(kind)}")
    if not passphrase:
        raise ValueError(_("the passphrase must not be empty"))
    _check_kdf_cost(n, DEFAULT_R, DEFAULT_P)
    label = clean_line(label)
    if len(label) > MAX_LABEL_LENGTH:
        raise ValueError(_("the label is longer than {limit} characters").format(limit=MAX_LABEL_LENGTH))
    path = Path(path)
    if path.exists():
        raise FileExistsError(errno.EEXIST, "refusing to overwrite an existing key file", str(path))

    private: Ed25519PrivateKey | X25519PrivateKey = (
        Ed25519PrivateKey.generate() if kind == "ed25519" else X25519PrivateKey.generate()
    )
    public_raw = public_raw_of(private)
    private_raw = private.private_bytes_raw()
    salt = secrets.token_bytes(SALT_SIZE)
    nonce = secrets.token_bytes(NONCE_SIZE)
    secret = _derive(passphrase, salt, n, DEFAULT_R, DEFAULT_P)
    ciphertext = ChaCha20Poly1305(secret).encrypt(nonce, private_raw, _aad(kind, label, public_raw))
    document = {
        "format": KEY_FORMAT,
        "version": FORMAT_VERSION,
        "kind": kind,
        "label": label,
        "public_key": _b64(public_raw),
        "kdf": {"name": "scrypt", "n": n, "r": DEFAULT_R, "p": DEFAULT_P, "salt": _b64(salt)},
        "cipher": CIPHER,
        "nonce": _b64(nonce),
        "ciphertext": _b64(ciphertext),
    }
    write_atomic(path, _dump(document), overwrite=False, mode=0o600)
    return PublicKeyInfo(kind=kind, public_raw=public_raw, label=label)


# --- reading and unlocking --------------------------------------------------------------------


def read_public(path: Path) -> PublicKeyInfo:
    """The public key and label of a key file; no passphrase needed. The whole file is checked."""
    parsed = _read_key_file(Path(path))
    return PublicKeyInfo(kind=parsed.kind, public_raw=parsed.public_raw, label=parsed.label)


def unlock_signing_key(path: Path, passphrase: str) -> Ed25519PrivateKey:
    """Decrypt the Ed25519 signing key in ``path``; ``WrongPassphrase`` when the passphrase fails."""
    raw = _unlock(Path(path), passphrase, "ed25519")
    return Ed25519PrivateKey.from_private_bytes(raw)


def unlock_sealing_key(path: Path, passphrase: str) -> X25519PrivateKey:
    """Decrypt the X25519 sealing key in ``path``; ``WrongPassphrase`` when the passphrase fails."""
    raw = _unlock(Path(path), passphrase, "x25519")
    return X25519PrivateKey.from_private_bytes(raw)


def _unlock(path: Path, passphrase: str, expected: KeyKind) -> bytes:
    source = str(path)
    parsed = _read_key_file(path)
    if parsed.kind != expected:
        message = (
            _("this is an {kind} key; a signing key ({expected}) is needed")
            if expected == "ed25519"
            else _("this is an {kind} key; a sealing key ({expected}) is needed")
        )
        raise InputRefused(source, message.format(kind=parsed.kind, expected=expected))
    secret = _derive(passphrase, parsed.salt, parsed.n, parsed.r, parsed.p)
    try:
        raw = ChaCha20Poly1305(secret).decrypt(
            parsed.nonce, parsed.ciphertext, _aad(parsed.kind, parsed.label, parsed.public_raw)
        )
    except InvalidTag:
        raise WrongPassphrase(path) from None
    private: Ed25519PrivateKey | X25519PrivateKey = (
        Ed25519PrivateKey.from_private_bytes(raw)
        if expected == "ed25519"
        else X25519PrivateKey.from_private_bytes(raw)
    )
    if public_raw_of(private) != parsed.public_raw:
        raise InputRefused(source, _("field public_key does not match the private key"))
    return raw


def _read_key_file(path: Path) -> _KeyFile:
    source = str(path)
    data = _load_json(path, private=True)
    fmt = data.get("format")
    if fmt == PUBLIC_KEY_FORMAT:
        raise InputRefused(source, _("this is a public key file; it holds no private key"))
    header_kind, label, public_raw = _check_header(source, data, KEY_FORMAT, _KEY_FIELDS)
    kdf = data["kdf"]
    if not isinstance(kdf, dict):
        raise InputRefused(source, _("field {name}: must be an object").format(name="kdf"))
    _check_fields(source, kdf, _KDF_FIELDS, "kdf.")
    if kdf["name"] != "scrypt":
        raise InputRefused(
            source, _("field kdf.name: unsupported key derivation {value}").format(value=_show(kdf["name"]))
        )
    n, r, p = (_int_field(source, kdf[name], f"kdf.{name}") for name in ("n", "r", "p"))
    try:
        _check_kdf_cost(n, r, p)
    except ValueError as exc:
        raise InputRefused(source, _("field kdf: {problem}").format(problem=exc)) from None
    salt = _b64_field(source, kdf["salt"], "kdf.salt", SALT_SIZE)
    if data["cipher"] != CIPHER:
        raise InputRefused(
            source, _("field cipher: unsupported cipher {value}").format(value=_show(data["cipher"]))
        )
    nonce = _b64_field(source, data["nonce"], "nonce", NONCE_SIZE)
    ciphertext = _b64_field(source, data["ciphertext"], "ciphertext", RAW_KEY_SIZE + TAG_SIZE)
    return _KeyFile(header_kind, label, public_raw, n, r, p, salt, nonce, ciphertext)


# --- public key files -------------------------------------------------------------------------


def write_public_key_file(path: Path, info: PublicKeyInfo) -> None:
    """Write the exportable public key file a judge sends to an organizer (atomic, may overwrite)."""
    if info.kind not in KEY_KINDS or len(info.public_raw) != RAW_KEY_SIZE:
        raise ValueError("not a valid public key")
    document = {
        "format": PUBLIC_KEY_FORMAT,
        "version": FORMAT_VERSION,
        "kind": info.kind,
        "label": info.label,
        "public_key": _b64(info.public_raw),
    }
    write_atomic(Path(path), _dump(document), overwrite=True, mode=0o644)


def read_public_key_file(path: Path) -> PublicKeyInfo:
    """Read a public key file written by ``write_public_key_file``."""
    path = Path(path)
    source = str(path)
    data = _load_json(path, private=False)
    if data.get("format") == KEY_FORMAT:
        raise InputRefused(
            source, _("this is a private key file; send the exported public key file instead")
        )
    kind, label, public_raw = _check_header(source, data, PUBLIC_KEY_FORMAT, _PUBLIC_FIELDS)
    return PublicKeyInfo(kind=kind, public_raw=public_raw, label=label)


def public_pem(public_raw: bytes) -> bytes:
    """SubjectPublicKeyInfo PEM of an Ed25519 public key (for ``openssl pkeyutl -verify``)."""
    return Ed25519PublicKey.from_public_bytes(public_raw).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


# --- signatures -------------------------------------------------------------------------------


def sign(private: Ed25519PrivateKey, data: bytes) -> bytes:
    """Ed25519 signature (64 bytes) of ``data``."""
    return private.sign(data)


def verify(public_raw: bytes, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is a valid Ed25519 signature of ``data``; False for any bad input."""
    try:
        if len(public_raw) != RAW_KEY_SIZE or len(signature) != SIGNATURE_SIZE:
            return False
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, data)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def public_raw_of(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    """Raw 32-byte public key of a private key."""
    return key.public_key().public_bytes_raw()


# --- helpers ----------------------------------------------------------------------------------


def _check_kdf_cost(n: int, r: int, p: int) -> None:
    if n < MIN_N or n > MAX_N or n & (n - 1):
        raise ValueError(
            _("scrypt n must be a power of two from {low} to {high}, not {value}").format(
                low=MIN_N, high=MAX_N, value=n
            )
        )
    if r < MIN_R or r > MAX_R:
        raise ValueError(
            _("scrypt r must be from {low} to {high}, not {value}").format(low=MIN_R, high=MAX_R, value=r)
        )
    if p < 1 or p > MAX_P:
        raise ValueError(_("scrypt p must be from 1 to {high}, not {value}").format(high=MAX_P, value=p))
    if 128 * n * r > MAX_KDF_MEMORY:
        raise ValueError(_("scrypt parameters need more than 1 GiB of memory"))


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)


def _aad(kind: str, label: str, public_raw: bytes) -> bytes:
    header = {
        "format": KEY_FORMAT,
        "version": FORMAT_VERSION,
        "kind": kind,
        "label": label,
        "public_key": _b64(public_raw),
    }
    return json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _dump(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _load_json(path: Path, *, private: bool) -> dict[str, Any]:
    source = str(path)
    what = _("key file") if private else _("public key file")
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_KEY_FILE_BYTES + 1)
    except OSError as exc:
        raise InputRefused(
            source, _("cannot read the {what}: {problem}").format(what=what, problem=exc.strerror or exc)
        ) from None
    if len(raw) > MAX_KEY_FILE_BYTES:
        raise InputRefused(
            source,
            _("too large for a {what} (over {limit} bytes)").format(what=what, limit=MAX_KEY_FILE_BYTES),
        )
    try:
        data = loads_strict(source, raw, what)
    except RecursionError:
        reason = _("{what} is not valid JSON: nested too deeply").format(what=what)
        raise InputRefused(source, reason) from None
    if not isinstance(data, dict):
        raise InputRefused(source, _("{what} must hold a JSON object").format(what=what))
    return cast(dict[str, Any], data)


def _check_fields(source: str, data: dict[str, Any], expected: frozenset[str], prefix: str = "") -> None:
    missing = sorted(expected - data.keys())
    if missing:
        raise InputRefused(source, _("field {name}: missing").format(name=prefix + missing[0]))
    unknown = sorted(data.keys() - expected)
    if unknown:
        raise InputRefused(source, _("field {name}: not expected here").format(name=prefix + unknown[0]))


def _check_header(
    source: str, data: dict[str, Any], fmt: str, fields: frozenset[str]
) -> tuple[KeyKind, str, bytes]:
    if data.get("format") != fmt:
        raise InputRefused(
            source,
            _("field format: expected {expected}, found {found}").format(
                expected=repr(fmt), found=_show(data.get("format"))
            ),
        )
    _check_fields(source, data, fields)
    version = data["version"]
    if type(version) is not int or version != FORMAT_VERSION:
        raise InputRefused(
            source, _("field version: unsupported version {value}").format(value=_show(version))
        )
    kind = data["kind"]
    if kind not in KEY_KINDS:
        raise InputRefused(source, _("field kind: unknown key kind {value}").format(value=_show(kind)))
    label = data["label"]
    if not isinstance(label, str):
        raise InputRefused(source, _("field label: must be text"))
    if len(label) > MAX_LABEL_LENGTH or clean_line(label) != label:
        raise InputRefused(source, _("field label: too long or holds control characters"))
    public_raw = _b64_field(source, data["public_key"], "public_key", RAW_KEY_SIZE)
    try:
        if kind == "ed25519":
            Ed25519PublicKey.from_public_bytes(public_raw)
        else:
            X25519PublicKey.from_public_bytes(public_raw)
    except ValueError:
        raise InputRefused(source, _("field public_key: not a valid public key")) from None
    return cast(KeyKind, kind), label, public_raw


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _int_field(source: str, value: object, name: str) -> int:
    if type(value) is not int:
        raise InputRefused(source, _("field {name}: must be a whole number").format(name=name))
    return value


def _b64_field(source: str, value: object, name: str, size: int) -> bytes:
    if not isinstance(value, str) or len(value) > 4 * size:
        raise InputRefused(
            source, _("field {name}: must be base64 text of {size} bytes").format(name=name, size=size)
        )
    try:
        decoded = base64.b64decode(value.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        raise InputRefused(source, _("field {name}: not valid base64").format(name=name)) from None
    if len(decoded) != size or _b64(decoded) != value:
        raise InputRefused(
            source, _("field {name}: must be base64 of exactly {size} bytes").format(name=name, size=size)
        )
    return decoded

