"""The sensor on the tick path: one tick at a time for new segments, a seal per app-day once its late
window passed (again after late lines), a rebuild for a day whose seal failed."""

from __future__ import annotations

import datetime as dt

import dagster as dg

from heroku_assets.defs.logs.jobs import JOB_NAME
from heroku_assets.defs.logs.ticks import SEAL_JOB, TICK_JOB
from heroku_assets.defs.partitions import heroku_apps, log_partition_key
from heroku_assets.settings import load
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.ticks.segments import logplex, write_segment

APP = "shop"


def _line(day: dt.date, text: str) -> bytes:
    frame = f"<190>1 {day}T12:00:00+00:00 host app web.1 - {text}"
    return f"{len(frame.encode())} {frame}".encode()


def _evaluate(definitions, instance, resources, cursor: str | None):
    sensor = definitions.resolve_sensor_def("raw_objects_sensor")
    with dg.build_sensor_context(
        instance=instance, resources={"stores": resources["stores"]}, definitions=definitions, cursor=cursor
    ) as context:
        result = sensor(context)
    return result, result.cursor


def test_one_tick_at_a_time_then_a_seal_per_day_then_a_rebuild_when_a_seal_fails(
    definitions, instance, resources, project_env, tmp_path
):
    now = dt.datetime.now(dt.UTC)
    today, old = now.date(), now.date() - dt.timedelta(days=3)
    raw = LocalObjectStore(load().raw_dir)
    write_segment(raw, tmp_path, [logplex(APP, _line(old, "late") + _line(today, "now"), now, "A" * 32)])
    instance.add_dynamic_partitions(heroku_apps.name, [APP])

    first, cursor = _evaluate(definitions, instance, resources, None)
    assert [r.job_name for r in first.run_requests] == [TICK_JOB]
    # the tick is launched: no second one, and no seal of a day it is about to append to
    tick_job = definitions.resolve_job_def(TICK_JOB)
    queued = instance.create_run_for_job(tick_job)  # NOT_STARTED: launched, not running yet
    write_segment(raw, tmp_path, [logplex(APP, _line(today, "more"), now, "B" * 32)])
    second, cursor = _evaluate(definitions, instance, resources, cursor)
    assert second.run_requests == []
    instance.report_run_canceled(queued)
    assert tick_job.execute_in_process(instance=instance).success

    # a tick is still owed for what arrived while the first was queued; then the old day is sealed
    third, cursor = _evaluate(definitions, instance, resources, cursor)
    assert [r.job_name for r in third.run_requests] == [TICK_JOB]
    assert tick_job.execute_in_process(instance=instance).success
    fourth, cursor = _evaluate(definitions, instance, resources, cursor)
    assert [(r.job_name, r.partition_key) for r in fourth.run_requests] == [
        (SEAL_JOB, log_partition_key(APP, old))
    ]
    seal_job = definitions.resolve_job_def(SEAL_JOB)
    assert seal_job.execute_in_process(
        partition_key=fourth.run_requests[0].partition_key, instance=instance
    ).success
    fifth, cursor = _evaluate(definitions, instance, resources, cursor)
    assert fifth.run_requests == []  # sealed once

    # a row that should not be there: the seal fails, and the sensor asks for the day's rebuild
    import duckdb

    with duckdb.connect(str(project_env / "warehouse.duckdb")) as conn:
        conn.execute(
            "INSERT INTO app_events (app, event_date, line_number, message) VALUES (?, ?, 99, 'stray')",
            [APP, old],
        )
    failed = seal_job.execute_in_process(
        partition_key=log_partition_key(APP, old), instance=instance, raise_on_error=False
    )
    assert not failed.success
    sixth, cursor = _evaluate(definitions, instance, resources, cursor)
    assert [(r.job_name, r.partition_key) for r in sixth.run_requests] == [
        (JOB_NAME, log_partition_key(APP, old))
    ]
    rebuild = definitions.resolve_job_def(JOB_NAME)
    assert rebuild.execute_in_process(
        partition_key=sixth.run_requests[0].partition_key, instance=instance
    ).success
    assert seal_job.execute_in_process(partition_key=log_partition_key(APP, old), instance=instance).success
