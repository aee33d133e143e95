"""A stored spool segment: the metadata it is shipped with, and reading its records back.

A sealed segment goes to the raw store as one object (``layout.segment_object``) with the apps, kinds and
UTC days of its records in metadata, so the sensor and the partition builder pick it without reading it.
"""

from __future__ import annotations

from collections.abc import Iterator

from heroku_assets.received.records import Record, SegmentSummary, read_records
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

SEGMENT_FORMAT = "segment"
_APPS_METADATA_LIMIT = 4000  # blob metadata is 8 KiB in all; past this the apps are not listed


def segment_metadata(summary: SegmentSummary, receiver_id: str, seq: int) -> dict[str, str]:
    apps = " ".join(sorted(summary.apps))
    assert summary.received is not None
    return {
        "format": SEGMENT_FORMAT,
        "received": summary.received.isoformat(),
        "days": layout.format_days(summary.days),
        # "*": too many apps to list; readers then take the segment for any app
        "apps": apps if len(apps) <= _APPS_METADATA_LIMIT else "*",
        "records": str(summary.records),
        "kinds": " ".join(sorted(summary.kinds)),
        "receiver": receiver_id,
        "seq": str(seq),
    }


def segment_apps(info: ObjectInfo) -> set[str] | None:
    """The apps a stored segment holds records of, from its metadata; None: unknown (read it for any)."""
    apps = info.metadata.get("apps")
    if apps is None or apps == "*":
        return None
    return set(apps.split())


def read_segment(store: ObjectStore, key: str) -> Iterator[Record]:
    """The records of a stored segment, streamed."""
    with store.open(key) as stream:
        for _, record in read_records(stream):
            yield record
