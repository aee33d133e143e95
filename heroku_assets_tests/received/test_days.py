import datetime as dt
import os

from heroku_assets.logs.changes import all_partitions
from heroku_assets.logs.raw_partition import build_partition
from heroku_assets.received.days import received_day
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo
from heroku_assets.storage.local import LocalObjectStore

DAY = dt.date(2026, 11, 21)
# 23:30 UTC: a local date east of UTC would be the next day
LATE_EVENING = dt.datetime(2026, 11, 21, 23, 30, tzinfo=dt.UTC).timestamp()


def test_the_received_day_is_the_metadata_then_the_key_then_the_stores_clock_in_utc():
    drain_key = layout.drain_object("shop", DAY, "frame-1")
    import_key = layout.import_object("shop", "a" * 32)
    assert received_day(
        ObjectInfo(drain_key, 1, "v", {"received": "2026-11-20"}, LATE_EVENING)
    ) == DAY.replace(day=20)
    assert received_day(ObjectInfo(drain_key, 1, "v", {}, 0.0)) == DAY
    assert received_day(ObjectInfo(import_key, 1, "v", {}, LATE_EVENING)) == DAY
    assert received_day(ObjectInfo(import_key, 1, "v", {"received": "not a day"}, LATE_EVENING)) == DAY


def test_the_catch_up_listing_and_the_partition_take_an_undated_object_for_the_same_day(tmp_path):
    # An import without metadata (written by hand, or before objects carried any) holding one
    # unreadable line: the listing schedules its received day, and that partition holds the line.
    raw = LocalObjectStore(tmp_path / "raw")
    info = raw.put(layout.import_object("shop", "b" * 32), b"no timestamp on this line\n")
    os.utime(raw.root / info.key, (LATE_EVENING, LATE_EVENING))
    assert all_partitions(raw) == {"shop": {DAY}}
    result = build_partition(raw, "shop", DAY, workdir=tmp_path)
    assert result.lines == 1 and result.source_objects == [info.key]
