"""Small builders of real raw objects for the ingest tests."""

from __future__ import annotations

import datetime as dt

from heroku_assets.capture.received import store_received
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectStore


def text_line(ts: str, source: str, dyno: str, message: str) -> str:
    return f"{ts} {source}[{dyno}]: {message}"


def frame(ts: str, source: str, dyno: str, message: str) -> bytes:
    payload = f"<190>1 {ts} host {source} {dyno} - {message}".encode()
    return str(len(payload)).encode() + b" " + payload


def put_drain(store: ObjectStore, app: str, received: dt.date, frame_id: str, frames: list[bytes]):
    return store_received(
        store, layout.drain_object(app, received, frame_id), b"".join(frames), "logplex", received
    )


def put_pull(store: ObjectStore, app: str, received_at: dt.datetime, lines: list[str]):
    data = ("\n".join(lines) + "\n").encode()
    import hashlib

    key = layout.pull_object(app, received_at, hashlib.sha256(data).hexdigest())
    return store_received(store, key, data, "text", received_at.date())
