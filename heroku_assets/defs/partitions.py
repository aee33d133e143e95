"""Log partitions: Heroku app (added as apps are found) x UTC day.

The days start at ``HEROKU_ASSETS_START_DATE`` (unset: a few days before today, the span of the sample
`make run` loads). That is a setting, and importing a module reads none: the log assets declare
``LOG_PARTITIONS`` (the same dimensions, from a fixed day), and ``definitions.py`` puts
``log_partitions(settings.start_date)`` in their place on every spec when it builds the definitions, as it
puts on kinds and freshness.
Lines dated earlier (an imported old dump) are reported by the sensor and by ``heroku-assets run``, never
loaded into a partition that does not exist.
"""

from __future__ import annotations

import datetime as dt

import dagster as dg

APP_DIMENSION = "app"
DATE_DIMENSION = "date"

heroku_apps = dg.DynamicPartitionsDefinition(name="heroku_apps")


def log_partitions(first_day: dt.date) -> dg.MultiPartitionsDefinition:
    """App x UTC day, from ``first_day`` to today: today's lines load as they arrive and re-load when more
    come."""
    return dg.MultiPartitionsDefinition(
        {
            APP_DIMENSION: heroku_apps,
            DATE_DIMENSION: dg.DailyPartitionsDefinition(
                start_date=first_day.isoformat(), timezone="UTC", end_offset=1
            ),
        }
    )


# What the log assets declare; never what the definitions serve (``definitions.py`` replaces it).
LOG_PARTITIONS = log_partitions(dt.date(1970, 1, 1))


def in_partitions(day: dt.date, today: dt.date, first: dt.date) -> bool:
    """Whether ``day`` has partitions: from the first day to today (UTC)."""
    return first <= day <= today


def log_partition_key(app: str, day: dt.date) -> dg.MultiPartitionKey:
    return dg.MultiPartitionKey({APP_DIMENSION: app, DATE_DIMENSION: day.isoformat()})


def app_and_day(context: dg.AssetExecutionContext | dg.AssetCheckExecutionContext) -> tuple[str, dt.date]:
    """The (app, day) of the partition being materialized."""
    key = context.partition_key
    if not isinstance(key, dg.MultiPartitionKey):
        raise TypeError(f"expected an app|date partition key, got {key!r}")
    dims = key.keys_by_dimension
    return dims[APP_DIMENSION], dt.date.fromisoformat(dims[DATE_DIMENSION])
