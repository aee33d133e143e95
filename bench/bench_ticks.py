"""Ticks for a fleet: what keeping a whole fleet fresh costs, through a real receiver and the tick job.

``--case fleet``: 20 apps whose drain bodies interleave, N lines in all (default 1,000,000), posted to a
real ``heroku-assets drain serve`` process; the day delivered in 12 slices with a tick after each,
against the same day delivered whole and one tick. Target: the 12 ticks cost at most 1.5 times the one.
``--case many-apps``: 200 apps with a few lines each (default 50), one tick. Target: at most 10 s.

Each tick runs in a child process (the tick job, as the sensor launches it); the figure is the job's
own time, without the process start. The warehouse is the embedded DuckDB, kept between ticks.

    .venv/bin/python bench/bench_ticks.py [--case fleet|many-apps|both] [--lines 1000000] [--slices 12]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

USER, PASSWORD = "bench", "bench-password"


def _bodies(apps: list[str], lines_per_app: int, day: dt.date, frames: int = 100) -> list[tuple[str, bytes]]:
    """Every app's lines of ``day`` as drain bodies of ``frames`` frames, interleaved app by app."""
    from heroku_assets.sample.drain import syslog_frame
    from heroku_assets.sample.generator import generate_day

    per_app = []
    for n, app in enumerate(apps):
        bodies, pending = [], []
        for line in generate_day(app, day, lines_per_app, seed=n + 1):
            pending.append(syslog_frame(line))
            if len(pending) == frames:
                bodies.append((app, b"".join(b"%d %b\n" % (len(f), f) for f in pending)))
                pending = []
        if pending:
            bodies.append((app, b"".join(b"%d %b\n" % (len(f), f) for f in pending)))
        per_app.append(bodies)
    out = []
    for i in range(max(len(b) for b in per_app)):
        out += [bodies[i] for bodies in per_app if i < len(bodies)]
    return out


def _post(data_dir: Path, bodies: list[tuple[str, bytes]], receiver: str) -> float:
    """Post ``bodies`` to a fresh ``drain serve`` process from 8 connections, then stop it (SIGTERM),
    which seals and ships its segment. Returns the seconds the POSTs took."""
    import hashlib

    import requests

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_DRAIN_", "HEROKU_ASSETS_"))}
    env.update(
        HEROKU_ASSETS_DATA_DIR=str(data_dir),
        HEROKU_DRAIN_USER=USER,
        HEROKU_DRAIN_PASSWORD=PASSWORD,
        HEROKU_DRAIN_RECEIVER_ID=receiver,
    )
    command = [sys.executable, "-m", "heroku_assets.cli", "drain", "serve", "--port", str(port)]
    server = subprocess.Popen([*command, "--log-level", "warning"], env=env)
    base = f"http://127.0.0.1:{port}"
    local = threading.local()
    try:
        for _ in range(300):
            try:
                requests.get(f"{base}/health", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        started = time.perf_counter()

        def send(item: tuple[str, bytes]) -> int:
            app, body = item
            session = getattr(local, "session", None) or requests.Session()
            local.session = session
            headers = {
                "Logplex-Frame-Id": hashlib.sha256(body).hexdigest()[:32].upper(),
                "Logplex-Msg-Count": str(body.count(b"<")),
                "Content-Type": "application/logplex-1",
            }
            url = f"{base}/logs?app={app}"
            return session.post(url, data=body, headers=headers, auth=(USER, PASSWORD)).status_code

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(send, bodies))
        posted = time.perf_counter() - started
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(300)
    if set(statuses) != {204}:
        raise SystemExit(f"the receiver did not take every body: {sorted(set(statuses))}")
    return posted


def _child(data_dir: str) -> None:
    """Runs in the measured process: one tick, as the sensor launches it."""
    os.environ["HEROKU_ASSETS_DATA_DIR"] = data_dir
    import dagster as dg

    from heroku_assets.definitions import defs
    from heroku_assets.defs.logs.ticks import TICK, TICK_JOB

    with dg.instance_for_test() as instance:
        job = defs().resolve_job_def(TICK_JOB)
        started = time.perf_counter()
        result = job.execute_in_process(instance=instance)
        total = time.perf_counter() - started
        event = instance.get_latest_materialization_event(TICK)
        meta = {k: v.value for k, v in event.asset_materialization.metadata.items()} if event else {}
    print(json.dumps({"success": result.success, "job_s": total, "metadata": meta}, default=str))


