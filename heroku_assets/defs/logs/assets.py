"""Raw log partitions and the parsed, staged event tables."""

import datetime as dt

import dagster as dg

from heroku_assets import code_versions
from heroku_assets.defs.metadata import column_schema, location, preview
from heroku_assets.defs.partitions import LOG_PARTITIONS, app_and_day
from heroku_assets.defs.sources import RECEIVED_LOGS
from heroku_assets.resources import StoresResource, WarehouseResource
from heroku_assets.storage import layout
from heroku_assets.tables import EVENT_TABLES

RAW_LOGS = dg.AssetKey(["raw", "heroku_logs"])
LINES_ACCOUNTED_FOR = "lines_accounted_for"


def staged_asset_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["staged", table])


@dg.asset(
    key=RAW_LOGS,
    deps=[RECEIVED_LOGS],
    partitions_def=LOG_PARTITIONS,
    group_name="logs",
    kinds={"heroku"},
    code_version=code_versions.RAW_PARTITION,
    description="One app's log lines of one UTC day, gathered from every received object (drain "
    "bodies, pulls, imports, late ones included), deduped across sources and ordered by time: gzip text, "
    "and the same lines as read in Parquet, which staging parses.",
)
def heroku_raw_logs(
    context: dg.AssetExecutionContext, stores: StoresResource, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    from heroku_assets import settings
    from heroku_assets.logs.raw_partition import build_partition
    from heroku_assets.logs.tick import tick_window_start
    from heroku_assets.tables import LEDGER_TABLES

    app, day = app_and_day(context)
    late_days = settings.load().late_days  # a pipeline setting, read where the run runs
    # Segments are read only once a tick appended lines of the day from them (ticks and rebuilds never
    # run at once): one not consumed yet is appended by the next tick, after this rebuild's lines.
    with warehouse.open() as wh:
        wh.ensure_tables(LEDGER_TABLES)
        ticked = wh.ticked_objects(app, day)
    with stores.open() as s:
        window = tick_window_start(dt.datetime.now(dt.UTC).date(), late_days)
        result = build_partition(s.raw, app, day, late_days=late_days, ticked=ticked, window=window)
        url = s.raw.url(result.key)
        as_read = s.raw.url(layout.raw_lines_object(app, day))
    metadata: dict[str, object] = {
        "dagster/partition_row_count": result.lines,
        "dagster/uri": url,
        "lines": result.lines,
        "received_lines": result.received_lines,
        "bytes": result.bytes,
        "source_objects": len(result.source_objects),
        # the first hundred keys: enough to trace a day fed by imports or pulls, bounded for drains
        "source_object_keys": dg.MetadataValue.json(result.source_objects[:100]),
        "duplicates_removed": result.duplicates_removed,
        "gap_markers": result.gap_markers,
        # a time the UI shows as one (the sensor reads its value, seconds since the epoch)
        "sources_newest": dg.MetadataValue.timestamp(result.sources_newest),
        "object": location(url),
        "lines_as_read": location(as_read),  # what staging parses
    }
    for code in ("L10", "L11", "L12", "L13"):
        metadata[f"loss_markers_{code}"] = result.loss_markers.get(code, 0)
    said = [
        *(
            [
                "Heroku reported lost lines ("
                + ", ".join(f"{c} x{n}" for c, n in result.loss_markers.items())
                + ")"
            ]
            if result.loss_markers
            else []
        ),
        *([f"pulls found {result.gap_markers} gap(s)"] if result.gap_markers else []),
    ]
    if said:
        context.log.warning(f"{app} {day}: {' and '.join(said)}")
    return dg.MaterializeResult(metadata=metadata, data_version=dg.DataVersion(result.version))


@dg.multi_asset(
    name="parsed_log_events",
    specs=[
        dg.AssetSpec(
            staged_asset_key(table.name),
            deps=[RAW_LOGS],
            partitions_def=LOG_PARTITIONS,
            group_name="logs",
            kinds={"parquet"},
            code_version=code_versions.PARSER,
            description=table.doc,
            metadata={"dagster/column_schema": column_schema(table)},
        )
        for table in EVENT_TABLES
    ],
    check_specs=[
        dg.AssetCheckSpec(
            LINES_ACCOUNTED_FOR,
            asset=staged_asset_key(table.name),
            blocking=True,
            description="Every line the raw partition kept from what was received is in exactly one event "
            "table or in rejected_lines, dated on the partition's day.",
        )
        for table in EVENT_TABLES
    ],
    partitions_def=LOG_PARTITIONS,
)
def parsed_log_events(context: dg.AssetExecutionContext, stores: StoresResource):
    """Classify the raw partition into the event tables and stage each as Parquet; the line accounting
    is checked in the same step, so a failed check blocks the load."""
    from heroku_assets.logs.staging import stage_partition

    app, day = app_and_day(context)
    with stores.open() as s:
        result = stage_partition(s.raw, s.staging, app, day)
    for table in EVENT_TABLES:
        staged = result.tables[table.name]
        yield dg.MaterializeResult(
            asset_key=staged_asset_key(table.name),
            metadata={
                "dagster/partition_row_count": staged.rows,
                "dagster/uri": staged.url,
                "lines": staged.lines,
                "object": location(staged.url),
                "preview": preview(staged.preview, table),
                # Values longer than their column cut to width + 1 characters (the load counts them).
                "cut_values": dict(staged.cut),
            },
        )
    for table in EVENT_TABLES:
        yield dg.AssetCheckResult(
            asset_key=staged_asset_key(table.name),
            check_name=LINES_ACCOUNTED_FOR,
            passed=result.accounting_error is None,
            metadata={
                "raw_lines": result.raw_lines,
                "accounted_lines": result.accounted_lines,
                "problem": result.accounting_error or "none",
            },
        )
