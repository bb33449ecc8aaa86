"""Strict JSON reading for signed payloads: UTF-8, no duplicate keys, finite numbers, whole text.

``json.loads`` on its own takes ``NaN``/``Infinity``, turns ``1e400`` into ``inf`` and decodes
``"\\ud800"`` into a lone surrogate that no later ``encode`` survives; ``loads_strict`` refuses all
three, so every reader gets plain finite numbers and text that can be stored and shown.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(_("duplicate key {key}").format(key=repr(key)))
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(_("{name} is not allowed").format(name=name))


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(_("number {number} is too large").format(number=_short(text)))
    return value


_INT_RANGE = 2**63  # what SQLite can store; nothing in a signed file needs more


def _bounded_int(text: str) -> int:
    value = int(text)
    if not -_INT_RANGE <= value < _INT_RANGE:
        raise ValueError(_("number {number} is too large").format(number=_short(text)))
    return value


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


# A ``\\uD800``–``\\uDFFF`` escape: only then can the parsed text hold a surrogate (raw UTF-8
# bytes cannot encode one, ``decode`` refuses them), so the walk below runs only when one is seen.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate_at(node: Any, path: str = "") -> str | None:
    """The path of the first text (key or value) holding a lone surrogate, else None."""
    if isinstance(node, str):
        return path or "/" if _SURROGATE.search(node) else None
    if isinstance(node, dict):
        for key, value in node.items():
            where = path + "/" + _SURROGATE.sub("?", key)
            if _SURROGATE.search(key):
                return where
            found = _surrogate_at(value, where)
            if found is not None:
                return found
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found = _surrogate_at(value, f"{path}/{index}")
            if found is not None:
                return found
    return None


def loads_strict(source: str, data: bytes, what: str) -> Any:
    """Parse ``data`` as strict JSON, refusing duplicate keys, NaN/Infinity, numbers too large
    for a float (or integers outside ±2**63), lone surrogates (``"\\ud800"``) and bad UTF-8."""
    try:
        text = data.decode("utf-8")
        doc = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constants,
            parse_float=_finite_float,
            parse_int=_bounded_int,
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputRefused(
            source, _("{what} is not valid JSON: {problem}").format(what=what, problem=exc)
        ) from None
    except RecursionError:
        raise InputRefused(
            source, _("{what} is not valid JSON: nested too deeply").format(what=what)
        ) from None
    if _SURROGATE_ESCAPE.search(text):
        where = _surrogate_at(doc)
        if where is not None:
            reason = _("{what} field {where}: text holds an unpaired surrogate (an escape such as \\ud800)")
            raise InputRefused(
                source, reason.format(what=what, where=where.lstrip("/") or _("(top level)"))
            )
    return doc


@cache
def schema(name: str) -> dict[str, Any]:
    """A bundled JSON Schema by file name (``batch-manifest-v1.schema.json``)."""
    text = resources.files("e2judge.formats").joinpath("schemas", name).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _python_anchors(node: Any) -> Any:
    """The schema with each ``pattern``'s final ``$`` made strict for Python's ``re``.

    In JSON Schema (ECMA-262) ``$`` matches only at the end; in Python it also matches before a
    final newline, which would let ``"E001\n"`` pass an id pattern. ``\\Z`` is the strict form.
    """
    if isinstance(node, dict):
        return {
            k: (
                v[:-1] + "\\Z"
                if k == "pattern" and isinstance(v, str) and v.endswith("$")
                else _python_anchors(v)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_python_anchors(v) for v in node]
    return node


@cache
def _validator(name: str) -> Callable[[Any], Any]:
    """The schema compiled once to Python code (fastjsonschema), for speed on 10,000-entry batches."""
    compiled: Callable[[Any], Any] = fastjsonschema.compile(_python_anchors(schema(name)))
    return compiled


def check_schema(source: str, data: Any, schema_name: str, what: str) -> None:
    """Refuse ``data`` that does not match the schema, naming the offending field."""
    try:
        _validator(schema_name)(data)
    except fastjsonschema.JsonSchemaValueException as exc:
        where = "/".join(str(p) for p in exc.path[1:]) or _("(top level)")
        message = exc.message.removeprefix(exc.name).strip() if exc.name else exc.message
        raise InputRefused(
            source, _("{what} field {where}: {problem}").format(what=what, where=where, problem=message)
        ) from None


def dumps_pretty(data: Any) -> bytes:
    """Readable, stable JSON bytes (sorted keys, UTF-8) for files people may open."""
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")
