"""Classify read lines into the event tables and type their columns, a batch at a time.

The common shapes are typed over the whole batch with numpy and Arrow compute: router and metrics
messages that are simple logfmt (``vector.tokenize``; keys in any order) and app lines. Every other
line goes through the per-line reference rules (``rules.router_row``, ``rules.metric_rows``,
``rules.platform_row``), which define the result for any shape; the fast paths only take lines the
reference reads identically (``fast=False`` switches them off, which the tests use to compare both).
Platform lines are few and always go through the reference.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets import tables
from heroku_assets.logs.classify.rules import (
    METRICS_PATTERN,
    PLATFORM_APP_DYNOS,
    ROUTER_KEYS,
    metric_rows,
    platform_row,
    process_type,
    router_row,
    to_bool,
    to_ms,
)
from heroku_assets.logs.logplex import vector
from heroku_assets.logs.logplex.columns import LINE_SCHEMA, batch_of
from heroku_assets.logs.logplex.lines import LogLine
from heroku_assets.logs.logplex.reader import LineStream
from heroku_assets.logs.logplex.text_batches import BLANK_LINE
from heroku_assets.logs.logplex.vector import spans_to_strings
from heroku_assets.logs.otlp import mapping as fir_mapping

_NULL_STR = pa.scalar(None, pa.string())
_EPOCH_DAY = dt.date(1970, 1, 1)


# --------------------------------------------------------------------------------------- fast paths


_ROUTER_KEY_NAMES = pa.array(list(ROUTER_KEYS))
_MS_VALUE = r"^(?:\d{1,15}(?:ms)?)?$"
_TYPED_VALUES = {"connect": _MS_VALUE, "service": _MS_VALUE, "status": r"^\d{0,9}$", "bytes": r"^\d{0,18}$"}
_TYPED_VALUES["tls"] = r"^(?:true|false)?$"
_METRIC_SHARED = pa.array(["source", "dyno", "addon"])
_SAMPLE_VALUE = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[A-Za-z%]*$"  # as _NUMBER
_UNIT_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%"


def _nonempty(array: pa.Array) -> pa.Array:
    return pc.if_else(pc.equal(array, ""), _NULL_STR, array)


def _fields(parts: pa.StructArray) -> dict[str, pa.Array]:
    """extract_regex groups by name, null where the pattern did not match."""
    return {parts.type.field(i).name: arr for i, arr in enumerate(parts.flatten())}


def _codes(keys: pa.Array, names: pa.Array) -> np.ndarray:
    """Index of each key in ``names``; -1 for any other key."""
    return pc.fill_null(pc.index_in(keys, value_set=names), -1).to_numpy(zero_copy_only=False)


def _unique_per_line(tokens: vector.Tokens, codes: np.ndarray, fast: np.ndarray, kinds: int) -> None:
    """Lines where a key comes twice are not fast: the reference keeps the repeats in extra."""
    known = codes >= 0
    pairs = tokens.line[known] * kinds + codes[known]
    if len(pairs):
        counts = np.bincount(pairs)
        fast[tokens.line[known][counts[pairs] > 1]] = False


def _fast_router(message: pa.Array) -> tuple[pa.Array, dict[str, pa.Array]]:
    """(fast mask, typed columns for every row; meaningful where fast). Fast: a simple logfmt line
    (see ``vector``) with only known keys, each once, and typed values that convert."""
    n = len(message)
    tokens = vector.tokenize(message)
    fast = tokens.simple.copy()
    keys = tokens.keys()
    codes = _codes(keys, _ROUTER_KEY_NAMES)
    _unique_per_line(tokens, codes, fast, len(ROUTER_KEYS))
    extra = _extra_json(tokens, keys, codes < 0, fast, n)
    cols: dict[str, pa.Array] = {}
    columns = tokens.columns(codes, len(ROUTER_KEYS), n)
    for values, (key, (column, convert)) in zip(columns, ROUTER_KEYS.items(), strict=True):
        if values is None:
            continue  # no line has the key: the batch builder fills nulls
        if key in _TYPED_VALUES:
            ok = pc.fill_null(pc.match_substring_regex(values, _TYPED_VALUES[key]), True)
            fast &= np.asarray(ok)
            values = _nonempty(pc.if_else(ok, values, _NULL_STR))  # the reference types the others
            if convert is to_ms:
                values = pc.cast(pc.utf8_rtrim(values, characters="ms"), pa.int64())
            elif convert is to_bool:
                values = pc.equal(values, "true")
        else:
            values = _nonempty(values)
        cols[column] = values
    cols["extra"] = extra
    return pa.array(fast), cols


def _extra_json(
    tokens: vector.Tokens, keys: pa.Array, which: np.ndarray, fast: np.ndarray, n: int
) -> pa.Array:
    """The JSON object router_row writes to extra for the tokens ``which`` (unknown keys), built over the
    batch: keys in order, empty values null. Simple lines hold no backslash, quote or control character
    in a key or value, so nothing needs escaping. A line repeating one of these keys is not fast."""
    if not which.any():
        return pa.nulls(n, pa.string())
    index = np.flatnonzero(which)
    line = tokens.line[index]
    names = pc.take(keys, index)
    values = tokens.values(index)
    ids = np.asarray(pc.dictionary_encode(names).indices, dtype=np.int64)
    pairs = line * (int(ids.max()) + 1) + ids
    repeated = np.bincount(pairs)[pairs] > 1
    fast[line[repeated]] = False
    pieces = pc.if_else(
        pc.equal(values, ""),
        pc.binary_join_element_wise('"', names, '":null', ""),
        pc.binary_join_element_wise('"', names, '":"', values, '"', ""),
    )
    lines, counts = np.unique(line, return_counts=True)
    offsets = np.zeros(len(lines) + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    joined = pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), pieces), ",")
    objects = pc.binary_join_element_wise("{", joined, "}", "")
    position = np.full(n, -1, dtype=np.int64)
    position[lines] = np.arange(len(lines))
    return pc.take(objects, pa.array(position, mask=position < 0))


# -------------------------------------------------------------------------------------------- batches


@dataclass
class _State:
    app: str
    default_date: dt.date | None
    next_line: int
    fast: bool = True
    last_date: dt.date | None = None


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
    state = _State(app or "", default_date, first_line_number, fast)
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


def classify_batch(block: pa.RecordBatch, state: _State) -> dict[str, pa.RecordBatch]:
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
        out["router_events"] = _router_batch(_take(common, router), pc.filter(message, router), state)
    metrics = candidates
    if pc.any(candidates).as_py():
        sub = _take(common, candidates)
        batch, empty = _metrics_batch(sub, pc.filter(dyno, candidates), pc.filter(message, candidates), state)
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
        cols = _take({**common, "source": source, "dyno": dyno, "message": message}, platform)
        out["platform_events"] = _platform_batch(cols, state)
    if pc.any(app).as_py():
        cols = _take({**common, "source": source, "dyno": dyno, "message": message}, app)
        cols["process_type"] = _process_types(cols["dyno"], state.fast)
        out["app_events"] = _table_batch(tables.APP_EVENTS, cols, state)
    if not pc.all(readable).as_py():
        rejected = pc.invert(readable)
        blank = pc.fill_null(pc.equal(error, BLANK_LINE), False)
        if pc.any(blank).as_py():  # counted in line numbers, but not a log line: no row
            rejected = pc.and_(rejected, pc.invert(blank))
        cols = _take({**common, "reason": error, "raw_line": block.column("raw")}, rejected)
        out["rejected_lines"] = _table_batch(tables.REJECTED_LINES, cols, state)
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


def _event_dates(ts: pa.Array, state: _State) -> pa.Array:
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


def _take(cols: dict[str, pa.Array], mask: pa.Array) -> dict[str, pa.Array]:
    return {name: pc.filter(arr, mask) for name, arr in cols.items()}


def _table_batch(table: tables.Table, cols: dict[str, pa.Array], state: _State) -> pa.RecordBatch:
    n = len(cols["line_number"])
    cols = {**cols, "app": pa.repeat(pa.scalar(state.app, pa.string()), n)}
    arrays = []
    for field in table.arrow_schema:
        arr = cols.get(field.name)
        if arr is None:
            arr = pa.nulls(n, field.type)
        elif not arr.type.equals(field.type):
            arr = pc.cast(arr, field.type)
        arrays.append(arr)
    return pa.RecordBatch.from_arrays(arrays, schema=table.arrow_schema)


_FIR_PROCESS = f"^(?:{fir_mapping.FIR_DYNO.pattern})$"


def _process_types(dyno: pa.Array, fast: bool) -> pa.Array:
    """As ``rules.process_type``: up to the first dot, or a Fir dyno name's process type."""
    if not fast:
        return pa.array([process_type(d) for d in dyno.to_pylist()], pa.string())
    cedar = _fields(pc.extract_regex(dyno, r"^(?P<p>[^.]*)"))["p"]
    if not pc.any(pc.fill_null(pc.match_substring_regex(dyno, _FIR_PROCESS), False)).as_py():
        return cedar
    fir = _fields(pc.extract_regex(dyno, _FIR_PROCESS))["type"]
    return pc.coalesce(fir, cedar)


