"""``heroku-assets run`` and ``heroku-assets summary``: the main job from the command line
(``heroku_assets.runner`` makes the runs).

``run`` materializes every (app, day) partition the raw store holds (or the ones named), then the
reference table and views; runs are recorded in the Dagster instance of ``DAGSTER_HOME`` (unset:
``<data dir>/dagster_home``, the one `make dev` opens), so ``make dev`` shows them afterwards.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
from pathlib import Path

from heroku_assets.cli.common import CommandError, add_command, add_data_dir, report, utc_day

PROJECT_INSTANCE_CONFIG = Path(__file__).resolve().parents[2] / "config" / "dagster.yaml"


def register(subparsers: argparse._SubParsersAction) -> None:
    run = add_command(
        subparsers,
        "run",
        "materialize every partition the raw store holds, through the whole graph",
        "Materialize (app, day) partitions through raw -> parsed/staged -> warehouse, then "
        "the reference table and views, and print a summary.",
        _run,
    )
    run.add_argument("--app", action="append", metavar="NAME", help="only this app (repeatable)")
    run.add_argument(
        "--date", action="append", type=utc_day, metavar="YYYY-MM-DD", help="only this UTC day (repeatable)"
    )
    run.add_argument("--no-summary", action="store_true", help="do not print the summary at the end")
    add_data_dir(run)
    summary = add_command(
        subparsers,
        "summary",
        "print requests, error rate, p95 and top error codes",
        "Read the DuckDB warehouse that `heroku-assets run` loaded and print, per app and day, "
        "the requests, error rate and p95 service time, then the most frequent error codes.",
        _summary,
    )
    add_data_dir(summary)


def _instance(config):
    """The instance of ``DAGSTER_HOME``, else of ``<data dir>/dagster_home``: the one `make dev` shows for
    the same data folder. A new one gets the project's instance settings (config/dagster.yaml), as
    `make run` gives it."""
    import dagster as dg

    home = config.dagster_home
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists() and PROJECT_INSTANCE_CONFIG.exists():
        shutil.copyfile(PROJECT_INSTANCE_CONFIG, home / "dagster.yaml")
    # the runs' own processes (none here: steps run in this one) and Dagster's helpers read the variable
    os.environ["DAGSTER_HOME"] = str(home)
    return dg.DagsterInstance.get()


def _run(args: argparse.Namespace) -> int:
    from heroku_assets import settings

    config = settings.load()  # a wrong setting is said before Dagster is loaded (seconds)

    from heroku_assets import runner

    say = functools.partial(report, args)
    try:
        plan = runner.plan_runs(config, args.app, args.date, say)
    except runner.NothingToRun as exc:
        raise CommandError(str(exc), status=1) from None
    failures = runner.run_plan(plan, _instance(config), say, args.prog)
    if failures:
        raise CommandError(f"{failures} run(s) failed: see `make dev` for their logs", status=1)
    if not args.no_summary:
        return _summary(args)
    return 0


def _summary(args: argparse.Namespace) -> int:
    import duckdb

    from heroku_assets import settings
    from heroku_assets.warehouse.summary import summary_text

    config = settings.load()
    if config.uses_synapse:
        raise CommandError("summary reads the DuckDB warehouse; query Synapse's views directly", status=1)
    if not config.duckdb_path.exists():
        raise CommandError(f"no warehouse at {config.duckdb_path}: run `heroku-assets run` first", status=1)
    with duckdb.connect(str(config.duckdb_path), read_only=True) as conn:
        print(summary_text(conn))
    return 0
