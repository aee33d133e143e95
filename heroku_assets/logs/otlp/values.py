"""OTLP values as plain Python: AnyValues, attribute lists, times in Unix nanoseconds, and the JSON and
text the rows hold them as."""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
from typing import Any

from google.protobuf import json_format
from google.protobuf.message import Message

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


_MAX_NS = int((dt.datetime(9999, 12, 31, tzinfo=dt.UTC) - _EPOCH).total_seconds()) * 1_000_000_000


_RAW_LIMIT = 4000


def any_value(value: Message) -> Any:
    """An OTLP AnyValue as plain JSON-able Python (bytes as base64); None when it holds nothing."""
    kind = value.WhichOneof("value")
    if kind is None:
        return None
    if kind == "array_value":
        return [any_value(v) for v in value.array_value.values]
    if kind == "kvlist_value":
        return attributes(value.kvlist_value.values)
    if kind == "bytes_value":
        return base64.b64encode(value.bytes_value).decode()
    if kind == "double_value" and not math.isfinite(value.double_value):
        return str(value.double_value)
    return getattr(value, kind)


def attributes(pairs: Any) -> dict[str, Any]:
    """KeyValue pairs as a dict (a repeated key keeps its last value, as OTLP SDKs do)."""
    return {kv.key: any_value(kv.value) for kv in pairs}


def timestamp(ns: int) -> dt.datetime | None:
    """A time in Unix nanoseconds as a UTC datetime (microseconds); None when unset or out of range."""
    if ns <= 0 or ns > _MAX_NS:
        return None
    return _EPOCH + dt.timedelta(microseconds=ns // 1000)


def json_text(value: dict[str, Any]) -> str | None:
    cleaned = {k: v for k, v in value.items() if v not in (None, {}, [], "")}
    return json.dumps(cleaned, ensure_ascii=False, separators=(",", ":"), default=str) if cleaned else None


def merge_json(text: str | None, extra: dict[str, Any]) -> dict[str, Any]:
    """The extra object a Cedar parser wrote (JSON text) with the OTLP keys added."""
    merged: dict[str, Any] = json.loads(text) if text else {}
    for key, value in extra.items():
        merged.setdefault(key, value)
    return merged


def raw_json(message: Message) -> str:
    text = json_format.MessageToJson(message, indent=None, preserving_proto_field_name=False)
    return text if len(text) <= _RAW_LIMIT else text[: _RAW_LIMIT - 12] + "...[cut]"


def compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def iso(ts: dt.datetime | None) -> str | None:
    return ts.isoformat() if ts is not None else None
