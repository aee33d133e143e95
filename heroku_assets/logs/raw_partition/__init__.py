"""Building one raw partition (one app, one UTC day) from whatever the raw store holds.

Lines of a day arrive in many objects: drain bodies, pulled sessions and imported dumps, some after
midnight, some overlapping (a pull repeats what the drain delivered). The partition keeps each distinct
line once per copy a single source holds: a line two sources both hold counts once, while identical lines
inside one source (a real burst) all stay. DuckDB does the dedupe and the ordering, spilling to disk, so a
busy day never has to fit in memory.

Drain bodies come in spool segments (many bodies of many apps in one object) or, from receivers without
a spool and stores written before segments, one object per body. Either way a Logplex frame counts once
however many copies of it were received (retries to the same or another receiver, across midnight):
copies are known by their frame id (by a hash of the body when Logplex sent none), and the last received
copy is kept: the one Logplex sent last (it rebuilds its loss reports on a retry). A copy arriving later
makes a new segment, which re-runs the partition.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from heroku_assets.logs.otlp.partition import write_manifest
from heroku_assets.logs.raw_partition.candidates import candidate_objects
from heroku_assets.logs.raw_partition.dedupe import write_sorted
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectStore


@dataclass
class PartitionResult:
    """What was written, and the figures the asset reports as metadata."""

    key: str
    lines: int  # written to the partition
    received_lines: int  # lines of the day found in the received objects, before dedupe
    bytes: int
    source_objects: list[str]
    duplicates_removed: int
    loss_markers: dict[str, int] = field(default_factory=dict)
    gap_markers: int = 0
    version: str = ""
    # The newest received object read, by the store's clock: one arriving later is newer than this, so
    # the sensor can tell a partition already built from what it sees from one that needs a run.
    sources_newest: float = 0.0


def build_partition(
    raw: ObjectStore,
    app: str,
    day: dt.date,
    late_days: int = 1,
    workdir: Path | None = None,
    memory_limit: str = "256MB",
    ticked: Collection[str] | None = None,
    window: dt.date | None = None,
) -> PartitionResult:
    """Gather, dedupe and order the lines of (app, day) and write them as one gzip text object (for
    people, and for rejected rows to lead back to), with the same lines as read beside it in Parquet
    (what staging classifies, so no line is read twice), replacing any earlier pair: the keys are
    deterministic. ``ticked``: see ``candidate_objects``."""
    objects = candidate_objects(raw, app, day, late_days, ticked, window)
    key = layout.raw_partition_object(app, day)
    # OTLP requests are structured already: a manifest names them and staging maps their records.
    otlp = write_manifest(raw, app, day, late_days, ticked, window)
    sources = list(dict.fromkeys([o.key for o in objects] + otlp.objects))  # a segment may hold both
    with tempfile.TemporaryDirectory(prefix="heroku-assets-raw-", dir=workdir) as tmp:
        text_path, lines_path = Path(tmp) / "lines.log.gz", Path(tmp) / "lines.parquet"
        written = write_sorted(raw, objects, app, day, text_path, lines_path, Path(tmp), memory_limit)
        # The Parquet goes first and names the text it matches: a partition whose text is newer than
        # its Parquet (a build that stopped between the two) is staged from the text.
        raw.put_file(layout.raw_lines_object(app, day), lines_path, {"text_sha256": written.sha256})
        meta = {
            "app": app,
            "date": day.isoformat(),
            "lines": str(written.lines),
            "received_lines": str(written.received),
            "duplicates_removed": str(written.received - written.lines),
            "otlp_records": str(otlp.records),
            "source_objects": str(len(sources)),
            "sha256": written.sha256,
        }
        info = raw.put_file(key, text_path, meta)
    gaps = sum(1 for _ in raw.list(layout.gap_prefix(app, day)))
    return PartitionResult(
        key=key,
        lines=written.lines,
        received_lines=written.received,
        bytes=written.size,
        source_objects=sources,
        duplicates_removed=written.received - written.lines,
        loss_markers=written.markers,
        gap_markers=gaps,
        version=otlp.partition_version(info.version),
        sources_newest=max([o.modified or 0.0 for o in objects] + [otlp.newest]),
    )
