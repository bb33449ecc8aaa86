"""Short identifiers for public keys: a hex key id and a fingerprint people can read aloud."""

from __future__ import annotations

import hashlib

KEY_ID_LENGTH = 16
_GROUPS = 6
_GROUP_DIGITS = 4


def key_id(public_raw: bytes) -> str:
    """First 16 hex characters of SHA-256 of the raw public key."""
    return hashlib.sha256(public_raw).hexdigest()[:KEY_ID_LENGTH]


def readable_fingerprint(public_raw: bytes) -> str:
    """Six groups of four decimal digits, e.g. ``"0412 9983 1270 5521 8034 6619"``.

    The 24 digits come from the first 128 bits of SHA-256 of the raw key reduced modulo
    10**24, so they carry about 79.7 bits of the hash with negligible bias.
    """
    digest = hashlib.sha256(public_raw).digest()
    digits_total = _GROUPS * _GROUP_DIGITS
    number = int.from_bytes(digest[:16], "big") % 10**digits_total
    digits = f"{number:0{digits_total}d}"
    return " ".join(digits[i : i + _GROUP_DIGITS] for i in range(0, digits_total, _GROUP_DIGITS))
