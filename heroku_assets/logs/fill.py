"""Filling what a line does not say from its neighbours in the same body, in numpy: the day and time of an
undated line are those of the nearest dated line of the body it came in (before it, else after it)."""

from __future__ import annotations

import numpy as np


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
