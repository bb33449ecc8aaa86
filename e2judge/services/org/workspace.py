"""The organizer's workspace: its database and its passphrase-protected keys."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from e2judge.core.errors import InputRefused
from e2judge.db.org_models import OrgSetting
from e2judge.db.session import Database, open_org_db
from e2judge.formats.keys import (
    PublicKeyInfo,
    generate_key_file,
    read_public,
    unlock_sealing_key,
    unlock_signing_key,
)
from e2judge.paths import OrgWorkspace

DEMO_LABEL = "E2 Judge DEMO organizer key — not for real contests"


@dataclass(frozen=True)
class InitSummary:
    """What ``org init`` created."""

    root: Path
    signing: PublicKeyInfo
    sealing: PublicKeyInfo


def init_workspace(root: Path, passphrase: str, label: str, *, demo: bool = False) -> InitSummary:
    """Create a workspace with its database, an Ed25519 signing key and an X25519 sealing key."""
    ws = OrgWorkspace(root)
    if ws.signing_key.exists():
        raise InputRefused(str(root), "an organizer workspace already exists here")
    if len(passphrase) < 8 and not demo:
        raise InputRefused(str(root), "the passphrase must have at least 8 characters")
    ws.signing_key.parent.mkdir(parents=True, exist_ok=True)
    ws.sheets.mkdir(parents=True, exist_ok=True)
    signing = generate_key_file(ws.signing_key, "ed25519", passphrase, label)
    sealing = generate_key_file(ws.sealing_key, "x25519", passphrase, label)
    with open_org_db(ws.database) as db, db.transaction() as s:
        s.add(OrgSetting(key="label", value=label))
        s.add(OrgSetting(key="demo", value="1" if demo else "0"))
    return InitSummary(root, signing, sealing)


def open_workspace(root: Path) -> tuple[OrgWorkspace, Database]:
    """Open an existing workspace (refused when ``root`` is not one)."""
    ws = OrgWorkspace(root)
    if not ws.signing_key.is_file() or not ws.database.is_file():
        raise InputRefused(str(root), "not an organizer workspace (run 'e2judge org init' first)")
    return ws, open_org_db(ws.database)


def setting(db: Database, key: str, default: str = "") -> str:
    with db.session() as s:
        row = s.get(OrgSetting, key)
        return row.value if row else default


def signing_key(ws: OrgWorkspace, passphrase: str) -> Ed25519PrivateKey:
    return unlock_signing_key(ws.signing_key, passphrase)


def sealing_key(ws: OrgWorkspace, passphrase: str) -> X25519PrivateKey:
    """The X25519 key that opens sealed sheets (created now for workspaces that predate it)."""
    if not ws.sealing_key.exists():
        label = read_public(ws.signing_key).label
        unlock_signing_key(ws.signing_key, passphrase)  # same passphrase as the signing key
        generate_key_file(ws.sealing_key, "x25519", passphrase, label)
    return unlock_sealing_key(ws.sealing_key, passphrase)
