"""Drain receiver throughput and latency on loopback, with 100-line Logplex frames, nothing lost.

Starts ``heroku-assets drain serve`` (uvicorn, httptools, one worker, its spool on the local disk, the
local folder store) in its own process, then drives it from separate load processes over keep-alive
connections. Each load connection sends pre-built HTTP requests on a raw socket, so the load generator
costs little CPU next to the server. Every request carries a unique Logplex-Frame-Id; afterwards the
receiver is stopped (SIGTERM: it seals and ships its last segment) and every acknowledged frame is read
back from the shipped segments and compared byte for byte with what was sent.

    .venv/bin/python bench/bench_drain.py [--duration 10] [--connections 16] [--load-processes 2]
                                          [--rate 0] [--frames 200] [--segment-seconds 60]
                                          [--store local|azurite] [--one-object-per-post]

``--rate`` (POSTs/s over all connections) paces the load (open loop); 0 sends as fast as answers come.
``--store azurite`` ships the segments to Azurite (the blob emulator, ``.ci/install-azurite``) instead of a
local folder, and counts the requests Azurite served from its debug log: objects written and write
transactions (Put Blob, Put Block, Put Block List) per segment, and so per receiver process per day.
``--one-object-per-post`` runs the baseline instead: a receiver without a spool, each body written to the
store as its own object. Requests go to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import base64
import collections
import contextlib
import hashlib
import multiprocessing as mp
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # heroku_assets_tests: Azurite's runner

USER, PASSWORD, PATH_TOKEN = "bench", "bench-password-0123", "bench-path-token-0123456789"


def build_frames(count: int, apps: int = 4) -> list[tuple[bytes, str, str]]:
    """``count`` distinct drain bodies of exactly 100 syslog frames each from the sample generator, spread
    over ``apps`` apps, with the drain token and app of each."""
    from heroku_assets.sample.drain import DrainConfig, drain_batches
    from heroku_assets.sample.generator import default_apps, generate_lines

    config = DrainConfig(max_frames=100, max_bytes=1 << 20, private_space_share=0.0)
    per_app = -(-count // apps)
    frames: list[tuple[bytes, str, str]] = []
    for app in default_apps(apps):
        taken = 0
        for batch in drain_batches(generate_lines([app], days=1, lines_per_day=per_app * 300), config=config):
            if len(batch.lines) == 100:
                frames.append((batch.body, batch.headers["Logplex-Drain-Token"], app))
                taken += 1
                if taken == per_app:
                    break
    if len(frames) < count:
        raise SystemExit(f"only {len(frames)} full frames generated")
    return frames[:count]


def request_bytes(body: bytes, frame_id: str, token: str, port: int) -> bytes:
    auth = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    head = (
        f"POST /logs/{PATH_TOKEN} HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        f"Authorization: Basic {auth}\r\n"
        "Content-Type: application/logplex-1\r\n"
        "Logplex-Msg-Count: 100\r\n"
        f"Logplex-Frame-Id: {frame_id}\r\n"
        f"Logplex-Drain-Token: {token}\r\n"
        "User-Agent: Logplex/v123\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def read_response(sock: socket.socket, buffer: bytearray) -> int:
    """Read one response (status line, headers, Content-Length body); return the status code."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("server closed the connection")
        buffer += chunk
    end = buffer.index(b"\r\n\r\n") + 4
    head = bytes(buffer[:end]).decode("latin-1")
    status = int(head.split(" ", 2)[1])
    length = 0
    for line in head.split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    while len(buffer) < end + length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("server closed the connection")
        buffer += chunk
    del buffer[: end + length]
    return status


