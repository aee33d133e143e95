"""Writing received objects to the raw store with the metadata the sensor and partitions rely on."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

log = logging.getLogger(__name__)

# Logplex retries a frame within seconds (3 tries, 5 s timeout): every attempt at one frame arrives
# within this long of the first.
RETRY_WINDOW = dt.timedelta(minutes=10)
_UTC_DAY = pa.date32()
_DASH = pa.scalar("-", pa.string())
_EMPTY = pa.scalar("", pa.string())


@dataclass
class DatedBatch:
    """A batch of read lines (``heroku_assets.logs.logplex.reader.LINE_SCHEMA``) with the UTC day of each."""

    lines: pa.RecordBatch
    days: pa.Array  # date32, no nulls


def dated_batches(chunks: Iterable[bytes], fmt: str, received: dt.date) -> Iterator[DatedBatch]:
    """Read an object's lines in batches, each line with the UTC day it belongs to.

    A line with no readable timestamp belongs to the day of the readable line before it in the same
    object (a garbage line in an old dump sits among that day's lines) or, at the start of an object, of
    the first readable line after it in the same batch; with neither, to the day the object was
    received. It lands in that day's rejected_lines.
    """
    from heroku_assets.logs import read_lines

    current: pa.Scalar | None = None
    for batch in read_lines(chunks, fmt=fmt).batches():
        if not batch.num_rows:
            continue
        days = pc.cast(batch.column("ts"), _UTC_DAY)
        if days.null_count:
            if current is not None:
                days = pc.fill_null_forward(pa.concat_arrays([pa.array([current], _UTC_DAY), days]))[1:]
            days = pc.fill_null_backward(pc.fill_null_forward(days))
            days = pc.fill_null(days, pa.scalar(received, _UTC_DAY))
        current = days[len(days) - 1].as_py()
        yield DatedBatch(batch, days)


def canonical_text(lines: pa.RecordBatch) -> pa.Array:
    """``LogLine.canonical()`` for a whole batch at once (the raw partition is written from millions of
    lines): the `heroku logs` line with a UTC microsecond timestamp, or the raw text of an unreadable
    line, with CR and LF written as \\r and \\n so that one line stays one line."""
    from heroku_assets.logs.logplex.reader import one_line

    ts_text = _utc_text(lines.column("ts"))
    joined = pc.binary_join_element_wise(
        pc.fill_null(ts_text, _DASH),
        " ",
        pc.fill_null(lines.column("source"), _DASH),
        "[",
        pc.fill_null(lines.column("dyno"), _DASH),
        "]: ",
        pc.fill_null(lines.column("message"), _EMPTY),
        "",
    )
    return one_line(pc.if_else(pc.is_null(lines.column("error")), joined, lines.column("raw")))


def _utc_text(ts: pa.Array) -> pa.Array:
    """``YYYY-MM-DDTHH:MM:SS.ffffff+00:00``. Formatting each distinct second once and adding the
    microseconds as digits is several times faster than strftime over every line."""
    us = pc.cast(ts, pa.int64())
    if us.null_count == len(us) or pc.min(us).as_py() < 0:
        return pc.strftime(ts, format="%Y-%m-%dT%H:%M:%S+00:00")  # %S prints the microseconds
    seconds = pc.divide(us, 1_000_000)
    micros = pc.subtract(us, pc.multiply(seconds, 1_000_000))
    encoded = pc.dictionary_encode(seconds)
    distinct = pc.cast(encoded.dictionary, pa.timestamp("s", tz="UTC"))
    second_text = pc.strftime(distinct, format="%Y-%m-%dT%H:%M:%S.")
    micro_text = pc.utf8_lpad(pc.cast(micros, pa.string()), width=6, padding="0")
    return pc.binary_join_element_wise(pc.take(second_text, encoded.indices), micro_text, "+00:00", "")


def days_of(data: bytes, fmt: str, received: dt.date) -> set[dt.date]:
    """The UTC days the lines of ``data`` belong to (see ``dated_batches``)."""
    days: set[dt.date] = set()
    for batch in dated_batches([data], fmt, received):
        days.update(pc.unique(batch.days).to_pylist())
    return days


def undated_day(received_at: dt.datetime) -> dt.date:
    """The day a drain body's lines belong to when none of them has a timestamp: the UTC day of
    ``RETRY_WINDOW`` before receipt, so every attempt at one frame gives the same day, midnight or not."""
    return (received_at.astimezone(dt.UTC) - RETRY_WINDOW).date()


def store_received(
    store: ObjectStore,
    key: str,
    data: bytes,
    fmt: str,
    received: dt.date,
    metadata: Mapping[str, str] | None = None,
) -> ObjectInfo:
    """Store one received object verbatim under ``key`` with ``days``, ``format`` and ``received`` (the
    UTC day it arrived, which unreadable lines are attributed to) in its metadata.
    Returns only once the store confirms the write (StoreError otherwise)."""
    meta = dict(metadata or {})
    meta["format"] = fmt
    meta["received"] = received.isoformat()
    try:
        meta["days"] = layout.format_days(days_of(data, fmt, received) or {received})
    except Exception:
        # A reader defect must not cost the body: store it without ``days``, which makes every partition
        # of its received window read it (and the sensor take it for the day it arrived).
        log.exception("%s: could not read the days of its lines; stored without them", key)
        meta["days_error"] = "true"
    return store.put(key, data, meta)