_COMMON = ("app", "event_date", "line_number", "event_ts")
_PLATFORM_FIELDS = ("event_type", "code", "from_state", "to_state", "exit_status", "release_version", "actor")


def _rows_to_columns(
    rows: list[dict[str, Any]], table: tables.Table, names: Iterable[str] | None = None
) -> dict[str, pa.Array]:
    """Columns (all but the common ones, or ``names``) from per-line reference rows."""
    wanted = set(names) if names is not None else set(table.column_names) - set(_COMMON)
    return {
        f.name: pa.array([r.get(f.name) for r in rows], f.type)
        for f in table.arrow_schema
        if f.name in wanted
    }


def _combine(fast: pa.RecordBatch | None, slow: pa.RecordBatch | None) -> pa.RecordBatch:
    """Fast and slow rows of one table back in line order (stable, so metrics keep their order)."""
    if fast is None or slow is None:
        return fast if slow is None else slow
    if not fast.num_rows or not slow.num_rows:
        return fast if fast.num_rows else slow
    both = pa.Table.from_batches([fast, slow]).combine_chunks()
    order = pc.sort_indices(both.column("line_number"))
    return both.take(order).to_batches()[0]


def _router_batch(common: dict[str, pa.Array], message: pa.Array, state: _State) -> pa.RecordBatch:
    """Router rows in line order: the fast columns, with the lines they do not take read by router_row."""
    table = tables.ROUTER_EVENTS
    n = len(message)
    if state.fast:
        fast, cols = _fast_router(message)
        slow = pc.invert(fast)
    else:
        cols, slow = {}, pa.array(np.ones(n, dtype=bool))
    if pc.any(slow).as_py():
        rows = [router_row(m) for m in pc.filter(message, slow).to_pylist()]
        for name, values in _rows_to_columns(rows, table).items():
            if name in cols:
                cols[name] = pc.replace_with_mask(pc.cast(cols[name], values.type), slow, values)
            else:
                cols[name] = pc.replace_with_mask(pa.nulls(n, values.type), slow, values)
    return _table_batch(table, {**common, **cols}, state)


