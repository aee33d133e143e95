"""How stored OTLP requests join a partition (one app, one UTC day).

OTLP records are structured already, so they are not turned into text lines: building the raw partition
writes a manifest naming the requests that hold records of the day and how many (counted on their own,
before any mapping), and staging maps those requests' records straight into the tables, numbered after
the partition's Logplex lines. The line accounting check then covers them: every record is in exactly
one table. Rows are derived from the stored requests each time, so re-running a day after a mapping fix
re-derives them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

import pyarrow as pa

from heroku_assets import tables
from heroku_assets.logs.otlp import decode, rows
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

_BATCH_ROWS = 10_000


@dataclass(frozen=True)
class OtlpManifest:
    """The OTLP requests behind a partition and how many records of the day they hold."""

    objects: list[str]
    records: int
    version: str  # a hash of the requests' keys and versions ("" when there are none)

    def partition_version(self, lines_version: str) -> str:
        """The raw partition's data version: its lines' version, and the requests' when there are any."""
        return f"{lines_version}-{self.version}" if self.version else lines_version


def _received_day(info: ObjectInfo) -> dt.date:
    value = info.metadata.get("received")
    if value:
        return dt.date.fromisoformat(value)
    return dt.date.fromisoformat(info.key.split("/")[1])


def _decoded(raw: ObjectStore, info: ObjectInfo) -> tuple[bytes, decode.Signal, object | str]:
    """(body, signal, the decoded request or the reason it could not be decoded)."""
    meta = info.metadata
    name = info.key.rsplit("/", 1)[-1].split(".")
    signal = meta.get("signal") or (name[1] if len(name) == 3 else "logs")
    if signal not in decode.SIGNALS:
        signal = "logs"
    encoding = meta.get("encoding") or (name[2] if len(name) == 3 else "pb")
    body = raw.get(info.key)
    try:
        request = decode.read_stored(
            signal,  # type: ignore[arg-type]
            body,
            "json" if encoding == "json" else "pb",
            meta.get("content_encoding"),
        )
    except decode.OtlpDecodeError as exc:
        return body, signal, f"otlp_decode_error: {exc}"  # type: ignore[return-value]
    return body, signal, request  # type: ignore[return-value]


def write_manifest(raw: ObjectStore, app: str, day: dt.date, late_days: int) -> OtlpManifest:
    """List the OTLP requests with records of (app, day), count those records, and write the manifest
    staging reads (replacing an earlier one; none is written when there are no requests)."""
    entries = []
    names: set[str] = set()
    for prefix in layout.otlp_prefixes(app, day, late_days):
        for info in raw.list(prefix):
            days = info.metadata.get("days")
            if days is not None and day not in layout.parse_days(days):
                continue
            name = info.key.rsplit("/", 1)[-1]  # the body's hash: a copy stored on the next day is the same
            if name in names:
                continue
            names.add(name)
            received = _received_day(info)
            _, signal, request = _decoded(raw, info)
            if isinstance(request, str):
                count = 1 if day == received else 0
            else:
                count = rows.records_by_day(signal, request, received).get(day, 0)
            if count:
                entries.append({"key": info.key, "version": info.version, "records": count})
    key = layout.otlp_manifest_object(app, day)
    if entries:
        raw.put(
            key, json.dumps({"objects": entries}, indent=1).encode(), {"app": app, "date": day.isoformat()}
        )
    elif raw.head(key) is not None:
        raw.delete(key)
    digest = hashlib.sha256("".join(f"{e['key']}\0{e['version']}\n" for e in entries).encode())
    version = digest.hexdigest()[:16] if entries else ""
    return OtlpManifest([e["key"] for e in entries], sum(e["records"] for e in entries), version)


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
    for entry in read_manifest(raw, app, day):
        info = raw.head(entry["key"])
        if info is None:  # listed when the partition was built, gone since: the count check reports it
            continue
        body, signal, request = _decoded(raw, info)
        received = _received_day(info)
        if isinstance(request, str):
            produced: Iterator[list[rows.Row]] = iter(
                [rows.rejected_request(request, body, received)] if day == received else []
            )
        else:
            produced = rows.rows_of_day(signal, request, received, day)
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


def _batch(table: str, items: list[dict]) -> pa.RecordBatch:
    schema = tables.ALL_TABLES[table].arrow_schema
    return pa.RecordBatch.from_pylist(items, schema=schema)
