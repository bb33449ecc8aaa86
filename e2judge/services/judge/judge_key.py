"""The judge's Ed25519 signing key, kept in the profile and encrypted with the judge's passphrase."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.formats.keys import (
    DEFAULT_N,
    PublicKeyInfo,
    generate_key_file,
    public_pem,
    read_public,
    unlock_signing_key,
    write_public_key_file,
)
from e2judge.formats.safe_write import write_bytes
from e2judge.paths import Profile

KEY_FILE = "judge-signing.key.json"
MIN_PASSPHRASE = 8


def judge_key_path(profile: Profile) -> Path:
    """Where the judge's key file lives: ``<profile>/keys/judge-signing.key.json``."""
    return profile.keys / KEY_FILE


def judge_key_info(profile: Profile) -> PublicKeyInfo | None:
    """The judge's public key, or None before the first export created it."""
    path = judge_key_path(profile)
    return read_public(path) if path.exists() else None


def ensure_judge_key(profile: Profile, passphrase: str, label: str, *, n: int = DEFAULT_N) -> PublicKeyInfo:
    """The judge's public key, creating the key pair (scrypt cost ``n``) on first need.

    A new key needs a passphrase of at least 8 characters; an existing key is returned as it is.
    """
    path = judge_key_path(profile)
    if path.exists():
        return read_public(path)
    if len(passphrase) < MIN_PASSPHRASE:
        raise InputRefused(
            str(path), _("the passphrase must have at least {count} characters").format(count=MIN_PASSPHRASE)
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    return generate_key_file(path, "ed25519", passphrase, label, n=n)


def unlock_judge_key(profile: Profile, passphrase: str) -> Ed25519PrivateKey:
    """The judge's private key; ``WrongPassphrase`` when the passphrase does not open it."""
    path = judge_key_path(profile)
    if not path.exists():
        raise InputRefused(str(path), _("no signing key yet: it is created at the first score sheet export"))
    return unlock_signing_key(path, passphrase)


def export_public_key(profile: Profile, out: Path) -> PublicKeyInfo:
    """Write the judge's public key for an organizer: PEM when ``out`` ends in .pem, else JSON."""
    info = judge_key_info(profile)
    if info is None:
        raise InputRefused(str(judge_key_path(profile)), _("no signing key yet"))
    if out.suffix.lower() == ".pem":
        write_bytes(out, public_pem(info.public_raw))
    else:
        write_public_key_file(out, info)
    return info


def judge_label(name: str, judge_id: str) -> str:
    """The key label: the judge's name and id."""
    return f"{name} ({judge_id})" if name else judge_id
