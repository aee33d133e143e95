"""Which (app, day) partitions new or changed raw objects touch: what the sensor asks for runs of.

The scan lists only what arrived in the last few days (plus imports), keeps a small cursor (a time
watermark and the objects seen near it), and gives each touched partition a content version built from the
new objects' versions, so a late line makes a new run key and re-runs its partition. A drain receiver
ships one segment a minute (of every app it received), so a day is about 1,440 objects per receiver
process, whatever the POST rate.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from heroku_assets.received.days import object_days
from heroku_assets.received.segments import UNREACHED, read_segment, segment_apps, unreached_counts
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

# Objects written within this many seconds of the watermark are remembered by key and version, so two
# writes in the same second, or a clock a little behind, are never missed.
_SLACK_SECONDS = 300.0


@dataclass
class ScanCursor:
    watermark: float = 0.0
    seen: dict[str, str] = field(default_factory=dict)

    def dumps(self) -> str:
        return json.dumps({"watermark": self.watermark, "seen": self.seen}, sort_keys=True)

    @classmethod
    def loads(cls, text: str | None) -> ScanCursor:
        if not text:
            return cls()
        data = json.loads(text)
        return cls(watermark=float(data.get("watermark", 0.0)), seen=dict(data.get("seen", {})))


@dataclass(frozen=True)
class TouchedPartition:
    app: str
    day: dt.date
    version: str  # a hash of the new objects' keys and versions
    objects: int
    newest: float = 0.0  # the newest of those objects, by the store's clock
    segments: int = 0  # how many of those objects are spool segments (which ticks append)

    @property
    def needs_rebuild(self) -> bool:
        """Whether objects other than segments touched it (imports, pulls, per-request objects): ticks
        take segments only, so those days are rebuilt whole."""
        return self.objects > self.segments


@dataclass(frozen=True)
class ScanResult:
    partitions: list[TouchedPartition]
    apps: set[str]
    new_objects: int
    more_pending: bool
    cursor: ScanCursor
    # requests among the new objects that reach no app's tables (``unreached_counts``): the sensor
    # reports them on the received logs, where an operator sees a space drain or a misaddressed one
    unreached: dict[str, int] = field(default_factory=lambda: dict.fromkeys(UNREACHED, 0))


def _listing(raw: ObjectStore, today: dt.date, lookback_days: int) -> list[ObjectInfo]:
    infos: list[ObjectInfo] = []
    for offset in range(lookback_days, -1, -1):
        for prefix in layout.received_day_prefixes(today - dt.timedelta(days=offset)):
            infos.extend(raw.list(prefix))
    infos.extend(raw.list("import/"))
    return infos


def scan_changes(
    raw: ObjectStore,
    cursor: ScanCursor,
    today: dt.date,
    lookback_days: int = 2,
    max_objects: int = 5000,
) -> ScanResult:
    """New or changed received objects since ``cursor``, grouped by the partitions they touch. At most
    ``max_objects`` are taken per call (oldest first); ``more_pending`` says the next call has more."""
    infos = _listing(raw, today, lookback_days)
    horizon = cursor.watermark - _SLACK_SECONDS
    fresh = [
        i
        for i in infos
        if (i.modified is None or i.modified >= horizon) and cursor.seen.get(i.key) != i.version
    ]
    fresh.sort(key=lambda i: (i.modified or 0.0, i.key))
    more_pending = len(fresh) > max_objects
    taken = fresh[:max_objects]

    digests: dict[tuple[str, dt.date], hashlib._Hash] = {}
    counts: dict[tuple[str, dt.date], int] = {}
    newest: dict[tuple[str, dt.date], float] = {}
    segments: dict[tuple[str, dt.date], int] = {}
    apps: set[str] = set()
    unreached = dict.fromkeys(UNREACHED, 0)
    for info in taken:
        for what, count in unreached_counts(info).items():
            unreached[what] += count
        days = object_days(info)
        for app in apps_of(raw, info):
            apps.add(app)
            for day in days:
                digest = digests.setdefault((app, day), hashlib.sha256())
                digest.update(f"{info.key}\0{info.version}\n".encode())
                counts[(app, day)] = counts.get((app, day), 0) + 1
                segments[(app, day)] = segments.get((app, day), 0) + layout.is_segment(info.key)
                newest[(app, day)] = max(newest.get((app, day), 0.0), info.modified or float("inf"))

    taken_watermark = max((i.modified or 0.0 for i in taken), default=cursor.watermark)
    watermark = max(cursor.watermark, taken_watermark)
    seen = {k: v for k, v in cursor.seen.items()}
    seen.update({i.key: i.version for i in taken})
    modified_by_key = {i.key: i.modified for i in infos}
    seen = {
        k: v
        for k, v in seen.items()
        if k in modified_by_key and (modified_by_key[k] or 0.0) >= watermark - _SLACK_SECONDS
    }
    partitions = [
        TouchedPartition(
            app=app,
            day=day,
            version=digest.hexdigest()[:16],
            objects=counts[(app, day)],
            newest=newest[(app, day)],
            segments=segments[(app, day)],
        )
        for (app, day), digest in sorted(digests.items())
    ]
    return ScanResult(
        partitions=partitions,
        apps=apps,
        new_objects=len(taken),
        more_pending=more_pending,
        cursor=ScanCursor(watermark=watermark, seen=seen),
        unreached=unreached,
    )


def apps_of(raw: ObjectStore, info: ObjectInfo) -> set[str]:
    """The apps (unmapped bodies aside) a received object holds lines of: from the key, or for a segment
    from its ``apps`` metadata (read from the segment itself when the metadata does not say)."""
    if layout.is_segment(info.key):
        apps = segment_apps(info)
        if apps is None:
            apps = {record.app for record in read_segment(raw, info.key)}
    else:
        app = layout.app_of_received_key(info.key)
        apps = {app} if app else set()
    return {app for app in apps if app != layout.UNMAPPED_APP}


def all_partitions(raw: ObjectStore, segments: bool | None = None) -> dict[str, set[dt.date]]:
    """Every (app, day) the raw store holds lines of, by app: a full listing, for catch-up runs.
    ``segments``: True, of drain segments only (what ticks append); False, of every other kind of object
    (what only a rebuild reads); None, of all."""
    found: dict[str, set[dt.date]] = {}
    for prefix in layout.RECEIVED_PREFIXES:
        if segments is not None and (prefix == "segment/") != segments:
            continue
        for info in raw.list(prefix):
            days = object_days(info)
            for app in apps_of(raw, info):
                found.setdefault(app, set()).update(days)
    return found
