"""Platform API entities: apps, releases and builds incrementally, dynos and formation as snapshots.

Declarative automation runs them every 30 minutes (about 10 requests per app: well within the rate
limit's 75 tokens a minute for a few dozen apps); ``platform_api_job`` runs them on demand.
"""

import dagster as dg

from heroku_assets import tables
from heroku_assets.defs.metadata import column_schema
from heroku_assets.defs.partitions import heroku_apps
from heroku_assets.defs.sources import PLATFORM_API
from heroku_assets.defs.warehouse.assets import warehouse_key
from heroku_assets.resources import HerokuApiResource, StoresResource, WarehouseResource

APPS = warehouse_key(tables.HEROKU_APPS.name)
PER_APP = (tables.HEROKU_RELEASES, tables.HEROKU_BUILDS, tables.HEROKU_DYNOS, tables.HEROKU_FORMATION)
RETRY = dg.RetryPolicy(max_retries=3, delay=30, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS)
EVERY_30_MINUTES = dg.AutomationCondition.on_cron("*/30 * * * *", cron_timezone="UTC")


def _metadata(result) -> dict:
    return {
        "dagster/row_count": result.rows,
        "apps": len(result.apps),
        "staged_objects": len(result.staged),
        "fetched_from": dg.MetadataValue.json({k: v for k, v in result.windows.items()}),
    }


@dg.asset(
    key=APPS,
    deps=[PLATFORM_API],
    group_name="platform_api",
    kinds={"heroku"},
    description=tables.HEROKU_APPS.doc + " Incremental on updated_at; apps found become log partitions.",
    metadata={"dagster/column_schema": column_schema(tables.HEROKU_APPS)},
    automation_condition=EVERY_30_MINUTES,
    retry_policy=RETRY,
    pool="warehouse",
)
def heroku_apps_asset(
    context: dg.AssetExecutionContext,
    heroku_api: HerokuApiResource,
    stores: StoresResource,
    warehouse: WarehouseResource,
) -> dg.MaterializeResult:
    from heroku_assets.platform_api.sync import sync_apps

    with heroku_api.client() as client, stores.open() as s, warehouse.open() as wh:
        result = sync_apps(client, s.staging, wh)
    known = set(context.instance.get_dynamic_partitions(heroku_apps.name))
    new = sorted(set(result.apps) - known)
    if new:
        context.instance.add_dynamic_partitions(heroku_apps.name, new)
        context.log.info(f"new log partitions for apps: {', '.join(new)}")
    return dg.MaterializeResult(metadata={**_metadata(result), "new_log_apps": len(new)})


def _per_app_asset(table: tables.Table) -> dg.AssetsDefinition:
    how = "incremental, with a look-back" if table.kind == "entity" else "a snapshot stamped snapshot_at"

    @dg.asset(
        key=warehouse_key(table.name),
        deps=[APPS, PLATFORM_API],
        group_name="platform_api",
        kinds={"heroku"},
        description=f"{table.doc} Each run: {how}.",
        metadata={"dagster/column_schema": column_schema(table)},
        automation_condition=EVERY_30_MINUTES,
        retry_policy=RETRY,
        pool="warehouse",
    )
    def entity_asset(
        heroku_api: HerokuApiResource, stores: StoresResource, warehouse: WarehouseResource
    ) -> dg.MaterializeResult:
        from heroku_assets.platform_api.sync import known_apps, sync_per_app

        with heroku_api.client() as client, stores.open() as s, warehouse.open() as wh:
            result = sync_per_app(client, s.staging, wh, table, known_apps(s.staging))
        return dg.MaterializeResult(metadata=_metadata(result))

    return entity_asset


# One asset per entity table, from its declaration (the loop is the declaration, not a factory of defs).
heroku_releases, heroku_builds, heroku_dynos, heroku_formation = (_per_app_asset(t) for t in PER_APP)

platform_api_job = dg.define_asset_job(
    "platform_api_job",
    selection=dg.AssetSelection.assets(APPS, *(warehouse_key(t.name) for t in PER_APP)),
    description="Apps, releases and builds since their bookmarks; dynos and formation snapshots.",
)
