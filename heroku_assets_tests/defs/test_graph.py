"""The asset graph for real: local stores, DuckDB, the Dagster instance, sensor and schedule."""

import datetime as dt

import dagster as dg
import duckdb
import pytest

from heroku_assets.capture.imports import import_file
from heroku_assets.defs.logs.assets import RAW_LOGS
from heroku_assets.defs.logs.jobs import JOB_NAME
from heroku_assets.defs.logs.ticks import SEAL_JOB
from heroku_assets.defs.partitions import heroku_apps, log_partition_key
from heroku_assets.settings import load
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.capture.helpers import frame, put_drain, put_pull
from heroku_assets_tests.defs.conftest import days_ago

ROUTER = (
    'heroku[router]: at=info method=GET path="/a?b=c" host=shop.example.com request_id={rid} '
    'fwd="1.2.3.4" dyno=web.1 connect=1ms service={ms}ms status={status} bytes=512 protocol=https'
)


def _dump(day: dt.date, n: int) -> str:
    lines = []
    for i in range(n):
        ts = f"{day.isoformat()}T10:{i // 60:02d}:{i % 60:02d}.{i:06d}+00:00"
        lines.append(f"{ts} " + ROUTER.format(rid=f"req-{i}", ms=10 + i, status=500 if i % 5 == 0 else 200))
    lines.append(f"{day.isoformat()}T11:00:00+00:00 app[web.1]: Completed 200 OK in 12ms")
    lines.append(f"{day.isoformat()}T11:00:01+00:00 heroku[web.1]: State changed from starting to up")
    lines.append(
        f"{day.isoformat()}T11:00:02+00:00 heroku[web.1]: source=web.1 dyno=heroku.1.abc "
        "sample#memory_total=21.00MB sample#load_avg_1m=0.01"
    )
    lines.append(f"{day.isoformat()}T11:00:03+00:00 heroku[web.1]: Error R14 (Memory quota exceeded)")
    lines.append("complete garbage \x01 with no header")
    return "\n".join(lines) + "\n"


def _rows(data_dir, sql: str, params=()) -> list[tuple]:
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as conn:
        return conn.execute(sql, list(params)).fetchall()


def _run(definitions, instance, app, day):
    result = definitions.resolve_job_def(JOB_NAME).execute_in_process(
        partition_key=log_partition_key(app, day), instance=instance
    )
    assert result.success
    return result


def test_a_partition_run_twice_leaves_the_same_rows_and_every_check_passes(
    definitions, instance, project_env, tmp_path
):
    day = days_ago(2)
    dump = tmp_path / "dump.log"
    dump.write_text(_dump(day, 50))
    settings = load()
    import_file(LocalObjectStore(settings.raw_dir), dump, "shop")
    instance.add_dynamic_partitions(heroku_apps.name, ["shop"])

    first = _run(definitions, instance, "shop", day)
    counts = {
        t: _rows(project_env, f"SELECT count(*) FROM {t} WHERE app = 'shop'")[0][0]  # noqa: S608 - fixed names
        for t in ("router_events", "app_events", "platform_events", "runtime_metrics", "rejected_lines")
    }
    assert counts == {
        "router_events": 50,
        "app_events": 1,
        "platform_events": 2,
        "runtime_metrics": 2,
        "rejected_lines": 1,
    }
    snapshot = _rows(project_env, "SELECT * FROM router_events ORDER BY line_number")
    _run(definitions, instance, "shop", day)
    assert _rows(project_env, "SELECT * FROM router_events ORDER BY line_number") == snapshot

    evaluations = [
        e
        for e in first.get_asset_check_evaluations()
        if e.check_name in ("lines_accounted_for", "staged_rows_loaded")
    ]
    # two checks per event table (six of them, spans included)
    assert len(evaluations) == 12 and all(e.passed for e in evaluations)
    raw_meta = instance.get_latest_materialization_event(RAW_LOGS).asset_materialization
    assert raw_meta.metadata["lines"].value == 55

    assert (
        definitions.resolve_job_def("warehouse_reference_job").execute_in_process(instance=instance).success
    )
    stats = _rows(
        project_env,
        "SELECT requests, errors, error_rate, p50_service_ms, p99_service_ms, bytes FROM daily_request_stats",
    )
    # service = 10..59 ms; every fifth request (i = 0, 5, ..., 45) answered 500
    assert stats == [(50, 10, 0.2, 34.5, pytest.approx(59 - 0.01 * 49), 50 * 512)]
    codes = _rows(project_env, "SELECT code, family, meaning, occurrences FROM errors_by_code")
    assert codes == [("R14", "runtime", "Memory quota exceeded", 1)]
    statistics = definitions.resolve_job_def("warehouse_statistics_job").execute_in_process(instance=instance)
    assert statistics.success


