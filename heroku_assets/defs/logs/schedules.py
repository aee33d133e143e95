"""The daily catch-up: yesterday's partition of every known app, once its late lines are in."""

import datetime as dt

import dagster as dg

from heroku_assets.defs.logs.jobs import JOB_NAME
from heroku_assets.defs.partitions import first_day, heroku_apps, in_partitions, log_partition_key


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
    if not in_partitions(yesterday, yesterday):
        return dg.SkipReason(f"{yesterday} is before the first day with partitions ({first_day()})")
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
