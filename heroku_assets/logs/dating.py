"""The UTC day of every line of a received object, as it is read: what a partition takes from an object,
and the ``days`` a receiver stores with one it read at receipt (imports, pulls, spool-less drains)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from heroku_assets.logs.logplex.reader import read_lines

_UTC_DAY = pa.date32()


@dataclass
class DatedBatch:
    """A batch of read lines (``heroku_assets.logs.logplex.columns.LINE_SCHEMA``) with the UTC day of each."""

    lines: pa.RecordBatch
    days: pa.Array  # date32, no nulls


def dated_batches(chunks: Iterable[bytes], fmt: str, received: dt.date) -> Iterator[DatedBatch]:
    """Read an object's lines in batches, each line with the UTC day it belongs to.

    A line with no readable timestamp belongs to the day of the readable line before it in the same
    object (a garbage line in an old dump sits among that day's lines) or, at the start of an object, of
    the first readable line after it in the same batch; with neither, to the day the object was
    received. It lands in that day's rejected_lines.
    """
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


def days_of(data: bytes, fmt: str, received: dt.date) -> set[dt.date]:
    """The UTC days the lines of ``data`` belong to (see ``dated_batches``)."""
    days: set[dt.date] = set()
    for batch in dated_batches([data], fmt, received):
        days.update(pc.unique(batch.days).to_pylist())
    return days
