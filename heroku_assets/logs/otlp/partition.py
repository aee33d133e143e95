"""How stored OTLP requests join a partition (one app, one UTC day).

OTLP records are structured already, so they are not turned into text lines: building the raw partition
writes a manifest naming the requests that hold records of the day and how many (counted on their own,
before any mapping), and staging maps those requests' records straight into the tables, numbered after
the partition's Logplex lines. The line accounting check then covers them: every record is in exactly
one table. A resource's attributes are held whole by the first row of each table that names it
(``record.ResourceNotes``); the other rows name it by id. Rows are derived from the stored requests each
time, so re-running a day after a mapping fix re-derives them.

Requests are read from spool segments (records of kind ``otlp``) and from per-request objects alike. A
request stored more than once (an exporter's retry, to the same or another receiver, across midnight)
counts once: copies share a name (``stored.StoredRequest.name``) and the first received copy is kept
(ties: the smaller object key, then record number), so every partition that sees the copies keeps the
same one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass

import pyarrow as pa

from heroku_assets import tables
from heroku_assets.logs.otlp import rows, stored
from heroku_assets.logs.otlp.record import ResourceNotes, Row
from heroku_assets.received.segments import read_segment, rebuild_segments, segment_apps
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

_BATCH_ROWS = 10_000


@dataclass(frozen=True)
class OtlpManifest:
    """The OTLP requests behind a partition and how many records of the day they hold."""

    objects: list[str]  # the objects read: per-request objects and segments, each once
    records: int
    version: str  # a hash of the requests' keys and versions ("" when there are none)
    newest: float = 0.0  # the newest of those objects, by the store's clock

    def partition_version(self, lines_version: str) -> str:
        """The raw partition's data version: its lines' version, and the requests' when there are any."""
        return f"{lines_version}-{self.version}" if self.version else lines_version


@dataclass
class _Copy:
    rank: tuple[float, str, int]  # (received, key, record number): the smallest is kept
    entry: dict


def _received_rank(request: stored.StoredRequest) -> float:
    if request.received_at is None:
        return dt.datetime.combine(request.received, dt.time(), dt.UTC).timestamp()
    return request.received_at.timestamp()


def _segments(
    raw: ObjectStore,
    app: str,
    day: dt.date,
    late_days: int,
    ticked: Collection[str] | None,
    window: dt.date | None,
) -> Iterator[ObjectInfo]:
    """The segments that may hold OTLP records of (app, day), by their metadata (of ``ticked`` only,
    when given: see ``raw_partition.candidates.candidate_objects``)."""
    listed = [
        info
        for prefix in layout.received_prefixes(app, day, late_days)
        if layout.is_segment(prefix)
        for info in raw.list(prefix)
    ]
    if ticked is not None:
        listed = rebuild_segments(raw, listed, ticked, window)
    for info in listed:
        kinds = info.metadata.get("kinds")
        if kinds is not None and stored.RECORD_KIND not in kinds.split():
            continue
        apps = segment_apps(info)
        if apps is not None and app not in apps:
            continue
        days = info.metadata.get("days")
        if days is not None and day not in layout.parse_days(days):
            continue
        yield info


def _requests(
    raw: ObjectStore,
    app: str,
    day: dt.date,
    late_days: int,
    ticked: Collection[str] | None = None,
    window: dt.date | None = None,
) -> Iterator[tuple[stored.StoredRequest, ObjectInfo, int | None]]:
    """Every stored request of ``app`` that may hold records of ``day``: (request, the object holding
    it, its record number in a segment or None for a per-request object)."""
    for prefix in layout.otlp_prefixes(app, day, late_days):
        for info in raw.list(prefix):
            days = info.metadata.get("days")
            if days is not None and day not in layout.parse_days(days):
                continue
            yield stored.from_object(info, raw.get(info.key)), info, None
    for info in _segments(raw, app, day, late_days, ticked, window):
        for number, record in enumerate(read_segment(raw, info.key)):
            if record.kind == stored.RECORD_KIND and record.app == app:
                yield stored.from_record(record), info, number


