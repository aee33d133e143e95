"""The days the UI's partitions cover, read through the webserver's GraphQL layer from the real
workspace.yaml (the code location in its own process, as `make dev` loads it): from
HEROKU_ASSETS_START_DATE, or, unset, from the first day of the sample `make run` writes."""

from __future__ import annotations

import datetime as dt
import os
import shlex
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest
from dagster_graphql.test.utils import define_out_of_process_context, execute_dagster_graphql

from heroku_assets_tests.conftest import TEST_START_DATE

ROOT = Path(__file__).resolve().parents[2]
WORKSPACE = ROOT / "workspace.yaml"
QUERY = """
{
  assetNodes(assetKeys: [{path: ["raw", "heroku_logs"]}]) {
    partitionKeysByDimension { name partitionKeys }
  }
}
"""


def _days(instance) -> list[str]:
    with define_out_of_process_context(str(WORKSPACE), None, instance) as context:
        result = execute_dagster_graphql(context, QUERY)
    assert result.errors is None, result.errors
    (node,) = result.data["assetNodes"]
    dims = {d["name"]: d["partitionKeys"] for d in node["partitionKeysByDimension"]}
    return dims["date"]


def _through_today(first: dt.date) -> list[str]:
    today = dt.datetime.now(dt.UTC).date()
    return [(first + dt.timedelta(days=n)).isoformat() for n in range((today - first).days + 1)]


def test_the_days_start_at_the_setting_and_end_today(project_env, instance, monkeypatch):
    first = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=10)
    monkeypatch.setenv("HEROKU_ASSETS_START_DATE", first.isoformat())
    assert _days(instance) == _through_today(first)


def test_unset_the_days_are_those_of_the_sample_make_run_writes_and_today(
    project_env, instance, monkeypatch, tmp_path
):
    monkeypatch.delenv("HEROKU_ASSETS_START_DATE")
    days = _days(instance)

    # the sample command exactly as `make run` runs it
    planned = subprocess.run(
        ["make", "-n", "run", f"HEROKU_ASSETS_DATA_DIR={tmp_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    [sample] = [line for line in planned.splitlines() if "heroku-assets sample" in line]
    subprocess.run(shlex.split(sample), cwd=ROOT, capture_output=True, check=True, timeout=300)
    written = sorted({p.stem for p in (tmp_path / "samples").glob("*/*.log")})

    assert len(written) == 3
    # every day written has partitions, the first partition is the first day written (the UI opens on
    # what exists, not on empty days before it), and the days run on to today
    assert days == _through_today(dt.date.fromisoformat(written[0]))
    assert set(written) <= set(days)


def test_the_setting_is_a_day_unset_the_sample_s_first_and_a_bad_value_is_named(monkeypatch):
    from heroku_assets import settings

    today = dt.datetime.now(dt.UTC).date()
    monkeypatch.delenv("HEROKU_ASSETS_START_DATE")
    assert settings.load().start_date == today - dt.timedelta(days=3)
    monkeypatch.setenv("HEROKU_ASSETS_START_DATE", " 2026-02-01 ")
    assert settings.load().start_date == dt.date(2026, 2, 1)
    # a timestamp or a datetime, which pydantic alone would take, a day that does not exist, a day to come
    for bad in ("1767225600", "2026-02-01T00:00:00", "2026-02-30", "01/02/2026", (today + dt.timedelta(1))):
        monkeypatch.setenv("HEROKU_ASSETS_START_DATE", str(bad))
        with pytest.raises(ValueError, match=r"^HEROKU_ASSETS_START_DATE: ") as raised:
            settings.load()
        assert "\n" not in str(raised.value) and str(bad) not in str(raised.value)


def test_the_sensor_and_the_schedule_keep_to_the_first_day(
    definitions, instance, resources, project_env, tmp_path, capsys
):
    from heroku_assets.capture.imports import import_file
    from heroku_assets.defs.logs.ticks import SEAL_JOB
    from heroku_assets.defs.partitions import DATE_DIMENSION, heroku_apps, log_partition_key
    from heroku_assets.settings import load
    from heroku_assets.storage.local import LocalObjectStore

    # the tests start the partitions at TEST_START_DATE (heroku_assets_tests/conftest.py)
    first = dt.date.fromisoformat(TEST_START_DATE)
    days = definitions.resolve_job_def(SEAL_JOB).partitions_def.get_partitions_def_for_dimension(
        DATE_DIMENSION
    )
    assert days.start.date() == first
    before, inside = first - dt.timedelta(days=1), first + dt.timedelta(days=1)
    dump = tmp_path / "old.log"
    dump.write_text(
        f"{before}T10:00:00+00:00 app[web.1]: before the first day\n"
        f"{inside}T10:00:00+00:00 app[web.1]: inside\n"
    )
    import_file(LocalObjectStore(load().raw_dir), dump, "shop")
    sensor = definitions.resolve_sensor_def("raw_objects_sensor")
    with dg.build_sensor_context(
        instance=instance, resources={"stores": resources["stores"]}, definitions=definitions
    ) as context:
        result = sensor(context)
    assert [r.partition_key for r in result.run_requests] == [log_partition_key("shop", inside)]
    warned = capsys.readouterr().err
    assert f"shop: lines dated {before} are outside the partitions ({first} to " in warned

    instance.add_dynamic_partitions(heroku_apps.name, ["shop"])
    schedule = definitions.resolve_schedule_def("daily_logs_schedule")

    def tick(day: dt.date):
        when = dt.datetime.combine(day, dt.time(3, 30), tzinfo=dt.UTC)
        context = dg.build_schedule_context(
            instance=instance, scheduled_execution_time=when, repository_def=definitions.get_repository_def()
        )
        return schedule.evaluate_tick(context)

    assert f"before the first day with partitions ({first})" in tick(first).skip_message
    # the schedule seals the day before yesterday: its first is the first day with partitions
    assert "before the first day" in tick(first + dt.timedelta(days=1)).skip_message
    second = first + dt.timedelta(days=2)
    assert [r.partition_key for r in tick(second).run_requests] == [log_partition_key("shop", first)]


IMPORT_THEN_BUILD = """
import importlib, pkgutil
import heroku_assets.defs
from heroku_assets import settings

read = settings._read  # what every settings.load* calls: refused while the modules import
def refuse(model):
    raise AssertionError(f"{model.__name__} read at import")
settings._read = refuse
modules = [m.name for m in pkgutil.walk_packages(heroku_assets.defs.__path__, "heroku_assets.defs.")]
for name in [*modules, "heroku_assets.definitions"]:
    importlib.import_module(name)
print(len(modules), "imported")
settings._read = read
from heroku_assets.definitions import defs
defs()
"""


def test_importing_the_definitions_reads_no_setting_and_building_them_names_a_bad_one(project_env):
    # in a process of its own: this one has imported them already
    for bad in ("yesterday", "2026-02-30"):
        env = {**os.environ, "HEROKU_ASSETS_START_DATE": bad}
        done = subprocess.run(
            [sys.executable, "-c", IMPORT_THEN_BUILD], env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 1
        imported = int(done.stdout.split()[0])  # every module under defs/ imported without a word
        assert imported >= 10 and done.stdout.endswith(" imported\n")
        last = done.stderr.strip().splitlines()[-1]
        assert last.startswith("ValueError: HEROKU_ASSETS_START_DATE: ") and bad not in last
