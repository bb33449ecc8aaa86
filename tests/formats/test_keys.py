"""Key files, signatures and fingerprints, on real files."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from e2judge.core.errors import InputRefused
from e2judge.formats import keys
from e2judge.formats.fingerprint import key_id, readable_fingerprint
from e2judge.formats.keys import (
    DEFAULT_N,
    PublicKeyInfo,
    WrongPassphrase,
    generate_key_file,
    public_pem,
    public_raw_of,
    read_public,
    read_public_key_file,
    sign,
    unlock_sealing_key,
    unlock_signing_key,
    verify,
    write_public_key_file,
)

FAST_N = 2**14
PASS = "correct horse battery staple"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def _save(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data), "utf-8")


@pytest.fixture
def signing_file(tmp_path: Path) -> Path:
    path = tmp_path / "judge.key"
    generate_key_file(path, "ed25519", PASS, "Judge Nguyễn", n=FAST_N)
    return path


def test_signing_roundtrip(signing_file: Path) -> None:
    info = read_public(signing_file)
    assert info.kind == "ed25519"
    assert info.label == "Judge Nguyễn"
    private = unlock_signing_key(signing_file, PASS)
    assert isinstance(private, Ed25519PrivateKey)
    assert public_raw_of(private) == info.public_raw
    signature = sign(private, b"manifest")
    assert verify(info.public_raw, b"manifest", signature)
    assert not verify(info.public_raw, b"manifesT", signature)


def test_sealing_roundtrip(tmp_path: Path) -> None:
    path = tmp_path / "seal.key"
    info = generate_key_file(path, "x25519", PASS, "Organizer", n=FAST_N)
    private = unlock_sealing_key(path, PASS)
    assert isinstance(private, X25519PrivateKey)
    assert public_raw_of(private) == info.public_raw == read_public(path).public_raw


def test_passphrase_is_nfc_normalised(tmp_path: Path) -> None:
    path = tmp_path / "k.key"
    generate_key_file(path, "ed25519", "mật khẩu", "x", n=FAST_N)  # NFC input
    decomposed = "ma\u0323\u0302t khẩu"  # same text, decomposed
    assert decomposed != "mật khẩu"
    unlock_signing_key(path, decomposed)


def test_wrong_passphrase_refused(signing_file: Path) -> None:
    with pytest.raises(WrongPassphrase) as caught:
        unlock_signing_key(signing_file, PASS + "!")
    assert isinstance(caught.value, InputRefused)
    assert "wrong passphrase" in caught.value.reason
    assert caught.value.source == str(signing_file)


def test_kind_mismatch_refused(signing_file: Path, tmp_path: Path) -> None:
    with pytest.raises(InputRefused, match="sealing key"):
        unlock_sealing_key(signing_file, PASS)
    seal = tmp_path / "seal.key"
    generate_key_file(seal, "x25519", PASS, "s", n=FAST_N)
    with pytest.raises(InputRefused, match="signing key"):
        unlock_signing_key(seal, PASS)


def test_tampered_ciphertext_refused(signing_file: Path) -> None:
    data = _load(signing_file)
    raw = bytearray(base64.b64decode(data["ciphertext"]))
    raw[0] ^= 1
    data["ciphertext"] = base64.b64encode(bytes(raw)).decode()
    _save(signing_file, data)
    with pytest.raises(WrongPassphrase):
        unlock_signing_key(signing_file, PASS)


def test_tampered_label_refused(signing_file: Path) -> None:
    data = _load(signing_file)
    data["label"] = "Someone Else"
    _save(signing_file, data)
    assert read_public(signing_file).label == "Someone Else"  # header alone is not authenticated...
    with pytest.raises(WrongPassphrase):  # ...but unlocking detects the change
        unlock_signing_key(signing_file, PASS)


def test_swapped_public_key_refused(signing_file: Path) -> None:
    data = _load(signing_file)
    other = public_raw_of(Ed25519PrivateKey.generate())
    data["public_key"] = base64.b64encode(other).decode()
    _save(signing_file, data)
    with pytest.raises(WrongPassphrase):
        unlock_signing_key(signing_file, PASS)


def test_kdf_downgrade_refused_before_unlocking(signing_file: Path) -> None:
    data = _load(signing_file)
    data["kdf"]["n"] = 2**10
    _save(signing_file, data)
    with pytest.raises(InputRefused, match=r"field kdf: scrypt n") as caught:
        unlock_signing_key(signing_file, PASS)
    assert not isinstance(caught.value, WrongPassphrase)
    data["kdf"]["n"] = FAST_N
    data["kdf"]["r"] = 1
    _save(signing_file, data)
    with pytest.raises(InputRefused, match=r"field kdf: scrypt r"):
        read_public(signing_file)


def test_kdf_cost_out_of_range_refused(signing_file: Path) -> None:
    data = _load(signing_file)
    data["kdf"]["n"] = 2**30  # would need 128 GiB: refused before any work
    _save(signing_file, data)
    with pytest.raises(InputRefused, match="field kdf"):
        unlock_signing_key(signing_file, PASS)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.pop("nonce"), "field nonce: missing"),
        (lambda d: d.update(extra=1), "field extra: not expected"),
        (lambda d: d.update(version=2), "field version"),
        (lambda d: d.update(version=True), "field version"),
        (lambda d: d.update(kind="rsa"), "field kind"),
        (lambda d: d.update(label=["x"]), "field label"),
        (lambda d: d.update(label="a\u202eb"), "field label"),
        (lambda d: d.update(public_key="not base64!"), "field public_key"),
        (lambda d: d.update(public_key=base64.b64encode(b"x" * 31).decode()), "field public_key"),
        (lambda d: d.update(nonce=base64.b64encode(b"x" * 8).decode()), "field nonce"),
        (lambda d: d.update(cipher="aes"), "field cipher"),
        (lambda d: d["kdf"].update(name="pbkdf2"), "field kdf.name"),
        (lambda d: d["kdf"].update(n="131072"), "field kdf.n"),
        (lambda d: d["kdf"].update(salt=""), "field kdf.salt"),
        (lambda d: d.update(kdf=[]), "field kdf"),
        (lambda d: d.update(format="other"), "field format"),
    ],
)
def test_malformed_field_named(signing_file: Path, change: Any, field: str) -> None:
    data = _load(signing_file)
    change(data)
    _save(signing_file, data)
    with pytest.raises(InputRefused) as caught:
        unlock_signing_key(signing_file, PASS)
    assert field in caught.value.reason
    assert not isinstance(caught.value, WrongPassphrase)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        (b"[1, 2]", "JSON object"),
        (b'{"format": "e2judge-key", "format": "e2judge-key"}', "duplicate key"),
        (b"[" * 50_000, "not valid JSON"),
        (b" " * (64 * 1024 + 1), "too large"),
    ],
)
def test_garbage_files_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.key"
    path.write_bytes(content)
    with pytest.raises(InputRefused) as caught:
        read_public(path)
    assert reason in caught.value.reason


def test_missing_file_refused(tmp_path: Path) -> None:
    with pytest.raises(InputRefused, match="cannot read"):
        read_public(tmp_path / "absent.key")


def test_refuses_overwrite(signing_file: Path) -> None:
    before = signing_file.read_bytes()
    with pytest.raises(FileExistsError):
        generate_key_file(signing_file, "ed25519", PASS, "again", n=FAST_N)
    assert signing_file.read_bytes() == before
    assert [p.name for p in signing_file.parent.iterdir()] == [signing_file.name]  # no temp left


def test_no_clear_private_bytes_in_file(tmp_path: Path) -> None:
    path = tmp_path / "k.key"
    generate_key_file(path, "ed25519", PASS, "x", n=FAST_N)
    raw_private = unlock_signing_key(path, PASS).private_bytes_raw()
    content = path.read_bytes()
    assert raw_private not in content
    assert base64.b64encode(raw_private) not in content
    assert base64.b64encode(raw_private).rstrip(b"=") not in content
    assert raw_private.hex().encode() not in content


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_file_mode_is_private(signing_file: Path) -> None:
    assert stat.S_IMODE(signing_file.stat().st_mode) == 0o600


def test_default_cost_is_strong() -> None:
    assert DEFAULT_N >= 2**17
    assert keys.generate_key_file.__defaults__ == (DEFAULT_N,)
    assert keys.DEFAULT_R >= 8


def test_generate_refuses_weak_cost_and_empty_passphrase(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="scrypt n"):
        generate_key_file(tmp_path / "a.key", "ed25519", PASS, "x", n=2**10)
    with pytest.raises(ValueError, match="passphrase"):
        generate_key_file(tmp_path / "b.key", "ed25519", "", "x", n=FAST_N)
    assert list(tmp_path.iterdir()) == []


def test_verify_false_on_flipped_bits(signing_file: Path) -> None:
    private = unlock_signing_key(signing_file, PASS)
    public = public_raw_of(private)
    data = b'{"batch": 1}'
    signature = sign(private, data)
    assert verify(public, data, signature)
    for i in (0, 31, 63):
        flipped = bytearray(signature)
        flipped[i] ^= 0x01
        assert not verify(public, data, bytes(flipped))
    wrong_key = bytearray(public)
    wrong_key[5] ^= 0x80
    assert not verify(bytes(wrong_key), data, signature)
    assert not verify(public, data + b" ", signature)


def test_verify_never_raises_on_bad_input(signing_file: Path) -> None:
    private = unlock_signing_key(signing_file, PASS)
    public = public_raw_of(private)
    signature = sign(private, b"d")
    assert not verify(public[:31], b"d", signature)
    assert not verify(public, b"d", signature[:63])
    assert not verify(public, b"d", b"")
    assert not verify(b"", b"d", signature)
    assert not verify(b"\xff" * 32, b"d", signature)
    assert not verify(public, "d", signature)  # type: ignore[arg-type]
    assert not verify(None, b"d", signature)  # type: ignore[arg-type]


def test_public_key_file_roundtrip(signing_file: Path, tmp_path: Path) -> None:
    info = read_public(signing_file)
    out = tmp_path / "judge.pub.json"
    write_public_key_file(out, info)
    back = read_public_key_file(out)
    assert back == info
    assert back.key_id == key_id(info.public_raw)
    assert back.fingerprint == readable_fingerprint(info.public_raw)


def test_public_key_file_refuses_private_key_file(signing_file: Path) -> None:
    with pytest.raises(InputRefused, match="private key file"):
        read_public_key_file(signing_file)


def test_key_file_refuses_public_key_file(signing_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "judge.pub.json"
    write_public_key_file(out, read_public(signing_file))
    with pytest.raises(InputRefused, match="public key file"):
        unlock_signing_key(out, PASS)


def test_public_key_file_malformed(tmp_path: Path) -> None:
    out = tmp_path / "p.json"
    write_public_key_file(out, PublicKeyInfo("ed25519", b"\x01" * 32, "J"))
    data = _load(out)
    data["public_key"] = base64.b64encode(b"\x01" * 33).decode()
    _save(out, data)
    with pytest.raises(InputRefused, match="field public_key"):
        read_public_key_file(out)


def test_openssl_verifies_our_signature(signing_file: Path, tmp_path: Path) -> None:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl binary not installed")
    private = unlock_signing_key(signing_file, PASS)
    data = b'{"manifest": "ti\xe1\xba\xbfng Vi\xe1\xbb\x87t"}\n'
    (tmp_path / "manifest.json").write_bytes(data)
    (tmp_path / "sig.bin").write_bytes(sign(private, data))
    (tmp_path / "key.pem").write_bytes(public_pem(public_raw_of(private)))
    command = [openssl, "pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", "key.pem",
               "-sigfile", "sig.bin", "-in", "manifest.json"]  # fmt: skip
    good = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Signature Verified Successfully" in good.stdout
    (tmp_path / "manifest.json").write_bytes(data + b" ")
    bad = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert bad.returncode != 0


def test_fingerprint_shape() -> None:
    raw = bytes(range(32))
    fingerprint = readable_fingerprint(raw)
    groups = fingerprint.split(" ")
    assert len(groups) == 6
    assert all(len(g) == 4 and g.isdigit() for g in groups)
    assert readable_fingerprint(raw) == fingerprint
    assert readable_fingerprint(bytes(32)) != fingerprint
    assert len(key_id(raw)) == 16
    assert int(key_id(raw), 16) >= 0


def test_fingerprint_is_pinned() -> None:
    raw = bytes(range(32))
    digest = hashlib.sha256(raw).digest()
    digits = str(int.from_bytes(digest[:16], "big") % 10**24).zfill(24)
    assert readable_fingerprint(raw).replace(" ", "") == digits
    assert readable_fingerprint(raw) == "6990 4905 6242 4967 4356 2063"
    assert key_id(raw) == hashlib.sha256(raw).hexdigest()[:16] == "630dcd2966c43366"
