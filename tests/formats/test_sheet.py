"""The score sheet format v1: encoding, signing, sealing, strict reading, and checks with standard tools."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from e2judge.core.errors import InputRefused
from e2judge.formats.fingerprint import key_id
from e2judge.formats.jsonio import check_schema
from e2judge.formats.keys import public_raw_of
from e2judge.formats.sheet import (
    HPKE_INFO,
    EntryScores,
    SheetPayload,
    decode_payload,
    encode_payload,
    entry_problem,
    open_sheet,
    read_envelope,
    seal,
    sheet_file_name,
    sign_payload,
    sniff_sealed,
)

JUDGE = Ed25519PrivateKey.generate()
ORGANIZER = X25519PrivateKey.generate()


def payload(**changes: Any) -> SheetPayload:
    base = SheetPayload(
        contest_id="e2-2022",
        contest_name="Diễn đàn E2 Việt Nam",
        round_name="Vòng chung khảo",
        batch_id="e2-2022.vong-chung-khao.GK01",
        batch_revision=1,
        manifest_sha256="a" * 64,
        rubric_sha256="b" * 64,
        judge_id="GK01",
        judge_name="Nguyễn Thị Minh Phương",
        judge_public_key=public_raw_of(JUDGE),
        revision=1,
        previous_sha256=None,
        created_at="2025-06-01T08:00:00Z",
        app_version="0.1.0",
        criteria=("HT", "GQVD"),
        entries=(
            EntryScores("E2-001", True, None, "", "Tốt", (3.0, 4.0), ("", "Rất sáng tạo")),
            EntryScores("E2-002", False, None, "", "", (2.0, None), ("=HYPERLINK(\"x\")", "")),
            EntryScores("E2-003", False, "Cùng trường", "2025-05-30T10:00:00Z", "", (None, None), ("", "")),
        ),
    )
    return replace(base, **changes)


def signed(p: SheetPayload | None = None, key: Ed25519PrivateKey = JUDGE) -> bytes:
    return sign_payload(key, encode_payload(p or payload()))


def sealed(p: SheetPayload | None = None) -> bytes:
    return seal(signed(p), public_raw_of(ORGANIZER))


def refused(data: bytes, reason: str, key: X25519PrivateKey | None = None) -> None:
    with pytest.raises(InputRefused) as caught:
        open_sheet("sheet.e2sheet", data, key)
    assert reason in caught.value.reason, caught.value.reason


def outer(data: bytes) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(data)
    return doc


def dump(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, separators=(",", ":")).encode()


# --- good sheets ------------------------------------------------------------------------------------


def test_signed_round_trip_keeps_every_field() -> None:
    sheet = open_sheet("s", signed())
    assert sheet.payload == payload()
    assert not sheet.sealed
    assert sheet.signer_key_id == key_id(public_raw_of(JUDGE))
    assert sheet.payload_sha256 == hashlib.sha256(encode_payload(payload())).hexdigest()


def test_sealed_round_trip_opens_with_the_organizer_key_only() -> None:
    data = sealed()
    sheet = open_sheet("s", data, ORGANIZER)
    assert sheet.sealed and sheet.payload == payload()
    assert sheet.signed_document == signed(payload())  # Ed25519 signatures are deterministic
    envelope, _ = read_envelope("s", data)
    assert (envelope.form, envelope.key_id) == ("sealed", key_id(public_raw_of(ORGANIZER)))
    assert b"Nguy" not in data and b"GK01" not in data  # nothing readable travels in a sealed sheet


def test_sealing_is_fresh_each_time() -> None:
    assert sealed() != sealed()


def test_files_are_one_compact_line_with_the_format_first() -> None:
    for data in (signed(), sealed()):
        assert b"\n" not in data and b" " not in data
        assert data.startswith(b'{"format":"e2judge-sheet-')


def test_sniff_sealed(tmp_path: Path) -> None:
    (tmp_path / "a.e2sheet").write_bytes(sealed())
    (tmp_path / "b.e2sheet").write_bytes(signed())
    assert sniff_sealed(tmp_path / "a.e2sheet")
    assert not sniff_sealed(tmp_path / "b.e2sheet")
    assert not sniff_sealed(tmp_path / "missing.e2sheet")
    doc = json.loads(sealed())
    pretty = json.dumps({k: doc[k] for k in sorted(doc)}, indent=2).encode()  # format no longer first
    (tmp_path / "c.e2sheet").write_bytes(pretty)
    assert sniff_sealed(tmp_path / "c.e2sheet")
    with pytest.raises(InputRefused, match="not in the exact form of a score sheet"):
        open_sheet("c", pretty, ORGANIZER)  # every byte matters (docs/formats.md): layout too


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d + b"\n",
        lambda d: d + b"\r\n",
        lambda d: b" " + d,
        lambda d: d.replace(b'","', b'", "', 1),
        lambda d: d.replace(b"{", b"{\n", 1),
        lambda d: json.dumps(dict(reversed(list(json.loads(d).items()))), separators=(",", ":")).encode(),
        lambda d: d.replace(b"e2judge-sheet-", b"e2judge\\u002dsheet-", 1),
    ],
    ids=["final-newline", "final-crlf", "leading-space", "space", "line-break", "key-order", "escape"],
)
@pytest.mark.parametrize("form", ["signed", "sealed"])
def test_envelope_with_any_byte_added_or_re_encoded_is_refused(
    form: str, change: Callable[[bytes], bytes]
) -> None:
    original = signed() if form == "signed" else sealed()
    assert open_sheet("s", original, ORGANIZER).payload == payload()
    with pytest.raises(InputRefused, match="not in the exact form of a score sheet"):
        open_sheet("s", change(original), ORGANIZER)


def test_file_name() -> None:
    assert sheet_file_name("e2-2022", "GK01", 3) == "e2-2022-GK01-r3.e2sheet"
    assert sheet_file_name("e2-2022", "GK01", 1, "vong-1") == "e2-2022-vong-1-GK01-r1.e2sheet"


def test_payload_bytes_are_sorted_compact_json_with_every_field() -> None:
    data = encode_payload(payload())
    doc = json.loads(data)
    assert data == json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    assert doc["type"] == "e2judge-scoresheet/v1"
    assert doc["criteria"] == ["HT", "GQVD"]
    assert doc["entries"][1]["points"] == [2.0, None]
    assert doc["entries"][2]["conflict"] == {"reason": "Cùng trường", "declared_at": "2025-05-30T10:00:00Z"}
    assert doc["judge"]["key_id"] == key_id(public_raw_of(JUDGE))
    assert set(doc) == {"type", "app_version", "created_at", "contest", "batch", "rubric_sha256", "judge",
                        "revision", "previous_sha256", "criteria", "entries"}


# --- refused ------------------------------------------------------------------------------------------


def test_sealed_without_a_key_or_with_another_key() -> None:
    refused(sealed(), "sealed for organizer key")
    refused(sealed(), "sealed for another organizer key", X25519PrivateKey.generate())


def test_sealed_with_a_forged_recipient_key_id_fails_to_decrypt() -> None:
    other = X25519PrivateKey.generate()
    doc = outer(sealed())
    doc["recipient_key_id"] = key_id(public_raw_of(other))
    refused(dump(doc), "altered or damaged", other)


def test_sealed_holding_something_else() -> None:
    not_signed = seal(b'{"format":"e2judge-sheet-sealed","version":1}', public_raw_of(ORGANIZER))
    refused(not_signed, "sealed sheet", ORGANIZER)
    garbage = seal(b"hello", public_raw_of(ORGANIZER))
    refused(garbage, "not valid JSON", ORGANIZER)


@pytest.mark.parametrize("version", [2, 0, "1", True, 1.0, None])
def test_unknown_format_version(version: object) -> None:
    for data in (signed(), sealed()):
        doc = outer(data)
        doc["version"] = version
        refused(dump(doc), "unknown score sheet format version", ORGANIZER)


def test_unknown_payload_type_even_when_signed() -> None:
    data = encode_payload(payload()).replace(b"e2judge-scoresheet/v1", b"e2judge-scoresheet/v2")
    refused(sign_payload(JUDGE, data), "unknown score sheet payload type")


def test_not_a_sheet() -> None:
    refused(b"", "empty file")
    refused(b"[]", "not an E2 Judge score sheet")
    refused(b'{"format":"e2judge-batch","version":1}', "not an E2 Judge score sheet")
    refused(b"\xff\xfe{}", "not valid JSON")
    refused(b'{"format":"e2judge-sheet-signed","format":"e2judge-sheet-signed","version":1}', "duplicate key")


def test_extra_or_missing_envelope_fields() -> None:
    doc = outer(signed())
    doc["note"] = "x"
    refused(dump(doc), "signed sheet field")
    doc = outer(signed())
    del doc["signature"]
    refused(dump(doc), "signed sheet field")


def test_signature_by_another_key_than_named() -> None:
    doc = outer(signed())
    other = Ed25519PrivateKey.generate()
    doc["signature"] = base64.b64encode(other.sign(base64.b64decode(doc["payload"]))).decode()
    refused(dump(doc), "bad signature")


def test_key_id_not_matching_the_public_key() -> None:
    doc = outer(signed())
    doc["key_id"] = "0" * 16
    refused(dump(doc), "key id does not match")


def test_payload_naming_another_key_than_the_signer() -> None:
    other = Ed25519PrivateKey.generate()
    refused(signed(payload(), key=other), "names another judge key")


def test_non_canonical_base64_is_refused() -> None:
    doc = outer(signed())
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    sig = doc["signature"]
    # The last character before "==" carries 4 unused bits; setting one decodes to the same bytes.
    doc["signature"] = sig[:-3] + alphabet[alphabet.index(sig[-3]) ^ 1] + "=="
    assert base64.b64decode(doc["signature"]) == base64.b64decode(sig)
    refused(dump(doc), "not canonical base64")


def _signed_doc(change: Any) -> bytes:
    doc = json.loads(encode_payload(payload()))
    change(doc)
    return sign_payload(JUDGE, json.dumps(doc, ensure_ascii=False).encode())


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.update(revision=0), "sheet payload field revision"),
        (lambda d: d.update(revision=True), "sheet payload field revision"),
        (lambda d: d.update(revision=2), "previous_sha256 must be null for revision 1"),
        (lambda d: d.update(previous_sha256="c" * 64), "previous_sha256 must be null for revision 1"),
        (lambda d: d["entries"].append(dict(d["entries"][0])), "listed twice"),
        (lambda d: d["entries"].append({**d["entries"][0], "code": "e2-001"}), "listed twice"),
        (lambda d: d.update(criteria=["HT", "ht"]), "a criterion is listed twice"),
        (lambda d: d["entries"][0]["points"].append(1.0), "must have 2 points"),
        (lambda d: d["entries"][0]["comments"].pop(), "must have 2 points and 2 comments"),
        (lambda d: d["entries"][1].update(complete=True), "marked complete"),
        (lambda d: d["entries"][2].update(complete=True), "marked complete"),
        (lambda d: d["entries"][0]["points"].__setitem__(0, -1), "sheet payload field"),
        (lambda d: d["entries"][0]["points"].__setitem__(0, "3"), "sheet payload field"),
        (lambda d: d["entries"][0].update(extra=1), "sheet payload field"),
        (lambda d: d["entries"][0].update(code="../etc"), "sheet payload field"),
        (lambda d: d["judge"].update(key_id="0" * 16), "judge.key_id does not match"),
        (lambda d: d.update(entries=[]), "sheet payload field"),
        (lambda d: d["entries"][2].update(conflict={"reason": ""}), "sheet payload field"),
    ],
)
def test_payload_rules_even_when_the_signature_is_good(change: Any, reason: str) -> None:
    refused(_signed_doc(change), reason)


def test_lone_surrogate_in_a_comment_is_refused() -> None:
    text = encode_payload(payload()).replace(b"R\xe1\xba\xa5t", b"\\ud800t")
    refused(sign_payload(JUDGE, text), "unpaired surrogate")


def test_nan_and_duplicate_keys_in_the_payload() -> None:
    text = encode_payload(payload()).replace(b"[3.0,4.0]", b"[NaN,4.0]")
    refused(sign_payload(JUDGE, text), "not valid JSON")
    text = encode_payload(payload()).replace(b'{"app_version"', b'{"type":"x","app_version"')
    refused(sign_payload(JUDGE, text), "duplicate key")


def test_too_large_is_refused_before_parsing() -> None:
    refused(b"{" + b" " * (64 * 2**20) + b"}", "too large")


# --- property tests ----------------------------------------------------------------------------------

ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,20}", fullmatch=True)
texts = st.text(max_size=40)
points = st.one_of(st.none(), st.floats(min_value=0, max_value=100000, allow_nan=False))


@st.composite
def payloads(draw: st.DrawFn) -> SheetPayload:
    criteria = tuple(draw(st.lists(ids, min_size=1, max_size=5, unique_by=str.casefold)))
    width = len(criteria)
    codes = draw(st.lists(ids, min_size=1, max_size=6, unique_by=str.casefold))
    entries = []
    for code in codes:
        pts = tuple(draw(st.lists(points, min_size=width, max_size=width)))
        reason = draw(st.one_of(st.none(), st.text(min_size=1, max_size=30)))
        complete = reason is None and None not in pts and draw(st.booleans())
        entries.append(
            EntryScores(code, complete, reason, draw(texts) if reason else "", draw(texts), pts,
                        tuple(draw(st.lists(texts, min_size=width, max_size=width))))
        )
    revision = draw(st.integers(min_value=1, max_value=10**9))
    return payload(
        contest_id=draw(ids), contest_name=draw(texts), round_name=draw(texts), judge_id=draw(ids),
        judge_name=draw(texts), batch_revision=draw(st.integers(min_value=1, max_value=10**9)),
        revision=revision, previous_sha256=None if revision == 1 else "d" * 64,
        criteria=criteria, entries=tuple(entries), created_at=draw(st.text(max_size=40)),
    )


@settings(max_examples=150, deadline=None)
@given(payloads())
def test_encode_then_decode_gives_the_sheet_back_exactly(p: SheetPayload) -> None:
    assert decode_payload("s", encode_payload(p)) == p
    assert open_sheet("s", signed(p)).payload == p
    assert open_sheet("s", seal(signed(p), public_raw_of(ORGANIZER)), ORGANIZER).payload == p


SIGNED = signed()
SEALED = sealed()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_single_byte_change_is_detected(data: st.DataObject) -> None:
    for original, key in ((SIGNED, None), (SEALED, ORGANIZER)):
        index = data.draw(st.integers(min_value=0, max_value=len(original) - 1))
        old = original[index]
        value = data.draw(st.integers(min_value=0, max_value=255).filter(lambda b: b != old))  # noqa: B023
        changed = original[:index] + bytes([value]) + original[index + 1:]
        with pytest.raises(InputRefused):
            open_sheet("s", changed, key)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_any_truncation_is_refused(data: st.DataObject) -> None:
    for original, key in ((SIGNED, None), (SEALED, ORGANIZER)):
        cut = data.draw(st.integers(min_value=0, max_value=len(original) - 1))
        with pytest.raises(InputRefused):
            open_sheet("s", original[:cut], key)


# --- standard tools, as docs/formats.md shows -----------------------------------------------------

ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_openssl_verifies_the_plain_form(tmp_path: Path) -> None:
    doc = outer(signed())
    (tmp_path / "payload.json").write_bytes(base64.b64decode(doc["payload"]))
    (tmp_path / "sig.bin").write_bytes(base64.b64decode(doc["signature"]))
    (tmp_path / "judge.der").write_bytes(ED25519_SPKI_PREFIX + base64.b64decode(doc["public_key"]))
    command = ["openssl", "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", "judge.der", "-rawin",
               "-in", "payload.json", "-sigfile", "sig.bin"]
    ok = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and "Signature Verified Successfully" in ok.stdout, ok.stderr
    (tmp_path / "payload.json").write_bytes(base64.b64decode(doc["payload"]).replace(b"3.0", b"4.0", 1))
    bad = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert bad.returncode != 0
    assert hashlib.sha256(base64.b64decode(doc["public_key"])).hexdigest()[:16] == doc["key_id"]


def test_hpke_info_is_documented_constant() -> None:
    assert HPKE_INFO == b"e2judge-sheet-v1"


# --- the hand-written entry check is the schema's ---------------------------------------------------

anything = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-5, 200_000), st.floats(-1, 200_000, allow_nan=False),
              st.text(max_size=3)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=5,
)
valid_fields = {
    "code": ids,
    "complete": st.booleans(),
    "conflict": st.one_of(st.none(), st.fixed_dictionaries({"reason": st.text(min_size=1, max_size=5),
                                                            "declared_at": st.text(max_size=5)})),
    "overall_comment": st.text(max_size=5),
    "points": st.lists(st.one_of(st.none(), st.integers(0, 100_000), st.floats(0, 100_000)), max_size=4),
    "comments": st.lists(st.text(max_size=4), max_size=4),
}
invalid_fields = {
    "code": st.one_of(st.sampled_from(["", "-x", "a b", "x" * 101, "é1", "E/1", "E1\n"]), anything),
    "complete": anything,
    "conflict": st.one_of(
        st.fixed_dictionaries({"reason": st.one_of(st.just(""), st.just("r" * 5001), anything),
                               "declared_at": st.one_of(st.text(max_size=5), st.just("d" * 41), anything)}),
        st.fixed_dictionaries({"reason": st.just("r")}),
        anything,
    ),
    "overall_comment": st.one_of(st.just("c" * 20001), anything),
    "points": st.one_of(
        st.lists(st.one_of(st.integers(-2, -1), st.integers(100_001, 100_002), st.floats(-1, -0.001),
                           st.floats(100_000.001, 100_001), anything), min_size=1, max_size=3),
        st.just([0.0] * 201),
        anything,
    ),
    "comments": st.one_of(st.lists(anything, min_size=1, max_size=3), st.just([""] * 201), anything),
}


@st.composite
def entry_objects(draw: st.DrawFn) -> object:
    """Entries that are mostly valid, with now and then one or more fields (or keys) wrong."""
    shape = draw(st.integers(0, 19))
    if shape == 0:
        return draw(anything)
    keys = set(valid_fields)
    if shape == 1:
        keys.discard(draw(st.sampled_from(sorted(keys))))
    if shape == 2:
        keys.add("extra")
    item: dict[str, object] = {}
    for key in keys:
        broken = key in invalid_fields and draw(st.integers(0, 5)) == 0
        item[key] = draw(invalid_fields[key] if broken else valid_fields.get(key, st.just(1)))
    return item


@settings(max_examples=600, deadline=None)
@given(entry_objects())
def test_the_entry_check_agrees_with_the_schema(item: object) -> None:
    doc = json.loads(encode_payload(payload()))
    doc["entries"] = [item]
    try:
        check_schema("s", doc, "sheet-v1.schema.json", "sheet payload")
        schema_ok = True
    except InputRefused:
        schema_ok = False
    hand_ok = entry_problem(item) is None
    if isinstance(item, dict) and isinstance(item.get("code"), str) and item["code"].endswith("\n"):
        assert not hand_ok  # ids are matched in full (ECMA-262 "$"), stricter than Python's re.search
    else:
        assert hand_ok == schema_ok, entry_problem(item)


def test_entry_errors_name_the_field() -> None:
    doc = json.loads(encode_payload(payload()))
    doc["entries"][2]["points"][1] = -1
    refused(sign_payload(JUDGE, json.dumps(doc).encode()), "field entries/2/points/1: must be null")
    doc = json.loads(encode_payload(payload()))
    doc["entries"][1]["code"] = "E001\n"
    refused(sign_payload(JUDGE, json.dumps(doc).encode()), "field entries/1/code: must be an id")
