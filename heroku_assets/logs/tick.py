"""A tick: every received segment that no earlier tick consumed, read once, each line parsed once, staged
as one Parquet file per table for every app and day the segments hold, with the ledger rows that say so.

The warehouse appends a tick's files and its ledger rows in one transaction (``warehouse.sql.append``),
so a tick that fails anywhere before the commit leaves nothing, and its objects are taken by the next.

Copies. A Logplex frame (or an OTLP request) received more than once, by retries to the same or another
receiver, in one tick or in several, counts once: the first copy a tick reads is kept (segments in the
order they were shipped, records in the order they were received), and a later copy is counted in the
ledger as duplicate lines. The first copy wins, not the last as in a rebuild, because its rows may be in
the warehouse already and the append path never takes rows back; the copies differ at most in the
``Error L10`` report Logplex rebuilds on a retry. Copies are known by name (``layout.frame_name``, the
request's hash): those loaded since a retry window before the tick's oldest record are asked of the
warehouse (``known``), so a retry to another receiver, shipped in a later tick, is still known.

Line numbers continue each (app, day) from where the ledger left it (``next_lines``): the lines of a day
are numbered 1..N across ticks in order of arrival, which is what a seal checks.
"""

from __future__ import annotations

import collections
import datetime as dt
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets import tables
from heroku_assets.logs.fill import fill_within
from heroku_assets.logs.parquet import write_parquet, write_staged_table
from heroku_assets.received.days import RETRY_WINDOW, received_day, undated_day
from heroku_assets.received.segments import read_segment
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

_EPOCH = dt.date(1970, 1, 1)
_US_PER_DAY = 86_400_000_000
MAX_OBJECTS_PER_TICK = 2000  # a tick is bounded: the rest waits for the next one
# Ticks take segments received in the last this many days: a week of ticks stopped is caught up. An older
# segment no tick took is read by the rebuilds of its days (``raw_partition.candidates.candidate_objects``).
TICK_WINDOW_DAYS = 7


def tick_window_start(today: dt.date, late_days: int) -> dt.date:
    """The first received day ticks take segments of."""
    return today - dt.timedelta(days=max(TICK_WINDOW_DAYS, late_days + 1))


@dataclass(frozen=True)
class LedgerState:
    """What the warehouse's ledger says before a tick reads its objects: the copies loaded
    recently, and per (app, day) how many lines are numbered since its last rebuild."""

    known: frozenset[tuple[str, str]] = frozenset()  # (copy name, app)
    day_lines: Mapping[tuple[str, dt.date], int] = field(default_factory=dict)


@dataclass
class StagedTick:
    """What a tick staged: one file per appended table, and the figures its metadata reports."""

    tick_id: str
    objects: list[str]
    files: dict[str, Path]  # table -> local Parquet file (event tables, the ledger, the copies)
    rows: dict[str, int]  # table -> rows staged
    lines: dict[tuple[str, dt.date], int]  # (app, day) -> lines appended by this tick
    duplicate_lines: int = 0
    records: int = 0

    @property
    def total_lines(self) -> int:
        return sum(self.lines.values())


def pending_objects(
    raw: ObjectStore, consumed: frozenset[str] | set[str], today: dt.date, lookback_days: int, limit: int
) -> tuple[list[ObjectInfo], bool]:
    """Segments received in the last ``lookback_days`` days that the ledger does not hold, oldest first
    (by the store's clock, then key), at most ``limit``; and whether more are waiting."""
    found = []
    for offset in range(lookback_days, -1, -1):
        day = today - dt.timedelta(days=offset)
        for info in raw.list(f"segment/{day.isoformat()}/"):
            if info.key not in consumed:
                found.append(info)
    found.sort(key=lambda i: (i.modified or 0.0, i.key))
    return found[:limit], len(found) > limit


def oldest_received(objects: Iterable[ObjectInfo]) -> dt.datetime:
    """A lower bound of when the objects' records were received (the start of the earliest received day
    less the retry window): a copy loaded before that cannot be a copy of theirs."""
    first = min((received_day(info) for info in objects), default=dt.datetime.now(dt.UTC).date())
    return dt.datetime.combine(first, dt.time(), dt.UTC) - RETRY_WINDOW


