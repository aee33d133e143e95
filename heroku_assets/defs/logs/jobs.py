"""The partition job, the rebuild path: one app-day from the raw partition to the warehouse tables, replaced
whole (a backfill, a code change, an import or pull, a failed seal)."""

import dagster as dg

from heroku_assets.defs.logs.assets import RAW_LOGS, staged_asset_key
from heroku_assets.defs.logs.ticks import LOG_WRITER_TAG
from heroku_assets.defs.warehouse.assets import warehouse_key
from heroku_assets.tables import EVENT_TABLES

JOB_NAME = "heroku_logs_job"
# Run retries (enabled in the instance's run_retries): a failed partition run is retried from its failed
# step without new data having to arrive, since a sensor's run key is never requested twice.
MAX_RETRIES = 2

heroku_logs_job = dg.define_asset_job(
    JOB_NAME,
    selection=dg.AssetSelection.assets(
        RAW_LOGS,
        *(staged_asset_key(t.name) for t in EVENT_TABLES),
        *(warehouse_key(t.name) for t in EVENT_TABLES),
    ),
    description="One app-day through the chain: raw partition, parsed and staged events, warehouse tables.",
    tags={
        "dagster/max_retries": str(MAX_RETRIES),
        "dagster/retry_strategy": "FROM_FAILURE",
        **LOG_WRITER_TAG,  # never beside a tick
    },
    # One process per run: the steps stream large files and share nothing worth a process each.
    executor_def=dg.in_process_executor,
)
