"""End to end for a Fir app: the OpenTelemetry SDK's own OTLP/HTTP exporters -> the running receiver ->
graceful stop -> sensor -> partition runs -> warehouse rows, each record exactly once, and re-derived
when the mapping changes."""

from __future__ import annotations

import base64
import datetime as dt

import dagster as dg
import duckdb
import pytest
import requests
from opentelemetry._logs import SeverityNumber
from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import BatchLogRecordProcessor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import PeriodicExportingMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor

from heroku_assets import cli
from heroku_assets.capture.app import create_app
from heroku_assets.capture.segments import SpoolRunner
from heroku_assets.defs.logs.jobs import JOB_NAME
from heroku_assets.defs.logs.ticks import TICK_JOB
from heroku_assets.defs.partitions import log_partition_key
from heroku_assets.logs.otlp import mapping
from heroku_assets.settings import load
from heroku_assets_tests.capture import otel_sdk
from heroku_assets_tests.capture.conftest import APP, PASSWORD, PATH_TOKEN, USER, FlakyStore, default_config
from heroku_assets_tests.defs.conftest import days_ago
from heroku_assets_tests.fakes.server import serve

TABLES = ("router_events", "app_events", "platform_events", "runtime_metrics", "spans", "rejected_lines")
HEADERS = {
    "Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode(),
    "Heroku-Assets-App": APP,
}
ROUTER_LINE = (
    'at=info method=GET path="/cart?id=1" host=my-app.herokuapp.com request_id=abc-{i} fwd="10.0.0.1" '
    "dyno=web-848cd4f64d-pvpr2 connect=1ms service=23ms status=200 bytes=512 protocol=https"
)


def _ns(day: dt.date, second: int) -> int:
    return int(dt.datetime.combine(day, dt.time(12, 0, second), dt.UTC).timestamp()) * 1_000_000_000


def _send_everything(base: str, day: dt.date) -> dict[str, int]:
    """Logs of ``day`` (app, router, runtime, API, metrics-in-a-body) and today's metrics and spans,
    through the SDK's batching pipelines, which flush on shutdown. Returns what was sent."""
    proto = otel_sdk.Target(base, HEADERS, json=False, gzip=True)
    as_json = otel_sdk.Target(base, HEADERS, json=True, gzip=True)
    sent = {"app": 0, "router": 0}
    tracer_provider = TracerProvider(resource=otel_sdk.resource(APP))
    tracer_provider.add_span_processor(BatchSpanProcessor(proto.exporter("traces")))
    tracer = tracer_provider.get_tracer("shop")

    def logger_for(service: str, target: otel_sdk.Target) -> tuple[LoggerProvider, object]:
        provider = LoggerProvider(resource=otel_sdk.resource(service))
        provider.add_log_record_processor(BatchLogRecordProcessor(target.exporter("logs")))
        return provider, provider.get_logger(service)

    app_provider, app_logger = logger_for(APP, proto)
    with tracer.start_as_current_span("GET /cart"):
        with tracer.start_as_current_span("render"):
            for i in range(200):
                app_logger.emit(
                    timestamp=_ns(day, i % 60),
                    body=f"rendered cart {i}",
                    severity_number=SeverityNumber.INFO,
                    severity_text="INFO",
                    attributes={"cart.items": i},
                )
                sent["app"] += 1
        app_logger.emit(timestamp=_ns(day, 1), body="source=DATABASE sample#db_size=42MB sample#tables=7")
    router_provider, router_logger = logger_for("heroku-router", as_json)
    for i in range(50):
        router_logger.emit(timestamp=_ns(day, i), body=ROUTER_LINE.format(i=i))
        sent["router"] += 1
    # a router record with structured HTTP attributes and no logfmt body
    router_logger.emit(
        timestamp=_ns(day, 2),
        body="",
        attributes={"http.request.method": "POST", "url.path": "/pay", "http.response.status_code": 503},
    )
    runtime_provider, runtime_logger = logger_for("heroku-runtime", proto)
    runtime_logger.emit(timestamp=_ns(day, 3), body="State changed from starting to up")
    runtime_logger.emit(timestamp=_ns(day, 4), body="")  # no body, no attributes: rejected
    api_provider, api_logger = logger_for("heroku-api", proto)
    api_logger.emit(timestamp=_ns(day, 5), body="Release v42 created by user ops@example.com")
    for provider in (app_provider, router_provider, runtime_provider, api_provider):
        provider.shutdown()
    tracer_provider.shutdown()

    meter_provider = MeterProvider(
        resource=otel_sdk.resource(APP),
        metric_readers=[
            PeriodicExportingMetricReader(proto.exporter("metrics"), export_interval_millis=60_000)
        ],
    )
    meter = meter_provider.get_meter("shop")
    meter.create_counter("http.requests", unit="{request}").add(5, {"route": "/cart"})
    meter.create_histogram("http.server.duration", unit="ms").record(12.5)
    meter_provider.shutdown()
    return sent


