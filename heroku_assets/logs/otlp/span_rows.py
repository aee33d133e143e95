"""Spans to rows of the spans table."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from google.protobuf.message import Message

from heroku_assets.logs.otlp import mapping
from heroku_assets.logs.otlp.decode import hex_id
from heroku_assets.logs.otlp.record import Attributes, Resource, Row, items
from heroku_assets.logs.otlp.values import attributes, iso, timestamp


def span_records(request: Message) -> Iterator[tuple[int, Any]]:
    for resource, scope, span in items("traces", request):
        yield span.start_time_unix_nano, functools.partial(_span_rows, span, resource, scope)


def _span_rows(span: Message, resource: Resource, scope: dict[str, Any] | None) -> list[Row]:
    start, end = timestamp(span.start_time_unix_nano), timestamp(span.end_time_unix_nano)
    attrs = Attributes(attributes(span.attributes), resource)
    service = attrs.peek(mapping.SERVICE_NAME)
    dyno = attrs.dyno()
    duration = None
    if span.start_time_unix_nano and span.end_time_unix_nano >= span.start_time_unix_nano:
        duration = (span.end_time_unix_nano - span.start_time_unix_nano) / 1e6
    more = {
        "status_message": span.status.message or None,
        "trace_state": span.trace_state or None,
        "flags": span.flags or None,
        "scope": scope,
        "events": [
            {"name": e.name, "ts": iso(timestamp(e.time_unix_nano)), "attributes": attributes(e.attributes)}
            for e in span.events
        ],
        "links": [
            {"trace_id": hex_id(k.trace_id), "span_id": hex_id(k.span_id), **attributes(k.attributes)}
            for k in span.links
        ],
    }
    return [
        (
            "spans",
            {
                "event_ts": start,
                "trace_id": hex_id(span.trace_id),
                "span_id": hex_id(span.span_id),
                "parent_span_id": hex_id(span.parent_span_id),
                "name": span.name,
                "kind": mapping.SPAN_KINDS.get(span.kind, str(span.kind)),
                "start_ts": start,
                "end_ts": end,
                "duration_ms": duration,
                "status": mapping.STATUS_CODES.get(span.status.code, str(span.status.code)),
                "service_name": service if isinstance(service, str) else None,
                "dyno": dyno,
                "attributes": attrs.extra(**more),
            },
        )
    ]
