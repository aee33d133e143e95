"""Which received objects a raw partition reads: those whose days hold its day, each drain frame once,
and the source each belongs to for the dedupe."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from heroku_assets.received.days import RETRY_WINDOW
from heroku_assets.received.segments import rebuild_segments, segment_apps
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore


def candidate_objects(
    raw: ObjectStore,
    app: str,
    day: dt.date,
    late_days: int,
    ticked: Collection[str] | None = None,
    window: dt.date | None = None,
) -> list[ObjectInfo]:
    """Received objects that may hold lines of (app, day), by their ``days`` metadata, each drain frame
    once (``_one_copy_per_frame``). With ``ticked`` (the segments the ledger says ticks appended lines
    of the day from), exactly those segments, late ones included: one no tick consumed yet is the next
    tick's, which appends it after this rebuild; one received before ``window`` (the first day ticks
    take) is read whether a tick took it or not."""
    listed = [info for prefix in layout.received_prefixes(app, day, late_days) for info in raw.list(prefix)]
    if ticked is not None:
        segments = [i for i in listed if layout.is_segment(i.key)]
        listed = [i for i in listed if not layout.is_segment(i.key)]
        listed += rebuild_segments(raw, segments, ticked, window)
    found = []
    for info in _one_copy_per_frame(listed):
        if layout.is_segment(info.key):
            apps = segment_apps(info)
            if apps is not None and app not in apps:
                continue
            kinds = info.metadata.get("kinds")
            if kinds is not None and "logplex" not in kinds.split():
                continue  # OTLP requests only: the manifest reads those
        days = info.metadata.get("days")
        if days is None or day in layout.parse_days(days):
            found.append(info)
    return found


def _one_copy_per_frame(infos: list[ObjectInfo]) -> list[ObjectInfo]:
    """Drop the earlier copy of a drain frame stored under two received days.

    A frame first sent just before midnight UTC and retried after it (Logplex gives up on an attempt
    after 5 s) can be stored twice, once under each day, however the attempts interleave. The copies
    share the object name (the frame id, or the hash of a body without one) and arrived within
    ``RETRY_WINDOW`` of each other; every partition that lists one lists both, and keeps the later,
    whose body is the one Logplex sent last (it rebuilds its loss reports on a retry). The receiver dates
    undated lines alike in both (``undated_day``), so the copies touch the same partitions and no
    partition keeps lines of the earlier one after the later has landed."""
    drains: dict[str, list[ObjectInfo]] = {}
    others = []
    for info in infos:
        if info.key.startswith("drain/"):
            drains.setdefault(info.key.rsplit("/", 1)[-1], []).append(info)
        else:
            others.append(info)
    kept = []
    for copies in drains.values():
        copies.sort(key=lambda i: i.key)
        for earlier, later in zip(copies, [*copies[1:], None], strict=True):
            if later is None or not _retried(earlier, later):
                kept.append(earlier)
    return [*sorted(kept, key=lambda i: i.key), *others]


def _retried(earlier: ObjectInfo, later: ObjectInfo) -> bool:
    """Whether ``later`` is a retry of ``earlier``: it arrived within the retry window after it."""
    try:
        first = dt.datetime.fromisoformat(earlier.metadata["received_at"])
        then = dt.datetime.fromisoformat(later.metadata["received_at"])
    except (KeyError, ValueError):
        return False
    return dt.timedelta(0) <= then - first <= RETRY_WINDOW


def source_of(info: ObjectInfo, index: int) -> int:
    """Which source an object belongs to, for dedupe. Logplex delivers each frame once (a retry keeps its
    frame id and overwrites itself) and pulls keep only what follows the previous pull, so all drain
    bodies are one source and all pulls another: a repeat inside either is a real repeat. Each import
    is a source of its own, since dumps can overlap anything."""
    kind = info.key.split("/", 1)[0]
    return {"segment": 0, "drain": 0, "pull": 1}.get(kind, 2 + index)
