"""OTLP requests through the drain spool: the OpenTelemetry SDK's OTLP/HTTP exporters post to a real
receiver (``drain serve`` processes, or the app on uvicorn in this process where a test sets the clock),
requests are acknowledged once fsynced and reach the raw store inside segments, and the Fir partition
and staging read them beside the per-request objects of older receivers: every record once."""

from __future__ import annotations

import base64
import collections
import datetime as dt
import io
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq
import requests
from opentelemetry.exporter.otlp.proto.http import Compression
from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter
from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import ExportLogsServiceRequest

from heroku_assets.capture.app import create_app
from heroku_assets.capture.segments import SpoolRunner
from heroku_assets.logs.otlp.mapping import APP_HEADER
from heroku_assets.logs.otlp.partition import read_manifest, write_manifest
from heroku_assets.logs.raw_partition import build_partition
from heroku_assets.logs.staging import stage_partition
from heroku_assets.storage import layout
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.capture import otel_sdk
from heroku_assets_tests.capture.conftest import APP, PASSWORD, PATH_TOKEN, USER, FlakyStore, default_config
from heroku_assets_tests.capture.receivers import Receiver, receiver_env, stored_records
from heroku_assets_tests.fakes.server import serve

BASIC = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
PROTOBUF = {"Authorization": BASIC, "Content-Type": "application/x-protobuf", APP_HEADER: APP}


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def _ns(day: dt.date, second: int) -> int:
    return int(dt.datetime.combine(day, dt.time(12, 0, second % 60), dt.UTC).timestamp()) * 10**9


def _target(url: str, **options: object) -> otel_sdk.Target:
    return otel_sdk.Target(f"{url}/otlp/{PATH_TOKEN}", {"Authorization": BASIC}, **options)  # type: ignore[arg-type]


def _logs(messages: list[str], day: dt.date) -> list:
    def emit(logger) -> None:
        for i, message in enumerate(messages):
            logger.emit(timestamp=_ns(day, i), body=message, severity_text="INFO")

    return otel_sdk.log_records(APP, emit)


def _staged(raw: LocalObjectStore, staging: LocalObjectStore, day: dt.date, tmp: Path):
    """Build and stage (APP, day); the result and the staged messages of app_events."""
    partition = build_partition(raw, APP, day, workdir=tmp)
    result = stage_partition(raw, staging, APP, day, workdir=tmp)
    table = pq.read_table(io.BytesIO(staging.get(result.tables["app_events"].key)), columns=["message"])
    return partition, result, collections.Counter(table.column("message").to_pylist())


def test_sdk_exporters_through_a_spooled_receiver_land_once_beside_per_request_objects(
    tmp_path: Path,
) -> None:
    day = _today() - dt.timedelta(days=1)
    receiver = Receiver(receiver_env(tmp_path, HEROKU_DRAIN_RECEIVER_ID="otlp")).start()
    proto, as_json = _target(receiver.url), _target(receiver.url, json=True, gzip=False)
    assert otel_sdk.export(proto, "logs", _logs([f"spooled {i}" for i in range(5)], day))
    assert otel_sdk.export(as_json, "logs", _logs(["spooled as json"], day))
    assert otel_sdk.export(
        proto, "metrics", otel_sdk.metrics_data(APP, lambda m: m.create_counter("c").add(2))
    )
    assert otel_sdk.export(proto, "traces", otel_sdk.spans(APP, lambda t: t.start_span("GET /").end()))
    # one request twice with the very same bytes, as an exporter retries one whose answer was lost
    request = ExportLogsServiceRequest()
    scope = request.resource_logs.add().scope_logs.add()
    scope.log_records.add(time_unix_nano=_ns(day, 7)).body.string_value = "retried"
    body = request.SerializeToString()
    for _ in range(2):
        response = requests.post(f"{receiver.url}/otlp/{PATH_TOKEN}/v1/logs", data=body, headers=PROTOBUF)
        assert response.status_code == 200
    health = receiver.health()
    assert (health["otlp_stored"], health["otlp_failed"]) == (6, 0)
    receiver.stop()  # SIGTERM: the open segment is sealed and shipped

    raw = LocalObjectStore(tmp_path / "raw")
    assert list(raw.list("otlp/")) == []  # nothing stored one object per request
    records = [r for _, r in stored_records(raw)]
    assert [r.kind for r in records] == ["otlp"] * 6 and {r.app for r in records} == {APP}
    assert sorted(r.headers["signal"] for r in records) == ["logs"] * 4 + ["metrics", "traces"]
    assert {r.headers["encoding"] for r in records} == {"pb", "json"}
    assert {r.headers.get("content_encoding") for r in records} == {"gzip", None}
    [segment] = raw.list("segment/")
    assert segment.metadata["kinds"] == "otlp"
    assert layout.parse_days(segment.metadata["days"]) == {day, _today()}  # dated after the answers

    # an older receiver without a spool stored requests one object each: one of them is also in the
    # segment (a retry that went to the other receiver), and counts once
    store = FlakyStore(tmp_path / "raw")
    with serve(create_app(store, default_config())) as old:
        assert otel_sdk.export(_target(old.url), "logs", _logs(["per request object"], day))
        response = requests.post(f"{old.url}/otlp/{PATH_TOKEN}/v1/logs", data=body, headers=PROTOBUF)
        assert response.status_code == 200
    assert len(list(raw.list("otlp/"))) == 2

    staging = LocalObjectStore(tmp_path / "staging")
    partition, result, messages = _staged(raw, staging, day, tmp_path)
    expected = {**{f"spooled {i}": 1 for i in range(5)}, "spooled as json": 1, "retried": 1}
    assert messages == {**expected, "per request object": 1}
    assert result.accounting_error is None
    assert int(raw.head(partition.key).metadata["otlp_records"]) == 8 == result.raw_lines
    assert partition.source_objects.count(segment.key) == 1
    # today: the metric point and the span, each in its table once
    _, today, _ = _staged(raw, staging, _today(), tmp_path)
    assert today.accounting_error is None and today.raw_lines == 2
    assert (today.tables["runtime_metrics"].rows, today.tables["spans"].rows) == (1, 1)


