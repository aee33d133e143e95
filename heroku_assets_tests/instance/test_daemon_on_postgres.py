"""The Dagster daemon for real on the PostgreSQL instance: the sensor and the schedule request runs, the
queued run coordinator starts several at once, the warehouse pool lets one DuckDB load run at a time,
and a run whose worker is killed is run again and lands once."""

from __future__ import annotations

import datetime as dt
import os
import signal

import dagster as dg
import duckdb
import pytest
from dagster._core.scheduler.instigation import InstigatorType, ScheduleInstigatorData
from dagster._core.storage.dagster_run import FINISHED_STATUSES, RunsFilter

from heroku_assets.capture.imports import import_file
from heroku_assets.defs.logs.ticks import SEAL_JOB, SEALED
from heroku_assets.defs.partitions import heroku_apps, log_partition_key
from heroku_assets.storage.local import LocalObjectStore

WAREHOUSE_STEP = "warehouse_event_tables"  # the DuckDB step, in the "warehouse" pool
ROUTER = (
    "{ts} heroku[router]: at=info method=GET path=/p host=shop.example.com request_id={rid} "
    'fwd="1.2.3.4" dyno=web.1 connect=1ms service=12ms status=200 bytes=512 protocol=https'
)

pytestmark = pytest.mark.timeout(600)


def _import_dump(deployment, tmp_path, app: str, day: dt.date, lines: int) -> None:
    dump = tmp_path / f"{app}-{day}.log"
    with dump.open("w") as out:
        for i in range(lines):
            at = dt.datetime.combine(day, dt.time(), dt.UTC) + dt.timedelta(seconds=i % 86400, microseconds=i)
            ts = at.isoformat(timespec="microseconds")
            out.write(ROUTER.format(ts=ts, rid=f"{app}-{i}") + "\n")
    import_file(LocalObjectStore(deployment.data_dir / "raw"), dump, app)


def _router_rows(deployment) -> dict[str, int]:
    with duckdb.connect(str(deployment.data_dir / "warehouse.duckdb"), read_only=True) as conn:
        return dict(conn.execute("SELECT app, count(*) FROM router_events GROUP BY app").fetchall())


def _finished(instance, tags: dict[str, str], count: int):
    records = instance.get_run_records(RunsFilter(tags=tags))
    done = [r for r in records if r.dagster_run.status in FINISHED_STATUSES]
    return records if len(done) == len(records) >= count else None


def _step_intervals(instance, run_id: str, step_key: str) -> list[tuple[float, float]]:
    starts, ends = {}, {}
    for record in instance.all_logs(run_id):
        event = record.dagster_event
        if event is None or event.step_key != step_key:
            continue
        if event.event_type == dg.DagsterEventType.STEP_START:
            starts[step_key] = record.timestamp
        elif event.event_type in (dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE):
            ends[step_key] = record.timestamp
    return [(starts[k], ends[k]) for k in starts if k in ends]


def _most_at_once(intervals: list[tuple[float, float]]) -> int:
    points = sorted([(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals])
    running = most = 0
    for _, delta in points:
        running += delta
        most = max(most, running)
    return most


def test_sensor_runs_queue_one_log_writer_at_a_time_with_one_warehouse_load_at_a_time(deployment, tmp_path):
    day = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=2)
    apps = [f"app{i}" for i in range(5)]
    for n, app in enumerate(apps):
        _import_dump(deployment, tmp_path, app, day, 2000 + n)
    deployment.cli("sensor", "start", "raw_objects_sensor")

    with deployment.instance() as instance, deployment.daemon():
        records = deployment.wait_for(
            "the sensor's five runs to finish",
            lambda: _finished(instance, {"heroku_assets/trigger": "raw_objects"}, len(apps)),
            timeout=420,
        )
        runs = [r.dagster_run for r in records]
        assert sorted(run.tags["dagster/partition"] for run in runs) == sorted(
            str(log_partition_key(app, day)) for app in apps
        )
        assert [run.status for run in runs] == [dg.DagsterRunStatus.SUCCESS] * len(apps), (
            deployment.daemon_log()
        )
        assert set(instance.get_dynamic_partitions(heroku_apps.name)) == set(apps)

        # The queue ran them one at a time: rebuilds and ticks carry the heroku_assets/log_writer tag,
        # which concurrency.runs limits to one run (a rebuild reads what ticks consumed) ...
        run_intervals = [(r.start_time, r.end_time) for r in records]
        assert _most_at_once(run_intervals) == 1
        # ... while their DuckDB loads, in the warehouse pool of one slot, never overlapped.
        loads = [i for r in records for i in _step_intervals(instance, r.dagster_run.run_id, WAREHOUSE_STEP)]
        assert len(loads) == len(apps)
        assert _most_at_once(loads) == 1
    assert _router_rows(deployment) == {app: 2000 + n for n, app in enumerate(apps)}