def _tick(data_dir: Path) -> dict:
    child = subprocess.run(
        [sys.executable, __file__, "--child", str(data_dir)],
        capture_output=True,
        text=True,
        env={**os.environ, "DAGSTER_HOME": ""},
    )
    if child.returncode != 0:
        print(child.stderr[-4000:], file=sys.stderr)
        raise SystemExit(1)
    report = json.loads(child.stdout.strip().splitlines()[-1])
    if not report["success"]:
        raise SystemExit("a tick failed")
    return report


def _rows(data_dir: Path) -> int:
    import duckdb

    tables = ("router_events", "app_events", "platform_events", "runtime_metrics", "rejected_lines")
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as conn:
        return sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)  # noqa: S608


def fleet(lines: int, slices: int, apps_count: int = 20) -> bool:
    day = dt.datetime.now(dt.UTC).date()
    apps = [f"fleet-app-{n:02d}" for n in range(apps_count)]
    bodies = _bodies(apps, lines // apps_count, day)
    print(f"fleet: {apps_count} apps, {lines:,} lines of {day} as {len(bodies):,} interleaved bodies")
    with tempfile.TemporaryDirectory(prefix="bench-ticks-") as tmp:
        whole = Path(tmp) / "whole"
        posted = _post(whole, bodies, "whole")
        one = _tick(whole)
        print(
            f"  delivered whole ({posted:.1f} s of POSTs), one tick: {one['job_s']:.1f} s, "
            f"{one['metadata'].get('statements')} statements, {_rows(whole):,} rows"
        )
        sliced = Path(tmp) / "sliced"
        size = -(-len(bodies) // slices)
        times = []
        for k in range(slices):
            _post(sliced, bodies[k * size : (k + 1) * size], f"slice{k}")
            report = _tick(sliced)
            times.append(report["job_s"])
        print(
            f"  delivered in {slices} slices, a tick after each: {sum(times):.1f} s in all "
            f"(each {min(times):.1f} to {max(times):.1f} s), {_rows(sliced):,} rows"
        )
        if _rows(sliced) != _rows(whole):
            print("  the sliced day's rows differ from the whole day's", file=sys.stderr)
            return False
    ratio = sum(times) / one["job_s"]
    print(
        f"  {slices} ticks / one tick: {ratio:.2f}x -> target <= 1.5x {'met' if ratio <= 1.5 else 'NOT met'}"
    )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  peak RSS of a child so far: {peak:.0f} MiB")
    return True


def many_apps(apps_count: int, lines_per_app: int) -> bool:
    day = dt.datetime.now(dt.UTC).date()
    apps = [f"many-app-{n:03d}" for n in range(apps_count)]
    bodies = _bodies(apps, lines_per_app, day)
    with tempfile.TemporaryDirectory(prefix="bench-ticks-") as tmp:
        data = Path(tmp) / "data"
        _post(data, bodies, "many")
        report = _tick(data)
        idle = _tick(data)
    seconds = report["job_s"]
    meta = report["metadata"]
    print(
        f"many apps: {apps_count} apps x {lines_per_app} lines, one tick: {seconds:.1f} s "
        f"({meta.get('app_days')} app-days, {meta.get('lines_appended')} lines, {meta.get('statements')} "
        f"statements) -> target <= 10 s {'met' if seconds <= 10 else 'NOT met'}; "
        f"a tick with nothing new: {idle['job_s']:.1f} s"
    )
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=("fleet", "many-apps", "both"), default="both")
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--slices", type=int, default=12)
    parser.add_argument("--apps", type=int, default=200)
    parser.add_argument("--lines-per-app", type=int, default=50)
    parser.add_argument("--child", metavar="DATA_DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return 0
    ok = True
    if args.case in ("many-apps", "both"):
        ok &= many_apps(args.apps, args.lines_per_app)
    if args.case in ("fleet", "both"):
        ok &= fleet(args.lines, args.slices)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
