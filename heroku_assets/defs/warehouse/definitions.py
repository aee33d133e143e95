"""Warehouse tables, the error-code reference and the analytics views."""

from __future__ import annotations

import dagster as dg

from heroku_assets import settings as settings_module
from heroku_assets.defs.partitions import log_partitions
from heroku_assets.defs.warehouse.assets import ERROR_CODES, STATISTICS, VIEWS, build_warehouse_assets


@dg.definitions
def warehouse_definitions() -> dg.Definitions:
    settings = settings_module.load()
    kind = "synapse" if settings.uses_synapse else "duckdb"
    statistics = dg.define_asset_job(
        "warehouse_statistics_job",
        selection=dg.AssetSelection.assets(STATISTICS),
        description="UPDATE STATISTICS on the event tables, once a day after the day's loads.",
    )
    return dg.Definitions(
        assets=build_warehouse_assets(log_partitions(settings.start_date), kind),
        schedules=[
            dg.ScheduleDefinition(job=statistics, cron_schedule="30 5 * * *", execution_timezone="UTC")
        ],
        jobs=[
            statistics,
            dg.define_asset_job(
                "warehouse_reference_job",
                selection=dg.AssetSelection.assets(ERROR_CODES, VIEWS),
                description="The error-code reference table and the analytics views "
                "(run once, and after upgrades).",
            ),
        ],
    )