class _CountingSession(requests.Session):
    """The exporter's own HTTP session, counting the requests it makes (each attempt of an export)."""

    attempts = 0

    def request(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        type(self).attempts += 1
        return super().request(*args, **kwargs)


def test_kill_9_while_the_sdk_exports_loses_nothing_acknowledged_and_counts_each_record_once(
    tmp_path: Path,
) -> None:
    day = _today() - dt.timedelta(days=1)
    env = receiver_env(tmp_path, HEROKU_DRAIN_SEGMENT_SECONDS="0.3", HEROKU_DRAIN_RECEIVER_ID="kill")
    receiver = Receiver(env).start()
    acked: set[int] = set()
    sent: set[int] = set()
    done = threading.Event()

    def exporter_thread(first: int) -> None:
        # the SDK's exporter retries refused connections and 503s with backoff, up to its timeout
        exporter = OTLPLogExporter(
            endpoint=f"{receiver.url}/otlp/{PATH_TOKEN}/v1/logs",
            headers={"Authorization": BASIC},
            compression=Compression.Gzip,
            timeout=30,
            session=_CountingSession(),
        )
        n = first
        while not done.is_set():
            n += 1
            sent.add(n)
            batch = _logs([f"batch {n} record {j}" for j in range(3)], day)
            if exporter.export(batch).name == "SUCCESS":
                acked.add(n)
        exporter.shutdown()

    threads = [threading.Thread(target=exporter_thread, args=(i * 100_000,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for pause in (0.8, 0.4, 1.1):
        time.sleep(pause)
        receiver.kill()
        receiver.start()
    time.sleep(1.0)
    done.set()
    for thread in threads:
        thread.join(90)
    receiver.stop()

    assert len(acked) > 30
    assert _CountingSession.attempts > len(sent)  # the kills made the exporters send requests again
    raw = LocalObjectStore(tmp_path / "raw")
    staging = LocalObjectStore(tmp_path / "staging")
    partition, result, messages = _staged(raw, staging, day, tmp_path)
    for n in acked:
        for j in range(3):
            assert messages[f"batch {n} record {j}"] == 1, (n, j)
    # a request durable before its answer was lost lands too, and once: never a record twice
    assert max(messages.values()) == 1
    assert {int(m.split()[1]) for m in messages} <= sent
    assert result.accounting_error is None
    assert int(raw.head(partition.key).metadata["otlp_records"]) == sum(messages.values())
    assert not list((tmp_path / "spool").rglob("*.sealed")) and not list((tmp_path / "spool").rglob("*.open"))


def test_a_full_spool_answers_503_with_retry_after_and_the_exporter_retries_until_it_fits(
    tmp_path: Path,
) -> None:
    day = _today()
    first = _logs(["fills the spool " + "x" * 3000], day)
    env = receiver_env(
        tmp_path,
        HEROKU_DRAIN_SPOOL_MAX_BYTES="4000",
        HEROKU_DRAIN_SEGMENT_SECONDS="2",
        HEROKU_DRAIN_RECEIVER_ID="full",
    )
    receiver = Receiver(env).start()
    try:
        assert otel_sdk.export(_target(receiver.url, gzip=False), "logs", first)
        request = ExportLogsServiceRequest()
        request.resource_logs.add().scope_logs.add().log_records.add().body.string_value = "y" * 2000
        response = requests.post(
            f"{receiver.url}/otlp/{PATH_TOKEN}/v1/logs", data=request.SerializeToString(), headers=PROTOBUF
        )
        assert response.status_code == 503 and response.headers["Retry-After"] == "1"
        # the exporter meets the same 503, waits as told and sends again once the segment has shipped
        assert otel_sdk.export(
            _target(receiver.url, gzip=False), "logs", _logs(["after the wait " + "z" * 2000], day)
        )
        health = receiver.health()
        assert health["otlp_failed"] >= 2 and health["otlp_stored"] == 2
    finally:
        receiver.stop()
    raw = LocalObjectStore(tmp_path / "raw")
    _, result, messages = _staged(raw, LocalObjectStore(tmp_path / "staging"), day, tmp_path)
    assert messages == {"fills the spool " + "x" * 3000: 1, "after the wait " + "z" * 2000: 1}
    assert result.accounting_error is None


def test_a_request_retried_across_midnight_into_two_segments_counts_once(tmp_path: Path) -> None:
    midnight = dt.datetime(2026, 3, 5, tzinfo=dt.UTC)
    store = FlakyStore(tmp_path / "raw")
    request = ExportLogsServiceRequest()
    records = request.resource_logs.add().scope_logs.add().log_records
    before_midnight = int((midnight - dt.timedelta(seconds=3)).timestamp()) * 10**9
    records.add(time_unix_nano=before_midnight).body.string_value = "a"
    records.add().body.string_value = "no time: dated by its receipt"
    body = request.SerializeToString()
    for n, at in enumerate((midnight - dt.timedelta(seconds=2), midnight + dt.timedelta(seconds=30))):
        # the first answer was lost; the exporter sent it again after midnight, to another receiver
        runner = SpoolRunner(store, tmp_path / f"spool-{n}", f"r{n}")
        runner.start()
        try:
            with serve(create_app(store, default_config(), clock=lambda at=at: at, spool=runner)) as drain:
                url = f"{drain.url}/otlp/{PATH_TOKEN}/v1/logs"
                assert requests.post(url, data=body, headers=PROTOBUF).status_code == 200
        finally:
            runner.stop()
    segments = list(store.list("segment/"))
    assert [s.key.split("/")[1] for s in segments] == ["2026-03-04", "2026-03-05"]
    assert {s.metadata["days"] for s in segments} == {"2026-03-04"}
    manifest = write_manifest(store, APP, dt.date(2026, 3, 4), late_days=1)
    assert manifest.records == 2 and manifest.objects == [segments[0].key]  # the first received copy
    assert read_manifest(store, APP, dt.date(2026, 3, 4)) == [
        {"key": segments[0].key, "version": segments[0].version, "records": 2, "record": 0}
    ]
    assert write_manifest(store, APP, dt.date(2026, 3, 5), late_days=1).records == 0


def test_an_undecodable_request_in_a_segment_is_one_rejected_row(tmp_path: Path) -> None:
    store = FlakyStore(tmp_path / "raw")
    runner = SpoolRunner(store, tmp_path / "spool", "bad")
    runner.start()
    try:
        with serve(create_app(store, default_config(), spool=runner)) as drain:
            url = f"{drain.url}/otlp/{PATH_TOKEN}/v1/metrics"
            garbage = b"\xff\xfe not protobuf at all \x00"
            assert requests.post(url, data=garbage, headers=PROTOBUF).status_code == 200
    finally:
        runner.stop()
    [(_, record)] = list(stored_records(store))
    assert record.body == garbage and record.headers["decode_error"]
    day = dt.date.fromisoformat(next(iter(store.list("segment/"))).metadata["days"])
    staging = LocalObjectStore(tmp_path / "staging")
    build_partition(store, APP, day, workdir=tmp_path)
    result = stage_partition(store, staging, APP, day, workdir=tmp_path)
    assert result.accounting_error is None and result.raw_lines == 1
    assert result.tables["rejected_lines"].rows == 1
    assert result.tables["rejected_lines"].preview[0]["reason"].startswith("otlp_decode_error")


def test_otlp_records_are_dated_by_the_shipper_not_the_spool_writer(tmp_path: Path) -> None:
    from heroku_assets.capture.segment_days import appended_days, summarize
    from heroku_assets.capture.spool import Spool, summary_path
    from heroku_assets.received.records import Record, SegmentSummary

    day = dt.date(2026, 3, 4)
    request = ExportLogsServiceRequest()
    request.resource_logs.add().scope_logs.add().log_records.add(time_unix_nano=_ns(day, 1))
    received = dt.datetime(2026, 3, 6, 8, tzinfo=dt.UTC)
    headers = {"signal": "logs", "encoding": "pb"}
    sealed: list[Path] = []
    spool = Spool(tmp_path, on_sealed=sealed.append, dating=appended_days)
    spool.open()
    spool.submit(Record("otlp", APP, received, request.SerializeToString(), headers=headers)).result(10)
    spool.close()
    [segment] = sealed
    kept = SegmentSummary.loads(summary_path(segment).read_text())
    assert (kept.records, kept.undated, kept.days) == (1, 1, set())  # nothing decoded on the writer thread
    assert summarize(segment).days == {day}


def test_misaddressed_and_unmapped_requests_are_counted_logged_and_shipped(tmp_path: Path, caplog) -> None:
    """A drain registered with a full signal URL (the exporter appends /v1/logs again) gets 404s: the
    SDK drops the data, and the receiver counts, logs (masking the path token) and spools a bodiless
    record of each one that carries the drain's credentials. A space drain's request of no known app is
    stored under _unmapped and counted. Both reach the segment's metadata, from which the sensor's scan
    reports them; neither touches a partition."""
    from heroku_assets.logs.changes import ScanCursor, scan_changes

    store = FlakyStore(tmp_path / "raw")
    runner = SpoolRunner(store, tmp_path / "spool", "unreached")
    runner.start()
    try:
        with serve(create_app(store, default_config(), spool=runner)) as drain, caplog.at_level("WARNING"):
            misaddressed = otel_sdk.Target(f"{drain.url}/otlp/{PATH_TOKEN}/v1/logs", {"Authorization": BASIC})
            assert not otel_sdk.export(misaddressed, "logs", _logs(["lost"], _today()))
            no_credentials = requests.post(f"{drain.url}/otlp/{PATH_TOKEN}x/v1/logs/v1/logs", data=b"")
            assert no_credentials.status_code == 404  # counted, not spooled
            space = otel_sdk.log_records("unknown_service:python", lambda logger: logger.emit(body="no app"))
            assert otel_sdk.export(_target(drain.url), "logs", space)
            health = requests.get(f"{drain.url}/health", timeout=5).json()
    finally:
        runner.stop()
    assert (health["otlp_not_found"], health["otlp_unmapped"], health["otlp_stored"]) == (2, 1, 1)
    logged = [r.getMessage() for r in caplog.records if r.name == "heroku_assets.capture.otlp"]
    assert any("/otlp/*/v1/logs/v1/logs answered 404 (1 so far)" in m for m in logged), logged
    assert any("_unmapped (1 so far)" in m for m in logged), logged
    assert not any(PATH_TOKEN in m for m in logged)

    [segment] = store.list("segment/")
    assert (segment.metadata["not_found"], segment.metadata["unmapped"]) == ("1", "1")
    records = [record for _, record in stored_records(store)]
    assert sorted(r.kind for r in records) == ["not_found", "otlp"]
    not_found = next(r for r in records if r.kind == "not_found")
    assert not_found.body == b"" and not_found.headers["path"] == "/otlp/*/v1/logs/v1/logs"
    assert {r.app for r in records} == {layout.UNMAPPED_APP}

    scan = scan_changes(store, ScanCursor(), _today())
    assert scan.unreached == {"unmapped_requests": 1, "not_found_requests": 1}
    assert scan.partitions == [] and scan.apps == set()