def load_process(
    index: int,
    connections: int,
    port: int,
    duration: float,
    rate: float,
    bodies: list[bytes],
    tokens: list[str],
    results: mp.Queue,
) -> None:
    """Drive ``connections`` keep-alive connections from threads; report latencies and sent frame ids."""
    import threading

    start_at = time.monotonic() + 0.2
    stop_at = start_at + duration
    per_connection_interval = connections * 1 / rate if rate else 0.0
    latencies: list[float] = []
    acked: list[tuple[str, int]] = []
    failures: dict[str, int] = {}
    lock = threading.Lock()

    def run(conn: int) -> None:
        sock = socket.create_connection(("127.0.0.1", port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buffer = bytearray()
        seq = 0
        my_lat: list[float] = []
        my_acked: list[tuple[str, int]] = []
        my_fail: dict[str, int] = {}
        next_send = start_at + conn * per_connection_interval / max(connections, 1)
        while True:
            now = time.monotonic()
            if per_connection_interval:
                if next_send > now:
                    time.sleep(next_send - now)
                scheduled = next_send
                next_send += per_connection_interval
            else:
                if now < start_at:
                    time.sleep(start_at - now)
                scheduled = time.monotonic()
            if scheduled >= stop_at:
                break
            body_index = (index * 7919 + conn * 104729 + seq) % len(bodies)
            frame_id = f"B{index:02d}C{conn:03d}S{seq:09d}"
            seq += 1
            request = request_bytes(bodies[body_index], frame_id, tokens[body_index], port)
            try:
                sock.sendall(request)
                status = read_response(sock, buffer)
            except OSError as exc:
                my_fail[type(exc).__name__] = my_fail.get(type(exc).__name__, 0) + 1
                sock.close()
                sock = socket.create_connection(("127.0.0.1", port))
                buffer.clear()
                continue
            # latency from the scheduled send time: queueing behind a slow answer counts (open loop)
            my_lat.append(time.monotonic() - scheduled)
            if 200 <= status < 300:
                my_acked.append((frame_id, body_index))
            else:
                my_fail[str(status)] = my_fail.get(str(status), 0) + 1
        sock.close()
        with lock:
            latencies.extend(my_lat)
            acked.extend(my_acked)
            for k, v in my_fail.items():
                failures[k] = failures.get(k, 0) + v

    threads = [threading.Thread(target=run, args=(c,)) for c in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # CLOCK_MONOTONIC is system-wide on Linux: the parent compares these times across processes
    results.put((latencies, acked, failures, start_at, time.monotonic()))


def wait_healthy(port: int, process: subprocess.Popen, timeout: float = 30.0) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(
                "the receiver exited: " + (process.stdout.read().decode() if process.stdout else "")
            )
        try:
            if requests.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    raise SystemExit("the receiver did not come up")


def cpu_seconds(pid: int) -> float:
    """CPU time of the server process and its worker processes."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def serve_without_spool(port: int) -> int:
    """The baseline receiver: the drain app without a spool, so each body is one object in the store."""
    import uvicorn

    from heroku_assets import settings as settings_module
    from heroku_assets.capture.app import create_app
    from heroku_assets.capture.drain_config import DrainConfig
    from heroku_assets.storage.factory import open_stores

    config = DrainConfig.from_settings(settings_module.load_drain())
    with open_stores(settings_module.load()) as stores:
        uvicorn.run(
            create_app(stores.raw, config),
            host="127.0.0.1",
            port=port,
            http="httptools",
            access_log=False,
            log_level="warning",
            server_header=False,
        )
    return 0


_AZURITE_REQUEST = re.compile(r"BlobStorageContextMiddleware: RequestMethod=(\w+) RequestURL=(\S+)")


def azurite_requests(log: Path, container: str) -> list[tuple[str, str, str]]:
    """(method, blob key or "" for the container, operation) of every request Azurite's debug log
    records for ``container``. The operation is the Blob service's name for it: what Azure bills."""
    found = []
    for line in log.read_text(errors="replace").splitlines():
        match = _AZURITE_REQUEST.search(line)
        if match is None:
            continue
        method, url = match.groups()
        parts = urlsplit(url)
        path = unquote(parts.path).split("/", 3)  # "", account, container, blob
        if len(path) < 3 or path[2] != container:
            continue
        key = path[3] if len(path) > 3 else ""
        query = parts.query
        if not key:
            operation = "list blobs" if "comp=list" in query else f"container {method}"
        elif method == "PUT":
            operation = (
                "Put Block List"
                if "comp=blocklist" in query
                else "Put Block"
                if "comp=block" in query
                else "Put Blob"
            )
        else:
            operation = f"blob {method}"
        found.append((method, key, operation))
    return found


WRITES = ("Put Blob", "Put Block", "Put Block List")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=16, help="keep-alive connections in all")
    parser.add_argument("--load-processes", type=int, default=2)
    parser.add_argument("--workers", type=int, default=1, help="receiver worker processes")
    parser.add_argument("--rate", type=float, default=0.0, help="target POSTs/s (0: as fast as possible)")
    parser.add_argument("--frames", type=int, default=200, help="distinct 100-line bodies to cycle through")
    parser.add_argument("--segment-seconds", type=float, default=60.0, help="HEROKU_DRAIN_SEGMENT_SECONDS")
    parser.add_argument("--segment-bytes", type=int, default=128 << 20, help="HEROKU_DRAIN_SEGMENT_BYTES")
    parser.add_argument("--store", choices=("local", "azurite"), default="local", help="where objects go")
    parser.add_argument(
        "--one-object-per-post", action="store_true", help="the baseline: no spool, one object per body"
    )
    parser.add_argument("--serve-without-spool", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_without_spool:
        return serve_without_spool(args.serve_without_spool)

    frames = build_frames(args.frames)
    bodies = [f[0] for f in frames]
    tokens = [f[1] for f in frames]
    body_apps = [f[2] for f in frames]

    with tempfile.TemporaryDirectory(prefix="bench-drain-") as tmp, contextlib.ExitStack() as stack:
        data_dir = Path(tmp)
        azurite = None
        if args.store == "azurite":
            from heroku_assets_tests.fixtures_azurite import run_azurite

            (data_dir / "azurite").mkdir()
            azurite_log = data_dir / "azurite-requests.log"
            azurite = stack.enter_context(run_azurite(data_dir / "azurite", debug_log=azurite_log))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_DRAIN_", "HEROKU_ASSETS_"))}
        env.update(
            HEROKU_ASSETS_ENV="local",
            HEROKU_ASSETS_DATA_DIR=str(data_dir),
            HEROKU_DRAIN_USER=USER,
            HEROKU_DRAIN_PASSWORD=PASSWORD,
            HEROKU_DRAIN_PATH_TOKEN=PATH_TOKEN,
            HEROKU_DRAIN_APPS=",".join(sorted({f"{t}={a}" for t, a in zip(tokens, body_apps, strict=True)})),
            HEROKU_DRAIN_SEGMENT_SECONDS=str(args.segment_seconds),
            HEROKU_DRAIN_SEGMENT_BYTES=str(args.segment_bytes),
            HEROKU_DRAIN_RECEIVER_ID="bench",
        )
        if azurite is not None:
            from azure.storage.blob import ContainerClient

            from heroku_assets.settings import Settings

            # created beforehand, as a deployment does: the first writes then do not meet a missing one
            container = Settings.model_fields["raw_container"].default
            with ContainerClient.from_connection_string(azurite.connection_string, container) as client:
                client.create_container()
            # Azurite's development account and key: public, documented by Microsoft, not a secret
            env.update(
                HEROKU_ASSETS_ENV="mixed",
                AZURE_STORAGE_ACCOUNT_URL=azurite.account_url,
                AZURE_STORAGE_ACCOUNT_KEY=azurite.account_key,
            )
        if args.one_object_per_post:
            command = [sys.executable, __file__, "--serve-without-spool", str(port)]
        else:
            command = [sys.executable, "-m", "heroku_assets.cli", "drain", "serve", "--port", str(port)]
            command += ["--log-level", "warning", "--workers", str(args.workers)]
        server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            wait_healthy(port, server)
            cpu_before = cpu_seconds(server.pid)
            results: mp.Queue = mp.Queue()
            per_process = [args.connections // args.load_processes] * args.load_processes
            for i in range(args.connections % args.load_processes):
                per_process[i] += 1
            rate_share = [args.rate * n / args.connections for n in per_process]
            workers = [
                mp.Process(
                    target=load_process,
                    args=(i, n, port, args.duration, rate_share[i], bodies, tokens, results),
                )
                for i, n in enumerate(per_process)
            ]
            for w in workers:
                w.start()
            latencies: list[float] = []
            acked: list[tuple[str, int]] = []
            failures: dict[str, int] = {}
            spans: list[tuple[float, float]] = []
            for _ in workers:
                lat, ack, fail, began, ended = results.get()
                spans.append((began, ended))
                latencies += lat
                acked += ack
                for k, v in fail.items():
                    failures[k] = failures.get(k, 0) + v
            for w in workers:
                w.join()
            server_cpu = cpu_seconds(server.pid) - cpu_before
        finally:
            server.send_signal(signal.SIGTERM)
            server.communicate(timeout=120)

        # nothing lost: every acknowledged frame is in a shipped segment (or its own object), byte for
        # byte, under its app
        from heroku_assets.received.segments import read_segment
        from heroku_assets.storage.local import LocalObjectStore

        if azurite is not None:
            from heroku_assets.storage.azure_blob import AzureBlobObjectStore

            store = AzureBlobObjectStore.from_connection_string(azurite.connection_string, container)
            requests_served = azurite_requests(azurite_log, container)
        else:
            store = LocalObjectStore(data_dir / "raw")
        segments = list(store.list("segment/"))
        stored: dict[str, list[tuple[bytes, str]]] = {}
        for info in segments:
            for record in read_segment(store, info.key):
                stored.setdefault(record.frame_id or "", []).append(
                    (hashlib.sha256(record.body).digest(), record.app)
                )
        body_objects = list(store.list("drain/"))
        for info in body_objects:
            app, name = info.key.split("/")[2], info.key.rsplit("/", 1)[1].removesuffix(".logplex")
            stored.setdefault(name, []).append((hashlib.sha256(store.get(info.key)).digest(), app))
        digests = [hashlib.sha256(b).digest() for b in bodies]
        missing = [f for f, _ in acked if f not in stored]
        wrong = [f for f, i in acked if f in stored and stored[f][0][0] != digests[i]]
        misplaced = [f for f, i in acked if f in stored and stored[f][0][1] != body_apps[i]]
        twice = [f for f, copies in stored.items() if len(copies) > 1]
        left = list((data_dir / "spool").rglob("*.sealed")) + list((data_dir / "spool").rglob("*.open"))

    # from the first send to the last answer: an overloaded receiver answers after the offered window
    elapsed = max(e for _, e in spans) - min(b for b, _ in spans)
    latencies.sort()
    p50, p90, p99 = (percentile(latencies, q) * 1e3 for q in (0.50, 0.90, 0.99))
    worst = latencies[-1] * 1e3 if latencies else float("nan")
    offered = f"{args.rate:.0f} POSTs/s offered" if args.rate else "as fast as answered"
    where = "Azurite" if azurite is not None else "local store"
    how = "no spool, one object per POST" if args.one_object_per_post else "spool"
    print(f"drain receiver benchmark: uvicorn+httptools, {args.workers} worker(s), {how} + {where}, loopback")
    print(f"  frames: 100 syslog lines each, {sum(map(len, bodies)) / len(bodies) / 1024:.1f} KiB on average")
    print(f"  load: {args.connections} keep-alive connections in {args.load_processes} processes, {offered}")
    print(f"  POSTs answered in {elapsed:.1f} s: {len(latencies)}, 2xx: {len(acked)}, other: {failures or 0}")
    print(f"  throughput: {len(acked) / elapsed:.0f} POSTs/s ({len(acked) * 100 / elapsed:.0f} lines/s)")
    print(f"  latency ms: p50 {p50:.1f}, p90 {p90:.1f}, p99 {p99:.1f}, max {worst:.1f}")
    per_post = server_cpu / max(len(latencies), 1) * 1e3
    share = server_cpu / elapsed * 100
    print(f"  server CPU: {server_cpu:.1f} s ({share:.0f}% of a core), {per_post:.2f} ms per POST")
    objects = (
        f"objects of one body: {len(body_objects)}"
        if args.one_object_per_post
        else f"segments: {len(segments)}"
    )
    print(
        f"  shipped: {objects} holding {sum(map(len, stored.values()))} bodies; "
        f"acknowledged but missing: {len(missing)}; content differs: {len(wrong)}; "
        f"under the wrong app: {len(misplaced)}; stored twice: {len(twice)}; left in the spool: {len(left)}"
    )
    rate = len(acked) / elapsed
    seal_every = 0.0
    if args.one_object_per_post:
        print(f"  raw objects per receiver process per day at this rate: {rate * 86400:,.0f} (one per POST)")
    else:
        record_bytes = sum(i.size for i in segments) / max(sum(map(len, stored.values())), 1)
        seal_every = min(args.segment_seconds, args.segment_bytes / max(rate * record_bytes, 1e-9))
        print(
            f"  raw objects per receiver process per day at this rate: {86400 / seal_every:,.0f} "
            f"(a segment every {seal_every:.0f} s; one object per POST would be {rate * 86400:,.0f})"
        )
    if azurite is not None:
        report_azurite(requests_served, segments, body_objects, rate, seal_every)
    lost = bool(missing or wrong or misplaced or twice or left or len(stored) != len(acked))
    print("  nothing lost" if not lost else "  LOSS DETECTED")
    return 1 if lost else 0


def report_azurite(served: list, segments: list, per_post: list, rate: float, seal_every: float) -> None:
    """What Azurite served, and the write transactions per receiver process per day it comes to
    (``seal_every``: seconds between segments; 0 for the baseline, one object per POST)."""
    by_operation = collections.Counter(operation for _, _, operation in served)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(by_operation.items()))
    print(f"  Azurite requests for the raw container: {counts}")
    writes_by_key = collections.Counter(key for _, key, operation in served if operation in WRITES)
    if not seal_every:
        writes = sum(writes_by_key[i.key] for i in per_post)
        each = writes / max(len(per_post), 1)
        print(
            f"  write transactions: {writes} for {len(per_post)} objects ({each:.2f} each); per receiver "
            f"process per day at this rate: {each * rate * 86400:,.0f}"
        )
        return
    # the segments sealed (by size or age) while the load ran are alike; the last was sealed at SIGTERM
    steady = sorted(segments, key=lambda i: i.key)[:-1] or segments
    per_segment = [writes_by_key[i.key] for i in steady]
    each = sum(per_segment) / max(len(per_segment), 1)
    size = sum(i.size for i in steady) / max(len(steady), 1)
    print(
        f"  write transactions per segment: {each:.1f} for {size / (1 << 20):.0f} MiB on average (Put Block "
        f"of 4 MiB and a Put Block List; one Put Blob up to 4 MiB), over {len(per_segment)} segment(s) "
        "shipped during the load"
    )
    print(
        f"  per receiver process per day at this rate: {86400 / seal_every:,.0f} objects, "
        f"{each * 86400 / seal_every:,.0f} write transactions (one object per POST: {rate * 86400:,.0f} "
        "of each)"
    )


if __name__ == "__main__":
    sys.exit(main())
