"""``heroku-assets run`` and ``heroku-assets summary``: the main job from the command line.

``run`` materializes, through the same Dagster definitions the UI loads, every (app, day) partition the
raw store holds (or the ones named), then the reference table and views; runs are recorded in the
Dagster instance of ``DAGSTER_HOME`` (unset: ``<data dir>/dagster_home``, the one `make dev` opens) as
runs of the ``heroku_assets`` code location (``heroku_assets.code_location``), so ``make dev`` shows them
afterwards, on the Overview timeline too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from heroku_assets.cli import CommandError, add_data_dir, report

T = TypeVar("T")
PROJECT_INSTANCE_CONFIG = Path(__file__).resolve().parents[1] / "config" / "dagster.yaml"
HEARTBEAT_SECONDS = 30.0  # a line this often while a run goes on, when stderr is not a terminal
SPOOL_GRACE_SECONDS = 15.0  # waited past the segment interval: the upload's time


def register(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser(
        "run",
        help="materialize every partition the raw store holds, through the whole graph",
        description="Materialize (app, day) partitions through raw -> parsed/staged -> warehouse, then "
        "the reference table and views, and print a summary.",
    )
    run.add_argument("--app", action="append", metavar="NAME", help="only this app (repeatable)")
    run.add_argument(
        "--date", action="append", type=_date, metavar="YYYY-MM-DD", help="only this UTC day (repeatable)"
    )
    run.add_argument("--no-summary", action="store_true", help="do not print the summary at the end")
    add_data_dir(run)
    run.set_defaults(handler=_run)
    summary = subparsers.add_parser(
        "summary",
        help="print requests, error rate, p95 and top error codes",
        description="Read the DuckDB warehouse that `heroku-assets run` loaded and print, per app and day, "
        "the requests, error rate and p95 service time, then the most frequent error codes.",
    )
    add_data_dir(summary)
    summary.set_defaults(handler=_summary)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


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

    from heroku_assets.code_location import open_code_location, release_runs_of_dead_processes
    from heroku_assets.defs.logs.jobs import JOB_NAME
    from heroku_assets.defs.logs.sensors import sealable
    from heroku_assets.defs.logs.ticks import SEAL_JOB, TICK_JOB
    from heroku_assets.defs.partitions import first_day, heroku_apps, in_partitions, log_partition_key
    from heroku_assets.logs.changes import all_partitions
    from heroku_assets.storage.factory import open_stores

    with open_stores(config) as stores:
        _ship_the_spool(args, stores.raw, config.data_dir)
        found = all_partitions(stores.raw)
        rebuilt_kinds = all_partitions(stores.raw, segments=False)
        ticked_kinds = all_partitions(stores.raw, segments=True)
    today = dt.datetime.now(dt.UTC).date()
    named = bool(args.app or args.date)

    def matching(partitions: dict) -> list[tuple[str, dt.date]]:
        return [
            (app, day)
            for app in sorted(partitions)
            for day in sorted(partitions[app])
            if (not args.app or app in args.app) and (not args.date or day in args.date)
        ]

    wanted = matching(found)
    skipped = [(a, d) for a, d in wanted if not in_partitions(d, today)]
    for app, day in skipped:
        report(
            args,
            "warning",
            f"skipped {app} {day}: outside the partitions ({first_day()} to {today}; "
            f"{settings.START_DATE} sets the first day)",
        )
    wanted = [(a, d) for a, d in wanted if (a, d) not in skipped]
    if not wanted:
        raise CommandError(_nothing_to_run(found, args, skipped), status=1)
    # Drain segments are appended by ticks; a day is rebuilt whole when named, or when imports or pulls
    # (which ticks do not take) hold lines of it.
    rebuilds = wanted if named else [p for p in matching(rebuilt_kinds) if p in set(wanted)]
    seals = [
        (a, d)
        for a, d in matching(ticked_kinds)
        if (a, d) in set(wanted) and (a, d) not in set(rebuilds) and sealable(d, today, config.late_days)
    ]
    instance = _instance(config)
    for run_id in release_runs_of_dead_processes(instance):
        report(
            args, "warning", f"run {run_id[:8]} was left unfinished by a process that is gone: marked failed"
        )
    apps = sorted({app for app, _ in wanted})
    instance.add_dynamic_partitions(heroku_apps.name, apps)
    failures = 0
    # Step logs go to the instance (the UI shows them), not to Dagster's console logger; the terminal gets
    # a line per run (under a progress bar on a terminal) and the runs' warnings and errors, in the
    # command's own shape, as are the library's log lines (library code logs with `logging`).
    quiet = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}
    ticks = 1 if ticked_kinds else 0
    total = ticks + len(rebuilds) + 1
    # runs are made as the UI makes them, with the code location's origin, so the Overview timeline
    # shows them under heroku_assets and their job
    with (
        open_code_location(instance) as location,
        _Progress(total, args) as progress,
        _LogLines(progress),
    ):

        def run(what: str, job: str, partition: tuple[str, dt.date] | None = None) -> bool:
            key = log_partition_key(*partition) if partition else None
            result = progress.run(
                what, functools.partial(location.execute, job, partition_key=key, run_config=quiet)
            )
            _say_what_the_run_logged(progress, instance, result.run_id)
            return result.success

        while ticks:
            ok = run("tick", TICK_JOB)
            failures += not ok
            if not ok or not _tick_left_more(instance):
                break
            progress.grow(1)
        for app, day in rebuilds:
            failures += not run(f"{app} {day}", JOB_NAME, (app, day))
        # sealed after the ticks and rebuilds, each day once per change (what ticks appended since)
        seals = [(a, d) for a, d in seals if _needs_seal(instance, a, d)]
        progress.grow(len(seals))
        for app, day in seals:
            failures += not run(f"seal {app} {day}", SEAL_JOB, (app, day))
        failures += not run("reference table and views", "warehouse_reference_job")
    if failures:
        raise CommandError(f"{failures} run(s) failed: see `make dev` for their logs", status=1)
    if not args.no_summary:
        return _summary(args)
    return 0


def _needs_seal(instance, app: str, day: dt.date) -> bool:
    """Whether (app, day) was never sealed, or a tick ran since its seal (which may have appended to it:
    sealing again is one query)."""
    import dagster as dg

    from heroku_assets.defs.logs.ticks import SEALED, TICK
    from heroku_assets.defs.partitions import log_partition_key

    partition = str(log_partition_key(app, day))
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=SEALED, asset_partitions=[partition]), limit=1
    ).records
    if not records:
        return True
    event = instance.get_latest_materialization_event(TICK)
    return event is not None and event.timestamp > records[0].timestamp


def _tick_left_more(instance) -> bool:
    """Whether the tick just run left segments for another (it takes a bounded number)."""
    from heroku_assets.defs.logs.ticks import TICK

    event = instance.get_latest_materialization_event(TICK)
    if event is None or event.asset_materialization is None:
        return False
    entry = event.asset_materialization.metadata.get("more_pending")
    return bool(entry is not None and entry.value)


def _ship_the_spool(args: argparse.Namespace, raw, data_dir: Path) -> None:
    """What a local drain receiver took but has not shipped yet reaches the raw store before the runs:
    a stopped receiver's segments are shipped here; a running receiver ships its own when it seals them
    (every HEROKU_DRAIN_SEGMENT_SECONDS), and they are waited for, a little longer than that."""
    from heroku_assets.capture.drain_config import SpoolConfig
    from heroku_assets.capture.segments import ship_orphans
    from heroku_assets.capture.slots import held_segments

    spool = SpoolConfig.from_env(data_dir)
    if not spool.directory.is_dir():
        return
    shipped = ship_orphans(raw, spool.directory, spool.receiver_id)
    if shipped:
        report(
            args, "info", f"shipped {shipped} segment(s) a stopped drain receiver left in {spool.directory}"
        )
    held = held_segments(spool.directory)
    if not held:
        return
    limit = spool.segment_seconds + SPOOL_GRACE_SECONDS
    report(
        args,
        "info",
        f"{len(held)} segment(s) of drain bodies are in the spool of a running receiver ({spool.directory}): "
        f"it ships them when it seals them (HEROKU_DRAIN_SEGMENT_SECONDS, {spool.segment_seconds:g} s); "
        f"waiting for that (at most {limit:g} s)",
    )
    deadline = time.monotonic() + limit
    while any(p.exists() for p in held) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [p for p in held if p.exists()]
    if left:
        report(
            args,
            "warning",
            f"{len(left)} segment(s) still in the spool ({spool.directory}): their lines are not in this "
            "run; they ship when the receiver seals them or stops (see its log), then run again",
        )


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


def _nothing_to_run(found: dict, args: argparse.Namespace, skipped: list) -> str:
    """Why no partition matched, in terms of what the raw store does hold."""
    if not found:
        return "nothing to run: the raw store holds no lines (try `heroku-assets import`)"
    if skipped:
        return "nothing to run: every matching partition is outside the partitions (see the warnings)"
    apps = sorted(found)
    unknown = sorted(set(args.app or ()) - set(apps))
    if unknown:
        return (
            f"nothing to run: no lines of {', '.join(unknown)} in the raw store (it holds {', '.join(apps)})"
        )
    days = sorted({d for app in apps if not args.app or app in args.app for d in found[app]})
    wanted = ", ".join(d.isoformat() for d in sorted(args.date or ()))
    held = f"{days[0]} to {days[-1]}" if len(days) > 1 else f"{days[0]}"
    return f"nothing to run: no lines on {wanted} in the raw store (it holds {held})"


def _say_what_the_run_logged(progress: _Progress, instance, run_id: str) -> None:
    """The run's warnings and errors from its event log (what the UI shows), one line each: what the
    steps logged at WARNING or above, and why a step failed."""
    import logging

    import dagster as dg

    for record in instance.all_logs(run_id):
        event = record.dagster_event
        if event is None and record.level >= logging.WARNING:
            progress.say("warning" if record.level < logging.ERROR else "error", record.user_message)
        elif event is not None and event.event_type == dg.DagsterEventType.STEP_FAILURE:
            error = event.step_failure_data.error
            why = error.message.strip().splitlines()[0] if error is not None else "failed"
            progress.say("error", f"{event.step_key} failed: {why}")


class _LogLines:
    """While the runs go on, what library code logs at WARNING or above (the warehouse's truncation
    report, say) goes to the terminal as ``heroku-assets run: warning: ...``, not as raw log lines."""

    def __init__(self, progress: _Progress) -> None:
        import logging

        class Handler(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                progress.say(record.levelname.lower(), record.getMessage())

        self._handler = Handler(logging.WARNING)

    def __enter__(self) -> _LogLines:
        import logging

        logging.getLogger().addHandler(self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        import logging

        logging.getLogger().removeHandler(self._handler)


class _Progress:
    """A progress bar on a terminal (tqdm); elsewhere (logs, CI) one line per finished run, and a line
    every ``heartbeat`` seconds while a long run goes on, so a log never falls silent for minutes."""

    def __init__(
        self, total: int, args: argparse.Namespace | None = None, heartbeat: float = HEARTBEAT_SECONDS
    ) -> None:
        self._args = args
        self._total = total
        self._count = 0
        self._heartbeat = heartbeat
        self._bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="run", file=sys.stderr, dynamic_ncols=True)

    def run(self, what: str, work: Callable[[], T]) -> T:
        """Do one run (``work`` returns a Dagster result), saying how it goes."""
        import threading

        began = time.perf_counter()
        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(self._heartbeat):
                elapsed = time.perf_counter() - began
                print(f"[{self._count + 1}/{self._total}] {what}: running ({elapsed:.0f} s)", file=sys.stderr)

        if self._bar is not None:
            self._bar.set_description(what)
            beater = None
        else:
            beater = threading.Thread(target=beat, name="run-progress", daemon=True)
            beater.start()
        try:
            result = work()
        finally:
            stop.set()
            if beater is not None:
                beater.join()
        self.done(what, result.success, result.run_id, time.perf_counter() - began)
        return result

    def grow(self, more: int) -> None:
        """More runs than first counted (another tick)."""
        self._total += more
        if self._bar is not None:
            self._bar.total = self._total
            self._bar.refresh()

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()

    def say(self, kind: str, message: str) -> None:
        """A ``heroku-assets run: <kind>: message`` line, above the bar on a terminal."""
        prog = getattr(self._args, "prog", "heroku-assets run")
        line = f"{prog}: {kind}: {' '.join(message.splitlines())}"
        if self._bar is None:
            print(line, file=sys.stderr, flush=True)
        else:
            self._bar.write(line, file=sys.stderr)

    def done(self, what: str, ok: bool, run_id: str, seconds: float) -> None:
        self._count += 1
        state = "ok" if ok else "FAILED"
        line = f"[{self._count}/{self._total}] {what}: {state} (run {run_id[:8]}, {seconds:.1f} s)"
        if self._bar is None:
            print(line, file=sys.stderr, flush=True)
        else:
            self._bar.write(line, file=sys.stderr)
            self._bar.update(1)
