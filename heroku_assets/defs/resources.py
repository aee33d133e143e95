"""Environment -> resources: the one place a deployment's stores and warehouse are chosen.

``HEROKU_ASSETS_ENV`` (read by ``heroku_assets.settings``) picks local folders + DuckDB, Azure Blob
(or Azurite) + DuckDB, or Azure Blob + Synapse. Secrets are passed as ``dg.EnvVar`` so the UI shows which
variable holds them, never the value; the Azure SDKs are imported only when an Azure environment is chosen.
"""

from __future__ import annotations

import dagster as dg
from dagster_duckdb import DuckDBResource

from heroku_assets import settings as settings_module
from heroku_assets.resources import (
    DuckDBWarehouseResource,
    HerokuApiResource,
    LocalStoresResource,
    StoresResource,
    WarehouseResource,
)


def build_resources(settings: settings_module.Settings) -> dict[str, dg.ConfigurableResource]:
    """The resources of the chosen environment."""
    if settings.uses_blob:
        from heroku_assets.resources.azure import blob_stores_resource

        stores: StoresResource = blob_stores_resource(settings)
    else:
        stores = LocalStoresResource(data_dir=str(settings.data_dir))
    if settings.uses_synapse:
        from heroku_assets.resources.synapse import synapse_warehouse_resource

        warehouse: WarehouseResource = synapse_warehouse_resource()
    else:
        warehouse = DuckDBWarehouseResource(duckdb=DuckDBResource(database=str(settings.duckdb_path)))
    # unset, no EnvVar: Dagster would refuse the run's config with a stack trace; the step says instead
    token = dg.EnvVar(settings_module.HEROKU_API_KEY) if settings.heroku_api_key else None
    heroku_api = HerokuApiResource(
        token=token,
        base_url=settings.heroku_api_url,
        rate_share=settings.heroku_api_rate_share,
        webhooks=settings.heroku_api_webhooks,
    )
    return {"stores": stores, "warehouse": warehouse, "heroku_api": heroku_api}
