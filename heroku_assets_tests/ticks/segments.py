"""Spool segments written as a receiver writes them (the real spool and shipper code), for tick tests."""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from collections.abc import Iterable
from pathlib import Path

from heroku_assets.capture.segment_days import appended_days
from heroku_assets.capture.segments import ship
from heroku_assets.capture.spool import Spool
from heroku_assets.received.records import Record
from heroku_assets.storage.base import ObjectInfo, ObjectStore


def frame(lines: Iterable[str]) -> bytes:
    """A Logplex drain body: octet-counted syslog frames, one per line of heroku logs text
    (``<ts> <source>[<dyno>]: <message>``)."""
    out = []
    for line in lines:
        ts, rest = line.split(" ", 1)
        source, rest = rest.split("[", 1)
        dyno, message = rest.split("]: ", 1)
        syslog = f"<190>1 {ts} host {source} {dyno} - {message}"
        out.append(f"{len(syslog.encode())} {syslog}")
    return "".join(out).encode()


def logplex(app: str, body: bytes, received_at: dt.datetime, frame_id: str | None = None) -> Record:
    return Record(kind="logplex", app=app, received_at=received_at, body=body, frame_id=frame_id)


def write_segment(
    store: ObjectStore, workdir: Path, records: list[Record], receiver: str = "r1"
) -> ObjectInfo:
    """Append ``records`` to a fresh spool, seal it and ship it to ``store``, as a receiver does."""
    spool = Spool(Path(tempfile.mkdtemp(prefix="spool-", dir=workdir)), dating=appended_days)
    spool.open()
    for record in records:
        spool.submit(record).result(timeout=30)
    spool.close()
    (path,) = spool.sealed()
    info = ship(store, path, f"{receiver}-{uuid.uuid4().hex[:8]}")
    assert info is not None
    return info