class _Numbers:
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
class _Body:
    app: str
    received_day: int  # days since 1970 of the body's undated lines
    duplicate: bool


def stage_tick(
    raw: ObjectStore,
    objects: list[ObjectInfo],
    state: LedgerState,
    out_dir: Path,
    tick_id: str,
    now: dt.datetime,
) -> StagedTick:
    """Read ``objects`` once and write the tick's files to ``out_dir``: rows of every event table, the
    ledger rows (one per object, app and day; an object with no line gets one with app '') and the copies
    loaded."""
    numbers = _Numbers(state.day_lines)
    seen = set(state.known)
    copies: list[dict] = []
    resources: dict = {}
    records = 0

    def batches() -> Iterator[tuple[str, pa.RecordBatch]]:
        nonlocal records
        for info in objects:
            bodies: list[_Body] = []
            logplex: list[bytes] = []
            for record in read_segment(raw, info.key):
                records += 1
                received = record.received_at.astimezone(dt.UTC)
                if record.kind == layout.OTLP_KIND:
                    yield from _otlp_rows(record, info.key, numbers, seen, copies, tick_id, resources)
                    continue
                if record.kind != "logplex":
                    continue
                name = layout.frame_name(record.frame_id, record.body)
                duplicate = (name, record.app) in seen
                if not duplicate:
                    seen.add((name, record.app))
                    copies.append(_copy_row(name, record.app, received, tick_id))
                bodies.append(_Body(record.app, (undated_day(received) - _EPOCH).days, duplicate))
                logplex.append(record.body)
            yield from _logplex_rows(info.key, bodies, logplex, numbers)

    files = write_parquet(batches(), out_dir)
    paths = {name: f.path for name, f in files.items()}
    rows = {name: f.rows for name, f in files.items()}
    ledger = _ledger_rows(objects, numbers, tick_id, now)
    for table, items in ((tables.LOG_LEDGER, ledger), (tables.LOADED_COPIES, copies)):
        path = out_dir / table.name / "part-00000.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_staged_table(table, pa.Table.from_pylist(items, schema=table.arrow_schema), path)
        paths[table.name], rows[table.name] = path, len(items)
    return StagedTick(
        tick_id=tick_id,
        objects=[o.key for o in objects],
        files=paths,
        rows=rows,
        lines=dict(numbers.appended),
        duplicate_lines=sum(sum(c.values()) for c in numbers.duplicates.values()),
        records=records,
    )


def _copy_row(name: str, app: str, received: dt.datetime, tick_id: str) -> dict:
    return {"copy_name": name, "app": app, "received_at": received, "tick_id": tick_id}


def _ledger_rows(objects: list[ObjectInfo], numbers: _Numbers, tick_id: str, now: dt.datetime) -> list[dict]:
    out = []
    for info in objects:
        appended = numbers.per_object.get(info.key, collections.Counter())
        duplicates = numbers.duplicates.get(info.key, collections.Counter())
        parts = sorted(set(appended) | set(duplicates))
        if not parts:  # consumed all the same: an empty object is never read again
            parts = [("", received_day(info))]
        for app, day in parts:
            out.append(
                {
                    "tick_id": tick_id,
                    "object_key": info.key,
                    "app": app,
                    "event_date": day,
                    "lines": appended.get((app, day), 0),
                    "duplicate_lines": duplicates.get((app, day), 0),
                    "kind": "tick",
                    "loaded_at": now,
                }
            )
    return out


