"""A frame first sent just before midnight UTC and retried after it: whichever attempt's write lands
first, and whenever the partitions are built in between, every line of the frame is in exactly one
partition, once. Real HTTP POSTs to the receiver on loopback; the clock is the receiver's own, injected;
the slow first attempt is held inside the store's write until the retry has been answered."""

from __future__ import annotations

import collections
import datetime as dt
import threading
from collections.abc import Mapping
from pathlib import Path

import pytest
import requests

from heroku_assets.capture.app import create_app
from heroku_assets.logs import read_lines
from heroku_assets.logs.raw_partition import build_partition
from heroku_assets.logs.raw_partition.text import read_partition_lines
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.capture.conftest import APP, DRAIN_TOKEN, PASSWORD, PATH_TOKEN, USER, default_config
from heroku_assets_tests.fakes.server import serve

BEFORE = dt.datetime(2026, 11, 20, 23, 59, 58, tzinfo=dt.UTC)
AFTER = dt.datetime(2026, 11, 21, 0, 0, 4, tzinfo=dt.UTC)  # Logplex gave up after 5 s and retried
HEADERS = {
    "Content-Type": "application/logplex-1",
    "Logplex-Frame-Id": "09C557EAFCFB6CF2740EE62F62971098",
    "Logplex-Drain-Token": DRAIN_TOKEN,
}


def _frame(payload: str) -> bytes:
    return b"%d %s" % (len(payload.encode()), payload.encode())


BODIES = {
    # lines of the day before midnight, one stamped just after it by a clock a little ahead, and
    # content that is no log line (it goes with its neighbours)
    "dated": _frame("<190>1 2026-11-20T23:59:57.100000+00:00 host app web.1 - one")
    + _frame("<190>1 2026-11-20T23:59:57.900000+00:00 host app web.1 - two")
    + b"\nnot a log line\n"
    + _frame("<190>1 2026-11-21T00:00:00.200000+00:00 host app web.2 - three"),
    # nothing dated at all: the receiver has to date it the same on both attempts
    "undated": b"not a log line\nnor this one\n",
}


class GatedStore(LocalObjectStore):
    """A real folder store in which the first write of a frame waits, once it has begun, until the test
    lets it finish: an attempt that outlives Logplex's timeout."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.entered = threading.Event()
        self.release = threading.Event()
        self.writes = 0
        self.landed: list[str] = []
        self._lock = threading.Lock()

    def put(self, key: str, data: bytes, metadata: Mapping[str, str] | None = None) -> ObjectInfo:
        with self._lock:
            self.writes += 1
            first = self.writes == 1
        if first:
            self.entered.set()
            assert self.release.wait(10), "the test never released the first attempt"
        info = super().put(key, data, metadata)
        self.landed.append(key)
        return info


def _post(url: str, body: bytes) -> int:
    response = requests.post(
        f"{url}/logs/{PATH_TOKEN}", data=body, headers=HEADERS, auth=(USER, PASSWORD), timeout=10
    )
    return response.status_code


def _rebuild(store: GatedStore, key: str, partitions: dict[dt.date, list[str]]) -> None:
    """What the sensor does when an object lands: rebuild every partition its ``days`` names."""
    info = store.head(key)
    assert info is not None
    for day in layout.parse_days(info.metadata["days"]):
        build_partition(store, APP, day)
        text = b"".join(read_partition_lines(store, APP, day)).decode()
        partitions[day] = text.splitlines()


@pytest.mark.parametrize("body_kind", sorted(BODIES))
@pytest.mark.parametrize("first_lands", ["after the retry", "before the retry"])
def test_a_frame_retried_across_midnight_lands_once(tmp_path: Path, body_kind: str, first_lands: str) -> None:
    body = BODIES[body_kind]
    store = GatedStore(tmp_path / "raw")
    now = [BEFORE]
    partitions: dict[dt.date, list[str]] = {}
    statuses: list[int] = []
    with serve(create_app(store, default_config(), clock=lambda: now[0])) as served:
        first = threading.Thread(target=lambda: statuses.append(_post(served.url, body)))
        first.start()
        assert store.entered.wait(10)  # the first attempt is inside its write, before midnight
        now[0] = AFTER
        if first_lands == "before the retry":
            store.release.set()
            first.join(10)
            _rebuild(store, store.landed[0], partitions)
            assert _post(served.url, body) == 204
        else:
            assert _post(served.url, body) == 204  # answered while the first write is still under way
            _rebuild(store, store.landed[0], partitions)
            store.release.set()
            first.join(10)
        assert not first.is_alive()
        for key in store.landed:
            _rebuild(store, key, partitions)
    assert statuses == [204]
    # Two objects, one under each received day, dated alike...
    copies = [i for i in store.list("drain/")]
    assert sorted(i.key.split("/")[1] for i in copies) == ["2026-11-20", "2026-11-21"]
    assert len({i.metadata["days"] for i in copies}) == 1
    # ...and every line of the frame in exactly one partition, once.
    expected = collections.Counter(line.canonical() for line in read_lines([body], "logplex"))
    landed = collections.Counter(line for lines in partitions.values() for line in lines)
    assert landed == expected
    assert sum(expected.values()) == (4 if body_kind == "dated" else 2)