def _latest_tick(now: dt.datetime) -> dt.datetime:
    today = now.replace(hour=3, minute=30, second=0, microsecond=0)
    return today if today <= now else today - dt.timedelta(days=1)


def test_the_daily_schedule_seals_in_the_daemon_every_known_app_s_day(deployment, tmp_path):
    tick = _latest_tick(dt.datetime.now(dt.UTC))
    day = (tick - dt.timedelta(days=2)).date()  # its late window has passed
    apps = ["billing", "shop"]
    for app in apps:
        _import_dump(deployment, tmp_path, app, day, 500)
    deployment.cli("sensor", "start", "raw_objects_sensor")  # the imported days, rebuilt
    with deployment.instance() as instance, deployment.daemon():
        deployment.wait_for(
            "the sensor's runs to finish",
            lambda: _finished(instance, {"heroku_assets/trigger": "raw_objects"}, len(apps)),
        )
    deployment.cli("sensor", "stop", "raw_objects_sensor")
    deployment.cli("schedule", "start", "daily_logs_schedule")
    with deployment.instance() as instance:
        # Started a day and a half ago: the daemon owes the schedule its latest tick, which it runs now
        # rather than at the next 03:30.
        [state] = instance.all_instigator_state(instigator_type=InstigatorType.SCHEDULE)
        since = (tick - dt.timedelta(hours=36)).timestamp()
        cron = state.instigator_data.cron_schedule
        instance.update_instigator_state(state.with_data(ScheduleInstigatorData(cron, start_timestamp=since)))

    with deployment.instance() as instance, deployment.daemon():
        records = deployment.wait_for(
            "the schedule's runs to finish",
            lambda: _finished(instance, {"dagster/schedule_name": "daily_logs_schedule"}, len(apps)),
        )
        runs = [r.dagster_run for r in records]
        assert sorted(run.tags["dagster/partition"] for run in runs) == sorted(
            str(log_partition_key(app, day)) for app in apps
        )
        assert {run.status for run in runs} == {dg.DagsterRunStatus.SUCCESS}, deployment.daemon_log()
        assert {run.job_name for run in runs} == {SEAL_JOB}
        assert sorted(run.tags["dagster/run_key"] for run in runs) == [
            f"{app}|{day}|daily-seal" for app in apps
        ]
        # each seal proved its day against the ledger: the rebuild's 500 lines
        for app in apps:
            [record] = instance.fetch_materializations(
                dg.AssetRecordsFilter(asset_key=SEALED, asset_partitions=[str(log_partition_key(app, day))]),
                limit=1,
            ).records
            assert record.asset_materialization.metadata["ledger_lines"].value == 500
    assert _router_rows(deployment) == {"billing": 500, "shop": 500}


def _run_worker_pid(instance, run_id: str) -> int | None:
    for record in instance.all_logs(run_id, of_type=dg.DagsterEventType.ENGINE_EVENT):
        pid = record.dagster_event.event_specific_data.metadata.get("pid")
        if pid is not None:
            return int(pid.value)
    return None


def _in_warehouse_step(instance, run_id: str) -> bool:
    return any(
        record.dagster_event.step_key == WAREHOUSE_STEP
        for record in instance.all_logs(run_id, of_type=dg.DagsterEventType.STEP_START)
    )