def _platform_batch(cols: dict[str, pa.Array], state: _State) -> pa.RecordBatch:
    table = tables.PLATFORM_EVENTS
    rows = [platform_row(m) for m in cols["message"].to_pylist()]
    cols = {**cols, **_rows_to_columns(rows, table, _PLATFORM_FIELDS)}
    cols["process_type"] = _process_types(cols["dyno"], state.fast)
    return _table_batch(table, cols, state)


def _metrics_batch(
    common: dict[str, pa.Array], dyno: pa.Array, message: pa.Array, state: _State
) -> tuple[pa.RecordBatch, pa.Array | None]:
    """Metrics rows, and (when some exist) a mask of the candidate lines that gave no sample at all."""
    table = tables.RUNTIME_METRICS
    n = len(message)
    fast_batch = None
    slow_mask = pa.array([True] * n)
    if state.fast:
        fast_mask, fast_batch = _fast_metrics(common, dyno, message, state)
        slow_mask = pc.invert(fast_mask)
    slow_batch = None
    empty = None
    if pc.any(slow_mask).as_py():
        slow_common = _take(common, slow_mask)
        dynos = pc.filter(dyno, slow_mask).to_pylist()
        messages = pc.filter(message, slow_mask).to_pylist()
        rows_per_line = [metric_rows(d, m) for d, m in zip(dynos, messages, strict=True)]
        counts = np.fromiter((len(r) for r in rows_per_line), dtype=np.int64, count=len(rows_per_line))
        if (counts == 0).any():
            empty_slow = pa.array(counts == 0)
            empty = pc.replace_with_mask(pa.array([False] * n), slow_mask, empty_slow)
        parent = pa.array(np.repeat(np.arange(len(counts)), counts))
        rows = [row for line_rows in rows_per_line for row in line_rows]
        cols = {name: arr.take(parent) for name, arr in slow_common.items()}
        slow_batch = _table_batch(table, {**cols, **_rows_to_columns(rows, table)}, state)
    return _combine(fast_batch, slow_batch), empty


