"""Rows of the event tables from a decoded OTLP request: one *record* (a log record, a metric data point, a
span) is one accounting unit, like a Logplex line: it gives one row, or several runtime_metrics rows
sharing its line number, or a rejected row with the reason it could not be read.

Records come in request order (resource, then scope, then record). A record's day is the UTC day of its
time, else of its observed time, else the day the request was received.

A resource's attributes (service, dyno, SDK, cloud: often half a kilobyte) are the same for every record
under it, so they are not repeated on every row: each row's ``extra`` (``attributes`` for spans) names
its resource by ``resource_id``, a hash of those attributes, and only the first row of each table that a
resource gives in a partition (``ResourceNotes``: the first the column's width does not cut) also holds
them whole, as ``resource``. Any row's resource is found again within its table and partition: the row
of the same ``resource_id`` that has a ``resource``.
"""

from __future__ import annotations

import base64
import collections
import datetime as dt
from collections.abc import Iterator

from google.protobuf.message import Message

from heroku_assets.logs.otlp.decode import Signal
from heroku_assets.logs.otlp.log_rows import log_records
from heroku_assets.logs.otlp.metric_rows import metric_records, points
from heroku_assets.logs.otlp.record import ResourceNotes, Row, finish, items, rejected
from heroku_assets.logs.otlp.span_rows import span_records
from heroku_assets.logs.otlp.values import timestamp


def record_times(signal: Signal, request: Message) -> Iterator[int]:
    """The time (Unix ns; 0 when unknown) of every record in request order: what days are counted by."""
    if signal == "logs":
        for resource in request.resource_logs:
            for scope in resource.scope_logs:
                for record in scope.log_records:
                    yield record.time_unix_nano or record.observed_time_unix_nano
    elif signal == "metrics":
        for _, _, metric in items("metrics", request):
            for point in points(metric):
                yield point.time_unix_nano
    else:
        for resource in request.resource_spans:
            for scope in resource.scope_spans:
                for span in scope.spans:
                    yield span.start_time_unix_nano


def day_of(ns: int, received: dt.date) -> dt.date:
    ts = timestamp(ns)
    return ts.date() if ts is not None else received


def records_by_day(signal: Signal, request: Message, received: dt.date) -> collections.Counter[dt.date]:
    """How many records of each UTC day the request holds."""
    return collections.Counter(day_of(ns, received) for ns in record_times(signal, request))


def rows_of_day(
    signal: Signal, request: Message, received: dt.date, day: dt.date, notes: ResourceNotes | None = None
) -> Iterator[list[Row]]:
    """For every record of ``day``, in request order, the rows it gives (never none: a record that
    cannot be mapped gives a rejected row). ``notes``: shared by every request of a partition, so that a
    resource is held whole once per table and partition (once per request without)."""
    notes = notes if notes is not None else ResourceNotes()
    producers = {"logs": log_records, "metrics": metric_records, "traces": span_records}
    for ns, produce in producers[signal](request):
        if day_of(ns, received) != day:
            continue
        try:
            produced = produce()
        except Exception as exc:  # noqa: BLE001 - a mapping defect costs one record a rejected row, not the day
            yield [rejected(f"otlp_unreadable_{signal}_record: {type(exc).__name__}: {exc}", None, "")]
            continue
        yield [finish(table, columns, notes) for table, columns in produced]


def rejected_request(reason: str, body: bytes, received: dt.date) -> list[Row]:
    """The one row of a stored request that cannot be decoded: its reason and the start of its body."""
    prefix = base64.b64encode(body[:2400]).decode()
    return [rejected(reason[:200], None, f"base64:{prefix}")]
