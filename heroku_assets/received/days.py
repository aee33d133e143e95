"""The UTC days a received object belongs to when its lines do not say: one rule for the receivers that
store it, the partitions that read it and the sensor that schedules them, so all three agree."""

from __future__ import annotations

import datetime as dt

from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo

# Logplex retries a frame within seconds (3 tries, 5 s timeout): every attempt at one frame arrives
# within this long of the first.
RETRY_WINDOW = dt.timedelta(minutes=10)


def undated_day(received_at: dt.datetime) -> dt.date:
    """The day a drain body's lines belong to when none of them has a timestamp: the UTC day of
    ``RETRY_WINDOW`` before receipt, so every attempt at one frame gives the same day, midnight or not."""
    return (received_at.astimezone(dt.UTC) - RETRY_WINDOW).date()


def received_day(info: ObjectInfo) -> dt.date:
    """The UTC day an object was received, which its undated lines (and, without ``days`` metadata, the
    object) are taken for: its ``received`` metadata (every writer sets it), else the day its key is filed
    under, else the UTC day the store last wrote it, else today (UTC). Never a local date: the partitions
    are UTC days."""
    value = info.metadata.get("received")
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    filed = layout.received_day_of_key(info.key)
    if filed is not None:
        return filed
    if info.modified is not None:
        return dt.datetime.fromtimestamp(info.modified, dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()


def object_days(info: ObjectInfo) -> set[dt.date]:
    """The days an object holds lines of: its ``days`` metadata, else the day it was received."""
    return layout.parse_days(info.metadata.get("days")) or {received_day(info)}
