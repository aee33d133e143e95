"""The OTLP/HTTP routes of the receiver, driven by the OpenTelemetry SDK's own exporters over loopback."""

from __future__ import annotations

import base64
import collections
import datetime as dt
import gzip
import json
import math

import pytest
import requests
import zstandard
from opentelemetry.exporter.otlp.proto.common._log_encoder import encode_logs
from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import (
    ExportLogsServiceRequest,
    ExportLogsServiceResponse,
)
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceResponse
from opentelemetry.sdk.metrics.view import ExponentialBucketHistogramAggregation, View

from heroku_assets.logs.otlp import decode, rows, stored
from heroku_assets.logs.otlp.mapping import APP_HEADER
from heroku_assets.received.days import undated_day
from heroku_assets_tests.capture import otel_sdk
from heroku_assets_tests.capture.conftest import APP, PASSWORD, PATH_TOKEN, USER, Drain, default_config

BASIC = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()


def _target(drain: Drain, **options: object) -> otel_sdk.Target:
    return otel_sdk.Target(f"{drain.url}/otlp/{PATH_TOKEN}", {"Authorization": BASIC}, **options)  # type: ignore[arg-type]


def _otlp_objects(drain: Drain) -> list:
    return list(drain.store.list("otlp/"))


def _some_logs(service: str = APP) -> list:
    def emit(logger) -> None:
        logger.emit(body="GET /cart 200", severity_text="INFO", attributes={"http.route": "/cart"})
        logger.emit(body="second line", severity_text="WARN")

    return otel_sdk.log_records(service, emit)


def _some_metrics():
    def record(meter) -> None:
        meter.create_counter("requests", unit="{request}").add(3, {"route": "/cart"})
        meter.create_histogram("latency", unit="ms").record(12.5)
        meter.create_gauge("memory.usage", unit="By").set(1024)

    return otel_sdk.metrics_data(APP, record)


def _some_spans() -> list:
    def trace(tracer) -> None:
        with tracer.start_as_current_span("GET /cart"), tracer.start_as_current_span("db.query"):
            pass

    return otel_sdk.spans(APP, trace)


@pytest.mark.parametrize("as_json", [False, True], ids=["protobuf", "json"])
@pytest.mark.parametrize("gzipped", [True, False], ids=["gzip", "plain"])
def test_sdk_exporters_store_every_signal(drain: Drain, as_json: bool, gzipped: bool) -> None:
    target = _target(drain, json=as_json, gzip=gzipped)
    assert otel_sdk.export(target, "logs", _some_logs())
    assert otel_sdk.export(target, "metrics", _some_metrics())
    assert otel_sdk.export(target, "traces", _some_spans())

    objects = {o.key.rsplit(".", 2)[1]: o for o in _otlp_objects(drain)}
    assert sorted(objects) == ["logs", "metrics", "traces"]
    today = dt.datetime.now(dt.UTC).date().isoformat()
    for signal, info in objects.items():
        assert info.key.startswith(f"otlp/{today}/{APP}/")
        assert info.key.endswith(f".{signal}.{'json' if as_json else 'pb'}")
        meta = info.metadata
        assert (meta["signal"], meta["app"], meta["app_source"]) == (signal, APP, "service_name")
        assert meta["content_encoding"] == ("gzip" if gzipped else "")
        assert meta["days"] == today
        # stored as received: the body decodes again to what the SDK sent
        request = decode.read_stored(
            signal, drain.store.get(info.key), meta["encoding"], meta["content_encoding"]
        )
        assert request.ByteSize() > 0
    logs = decode.read_stored(
        "logs",
        drain.store.get(objects["logs"].key),
        objects["logs"].metadata["encoding"],
        "gzip" if gzipped else "",
    )
    bodies = [r.body.string_value for r in logs.resource_logs[0].scope_logs[0].log_records]
    assert bodies == ["GET /cart 200", "second line"]
    assert objects["logs"].metadata["records"] == "2"
    assert objects["metrics"].metadata["records"] == "3"
    assert objects["traces"].metadata["records"] == "2"