def _fast_metrics(
    common: dict[str, pa.Array], dyno: pa.Array, message: pa.Array, state: _State
) -> tuple[pa.Array, pa.RecordBatch | None]:
    """Metrics lines that are simple logfmt (see ``vector``) with source/dyno/addon at most once each
    and only readable samples besides, typed over the batch (dyno and dyno_id as rules.metric_rows)."""
    n = len(message)
    tokens = vector.tokenize(message)
    fast = tokens.simple.copy()
    keys = tokens.keys()
    codes = _codes(keys, _METRIC_SHARED)
    is_sample = np.asarray(pc.and_(pc.starts_with(keys, "sample#"), pc.greater(pc.binary_length(keys), 7)))
    sample = np.flatnonzero(is_sample)
    values = tokens.values(sample)
    # the number and its unit split as _NUMBER does: the unit is the trailing run of letters and '%'
    readable = np.asarray(pc.fill_null(pc.match_substring_regex(values, _SAMPLE_VALUE), False))
    number = pc.cast(pc.if_else(readable, pc.utf8_rtrim(values, characters=_UNIT_CHARS), "0"), pa.float64())
    readable &= np.asarray(pc.fill_null(pc.is_finite(number), False))
    good_sample = np.zeros(len(codes), dtype=bool)
    good_sample[sample[readable]] = True
    fast[tokens.line[(codes < 0) & ~good_sample]] = False
    _unique_per_line(tokens, codes, fast, len(_METRIC_SHARED))
    if not fast.any():
        return pa.array(fast), None
    line_cols: dict[str, pa.Array] = dict(common)
    source, dyno_value, addon = tokens.columns(codes, len(_METRIC_SHARED), n)
    line_cols["source_name"] = pa.nulls(n, pa.string()) if source is None else _nonempty(source)
    line_cols["addon"] = pa.nulls(n, pa.string()) if addon is None else _nonempty(addon)
    line_cols["dyno_id"] = pa.nulls(n, pa.string()) if dyno_value is None else _nonempty(dyno_value)
    line_cols["dyno"] = pc.coalesce(dyno, line_cols["source_name"])  # the process, as rules.metric_rows
    rows = fast[tokens.line[sample]]  # the samples of fast lines (all readable), in line order
    row_tokens = sample[rows]
    cols = {name: pc.take(arr, pa.array(tokens.line[row_tokens])) for name, arr in line_cols.items()}
    cols["metric"] = spans_to_strings(
        tokens.data, tokens.key_start[row_tokens] + 7, tokens.key_end[row_tokens]
    )
    cols["value"] = pc.filter(number, rows)
    unit_length = np.asarray(pc.binary_length(pc.filter(values, rows)), dtype=np.int64) - np.asarray(
        pc.binary_length(pc.utf8_rtrim(pc.filter(values, rows), characters=_UNIT_CHARS)), dtype=np.int64
    )
    cols["unit"] = _nonempty(
        spans_to_strings(
            tokens.data, tokens.value_end[row_tokens] - unit_length, tokens.value_end[row_tokens]
        )
    )
    return pa.array(fast), _table_batch(tables.RUNTIME_METRICS, cols, state)
