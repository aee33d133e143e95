"""The columnar form of read lines (``LINE_SCHEMA``), and the RFC 3339 times of the common headers read
from their bytes, a batch at a time."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets.logs.logplex.lines import LogLine

UTC_US = pa.timestamp("us", tz="UTC")


NULL_STR = pa.scalar(None, pa.string())


# The internal columnar form of read lines (one row per LogLine).
LINE_SCHEMA = pa.schema(
    [
        pa.field("ts", UTC_US),
        pa.field("source", pa.string()),
        pa.field("dyno", pa.string()),
        pa.field("message", pa.string()),
        pa.field("raw", pa.string()),
        pa.field("error", pa.string()),
    ]
)


def batch_of(lines: list[LogLine]) -> pa.RecordBatch:
    """LogLines as one record batch of LINE_SCHEMA."""
    return pa.RecordBatch.from_arrays(
        [
            pa.array([x.ts_us for x in lines], pa.int64()).cast(UTC_US),
            pa.array([x.source for x in lines], pa.string()),
            pa.array([x.dyno for x in lines], pa.string()),
            pa.array([x.message for x in lines], pa.string()),
            pa.array([x.raw for x in lines], pa.string()),
            pa.array([x.error for x in lines], pa.string()),
        ],
        schema=LINE_SCHEMA,
    )


_DAYS_BEFORE_MONTH = np.array([0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334], dtype=np.int64)


_DAYS_IN_MONTH = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


_EPOCH_DAYS = 719162  # days from 0001-01-01 to 1970-01-01


def utc_timestamps(text: pa.Array) -> tuple[pa.Array, pa.Array]:
    """RFC 3339 strings already shaped by _FAST_HEADER (digits in place, fields in range) -> (UTC
    timestamps, mask of the valid ones), read from the bytes at their fixed positions. A day that does
    not exist in its month (2026-02-30) is not valid: lines.parse_ts decides those."""
    n = len(text)
    present = np.asarray(pc.is_valid(text))
    if n == 0 or not present.any():
        return pa.nulls(n, UTC_US), pa.array(np.zeros(n, dtype=bool))
    offsets = np.frombuffer(text.buffers()[1], dtype=np.int32)[text.offset : text.offset + n + 1]
    raw = np.frombuffer(text.buffers()[2], dtype=np.uint8)
    data = np.concatenate([raw[: offsets[-1]], np.full(32, 48, dtype=np.uint8)])  # room past the end
    start = offsets[:-1].astype(np.int64)
    length = (offsets[1:] - offsets[:-1]).astype(np.int64)
    start[~present] = len(data) - 32  # read the zeros: any value, masked below
    length[~present] = 20

    def number(at: np.ndarray | int, width: int) -> np.ndarray:
        value = np.zeros(n, dtype=np.int64)
        for i in range(width):
            value = value * 10 + (data[start + at + i] - 48)
        return value

    year, month, day = number(0, 4), number(5, 2), number(8, 2)
    seconds = number(11, 2) * 3600 + number(14, 2) * 60 + number(17, 2)
    zulu = data[start + length - 1] == ord("Z")
    fraction_digits = np.maximum(length - 19 - np.where(zulu, 1, 6) - 1, 0)
    fraction = np.zeros(n, dtype=np.int64)
    for i in range(6):
        digit = data[start + 20 + i].astype(np.int64) - 48
        fraction = fraction * 10 + np.where(i < fraction_digits, digit, 0)
    tz = start + length - 6
    offset = (number(tz + 1 - start, 2) * 3600 + number(tz + 4 - start, 2) * 60) * np.where(
        data[tz] == ord("-"), -1, 1
    )
    offset[zulu] = 0
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    valid = present & (day <= _DAYS_IN_MONTH[month] + ((month == 2) & leap))
    prior = year - 1
    days = prior * 365 + prior // 4 - prior // 100 + prior // 400 + _DAYS_BEFORE_MONTH[month]
    days += ((month > 2) & leap) + day - 1 - _EPOCH_DAYS
    us = (days * 86400 + seconds - offset) * 1_000_000 + fraction
    return pa.array(us, pa.int64(), mask=~valid).cast(UTC_US), pa.array(valid)
