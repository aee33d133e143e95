"""Fir telemetry throughput: OTLP/HTTP log requests (protobuf, gzip) POSTed to the receiver on loopback,
stored before each answer, then one day's partition built and staged (the records decoded and mapped to
the tables), with the records per second of each step and the process's peak resident memory.

    .venv/bin/python bench/bench_otlp.py [--requests 200] [--records 500] [--spool]

``--spool``: the receiver appends each request to its spool and answers after the fsync, as ``drain
serve`` does (the segment is shipped when it stops); without it each request is stored as its own object.

Each request holds ``--records`` log records: four in five app lines, one in five router logfmt lines (the
router's own service, placed by the app header). Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests  # noqa: E402
from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import ExportLogsServiceRequest  # noqa: E402
from opentelemetry.proto.common.v1.common_pb2 import AnyValue, KeyValue  # noqa: E402

from heroku_assets.capture.app import create_app  # noqa: E402
from heroku_assets.capture.drain_config import DrainConfig  # noqa: E402
from heroku_assets.capture.segments import SpoolRunner  # noqa: E402
from heroku_assets.logs.raw_partition import build_partition  # noqa: E402
from heroku_assets.logs.staging import stage_partition  # noqa: E402
from heroku_assets.storage.local import LocalObjectStore  # noqa: E402
from heroku_assets_tests.fakes.server import serve  # noqa: E402

TOKEN = "bench-path-token-0123456789"
APP = "bench-app"
ROUTER = (
    "at=info method=GET path=/items/{i} host=bench-app.herokuapp.com request_id={r} fwd=10.0.0.1 "
    "dyno=web-848cd4f64d-pvpr2 connect=0ms service={i}ms status=200 bytes=1024 protocol=https"
)


def _request(day: dt.date, index: int, records: int) -> bytes:
    start = int(dt.datetime.combine(day, dt.time(), dt.UTC).timestamp()) * 1_000_000_000
    request = ExportLogsServiceRequest()
    for service, share in ((APP, 4), ("heroku-router", 1)):
        resource_logs = request.resource_logs.add()
        resource_logs.resource.attributes.extend(
            [
                KeyValue(key="service.name", value=AnyValue(string_value=service)),
                KeyValue(key="service.instance.id", value=AnyValue(string_value="web-848cd4f64d-pvpr2")),
            ]
        )
        scope = resource_logs.scope_logs.add()
        for i in range(records * share // 5):
            record = scope.log_records.add(time_unix_nano=start + (index * records + i) * 1_000_000)
            if service == APP:
                record.body.string_value = f"served item {i} for user {index}"
                record.severity_text = "INFO"
                record.trace_id = (index * records + i).to_bytes(16, "big")
            else:
                record.body.string_value = ROUTER.format(i=i, r=f"{index}-{i}")
    return gzip.compress(request.SerializeToString(), compresslevel=6)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--spool", action="store_true", help="through the spool, as drain serve runs")
    args = parser.parse_args()
    day = dt.datetime.now(dt.UTC).date()
    bodies = [_request(day, i, args.records) for i in range(args.requests)]
    total = sum(ExportLogsServiceRequest.FromString(gzip.decompress(b)).ByteSize() for b in bodies[:1])
    records = args.requests * args.records
    config = DrainConfig(path_token=TOKEN)
    headers = {
        "Content-Type": "application/x-protobuf",
        "Content-Encoding": "gzip",
        "heroku-assets-app": APP,
    }
    with tempfile.TemporaryDirectory() as tmp:
        raw, staging = LocalObjectStore(Path(tmp) / "raw"), LocalObjectStore(Path(tmp) / "staging")
        spool = SpoolRunner(raw, Path(tmp) / "spool", "bench") if args.spool else None
        if spool is not None:
            spool.start()
        with serve(create_app(raw, config, spool=spool)) as served, requests.Session() as session:
            url = f"{served.url}/otlp/{TOKEN}/v1/logs"
            started = time.perf_counter()
            for body in bodies:
                assert session.post(url, data=body, headers=headers, timeout=30).status_code == 200
            receive = time.perf_counter() - started
        if spool is not None:
            spool.stop()  # seals and ships the segment
        started = time.perf_counter()
        built = build_partition(raw, APP, day)
        build = time.perf_counter() - started
        started = time.perf_counter()
        staged = stage_partition(raw, staging, APP, day)
        stage = time.perf_counter() - started
        assert staged.accounting_error is None and staged.raw_lines == records, staged.accounting_error
        assert len(built.source_objects) == (1 if args.spool else args.requests)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.requests} requests x {args.records} records ({total / 1024:.0f} KiB each, uncompressed)")
    rate = f"{records / receive:10,.0f} records/s  {args.requests / receive:7.1f} req/s"
    print(f"receive (decode, {'spool' if args.spool else 'store'}, answer) {rate}")
    print(f"build partition (count, manifest) {records / build:8,.0f} records/s")
    print(f"stage (decode, map, Parquet)    {records / stage:10,.0f} records/s")
    print(f"peak resident memory            {peak:10,.0f} MiB")


if __name__ == "__main__":
    main()
