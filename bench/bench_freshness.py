"""Freshness with the real daemon: how long a line takes from its POST to a row a query can see.

Starts, on the embedded default in a temporary folder: a ``heroku-assets drain serve`` receiver, and
``dagster-daemon run`` on the project's workspace with the sensor on (its shortest interval, 30 s) and the
instance's queued run coordinator. Then posts lines at a steady rate (default 1,000 lines/s, in bodies of
100) for some minutes, each line carrying its POST time. While that runs, and until every line is in, it
polls the warehouse and notes when each line first showed up. Target: p95 at most 3 minutes, p99 at most 5.

What a line waits for: its segment to be sealed (``HEROKU_DRAIN_SEGMENT_SECONDS``, 60 s by default), the
sensor's next evaluation, the queue, the tick's process start, the tick itself.

    .venv/bin/python bench/bench_freshness.py [--minutes 15] [--rate 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
APP = "fresh-app"
USER, PASSWORD = "bench", "bench-password"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _poster(url: str, rate: int, minutes: float, stop: threading.Event, sent: list[int]) -> None:
    """Bodies of 100 lines at ``rate`` lines/s; line ``n`` says ``line n posted <epoch ms>``."""
    import requests

    session = requests.Session()
    n = 0
    started = time.monotonic()
    per_body = 100
    while not stop.is_set() and time.monotonic() - started < minutes * 60:
        at = dt.datetime.now(dt.UTC)
        stamp = at.isoformat(timespec="microseconds")
        frames = []
        for _ in range(per_body):
            ms = int(time.time() * 1000)
            payload = f"<190>1 {stamp} host app web.1 - line {n} posted {ms}"
            frames.append(f"{len(payload.encode())} {payload}\n")
            n += 1
        body = "".join(frames).encode()
        headers = {"Content-Type": "application/logplex-1", "Logplex-Msg-Count": str(per_body)}
        response = session.post(url, data=body, headers=headers, auth=(USER, PASSWORD), timeout=10)
        if response.status_code != 204:
            raise SystemExit(f"the receiver answered {response.status_code}")
        sent[0] = n
        delay = started + (n / rate) - time.monotonic()
        if delay > 0:
            time.sleep(delay)


def _seen(warehouse: Path, known: dict[int, float]) -> None:
    """Note the first time each line is queryable (a read-only connection; a tick holding the file makes
    this poll wait for the next)."""
    import duckdb

    if not warehouse.exists():
        return
    try:
        with duckdb.connect(str(warehouse), read_only=True) as conn:
            rows = conn.execute(
                "SELECT message FROM app_events WHERE app = ? AND line_number > ?",
                [APP, max(known, default=0) - 5000],
            ).fetchall()
    except duckdb.Error:
        return
    now = time.time()
    for (message,) in rows:
        _, n, _, ms = message.split()
        known.setdefault(int(n), now - int(ms) / 1000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=15)
    parser.add_argument("--rate", type=int, default=1000)
    parser.add_argument("--segment-seconds", type=float, default=60)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-fresh-"))
    home = tmp / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "config" / "dagster.yaml", home / "dagster.yaml")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_", "DAGSTER_"))}
    env.update(
        HEROKU_ASSETS_DATA_DIR=str(tmp / "data"),
        DAGSTER_HOME=str(home),
        HEROKU_ASSETS_SENSOR_INTERVAL="30",
        HEROKU_DRAIN_USER=USER,
        HEROKU_DRAIN_PASSWORD=PASSWORD,
        HEROKU_DRAIN_RECEIVER_ID="fresh",
        HEROKU_DRAIN_SEGMENT_SECONDS=str(args.segment_seconds),
    )
    port = _port()
    logs = open(tmp / "processes.log", "ab")  # noqa: SIM115 - closed below
    receiver = subprocess.Popen(
        [str(BIN / "heroku-assets"), "drain", "serve", "--port", str(port), "--log-level", "warning"],
        env=env,
        stdout=logs,
        stderr=subprocess.STDOUT,
    )
    workspace = ["-w", str(ROOT / "workspace.yaml")]
    subprocess.run(
        [str(BIN / "dagster"), "sensor", "start", "raw_objects_sensor", *workspace],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    daemon = subprocess.Popen(
        [str(BIN / "dagster-daemon"), "run", *workspace],
        env=env,
        cwd=ROOT,
        stdout=logs,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    known: dict[int, float] = {}
    sent = [0]
    stop = threading.Event()
    try:
        import requests

        for _ in range(300):
            try:
                requests.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        poster = threading.Thread(
            target=_poster,
            args=(f"http://127.0.0.1:{port}/logs?app={APP}", args.rate, args.minutes, stop, sent),
        )
        poster.start()
        print(f"posting {args.rate} lines/s for {args.minutes} min to a receiver; daemon and sensor running")
        deadline = time.monotonic() + args.minutes * 60 + 900
        while time.monotonic() < deadline:
            _seen(tmp / "data" / "warehouse.duckdb", known)
            if not poster.is_alive() and len(known) >= sent[0]:
                break
            time.sleep(2)
        poster.join()
    finally:
        stop.set()
        receiver.send_signal(signal.SIGTERM)
        receiver.wait(120)
        os.killpg(daemon.pid, signal.SIGTERM)
        daemon.wait(120)
        logs.close()
    lags = sorted(known.values())
    if not lags:
        print("no line reached the warehouse; logs in", tmp / "processes.log")
        return 1

    def pct(p: float) -> float:
        return lags[min(len(lags) - 1, int(p * len(lags)))]

    p95, p99 = pct(0.95), pct(0.99)
    print(f"lines posted {sent[0]:,}, queryable {len(known):,}")
    print(
        f"POST -> queryable row: p50 {pct(0.5):.0f} s, p95 {p95:.0f} s, p99 {p99:.0f} s, max {lags[-1]:.0f} s"
    )
    print(
        f"targets: p95 <= 180 s -> {'met' if p95 <= 180 else 'NOT met'}; "
        f"p99 <= 300 s -> {'met' if p99 <= 300 else 'NOT met'}"
    )
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if len(known) == sent[0] else 1


if __name__ == "__main__":
    sys.exit(main())
