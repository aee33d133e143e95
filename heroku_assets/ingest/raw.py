"""Writing received objects to the raw store with the metadata the sensor and partitions rely on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore


def days_of(data: bytes, fmt: str, received: dt.date) -> set[dt.date]:
    """The UTC days the lines of ``data`` belong to. A line with no readable timestamp belongs to the day
    it was received, where it will land in rejected_lines."""
    from heroku_assets.logplex import read_lines

    days: set[dt.date] = set()
    for line in read_lines([data], fmt=fmt):
        if line.ts_us is None:
            days.add(received)
        else:
            days.add(dt.datetime.fromtimestamp(line.ts_us / 1e6, dt.UTC).date())
    return days


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
