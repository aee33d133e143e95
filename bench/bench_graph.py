"""One app-day through the whole graph: raw partition, parse and stage, warehouse load (DuckDB).

Generates N lines (default 1,000,000) of one app and day with the sample generator, imports them, then
runs the partition job in a child process and reports its wall time, each step's time and the child's
peak RSS. Targets: at most 20 s and 1 GiB on a 2-core machine.

    .venv/bin/python bench/bench_graph.py [--lines 1000000]
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
    """Runs in the measured process: the job for one partition, as the sensor or schedule would."""
    os.environ["HEROKU_ASSETS_DATA_DIR"] = data_dir
    import dagster as dg

    from heroku_assets.definitions import defs
    from heroku_assets.defs.logs.jobs import JOB_NAME
    from heroku_assets.defs.partitions import heroku_apps, log_partition_key

    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(heroku_apps.name, [APP])
        job = defs().resolve_job_def(JOB_NAME)
        started = time.perf_counter()
        result = job.execute_in_process(
            partition_key=log_partition_key(APP, dt.date.fromisoformat(day)), instance=instance
        )
        total = time.perf_counter() - started
        steps = {}
        for event in result.all_events:
            if event.is_step_success:
                steps[event.step_key] = event.event_specific_data.duration_ms / 1000
        checks = [(e.check_name, e.passed) for e in result.get_asset_check_evaluations()]
    print(json.dumps({"success": result.success, "job_s": total, "steps": steps, "checks": checks}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--child", nargs=2, metavar=("DATA_DIR", "DAY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return 0

    from heroku_assets.capture.imports import import_file
    from heroku_assets.storage.local import LocalObjectStore

    day = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
    with tempfile.TemporaryDirectory(prefix="bench-graph-") as tmp:
        data_dir = Path(tmp) / "data"
        dump = Path(tmp) / "day.log"
        started = time.perf_counter()
        _generate(dump, args.lines, day)
        generated = time.perf_counter() - started
        started = time.perf_counter()
        import_file(LocalObjectStore(data_dir / "raw"), dump, APP)
        imported = time.perf_counter() - started

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
            return 1
        report = json.loads(child.stdout.strip().splitlines()[-1])

    print(f"lines: {args.lines:,} of one app-day ({day})")
    print(f"generate: {generated:.1f} s   import into the raw store: {imported:.1f} s")
    print(
        f"partition job (raw -> parse/stage -> load): {report['job_s']:.1f} s in the job, "
        f"{wall:.1f} s wall with process start"
    )
    for step, seconds in report["steps"].items():
        print(f"  {step:<28} {seconds:6.1f} s")
    print(f"peak RSS of the job process: {peak_mib:.0f} MiB")
    failed = sorted({name for name, passed in report["checks"] if not passed})
    print(f"checks: {len(report['checks'])} evaluated, failed: {', '.join(failed) or 'none'}")
    print(
        f"targets: run <= 20 s -> {'met' if report['job_s'] <= 20 else 'NOT met'}; "
        f"<= 1024 MiB -> {'met' if peak_mib <= 1024 else 'NOT met'}"
    )
    return 0 if report["success"] else 1


if __name__ == "__main__":
    sys.exit(main())