def test_an_sdk_exponential_histogram_reaches_rows(drain: Drain) -> None:
    """The SDK's base-2 exponential histogram aggregation, exported over OTLP/HTTP, stored by the
    receiver and mapped: a ``.count``, ``.sum``, ``.min`` and ``.max`` row, and buckets in the extra of
    ``.count`` from which every recorded value's bucket can be found again."""
    values = [0.0, 0.5, 3.0, 3.0, 40.0, 1200.0]

    def record(meter) -> None:
        latency = meter.create_histogram("http.server.request.duration", unit="s")
        for value in values:
            latency.record(value, {"route": "/cart"})

    view = View(
        instrument_name="http.server.request.duration", aggregation=ExponentialBucketHistogramAggregation()
    )
    data = otel_sdk.metrics_data(APP, record, views=[view])
    assert otel_sdk.export(_target(drain), "metrics", data)
    (info,) = _otlp_objects(drain)
    assert info.metadata["records"] == "1"  # one data point: one record
    request = stored.from_object(info, drain.store.get(info.key))
    (record_rows,) = rows.rows_of_day("metrics", request.decoded(), request.received, request.received)
    by_metric = {columns["metric"]: columns for _, columns in record_rows}
    name = "http.server.request.duration"
    assert sorted(by_metric) == [f"{name}.count", f"{name}.max", f"{name}.min", f"{name}.sum"]
    assert {table for table, _ in record_rows} == {"runtime_metrics"}
    assert by_metric[f"{name}.count"]["value"] == len(values)
    assert by_metric[f"{name}.sum"]["value"] == sum(values)
    assert (by_metric[f"{name}.min"]["value"], by_metric[f"{name}.max"]["value"]) == (0.0, 1200.0)
    assert by_metric[f"{name}.sum"]["unit"] == "s" and by_metric[f"{name}.count"]["unit"] is None
    extra = json.loads(by_metric[f"{name}.count"]["extra"])
    assert extra["type"] == "exponential_histogram" and extra["temporality"] == "cumulative"
    assert extra["attributes"] == {"route": "/cart"}
    assert extra["zero_count"] == 1 and extra["zero_threshold"] == 0.0
    # bucket i of scale s holds (base**i, base**(i+1)] with base = 2**(2**-s); i counts from offset
    base = 2 ** (2 ** -extra["scale"])
    positive = extra["positive"]
    counts = [int(c) for c in positive["bucket_counts"]]
    assert sum(counts) == len(values) - 1
    expected = collections.Counter(math.ceil(math.log(v, base) - 1e-9) - 1 for v in values if v > 0)
    found = {positive["offset"] + i: c for i, c in enumerate(counts) if c}
    assert found == dict(expected)
    assert not any(int(c) for c in extra["negative"]["bucket_counts"])


def test_answers_are_empty_export_responses_in_the_request_encoding(drain: Drain) -> None:
    url = f"{drain.url}/otlp/{PATH_TOKEN}/v1/logs"
    body = ExportLogsServiceRequest().SerializeToString()
    proto = requests.post(
        url, data=body, headers={"Authorization": BASIC, "Content-Type": "application/x-protobuf"}
    )
    assert proto.status_code == 200
    assert proto.headers["content-type"] == "application/x-protobuf"
    assert ExportLogsServiceResponse.FromString(proto.content) == ExportLogsServiceResponse()
    traces = requests.post(
        f"{drain.url}/otlp/{PATH_TOKEN}/v1/traces",
        data=b'{"resourceSpans":[]}',
        headers={"Authorization": BASIC, "Content-Type": "application/json"},
    )
    assert traces.status_code == 200 and traces.headers["content-type"] == "application/json"
    assert traces.json() == {}
    assert ExportTraceServiceResponse().SerializeToString() == b""


