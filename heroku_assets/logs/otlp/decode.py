"""Decoding stored OTLP/HTTP requests with the generated classes of ``opentelemetry-proto``.

OTLP/JSON is proto3 JSON with two differences (OTLP specification, "JSON Protobuf Encoding"): trace and
span ids are hex, not base64, and enums are integers. ``json_format`` would read a hex id as base64 and
give wrong bytes without complaint, so the ids are rewritten to base64 before parsing.
"""

from __future__ import annotations

import base64
import gzip
import json
import zlib
from typing import Any, Literal

import zstandard
from google.protobuf import json_format
from google.protobuf.message import DecodeError, Message
from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import (
    ExportLogsServiceRequest,
    ExportLogsServiceResponse,
)
from opentelemetry.proto.collector.metrics.v1.metrics_service_pb2 import (
    ExportMetricsServiceRequest,
    ExportMetricsServiceResponse,
)
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)

Signal = Literal["logs", "metrics", "traces"]
Encoding = Literal["pb", "json"]
SIGNALS: tuple[Signal, ...] = ("logs", "metrics", "traces")
# The OTLP specification recommends accepting at least this much, decompressed.
MAX_DECODED_BYTES = 64 << 20

_REQUESTS: dict[str, type[Message]] = {
    "logs": ExportLogsServiceRequest,
    "metrics": ExportMetricsServiceRequest,
    "traces": ExportTraceServiceRequest,
}
_RESPONSES: dict[str, type[Message]] = {
    "logs": ExportLogsServiceResponse,
    "metrics": ExportMetricsServiceResponse,
    "traces": ExportTraceServiceResponse,
}
# zstd has no output bound per call: input is fed in slices this big, so one call inflates at most about
# 32 MiB (zstd's ratio tops out near 32,000:1) before the limit is checked again.
_ZSTD_SLICE = 1024
_ID_KEYS = ("traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id")


class OtlpDecodeError(ValueError):
    """A stored request that cannot be read: its records become one rejected row with this reason."""


class TooLarge(ValueError):
    """The body inflates beyond the limit."""


def encoding_of(content_type: str | None) -> Encoding:
    """``json`` for ``application/json``, ``pb`` for protobuf and for anything unnamed."""
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind == "application/json":
        return "json"
    return "pb"


def decompress(body: bytes, content_encoding: str | None, limit: int = MAX_DECODED_BYTES) -> bytes:
    """The body without its ``Content-Encoding`` (identity, gzip, deflate, zstd), at most ``limit`` bytes
    (TooLarge beyond: a zip bomb stops there); OtlpDecodeError for an unknown or corrupt encoding."""
    coding = (content_encoding or "identity").strip().lower()
    if coding in ("", "identity"):
        if len(body) > limit:
            raise TooLarge(f"{len(body)} bytes")
        return body
    if coding == "zstd":
        return _unzstd(body, limit)
    if coding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif coding == "deflate":
        inflater = zlib.decompressobj()
    else:
        raise OtlpDecodeError(f"unsupported content encoding {coding!r}")
    try:
        out = inflater.decompress(body, limit + 1)
        if len(out) > limit or inflater.unconsumed_tail:
            raise TooLarge(f"more than {limit} bytes once inflated")
        if not inflater.eof:
            raise OtlpDecodeError(f"truncated {coding} body")
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise OtlpDecodeError(f"corrupt {coding} body: {exc}") from exc
    return out


def _unzstd(body: bytes, limit: int) -> bytes:
    """A zstd body (one frame or several in a row, as RFC 8878 allows), checked against ``limit`` as it
    inflates."""
    out = bytearray()
    rest = memoryview(body)
    try:
        while rest:
            inflater = zstandard.ZstdDecompressor().decompressobj()
            while rest and not inflater.eof:
                out += inflater.decompress(rest[:_ZSTD_SLICE])
                rest = rest[_ZSTD_SLICE:]
                if len(out) > limit:
                    raise TooLarge(f"more than {limit} bytes once inflated")
            if not inflater.eof:
                raise OtlpDecodeError("truncated zstd body")
            rest = memoryview(inflater.unused_data + bytes(rest))
    except zstandard.ZstdError as exc:
        raise OtlpDecodeError(f"corrupt zstd body: {exc}") from exc
    return bytes(out)


def decode_request(signal: Signal, data: bytes, encoding: Encoding) -> Message:
    """An Export<Signal>ServiceRequest from its (decompressed) protobuf or OTLP/JSON bytes."""
    cls = _REQUESTS[signal]
    if encoding == "pb":
        try:
            return cls.FromString(data)
        except (DecodeError, RuntimeError, ValueError) as exc:
            raise OtlpDecodeError(f"not an OTLP {signal} protobuf: {exc}") from exc
    try:
        document = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise OtlpDecodeError(f"not JSON: {exc}") from exc
    if not isinstance(document, dict):
        raise OtlpDecodeError("OTLP/JSON must be an object")
    try:
        _hex_ids_to_base64(document)
        return json_format.ParseDict(document, cls(), ignore_unknown_fields=True)
    except (json_format.ParseError, ValueError, TypeError, RecursionError) as exc:
        raise OtlpDecodeError(f"not an OTLP/JSON {signal} request: {exc}") from exc


def _hex_ids_to_base64(node: Any) -> None:
    """Rewrite every trace/span id in the document from OTLP's hex to proto3 JSON's base64, in place."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _ID_KEYS and isinstance(value, str):
                try:
                    node[key] = base64.b64encode(bytes.fromhex(value)).decode()
                except ValueError as exc:
                    raise ValueError(f"{key} is not hex: {value[:40]!r}") from exc
            else:
                _hex_ids_to_base64(value)
    elif isinstance(node, list):
        for item in node:
            _hex_ids_to_base64(item)


def read_stored(signal: Signal, body: bytes, encoding: Encoding, content_encoding: str | None) -> Message:
    """A stored request body (as received) decoded: decompressed, then parsed."""
    try:
        data = decompress(body, content_encoding)
    except TooLarge as exc:
        raise OtlpDecodeError(f"body too large: {exc}") from exc
    return decode_request(signal, data, encoding)


def empty_response(signal: Signal, encoding: Encoding) -> bytes:
    """The full-success answer: an empty Export<Signal>ServiceResponse in the request's encoding."""
    message = _RESPONSES[signal]()
    if encoding == "json":
        return json_format.MessageToJson(message, indent=None).encode()
    return message.SerializeToString()


def hex_id(value: bytes) -> str | None:
    """A trace or span id as OTLP/JSON writes it (lowercase hex); None when absent (all zero or empty)."""
    return value.hex() if value and any(value) else None
