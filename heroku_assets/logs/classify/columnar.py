"""Classify read lines into the event tables and type their columns, a batch at a time.

The common shapes are typed over the whole batch with numpy and Arrow compute: router and metrics
messages that are simple logfmt (``vector.tokenize``; keys in any order) and app lines. Every other
line goes through the per-line reference rules (``rules.router_row``, ``rules.metric_rows``,
``rules.platform_row``), which define the result for any shape; the fast paths only take lines the
reference reads identically (``fast=False`` switches them off, which the tests use to compare both).
Platform lines are few and always go through the reference. Here lines are routed to their tables;
``fast_paths`` holds the fast paths and ``table_batches`` builds each table's batch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets import tables
from heroku_assets.logs.classify.rules import METRICS_PATTERN, PLATFORM_APP_DYNOS
from heroku_assets.logs.classify.table_batches import (
    BatchState,
    metrics_batch,
    platform_batch,
    process_types,
    router_batch,
    table_batch,
    take,
)
from heroku_assets.logs.logplex.columns import LINE_SCHEMA, batch_of
from heroku_assets.logs.logplex.lines import LogLine
from heroku_assets.logs.logplex.reader import LineStream
from heroku_assets.logs.logplex.text_batches import BLANK_LINE

_EPOCH_DAY = dt.date(1970, 1, 1)


def parse_lines(
    lines: Iterable[LogLine],
    app: str | None,
    default_date: dt.date | None = None,
    batch_rows: int = 65536,
    first_line_number: int = 1,
    fast: bool = True,
) -> Iterator[tuple[str, pa.RecordBatch]]:
    """Classify lines into the event tables: ``(table name, RecordBatch)`` pairs, each batch at most
    ``batch_rows`` rows with exactly the table's declared Arrow schema. Memory stays bounded by the
    batch size whatever the input.

    ``line_number`` counts the input lines from ``first_line_number``, as an editor numbers them: a
    blank text line is counted but gives no row (read from a LineStream; a list of LogLines holds no
    blank lines). Every metrics row of a line carries the line's number. ``event_date`` is the UTC day
    of ``event_ts``; a line without a timestamp takes ``default_date``, else the day of the previous line
    that had one (or, at the start, of the next one in the same batch), else 1970-01-01. ``app`` None is
    written as the empty string: the column is NOT NULL, and the caller that knows the app name passes
    it. ``fast=False`` reads every line with the per-line reference rules (slower; the same result).
    """
    groups = parse_groups(lines, app, default_date, batch_rows, first_line_number, fast)
    yield from _sliced(groups, batch_rows)


def parse_groups(
    lines: Iterable[LogLine],
    app: str | None,
    default_date: dt.date | None = None,
    batch_rows: int = 65536,
    first_line_number: int = 1,
    fast: bool = True,
) -> Iterator[dict[str, pa.RecordBatch]]:
    """As parse_lines, grouped: for each block of at most ``batch_rows`` input lines, the table batches
    it gives (a metrics batch may exceed ``batch_rows`` rows here)."""
    if isinstance(lines, LineStream) and not lines.started:
        blocks: Iterable[pa.RecordBatch] = lines.batches(keep_blank=True)
    else:
        blocks = _batches(lines, max(batch_rows, 1))
    yield from _groups(blocks, app, default_date, batch_rows, first_line_number, fast)


def parse_batches(
    blocks: Iterable[pa.RecordBatch],
    app: str | None,
    default_date: dt.date | None = None,
    batch_rows: int = 65536,
    first_line_number: int = 1,
) -> Iterator[tuple[str, pa.RecordBatch]]:
    """As parse_lines, for lines already read into batches of LINE_SCHEMA (a raw partition's Parquet):
    each row is one line, numbered in order."""
    yield from _sliced(_groups(blocks, app, default_date, batch_rows, first_line_number, True), batch_rows)


def _sliced(groups: Iterable[dict[str, pa.RecordBatch]], rows: int) -> Iterator[tuple[str, pa.RecordBatch]]:
    for group in groups:
        for name, batch in group.items():
            for start in range(0, batch.num_rows, rows):
                yield name, batch.slice(start, rows)


def _groups(
    blocks: Iterable[pa.RecordBatch],
    app: str | None,
    default_date: dt.date | None,
    batch_rows: int,
    first_line_number: int,
    fast: bool,
) -> Iterator[dict[str, pa.RecordBatch]]:
    if batch_rows < 1:
        raise ValueError("batch_rows must be at least 1")
    state = BatchState(app or "", default_date, first_line_number, fast)
    for block in blocks:
        for offset in range(0, block.num_rows, batch_rows):
            group = classify_batch(block.slice(offset, batch_rows), state)
            if group:
                yield group


def _batches(lines: Iterable[LogLine], size: int) -> Iterator[pa.RecordBatch]:
    chunk: list[LogLine] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield batch_of(chunk)
            chunk = []
    if chunk:
        yield batch_of(chunk)


def classify_batch(block: pa.RecordBatch, state: BatchState) -> dict[str, pa.RecordBatch]:
    """One batch of read lines (LINE_SCHEMA) -> the non-empty table batches it gives, in table order."""
    assert block.schema.equals(LINE_SCHEMA), block.schema
    n = block.num_rows
    if n == 0:
        return {}
    line_number = pa.array(np.arange(state.next_line, state.next_line + n, dtype=np.int64))
    state.next_line += n
    ts = block.column("ts")
    event_date = _event_dates(ts, state)
    source, dyno, message = block.column("source"), block.column("dyno"), block.column("message")
    error = block.column("error")
    if message.null_count > len(error) - error.null_count:  # a readable LogLine built without a message
        message = pc.if_else(pc.and_(pc.is_null(message), pc.is_null(error)), "", message)

    readable = pc.is_null(error)
    is_heroku = pc.fill_null(pc.equal(source, "heroku"), False)
    router = pc.and_(readable, pc.and_(is_heroku, pc.fill_null(pc.equal(dyno, "router"), False)))
    rest = pc.and_(readable, pc.invert(router))
    candidates = _metrics_candidates(message, rest)

    common = {"line_number": line_number, "event_ts": ts, "event_date": event_date}
    out: dict[str, pa.RecordBatch] = {}
    if pc.any(router).as_py():
        out["router_events"] = router_batch(take(common, router), pc.filter(message, router), state)
    metrics = candidates
    if pc.any(candidates).as_py():
        sub = take(common, candidates)
        batch, empty = metrics_batch(sub, pc.filter(dyno, candidates), pc.filter(message, candidates), state)
        if empty is not None:  # metrics-looking lines that hold no sample: they are ordinary lines
            metrics = pc.replace_with_mask(candidates, candidates, pc.invert(empty))
        if batch.num_rows:
            out["runtime_metrics"] = batch
    rest = pc.and_(rest, pc.invert(metrics))
    platform_source = pc.or_(
        is_heroku,
        pc.and_(
            pc.fill_null(pc.equal(source, "app"), False),
            pc.fill_null(pc.is_in(dyno, pa.array(PLATFORM_APP_DYNOS)), False),
        ),
    )
    platform = pc.and_(rest, platform_source)
    app = pc.and_(rest, pc.invert(platform_source))
    if pc.any(platform).as_py():
        cols = take({**common, "source": source, "dyno": dyno, "message": message}, platform)
        out["platform_events"] = platform_batch(cols, state)
    if pc.any(app).as_py():
        cols = take({**common, "source": source, "dyno": dyno, "message": message}, app)
        cols["process_type"] = process_types(cols["dyno"], state.fast)
        out["app_events"] = table_batch(tables.APP_EVENTS, cols, state)
    if not pc.all(readable).as_py():
        rejected = pc.invert(readable)
        blank = pc.fill_null(pc.equal(error, BLANK_LINE), False)
        if pc.any(blank).as_py():  # counted in line numbers, but not a log line: no row
            rejected = pc.and_(rejected, pc.invert(blank))
        cols = take({**common, "reason": error, "raw_line": block.column("raw")}, rejected)
        out["rejected_lines"] = table_batch(tables.REJECTED_LINES, cols, state)
    return {name: out[name] for name in _TABLE_ORDER if name in out}


def _metrics_candidates(message: pa.Array, rest: pa.Array) -> pa.Array:
    """Lines in ``rest`` whose message holds sample# metrics. RE2 finds a plain literal far faster than
    the full pattern, so the full pattern only looks at the lines holding "sample#"."""
    maybe = pc.and_(rest, pc.fill_null(pc.match_substring_regex(message, "sample#"), False))
    if not pc.any(maybe).as_py():
        return maybe
    found = pc.fill_null(pc.match_substring_regex(pc.filter(message, maybe), METRICS_PATTERN), False)
    return pc.replace_with_mask(maybe, maybe, found)


_TABLE_ORDER = tuple(t.name for t in tables.EVENT_TABLES)


def _event_dates(ts: pa.Array, state: BatchState) -> pa.Array:
    dates = pc.cast(ts, pa.date32())
    if dates.null_count:
        if state.default_date is not None:
            dates = pc.fill_null(dates, state.default_date)
        else:
            dates = pc.fill_null_forward(dates)
            if state.last_date is not None:
                dates = pc.fill_null(dates, state.last_date)
            dates = pc.fill_null(pc.fill_null_backward(dates), _EPOCH_DAY)
    good = pc.drop_null(pc.cast(ts, pa.date32()))
    if len(good):
        state.last_date = good[-1].as_py()
    return dates
