"""The daily catch-up: the seal of every known app's day whose late window has passed, in case the
sensor was off when its lines arrived (a seal already passed for the same ledger is cheap: two queries)."""

import datetime as dt

import dagster as dg

from heroku_assets.defs.logs.ticks import SEAL_JOB
from heroku_assets.defs.partitions import heroku_apps, in_partitions, log_partition_key
from heroku_assets.logs.seal import last_sealable_day


def build_daily_logs_schedule(first_day: dt.date, late_days: int) -> dg.ScheduleDefinition:
    """Built where the settings are read (``definitions.py``), as the sensor is: the first day with
    partitions and the late window are settings."""

    @dg.schedule(
        name="daily_logs_schedule",
        job_name=SEAL_JOB,
        cron_schedule="30 3 * * *",
        execution_timezone="UTC",
        default_status=dg.DefaultScheduleStatus.STOPPED,
        description="Every day at 03:30 UTC, the seal of every known app's last day whose late window has "
        "passed (the day before yesterday by default); a day that fails its seal is rebuilt by the sensor.",
    )
    def daily_logs_schedule(context: dg.ScheduleEvaluationContext):
        today = context.scheduled_execution_time.astimezone(dt.UTC).date()
        day = last_sealable_day(today, late_days)
        if not in_partitions(day, today, first_day):
            return dg.SkipReason(f"{day} is before the first day with partitions ({first_day})")
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

    return daily_logs_schedule
