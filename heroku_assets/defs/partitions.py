"""Log partitions: Heroku app (added as apps are found) x UTC day."""

from __future__ import annotations

import datetime as dt
import functools

import dagster as dg

APP_DIMENSION = "app"
DATE_DIMENSION = "date"

heroku_apps = dg.DynamicPartitionsDefinition(name="heroku_apps")


@functools.cache
def log_partitions(start_date: dt.date) -> dg.MultiPartitionsDefinition:
    """App x day from ``start_date``; the last day is today (UTC), so today's lines are loaded as they
    arrive and re-loaded when more come."""
    return dg.MultiPartitionsDefinition(
        {
            APP_DIMENSION: heroku_apps,
            DATE_DIMENSION: dg.DailyPartitionsDefinition(
                start_date=start_date.isoformat(), timezone="UTC", end_offset=1
            ),
        }
    )


def log_partition_key(app: str, day: dt.date) -> dg.MultiPartitionKey:
    return dg.MultiPartitionKey({APP_DIMENSION: app, DATE_DIMENSION: day.isoformat()})


def app_and_day(context: dg.AssetExecutionContext | dg.AssetCheckExecutionContext) -> tuple[str, dt.date]:
    """The (app, day) of the partition being materialized."""
    key = context.partition_key
    if not isinstance(key, dg.MultiPartitionKey):
        raise TypeError(f"expected an app|date partition key, got {key!r}")
    dims = key.keys_by_dimension
    return dims[APP_DIMENSION], dt.date.fromisoformat(dims[DATE_DIMENSION])
