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
import functools
import hashlib
import json
import math
import re
from collections.abc import Iterator
from typing import Any

from google.protobuf import json_format
from google.protobuf.message import Message

from heroku_assets import tables
from heroku_assets.logs.classify import rules
from heroku_assets.logs.otlp import mapping
from heroku_assets.logs.otlp.decode import Signal, hex_id

Row = tuple[str, dict[str, Any]]  # (table, columns other than app, event_date and line_number)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MAX_NS = int((dt.datetime(9999, 12, 31, tzinfo=dt.UTC) - _EPOCH).total_seconds()) * 1_000_000_000
_METRICS = re.compile(rules.METRICS_PATTERN)
_RAW_LIMIT = 4000
_UNIT_WIDTH = 16


# ------------------------------------------------------------------------------------------- values


def any_value(value: Message) -> Any:
    """An OTLP AnyValue as plain JSON-able Python (bytes as base64); None when it holds nothing."""
    kind = value.WhichOneof("value")
    if kind is None:
        return None
    if kind == "array_value":
        return [any_value(v) for v in value.array_value.values]
    if kind == "kvlist_value":
        return attributes(value.kvlist_value.values)
    if kind == "bytes_value":
        return base64.b64encode(value.bytes_value).decode()
    if kind == "double_value" and not math.isfinite(value.double_value):
        return str(value.double_value)
    return getattr(value, kind)


def attributes(pairs: Any) -> dict[str, Any]:
    """KeyValue pairs as a dict (a repeated key keeps its last value, as OTLP SDKs do)."""
    return {kv.key: any_value(kv.value) for kv in pairs}


