"""The daily catch-up: the seal of every known app's day whose late window has passed, in case the
sensor was off when its lines arrived (a seal already passed for the same ledger is cheap: two queries)."""

import datetime as dt

import dagster as dg

from heroku_assets.defs.logs.ticks import SEAL_JOB
from heroku_assets.defs.partitions import first_day, heroku_apps, in_partitions, log_partition_key

# Matches the default HEROKU_ASSETS_LATE_DAYS: a day is sealed once a whole day has passed after it.
SEAL_AFTER_DAYS = 2


@dg.schedule(
    name="daily_logs_schedule",
    job_name=SEAL_JOB,
    cron_schedule="30 3 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Every day at 03:30 UTC, the seal of every known app's day before yesterday (its late "
    "window has passed); a day that fails its seal is rebuilt by the sensor.",
)
def daily_logs_schedule(context: dg.ScheduleEvaluationContext):
    today = context.scheduled_execution_time.astimezone(dt.UTC).date()
    day = today - dt.timedelta(days=SEAL_AFTER_DAYS)
    # the first day is a setting, put on the partitions when the definitions were built: the job's say it
    first = first_day(context.repository_def.get_job(SEAL_JOB).partitions_def)
    if not in_partitions(day, today, first):
        return dg.SkipReason(f"{day} is before the first day with partitions ({first})")
    apps = sorted(context.instance.get_dynamic_partitions(heroku_apps.name))
    if not apps:
        return dg.SkipReason("no Heroku apps known yet: the sensor or the API assets add them")
    return [
        dg.RunRequest(
            run_key=f"{app}|{day}|daily-seal",
            partition_key=log_partition_key(app, day),
            tags={"heroku_assets/trigger": "daily"},
        )
        for app in apps
    ]
