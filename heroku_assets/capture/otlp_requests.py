"""A received OTLP request and the two ways it is kept: an object of its own, named by its body's hash so a
retry overwrites itself (a receiver without a spool), or a spool record of kind ``otlp``."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from heroku_assets.capture.received import store_received
from heroku_assets.logs.otlp import decode
from heroku_assets.logs.otlp.stored import RECORD_KIND
from heroku_assets.received.days import undated_day
from heroku_assets.received.records import Record
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore


@dataclass(frozen=True)
class ReceivedRequest:
    """What the receiver knows of one request when it stores it."""

    signal: decode.Signal
    encoding: decode.Encoding
    body: bytes  # as received (still compressed)
    content_encoding: str
    received_at: dt.datetime
    app: str
    days: set[dt.date]
    metadata: dict[str, str]


def store_otlp_request(store: ObjectStore, request: ReceivedRequest) -> ObjectInfo:
    """Store one OTLP request as a received object, named by a hash of its body so that a retry
    overwrites itself. The one place an OTLP request is written.

    A request retried across midnight is stored once under each received day; both copies carry the
    same name and the same ``received`` day (``undated_day``), and a partition keeps one of them."""
    digest = hashlib.sha256(request.body).hexdigest()
    key = layout.otlp_object(
        request.app, request.received_at.date(), digest, request.signal, request.encoding
    )
    received = undated_day(request.received_at)
    body, meta = request.body, request.metadata
    return store_received(store, key, body, layout.OTLP_KIND, received, meta, days=request.days)


# Request facts a spool record keeps beside the body (the app and the time are fields of the record).
_RECORD_HEADERS = ("signal", "encoding", "content_type", "content_encoding", "app_source", "user_agent")


def otlp_record(request: ReceivedRequest) -> Record:
    """The spool record of one request: what ``store_otlp_request`` keeps, as a record of kind ``otlp``."""
    meta = request.metadata
    headers = {k: meta[k] for k in (*_RECORD_HEADERS, "decode_error") if meta.get(k)}
    return Record(
        kind=RECORD_KIND, app=request.app, received_at=request.received_at, body=request.body, headers=headers
    )
