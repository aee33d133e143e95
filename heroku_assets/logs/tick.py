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

import pyarrow as pa

from heroku_assets import tables
from heroku_assets.logs.fill import EPOCH
from heroku_assets.logs.parquet import write_parquet, write_staged_table
from heroku_assets.logs.tick_rows import Body, LineNumbers, copy_row, logplex_rows, otlp_rows
from heroku_assets.received.days import RETRY_WINDOW, object_days, received_day, undated_day
from heroku_assets.received.segments import read_segment
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

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
    numbers = LineNumbers(state.day_lines)
    seen = set(state.known)
    copies: list[dict] = []
    resources: dict = {}
    records = 0

    def batches() -> Iterator[tuple[str, pa.RecordBatch]]:
        nonlocal records
        for info in objects:
            bodies: list[Body] = []
            logplex: list[bytes] = []
            for record in read_segment(raw, info.key):
                records += 1
                received = record.received_at.astimezone(dt.UTC)
                if record.kind == layout.OTLP_KIND:
                    yield from otlp_rows(record, info.key, numbers, seen, copies, tick_id, resources)
                    continue
                if record.kind != "logplex":
                    continue
                name = layout.frame_name(record.frame_id, record.body)
                duplicate = (name, record.app) in seen
                if not duplicate:
                    seen.add((name, record.app))
                    copies.append(copy_row(name, record.app, received, tick_id))
                bodies.append(Body(record.app, (undated_day(received) - EPOCH).days, duplicate))
                logplex.append(record.body)
            yield from logplex_rows(info.key, bodies, logplex, numbers)

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


def _ledger_rows(
    objects: list[ObjectInfo], numbers: LineNumbers, tick_id: str, now: dt.datetime
) -> list[dict]:
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
        days |= object_days(info)
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
