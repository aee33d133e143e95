"""Writing received objects to the raw store with the metadata the sensor and partitions rely on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

if TYPE_CHECKING:
    from heroku_assets.logplex import LogLine


_MAX_PENDING = 10_000


def dated_lines(lines: Iterable[LogLine], received: dt.date) -> Iterator[tuple[LogLine, dt.date]]:
    """Each line with the UTC day it belongs to. A line with no readable timestamp belongs to the day of
    the readable line before it in the same object (a garbage line in an old dump sits among that day's
    lines), or, at the start of an object, of the first readable line after it (up to 10,000 lines
    ahead); with neither, to the day the object was received. It lands in that day's rejected_lines."""
    pending: list[LogLine] = []
    current: dt.date | None = None
    for line in lines:
        if line.ts_us is not None:
            current = _EPOCH + dt.timedelta(microseconds=line.ts_us)
            current = current.date()
            for waiting in pending:
                yield waiting, current
            pending.clear()
            yield line, current
        elif current is not None:
            yield line, current
        else:
            pending.append(line)
            if len(pending) >= _MAX_PENDING:
                for waiting in pending:
                    yield waiting, received
                pending.clear()
                current = received
    for waiting in pending:
        yield waiting, received


_EPOCH = dt.datetime(1970, 1, 1)


def days_of(data: bytes, fmt: str, received: dt.date) -> set[dt.date]:
    """The UTC days the lines of ``data`` belong to (see ``dated_lines``)."""
    from heroku_assets.logplex import read_lines

    return {day for _, day in dated_lines(read_lines([data], fmt=fmt), received)}


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
    meta["days"] = layout.format_days(days_of(data, fmt, received) or {received})
    return store.put(key, data, meta)
