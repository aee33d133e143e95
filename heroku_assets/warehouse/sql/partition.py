"""Partition loads: every statement of a replace of (app, day) partitions, by step, for any warehouse.

A plan is data (``PartitionLoad``, here, and ``entity.EntityLoad``); ``warehouse.load_runner`` runs one on
any DB-API cursor. Synapse and Fabric fill the staging table with COPY INTO, DuckDB with an INSERT from
read_parquet (``staging``); everything after that (the checks, the one transaction, the counts, the drop)
is the same builder rendered by the ``Dialect`` it is given. Builders never ask which warehouse they build
for: whatever differs is a dialect method, so a new plan written here runs on Synapse, Fabric and DuckDB
alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from heroku_assets.storage.layout import validate_app
from heroku_assets.tables import ROUTER_EVENTS, Table
from heroku_assets.warehouse.sql.copy import CopyCredential
from heroku_assets.warehouse.sql.ddl import DUCKDB_TEMP, drop_table
from heroku_assets.warehouse.sql.dialect import DUCKDB, TSQL, Dialect, TableName
from heroku_assets.warehouse.sql.staging import (
    check_items,
    duckdb_prepare,
    load_tables,
    select_list,
    staged_value,
    synapse_prepare,
)
from heroku_assets.warehouse.sql.statement import Query, Statement, label

# A load's IN lists are bound parameters, and a statement takes at most 2,098 of them ("Capacity limits
# for dedicated SQL pool"): a day with more apps is loaded in several plans of this many apps.
MAX_APPS_PER_LOAD = 1000


def _partition_filter(table: Table, dialect: Dialect, apps: Sequence[str], day: dt.date) -> tuple[str, tuple]:
    if table.partition_by != ("app", "event_date"):
        raise ValueError(f"{table.name} is not partitioned by app and event_date")
    if not apps:
        raise ValueError("a partition load needs at least one app")
    if len(apps) > MAX_APPS_PER_LOAD:
        raise ValueError(f"at most {MAX_APPS_PER_LOAD} apps per load, not {len(apps)}")
    apps = tuple(validate_app(a) for a in apps)
    app = dialect.quote("app")
    app_test = f"{app} = ?" if len(apps) == 1 else f"{app} IN ({', '.join('?' for _ in apps)})"
    return f"{dialect.quote('event_date')} = ? AND {app_test}", (day, *apps)


def partition_check(
    table: Table, staged: TableName, dialect: Dialect = TSQL, tag: str | None = None
) -> Query:
    """What the staged rows hold before they replace their partitions, per (app, event_date) they carry:
    how many, how many lack a required value (a broken invariant, refused before the target is touched),
    how many have values wider than their column (truncated and counted). Rows of a partition the load
    does not replace are refused too: the runner compares the groups with the load's partitions."""
    app = dialect.fit(dialect.quote("app"), 4000)  # a heap's nvarchar(max) grouped at a bounded width
    date = dialect.quote("event_date")
    items = [("app", app), ("event_date", date), *check_items(table, dialect)]
    return dialect.query(
        f"SELECT\n    {select_list(items, dialect)}\nFROM {staged.sql(dialect)}\nGROUP BY {app}, {date}",
        tag,
        tuple(name for name, _ in items),
    )


def partition_replace(
    table: Table,
    target: TableName,
    staged: TableName,
    apps: Sequence[str],
    day: dt.date,
    dialect: Dialect = TSQL,
    tag: str | None = None,
) -> list[Statement]:
    """One transaction: delete the partitions' rows, insert the staged ones (timestamps converted, strings
    fitted to their columns). Running it twice leaves what running it once did."""
    where, params = _partition_filter(table, dialect, apps, day)
    cols = ", ".join(dialect.quote(c) for c in table.column_names)
    select = ",\n    ".join(staged_value(c, dialect) for c in table.columns)
    return [
        Statement(dialect.begin, kind="transaction"),
        Statement(dialect.labelled(f"DELETE FROM {target.sql(dialect)}\nWHERE {where}", tag), params),
        Statement(
            dialect.labelled(
                f"INSERT INTO {target.sql(dialect)} ({cols})\nSELECT\n    {select}\n"
                f"FROM {staged.sql(dialect)}\nWHERE {where}",
                tag,
            ),
            params,
        ),
        Statement(dialect.commit, kind="transaction"),
    ]