def write_manifest(
    raw: ObjectStore,
    app: str,
    day: dt.date,
    late_days: int,
    ticked: Collection[str] | None = None,
    window: dt.date | None = None,
) -> OtlpManifest:
    """List the OTLP requests with records of (app, day), count those records, and write the manifest
    staging reads (replacing an earlier one; none is written when there are no requests)."""
    kept: dict[str, _Copy] = {}
    newest = 0.0  # of every object holding a copy, kept or not: the sensor compares it with arrivals
    for request, info, number in _requests(raw, app, day, late_days, ticked, window):
        count = request.records_by_day().get(day, 0)
        if not count:
            continue
        newest = max(newest, info.modified or 0.0)
        entry: dict = {"key": info.key, "version": info.version, "records": count}
        if number is not None:
            entry["record"] = number
        rank = (_received_rank(request), info.key, -1 if number is None else number)
        copy = _Copy(rank, entry)
        earlier = kept.get(request.name)
        if earlier is None or copy.rank < earlier.rank:
            kept[request.name] = copy
    # by object and record: staging then reads each segment once
    order = sorted(kept.values(), key=lambda c: (c.entry["key"], c.entry.get("record", -1)))
    entries = [c.entry for c in order]
    key = layout.otlp_manifest_object(app, day)
    if entries:
        raw.put(
            key, json.dumps({"objects": entries}, indent=1).encode(), {"app": app, "date": day.isoformat()}
        )
    elif raw.head(key) is not None:
        raw.delete(key)
    digest = hashlib.sha256("".join(_version_line(e) for e in entries).encode())
    version = digest.hexdigest()[:16] if entries else ""
    return OtlpManifest(
        objects=list(dict.fromkeys(e["key"] for e in entries)),
        records=sum(e["records"] for e in entries),
        version=version,
        newest=newest,
    )


def _version_line(entry: dict) -> str:
    if "record" in entry:
        return f"{entry['key']}\0{entry['version']}\0{entry['record']}\n"
    return f"{entry['key']}\0{entry['version']}\n"  # as before segments: unchanged days keep their version


def read_manifest(raw: ObjectStore, app: str, day: dt.date) -> list[dict]:
    key = layout.otlp_manifest_object(app, day)
    if raw.head(key) is None:
        return []
    return json.loads(raw.get(key))["objects"]


def table_batches(
    raw: ObjectStore, app: str, day: dt.date, first_line_number: int
) -> Iterator[tuple[str, pa.RecordBatch]]:
    """The rows of every record the manifest of (app, day) names, as ``(table, RecordBatch)`` pairs of
    the declared schemas; record k (from 0) of the day carries line number ``first_line_number + k``."""
    line = first_line_number
    pending: dict[str, list[dict]] = {}
    notes = ResourceNotes()  # a resource is held whole by one row per table of the partition
    for request in _manifest_requests(raw, read_manifest(raw, app, day)):
        decoded = request.decoded()
        if isinstance(decoded, str):
            produced: Iterator[list[Row]] = iter(
                [rows.rejected_request(decoded, request.body, request.received)]
                if day == request.received
                else []
            )
        else:
            produced = rows.rows_of_day(request.signal, decoded, request.received, day, notes)
        for record_rows in produced:
            for table, columns in record_rows:
                pending.setdefault(table, []).append(
                    {**columns, "app": app, "event_date": day, "line_number": line}
                )
                if len(pending[table]) >= _BATCH_ROWS:
                    yield table, _batch(table, pending.pop(table))
            line += 1
    for table, items in pending.items():
        yield table, _batch(table, items)


def _manifest_requests(raw: ObjectStore, entries: list[dict]) -> Iterator[stored.StoredRequest]:
    """The requests the manifest names, in its order; a segment's records are read in one pass."""
    index = 0
    while index < len(entries):
        entry = entries[index]
        info = raw.head(entry["key"])
        if "record" not in entry:
            index += 1
            if info is not None:  # gone since the partition was built: the count check reports it
                yield stored.from_object(info, raw.get(info.key))
            continue
        wanted = set()
        while index < len(entries) and entries[index]["key"] == entry["key"] and "record" in entries[index]:
            wanted.add(entries[index]["record"])
            index += 1
        if info is None:
            continue
        for number, record in enumerate(read_segment(raw, info.key)):
            if number in wanted:
                yield stored.from_record(record)


def _batch(table: str, items: list[dict]) -> pa.RecordBatch:
    schema = tables.ALL_TABLES[table].arrow_schema
    return pa.RecordBatch.from_pylist(items, schema=schema)
