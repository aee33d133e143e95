"""Writing received objects to the raw store with the metadata the sensor and partitions rely on."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

from heroku_assets.logs.dating import days_of
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

log = logging.getLogger(__name__)


def store_received(
    store: ObjectStore,
    key: str,
    data: bytes,
    fmt: str,
    received: dt.date,
    metadata: Mapping[str, str] | None = None,
    days: set[dt.date] | None = None,
) -> ObjectInfo:
    """Store one received object verbatim under ``key`` with ``days``, ``format`` and ``received`` (the
    UTC day it arrived, which unreadable lines are attributed to) in its metadata. ``days`` is read from
    the lines unless the caller knows them (an OTLP request is not lines).
    Returns only once the store confirms the write (StoreError otherwise)."""
    meta = dict(metadata or {})
    meta["format"] = fmt
    meta["received"] = received.isoformat()
    try:
        found = days if days is not None else days_of(data, fmt, received)
        meta["days"] = layout.format_days(found or {received})
    except Exception:
        # A reader defect must not cost the body: store it without ``days``, which makes every partition
        # of its received window read it (and the sensor take it for the day it arrived).
        log.exception("%s: could not read the days of its lines; stored without them", key)
        meta["days_error"] = "true"
    return store.put(key, data, meta)
