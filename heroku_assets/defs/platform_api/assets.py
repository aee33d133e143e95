"""One asset per Platform API resource, from the endpoint list, each with its checks, on its own cron
(declarative automation through the automation sensor); ``platform_api_job`` runs them all on demand."""

import dagster as dg

from heroku_assets import tables
from heroku_assets.defs.metadata import column_schema
from heroku_assets.defs.partitions import heroku_apps
from heroku_assets.defs.sources import PLATFORM_API
from heroku_assets.defs.warehouse.assets import warehouse_key
from heroku_assets.platform_api.endpoints import BY_NAME, ENDPOINTS, Endpoint
from heroku_assets.resources import HerokuApiResource, StoresResource, WarehouseResource

RETRY = dg.RetryPolicy(max_retries=3, delay=30, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS)
DRIFT_CHECK = "schema_drift"
KEYED_CHECK = "rows_keyed"


# The API tables in groups of their own, by what they describe, so the logs' lineage stays readable and
# "Materialize all" of a group asks for one area at a time. A resource goes where its root parent goes.
GROUPS = {
    "app": "platform_api_apps",
    "add-on": "platform_api_add_ons",
    "add-on-attachment": "platform_api_add_ons",
    "add-on-service": "platform_api_add_ons",
    "team": "platform_api_teams",
    "space": "platform_api_teams",
    "pipeline": "platform_api_pipelines",
    "pipeline-coupling": "platform_api_pipelines",
    "enterprise-account": "platform_api_teams",
    "app-transfer": "platform_api_apps",
    "account-feature": "platform_api_account",
    "credit": "platform_api_account",
    "account-delinquency": "platform_api_account",
    "invoice": "platform_api_account",
    "dyno-size": "platform_api_reference",
    "region": "platform_api_reference",
    "stack": "platform_api_reference",
    "generation": "platform_api_reference",
}
NEEDS_KEY = (
    "Needs HEROKU_API_KEY (a read-only Heroku API token) where Dagster runs; without it a run fails in "
    "its step saying so."
)


def api_asset_key(resource: Endpoint) -> dg.AssetKey:
    return warehouse_key(resource.table)


def api_group(resource: Endpoint) -> str:
    while resource.parent:
        resource = BY_NAME[resource.parent]
    return GROUPS[resource.name]


def _automation(resource: Endpoint) -> dg.AutomationCondition:
    """On its cron, once its parent has run since the tick (``on_cron``); a list that runs more often than
    its parent (a team's members every 30 minutes, teams hourly) runs on every tick of its own, from
    the parent's last listing."""
    parent = BY_NAME[resource.parent] if resource.parent else None
    if parent is not None and resource.interval < parent.interval:
        return (
            dg.AutomationCondition.cron_tick_passed(resource.cron, "UTC")
            & ~dg.AutomationCondition.in_progress()
        )
    return dg.AutomationCondition.on_cron(resource.cron, "UTC")


def api_freshness() -> dict[dg.AssetKey, dg.FreshnessPolicy]:
    """Each API table's freshness, from its cron's interval: warn after twice the interval without a run
    (a tick missed), fail after four times (several in a row: the token, the rate budget or the
    automation sensor needs a look)."""
    return {
        api_asset_key(r): dg.FreshnessPolicy.time_window(
            warn_window=2 * r.interval, fail_window=4 * r.interval
        )
        for r in ENDPOINTS
    }


def _metadata(result) -> dict:
    return {
        "dagster/row_count": result.rows,
        "fetched": result.fetched,
        "marked_deleted": result.deleted,
        "parents": result.parents,
        "forbidden_parents": len(result.forbidden),
        "staged_objects": len(result.staged),
        "fetched_from": dg.MetadataValue.json(result.windows),
        "parents_from_checkpoint": result.reused,
        "skipped": result.skipped or "",
        "not_applicable": dg.MetadataValue.json(result.not_applicable),
        "other_generation_parents": result.other_generation,
        "not_found_by_id": result.not_found,
        "truncated_rows": result.load.truncated_rows if result.load else 0,
        "api_requests": result.requests,
        "rate_budget_wait_seconds": result.budget_wait_seconds,
    }


