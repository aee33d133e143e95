"""Log partitions, parsed events, the partition job, its sensor and schedule."""

from __future__ import annotations

import dagster as dg

from heroku_assets import settings as settings_module
from heroku_assets.defs.logs.assets import RAW_LOGS, build_log_assets, staged_asset_key
from heroku_assets.defs.logs.automation import build_daily_schedule, build_job, build_raw_objects_sensor
from heroku_assets.defs.partitions import log_partitions
from heroku_assets.defs.warehouse.assets import warehouse_key
from heroku_assets.tables import EVENT_TABLES


@dg.definitions
def log_definitions() -> dg.Definitions:
    settings = settings_module.load()
    partitions = log_partitions(settings.start_date)
    selection = dg.AssetSelection.assets(
        RAW_LOGS,
        *(staged_asset_key(t.name) for t in EVENT_TABLES),
        *(warehouse_key(t.name) for t in EVENT_TABLES),
    )
    job = build_job(partitions, selection)
    return dg.Definitions(
        assets=build_log_assets(partitions),
        jobs=[job],
        sensors=[
            build_raw_objects_sensor(
                settings.start_date,
                lookback_days=settings.late_days + 1,
                interval_seconds=settings.sensor_interval,
            )
        ],
        schedules=[build_daily_schedule()],
    )
