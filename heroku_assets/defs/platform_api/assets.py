"""Platform API entities: apps, releases and builds incrementally, dynos and formation as snapshots."""

import dagster as dg

from heroku_assets import tables
from heroku_assets.defs.metadata import column_schema
from heroku_assets.defs.partitions import heroku_apps
from heroku_assets.defs.resources import HerokuApiResource, StoresResource, WarehouseResource

APPS = dg.AssetKey(["warehouse", tables.HEROKU_APPS.name])
PER_APP = (tables.HEROKU_RELEASES, tables.HEROKU_BUILDS, tables.HEROKU_DYNOS, tables.HEROKU_FORMATION)
RETRY = dg.RetryPolicy(max_retries=3, delay=30, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS)


def _metadata(result) -> dict:
    return {
        "dagster/row_count": result.rows,
        "apps": len(result.apps),
        "staged_objects": len(result.staged),
        "fetched_from": dg.MetadataValue.json({k: v for k, v in result.windows.items()}),
    }


def build_platform_api_assets(kind: str) -> list[dg.AssetsDefinition]:
    @dg.asset(
        key=APPS,
        group_name="platform_api",
        kinds={"heroku", kind},
        description=tables.HEROKU_APPS.doc + " Incremental on updated_at; apps found become log partitions.",
        metadata={"dagster/column_schema": column_schema(tables.HEROKU_APPS)},
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

    def per_app(table: tables.Table) -> dg.AssetsDefinition:
        how = "incremental, with a look-back" if table.kind == "entity" else "a snapshot stamped snapshot_at"

        @dg.asset(
            key=dg.AssetKey(["warehouse", table.name]),
            deps=[APPS],
            group_name="platform_api",
            kinds={"heroku", kind},
            description=f"{table.doc} Each run: {how}.",
            metadata={"dagster/column_schema": column_schema(table)},
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

    return [heroku_apps_asset, *(per_app(t) for t in PER_APP)]
