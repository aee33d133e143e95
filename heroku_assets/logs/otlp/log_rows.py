"""Log records to rows: router records through the Cedar router parser, runtime metrics samples, platform
and app events."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Any

from google.protobuf.message import Message

from heroku_assets.logs.classify import rules
from heroku_assets.logs.otlp import mapping
from heroku_assets.logs.otlp.decode import hex_id
from heroku_assets.logs.otlp.record import Attributes, Resource, Row, items, rejected
from heroku_assets.logs.otlp.values import (
    any_value,
    attributes,
    compact_json,
    iso,
    merge_json,
    raw_json,
    timestamp,
)

_METRICS = re.compile(rules.METRICS_PATTERN)


def log_records(request: Message) -> Iterator[tuple[int, Any]]:
    for resource, scope, record in items("logs", request):
        ns = record.time_unix_nano or record.observed_time_unix_nano
        yield ns, functools.partial(_log_rows, record, resource, scope)


def _log_rows(record: Message, resource: Resource, scope: dict[str, Any] | None) -> list[Row]:
    ts = timestamp(record.time_unix_nano) or timestamp(record.observed_time_unix_nano)
    attrs = Attributes(attributes(record.attributes), resource)
    body_value = any_value(record.body) if record.HasField("body") else None
    if body_value in (None, "") and not record.attributes:
        return [rejected("otlp_empty_record: no body and no attributes", ts, raw_json(record))]
    body = body_value if isinstance(body_value, str) or body_value is None else compact_json(body_value)
    service = attrs.peek(mapping.SERVICE_NAME)
    service = service if isinstance(service, str) else None
    otlp_extra = {
        "severity_text": record.severity_text or None,
        "severity_number": record.severity_number or None,
        "trace_id": hex_id(record.trace_id),
        "span_id": hex_id(record.span_id),
        "flags": record.flags or None,
        "event_name": record.event_name or None,
        "observed_ts": iso(timestamp(record.observed_time_unix_nano)),
        "scope": scope,
    }
    if ts is None and record.time_unix_nano:
        otlp_extra["time_unix_nano"] = str(record.time_unix_nano)
    has_samples = body is not None and bool(_METRICS.search(body))
    table = mapping.table_of_log(service, has_samples)
    if table == "router_events":
        return [("router_events", _router_columns(ts, body, attrs, otlp_extra))]
    dyno = attrs.dyno()
    if table == "runtime_metrics":
        assert body is not None
        rows = rules.metric_rows(dyno, body)
        if rows:
            extra = attrs.extra(**otlp_extra)
            return [
                ("runtime_metrics", {**r, "event_ts": ts, "extra": merge_json(r["extra"], extra)})
                for r in rows
            ]
        table = "platform_events" if service in mapping.PLATFORM_SERVICES else "app_events"
    common = {
        "event_ts": ts,
        "source": mapping.source_of(service),
        "dyno": dyno,
        "process_type": mapping.process_type(dyno),
        "message": body,
        "extra": attrs.extra(**otlp_extra),
    }
    if table == "platform_events":
        if dyno is None and service in mapping.API_SERVICES:
            common["dyno"] = common["process_type"] = "api"
        return [("platform_events", {**common, **rules.platform_row(body or "")})]
    return [("app_events", common)]


def _router_columns(
    ts: dt.datetime | None, body: str | None, attrs: Attributes, otlp_extra: dict[str, Any]
) -> dict[str, Any]:
    """A router record: a logfmt body through the Cedar router parser, then the structured HTTP
    attributes, which fill or override the columns they name."""
    row = rules.router_row(body) if body else {"extra": None}
    parsed_extra = row.pop("extra")
    for key, column in mapping.ROUTER_ATTRIBUTES.items():
        value = attrs.peek(key)
        if value is None or isinstance(value, dict | list):
            continue
        converted = _router_value(column, value)
        if converted is None:
            continue
        attrs.take(key)
        row[column] = converted
    query = attrs.peek(mapping.URL_QUERY)
    if isinstance(query, str) and query and row.get("path"):
        attrs.take(mapping.URL_QUERY)
        row["path"] = f"{row['path']}?{query}"
    extra = merge_json(parsed_extra, attrs.extra(**otlp_extra))
    if body and not row:
        extra["body"] = body
    return {**row, "event_ts": ts, "extra": extra}


_INT_COLUMNS = {"status": 32, "bytes": 64, "connect_ms": 64, "service_ms": 64}


def _router_value(column: str, value: Any) -> Any:
    if column in _INT_COLUMNS:
        if isinstance(value, bool):
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and re.fullmatch(r"[+-]?\d{1,19}", value):
            value = int(value)
        if not isinstance(value, int) or not -(1 << (_INT_COLUMNS[column] - 1)) <= value < (
            1 << (_INT_COLUMNS[column] - 1)
        ):
            return None
        return value
    return str(value)