def test_a_late_line_makes_the_sensor_rerun_its_partition_and_it_lands_once(
    definitions, instance, resources, project_env
):
    day = days_ago(1)
    raw = LocalObjectStore(load().raw_dir)
    put_drain(raw, "shop", day, "a" * 32, [frame(f"{day}T20:00:00.000001+00:00", "app", "web.1", "first")])
    sensor = definitions.resolve_sensor_def("raw_objects_sensor")

    def tick(cursor=None):
        with dg.build_sensor_context(
            instance=instance,
            resources={"stores": resources["stores"]},
            cursor=cursor,
            definitions=definitions,
        ) as context:
            return sensor(context)

    result = tick()
    assert result.dynamic_partitions_requests[0].partition_keys == ["shop"]
    instance.add_dynamic_partitions(heroku_apps.name, ["shop"])
    assert [r.partition_key for r in result.run_requests] == [log_partition_key("shop", day)]
    _run(definitions, instance, "shop", day)

    quiet = tick(result.cursor)
    assert quiet.run_requests == []

    # After midnight a drain body brings a late line of the day before, and a pull that overlaps the
    # drain brings the first line again.
    put_drain(
        raw,
        "shop",
        day + dt.timedelta(days=1),
        "b" * 32,
        [frame(f"{day}T23:59:59.999999+00:00", "app", "web.1", "late")],
    )
    put_pull(
        raw,
        "shop",
        dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, 5), dt.UTC),
        [f"{day}T20:00:00.000001+00:00 app[web.1]: first"],
    )
    late = tick(quiet.cursor)
    assert [r.partition_key for r in late.run_requests] == [log_partition_key("shop", day)]
    assert late.run_requests[0].run_key != result.run_requests[0].run_key
    _run(definitions, instance, "shop", day)
    messages = _rows(project_env, "SELECT message FROM app_events WHERE app = 'shop' ORDER BY event_ts")
    assert messages == [("first",), ("late",)]


def test_turning_the_sensor_on_after_a_catch_up_run_asks_only_for_what_arrived_since(
    definitions, instance, resources, project_env
):
    """`make run` builds every partition; the sensor's first tick must not ask for them all again."""
    day = days_ago(1)
    raw = LocalObjectStore(load().raw_dir)
    put_drain(raw, "shop", day, "a" * 32, [frame(f"{day}T20:00:00.000001+00:00", "app", "web.1", "first")])
    put_drain(raw, "cart", day, "c" * 32, [frame(f"{day}T20:00:00.000001+00:00", "app", "web.1", "one")])
    instance.add_dynamic_partitions(heroku_apps.name, ["cart", "shop"])
    _run(definitions, instance, "shop", day)
    _run(definitions, instance, "cart", day)
    sensor = definitions.resolve_sensor_def("raw_objects_sensor")

    def tick(cursor=None):
        with dg.build_sensor_context(
            instance=instance,
            resources={"stores": resources["stores"]},
            cursor=cursor,
            definitions=definitions,
        ) as context:
            return sensor(context)

    first = tick()
    assert first.run_requests == []  # both partitions were built from everything the store holds
    # a body that arrives after the builds asks for its partition, and only that one
    import time

    time.sleep(0.01)  # a later store time than the objects the builds read
    put_drain(raw, "shop", day, "b" * 32, [frame(f"{day}T21:00:00.000001+00:00", "app", "web.1", "more")])
    later = tick(first.cursor)
    assert [r.partition_key for r in later.run_requests] == [log_partition_key("shop", day)]


def test_the_daily_schedule_seals_the_day_before_yesterday_of_every_known_app(definitions, instance):
    instance.add_dynamic_partitions(heroku_apps.name, ["billing", "shop"])
    schedule = definitions.resolve_schedule_def("daily_logs_schedule")
    when = dt.datetime(2026, 11, 24, 3, 30, tzinfo=dt.UTC)
    context = dg.build_schedule_context(
        instance=instance, scheduled_execution_time=when, repository_def=definitions.get_repository_def()
    )
    requests = list(schedule.evaluate_tick(context).run_requests)
    # its late window (a day, by default) has passed: the day is sealed, not rebuilt
    assert schedule.job_name == SEAL_JOB
    assert [r.partition_key for r in requests] == [
        log_partition_key("billing", dt.date(2026, 11, 22)),
        log_partition_key("shop", dt.date(2026, 11, 22)),
    ]


def test_the_daily_schedule_waits_out_a_longer_late_window(definitions, instance):
    from heroku_assets.defs.logs.schedules import build_daily_logs_schedule

    instance.add_dynamic_partitions(heroku_apps.name, ["shop"])
    schedule = build_daily_logs_schedule(dt.date(2026, 11, 1), late_days=3)
    when = dt.datetime(2026, 11, 24, 3, 30, tzinfo=dt.UTC)
    context = dg.build_schedule_context(
        instance=instance, scheduled_execution_time=when, repository_def=definitions.get_repository_def()
    )
    # three whole days must pass after a day before its seal: on the 24th, the 20th is the last
    assert [r.partition_key for r in schedule.evaluate_tick(context).run_requests] == [
        log_partition_key("shop", dt.date(2026, 11, 20))
    ]