def timestamp(ns: int) -> dt.datetime | None:
    """A time in Unix nanoseconds as a UTC datetime (microseconds); None when unset or out of range."""
    if ns <= 0 or ns > _MAX_NS:
        return None
    return _EPOCH + dt.timedelta(microseconds=ns // 1000)


def _json(value: dict[str, Any]) -> str | None:
    cleaned = {k: v for k, v in value.items() if v not in (None, {}, [], "")}
    return json.dumps(cleaned, ensure_ascii=False, separators=(",", ":"), default=str) if cleaned else None


def _merge_json(text: str | None, extra: dict[str, Any]) -> dict[str, Any]:
    """The extra object a Cedar parser wrote (JSON text) with the OTLP keys added."""
    merged: dict[str, Any] = json.loads(text) if text else {}
    for key, value in extra.items():
        merged.setdefault(key, value)
    return merged


def _raw(message: Message) -> str:
    text = json_format.MessageToJson(message, indent=None, preserving_proto_field_name=False)
    return text if len(text) <= _RAW_LIMIT else text[: _RAW_LIMIT - 12] + "...[cut]"


# ------------------------------------------------------------------------------------------- records


class _Resource:
    """The attributes of one resource of a request, and the id rows name it by."""

    def __init__(self, message: Message) -> None:
        self.attributes = attributes(message.attributes)
        canonical = json.dumps(self.attributes, sort_keys=True, separators=(",", ":"), default=str)
        self.id = hashlib.sha256(canonical.encode()).hexdigest()[:16] if self.attributes else None


class ResourceNotes:
    """Which resources a partition's rows already hold whole, per table (see the module docstring)."""

    def __init__(self) -> None:
        self._held: set[tuple[str, str]] = set()

    def held(self, table: str, resource_id: str) -> bool:
        return (table, resource_id) in self._held

    def hold(self, table: str, resource_id: str) -> None:
        self._held.add((table, resource_id))


_JSON_COLUMNS = ("extra", "attributes")


def _finish(table: str, columns: dict[str, Any], notes: ResourceNotes) -> Row:
    """A row as the table takes it: its JSON column written, with the resource whole only on the first
    row of the table that names it and has room for it (a row the column's width would cut leaves it
    to the next one)."""
    for name in _JSON_COLUMNS:
        value = columns.get(name)
        if not isinstance(value, dict):
            continue
        resource_id = value.get("resource_id")
        if resource_id is not None and not notes.held(table, resource_id):
            text = _json(value)
            if text is not None and len(text) <= (tables.ALL_TABLES[table].column(name).width or len(text)):
                notes.hold(table, resource_id)
                columns[name] = text
                continue
        value.pop("resource", None)
        columns[name] = _json(value)
    return table, columns


class _Attributes:
    """A record's attributes and its resource's, from which mapped keys are taken; what is left of the
    record's is written to extra, with the resource's id and (``_finish`` decides) its attributes."""

    def __init__(self, record: dict[str, Any], resource: _Resource) -> None:
        self.record = dict(record)
        self.source = resource
        self.resource = dict(resource.attributes)

    def peek(self, key: str) -> Any:
        return self.record.get(key, self.resource.get(key))

    def take(self, key: str) -> Any:
        value = self.record.pop(key, None)
        resource_value = self.resource.pop(key, None)
        return value if value is not None else resource_value

    def dyno(self) -> str | None:
        for key in mapping.DYNO_ATTRIBUTES:
            value = self.peek(key)
            if isinstance(value, str) and value:
                self.take(key)
                return value
        for key in mapping.DYNO_IF_NAME_ATTRIBUTES:
            value = self.peek(key)
            if isinstance(value, str) and mapping.is_dyno_name(value):
                self.take(key)
                return value
        return None

    def dyno_id(self) -> str | None:
        """After ``dyno``: an id attribute that is not itself the dyno's name."""
        for key in mapping.DYNO_ID_ATTRIBUTES:
            value = self.peek(key)
            if isinstance(value, str) and value and not mapping.is_dyno_name(value):
                return self.take(key)
        return None

    def addon(self) -> str | None:
        for key in mapping.ADDON_ATTRIBUTES:
            value = self.peek(key)
            if isinstance(value, str) and value:
                return self.take(key)
        return None

    def extra(self, **more: Any) -> dict[str, Any]:
        return {
            **more,
            "attributes": self.record,
            "resource_id": self.source.id,
            "resource": self.source.attributes,
        }


def _scope(scope: Message) -> dict[str, Any] | None:
    out = {"name": scope.name, "version": scope.version, **attributes(scope.attributes)}
    cleaned = {k: v for k, v in out.items() if v not in (None, "")}
    return cleaned or None


def record_times(signal: Signal, request: Message) -> Iterator[int]:
    """The time (Unix ns; 0 when unknown) of every record in request order: what days are counted by."""
    if signal == "logs":
        for resource in request.resource_logs:
            for scope in resource.scope_logs:
                for record in scope.log_records:
                    yield record.time_unix_nano or record.observed_time_unix_nano
    elif signal == "metrics":
        for _, metric, _ in _metrics(request):
            for point in _points(metric):
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
    producers = {"logs": _log_records, "metrics": _metric_records, "traces": _span_records}
    for ns, produce in producers[signal](request):
        if day_of(ns, received) != day:
            continue
        try:
            produced = produce()
        except Exception as exc:  # noqa: BLE001 - a mapping defect costs one record a rejected row, not the day
            yield [_rejected(f"otlp_unreadable_{signal}_record: {type(exc).__name__}: {exc}", None, "")]
            continue
        yield [_finish(table, columns, notes) for table, columns in produced]


def rejected_request(reason: str, body: bytes, received: dt.date) -> list[Row]:
    """The one row of a stored request that cannot be decoded: its reason and the start of its body."""
    prefix = base64.b64encode(body[:2400]).decode()
    return [_rejected(reason[:200], None, f"base64:{prefix}")]


def _rejected(reason: str, ts: dt.datetime | None, raw: str) -> Row:
    return "rejected_lines", {"event_ts": ts, "reason": reason[:200], "raw_line": raw}


# -------------------------------------------------------------------------------------------- logs


def _log_records(request: Message) -> Iterator[tuple[int, Any]]:
    for resource_logs in request.resource_logs:
        resource = _Resource(resource_logs.resource)
        for scope_logs in resource_logs.scope_logs:
            scope = _scope(scope_logs.scope)
            for record in scope_logs.log_records:
                ns = record.time_unix_nano or record.observed_time_unix_nano
                yield ns, functools.partial(_log_rows, record, resource, scope)


def _log_rows(record: Message, resource: _Resource, scope: dict[str, Any] | None) -> list[Row]:
    ts = timestamp(record.time_unix_nano) or timestamp(record.observed_time_unix_nano)
    attrs = _Attributes(attributes(record.attributes), resource)
    body_value = any_value(record.body) if record.HasField("body") else None
    if body_value in (None, "") and not record.attributes:
        return [_rejected("otlp_empty_record: no body and no attributes", ts, _raw(record))]
    body = body_value if isinstance(body_value, str) or body_value is None else _compact(body_value)
    service = attrs.peek(mapping.SERVICE_NAME)
    service = service if isinstance(service, str) else None
    otlp_extra = {
        "severity_text": record.severity_text or None,
        "severity_number": record.severity_number or None,
        "trace_id": hex_id(record.trace_id),
        "span_id": hex_id(record.span_id),
        "flags": record.flags or None,
        "event_name": record.event_name or None,
        "observed_ts": _iso(timestamp(record.observed_time_unix_nano)),
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
                ("runtime_metrics", {**r, "event_ts": ts, "extra": _merge_json(r["extra"], extra)})
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
    ts: dt.datetime | None, body: str | None, attrs: _Attributes, otlp_extra: dict[str, Any]
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
    extra = _merge_json(parsed_extra, attrs.extra(**otlp_extra))
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


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _iso(ts: dt.datetime | None) -> str | None:
    return ts.isoformat() if ts is not None else None


# ----------------------------------------------------------------------------------------- metrics


def _metrics(request: Message) -> Iterator[tuple[_Resource, Message, dict[str, Any] | None]]:
    for resource_metrics in request.resource_metrics:
        resource = _Resource(resource_metrics.resource)
        for scope_metrics in resource_metrics.scope_metrics:
            scope = _scope(scope_metrics.scope)
            for metric in scope_metrics.metrics:
                yield resource, metric, scope


def _points(metric: Message) -> Any:
    kind = metric.WhichOneof("data")
    return getattr(metric, kind).data_points if kind else []


def _metric_records(request: Message) -> Iterator[tuple[int, Any]]:
    for resource, metric, scope in _metrics(request):
        for point in _points(metric):
            yield point.time_unix_nano, functools.partial(_metric_rows, metric, point, resource, scope)


def _metric_rows(
    metric: Message, point: Message, resource: _Resource, scope: dict[str, Any] | None
) -> list[Row]:
    """One data point: a gauge or sum gives one row; a histogram ``.count`` and ``.sum`` (and ``.min``,
    ``.max``) rows with the buckets in the extra of ``.count``; a summary ``.count``, ``.sum`` and one
    ``.p<quantile>`` row per quantile."""
    kind = metric.WhichOneof("data")
    data = getattr(metric, kind)
    ts = timestamp(point.time_unix_nano)
    attrs = _Attributes(attributes(point.attributes), resource)
    dyno = attrs.dyno()
    dyno_id = attrs.dyno_id()
    addon = attrs.addon()
    unit = metric.unit or None
    base: dict[str, Any] = {
        "type": kind,
        "description": metric.description or None,
        "start_ts": _iso(timestamp(point.start_time_unix_nano)),
        "flags": point.flags or None,
        "exemplars": len(getattr(point, "exemplars", ())) or None,  # summaries have none
        "scope": scope,
    }
    if hasattr(data, "aggregation_temporality"):
        base["temporality"] = mapping.TEMPORALITIES.get(data.aggregation_temporality)
    if kind == "sum":
        base["is_monotonic"] = data.is_monotonic
    if unit is not None and len(unit) > _UNIT_WIDTH:
        base["unit"], unit = unit, None
    values: list[tuple[str, float | None, dict[str, Any]]] = []
    name = metric.name
    if kind in ("gauge", "sum"):
        which = point.WhichOneof("value")
        values.append((name, float(getattr(point, which)) if which else None, {}))
    elif kind in ("histogram", "exponential_histogram"):
        buckets: dict[str, Any]
        if kind == "histogram":
            buckets = {
                "explicit_bounds": list(point.explicit_bounds),
                "bucket_counts": list(point.bucket_counts),
            }
        else:
            buckets = {
                "scale": point.scale,
                "zero_count": point.zero_count,
                "zero_threshold": point.zero_threshold,
                "positive": _exp_buckets(point.positive),
                "negative": _exp_buckets(point.negative),
            }
        values.append((f"{name}.count", float(point.count), buckets))
        if point.HasField("sum"):
            values.append((f"{name}.sum", point.sum, {}))
        for bound in ("min", "max"):
            if point.HasField(bound):
                values.append((f"{name}.{bound}", getattr(point, bound), {}))
    else:  # summary
        values.append((f"{name}.count", float(point.count), {}))
        values.append((f"{name}.sum", point.sum, {}))
        for q in point.quantile_values:
            values.append((f"{name}.p{_quantile(q.quantile)}", q.value, {"quantile": q.quantile}))
    rows: list[Row] = []
    for metric_name, value, more in values:
        extra = attrs.extra(**base, **more)
        if value is not None and not math.isfinite(value):
            extra["value"], value = str(value), None
        rows.append(
            (
                "runtime_metrics",
                {
                    "event_ts": ts,
                    "dyno": dyno,
                    "dyno_id": dyno_id,
                    "source_name": None,
                    "addon": addon,
                    "metric": metric_name,
                    "value": value,
                    "unit": None if metric_name.endswith(".count") and kind != "sum" else unit,
                    "extra": extra,
                },
            )
        )
    return rows


def _exp_buckets(buckets: Message) -> dict[str, Any]:
    return {"offset": buckets.offset, "bucket_counts": list(buckets.bucket_counts)}


def _quantile(q: float) -> str:
    """0.5 -> 50, 0.99 -> 99, 0.999 -> 99.9."""
    text = f"{q * 100:.6f}".rstrip("0").rstrip(".")
    return text or "0"


# ------------------------------------------------------------------------------------------- spans


def _span_records(request: Message) -> Iterator[tuple[int, Any]]:
    for resource_spans in request.resource_spans:
        resource = _Resource(resource_spans.resource)
        for scope_spans in resource_spans.scope_spans:
            scope = _scope(scope_spans.scope)
            for span in scope_spans.spans:
                yield span.start_time_unix_nano, functools.partial(_span_rows, span, resource, scope)


def _span_rows(span: Message, resource: _Resource, scope: dict[str, Any] | None) -> list[Row]:
    start, end = timestamp(span.start_time_unix_nano), timestamp(span.end_time_unix_nano)
    attrs = _Attributes(attributes(span.attributes), resource)
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
            {"name": e.name, "ts": _iso(timestamp(e.time_unix_nano)), "attributes": attributes(e.attributes)}
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