def test_json_trace_ids_are_hex_not_base64(drain: Drain) -> None:
    trace_id, span_id = "5b8efff798038103d269b633813fc60c", "eee19b7ec3c1b174"
    document = {
        "resourceLogs": [
            {
                "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": APP}}]},
                "scopeLogs": [
                    {
                        "logRecords": [
                            {
                                "timeUnixNano": "1767225600000000000",
                                "traceId": trace_id,
                                "spanId": span_id,
                                "body": {"stringValue": "hello"},
                                "someFutureField": 1,
                            }
                        ]
                    }
                ],
            }
        ]
    }
    response = requests.post(
        f"{drain.url}/otlp/{PATH_TOKEN}/v1/logs",
        data=json.dumps(document),
        headers={"Authorization": BASIC, "Content-Type": "application/json"},
    )
    assert response.status_code == 200
    (info,) = _otlp_objects(drain)
    assert info.metadata["days"] == "2026-01-01"
    request = decode.read_stored("logs", drain.store.get(info.key), "json", None)
    record = request.resource_logs[0].scope_logs[0].log_records[0]
    assert (record.trace_id.hex(), record.span_id.hex()) == (trace_id, span_id)
    assert record.time_unix_nano == 1767225600000000000


def test_credentials_basic_bearer_and_path_token(start_drain) -> None:
    drain = start_drain(default_config(username=None, password=None))  # the path token alone
    logs = _some_logs()
    in_path = otel_sdk.Target(f"{drain.url}/otlp/{PATH_TOKEN}", {})
    as_bearer = otel_sdk.Target(f"{drain.url}/otlp", {"Authorization": f"Bearer {PATH_TOKEN}"})
    wrong_bearer = otel_sdk.Target(f"{drain.url}/otlp", {"Authorization": f"Bearer {PATH_TOKEN}x"})
    wrong_path = otel_sdk.Target(f"{drain.url}/otlp/{PATH_TOKEN[:-1]}", {})
    none = otel_sdk.Target(f"{drain.url}/otlp", {})
    assert otel_sdk.export(in_path, "logs", logs)
    assert otel_sdk.export(as_bearer, "logs", _some_logs())
    for target in (wrong_bearer, wrong_path, none):
        assert not otel_sdk.export(target, "logs", _some_logs())
    assert len(_otlp_objects(drain)) == 2


def test_wrong_basic_credentials_are_refused_and_nothing_is_stored(drain: Drain) -> None:
    wrong = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}x".encode()).decode()
    target = otel_sdk.Target(f"{drain.url}/otlp/{PATH_TOKEN}", {"Authorization": wrong})
    assert not otel_sdk.export(target, "logs", _some_logs())
    # the Basic credentials alone do not stand in for a configured path token
    assert not otel_sdk.export(
        otel_sdk.Target(f"{drain.url}/otlp", {"Authorization": BASIC}), "logs", _some_logs()
    )
    assert _otlp_objects(drain) == []
    assert requests.get(drain.url + "/health", timeout=5).json()["otlp_refused"] == 2


def test_a_zstd_body_is_decoded(drain: Drain) -> None:
    """The Collector's otlphttp exporter may send zstd (its ``compression: zstd``); the SDK's own
    encoder makes the request and zstandard compresses it as the Collector's encoder does, in one frame."""
    body = zstandard.ZstdCompressor().compress(encode_logs(_some_logs()).SerializeToString())
    headers = {"Authorization": BASIC, "Content-Type": "application/x-protobuf", "Content-Encoding": "zstd"}
    response = requests.post(f"{drain.url}/otlp/{PATH_TOKEN}/v1/logs", data=body, headers=headers)
    assert response.status_code == 200
    (info,) = _otlp_objects(drain)
    assert "decode_error" not in info.metadata
    assert (info.metadata["app"], info.metadata["records"], info.metadata["content_encoding"]) == (
        APP,
        "2",
        "zstd",
    )
    assert drain.store.get(info.key) == body  # stored as received, still compressed
    logs = decode.read_stored("logs", body, "pb", "zstd")
    bodies = [r.body.string_value for r in logs.resource_logs[0].scope_logs[0].log_records]
    assert bodies == ["GET /cart 200", "second line"]