def test_a_run_whose_worker_is_killed_in_the_warehouse_step_is_retried_and_lands_once(deployment, tmp_path):
    day = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=3)
    # enough lines that the DuckDB load lasts seconds, so that the kill lands inside it
    _import_dump(deployment, tmp_path, "doomed", day, 150000)
    _import_dump(deployment, tmp_path, "other", day, 3000)
    deployment.cli("sensor", "start", "raw_objects_sensor")

    with deployment.instance() as instance, deployment.daemon():
        doomed_key = str(log_partition_key("doomed", day))

        def doomed_run_loading():
            for record in instance.get_run_records(RunsFilter(tags={"dagster/partition": doomed_key})):
                run_id = record.dagster_run.run_id
                if record.dagster_run.status == dg.DagsterRunStatus.STARTED and _in_warehouse_step(
                    instance, run_id
                ):
                    return run_id
            return None

        first = deployment.wait_for(
            "the first run to reach its DuckDB load", doomed_run_loading, timeout=420, poll=0.05
        )
        pid = _run_worker_pid(instance, first)
        assert pid is not None, "the run worker's pid is in the run's engine events"
        os.kill(pid, signal.SIGKILL)  # holding the warehouse slot, mid-load

        records = deployment.wait_for(
            "the killed run's retry and the other partition to finish",
            lambda: _finished(instance, {"heroku_assets/trigger": "raw_objects"}, 3),
            timeout=420,
        )
        by_id = {r.dagster_run.run_id: r.dagster_run for r in records}
        assert by_id[first].status == dg.DagsterRunStatus.FAILURE
        retries = [run for run in by_id.values() if run.tags.get("dagster/parent_run_id") == first]
        assert [(run.status, run.tags["dagster/retry_number"]) for run in retries] == [
            (dg.DagsterRunStatus.SUCCESS, "1")
        ], deployment.daemon_log()
        others = [run for run in by_id.values() if run.tags["dagster/partition"] != doomed_key]
        assert [run.status for run in others] == [dg.DagsterRunStatus.SUCCESS]
        # the slot the dead worker held was given back: nothing holds it now
        assert instance.event_log_storage.get_concurrency_info("warehouse").active_slot_count == 0
    # the half-done load of the killed run left nothing behind: each line is in the table once
    assert _router_rows(deployment) == {"doomed": 150000, "other": 3000}


def test_a_failed_run_of_heroku_assets_run_is_retried_by_the_daemon_from_its_failed_step(
    deployment, tmp_path
):
    """`run` makes its runs with the code location's origin, so the daemon can retry them as it retries
    runs launched in the UI (a run without one it cannot: "unable to retry the run")."""
    import subprocess
    import sys
    from pathlib import Path

    import yaml

    # the deployment retries runs whose worker died, not failed steps; this test fails a step
    config_file = deployment.home / "dagster.yaml"
    config = yaml.safe_load(config_file.read_text())
    config["run_retries"]["retry_on_asset_or_op_failure"] = True
    config_file.write_text(yaml.safe_dump(config))
    day = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
    _import_dump(deployment, tmp_path, "shop", day, 300)
    # where the retry daemon keeps its place in the event log (it skips what came before its first look)
    cursor = f"EVENT_LOG_CONSUMER_CURSOR-{dg.DagsterEventType.RUN_FAILURE.value}"
    with deployment.instance() as instance, deployment.daemon():
        deployment.wait_for(
            "the retry daemon to start reading the event log",
            lambda: instance.daemon_cursor_storage.get_cursor_values({cursor}),
        )
        # the command's warehouse cannot be opened (a file where its folder would be): its partition
        # run fails in its first step (the raw partition asks the warehouse's ledger what ticks took)
        (tmp_path / "not-a-folder").write_text("")
        broken = {**deployment.env, "HEROKU_ASSETS_DUCKDB_PATH": str(tmp_path / "not-a-folder" / "w.duckdb")}
        exe = Path(sys.executable).with_name("heroku-assets")
        done = subprocess.run(
            [str(exe), "run", "--no-summary"], env=broken, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 1 and f"shop {day}: FAILED" in done.stderr, done.stderr
        # the command's own run: the daemon's retry of it (same partition) may already exist
        partition_runs = instance.get_runs(
            RunsFilter(tags={"dagster/partition": str(log_partition_key("shop", day))})
        )
        [failed] = [run for run in partition_runs if run.parent_run_id is None]
        assert failed.status == dg.DagsterRunStatus.FAILURE

        def retried():
            runs = instance.get_runs(RunsFilter(tags={"dagster/parent_run_id": failed.run_id}))
            return runs if runs and runs[0].status in FINISHED_STATUSES else None

        [retry] = deployment.wait_for("the daemon's retry of the failed run", retried, timeout=300)
        assert retry.status == dg.DagsterRunStatus.SUCCESS, deployment.daemon_log()
        assert retry.tags["dagster/retry_number"] == "1"
        started = {
            r.dagster_event.step_key
            for r in instance.all_logs(retry.run_id, of_type=dg.DagsterEventType.STEP_START)
        }
        failed_steps = {
            r.dagster_event.step_key
            for r in instance.all_logs(failed.run_id, of_type=dg.DagsterEventType.STEP_FAILURE)
        }
        assert failed_steps == {"raw__heroku_logs"}
        # from the failed step on (its downstream steps had not run): all three, each once
        assert started == {"raw__heroku_logs", "parsed_log_events", WAREHOUSE_STEP}
    assert _router_rows(deployment) == {"shop": 300}
