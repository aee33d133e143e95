"""The sensor that keeps the warehouse up to date as raw objects arrive: an outside trigger with a cursor.

What it asks for, each evaluation:
- one tick (``heroku_logs_tick_job``) when new segments arrived or the last tick left some, never while
  another tick is queued or running;
- a seal (``heroku_logs_seal_job``) of each app-day the ticks appended to, once its late window passed;
  lines arriving after a seal re-open the day, and it is sealed again;
- a rebuild (``heroku_logs_job``) of each app-day touched by objects that ticks do not take (imports,
  pulls, per-request objects), and of each app-day whose seal failed.

Its interval and the first day with partitions are settings, so ``definitions.py`` builds it from the
environment's settings.
"""

from __future__ import annotations

import datetime as dt
import json

import dagster as dg

from heroku_assets.defs.logs.assets import RAW_LOGS
from heroku_assets.defs.logs.jobs import JOB_NAME, heroku_logs_job
from heroku_assets.defs.logs.ticks import SEAL_JOB, TICK_JOB, heroku_logs_seal_job, heroku_logs_tick_job
from heroku_assets.defs.partitions import (
    APP_DIMENSION,
    DATE_DIMENSION,
    heroku_apps,
    in_partitions,
    log_partition_key,
)
from heroku_assets.defs.sources import RECEIVED_LOGS
from heroku_assets.logs.seal import sealable
from heroku_assets.resources import StoresResource

_IN_FLIGHT = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]


def build_raw_objects_sensor(
    first_day: dt.date, lookback_days: int, interval_seconds: int = 300, late_days: int = 1
) -> dg.SensorDefinition:
    @dg.sensor(
        name="raw_objects_sensor",
        jobs=[heroku_logs_tick_job, heroku_logs_seal_job, heroku_logs_job],
        minimum_interval_seconds=interval_seconds,
        default_status=dg.DefaultSensorStatus.STOPPED,
        description="Appends new drain segments with one tick for every app (never two ticks at once), "
        "seals each app-day once its late window passed, and rebuilds the days that imports or pulls "
        "touched or whose seal failed. Adds newly seen apps as partitions.",
    )
    def raw_objects_sensor(context: dg.SensorEvaluationContext, stores: StoresResource) -> dg.SensorResult:
        from heroku_assets.logs.changes import scan_changes

        now = dt.datetime.now(dt.UTC)
        today = now.date()
        state = _State.loads(context.cursor)
        with stores.open() as s:
            result = scan_changes(s.raw, state.scan, today, lookback_days=lookback_days)
        state.scan = result.cursor
        known = set(context.instance.get_dynamic_partitions(heroku_apps.name))
        new_apps = sorted(result.apps - known)
        requests: list[dg.RunRequest] = []
        already = 0
        for touched in result.partitions:
            if not in_partitions(touched.day, today, first_day):
                context.log.warning(
                    f"{touched.app}: lines dated {touched.day} are outside the partitions "
                    f"({first_day} to {today}; HEROKU_ASSETS_START_DATE sets the first day) and are "
                    "not loaded"
                )
                continue
            key = f"{touched.app}|{touched.day.isoformat()}"
            if touched.segments:
                state.tick_wanted = True
                state.unsealed[key] = touched.version
            if not touched.needs_rebuild:
                continue
            if _built_from_all_of(context.instance, touched):
                already += 1
                continue
            requests.append(_rebuild(touched.app, touched.day, f"{touched.version}", "raw_objects"))
        if already:
            context.log.info(f"{already} touched partition(s) were already built from these objects")
        ticking = _in_flight(context.instance, TICK_JOB)
        if state.tick_wanted and not ticking:
            requests.append(
                dg.RunRequest(
                    run_key=f"tick|{now.isoformat()}",
                    job_name=TICK_JOB,
                    tags={"heroku_assets/trigger": "tick"},
                )
            )
            state.tick_wanted = result.more_pending
            ticking = True
        if not ticking and not state.tick_wanted:
            requests += _seals(state, today, late_days)
        requests += _rebuilds_of_failed_seals(context.instance, state, now)
        if result.more_pending:
            context.log.info("more new objects than one evaluation takes; the next one continues")
        observations = [
            dg.AssetObservation(
                RECEIVED_LOGS,
                metadata={
                    "partitions_touched": len(result.partitions),
                    "apps": len(result.apps),
                    **result.unreached,
                },
            )
        ]
        return dg.SensorResult(
            run_requests=requests,
            dynamic_partitions_requests=[heroku_apps.build_add_request(new_apps)] if new_apps else [],
            asset_events=observations if result.partitions or any(result.unreached.values()) else [],
            cursor=state.dumps(),
        )

    return raw_objects_sensor


