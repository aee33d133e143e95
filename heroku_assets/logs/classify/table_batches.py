"""Each table's batch from the lines routed to it: the fast columns where the fast paths took a line, the
per-line reference rules (``rules``) for the rest, in the table's declared Arrow schema."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets import tables
from heroku_assets.logs.classify.fast_paths import fast_metrics, fast_router, fields
from heroku_assets.logs.classify.rules import metric_rows, platform_row, process_type, router_row
from heroku_assets.logs.otlp import mapping as fir_mapping


@dataclass
class BatchState:
    app: str
    default_date: dt.date | None
    next_line: int
    fast: bool = True
    last_date: dt.date | None = None


def take(cols: dict[str, pa.Array], mask: pa.Array) -> dict[str, pa.Array]:
    return {name: pc.filter(arr, mask) for name, arr in cols.items()}


def table_batch(table: tables.Table, cols: dict[str, pa.Array], state: BatchState) -> pa.RecordBatch:
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


def process_types(dyno: pa.Array, fast: bool) -> pa.Array:
    """As ``rules.process_type``: up to the first dot, or a Fir dyno name's process type."""
    if not fast:
        return pa.array([process_type(d) for d in dyno.to_pylist()], pa.string())
    cedar = fields(pc.extract_regex(dyno, r"^(?P<p>[^.]*)"))["p"]
    if not pc.any(pc.fill_null(pc.match_substring_regex(dyno, _FIR_PROCESS), False)).as_py():
        return cedar
    fir = fields(pc.extract_regex(dyno, _FIR_PROCESS))["type"]
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


def router_batch(common: dict[str, pa.Array], message: pa.Array, state: BatchState) -> pa.RecordBatch:
    """Router rows in line order: the fast columns, with the lines they do not take read by router_row."""
    table = tables.ROUTER_EVENTS
    n = len(message)
    if state.fast:
        fast, cols = fast_router(message)
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
    return table_batch(table, {**common, **cols}, state)


def platform_batch(cols: dict[str, pa.Array], state: BatchState) -> pa.RecordBatch:
    table = tables.PLATFORM_EVENTS
    rows = [platform_row(m) for m in cols["message"].to_pylist()]
    cols = {**cols, **_rows_to_columns(rows, table, _PLATFORM_FIELDS)}
    cols["process_type"] = process_types(cols["dyno"], state.fast)
    return table_batch(table, cols, state)


def metrics_batch(
    common: dict[str, pa.Array], dyno: pa.Array, message: pa.Array, state: BatchState
) -> tuple[pa.RecordBatch, pa.Array | None]:
    """Metrics rows, and (when some exist) a mask of the candidate lines that gave no sample at all."""
    table = tables.RUNTIME_METRICS
    n = len(message)
    fast_batch = None
    slow_mask = pa.array([True] * n)
    if state.fast:
        fast_mask, fast_cols = fast_metrics(common, dyno, message)
        if fast_cols is not None:
            fast_batch = table_batch(table, fast_cols, state)
        slow_mask = pc.invert(fast_mask)
    slow_batch = None
    empty = None
    if pc.any(slow_mask).as_py():
        slow_common = take(common, slow_mask)
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
        slow_batch = table_batch(table, {**cols, **_rows_to_columns(rows, table)}, state)
    return _combine(fast_batch, slow_batch), empty