def _logplex_rows(
    key: str, bodies: list[_Body], logplex: list[bytes], numbers: _Numbers
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
        stamps = pc.cast(lines.column("ts"), pa.int64())
        valid = np.asarray(pc.is_valid(stamps))
        us = np.asarray(pc.fill_null(stamps, 0))
        fallback = np.asarray([bodies[i].received_day for i in owners], dtype=np.int64)
        days = fill_within(np.floor_divide(us, _US_PER_DAY), valid, owners, fallback)
        apps = np.asarray([bodies[i].app for i in owners], dtype=object)
        duplicate = np.asarray([bodies[i].duplicate for i in owners], dtype=bool)
        # (app, day) groups in order of first appearance, each numbered in its lines' order
        groups: dict[tuple[str, int, bool], list[int]] = {}
        for position, group in enumerate(zip(apps.tolist(), days.tolist(), duplicate.tolist(), strict=True)):
            groups.setdefault(group, []).append(position)
        line_numbers = np.zeros(len(apps), dtype=np.int64)
        for (app, day_number, is_copy), positions in groups.items():
            day = _EPOCH + dt.timedelta(days=int(day_number))
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


def _otlp_rows(
    record, key: str, numbers: _Numbers, seen: set, copies: list[dict], tick_id: str, resources: dict
):
    """The rows of one OTLP request (a spool record): every telemetry record numbered in its (app, day);
    a request that cannot be decoded is one rejected row of the day it was received. ``resources``:
    per (app, day), the resources a row of this tick holds whole already (``record.ResourceNotes``)."""
    from heroku_assets.logs.otlp import record as otlp_record
    from heroku_assets.logs.otlp import rows, stored

    request = stored.from_record(record)
    by_day = request.records_by_day()
    if (request.name, record.app) in seen:
        for day, count in by_day.items():
            numbers.duplicate(key, record.app, day, count)
        return
    seen.add((request.name, record.app))
    copies.append(_copy_row(request.name, record.app, record.received_at.astimezone(dt.UTC), tick_id))
    decoded = request.decoded()
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


def staged_tick_dir(workdir: Path | None = None) -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="heroku-assets-tick-", dir=workdir)


@dataclass(frozen=True)
class TickOutcome:
    """What one tick did: what it consumed and appended, and what the load took."""

    tick_id: str
    objects: list[str]
    more_pending: bool
    lines: dict[tuple[str, dt.date], int]
    duplicate_lines: int
    records: int
    rows: dict[str, int]
    truncated: dict[str, int]
    statements: int
    already_loaded: bool = False


def run_tick(
    raw: ObjectStore,
    staging: ObjectStore,
    warehouse,
    *,
    tick_id: str,
    today: dt.date,
    lookback_days: int,
    now: dt.datetime | None = None,
    limit: int = MAX_OBJECTS_PER_TICK,
    workdir: Path | None = None,
) -> TickOutcome:
    """One tick: the segments no tick consumed yet, read, staged and appended with their ledger rows.
    ``warehouse`` offers the ledger queries and ``append_tick`` (DuckDB, Synapse, Fabric)."""
    from heroku_assets.warehouse.load_runner import TickAlreadyLoaded

    now = now or dt.datetime.now(dt.UTC)
    since = today - dt.timedelta(days=lookback_days)
    objects, more = pending_objects(raw, warehouse.consumed_objects(since), today, lookback_days, limit)
    if not objects:
        return TickOutcome(tick_id, [], False, {}, 0, 0, {}, {}, 0)
    days = set()
    for info in objects:
        days |= layout.parse_days(info.metadata.get("days")) or {received_day(info)}
    state = LedgerState(
        known=frozenset(warehouse.known_copies(oldest_received(objects))),
        day_lines=warehouse.day_lines(sorted(days)),
    )
    with staged_tick_dir(workdir) as tmp:
        staged = stage_tick(raw, objects, state, Path(tmp), tick_id, now)
        keys: dict[str, list[str]] = {}
        for table, path in staged.files.items():
            if not staged.rows.get(table):
                continue
            key = layout.tick_object(tick_id, table)
            staging.put_file(key, path, {"rows": str(staged.rows[table]), "tick": tick_id})
            keys[table] = [key]
        try:
            result = warehouse.append_tick(tick_id, keys, staging, now)
        except TickAlreadyLoaded:
            return TickOutcome(tick_id, [], True, {}, 0, 0, {}, {}, 0, already_loaded=True)
        finally:
            for key_list in keys.values():
                for key in key_list:
                    staging.delete(key)
    return TickOutcome(
        tick_id=tick_id,
        objects=staged.objects,
        more_pending=more,
        lines=staged.lines,
        duplicate_lines=staged.duplicate_lines,
        records=staged.records,
        rows={name: r.rows for name, r in result.tables.items()},
        truncated={name: r.truncated_rows for name, r in result.tables.items() if r.truncated_rows},
        statements=result.statements,
    )
