"""The main job from the command line (``heroku-assets run``, whose command is ``cli/run.py``).

Every (app, day) partition the raw store holds (or the ones named) is materialized through the same
Dagster definitions the UI loads, then the reference table and views; the runs are made in the instance the
caller opens, as runs of the ``heroku_assets`` code location (``heroku_assets.code_location``), so
``make dev`` shows them afterwards, on the Overview timeline too. ``plan_runs`` says what to run (and why
nothing, when nothing), ``run_plan`` runs it; what they have to say goes through a ``say(kind, message)``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from heroku_assets.settings import Settings

T = TypeVar("T")
Say = Callable[[str, str], None]  # (kind: info | warning | error, message)
HEARTBEAT_SECONDS = 30.0  # a line this often while a run goes on, when stderr is not a terminal
SPOOL_GRACE_SECONDS = 15.0  # waited past the segment interval: the upload's time


class NothingToRun(Exception):
    """No partition matched: the message says why, in terms of what the raw store holds."""


@dataclasses.dataclass(frozen=True)
class Plan:
    """The runs to make: ticks (when drain segments exist), whole-day rebuilds, then seals."""

    apps: list[str]
    ticks: int
    rebuilds: list[tuple[str, dt.date]]
    seals: list[tuple[str, dt.date]]


def plan_runs(config: Settings, apps: list[str] | None, dates: list[dt.date] | None, say: Say) -> Plan:
    """What to run for the partitions the raw store holds, only ``apps`` and ``dates`` when given; what a
    stopped drain receiver left in its spool is shipped first. Raises ``NothingToRun``."""
    from heroku_assets import settings
    from heroku_assets.defs.partitions import in_partitions
    from heroku_assets.logs.changes import all_partitions
    from heroku_assets.logs.seal import sealable
    from heroku_assets.storage.factory import open_stores

    with open_stores(config) as stores:
        _ship_the_spool(stores.raw, config.data_dir, say)
        rebuilt_kinds = all_partitions(stores.raw, segments=False)
        ticked_kinds = all_partitions(stores.raw, segments=True)
    found = {
        app: rebuilt_kinds.get(app, set()) | ticked_kinds.get(app, set())
        for app in {*rebuilt_kinds, *ticked_kinds}
    }
    today = dt.datetime.now(dt.UTC).date()
    named = bool(apps or dates)

    def matching(partitions: dict) -> list[tuple[str, dt.date]]:
        return [
            (app, day)
            for app in sorted(partitions)
            for day in sorted(partitions[app])
            if (not apps or app in apps) and (not dates or day in dates)
        ]

    wanted = matching(found)
    skipped = [(a, d) for a, d in wanted if not in_partitions(d, today, config.start_date)]
    for app, day in skipped:
        say(
            "warning",
            f"skipped {app} {day}: outside the partitions ({config.start_date} to {today}; "
            f"{settings.START_DATE} sets the first day)",
        )
    wanted = [(a, d) for a, d in wanted if (a, d) not in skipped]
    if not wanted:
        raise NothingToRun(_nothing_to_run(found, apps, dates, skipped))
    # Drain segments are appended by ticks; a day is rebuilt whole when named, or when imports or pulls
    # (which ticks do not take) hold lines of it.
    wanted_set = set(wanted)
    rebuilds = wanted if named else [p for p in matching(rebuilt_kinds) if p in wanted_set]
    rebuild_set = set(rebuilds)
    seals = [
        (a, d)
        for a, d in matching(ticked_kinds)
        if (a, d) in wanted_set and (a, d) not in rebuild_set and sealable(d, today, config.late_days)
    ]
    return Plan(
        apps=sorted({app for app, _ in wanted}),
        ticks=1 if ticked_kinds else 0,
        rebuilds=rebuilds,
        seals=seals,
    )


def run_plan(plan: Plan, instance: Any, say: Say, prog: str = "heroku-assets run") -> int:
    """Make the plan's runs in ``instance`` (a ``DagsterInstance``); the number of runs that failed."""
    from heroku_assets.code_location import open_code_location, release_runs_of_dead_processes
    from heroku_assets.defs.logs.jobs import JOB_NAME
    from heroku_assets.defs.logs.ticks import SEAL_JOB, TICK, TICK_JOB
    from heroku_assets.defs.partitions import heroku_apps, log_partition_key

    for run_id in release_runs_of_dead_processes(instance):
        say("warning", f"run {run_id[:8]} was left unfinished by a process that is gone: marked failed")
    instance.add_dynamic_partitions(heroku_apps.name, plan.apps)
    failures = 0
    # Step logs go to the instance (the UI shows them), not to Dagster's console logger; the terminal gets
    # a line per run (under a progress bar on a terminal) and the runs' warnings and errors, in the
    # command's own shape, as are the library's log lines (library code logs with `logging`).
    quiet = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}
    ticks = plan.ticks
    total = ticks + len(plan.rebuilds) + 1
    # runs are made as the UI makes them, with the code location's origin, so the Overview timeline
    # shows them under heroku_assets and their job
    with (
        open_code_location(instance) as location,
        _Progress(total, prog) as progress,
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
        for app, day in plan.rebuilds:
            failures += not run(f"{app} {day}", JOB_NAME, (app, day))
        # sealed after the ticks and rebuilds, each day once per change (what ticks appended since)
        last_tick = instance.get_latest_materialization_event(TICK) if plan.seals else None
        since = last_tick.timestamp if last_tick else None
        seals = [(a, d) for a, d in plan.seals if _needs_seal(instance, a, d, since)]
        progress.grow(len(seals))
        for app, day in seals:
            failures += not run(f"seal {app} {day}", SEAL_JOB, (app, day))
        failures += not run("reference table and views", "warehouse_reference_job")
    return failures


def _needs_seal(instance, app: str, day: dt.date, last_tick: float | None) -> bool:
    """Whether (app, day) was never sealed, or a tick ran since its seal (``last_tick``: when the latest
    tick ended; it may have appended to the day, and sealing again is one query)."""
    import dagster as dg

    from heroku_assets.defs.logs.ticks import SEALED
    from heroku_assets.defs.partitions import log_partition_key

    partition = str(log_partition_key(app, day))
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=SEALED, asset_partitions=[partition]), limit=1
    ).records
    if not records:
        return True
    return last_tick is not None and last_tick > records[0].timestamp


