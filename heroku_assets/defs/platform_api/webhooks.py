"""App webhook deliveries -> the API tables: an asset that applies stored deliveries, and a sensor that
runs it as soon as new ones are stored."""

import datetime as dt

import dagster as dg

from heroku_assets.defs.platform_api.assets import DRIFT_CHECK
from heroku_assets.defs.sources import PLATFORM_API
from heroku_assets.resources import StoresResource, WarehouseResource

WEBHOOKS_JOB = "heroku_webhooks_job"
# Not a table of its own: it writes into the API tables, so it is not under the warehouse/ prefix.
WEBHOOKS_ASSET = dg.AssetKey(["platform_api", "webhook_deliveries"])


@dg.asset(
    key=WEBHOOKS_ASSET,
    deps=[PLATFORM_API],
    group_name="platform_api_webhooks",
    kinds={"heroku"},
    description="Applies stored app webhook deliveries (POST /webhooks/heroku) to the Platform API "
    "tables: releases, builds, dynos, formation, add-ons, domains, ... upserted within seconds.",
    pool="warehouse",
    check_specs=[
        dg.AssetCheckSpec(
            DRIFT_CHECK,
            asset=WEBHOOKS_ASSET,
            description="Warns with webhook fields the vendored schema does not know (kept in _extra).",
        )
    ],
)
def heroku_webhook_deliveries(stores: StoresResource, warehouse: WarehouseResource):
    from heroku_assets.platform_api.webhook_events import apply_deliveries

    with stores.open() as s, warehouse.open() as wh:
        result = apply_deliveries(s.raw, s.staging, wh)
    drift = result.drift.as_dict()
    names = result.drift.flagged()
    yield dg.MaterializeResult(
        metadata={
            "applied_deliveries": result.applied,
            "rows": dg.MetadataValue.json(dict(result.rows)),
            "skipped": dg.MetadataValue.json(dict(result.skipped)),
        },
        check_results=[
            dg.AssetCheckResult(
                check_name=DRIFT_CHECK,
                passed=not names,
                severity=dg.AssetCheckSeverity.WARN,
                description=("Not in the vendored schema: " + ", ".join(names)) if names else "No drift.",
                metadata={k: dg.MetadataValue.json(v) for k, v in drift.items()},
            )
        ],
    )


heroku_webhooks_job = dg.define_asset_job(
    WEBHOOKS_JOB,
    selection=dg.AssetSelection.assets(WEBHOOKS_ASSET),
    description="Applies the app webhook deliveries the receiver stored (POST /webhooks/heroku) to the "
    "Platform API tables; run by heroku_webhooks_sensor when new ones arrive.",
)


@dg.sensor(
    name="heroku_webhooks_sensor",
    job=heroku_webhooks_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Runs the webhook asset when deliveries were stored that it has not applied yet.",
)
def heroku_webhooks_sensor(context: dg.SensorEvaluationContext, stores: StoresResource):
    from heroku_assets.platform_api.webhook_events import pending_deliveries

    with stores.open() as s:
        pending = pending_deliveries(s.raw, s.staging, dt.datetime.now(dt.UTC).date())
    if not pending:
        return dg.SkipReason("no new webhook deliveries")
    # one run per newest pending delivery: a run applies everything pending at its start
    return dg.RunRequest(run_key=pending[-1])
