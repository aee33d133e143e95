"""Platform API assets (each on its own cron, declaratively), a job for all of them, and the webhook
sensor."""

import dagster as dg

from heroku_assets import settings as settings_module
from heroku_assets.defs.platform_api.assets import build_platform_api_assets
from heroku_assets.defs.platform_api.webhooks import WEBHOOKS_JOB, build_webhook_assets


@dg.definitions
def platform_api_definitions() -> dg.Definitions:
    settings = settings_module.load()
    kind = "synapse" if settings.uses_synapse else "duckdb"
    job = dg.define_asset_job(
        "platform_api_job",
        selection=dg.AssetSelection.groups("platform_api"),
        description="Every Platform API resource: incremental ones from their bookmarks, the rest whole.",
    )
    webhook_asset, webhook_job, webhook_sensor = build_webhook_assets(kind)
    assert webhook_job.name == WEBHOOKS_JOB
    return dg.Definitions(
        assets=[*build_platform_api_assets(kind), webhook_asset],
        jobs=[job, webhook_job],
        sensors=[webhook_sensor],
    )
