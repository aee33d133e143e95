"""Warehouse tables loaded from the staged Parquet, the error-code reference table and the views.

Which warehouse (DuckDB or Synapse) is the resource's business; its kind and table names are put on the
specs in ``definitions.py``, from the environment's settings.
"""

import datetime as dt
import tempfile
from pathlib import Path

import dagster as dg

from heroku_assets import code_versions
from heroku_assets.defs.logs.assets import staged_asset_key
from heroku_assets.defs.metadata import column_schema
from heroku_assets.defs.partitions import LOG_PARTITIONS, app_and_day
from heroku_assets.resources import StoresResource, WarehouseResource
from heroku_assets.tables import EVENT_TABLES, HEROKU_ERROR_CODES, LEDGER_TABLES, ROUTER_EVENTS

STAGED_ROWS_LOADED = "staged_rows_loaded"
REQUEST_ID_DUPLICATES = "request_id_duplicates"
ERROR_CODES = dg.AssetKey(["warehouse", HEROKU_ERROR_CODES.name])
VIEWS = dg.AssetKey(["warehouse", "analytics_views"])
STATISTICS = dg.AssetKey(["warehouse", "statistics"])
# Built when missing and again when their code changes: nothing else makes them stale.
ON_MISSING_OR_NEW_CODE = dg.AutomationCondition.on_missing() | dg.AutomationCondition.code_version_changed()


def warehouse_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["warehouse", table])


# One step for every event table: one connection, and DuckDB allows a single writer.
@dg.multi_asset(
    name="warehouse_event_tables",
    specs=[
        dg.AssetSpec(
            warehouse_key(table.name),
            deps=[staged_asset_key(table.name)],
            partitions_def=LOG_PARTITIONS,
            group_name="warehouse",
            code_version=code_versions.WAREHOUSE_LOAD,
            description=table.doc,
            metadata={"dagster/column_schema": column_schema(table)},
        )
        for table in EVENT_TABLES
    ],
    check_specs=[
        dg.AssetCheckSpec(
            STAGED_ROWS_LOADED,
            asset=warehouse_key(table.name),
            blocking=True,
            description="The partition holds exactly the rows that were staged for it.",
        )
        for table in EVENT_TABLES
    ]
    + [
        dg.AssetCheckSpec(
            REQUEST_ID_DUPLICATES,
            asset=warehouse_key(ROUTER_EVENTS.name),
            description="request_ids seen more than once (reported only: Heroku does not promise "
            "they are unique).",
        )
    ],
    partitions_def=LOG_PARTITIONS,
    pool="warehouse",
)
def warehouse_event_tables(
    context: dg.AssetExecutionContext, stores: StoresResource, warehouse: WarehouseResource
):
    """Replace the partition's rows in each table with what was staged, one transaction per table, then
    record the rebuild in the ledger: later ticks number the day's lines after it."""
    from heroku_assets.logs.staging import partition_lines, staged_rows

    app, day = app_and_day(context)
    with stores.open() as s, warehouse.open() as wh:
        wh.ensure_tables([*EVENT_TABLES, *LEDGER_TABLES])
        for table in EVENT_TABLES:
            keys, staged = staged_rows(s.staging, table.name, app, day)
            result = wh.replace_partition(table, app, day, s.staging, keys)
            loaded = result.rows
            yield dg.MaterializeResult(
                asset_key=warehouse_key(table.name),
                # The load report: truncated values per column, the COPY INTO sources on Synapse.
                metadata={
                    "dagster/partition_row_count": loaded,
                    "staged_objects": len(keys),
                    **result.metadata(),
                },
            )
            yield dg.AssetCheckResult(
                asset_key=warehouse_key(table.name),
                check_name=STAGED_ROWS_LOADED,
                passed=loaded == staged,
                metadata={"staged_rows": staged, "warehouse_rows": loaded},
            )
        duplicates = wh.duplicate_request_ids(app, day)
        rebuild_id = context.run.run_id.replace("-", "")
        wh.record_rebuild(app, day, rebuild_id, partition_lines(s.raw, app, day), dt.datetime.now(dt.UTC))
    yield dg.AssetCheckResult(
        asset_key=warehouse_key(ROUTER_EVENTS.name),
        check_name=REQUEST_ID_DUPLICATES,
        passed=duplicates == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"duplicated_request_ids": duplicates},
    )