def _tick_left_more(instance) -> bool:
    """Whether the tick just run left segments for another (it takes a bounded number)."""
    from heroku_assets.defs.logs.ticks import TICK

    event = instance.get_latest_materialization_event(TICK)
    if event is None or event.asset_materialization is None:
        return False
    entry = event.asset_materialization.metadata.get("more_pending")
    return bool(entry is not None and entry.value)


def _ship_the_spool(raw, data_dir: Path, say: Say) -> None:
    """What a local drain receiver took but has not shipped yet reaches the raw store before the runs:
    a stopped receiver's segments are shipped here; a running receiver ships its own when it seals them
    (every HEROKU_DRAIN_SEGMENT_SECONDS), and they are waited for, a little longer than that."""
    from heroku_assets import settings
    from heroku_assets.capture.drain_config import SpoolConfig
    from heroku_assets.capture.segments import ship_orphans
    from heroku_assets.capture.slots import held_segments

    spool = SpoolConfig.from_settings(settings.load_drain(), data_dir)
    if not spool.directory.is_dir():
        return
    shipped = ship_orphans(raw, spool.directory, spool.receiver_id)
    if shipped:
        say("info", f"shipped {shipped} segment(s) a stopped drain receiver left in {spool.directory}")
    held = held_segments(spool.directory)
    if not held:
        return
    limit = spool.segment_seconds + SPOOL_GRACE_SECONDS
    say(
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
        say(
            "warning",
            f"{len(left)} segment(s) still in the spool ({spool.directory}): their lines are not in this "
            "run; they ship when the receiver seals them or stops (see its log), then run again",
        )


def _nothing_to_run(found: dict, apps: list[str] | None, dates: list[dt.date] | None, skipped: list) -> str:
    """Why no partition matched, in terms of what the raw store does hold."""
    if not found:
        return "nothing to run: the raw store holds no lines (try `heroku-assets import`)"
    if skipped:
        return "nothing to run: every matching partition is outside the partitions (see the warnings)"
    held_apps = sorted(found)
    unknown = sorted(set(apps or ()) - set(held_apps))
    if unknown:
        return (
            f"nothing to run: no lines of {', '.join(unknown)} in the raw store "
            f"(it holds {', '.join(held_apps)})"
        )
    days = sorted({d for app in held_apps if not apps or app in apps for d in found[app]})
    wanted = ", ".join(d.isoformat() for d in sorted(dates or ()))
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
        self, total: int, prog: str = "heroku-assets run", heartbeat: float = HEARTBEAT_SECONDS
    ) -> None:
        self._prog = prog
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
        line = f"{self._prog}: {kind}: {' '.join(message.splitlines())}"
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