def test_a_body_that_does_not_decode_is_stored_and_acknowledged(drain: Drain) -> None:
    headers = {"Authorization": BASIC, "Content-Type": "application/x-protobuf"}
    url = f"{drain.url}/otlp/{PATH_TOKEN}/v1/metrics"
    garbage = b"\xff\xfe not protobuf at all \x00"
    assert requests.post(url, data=garbage, headers=headers).status_code == 200
    bad_gzip = requests.post(url, data=b"\x1f\x8b broken", headers={**headers, "Content-Encoding": "gzip"})
    assert bad_gzip.status_code == 200
    zstd = requests.post(url, data=b"(\xb5/\xfd...", headers={**headers, "Content-Encoding": "zstd"})
    assert zstd.status_code == 200
    json_garbage = requests.post(
        url, data=b"{not json", headers={"Authorization": BASIC, "Content-Type": "application/json"}
    )
    assert json_garbage.status_code == 200
    stored = _otlp_objects(drain)
    assert len(stored) == 4
    assert sorted(drain.store.get(o.key) for o in stored) == sorted(
        [garbage, b"\x1f\x8b broken", b"(\xb5/\xfd...", b"{not json"]
    )
    for info in stored:
        assert info.metadata["decode_error"]
        assert info.metadata["app"] == "_unmapped"  # no service.name to read and no app header
        # undated: the day the request belongs to by its arrival (ten minutes before it, for a retry)
        received = dt.datetime.fromisoformat(info.metadata["received_at"])
        assert info.metadata["days"] == undated_day(received).isoformat()
    assert requests.get(drain.url + "/health", timeout=5).json()["otlp_unmapped"] == 4


def test_app_from_the_header_when_service_name_is_heroku_s_own(drain: Drain) -> None:
    router = _some_logs(service="heroku-router")
    target = otel_sdk.Target(
        f"{drain.url}/otlp/{PATH_TOKEN}", {"Authorization": BASIC, "Heroku-Assets-App": "shop"}
    )
    assert otel_sdk.export(target, "logs", router)
    (info,) = _otlp_objects(drain)
    assert info.key.split("/")[2] == "shop" and info.metadata["app_source"] == "header"


def test_the_drain_s_header_wins_over_the_app_s_own_service_name(drain: Drain) -> None:
    """A Fir app whose SDK sets OTEL_SERVICE_NAME=checkout, and Heroku's router records for the same
    app, all from a drain whose header names the app: one partition, the app's, not two."""
    target = otel_sdk.Target(f"{drain.url}/otlp/{PATH_TOKEN}", {"Authorization": BASIC, APP_HEADER: APP})
    assert otel_sdk.export(target, "logs", _some_logs(service="checkout"))
    assert otel_sdk.export(target, "logs", _some_logs(service="heroku-router"))
    stored = _otlp_objects(drain)
    assert len(stored) == 2
    assert {o.key.split("/")[2] for o in stored} == {APP}
    assert {o.metadata["app_source"] for o in stored} == {"header"}


def test_a_failing_store_answers_503_and_the_sdk_retries(start_drain) -> None:
    drain = start_drain()
    attempts_before = drain.store.attempts
    original_put = drain.store.put
    calls = {"n": 0}

    def fail_once(key, data, metadata=None):
        calls["n"] += 1
        drain.store.failing = calls["n"] == 1
        return original_put(key, data, metadata)

    drain.store.put = fail_once  # type: ignore[method-assign]
    # the SDK's exporter retries a 503 (after about a second) and then succeeds
    assert otel_sdk.export(_target(drain), "logs", _some_logs())
    assert calls["n"] == 2 and drain.store.attempts == attempts_before + 2
    assert len(_otlp_objects(drain)) == 1
    health = requests.get(drain.url + "/health", timeout=5).json()
    assert (health["otlp_stored"], health["otlp_failed"]) == (1, 1)


