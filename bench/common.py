"""What the benchmarks share: a signed batch of a whole contest for its first judge."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from e2judge.core.contest import ContestSpec
from e2judge.formats.batch import write_batch
from e2judge.formats.keys import public_raw_of
from e2judge.formats.manifest import build_manifest


def signed_batch(
    out: Path,
    spec: ContestSpec,
    attachments: Mapping[str, tuple[str, int]] | None = None,
    files_by_hash: Mapping[str, Path] | None = None,
) -> Path:
    """Sign every entry of ``spec`` for its first judge with a throw-away key; write ``out``."""
    key = Ed25519PrivateKey.generate()
    manifest = build_manifest(
        spec,
        spec.judges[0],
        list(spec.entries),
        attachments or {},
        revision=1,
        signer_public=public_raw_of(key),
        signer_label="bench",
        demo=False,
        sealing_public=None,
    )
    write_batch(out, manifest, files_by_hash or {}, key)
    return out
