"""A stored spool segment: the metadata it is shipped with, and reading its records back.

A sealed segment goes to the raw store as one object (``layout.segment_object``) with the apps, kinds and
UTC days of its records in metadata, so the sensor and the partition builder pick it without reading it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator

from heroku_assets.received.days import received_day
from heroku_assets.received.records import Record, SegmentSummary, read_records
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

SEGMENT_FORMAT = "segment"
UNREACHED = ("unmapped_requests", "not_found_requests")  # what ``unreached_counts`` counts
_APPS_METADATA_LIMIT = 4000  # blob metadata is 8 KiB in all; past this the apps are not listed


def segment_metadata(summary: SegmentSummary, receiver_id: str, seq: int) -> dict[str, str]:
    apps = " ".join(sorted(summary.apps))
    assert summary.received is not None
    metadata = {
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
    # what reached no app, for the sensor to report (absent when none: most segments)
    if summary.unmapped:
        metadata["unmapped"] = str(summary.unmapped)
    if summary.not_found:
        metadata["not_found"] = str(summary.not_found)
    return metadata


def unreached_counts(info: ObjectInfo) -> dict[str, int]:
    """How many requests a received object holds that reach no app's tables: ``unmapped_requests`` (no
    known app) and ``not_found_requests`` (answered 404, no data). A segment says so in its metadata
    (segments shipped before it did count none); any other object counts once if filed under
    ``_unmapped``."""
    if layout.is_segment(info.key):
        unmapped, not_found = int(info.metadata.get("unmapped", 0)), int(info.metadata.get("not_found", 0))
    else:
        unmapped, not_found = int(layout.app_of_received_key(info.key) == layout.UNMAPPED_APP), 0
    return dict(zip(UNREACHED, (unmapped, not_found), strict=True))


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


def rebuild_segments(
    raw: ObjectStore, listed: list[ObjectInfo], ticked: Collection[str], window: dt.date | None
) -> list[ObjectInfo]:
    """The segments a rebuild of a day reads, of those ``listed`` under its received prefixes: the ones
    the ledger says ticks appended lines of the day from (``ticked``, late ones included, as the store has
    them: one gone since is skipped, and the day's seal says what is missing), and the ones received
    before ``window`` (the first day ticks take), which no tick ever will. A segment no tick consumed yet
    is the next tick's, which appends it after the rebuild."""
    old = [i for i in listed if window is not None and received_day(i) < window]
    taken = {i.key for i in old}
    # what the listing holds already is not asked of the store again: one request per segment otherwise
    known = {i.key: i for i in listed}
    heads = [known.get(key) or raw.head(key) for key in sorted(set(ticked) - taken) if layout.is_segment(key)]
    return old + [info for info in heads if info is not None]
