"""The spool record: one received request (a Logplex body, an OTLP request, ...) with the facts worth
keeping, as a receiver's spool writes it and a stored segment holds it.

A segment is a sequence of records, each ``MAGIC | payload length | crc32(payload) | payload`` with
``payload = header length (u32) | JSON header | body``. Readers stop at the first torn or damaged record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import struct
import zlib
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from heroku_assets.storage.layout import UNMAPPED_APP

# A request a receiver answered 404 (a drain registered with a path no route serves: its sender drops the
# data). Its record holds no body, only the facts (the path with every secret-looking part masked), so
# that what was lost is counted in the raw store; it is filed under ``_unmapped`` and never built.
NOT_FOUND_KIND = "not_found"

MAGIC = b"HAR1"
_HEAD = struct.Struct(">4sII")  # magic, payload length, crc32 of the payload
_U32 = struct.Struct(">I")
HEAD_BYTES = _HEAD.size
MAX_RECORD_BYTES = 64 << 20


class RecordError(ValueError):
    """A record that cannot be written: over ``MAX_RECORD_BYTES``."""


@dataclasses.dataclass(frozen=True)
class Record:
    """One received request as the spool keeps it. ``kind`` says how to read ``body`` (``logplex``: a
    Logplex drain body; other receivers add theirs); ``frame_id`` is the sender's retry-stable id, if any;
    ``headers`` are the request facts worth keeping (printable ASCII strings)."""

    kind: str
    app: str
    received_at: dt.datetime
    body: bytes
    frame_id: str | None = None
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def encode(self) -> bytes:
        header = json.dumps(
            {
                "kind": self.kind,
                "app": self.app,
                "received_at": self.received_at.astimezone(dt.UTC).isoformat(),
                "frame_id": self.frame_id,
                "headers": dict(self.headers),
            },
            separators=(",", ":"),
        ).encode()
        payload = b"".join((_U32.pack(len(header)), header, self.body))
        if len(payload) > MAX_RECORD_BYTES:
            raise RecordError(f"a record of {len(payload)} bytes is over the {MAX_RECORD_BYTES} limit")
        return _HEAD.pack(MAGIC, len(payload), zlib.crc32(payload)) + payload

    @classmethod
    def decode(cls, payload: bytes) -> Record:
        (header_len,) = _U32.unpack_from(payload)
        header = json.loads(payload[4 : 4 + header_len])
        return cls(
            kind=header["kind"],
            app=header["app"],
            received_at=dt.datetime.fromisoformat(header["received_at"]),
            frame_id=header.get("frame_id"),
            headers=header.get("headers") or {},
            body=payload[4 + header_len :],
        )


def read_records(stream: BinaryIO) -> Iterator[tuple[int, Record]]:
    """(offset just past the record, record) for every whole, intact record from the start of
    ``stream``, stopping at the first torn or damaged one."""
    offset = 0
    while True:
        head = stream.read(_HEAD.size)
        if len(head) < _HEAD.size:
            return
        magic, length, crc = _HEAD.unpack(head)
        if magic != MAGIC or length > MAX_RECORD_BYTES:
            return
        payload = stream.read(length)
        if len(payload) < length or zlib.crc32(payload) != crc:
            return
        try:
            record = Record.decode(payload)
        except (ValueError, KeyError, TypeError, struct.error):
            return
        offset += _HEAD.size + length
        yield offset, record


@dataclasses.dataclass
class SegmentSummary:
    """What a segment holds, for its object's metadata: kept up to date as records are appended (so
    sealing need not read the segment again) or found by reading it (``capture.segment_days.summarize``)."""

    records: int = 0
    received: dt.date | None = None  # the UTC day of the first record
    apps: set[str] = dataclasses.field(default_factory=set)
    days: set[dt.date] = dataclasses.field(default_factory=set)
    kinds: set[str] = dataclasses.field(default_factory=set)
    undated: int = 0  # records whose days are left to find when the segment is shipped
    unmapped: int = 0  # records of data filed under ``_unmapped`` (no known app): never built
    not_found: int = 0  # records of requests answered 404 (``NOT_FOUND_KIND``)

    def add(self, record: Record, days: set[dt.date] | None) -> None:
        """``days`` None: to be found later (``undated`` counts them)."""
        self.records += 1
        if record.kind == NOT_FOUND_KIND:
            self.not_found += 1
        elif record.app == UNMAPPED_APP:
            self.unmapped += 1
        if self.received is None:
            self.received = record.received_at.astimezone(dt.UTC).date()
        self.apps.add(record.app)
        self.kinds.add(record.kind)
        if days is None:
            self.undated += 1
        else:
            self.days.update(days)

    def dumps(self) -> str:
        return json.dumps(
            {
                "records": self.records,
                "received": self.received.isoformat() if self.received else None,
                "apps": sorted(self.apps),
                "days": sorted(d.isoformat() for d in self.days),
                "kinds": sorted(self.kinds),
                "undated": self.undated,
                "unmapped": self.unmapped,
                "not_found": self.not_found,
            }
        )

    @classmethod
    def loads(cls, text: str) -> SegmentSummary:
        data = json.loads(text)
        return cls(
            records=data["records"],
            received=dt.date.fromisoformat(data["received"]) if data["received"] else None,
            apps=set(data["apps"]),
            days={dt.date.fromisoformat(d) for d in data["days"]},
            kinds=set(data["kinds"]),
            undated=data.get("undated", 0),
            unmapped=data.get("unmapped", 0),
            not_found=data.get("not_found", 0),
        )
