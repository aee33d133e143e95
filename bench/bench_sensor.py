"""The sensor's scan over a day of spool segments: how long a tick takes.

Writes one day of segments as receivers ship them (one a minute per receiver process, each holding a
few bodies of a few apps) into a local folder store, then times ``scan_changes`` as the sensor calls
it: a first tick that takes the whole day, a tick after one more minute of segments, an idle tick.

    .venv/bin/python bench/bench_sensor.py [--receivers 2] [--minutes 1440]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--receivers", type=int, default=2)
    parser.add_argument("--minutes", type=int, default=1440)
    args = parser.parse_args()

    from heroku_assets.capture.segments import ship
    from heroku_assets.capture.spool import Spool
    from heroku_assets.logs.changes import ScanCursor, scan_changes
    from heroku_assets.received.records import Record
    from heroku_assets.storage.local import LocalObjectStore

    today = dt.datetime.now(dt.UTC).date()
    start = dt.datetime.combine(today, dt.time(), dt.UTC)
    with tempfile.TemporaryDirectory(prefix="bench-sensor-") as tmp:
        raw = LocalObjectStore(Path(tmp) / "raw")

        def write_minute(receiver: int, minute: int) -> None:
            spool = Spool(Path(tmp) / f"spool-{receiver}")
            spool.open()
            at = start + dt.timedelta(minutes=minute)
            for app in ("shop-web", "shop-api", "billing"):
                body = b"70 <190>1 " + at.isoformat().encode() + b" host app web.1 - one line"
                spool.submit(Record("logplex", app, at, body, f"F{receiver}-{minute}-{app}")).result()
            spool.close()
            [path] = spool.sealed()
            ship(raw, path, f"receiver-{receiver}")
            spool.remove(path)

        started = time.perf_counter()
        for minute in range(args.minutes - 1):
            for receiver in range(args.receivers):
                write_minute(receiver, minute)
        written = time.perf_counter() - started
        count = sum(1 for _ in raw.list("segment/"))
        print(f"{count:,} segments of {args.receivers} receiver(s) over one day, written in {written:.0f} s")

        timings = []
        started = time.perf_counter()
        first = scan_changes(raw, ScanCursor(), today, max_objects=10_000)
        timings.append(("first tick (the whole day is new)", time.perf_counter() - started, first))
        for receiver in range(args.receivers):
            write_minute(receiver, args.minutes - 1)
        started = time.perf_counter()
        second = scan_changes(raw, first.cursor, today)
        timings.append(("next tick (one more minute of segments)", time.perf_counter() - started, second))
        started = time.perf_counter()
        idle = scan_changes(raw, second.cursor, today)
        timings.append(("idle tick (nothing new)", time.perf_counter() - started, idle))
    for name, seconds, result in timings:
        print(
            f"  {name:<42} {seconds * 1000:7.0f} ms: {result.new_objects:,} new segments, "
            f"{len(result.partitions)} partitions, more pending: {result.more_pending}"
        )
    worst = max(seconds for _, seconds, _ in timings)
    print(f"target: every tick under a second -> {'met' if worst < 1 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
