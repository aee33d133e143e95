"""``heroku-assets run`` and ``heroku-assets summary``: the main job from the command line.

``run`` materializes, through the same Dagster definitions the UI loads, every (app, day) partition the
raw store holds (or the ones named), then the reference table and views; runs are recorded in the
Dagster instance of ``DAGSTER_HOME``, so ``make dev`` shows them afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser(
        "run",
        help="materialize every partition the raw store holds, through the whole graph",
        description="Materialize (app, day) partitions through raw -> parsed/staged -> warehouse, then "
        "the reference table and views, and print a summary.",
    )
    run.add_argument("--app", action="append", help="only this app (repeatable)")
    run.add_argument("--date", action="append", type=dt.date.fromisoformat, help="only this day (repeatable)")
    run.add_argument("--no-summary", action="store_true")
    run.set_defaults(handler=_run)
    summary = subparsers.add_parser("summary", help="print requests, error rate, p95 and top error codes")
    summary.set_defaults(handler=_summary)


def _instance():
    import dagster as dg

    if os.environ.get("DAGSTER_HOME"):
        os.makedirs(os.environ["DAGSTER_HOME"], exist_ok=True)
        return dg.DagsterInstance.get()
    print("DAGSTER_HOME is not set: runs are not kept (make run sets it)", file=sys.stderr)
    return dg.DagsterInstance.ephemeral()


def _run(args: argparse.Namespace) -> int:
    from heroku_assets import settings
    from heroku_assets.capture.changes import all_partitions
    from heroku_assets.definitions import defs
    from heroku_assets.defs.logs.jobs import JOB_NAME
    from heroku_assets.defs.partitions import FIRST_DAY, heroku_apps, log_partition_key
    from heroku_assets.storage.factory import open_stores

    config = settings.load()
    with open_stores(config) as stores:
        found = all_partitions(stores.raw)
    today = dt.datetime.now(dt.UTC).date()
    wanted = [
        (app, day)
        for app in sorted(found)
        for day in sorted(found[app])
        if (not args.app or app in args.app) and (not args.date or day in args.date)
    ]
    skipped = [(a, d) for a, d in wanted if not FIRST_DAY <= d <= today]
    wanted = [(a, d) for a, d in wanted if (a, d) not in skipped]
    for app, day in skipped:
        print(f"skipped {app} {day}: outside the partitions ({FIRST_DAY} to {today})", file=sys.stderr)
    if not wanted:
        print("nothing to run: the raw store holds no lines (try `heroku-assets import`)", file=sys.stderr)
        return 1
    instance = _instance()
    apps = sorted({app for app, _ in wanted})
    instance.add_dynamic_partitions(heroku_apps.name, apps)
    definitions = defs()
    job = definitions.resolve_job_def(JOB_NAME)
    failures = 0
    # Step logs go to the instance (the UI shows them); the terminal gets warnings and a line per run.
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    for app, day in wanted:
        result = job.execute_in_process(
            partition_key=log_partition_key(app, day),
            instance=instance,
            raise_on_error=False,
            run_config=quiet,
        )
        state = "ok" if result.success else "FAILED"
        failures += not result.success
        print(f"{app} {day}: {state} (run {result.run_id[:8]})", file=sys.stderr)
    reference = definitions.resolve_job_def("warehouse_reference_job").execute_in_process(
        instance=instance, raise_on_error=False, run_config=quiet
    )
    failures += not reference.success
    if failures:
        print(f"{failures} run(s) failed: see `make dev` for their logs", file=sys.stderr)
        return 1
    if not args.no_summary:
        return _summary(args)
    return 0


def _summary(args: argparse.Namespace) -> int:
    import duckdb

    from heroku_assets import settings
    from heroku_assets.warehouse.summary import summary_text

    config = settings.load()
    if config.uses_synapse:
        print("summary reads the DuckDB warehouse; query Synapse's views directly", file=sys.stderr)
        return 1
    if not config.duckdb_path.exists():
        print(f"no warehouse at {config.duckdb_path}: run `heroku-assets run` first", file=sys.stderr)
        return 1
    with duckdb.connect(str(config.duckdb_path), read_only=True) as conn:
        print(summary_text(conn))
    return 0
