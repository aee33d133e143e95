"""The partition job, the sensor that runs partitions as raw objects arrive, and the daily catch-up."""

import datetime as dt

import dagster as dg

from heroku_assets.defs.partitions import heroku_apps, log_partition_key
from heroku_assets.defs.resources import StoresResource

JOB_NAME = "heroku_logs_job"


def build_job(partitions: dg.PartitionsDefinition, selection: dg.AssetSelection):
    """The partition job (an unresolved asset job: Dagster resolves it against the asset graph)."""
    return dg.define_asset_job(
        JOB_NAME,
        selection=selection,
        partitions_def=partitions,
        description="One app-day through the chain: raw partition, parsed and staged events, "
        "warehouse tables.",
        # One process per run: the steps stream large files and share nothing worth a process each.
        executor_def=dg.in_process_executor,
    )


def build_raw_objects_sensor(
    start_date: dt.date, lookback_days: int, interval_seconds: int = 300
) -> dg.SensorDefinition:
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
        from heroku_assets.capture.changes import ScanCursor, scan_changes

        today = dt.datetime.now(dt.UTC).date()
        with stores.open() as s:
            result = scan_changes(s.raw, ScanCursor.loads(context.cursor), today, lookback_days=lookback_days)
        known = set(context.instance.get_dynamic_partitions(heroku_apps.name))
        new_apps = sorted(result.apps - known)
        requests = []
        for touched in result.partitions:
            if not start_date <= touched.day <= today:
                context.log.warning(
                    f"{touched.app}: lines dated {touched.day} are outside the partitions "
                    f"({start_date} to {today}); set HEROKU_ASSETS_START_DATE to include them"
                )
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
        if result.more_pending:
            context.log.info("more new objects than one tick takes; the next tick continues")
        return dg.SensorResult(
            run_requests=requests,
            dynamic_partitions_requests=[heroku_apps.build_add_request(new_apps)] if new_apps else [],
            cursor=result.cursor.dumps(),
        )

    return raw_objects_sensor


def build_daily_schedule() -> dg.ScheduleDefinition:
    @dg.schedule(
        name="daily_logs_schedule",
        job_name=JOB_NAME,
        cron_schedule="30 3 * * *",
        execution_timezone="UTC",
        default_status=dg.DefaultScheduleStatus.STOPPED,
        description="Every day at 03:30 UTC, yesterday's partition of every known app, late enough for "
        "lines that arrive after midnight.",
    )
    def daily_logs_schedule(context: dg.ScheduleEvaluationContext):
        yesterday = (context.scheduled_execution_time.astimezone(dt.UTC) - dt.timedelta(days=1)).date()
        apps = sorted(context.instance.get_dynamic_partitions(heroku_apps.name))
        if not apps:
            return dg.SkipReason("no Heroku apps known yet: the sensor or the API assets add them")
        return [
            dg.RunRequest(
                run_key=f"{app}|{yesterday}|daily",
                partition_key=log_partition_key(app, yesterday),
                tags={"heroku_assets/trigger": "daily"},
            )
            for app in apps
        ]

    return daily_logs_schedule