def _counts(data_dir) -> dict[str, int]:
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t} WHERE app = ?", [APP]).fetchone()[0] for t in TABLES
        }  # noqa: S608


def _query(data_dir, sql: str) -> list[tuple]:
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.parametrize("spooled", [True, False], ids=["spool", "object-per-request"])
def test_fir_telemetry_lands_in_the_warehouse_once(definitions, instance, resources, project_env, spooled):
    day = days_ago(1)
    today = dt.datetime.now(dt.UTC).date()
    store = FlakyStore(load().raw_dir)
    spool = SpoolRunner(store, project_env / "spool", "fir") if spooled else None
    if spool is not None:
        spool.start()
    with serve(create_app(store, default_config(), spool=spool)) as served:
        base = f"{served.url}/otlp/{PATH_TOKEN}"
        sent = _send_everything(base, day)
        garbage = requests.post(
            f"{base}/v1/logs",
            data=b"\x08\x96\x01 definitely not a request",
            headers={**HEADERS, "Content-Type": "application/x-protobuf"},
            timeout=10,
        )
        assert garbage.status_code == 200
    if spool is not None:
        spool.stop()  # as on SIGTERM: the open segment is sealed and shipped
    # the server has stopped gracefully: everything acknowledged is in the raw store
    assert list(store.list("segment/" if spooled else "otlp/"))
    assert not list(store.list("otlp/" if spooled else "segment/"))

    sensor = definitions.resolve_sensor_def("raw_objects_sensor")
    with dg.build_sensor_context(
        instance=instance, resources={"stores": resources["stores"]}, definitions=definitions
    ) as context:
        tick = sensor(context)
    instance.add_dynamic_partitions("heroku_apps", [APP])
    job = definitions.resolve_job_def(JOB_NAME)
    if spooled:  # segments: one tick appends them, for every app and day
        assert [r.job_name for r in tick.run_requests] == [TICK_JOB]
        assert definitions.resolve_job_def(TICK_JOB).execute_in_process(instance=instance).success
    else:  # objects of their own: each day they touch is rebuilt
        requested = {
            (r.partition_key.keys_by_dimension["app"], r.partition_key.keys_by_dimension["date"])
            for r in tick.run_requests
        }
        assert requested == {(APP, day.isoformat()), (APP, today.isoformat())}
        for request in tick.run_requests:
            result = job.execute_in_process(partition_key=request.partition_key, instance=instance)
            assert result.success
            checks = result.get_asset_check_evaluations()
            assert checks and all(c.passed for c in checks)

    counts = _counts(project_env)
    assert counts == {
        "router_events": sent["router"] + 1,
        "app_events": sent["app"],
        "platform_events": 2,  # the state change and the release
        # two samples of the body; a counter point; a histogram's count, sum, min and max
        "runtime_metrics": 2 + 1 + 4,
        "spans": 2,
        "rejected_lines": 2,  # the empty runtime record and the undecodable request
    }
    router = _query(
        project_env,
        "SELECT method, path, host, request_id, status, service_ms, dyno FROM router_events "
        "WHERE request_id = 'abc-1'",
    )
    assert router == [("GET", "/cart?id=1", "my-app.herokuapp.com", "abc-1", 200, 23, "web-848cd4f64d-pvpr2")]
    assert _query(project_env, "SELECT method, path, status FROM router_events WHERE status = 503") == [
        ("POST", "/pay", 503)
    ]
    app_rows = _query(
        project_env,
        "SELECT dyno, process_type, json_extract_string(extra, '$.trace_id'), "
        "json_extract_string(extra, '$.severity_text') FROM app_events WHERE message = 'rendered cart 7'",
    )
    (dyno, process_type, trace_id, severity), *_ = app_rows
    assert (dyno, process_type, severity) == ("web-848cd4f64d-pvpr2", "web", "INFO")
    spans = dict(_query(project_env, "SELECT name, parent_span_id FROM spans"))
    assert spans["GET /cart"] is None and spans["render"] is not None
    assert _query(project_env, "SELECT DISTINCT trace_id FROM spans") == [(trace_id,)]
    assert _query(
        project_env, "SELECT event_type, release_version, actor FROM platform_events ORDER BY 1"
    ) == [
        ("release", 42, "ops@example.com"),
        ("state_change", None, None),
    ]
    metrics = dict(_query(project_env, "SELECT metric, value FROM runtime_metrics"))
    assert metrics["db_size"] == 42 and metrics["http.requests"] == 5
    assert metrics["http.server.duration.count"] == 1 and metrics["http.server.duration.sum"] == 12.5
    reasons = sorted(r for (r,) in _query(project_env, "SELECT reason FROM rejected_lines"))
    assert reasons[0].startswith("otlp_decode_error") and reasons[1].startswith("otlp_empty_record")
    # A resource is held whole by one row per table and partition; every row finds its own by id.
    for table, column in (("app_events", "extra"), ("runtime_metrics", "extra"), ("spans", "attributes")):
        holders = _query(
            project_env,
            f"SELECT event_date, json_extract_string({column}, '$.resource.\"service.name\"') FROM {table} "  # noqa: S608
            f"WHERE json_extract({column}, '$.resource') IS NOT NULL",
        )
        assert sorted(holders) == sorted({(d, APP) for d, _ in holders}), table  # one per day
        orphans = _query(
            project_env,
            f"SELECT count(*) FROM {table} e WHERE NOT EXISTS (SELECT 1 FROM {table} r "  # noqa: S608
            f"WHERE r.app = e.app AND r.event_date = e.event_date AND json_extract(r.{column}, '$.resource') "
            f"IS NOT NULL AND json_extract_string(r.{column}, '$.resource_id') = "
            f"json_extract_string(e.{column}, '$.resource_id'))",
        )
        assert orphans == [(0,)], table

    # Running a day again (the rebuild path) leaves the same rows: records are never counted twice.
    partition = log_partition_key(APP, day)
    assert job.execute_in_process(partition_key=partition, instance=instance).success
    assert _counts(project_env) == counts


