"""Filling what a line does not say from its neighbours in the same body, in numpy: the day and time of an
undated line are those of the nearest dated line of the body it came in (before it, else after it)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

EPOCH = dt.date(1970, 1, 1)  # day numbers below count days since it
US_PER_DAY = 86_400_000_000


def line_days(
    lines: pa.RecordBatch | pa.Table, owners: np.ndarray, fallback_days: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The UTC day number of each line read from drain bodies (``owners``: the body of each): its own
    timestamp's, else that of its body's nearest dated line, else ``fallback_days``. Ticks and rebuilds
    date lines with this one rule, so a seal finds them on the same days. Also returns the timestamps in
    microseconds (0 where missing) and which lines had one."""
    stamps = pc.cast(lines.column("ts"), pa.int64())
    valid = np.asarray(pc.is_valid(stamps))
    us = np.asarray(pc.fill_null(stamps, 0))
    return us, valid, fill_within(np.floor_divide(us, US_PER_DAY), valid, owners, fallback_days)


def fill_within(
    values: np.ndarray, valid: np.ndarray, groups: np.ndarray, fallback: np.ndarray
) -> np.ndarray:
    """``values`` where ``valid``, else the value of the nearest valid row before it in the same group,
    else of the nearest after it in the same group, else ``fallback`` (groups are runs of equal ids)."""
    if valid.all():
        return values
    n = len(values)
    at = np.arange(n)
    starts = np.ones(n, dtype=bool)
    starts[1:] = groups[1:] != groups[:-1]
    ends = np.ones(n, dtype=bool)
    ends[:-1] = groups[1:] != groups[:-1]
    group_start = np.maximum.accumulate(np.where(starts, at, 0))
    group_end = np.minimum.accumulate(np.where(ends, at, n)[::-1])[::-1]
    before = np.maximum.accumulate(np.where(valid, at, -1))
    after = np.minimum.accumulate(np.where(valid, at, n)[::-1])[::-1]
    from_before = before >= group_start
    from_after = after <= group_end
    filled = np.where(from_after, values[np.minimum(after, n - 1)], fallback)
    filled = np.where(from_before, values[np.maximum(before, 0)], filled)
    return np.where(valid, values, filled)