class _State:
    """The sensor's cursor: the scan's own, whether a tick is owed, the app-days ticks appended to that
    are not sealed yet (with the version of what touched them last), and since when failed seals were
    looked for."""

    def __init__(self, scan, tick_wanted: bool, unsealed: dict[str, str], seals_since: float) -> None:
        self.scan = scan
        self.tick_wanted = tick_wanted
        self.unsealed = unsealed
        self.seals_since = seals_since

    @classmethod
    def loads(cls, text: str | None) -> _State:
        from heroku_assets.logs.changes import ScanCursor

        data = json.loads(text) if text else {}
        if "scan" not in data:  # a cursor of the scan alone, from before ticks
            return cls(ScanCursor.loads(text), False, {}, 0.0)
        return cls(
            ScanCursor.loads(data["scan"]),
            bool(data.get("tick_wanted")),
            dict(data.get("unsealed", {})),
            float(data.get("seals_since", 0.0)),
        )

    def dumps(self) -> str:
        return json.dumps(
            {
                "scan": self.scan.dumps(),
                "tick_wanted": self.tick_wanted,
                "unsealed": self.unsealed,
                "seals_since": self.seals_since,
            },
            sort_keys=True,
        )


def _seals(state: _State, today: dt.date, late_days: int) -> list[dg.RunRequest]:
    """A seal of each app-day ticks appended to whose late window passed (each version once: the run key
    names it, so a day re-opened by late lines is sealed again)."""
    out = []
    for key, version in sorted(state.unsealed.items()):
        app, day_text = key.split("|")
        day = dt.date.fromisoformat(day_text)
        if not sealable(day, today, late_days):
            continue
        out.append(
            dg.RunRequest(
                run_key=f"seal|{key}|{version}",
                job_name=SEAL_JOB,
                partition_key=log_partition_key(app, day),
                tags={"heroku_assets/trigger": "seal"},
            )
        )
        del state.unsealed[key]
    return out


def _rebuilds_of_failed_seals(
    instance: dg.DagsterInstance, state: _State, now: dt.datetime
) -> list[dg.RunRequest]:
    since = dt.datetime.fromtimestamp(state.seals_since, dt.UTC) if state.seals_since else None
    failed = instance.get_run_records(
        dg.RunsFilter(job_name=SEAL_JOB, statuses=[dg.DagsterRunStatus.FAILURE], updated_after=since),
        limit=500,
    )
    state.seals_since = now.timestamp()
    out = []
    for record in failed:
        run = record.dagster_run
        app, day = (
            run.tags.get(f"dagster/partition/{APP_DIMENSION}"),
            run.tags.get(f"dagster/partition/{DATE_DIMENSION}"),
        )
        if app and day:
            out.append(_rebuild(app, dt.date.fromisoformat(day), f"seal-failed-{run.run_id}", "seal_failed"))
    return out


def _rebuild(app: str, day: dt.date, version: str, trigger: str) -> dg.RunRequest:
    return dg.RunRequest(
        run_key=f"{app}|{day}|{version}",
        job_name=JOB_NAME,
        partition_key=log_partition_key(app, day),
        tags={"heroku_assets/trigger": trigger},
    )


def _in_flight(instance: dg.DagsterInstance, job_name: str) -> bool:
    return bool(instance.get_run_records(dg.RunsFilter(job_name=job_name, statuses=_IN_FLIGHT), limit=1))


def _built_from_all_of(instance: dg.DagsterInstance, touched) -> bool:
    """Whether the partition's latest raw build already read every object that touched it: it did when
    it read an object at least as new. So turning the sensor on after `heroku-assets run` (or a backfill)
    asks for nothing that is already built, and a later arrival still asks for a run."""
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(
            asset_key=RAW_LOGS, asset_partitions=[str(log_partition_key(touched.app, touched.day))]
        ),
        limit=1,
    ).records
    if not records or records[0].asset_materialization is None:
        return False
    entry = records[0].asset_materialization.metadata.get("sources_newest")
    return entry is not None and touched.newest <= float(entry.value)