def test_a_mapping_fix_re_derives_the_rows_of_a_day(project_env, monkeypatch, capsys):
    """Through `heroku-assets run`, as an operator would after changing the mapping."""
    day = days_ago(1)
    store = FlakyStore(load().raw_dir)
    with serve(create_app(store, default_config())) as served:
        target = otel_sdk.Target(f"{served.url}/otlp/{PATH_TOKEN}", HEADERS)

        def emit(logger) -> None:
            for i in range(10):
                logger.emit(timestamp=_ns(day, i), body=ROUTER_LINE.format(i=i))

        assert otel_sdk.export(target, "logs", otel_sdk.log_records("heroku-edge", emit))
    # The router's service name is not the one expected: its records are app lines...
    assert cli.main(["run", "--no-summary"]) == 0, capsys.readouterr().err
    assert (_counts(project_env)["app_events"], _counts(project_env)["router_events"]) == (10, 0)
    # ...until the mapping names it; running the day again re-derives its rows from the stored requests.
    monkeypatch.setattr(mapping, "ROUTER_SERVICES", frozenset({"heroku-router", "heroku-edge"}))
    assert cli.main(["run", "--no-summary", "--app", APP, "--date", day.isoformat()]) == 0
    assert (_counts(project_env)["app_events"], _counts(project_env)["router_events"]) == (0, 10)


def test_requests_that_reach_no_app_are_reported_on_the_received_logs(
    definitions, instance, resources, project_env
):
    """A misaddressed drain (404) and a space drain's request of no known app touch no partition, yet
    the sensor's observation of heroku/received_logs counts them."""
    store = FlakyStore(load().raw_dir)
    spool = SpoolRunner(store, project_env / "spool", "fir")
    spool.start()
    try:
        with serve(create_app(store, default_config(), spool=spool)) as served:
            misaddressed = otel_sdk.Target(f"{served.url}/otlp/{PATH_TOKEN}/v1/logs", HEADERS)
            assert not otel_sdk.export(
                misaddressed, "logs", otel_sdk.log_records(APP, lambda log: log.emit(body="x"))
            )
            space = otel_sdk.Target(
                f"{served.url}/otlp/{PATH_TOKEN}", {"Authorization": HEADERS["Authorization"]}
            )
            records = otel_sdk.log_records("unknown_service:python", lambda log: log.emit(body="no app"))
            assert otel_sdk.export(space, "logs", records)
    finally:
        spool.stop()
    sensor = definitions.resolve_sensor_def("raw_objects_sensor")
    with dg.build_sensor_context(
        instance=instance, resources={"stores": resources["stores"]}, definitions=definitions
    ) as context:
        tick = sensor(context)
    assert tick.run_requests == []
    (observation,) = tick.asset_events
    assert observation.asset_key == dg.AssetKey(["heroku", "received_logs"])
    metadata = {k: v.value for k, v in observation.metadata.items()}
    assert metadata == {"partitions_touched": 0, "apps": 0, "unmapped_requests": 1, "not_found_requests": 1}
