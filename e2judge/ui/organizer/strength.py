"""A rough passphrase strength for the meter in the new-workspace dialog (length matters most)."""

from __future__ import annotations

MIN_LENGTH = 8


def strength(passphrase: str) -> int:
    """0 (too short) to 4 (strong): length, plus variety of character kinds and words."""
    if len(passphrase) < MIN_LENGTH:
        return 0
    kinds = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
        )
    )
    words = len(passphrase.split())
    score = 1 + (len(passphrase) >= 12) + (len(passphrase) >= 20 or words >= 4) + (kinds >= 3)
    if len(set(passphrase)) < 5:
        score = 1
    return min(score, 4)
