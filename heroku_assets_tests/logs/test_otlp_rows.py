"""The mapping of OTLP records to table rows, on requests built with the generated protobuf classes."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest
from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import ExportLogsServiceRequest
from opentelemetry.proto.collector.metrics.v1.metrics_service_pb2 import ExportMetricsServiceRequest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.common.v1.common_pb2 import AnyValue, KeyValue

from heroku_assets.logs.classify import rules
from heroku_assets.logs.otlp import decode, mapping, rows
from heroku_assets.logs.otlp.record import ResourceNotes, Row
from heroku_assets.storage import layout

DAY = dt.date(2026, 3, 4)
NS = int(dt.datetime(2026, 3, 4, 10, 0, tzinfo=dt.UTC).timestamp()) * 1_000_000_000


def _kv(key: str, value: object) -> KeyValue:
    if isinstance(value, bool):
        return KeyValue(key=key, value=AnyValue(bool_value=value))
    if isinstance(value, int):
        return KeyValue(key=key, value=AnyValue(int_value=value))
    if isinstance(value, float):
        return KeyValue(key=key, value=AnyValue(double_value=value))
    return KeyValue(key=key, value=AnyValue(string_value=str(value)))


def _logs(service: str, *records: dict, resource: dict | None = None) -> ExportLogsServiceRequest:
    request = ExportLogsServiceRequest()
    resource_logs = request.resource_logs.add()
    attrs = {"service.name": service, **(resource or {})}
    resource_logs.resource.attributes.extend(_kv(k, v) for k, v in attrs.items())
    scope = resource_logs.scope_logs.add()
    for spec in records:
        record = scope.log_records.add(time_unix_nano=spec.get("ns", NS))
        if "body" in spec:
            record.body.string_value = spec["body"]
        record.attributes.extend(_kv(k, v) for k, v in spec.get("attributes", {}).items())
        record.severity_text = spec.get("severity", "")
        record.trace_id = spec.get("trace_id", b"")
    return request


def _rows(signal: str, request, day: dt.date = DAY) -> list[list[Row]]:
    return list(rows.rows_of_day(signal, request, DAY, day))


def _one(signal: str, request) -> tuple[str, dict]:
    (record,) = _rows(signal, request)
    (row,) = record
    return row


def test_fir_dyno_names_give_the_process_type() -> None:
    assert mapping.process_type("web-848cd4f64d-pvpr2") == "web"
    assert mapping.process_type("release-worker-5f7c9d8b4-x2k9q") == "release-worker"
    assert mapping.process_type("web.1") == "web"
    assert mapping.process_type("router") == "router"
    assert mapping.is_dyno_name("web-848cd4f64d-pvpr2") and not mapping.is_dyno_name("3f1c-uuid")


def test_the_app_of_a_request() -> None:
    # the drain's header, then its ?app=, win over a service.name of the app's own choosing
    assert mapping.request_app(["checkout", "heroku-router"], "shop", None) == ("shop", "header")
    assert mapping.request_app(["heroku-router"], "shop", "q-app") == ("shop", "header")
    assert mapping.request_app(["checkout"], None, "q-app") == ("q-app", "query")
    assert mapping.request_app(["checkout"], "Not An App!", None) == ("checkout", "service_name")
    # a drain that names no app (a space drain): service.name, when it names exactly one app
    assert mapping.request_app(["shop", "heroku-router"], None, None) == ("shop", "service_name")
    assert mapping.request_app(["shop", "cart"], None, None) == (layout.UNMAPPED_APP, "unmapped")
    assert mapping.request_app(["Not An App!"], None, None) == (layout.UNMAPPED_APP, "unmapped")


def test_router_logfmt_body_goes_through_the_cedar_parser() -> None:
    body = "at=info method=GET path=/ host=a.example request_id=r1 status=200 service=12ms bytes=5 odd=1"
    table, row = _one("logs", _logs("heroku-router", {"body": body}, resource={"cloud.region": "eu"}))
    assert table == "router_events"
    assert (row["method"], row["path"], row["status"], row["service_ms"], row["bytes"]) == (
        "GET",
        "/",
        200,
        12,
        5,
    )
    extra = json.loads(row["extra"])
    assert extra["odd"] == "1" and extra["resource"] == {
        "cloud.region": "eu",
        "service.name": "heroku-router",
    }


def test_router_structured_attributes_fill_and_override_columns() -> None:
    attributes = {
        "http.request.method": "POST",
        "url.path": "/pay",
        "url.query": "x=1",
        "http.response.status_code": 502,
        "http.response.body.size": "77",
        "user_agent.original": "curl",
    }
    table, row = _one(
        "logs", _logs("heroku-router", {"body": "at=error code=H13 status=200", "attributes": attributes})
    )
    assert table == "router_events"
    assert (row["method"], row["path"], row["status"], row["bytes"], row["code"]) == (
        "POST",
        "/pay?x=1",
        502,
        77,
        "H13",
    )
    assert json.loads(row["extra"])["attributes"] == {"user_agent.original": "curl"}


def test_runtime_and_api_records_are_platform_events() -> None:
    runtime = _logs(
        "heroku-runtime",
        {"body": "State changed from starting to up"},
        {"body": "Process exited with status 137"},
        resource={"service.instance.id": "worker-7d4b9c6f5-abcde"},
    )
    (state,), (exit_,) = _rows("logs", runtime)
    assert state[0] == "platform_events" and (state[1]["from_state"], state[1]["to_state"]) == (
        "starting",
        "up",
    )
    assert (exit_[1]["exit_status"], exit_[1]["dyno"], exit_[1]["process_type"]) == (
        137,
        "worker-7d4b9c6f5-abcde",
        "worker",
    )
    assert exit_[1]["source"] == "heroku"
    table, api = _one("logs", _logs("heroku-api", {"body": "Deploy 2f3c1ab by user dev@example.com"}))
    assert (table, api["dyno"], api["event_type"], api["actor"]) == (
        "platform_events",
        "api",
        "deploy",
        "dev@example.com",
    )


def test_app_records_keep_severity_and_trace_ids_in_extra() -> None:
    trace_id = bytes.fromhex("0af7651916cd43dd8448eb211c80319c")
    table, row = _one("logs", _logs("shop", {"body": "charged", "severity": "WARN", "trace_id": trace_id}))
    assert (table, row["source"], row["message"]) == ("app_events", "app", "charged")
    extra = json.loads(row["extra"])
    assert extra["severity_text"] == "WARN" and extra["trace_id"] == trace_id.hex()


def test_sample_bodies_are_runtime_metrics_sharing_one_record() -> None:
    (record,) = _rows(
        "logs",
        _logs("heroku-postgres", {"body": "source=DATABASE addon=pg-1 sample#db_size=5MB sample#tables=3"}),
    )
    assert [(t, r["metric"], r["value"], r["unit"], r["addon"]) for t, r in record] == [
        ("runtime_metrics", "db_size", 5.0, "MB", "pg-1"),
        ("runtime_metrics", "tables", 3.0, None, "pg-1"),
    ]


def test_records_without_content_or_that_fail_to_map_are_rejected(monkeypatch) -> None:
    table, row = _one("logs", _logs("shop", {}))
    assert table == "rejected_lines" and row["reason"].startswith("otlp_empty_record")

    def broken(*_args):
        raise KeyError("boom")

    monkeypatch.setattr(rules, "platform_row", broken)
    table, row = _one("logs", _logs("heroku-runtime", {"body": "Idling"}))
    assert table == "rejected_lines" and "KeyError" in row["reason"]


def test_a_record_belongs_to_the_day_of_its_time() -> None:
    next_day = NS + 86_400 * 1_000_000_000
    request = _logs("shop", {"body": "a"}, {"body": "b", "ns": next_day}, {"body": "c", "ns": 0})
    assert rows.records_by_day("logs", request, DAY + dt.timedelta(days=3)) == {
        DAY: 1,
        DAY + dt.timedelta(days=1): 1,
        DAY + dt.timedelta(days=3): 1,  # no time: the day it was received
    }
    received_later = rows.rows_of_day("logs", request, DAY + dt.timedelta(days=3), DAY)
    assert [r[0][1]["message"] for r in received_later] == ["a"]


def _metrics() -> ExportMetricsServiceRequest:
    request = ExportMetricsServiceRequest()
    resource = request.resource_metrics.add()
    resource.resource.attributes.extend(
        [_kv("service.name", "shop"), _kv("service.instance.id", "web-848cd4f64d-pvpr2")]
    )
    metrics = resource.scope_metrics.add().metrics
    gauge = metrics.add(name="memory.usage", unit="By")
    gauge.gauge.data_points.add(time_unix_nano=NS, as_int=1024).attributes.append(_kv("state", "used"))
    total = metrics.add(name="requests", unit="{request}")
    total.sum.aggregation_temporality = 2
    total.sum.is_monotonic = True
    total.sum.data_points.add(time_unix_nano=NS, as_double=7.0)
    histogram = metrics.add(name="latency", unit="ms")
    point = histogram.histogram.data_points.add(time_unix_nano=NS, count=3, sum=30.0, min=1.0)
    point.explicit_bounds.extend([5.0, 10.0])
    point.bucket_counts.extend([1, 1, 1])
    summary = metrics.add(name="gc", unit="s")
    quantiles = summary.summary.data_points.add(time_unix_nano=NS, count=2, sum=0.5)
    quantiles.quantile_values.add(quantile=0.99, value=0.4)
    metrics.add(name="nan", unit="a-unit-longer-than-sixteen").gauge.data_points.add(
        time_unix_nano=NS, as_double=float("nan")
    )
    return request


def test_metrics_one_record_per_data_point() -> None:
    records = _rows("metrics", _metrics())
    assert len(records) == 5
    flat = [(r["metric"], r["value"], r["unit"]) for record in records for _, r in record]
    assert flat == [
        ("memory.usage", 1024.0, "By"),
        ("requests", 7.0, "{request}"),
        ("latency.count", 3.0, None),
        ("latency.sum", 30.0, "ms"),
        ("latency.min", 1.0, "ms"),
        ("gc.count", 2.0, None),
        ("gc.sum", 0.5, "s"),
        ("gc.p99", 0.4, "s"),
        ("nan", None, None),
    ]
    gauge = records[0][0][1]
    assert (gauge["dyno"], gauge["dyno_id"]) == ("web-848cd4f64d-pvpr2", None)  # the name is no id
    assert json.loads(gauge["extra"])["attributes"] == {"state": "used"}
    assert json.loads(records[1][0][1]["extra"])["temporality"] == "cumulative"
    histogram_extra = json.loads(records[2][0][1]["extra"])
    assert (
        histogram_extra["explicit_bounds"] == [5.0, 10.0]
        and histogram_extra["bucket_counts"] == ["1", "1", "1"]
        or histogram_extra["bucket_counts"] == [1, 1, 1]
    )
    nan_extra = json.loads(records[4][0][1]["extra"])
    assert nan_extra["value"] == "nan" and nan_extra["unit"] == "a-unit-longer-than-sixteen"


def test_a_dyno_id_beside_the_dyno_name() -> None:
    request = ExportMetricsServiceRequest()
    resource = request.resource_metrics.add()
    uuid = "6d1a3c2e-0d2b-4b1f-9a4e-2c1f0e9b7a55"
    attrs = {
        "service.name": "shop",
        "heroku.dyno.name": "worker-7d4b9c6f5-abcde",
        "service.instance.id": uuid,
    }
    resource.resource.attributes.extend(_kv(k, v) for k, v in attrs.items())
    resource.scope_metrics.add().metrics.add(name="cpu").gauge.data_points.add(
        time_unix_nano=NS, as_double=0.5
    )
    ((_, row),) = _rows("metrics", request)[0]
    assert (row["dyno"], row["dyno_id"]) == ("worker-7d4b9c6f5-abcde", uuid)
    assert json.loads(row["extra"])["resource"] == attrs  # whole, though two keys became columns


def test_a_resource_is_held_whole_once_per_table_and_named_by_id_on_every_row() -> None:
    """Two requests from one dyno (the same resource), each with app and router records: the first row
    of each table holds the resource, every row names it, and every row's resource is found again."""
    dyno = {"heroku.dyno.name": "web-848cd4f64d-pvpr2", "cloud.region": "eu", "telemetry.sdk.name": "x"}
    first = _logs("shop", {"body": "a"}, {"body": "b"}, resource=dyno)
    second = _logs("shop", {"body": "c"}, resource=dyno)
    other = _logs("shop", {"body": "d"}, resource={**dyno, "heroku.dyno.name": "web-848cd4f64d-zzzzz"})
    router = _logs("heroku-router", {"body": "at=info status=200"}, {"body": "at=info status=404"})
    notes = ResourceNotes()  # one partition
    produced = [
        row
        for request in (first, second, other, router)
        for record in rows.rows_of_day("logs", request, DAY, DAY, notes)
        for row in record
    ]
    extras = [(table, json.loads(columns["extra"])) for table, columns in produced]
    assert [t for t, _ in extras] == ["app_events"] * 4 + ["router_events"] * 2
    ids = [extra["resource_id"] for _, extra in extras]
    assert ids[0] == ids[1] == ids[2] != ids[3] and ids[4] == ids[5] not in ids[:4]
    held = [(table, extra["resource_id"]) for table, extra in extras if "resource" in extra]
    assert held == [("app_events", ids[0]), ("app_events", ids[3]), ("router_events", ids[4])]
    whole = {(t, e["resource_id"]): e["resource"] for t, e in extras if "resource" in e}
    assert whole[("app_events", ids[0])] == {"service.name": "shop", **dyno}
    assert all((table, extra["resource_id"]) in whole for table, extra in extras)
    # a row the column's width would cut does not hold it: the next one does
    long = _logs("shop", {"body": "e", "attributes": {"big": "x" * 4000}}, {"body": "f"}, resource=dyno)
    (cut,), (held_here,) = rows.rows_of_day("logs", long, DAY, DAY)
    assert "resource" not in json.loads(cut[1]["extra"])
    assert json.loads(held_here[1]["extra"])["resource"] == {"service.name": "shop", **dyno}
    # without shared notes (one request on its own), its first row of each table holds it
    alone = [json.loads(r[0][1]["extra"]) for r in rows.rows_of_day("logs", second, DAY, DAY)]
    assert "resource" in alone[0]


