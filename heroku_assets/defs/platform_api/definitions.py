"""Platform API entity assets, their job and schedule."""

import dagster as dg

from heroku_assets import settings as settings_module
from heroku_assets.defs.platform_api.assets import APPS, PER_APP, build_platform_api_assets


@dg.definitions
def platform_api_definitions() -> dg.Definitions:
    settings = settings_module.load()
    kind = "synapse" if settings.uses_synapse else "duckdb"
    selection = dg.AssetSelection.assets(APPS, *(dg.AssetKey(["warehouse", t.name]) for t in PER_APP))
    job = dg.define_asset_job(
        "platform_api_job",
        selection=selection,
        description="Apps, releases and builds since their bookmarks; dynos and formation snapshots.",
    )
    schedule = dg.ScheduleDefinition(
        name="platform_api_schedule",
        job=job,
        cron_schedule="*/30 * * * *",
        execution_timezone="UTC",
        default_status=dg.DefaultScheduleStatus.STOPPED,
        description="Every 30 minutes: the API's entities (about 10 requests per app: well within the "
        "rate limit's 75 tokens a minute for a few dozen apps).",
    )
    return dg.Definitions(assets=build_platform_api_assets(kind), jobs=[job], schedules=[schedule])
