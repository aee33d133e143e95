"""A stored OTLP request, wherever the receiver kept it: an object of its own
(``otlp/<received day>/<app>/<hash>.<signal>.<encoding>``, from receivers without a spool and stores
written before spooling) or a record of kind ``otlp`` in a spool segment. Both are read alike.

A request is known by its body as received (still compressed), its signal and its encoding: the name of
the per-request object, whichever way it was kept. OTLP has no frame id, and an exporter retries a
request with the very bytes it first sent (the SDKs compress once, before their retry loop), so a retry
is the same request: stored again, it counts once. Two exports that happen to be byte for byte the same
count once too; telemetry records carry their own timestamps and ids, so that is a retry in practice.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import hashlib
from dataclasses import dataclass

from google.protobuf.message import Message

from heroku_assets.logs.otlp import decode, rows
from heroku_assets.received.days import undated_day
from heroku_assets.received.records import Record
from heroku_assets.storage.base import ObjectInfo

RECORD_KIND = "otlp"  # the spool record kind (layout.OTLP_KIND names the per-request objects alike)


@dataclass(frozen=True)
class StoredRequest:
    """What reading a stored request needs: how its body is encoded, and the day its undated records
    are given (the receiver's ``undated_day``, alike for every attempt at one request)."""

    signal: decode.Signal
    encoding: decode.Encoding
    content_encoding: str
    body: bytes
    received: dt.date
    received_at: dt.datetime | None = None

    @property
    def name(self) -> str:
        """The request's identity: the name its per-request object has (``layout.otlp_object``)."""
        return f"{hashlib.sha256(self.body).hexdigest()[:32]}.{self.signal}.{self.encoding}"

    def decoded(self) -> Message | str:
        """The decoded request, or why it cannot be decoded (its records then give one rejected row)."""
        try:
            return decode.read_stored(self.signal, self.body, self.encoding, self.content_encoding)
        except decode.OtlpDecodeError as exc:
            return f"otlp_decode_error: {exc}"

    def records_by_day(self, decoded: Message | str | None = None) -> collections.Counter[dt.date]:
        """How many records of each UTC day the request holds; an undecodable request is one record of
        the day it was received. ``decoded``: ``self.decoded()`` when the caller has it already."""
        request = self.decoded() if decoded is None else decoded
        if isinstance(request, str):
            return collections.Counter({self.received: 1})
        return rows.records_by_day(self.signal, request, self.received)


def _signal(value: str | None) -> decode.Signal:
    return value if value in decode.SIGNALS else "logs"  # type: ignore[return-value]


def _encoding(value: str | None) -> decode.Encoding:
    return "json" if value == "json" else "pb"


def from_object(info: ObjectInfo, body: bytes) -> StoredRequest:
    """A per-request object: its metadata says how to read it, else its name does."""
    meta = info.metadata
    name = info.key.rsplit("/", 1)[-1].split(".")
    received_at = None
    with contextlib.suppress(KeyError, ValueError):
        received_at = dt.datetime.fromisoformat(meta["received_at"])
    received = meta.get("received") or info.key.split("/")[1]
    return StoredRequest(
        signal=_signal(meta.get("signal") or (name[1] if len(name) == 3 else None)),
        encoding=_encoding(meta.get("encoding") or (name[2] if len(name) == 3 else None)),
        content_encoding=meta.get("content_encoding", ""),
        body=body,
        received=dt.date.fromisoformat(received),
        received_at=received_at,
    )


def from_record(record: Record) -> StoredRequest:
    """A spool record of kind ``otlp``: its headers say how to read it."""
    headers = record.headers
    return StoredRequest(
        signal=_signal(headers.get("signal")),
        encoding=_encoding(headers.get("encoding")),
        content_encoding=headers.get("content_encoding", ""),
        body=record.body,
        received=undated_day(record.received_at),
        received_at=record.received_at,
    )


def record_days(record: Record) -> set[dt.date]:
    """The UTC days of an ``otlp`` record's telemetry records, for its segment's ``days`` (called off the
    request path, once the record is acknowledged)."""
    request = from_record(record)
    return set(request.records_by_day()) or {request.received}
