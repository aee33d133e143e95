"""Log partitions: Heroku app (added as apps are found) x UTC day.

The partitions are part of every log asset's identity, so they are a constant, not a deployment knob:
``START_DATE`` is the first day a partition exists for. Lines dated earlier (an imported old dump) are
reported by the sensor and by ``heroku-assets run``, never loaded into a partition that does not exist.
"""

from __future__ import annotations

import datetime as dt

import dagster as dg

START_DATE = "2026-01-01"
FIRST_DAY = dt.date.fromisoformat(START_DATE)
APP_DIMENSION = "app"
DATE_DIMENSION = "date"

heroku_apps = dg.DynamicPartitionsDefinition(name="heroku_apps")

# The last day is today (UTC), so today's lines load as they arrive and re-load when more come.
log_partitions = dg.MultiPartitionsDefinition(
    {
        APP_DIMENSION: heroku_apps,
        DATE_DIMENSION: dg.DailyPartitionsDefinition(start_date=START_DATE, timezone="UTC", end_offset=1),
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
