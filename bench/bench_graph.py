"""One app-day through the whole graph: raw partition, parse and stage, warehouse load (DuckDB).

Generates N lines (default 1,000,000) of one app and day with the sample generator and gets them into
the raw store, then runs the partition job in a child process and reports its wall time, each step's
time and the child's peak RSS. Targets: at most 20 s and 1 GiB on a 2-core machine.

``--source import``: the lines imported as one dump, through the partition job (the rebuild path, which
imports take). ``--source drain``: the same lines as drain bodies of 100 frames each, posted to a real
``heroku-assets drain serve`` process (its spool ships them as segments when it is stopped), through the
tick job (the way drain lines reach the warehouse); target: at most 1.25 times the import's job time.
``--source both`` runs the two one after the other and compares them.

    .venv/bin/python bench/bench_graph.py [--lines 1000000] [--source import|drain|both]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

APP = "bench-app"


def _generate(path: Path, lines: int, day: dt.date) -> None:
    from heroku_assets.sample.generator import generate_day

    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for line in generate_day(APP, day, lines, seed=7):
            out.write(line.text)
            out.write("\n")


def _child(data_dir: str, day: str) -> None:
    """Runs in the measured process, as the sensor would launch it: a tick when the raw store holds
    segments, else the partition job of the day."""
    os.environ["HEROKU_ASSETS_DATA_DIR"] = data_dir
    import dagster as dg

    from heroku_assets.definitions import defs
    from heroku_assets.defs.logs.jobs import JOB_NAME
    from heroku_assets.defs.logs.ticks import TICK_JOB
    from heroku_assets.defs.partitions import heroku_apps, log_partition_key

    ticks = (Path(data_dir) / "raw" / "segment").exists()
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(heroku_apps.name, [APP])
        job = defs().resolve_job_def(TICK_JOB if ticks else JOB_NAME)
        started = time.perf_counter()
        key = None if ticks else log_partition_key(APP, dt.date.fromisoformat(day))
        result = job.execute_in_process(partition_key=key, instance=instance)
        total = time.perf_counter() - started
        steps = {}
        for event in result.all_events:
            if event.is_step_success:
                steps[event.step_key] = event.event_specific_data.duration_ms / 1000
        checks = [(e.check_name, e.passed) for e in result.get_asset_check_evaluations()]
    job_name = (
        "tick job (read, parse, stage, append)" if ticks else "partition job (raw -> parse/stage -> load)"
    )
    print(
        json.dumps(
            {"success": result.success, "job": job_name, "job_s": total, "steps": steps, "checks": checks}
        )
    )


def _post_all(data_dir: Path, lines: int, day: dt.date) -> tuple[int, int, float]:
    """The day's lines as drain bodies of 100 frames, posted to a real receiver process from 8
    connections; the receiver is then stopped (SIGTERM), which seals and ships its last segment.
    Returns (bodies, segments, seconds)."""
    import concurrent.futures
    import signal
    import socket

    import requests

    from heroku_assets.sample.drain import drain_token, frame_id, syslog_frame
    from heroku_assets.sample.generator import generate_day

    token = drain_token(APP)
    bodies = []
    frames: list[bytes] = []
    for line in generate_day(APP, day, lines, seed=7):
        frames.append(syslog_frame(line))
        if len(frames) == 100:
            bodies.append(b"".join(b"%d %b\n" % (len(f), f) for f in frames))
            frames = []
    if frames:
        bodies.append(b"".join(b"%d %b\n" % (len(f), f) for f in frames))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_DRAIN_", "HEROKU_ASSETS_"))}
    env.update(
        HEROKU_ASSETS_DATA_DIR=str(data_dir),
        HEROKU_DRAIN_USER="bench",
        HEROKU_DRAIN_PASSWORD="bench-password",
        HEROKU_DRAIN_APPS=f"{token}={APP}",
        HEROKU_DRAIN_RECEIVER_ID="bench",
    )
    command = [sys.executable, "-m", "heroku_assets.cli", "drain", "serve", "--port", str(port)]
    server = subprocess.Popen([*command, "--log-level", "warning"], env=env)
    url = f"http://127.0.0.1:{port}/logs"
    try:
        for _ in range(300):
            try:
                requests.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        started = time.perf_counter()
        local = threading.local()

        def send(body: bytes) -> int:
            session = getattr(local, "session", None) or requests.Session()
            local.session = session
            headers = {
                "Logplex-Frame-Id": frame_id(body, token),
                "Logplex-Drain-Token": token,
                "Logplex-Msg-Count": "100",
                "Content-Type": "application/logplex-1",
            }
            response = session.post(url, data=body, headers=headers, auth=("bench", "bench-password"))
            return response.status_code

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(send, bodies))
        posted = time.perf_counter() - started
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(300)
    if set(statuses) != {204}:
        raise SystemExit(f"the receiver did not take every body: {sorted(set(statuses))}")
    segments = sum(1 for _ in (data_dir / "raw" / "segment").rglob("*.seg"))
    return len(bodies), segments, posted


def _run_job(data_dir: Path, day: dt.date) -> tuple[dict, float, float]:
    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, __file__, "--child", str(data_dir), day.isoformat()],
        capture_output=True,
        text=True,
        env={**os.environ, "DAGSTER_HOME": ""},
    )
    wall = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if child.returncode != 0:
        print(child.stderr[-4000:], file=sys.stderr)
        raise SystemExit(1)
    return json.loads(child.stdout.strip().splitlines()[-1]), wall, peak_mib


def _report(report: dict, wall: float, peak_mib: float) -> None:
    print(f"{report['job']}: {report['job_s']:.1f} s in the job, {wall:.1f} s wall with process start")
    for step, seconds in report["steps"].items():
        print(f"  {step:<28} {seconds:6.1f} s")
    print(f"peak RSS of the job processes so far: {peak_mib:.0f} MiB")
    failed = sorted({name for name, passed in report["checks"] if not passed})
    print(f"checks: {len(report['checks'])} evaluated, failed: {', '.join(failed) or 'none'}")
    print(
        f"targets: run <= 20 s -> {'met' if report['job_s'] <= 20 else 'NOT met'}; "
        f"<= 1024 MiB -> {'met' if peak_mib <= 1024 else 'NOT met'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--source", choices=("import", "drain", "both"), default="import")
    parser.add_argument("--child", nargs=2, metavar=("DATA_DIR", "DAY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return 0

    day = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
    print(f"lines: {args.lines:,} of one app-day ({day})")
    jobs: dict[str, float] = {}
    ok = True
    if args.source in ("import", "both"):
        ok &= _import_run(args.lines, day, jobs)
    if args.source in ("drain", "both"):
        with tempfile.TemporaryDirectory(prefix="bench-graph-") as tmp:
            data_dir = Path(tmp) / "data"
            bodies, segments, posted = _post_all(data_dir, args.lines, day)
            print(
                f"drain: {bodies:,} bodies posted to `drain serve` in {posted:.1f} s "
                f"({bodies / posted:.0f} POSTs/s), shipped as {segments} segment(s)"
            )
            report, wall, peak = _run_job(data_dir, day)
            _report(report, wall, peak)
            jobs["drain"] = report["job_s"]
            ok &= report["success"]
    if "import" in jobs and "drain" in jobs:
        ratio = jobs["drain"] / jobs["import"]
        print(
            f"drain / import job time: {ratio:.2f}x -> target <= 1.25x "
            f"{'met' if ratio <= 1.25 else 'NOT met'}"
        )
    return 0 if ok else 1


def _import_run(lines: int, day: dt.date, jobs: dict[str, float]) -> bool:
    from heroku_assets.capture.imports import import_file
    from heroku_assets.storage.local import LocalObjectStore

    with tempfile.TemporaryDirectory(prefix="bench-graph-") as tmp:
        data_dir = Path(tmp) / "data"
        dump = Path(tmp) / "day.log"
        started = time.perf_counter()
        _generate(dump, lines, day)
        generated = time.perf_counter() - started
        started = time.perf_counter()
        import_file(LocalObjectStore(data_dir / "raw"), dump, APP)
        imported = time.perf_counter() - started
        print(f"import: generate {generated:.1f} s, import into the raw store {imported:.1f} s")
        report, wall, peak = _run_job(data_dir, day)
    _report(report, wall, peak)
    jobs["import"] = report["job_s"]
    return report["success"]


if __name__ == "__main__":
    sys.exit(main())