def partition_counts(
    table: Table,
    target: TableName,
    apps: Sequence[str],
    day: dt.date,
    dialect: Dialect = TSQL,
    tag: str | None = None,
) -> Query:
    """The rows each replaced partition holds afterwards (a partition left empty has no row here)."""
    where, params = _partition_filter(table, dialect, apps, day)
    app = dialect.quote("app")
    return dialect.query(
        f"SELECT {app}, {dialect.count} AS {dialect.quote('rows')}\nFROM {target.sql(dialect)}\n"
        f"WHERE {where}\nGROUP BY {app}",
        tag,
        ("app", "rows"),
        params,
    )


def partition_count(
    table: Table, target: TableName, app: str, day: dt.date, dialect: Dialect = TSQL
) -> Query:
    where, params = _partition_filter(table, dialect, [app], day)
    return dialect.query(
        f"SELECT {dialect.count} AS {dialect.quote('rows')}\nFROM {target.sql(dialect)}\nWHERE {where}",
        label(table.name, app, day, "count"),
        ("rows",),
        params,
    )


def duplicate_request_ids(target: TableName, app: str, day: dt.date, dialect: Dialect = TSQL) -> Query:
    """How many request_ids occur more than once in (app, day) of router_events: reported, not enforced
    (Heroku does not promise they are unique)."""
    where, params = _partition_filter(ROUTER_EVENTS, dialect, [app], day)
    request_id = dialect.quote("request_id")
    return dialect.query(
        f"SELECT {dialect.count} AS {dialect.quote('duplicated_request_ids')}\n"
        f"FROM (\n    SELECT {request_id}\n    FROM {target.sql(dialect)}\n"
        f"    WHERE {where} AND {request_id} IS NOT NULL\n"
        f"    GROUP BY {request_id}\n    HAVING {dialect.count} > 1\n) AS {dialect.quote('d')}",
        label(ROUTER_EVENTS.name, app, day, "duplicates"),
        ("duplicated_request_ids",),
        params,
    )


@dataclass(frozen=True)
class PartitionLoad:
    """Every statement of one replace of the (app, day) partitions of one table, by step: ``prepare``
    fills this run's staging table (outside any transaction: Synapse allows no DDL in one), ``check``
    judges the staged rows per partition, ``replace`` is the one transaction, ``count`` reads the result,
    ``cleanup`` drops the staging table (run even when a step failed)."""

    table: Table
    day: dt.date
    apps: tuple[str, ...]
    prepare: tuple[Statement, ...]
    check: Query
    replace: tuple[Statement, ...]
    count: Query
    cleanup: tuple[Statement, ...] = ()
    sources: tuple[str, ...] = ()

    def statements(self) -> list[Statement]:
        return [*self.prepare, self.check.statement, *self.replace, self.count.statement, *self.cleanup]


def partition_load(
    table: Table,
    target: TableName,
    staged: TableName,
    apps: Sequence[str],
    day: dt.date,
    *,
    prepare: Sequence[Statement],
    sources: Sequence[str] = (),
    dialect: Dialect = TSQL,
) -> PartitionLoad:
    apps = tuple(sorted({validate_app(a) for a in apps}))
    if not apps:
        raise ValueError("a partition load needs at least one app")
    tag = label(table.name, apps[0] if len(apps) == 1 else f"{len(apps)}apps", day)
    return PartitionLoad(
        table=table,
        day=day,
        apps=apps,
        prepare=tuple(prepare),
        check=partition_check(table, staged, dialect, tag),
        replace=tuple(partition_replace(table, target, staged, apps, day, dialect, tag)),
        count=partition_counts(table, target, apps, day, dialect, tag),
        cleanup=(drop_table(staged, dialect),),
        sources=tuple(sources),
    )


def synapse_partition_load(
    table: Table,
    day: dt.date,
    apps: Sequence[str],
    urls: Sequence[str],
    credential: CopyCredential,
    *,
    schema: str = "dbo",
    staging_schema: str = "stg",
    run_id: str | None = None,
    dialect: Dialect = TSQL,
) -> PartitionLoad:
    """The Synapse (or Fabric) replace of (app, day) for ``apps``: one COPY INTO of every folder, checks
    per partition, one transaction."""
    target, staged = load_tables(table, schema, staging_schema, run_id, day)
    prepare = synapse_prepare(table, staged, urls, credential, dialect)
    return partition_load(table, target, staged, apps, day, prepare=prepare, sources=urls, dialect=dialect)


def duckdb_partition_load(
    table: Table,
    day: dt.date,
    apps: Sequence[str],
    paths: Sequence[str],
    *,
    schema: str = "main",
    staging_schema: str = DUCKDB_TEMP,
    run_id: str | None = None,
) -> PartitionLoad:
    target, staged = load_tables(table, schema, staging_schema, run_id, day)
    prepare = duckdb_prepare(table, staged, paths)
    return partition_load(table, target, staged, apps, day, prepare=prepare, dialect=DUCKDB)