def test_the_daily_schedule_skips_when_no_app_is_known(definitions, instance):
    schedule = definitions.resolve_schedule_def("daily_logs_schedule")
    # the repository, as the code server gives it: the schedule reads the first day off its job
    context = dg.build_schedule_context(
        instance=instance,
        scheduled_execution_time=dt.datetime(2026, 11, 24, 3, 30),
        repository_def=definitions.get_repository_def(),
    )
    assert schedule.evaluate_tick(context).skip_message == (
        "no Heroku apps known yet: the sensor or the API assets add them"
    )


def test_settings_name_the_variable_that_is_wrong(monkeypatch):
    from heroku_assets import settings

    for name in ("HEROKU_ASSETS_ENV", "AZURE_STORAGE_ACCOUNT_URL", "HEROKU_ASSETS_SENSOR_INTERVAL"):
        monkeypatch.delenv(name, raising=False)
    assert settings.load().sensor_interval == 300
    for name, value in (
        ("HEROKU_ASSETS_SENSOR_INTERVAL", "5"),
        ("HEROKU_ASSETS_LATE_DAYS", "soon"),
        ("HEROKU_ASSETS_ENV", "cloud"),
    ):
        with monkeypatch.context() as m:
            m.setenv(name, value)
            with pytest.raises(ValueError, match=name) as raised:
                settings.load()
            assert value not in str(raised.value).replace(name, "")  # the message names, never echoes
    monkeypatch.setenv("HEROKU_ASSETS_ENV", "mixed")
    with pytest.raises(ValueError, match="AZURE_STORAGE_ACCOUNT_URL"):
        settings.load()


def test_storage_secrets_pick_the_credential_and_never_show(monkeypatch):
    from heroku_assets import settings

    monkeypatch.setenv("HEROKU_ASSETS_ENV", "mixed")
    monkeypatch.setenv("AZURE_STORAGE_ACCOUNT_URL", "https://acct.blob.core.windows.net")
    monkeypatch.delenv("AZURE_STORAGE_ACCOUNT_KEY", raising=False)
    monkeypatch.setenv("AZURE_STORAGE_SAS_TOKEN", "sv=2024&sig=secret-signature")
    loaded = settings.load()
    assert loaded.azure_credential == "sas" and loaded.uses_blob and not loaded.uses_synapse
    assert "secret-signature" not in repr(loaded) and "secret-signature" not in str(loaded.model_dump())
    monkeypatch.setenv("AZURE_STORAGE_ACCOUNT_KEY", "a2V5")
    assert settings.load().azure_credential == "key"


def test_the_raw_partition_names_the_objects_it_was_built_from(definitions, instance, project_env, tmp_path):
    day = days_ago(3)
    dump = tmp_path / "dump.log"
    dump.write_text(_dump(day, 3))
    result = import_file(LocalObjectStore(load().raw_dir), dump, "shop")
    instance.add_dynamic_partitions(heroku_apps.name, ["shop"])
    _run(definitions, instance, "shop", day)
    event = instance.get_latest_materialization_event(RAW_LOGS).asset_materialization
    assert event.metadata["source_object_keys"].value == [result.key]
    assert event.metadata["source_objects"].value == 1
    # when the newest object arrived, shown as a time (the sensor compares its seconds)
    newest = event.metadata["sources_newest"]
    assert isinstance(newest, dg.TimestampMetadataValue)
    assert newest.value == (load().raw_dir / result.key).stat().st_mtime


def test_the_late_window_of_the_raw_partition_is_the_setting_s(monkeypatch, project_env, instance):
    """HEROKU_ASSETS_LATE_DAYS reaches the partition: a line of the day that arrived two days later is
    read with a late window of 2, left to the late-line checks with the default of 1."""
    from heroku_assets.definitions import defs

    day = days_ago(6)
    raw = LocalObjectStore(load().raw_dir)
    put_drain(raw, "shop", day, "a" * 32, [frame(f"{day}T12:00:00+00:00", "app", "web.1", "on time")])
    late = day + dt.timedelta(days=2)
    put_drain(raw, "shop", late, "b" * 32, [frame(f"{day}T23:59:00+00:00", "app", "web.1", "late")])
    instance.add_dynamic_partitions(heroku_apps.name, ["shop"])
    lines = {}
    for late_days in ("1", "2"):
        monkeypatch.setenv("HEROKU_ASSETS_LATE_DAYS", late_days)
        _run(defs(), instance, "shop", day)
        lines[late_days] = instance.get_latest_materialization_event(RAW_LOGS).asset_materialization
    assert {k: e.metadata["lines"].value for k, e in lines.items()} == {"1": 1, "2": 2}
