"""Parser throughput and peak memory: `heroku logs` text -> typed Parquet for every event table.

Generates N lines of one busy app's day with the sample generator (router, app, platform, metrics and a
little garbage in realistic shares) into a temporary file (`heroku logs` text, or with ``--format
logplex`` the drain bodies that carried them), then runs, each in its own process pinned to one CPU
with Arrow limited to one thread:

* ``logplex``: ``write_parquet(parse_lines(read_lines(chunks), app))`` reading the file in 1 MiB chunks,
  the way the partition asset does;
* ``naive``: the obvious script: a regex and a logfmt split per line into one dict per line, a
  ``pandas.DataFrame`` of all of them, ``to_parquet`` (one table, fewer types: the baseline to beat).

Peak RSS is the child's own ``ru_maxrss`` (``os.wait4``), so the figures do not mix. The naive baseline
holds every line in memory: it is run on at most ``--naive-lines`` lines.

    .venv/bin/python bench/bench_parse.py [--lines 1000000] [--naive-lines 1000000] [--cpu 0] [--repeat 1]
                                          [--format text|logplex]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

APP = "shop-web"
CHUNK = 1 << 20
TARGET_LINES_PER_S = 150_000
TARGET_RSS_MIB = 512


def generate(path: Path, lines: int, fmt: str) -> int:
    """The day as `heroku logs` text, or as the drain bodies that carried it, one after the other."""
    from heroku_assets.sample import drain_batches, generate_lines

    size = 0
    generated = generate_lines([APP], days=1, lines_per_day=lines)
    with open(path, "wb", buffering=CHUNK) as out:
        if fmt == "logplex":
            for body in drain_batches(generated):
                out.write(body.body)
                size += len(body.body)
            return size
        for line in generated:
            data = line.text.encode("utf-8") + b"\n"
            out.write(data)
            size += len(data)
    return size


def _one_core(cpu: int) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})
    import pyarrow as pa

    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)


def run_logplex(path: Path, out_dir: Path, cpu: int, fmt: str) -> dict:
    _one_core(cpu)
    from heroku_assets.logs import parse_lines, read_lines, write_parquet

    def chunks():
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK):
                yield chunk

    start = time.perf_counter()
    files = write_parquet(parse_lines(read_lines(chunks(), fmt), APP), out_dir)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": {name: f.rows for name, f in files.items()}}


def run_naive(path: Path, out_dir: Path, cpu: int, limit: int) -> dict:
    _one_core(cpu)
    import re

    import pandas as pd

    header = re.compile(r"^(\S+) (\w+)\[([^\]]*)\]: (.*)$")
    pair = re.compile(r'(\S+?)=("[^"]*"|\S*)')
    start = time.perf_counter()
    rows = []
    with open(path, encoding="utf-8", errors="backslashreplace") as f:
        for number, line in enumerate(f, 1):
            if number > limit:
                break
            m = header.match(line.rstrip("\n"))
            if m is None:
                rows.append({"line_number": number, "raw": line})
                continue
            ts, source, dyno, message = m.groups()
            row = {"line_number": number, "ts": ts, "source": source, "dyno": dyno, "message": message}
            for key, value in pair.findall(message):
                row[key] = value.strip('"')
            rows.append(row)
    frame = pd.DataFrame(rows)
    frame["ts"] = pd.to_datetime(frame["ts"], utc=True, format="ISO8601", errors="coerce")
    for column in ("status", "bytes"):
        if column in frame:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    out_dir.mkdir(parents=True, exist_ok=True)
    frame.astype({c: "string" for c in frame.columns if frame[c].dtype == object}).to_parquet(
        out_dir / "naive.parquet"
    )
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": {"naive": len(frame)}}


def measure(kind: str, path: Path, out_dir: Path, cpu: int, limit: int, fmt: str) -> tuple[dict, float]:
    """Run one parser in a fresh process; its result and its own peak RSS in MiB."""
    cmd = [sys.executable, __file__, "--worker", kind, str(path), str(out_dir), str(cpu), str(limit), fmt]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} worker failed with status {proc.returncode}")
    return json.loads(output), usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        kind, path, out_dir, cpu, limit, fmt = sys.argv[2:8]
        if kind == "logplex":
            result = run_logplex(Path(path), Path(out_dir), int(cpu), fmt)
        else:
            result = run_naive(Path(path), Path(out_dir), int(cpu), int(limit))
        print(json.dumps(result))
        return

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--naive-lines", type=int, default=1_000_000, help="cap for the in-memory baseline")
    parser.add_argument("--cpu", type=int, default=0, help="the CPU both parsers are pinned to")
    parser.add_argument(
        "--format",
        choices=("text", "logplex"),
        default="text",
        help="text lines or drain bodies (no baseline)",
    )
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run the parser this many times (the machine may be shared)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-parse-") as tmp:
        path = Path(tmp) / "day.log"
        started = time.perf_counter()
        size = generate(path, args.lines, args.format)
        kind_of_input = "text" if args.format == "text" else "drain bodies"
        print(
            f"input: {args.lines:,} lines of one app's day, {size / 2**20:,.0f} MiB of {kind_of_input} "
            f"(generated in {time.perf_counter() - started:.0f} s); each parser pinned to CPU {args.cpu}"
        )
        runs = [("logplex", args.lines)]
        if not args.skip_naive and args.format == "text":
            runs.append(("naive", min(args.lines, args.naive_lines)))
        print(f"{'parser':<44}{'lines':>12}{'seconds':>10}{'lines/s':>12}{'peak RSS':>12}")
        for kind, lines in runs:
            label = (
                "heroku_assets.logs -> Parquet (5 tables)"
                if kind == "logplex"
                else "naive: dict per line -> pandas -> Parquet"
            )
            rates, peaks = [], []
            for attempt in range(args.repeat if kind == "logplex" else 1):
                out = Path(tmp) / f"{kind}-{attempt}"
                result, rss = measure(kind, path, out, args.cpu, lines, args.format)
                rates.append(lines / result["seconds"])
                peaks.append(rss)
                print(f"{label:<44}{lines:>12,}{result['seconds']:>10.1f}{rates[-1]:>12,.0f}{rss:>9,.0f} MiB")
            rate, rss = max(rates), max(peaks)
            if kind == "logplex":
                if len(rates) > 1:
                    print(
                        f"    best of {len(rates)} runs: {rate:,.0f} lines/s; highest peak RSS {rss:,.0f} MiB"
                    )
                rows = ", ".join(f"{name} {count:,}" for name, count in result["rows"].items())
                print(f"    rows: {rows}")
                verdict = "met" if rate >= TARGET_LINES_PER_S and rss <= TARGET_RSS_MIB else "NOT met"
                print(
                    f"    targets (>= {TARGET_LINES_PER_S:,} lines/s on one core, <= {TARGET_RSS_MIB} MiB): "
                    f"{verdict}"
                )


if __name__ == "__main__":
    main()
