"""How a tick's records become rows: each line numbered in its (app, day) from where the ledger left it,
Logplex bodies read and classified a batch at a time whatever their apps, OTLP requests mapped record by
record, and copies already seen counted as duplicate lines instead (see ``tick``)."""

from __future__ import annotations

import collections
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets import tables
from heroku_assets.logs.fill import EPOCH, line_days


class LineNumbers:
    """The next line number of each (app, day), and how many lines each object gave it."""

    def __init__(self, day_lines: Mapping[tuple[str, dt.date], int]) -> None:
        self.next = {k: v + 1 for k, v in day_lines.items()}
        self.appended: collections.Counter[tuple[str, dt.date]] = collections.Counter()
        self.per_object: dict[str, collections.Counter[tuple[str, dt.date]]] = {}
        self.duplicates: dict[str, collections.Counter[tuple[str, dt.date]]] = {}

    def take(self, key: str, app: str, day: dt.date, count: int) -> int:
        first = self.next.get((app, day), 1)
        self.next[(app, day)] = first + count
        self.appended[(app, day)] += count
        self.per_object.setdefault(key, collections.Counter())[(app, day)] += count
        return first

    def duplicate(self, key: str, app: str, day: dt.date, count: int) -> None:
        self.duplicates.setdefault(key, collections.Counter())[(app, day)] += count


@dataclass
class Body:
    app: str
    received_day: int  # days since 1970 of the body's undated lines
    duplicate: bool


def copy_row(name: str, app: str, received: dt.datetime, tick_id: str) -> dict:
    return {"copy_name": name, "app": app, "received_at": received, "tick_id": tick_id}


def logplex_rows(
    key: str, bodies: list[Body], logplex: list[bytes], numbers: LineNumbers
) -> Iterator[tuple[str, pa.RecordBatch]]:
    """The rows of a segment's Logplex bodies: each read as a drain body object of its own would be (its
    undated lines take the day and place of their dated neighbours in the body), numbered in their (app,
    day), and classified a read batch at a time whatever the apps it holds (the classifier's cost is per
    call: one call per app would make a tick of many small apps slow)."""
    from heroku_assets.logs.classify import parse_batches
    from heroku_assets.logs.logplex.frame_batches import read_bodies

    if not logplex:
        return
    for lines, owners in read_bodies(logplex):
        fallback = np.asarray([bodies[i].received_day for i in owners], dtype=np.int64)
        _, _, days = line_days(lines, owners, fallback)
        apps = np.asarray([bodies[i].app for i in owners], dtype=object)
        duplicate = np.asarray([bodies[i].duplicate for i in owners], dtype=bool)
        # (app, day) groups in order of first appearance, each numbered in its lines' order
        groups: dict[tuple[str, int, bool], list[int]] = {}
        for position, group in enumerate(zip(apps.tolist(), days.tolist(), duplicate.tolist(), strict=True)):
            groups.setdefault(group, []).append(position)
        line_numbers = np.zeros(len(apps), dtype=np.int64)
        for (app, day_number, is_copy), positions in groups.items():
            day = EPOCH + dt.timedelta(days=int(day_number))
            if is_copy:
                numbers.duplicate(key, app, day, len(positions))
            else:
                first = numbers.take(key, app, day, len(positions))
                line_numbers[positions] = np.arange(first, first + len(positions))
        kept = np.flatnonzero(~duplicate)
        if not len(kept):
            continue
        kept_apps, kept_days, kept_numbers = apps[kept], days[kept], line_numbers[kept]
        # classified with line numbers 0..n-1 (positions among the kept lines), then given their own
        for table, batch in parse_batches([lines.take(pa.array(kept))], app="", first_line_number=0):
            at = np.asarray(batch.column("line_number"))
            yield (
                table,
                _with_columns(
                    batch,
                    app=pa.array(kept_apps[at], pa.string()),
                    event_date=pc.cast(pa.array(kept_days[at], pa.int32()), pa.date32()),
                    line_number=pa.array(kept_numbers[at], pa.int64()),
                ),
            )


def _with_columns(batch: pa.RecordBatch, **columns: pa.Array) -> pa.RecordBatch:
    arrays = [columns.get(name, batch.column(i)) for i, name in enumerate(batch.schema.names)]
    return pa.RecordBatch.from_arrays(arrays, schema=batch.schema)


def otlp_rows(
    record, key: str, numbers: LineNumbers, seen: set, copies: list[dict], tick_id: str, resources: dict
):
    """The rows of one OTLP request (a spool record): every telemetry record numbered in its (app, day);
    a request that cannot be decoded is one rejected row of the day it was received. ``resources``:
    per (app, day), the resources a row of this tick holds whole already (``record.ResourceNotes``)."""
    from heroku_assets.logs.otlp import record as otlp_record
    from heroku_assets.logs.otlp import rows, stored

    request = stored.from_record(record)
    decoded = request.decoded()  # once: counting the days and making the rows both need it
    by_day = request.records_by_day(decoded)
    if (request.name, record.app) in seen:
        for day, count in by_day.items():
            numbers.duplicate(key, record.app, day, count)
        return
    seen.add((request.name, record.app))
    copies.append(copy_row(request.name, record.app, record.received_at.astimezone(dt.UTC), tick_id))
    pending: dict[str, list[dict]] = {}
    for day in sorted(by_day):
        line = numbers.take(key, record.app, day, by_day[day])
        if isinstance(decoded, str):
            produced: Iterable[list] = [rows.rejected_request(decoded, request.body, request.received)]
        else:
            notes = resources.setdefault((record.app, day), otlp_record.ResourceNotes())
            produced = rows.rows_of_day(request.signal, decoded, request.received, day, notes)
        for record_rows in produced:
            for table, columns in record_rows:
                pending.setdefault(table, []).append(
                    {**columns, "app": record.app, "event_date": day, "line_number": line}
                )
            line += 1
    for table, items in pending.items():
        yield table, pa.RecordBatch.from_pylist(items, schema=tables.ALL_TABLES[table].arrow_schema)
