import datetime as dt
import os

from heroku_assets.logs.changes import ScanCursor, all_partitions, scan_changes
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.capture.helpers import frame, put_drain

TODAY = dt.date(2026, 11, 21)


def _touch(store: LocalObjectStore, key: str, when: float) -> None:
    os.utime(store.root / key, (when, when))


def test_new_objects_touch_exactly_their_partitions_and_are_taken_once(tmp_path):
    raw = LocalObjectStore(tmp_path)
    info = put_drain(
        raw,
        "shop",
        TODAY,
        "a" * 32,
        [
            frame("2026-11-20T23:59:00+00:00", "app", "web.1", "late"),
            frame("2026-11-21T00:01:00Z", "app", "web.1", "x"),
        ],
    )
    first = scan_changes(raw, ScanCursor(), TODAY)
    assert [(p.app, p.day) for p in first.partitions] == [("shop", dt.date(2026, 11, 20)), ("shop", TODAY)]
    assert first.apps == {"shop"}
    again = scan_changes(raw, ScanCursor.loads(first.cursor.dumps()), TODAY)
    assert again.partitions == [] and again.new_objects == 0
    # A retried frame with other content (Logplex rebuilds L10 lines) changes the version.
    put_drain(raw, "shop", TODAY, "a" * 32, [frame("2026-11-21T00:01:00Z", "app", "web.1", "y")])
    changed = scan_changes(raw, again.cursor, TODAY)
    assert [(p.app, p.day) for p in changed.partitions] == [("shop", TODAY)]
    assert changed.partitions[0].version != first.partitions[1].version
    assert info.key in changed.cursor.seen


def test_objects_beyond_the_lookback_are_not_listed_and_the_cap_defers_work(tmp_path):
    raw = LocalObjectStore(tmp_path)
    put_drain(
        raw, "old", dt.date(2026, 11, 1), "b" * 32, [frame("2026-11-01T10:00:00Z", "app", "web.1", "x")]
    )
    for i in range(3):
        info = put_drain(
            raw, "shop", TODAY, f"{i:032x}", [frame(f"2026-11-21T10:00:0{i}Z", "app", "web.1", "x")]
        )
        _touch(raw, info.key, 1_000_000 + i)
    first = scan_changes(raw, ScanCursor(), TODAY, lookback_days=2, max_objects=2)
    assert first.new_objects == 2 and first.more_pending
    second = scan_changes(raw, first.cursor, TODAY, lookback_days=2, max_objects=2)
    assert second.new_objects == 1 and not second.more_pending
    assert "old" not in first.apps | second.apps
    assert all_partitions(raw) == {"old": {dt.date(2026, 11, 1)}, "shop": {TODAY}}