def _checks(resource: Endpoint, result) -> list[dg.AssetCheckResult]:
    drift = result.drift.as_dict()
    names = [f"{resource.name}.{f}" for f in result.drift.flagged()]
    return [
        dg.AssetCheckResult(
            check_name=DRIFT_CHECK,
            passed=not names,
            severity=dg.AssetCheckSeverity.WARN,
            description=(
                "Heroku sent what the vendored schema does not describe (kept in _extra): " + ", ".join(names)
                if names
                else "Every field matched the vendored schema."
            ),
            metadata={k: dg.MetadataValue.json(v) for k, v in drift.items()},
        ),
        dg.AssetCheckResult(
            check_name=KEYED_CHECK,
            passed=not drift["rejected_rows"],
            severity=dg.AssetCheckSeverity.ERROR,
            description="Items that could not be keyed (left out): "
            + (", ".join(f"{k} x{v}" for k, v in drift["rejected_rows"].items()) or "none"),
            metadata={"rejected": sum(drift["rejected_rows"].values())},
        ),
    ]


def _api_asset(resource: Endpoint) -> dg.AssetsDefinition:
    key = api_asset_key(resource)
    table = tables.api_tables()[resource.table]
    how = {
        "incremental": f"incremental on {resource.bookmark}, with a look-back",
        "snapshot": "the whole list each run; rows no longer listed get _deleted_at",
        "by_id": "each new id read once",
    }[resource.mode]

    @dg.asset(
        key=key,
        deps=[PLATFORM_API, *([api_asset_key(BY_NAME[resource.parent])] if resource.parent else [])],
        group_name=api_group(resource),
        kinds={"heroku"},
        description=f"{table.doc} Each run: {how}. {NEEDS_KEY}",
        metadata={"dagster/column_schema": column_schema(table), "api_path": resource.path},
        retry_policy=RETRY,
        pool="warehouse",
        automation_condition=_automation(resource),
        check_specs=[
            dg.AssetCheckSpec(
                DRIFT_CHECK,
                asset=key,
                description="Warns with the fields Heroku sent that the vendored schema does not know, "
                "and the values whose type did not match their column (both kept in _extra).",
            ),
            dg.AssetCheckSpec(KEYED_CHECK, asset=key, description="Every item the API listed had its key."),
        ],
    )
    def api_asset(
        context: dg.AssetExecutionContext,
        heroku_api: HerokuApiResource,
        stores: StoresResource,
        warehouse: WarehouseResource,
    ):
        from heroku_assets.platform_api.state import log_app_names
        from heroku_assets.platform_api.sync import sync_resource

        with heroku_api.client() as client, stores.open() as s, warehouse.open() as wh:
            result = sync_resource(client, s.staging, wh, resource, webhooks=heroku_api.webhooks)
            log_apps = log_app_names(s.staging) if resource.name == "app" else []
        metadata = _metadata(result)
        if log_apps:
            known = set(context.instance.get_dynamic_partitions(heroku_apps.name))
            new = sorted(set(log_apps) - known)
            if new:
                context.instance.add_dynamic_partitions(heroku_apps.name, new)
                context.log.info(f"new log partitions for apps: {', '.join(new)}")
            metadata["new_log_apps"] = len(new)
        for name, count in result.drift.unknown.items():
            context.log.warning(
                f"{resource.name}: field {name!r} is not in the vendored schema ({count} rows)"
            )
        yield dg.MaterializeResult(metadata=metadata, check_results=_checks(resource, result))

    return api_asset


# One asset per resource, from its declaration (the loop is the declaration, not a factory of defs).
platform_api_assets = [_api_asset(r) for r in ENDPOINTS]

platform_api_job = dg.define_asset_job(
    "platform_api_job",
    selection=dg.AssetSelection.assets(*platform_api_assets),
    description="Every Platform API resource: incremental ones from their bookmarks, the rest whole. "
    + NEEDS_KEY,
)
