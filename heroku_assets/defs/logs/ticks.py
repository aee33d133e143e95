"""Ticks and seals: how drain lines reach the warehouse as they arrive, and how a day is proven whole.

A tick (one run, every app) appends what the receivers shipped since the last tick to every event table
at once; its asset is the ledger, which carries the log tables' freshness policy. It reports one
materialization, not one per app-day and table: a fleet's tick would otherwise write thousands of events
to the instance. A seal (one run per app and day, after the late window) checks the day's rows against the
ledger without reading a line again, and is what shows per app and day that it is complete; a failed seal
asks for a rebuild (``heroku_logs_job``), which materializes the day's partitions of every table.
"""

import datetime as dt

import dagster as dg

from heroku_assets import code_versions
from heroku_assets.defs.partitions import LOG_PARTITIONS, app_and_day
from heroku_assets.defs.sources import RECEIVED_LOGS
from heroku_assets.defs.warehouse.assets import warehouse_key
from heroku_assets.resources import StoresResource, WarehouseResource
from heroku_assets.tables import EVENT_TABLES, LEDGER_TABLES

TICK = dg.AssetKey(["warehouse", "log_ledger"])
SEALED = dg.AssetKey(["warehouse", "sealed_log_days"])
TICK_JOB = "heroku_logs_tick_job"
SEAL_JOB = "heroku_logs_seal_job"
DAY_COMPLETE = "day_complete"
# Ticks and rebuilds never run at once (the instance's run queue limits this tag to one run): a rebuild
# reads what the ticks consumed, and a tick numbers lines after the last rebuild.
LOG_WRITER_TAG = {"heroku_assets/log_writer": "true"}


@dg.asset(
    key=TICK,
    deps=[RECEIVED_LOGS],
    group_name="warehouse",
    code_version=code_versions.PARSER,
    pool="warehouse",
    description="The tick: every received segment no earlier tick consumed, read once, parsed once, and "
    "appended to the event tables of every app and day it holds, with one ledger row per object, app and "
    "day in the same transaction (so a retried or concurrent tick loads nothing twice).",
)
def log_ledger(
    context: dg.AssetExecutionContext, stores: StoresResource, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    from heroku_assets import settings
    from heroku_assets.logs.tick import run_tick, tick_window_start

    now = dt.datetime.now(dt.UTC)
    late_days = settings.load().late_days  # a pipeline setting, read where the run runs
    tick_id = context.run.run_id.replace("-", "")
    with stores.open() as s, warehouse.open() as wh:
        wh.ensure_tables([*EVENT_TABLES, *LEDGER_TABLES])
        outcome = run_tick(
            s.raw,
            s.staging,
            wh,
            tick_id=tick_id,
            today=now.date(),
            lookback_days=(now.date() - tick_window_start(now.date(), late_days)).days,
            now=now,
        )
    appended = sorted(outcome.lines.items())
    if outcome.already_loaded:
        context.log.info("another tick loaded these objects first: nothing appended")
    if outcome.more_pending:
        context.log.info("more segments are waiting than one tick takes: the next tick continues")
    return dg.MaterializeResult(
        metadata={
            "objects_consumed": len(outcome.objects),
            "records": outcome.records,
            "lines_appended": sum(outcome.lines.values()),
            "duplicate_lines": outcome.duplicate_lines,
            "app_days": len(appended),
            "apps": len({app for (app, _), _ in appended}),
            "rows": dg.MetadataValue.json(outcome.rows),
            "truncated_rows": dg.MetadataValue.json(outcome.truncated),
            "statements": outcome.statements,
            "more_pending": outcome.more_pending,
            # the first hundred app-days: enough to see what a tick touched, bounded for a fleet
            "appended": dg.MetadataValue.json({f"{a}|{d}": n for (a, d), n in appended[:100]}),
        }
    )


heroku_logs_tick_job = dg.define_asset_job(
    TICK_JOB,
    selection=dg.AssetSelection.assets(TICK),
    description="One tick: append every received segment no tick consumed yet, for every app and day.",
    tags=LOG_WRITER_TAG,
    executor_def=dg.in_process_executor,
)


@dg.asset(
    key=SEALED,
    deps=[warehouse_key(t.name) for t in EVENT_TABLES],
    partitions_def=LOG_PARTITIONS,
    group_name="warehouse",
    code_version=code_versions.WAREHOUSE_LOAD,
    pool="warehouse",
    check_specs=[
        dg.AssetCheckSpec(
            DAY_COMPLETE,
            asset=SEALED,
            blocking=True,
            description="The day's rows hold lines 1..N exactly once across the event tables, N the lines "
            "the ledger says were appended since its last rebuild.",
        )
    ],
    description="An app's day, checked whole against the ledger once its late window passed, without "
    "reading a line again. A day that fails is rebuilt from what was received (the sensor asks).",
)
def sealed_log_days(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    from heroku_assets.logs.seal import seal_problem

    app, day = app_and_day(context)
    with warehouse.open() as wh:
        wh.ensure_tables([*EVENT_TABLES, *LEDGER_TABLES])
        figures = wh.seal_figures(app, day)
    problem = seal_problem(figures)
    if problem:
        # not sealed: a failed seal run is what the sensor looks for to ask for the day's rebuild
        raise dg.Failure(f"{app} {day} is not whole: {problem}; the sensor rebuilds it", metadata=figures)
    yield dg.MaterializeResult(metadata={"dagster/partition_row_count": figures["ledger_lines"], **figures})
    yield dg.AssetCheckResult(check_name=DAY_COMPLETE, passed=True, metadata=figures)


heroku_logs_seal_job = dg.define_asset_job(
    SEAL_JOB,
    selection=dg.AssetSelection.assets(SEALED),
    description="Seal one app-day: check it whole against the ledger.",
    executor_def=dg.in_process_executor,
)