def test_503_carries_retry_after(drain: Drain) -> None:
    drain.store.failing = True
    response = requests.post(
        f"{drain.url}/otlp/{PATH_TOKEN}/v1/logs",
        data=ExportLogsServiceRequest().SerializeToString(),
        headers={"Authorization": BASIC, "Content-Type": "application/x-protobuf"},
    )
    assert response.status_code == 503 and response.headers["retry-after"] == "1"
    assert _otlp_objects(drain) == []


def test_a_retried_request_is_stored_once(drain: Drain) -> None:
    body = gzip.compress(ExportLogsServiceRequest().SerializeToString() + b"", mtime=0)
    headers = {"Authorization": BASIC, "Content-Type": "application/x-protobuf", "Content-Encoding": "gzip"}
    for _ in range(3):
        assert (
            requests.post(f"{drain.url}/otlp/{PATH_TOKEN}/v1/logs", data=body, headers=headers).status_code
            == 200
        )
    assert len(_otlp_objects(drain)) == 1


def test_413_over_the_limit_compressed_or_inflated(start_drain) -> None:
    drain = start_drain(default_config(otlp_max_body_bytes=10_000))
    headers = {"Authorization": BASIC, "Content-Type": "application/x-protobuf"}
    url = f"{drain.url}/otlp/{PATH_TOKEN}/v1/logs"
    assert requests.post(url, data=b"\x00" * 10_001, headers=headers).status_code == 413
    bomb = gzip.compress(b"\x00" * 1_000_000)  # about 1 kB that inflates to 1 MB
    assert len(bomb) < 10_000
    assert requests.post(url, data=bomb, headers={**headers, "Content-Encoding": "gzip"}).status_code == 413
    zstd_bomb = zstandard.ZstdCompressor(level=19).compress(b"\x00" * 100_000_000)  # 100 MB in about 3 kB
    assert len(zstd_bomb) < 10_000
    zstd = requests.post(url, data=zstd_bomb, headers={**headers, "Content-Encoding": "zstd"})
    assert zstd.status_code == 413
    assert _otlp_objects(drain) == []


def test_paths_that_are_not_otlp_signals_are_404(drain: Drain) -> None:
    headers = {"Authorization": BASIC}
    for path in ("/otlp/v1/profiles", "/otlp/v2/logs", f"/otlp/{PATH_TOKEN}/extra/v1/logs", "/otlp/logs"):
        assert requests.post(drain.url + path, data=b"", headers=headers).status_code == 404, path
    assert _otlp_objects(drain) == []
    assert requests.get(drain.url + "/health", timeout=5).json()["otlp_not_found"] == 4


def test_a_request_retried_across_midnight_counts_once(start_drain) -> None:
    from heroku_assets.logs.otlp.partition import write_manifest

    midnight = dt.datetime(2026, 3, 5, tzinfo=dt.UTC)
    before = start_drain(clock=lambda: midnight - dt.timedelta(seconds=2))
    after = start_drain(clock=lambda: midnight + dt.timedelta(seconds=30))
    request = ExportLogsServiceRequest()
    records = request.resource_logs.add().scope_logs.add().log_records
    records.add(
        time_unix_nano=int((midnight - dt.timedelta(seconds=3)).timestamp()) * 10**9
    ).body.string_value = "a"
    records.add().body.string_value = "no time: dated by its receipt"
    body = request.SerializeToString()
    headers = {"Authorization": BASIC, "Content-Type": "application/x-protobuf", APP_HEADER: APP}
    for drain in (before, after):  # the first answer was lost; the exporter sent it again after midnight
        assert (
            requests.post(f"{drain.url}/otlp/{PATH_TOKEN}/v1/logs", data=body, headers=headers).status_code
            == 200
        )
    copies = _otlp_objects(after)
    assert [o.key.split("/")[1] for o in copies] == ["2026-03-04", "2026-03-05"]
    assert {o.metadata["days"] for o in copies} == {"2026-03-04"}
    manifest = write_manifest(after.store, APP, dt.date(2026, 3, 4), late_days=1)
    assert manifest.records == 2 and len(manifest.objects) == 1
    assert write_manifest(after.store, APP, dt.date(2026, 3, 5), late_days=1).records == 0