def test_spans() -> None:
    request = ExportTraceServiceRequest()
    resource = request.resource_spans.add()
    resource.resource.attributes.append(_kv("service.name", "shop"))
    spans = resource.scope_spans.add().spans
    root = spans.add(
        trace_id=bytes(range(16)),
        span_id=bytes(range(8)),
        name="GET /",
        kind=2,
        start_time_unix_nano=NS,
        end_time_unix_nano=NS + 1_500_000,
    )
    root.status.code = 2
    root.status.message = "boom"
    root.attributes.append(_kv("http.route", "/"))
    spans.add(
        trace_id=bytes(range(16)),
        span_id=b"\x01" * 8,
        parent_span_id=bytes(range(8)),
        name="db",
        start_time_unix_nano=NS,
    )
    (first,), (second,) = _rows("traces", request)
    table, row = first
    assert table == "spans"
    assert (row["trace_id"], row["span_id"], row["parent_span_id"]) == (
        bytes(range(16)).hex(),
        bytes(range(8)).hex(),
        None,
    )
    assert (row["kind"], row["status"], row["duration_ms"], row["service_name"]) == (
        "server",
        "error",
        1.5,
        "shop",
    )
    attributes = json.loads(row["attributes"])
    assert attributes["status_message"] == "boom" and attributes["attributes"] == {"http.route": "/"}
    assert second[1]["parent_span_id"] == bytes(range(8)).hex() and second[1]["duration_ms"] is None


def test_decoding_errors_and_limits() -> None:
    with pytest.raises(decode.OtlpDecodeError, match="not hex"):
        decode.decode_request(
            "traces", b'{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"zz"}]}]}]}', "json"
        )
    with pytest.raises(decode.OtlpDecodeError):
        decode.decode_request("logs", b"[1, 2]", "json")
    with pytest.raises(decode.TooLarge):
        decode.decompress(gzip.compress(b"\0" * 100_000), "gzip", limit=1000)
    with pytest.raises(decode.OtlpDecodeError, match="truncated"):
        decode.decompress(gzip.compress(b"abc" * 1000)[:-20], "gzip")
    assert decode.decompress(gzip.compress(b"abc"), "gzip") == b"abc"
    (record,) = [rows.rejected_request("otlp_decode_error: x", b"\xff" * 10, DAY)]
    assert record[0][0] == "rejected_lines" and record[0][1]["raw_line"].startswith("base64:")
