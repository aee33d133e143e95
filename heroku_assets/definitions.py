"""The one entry point: every Dagster object under defs/, then what depends on the environment, applied
once here: the resources, the log partitions' first day, the sensor's interval, each asset's kinds and table
name, owners, freshness and links to the code that defines it. Importing reads no setting; building the
definitions reads them once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import dagster as dg

OWNERS = ["team:data-engineering"]
# Fresh means a drain's lines reach the warehouse within minutes: warn after 30 minutes without a tick
# (the ledger asset, which every tick appends to with the log tables), fail after 2 hours.
LOG_TABLES_FRESHNESS = dg.FreshnessPolicy.time_window(
    fail_window=dt.timedelta(hours=2), warn_window=dt.timedelta(minutes=30)
)


@dg.definitions
def defs() -> dg.Definitions:
    from heroku_assets import settings as settings_module
    from heroku_assets.defs.logs.schedules import build_daily_logs_schedule
    from heroku_assets.defs.logs.sensors import build_raw_objects_sensor
    from heroku_assets.defs.metadata import pinned_beta_apis
    from heroku_assets.defs.partitions import LOG_PARTITIONS, log_partitions
    from heroku_assets.defs.platform_api.assets import api_freshness
    from heroku_assets.defs.resources import build_resources
    from heroku_assets.defs.warehouse.assets import warehouse_key
    from heroku_assets.tables import LOG_LEDGER

    settings = settings_module.load()
    first_day = settings.start_date
    partitions = log_partitions(first_day)
    warehouse_kind = "duckdb"
    store_kind = "azure" if settings.uses_blob else None
    # the ticks update every event table at once and record it in the ledger; the API tables on their crons
    freshness = {warehouse_key(LOG_LEDGER.name): LOG_TABLES_FRESHNESS, **api_freshness()}
    if settings.uses_synapse:
        synapse = settings_module.load_synapse()
        schema, where, warehouse_kind = synapse.target_schema, {}, synapse.target
    else:
        schema, where = "main", {"duckdb_path": dg.MetadataValue.path(str(settings.duckdb_path))}

    def policy(spec: dg.AssetSpec) -> dg.AssetSpec:
        layer = spec.key.path[0]
        kinds = set()
        if layer == "warehouse":
            kinds.add(warehouse_kind)
        if layer in ("raw", "staged") and store_kind:
            kinds.add(store_kind)
        metadata = {}
        if layer == "warehouse" and spec.key.path[-1] != "analytics_views":
            metadata = {"dagster/table_name": f"{schema}.{spec.key.path[-1]}", **where}
        spec = spec.merge_attributes(owners=OWNERS, kinds=kinds, metadata=metadata)
        if spec.partitions_def == LOG_PARTITIONS:
            spec = spec.replace_attributes(partitions_def=partitions)
        if spec.key in freshness:
            spec = spec.replace_attributes(freshness_policy=freshness[spec.key])
        return spec

    folder = dg.load_from_defs_folder(path_within_project=Path(__file__).parent)
    with pinned_beta_apis():
        assets = dg.with_source_code_references(list(folder.assets or []))
    local = dg.Definitions(
        assets=assets,
        asset_checks=folder.asset_checks,
        jobs=folder.jobs,
        schedules=[*(folder.schedules or []), build_daily_logs_schedule(first_day, settings.late_days)],
        sensors=[
            *(folder.sensors or []),
            build_raw_objects_sensor(
                first_day,
                lookback_days=settings.late_days + 1,
                interval_seconds=settings.sensor_interval,
                late_days=settings.late_days,
            ),
            # Declarative automation (API assets on a cron, views when missing or changed) runs through
            # this sensor; off until turned on in the UI, like the others.
            dg.AutomationConditionSensorDefinition(
                "automation_sensor",
                target=dg.AssetSelection.all(),
                default_status=dg.DefaultSensorStatus.STOPPED,
            ),
        ],
        resources=build_resources(settings),
    )
    with pinned_beta_apis():
        return local.map_asset_specs(func=policy)