@dg.asset(
    key=ERROR_CODES,
    group_name="warehouse",
    code_version=code_versions.ERROR_CODES,
    automation_condition=ON_MISSING_OR_NEW_CODE,
    description=HEROKU_ERROR_CODES.doc,
    metadata={"dagster/column_schema": column_schema(HEROKU_ERROR_CODES)},
    pool="warehouse",
)
def heroku_error_codes(stores: StoresResource, warehouse: WarehouseResource) -> dg.MaterializeResult:
    from heroku_assets.logs.parquet import write_staged_table
    from heroku_assets.warehouse.error_codes import error_codes_table

    table = error_codes_table()
    key = f"{HEROKU_ERROR_CODES.name}/reference/part-00000.parquet"
    with stores.open() as s, warehouse.open() as wh, tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "codes.parquet"
        write_staged_table(HEROKU_ERROR_CODES, table, path)
        s.staging.put_file(key, path, {"rows": str(table.num_rows)})
        wh.ensure_tables([HEROKU_ERROR_CODES])
        result = wh.upsert(HEROKU_ERROR_CODES, s.staging, [key])
    return dg.MaterializeResult(metadata={"dagster/row_count": result.rows, **result.metadata()})


@dg.asset(
    key=VIEWS,
    deps=[ERROR_CODES, *(warehouse_key(t.name) for t in EVENT_TABLES)],
    group_name="warehouse",
    code_version=code_versions.VIEWS,
    automation_condition=ON_MISSING_OR_NEW_CODE,
    description="Daily request stats per app (requests, error rate, p50/p95/p99 of service_ms, bytes) "
    "and errors by code and day with each code's meaning; and, where the warehouse masks personal data "
    "(SYNAPSE_MASKING=on), the masks on the event tables' and the Platform API tables' declared columns.",
    pool="warehouse",
)
def analytics_views(warehouse: WarehouseResource) -> dg.MaterializeResult:
    from heroku_assets.tables import all_tables

    # Masks are applied here, by the reference job, and never by a load: ALTER TABLE locks the table,
    # and whether a mask exists cannot be read from a documented catalog view on Synapse or Fabric.
    masked_tables = [t for t in all_tables().values() if any(c.masking for c in t.columns)]
    with warehouse.open() as wh:
        wh.ensure_tables([*EVENT_TABLES, *(t for t in masked_tables if t not in EVENT_TABLES)])
        names = wh.ensure_views()
        masked = wh.apply_masking(masked_tables)
    return dg.MaterializeResult(metadata={"views": ", ".join(names), "masked_columns": ", ".join(masked)})


warehouse_reference_job = dg.define_asset_job(
    "warehouse_reference_job",
    selection=dg.AssetSelection.assets(ERROR_CODES, VIEWS),
    description="The error-code reference table and the analytics views (declarative automation builds "
    "them when missing or when their code changes; this job builds them on demand).",
)


@dg.asset(
    key=STATISTICS,
    deps=[warehouse_key(t.name) for t in EVENT_TABLES],
    group_name="warehouse",
    description="The optimizer's statistics on the event tables, refreshed after a day's loads: a "
    "dedicated pool creates statistics but never updates them, so plans misjudge the new day's dates.",
    pool="warehouse",
)
def warehouse_statistics(warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.open() as wh:
        wh.update_statistics(EVENT_TABLES)
    return dg.MaterializeResult(metadata={"tables": ", ".join(t.name for t in EVENT_TABLES)})


warehouse_statistics_job = dg.define_asset_job(
    "warehouse_statistics_job",
    selection=dg.AssetSelection.assets(STATISTICS),
    description="UPDATE STATISTICS on the event tables, once a day after the day's loads.",
)

warehouse_statistics_schedule = dg.ScheduleDefinition(
    name="warehouse_statistics_schedule",
    job=warehouse_statistics_job,
    cron_schedule="30 5 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Every day at 05:30 UTC, two hours after the daily logs schedule.",
)
