"""The sensor that runs partitions as raw objects arrive: an outside trigger with a cursor.

Its interval is a setting, so ``definitions.py`` builds it from the environment's settings.
"""

import datetime as dt

import dagster as dg

from heroku_assets.defs.logs.assets import RAW_LOGS
from heroku_assets.defs.logs.jobs import JOB_NAME
from heroku_assets.defs.partitions import first_day, heroku_apps, in_partitions, log_partition_key
from heroku_assets.defs.sources import RECEIVED_LOGS
from heroku_assets.resources import StoresResource


def build_raw_objects_sensor(lookback_days: int, interval_seconds: int = 300) -> dg.SensorDefinition:
    @dg.sensor(
        name="raw_objects_sensor",
        job_name=JOB_NAME,
        # Each run rebuilds its whole day: while a drain streams, today re-runs at most this often.
        minimum_interval_seconds=interval_seconds,
        default_status=dg.DefaultSensorStatus.STOPPED,
        description="Runs exactly the partitions that new or changed raw objects touch (drain bodies, "
        "pulls, imports), and adds newly seen apps as partitions. Run keys carry a content version, so "
        "late lines re-run their partition.",
    )
    def raw_objects_sensor(context: dg.SensorEvaluationContext, stores: StoresResource) -> dg.SensorResult:
        from heroku_assets.logs.changes import ScanCursor, scan_changes

        today = dt.datetime.now(dt.UTC).date()
        with stores.open() as s:
            result = scan_changes(s.raw, ScanCursor.loads(context.cursor), today, lookback_days=lookback_days)
        known = set(context.instance.get_dynamic_partitions(heroku_apps.name))
        new_apps = sorted(result.apps - known)
        requests = []
        already = 0
        for touched in result.partitions:
            if not in_partitions(touched.day, today):
                context.log.warning(
                    f"{touched.app}: lines dated {touched.day} are outside the partitions "
                    f"({first_day()} to {today}; HEROKU_ASSETS_START_DATE sets the first day) and are "
                    "not loaded"
                )
                continue
            if _built_from_all_of(context.instance, touched):
                already += 1
                continue
            requests.append(
                dg.RunRequest(
                    run_key=f"{touched.app}|{touched.day}|{touched.version}",
                    partition_key=log_partition_key(touched.app, touched.day),
                    tags={
                        "heroku_assets/trigger": "raw_objects",
                        "heroku_assets/objects": str(touched.objects),
                    },
                )
            )
        if already:
            context.log.info(f"{already} touched partition(s) were already built from these objects")
        if result.more_pending:
            context.log.info("more new objects than one tick takes; the next tick continues")
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
            cursor=result.cursor.dumps(),
        )

    return raw_objects_sensor


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
