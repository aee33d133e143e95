"""Load plans: every statement of a partition replace or an entity upsert, by step, for any warehouse.

A plan is data (``PartitionLoad``, ``EntityLoad``); ``warehouse.load_runner`` runs one on any DB-API
cursor. Synapse and Fabric fill the staging table with COPY INTO, DuckDB with an INSERT from read_parquet;
everything after that (the checks, the one transaction, the counts, the drop) is the same builder rendered
by the ``Dialect`` it is given. Builders never ask which warehouse they build for: whatever differs is a
dialect method, so a new plan written here runs on Synapse, Fabric and DuckDB alike.

Staged Parquet holds timestamps as UTC microseconds in 64-bit integers (the pool's COPY cannot read
TIMESTAMP(MICROS)); the staging table keeps them as bigint and the INSERT ... SELECT converts them.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from heroku_assets.storage.layout import validate_app
from heroku_assets.tables import ROUTER_EVENTS, Column, Table
from heroku_assets.warehouse.base import validate_identifier
from heroku_assets.warehouse.sql.copy import CopyCredential, copy_into
from heroku_assets.warehouse.sql.ddl import (
    DUCKDB_TEMP,
    create_schema,
    create_staging_table,
    create_table,
    drop_table,
    string_width,
)
from heroku_assets.warehouse.sql.dialect import (
    DUCKDB,
    TSQL,
    Dialect,
    Query,
    Statement,
    TableName,
    label,
)

ROW_NUMBER_COLUMN = "__row_number"
# A load's IN lists are bound parameters, and a statement takes at most 2,098 of them ("Capacity limits
# for dedicated SQL pool"): a day with more apps is loaded in several plans of this many apps.
MAX_APPS_PER_LOAD = 1000


def new_run_id() -> str:
    """What makes one run's staging table its own: two runs of one partition (a backfill beside the
    sensor's run) never share one, so neither empties or reads the other's rows."""
    return uuid.uuid4().hex[:12]


_STAGING_NAME = re.compile(r"^(?P<table>[a-z_]+?)(__\d{8})?__(?P<run>[0-9a-f]{12})$")


def stale_staging_query(schema: str, hours: int = 24) -> Query:
    """The tables of the staging schema older than ``hours``: a run killed before it could drop its own
    leaves one behind, and no load runs that long (each statement times out within the hour)."""
    return Query(
        Statement(
            "SELECT [t].[name] AS [name]\nFROM sys.tables AS [t]\n"
            "JOIN sys.schemas AS [s] ON [s].[schema_id] = [t].[schema_id]\n"
            "WHERE [s].[name] = ? AND [t].[create_date] < DATEADD(HOUR, ?, SYSUTCDATETIME())",
            (validate_identifier(schema), -hours),
            kind="query",
        ),
        ("name",),
    )


def stale_staging_drops(
    schema: str, names: Sequence[str], tables: Sequence[Table], dialect: Dialect = TSQL
) -> list[Statement]:
    """Drops of the listed tables that are staging tables of this loader (``<table>[__<day>]__<run>``
    of a declared table), and of nothing else the schema may hold."""
    declared = {t.name for t in tables}
    out = []
    for name in names:
        match = _STAGING_NAME.match(name)
        if match and match["table"] in declared:
            out.append(drop_table(TableName(schema, name), dialect))
    return out


def staging_table(schema: str, table: Table, run_id: str, day: dt.date | None = None) -> TableName:
    if not re.fullmatch(r"[0-9a-f]{12}", run_id):
        raise ValueError(f"invalid run id {run_id!r}")
    day_part = f"__{day:%Y%m%d}" if day else ""
    return TableName(schema, f"{table.name}{day_part}__{run_id}")


# -- values on their way from the staging table to the target ---------------------------------------------


def staged_value(col: Column, dialect: Dialect, prefix: str = "") -> str:
    """A staged column as the target column wants it: timestamps converted from epoch microseconds,
    strings cut to their width (and counted by the checks)."""
    expr = prefix + dialect.quote(col.name)
    if col.type == "timestamp":
        return dialect.from_epoch_us(expr)
    width = string_width(col)
    return dialect.fit(expr, width) if width is not None else expr


def _truncation_terms(table: Table, dialect: Dialect) -> list[tuple[str, str]]:
    """(column, condition) for every string column: the condition is true where a value does not fit."""
    return [
        (c.name, dialect.too_wide(dialect.quote(c.name), string_width(c)))
        for c in table.columns
        if string_width(c) is not None
    ]


def _check_items(table: Table, dialect: Dialect) -> list[tuple[str, str]]:
    terms = _truncation_terms(table, dialect)
    any_wide = " OR ".join(cond for _, cond in terms) or "1 = 0"
    required = [dialect.quote(c.name) + " IS NULL" for c in table.columns if not c.nullable]
    any_missing = " OR ".join(required) or "1 = 0"
    items = [
        ("staged_rows", dialect.count),
        ("missing_required_rows", f"COALESCE(SUM(CASE WHEN {any_missing} THEN 1 ELSE 0 END), 0)"),
        ("truncated_rows", f"COALESCE(SUM(CASE WHEN {any_wide} THEN 1 ELSE 0 END), 0)"),
    ]
    return items + [
        (f"truncated__{name}", f"COALESCE(SUM(CASE WHEN {cond} THEN 1 ELSE 0 END), 0)")
        for name, cond in terms
    ]


def _select(items: list[tuple[str, str]], dialect: Dialect) -> str:
    return ",\n    ".join(f"{expr} AS {dialect.quote(name)}" for name, expr in items)


# -- partition loads -------------------------------------------------------------------------------------


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
    items = [("app", app), ("event_date", date), *_check_items(table, dialect)]
    return Query(
        Statement(
            dialect.labelled(
                f"SELECT\n    {_select(items, dialect)}\nFROM {staged.sql(dialect)}\nGROUP BY {app}, {date}",
                tag,
            ),
            kind="query",
        ),
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
    return Query(
        Statement(
            dialect.labelled(
                f"SELECT {app}, {dialect.count} AS {dialect.quote('rows')}\nFROM {target.sql(dialect)}\n"
                f"WHERE {where}\nGROUP BY {app}",
                tag,
            ),
            params,
            kind="query",
        ),
        ("app", "rows"),
    )


def partition_count(
    table: Table, target: TableName, app: str, day: dt.date, dialect: Dialect = TSQL
) -> Query:
    where, params = _partition_filter(table, dialect, [app], day)
    return Query(
        Statement(
            dialect.labelled(
                f"SELECT {dialect.count} AS {dialect.quote('rows')}\n"
                f"FROM {target.sql(dialect)}\nWHERE {where}",
                label(table.name, app, day, "count"),
            ),
            params,
            kind="query",
        ),
        ("rows",),
    )


def duplicate_request_ids(target: TableName, app: str, day: dt.date, dialect: Dialect = TSQL) -> Query:
    """How many request_ids occur more than once in (app, day) of router_events: reported, not enforced
    (Heroku does not promise they are unique)."""
    where, params = _partition_filter(ROUTER_EVENTS, dialect, [app], day)
    request_id = dialect.quote("request_id")
    return Query(
        Statement(
            dialect.labelled(
                f"SELECT {dialect.count} AS {dialect.quote('duplicated_request_ids')}\n"
                f"FROM (\n    SELECT {request_id}\n    FROM {target.sql(dialect)}\n"
                f"    WHERE {where} AND {request_id} IS NOT NULL\n"
                f"    GROUP BY {request_id}\n    HAVING {dialect.count} > 1\n) AS {dialect.quote('d')}",
                label(ROUTER_EVENTS.name, app, day, "duplicates"),
            ),
            params,
            kind="query",
        ),
        ("duplicated_request_ids",),
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


# -- entity upserts --------------------------------------------------------------------------------------


def _key_exprs(table: Table, dialect: Dialect, prefix: str = "", *, named: bool = False) -> list[str]:
    if not table.primary_key:
        raise ValueError(f"{table.name} has no primary key to upsert by")
    out = []
    for name in table.primary_key:
        expr = staged_value(table.column(name), dialect, prefix)
        out.append(f"{expr} AS {dialect.quote(name)}" if named else expr)
    return out


def upsert_check(table: Table, staged: TableName, dialect: Dialect = TSQL, tag: str | None = None) -> Query:
    """How many rows are staged, how many lack a required value, how many have values wider than their
    column."""
    items = _check_items(table, dialect)
    return Query(
        Statement(
            dialect.labelled(f"SELECT\n    {_select(items, dialect)}\nFROM {staged.sql(dialect)}", tag),
            kind="query",
        ),
        tuple(name for name, _ in items),
    )


def distinct_keys(table: Table, staged: TableName, dialect: Dialect = TSQL, tag: str | None = None) -> Query:
    """How many distinct keys are staged: the rows an upsert merges (the rest repeat a key)."""
    keys = ", ".join(_key_exprs(table, dialect, named=True))  # a derived table's columns need names
    return Query(
        Statement(
            dialect.labelled(
                f"SELECT {dialect.count} AS {dialect.quote('distinct_keys')}\n"
                f"FROM (SELECT DISTINCT {keys} FROM {staged.sql(dialect)}) AS {dialect.quote('k')}",
                tag,
            ),
            kind="query",
        ),
        ("distinct_keys",),
    )


def upsert(
    table: Table, target: TableName, staged: TableName, dialect: Dialect = TSQL, tag: str | None = None
) -> list[Statement]:
    """One transaction: delete the target rows whose key is staged, insert one staged row per key (the
    latest ``updated_at`` where the table has one). DELETE ... WHERE EXISTS + INSERT works on every
    Synapse build, where MERGE needs a hash-distributed target and more care."""
    if ROW_NUMBER_COLUMN in table.column_names:
        raise ValueError(f"{table.name} declares {ROW_NUMBER_COLUMN}, which the upsert uses")
    source = dialect.quote("s")
    # The target is named by its bare table name in the correlation (as Synapse's documented
    # DELETE ... WHERE EXISTS does); three-part column names are deprecated in T-SQL.
    match = " AND ".join(
        f"{k} = {dialect.quote(target.name)}.{dialect.quote(name)}"
        for k, name in zip(_key_exprs(table, dialect, f"{source}."), table.primary_key, strict=True)
    )
    # Epoch microseconds order as the times they stand for.
    order = f"{dialect.quote('updated_at')} DESC" if "updated_at" in table.column_names else "(SELECT NULL)"
    cols = ", ".join(dialect.quote(c) for c in table.column_names)
    fitted = ",\n        ".join(
        f"{staged_value(c, dialect)} AS {dialect.quote(c.name)}" for c in table.columns
    )
    row_number = (
        f"ROW_NUMBER() OVER (PARTITION BY {', '.join(_key_exprs(table, dialect))} ORDER BY {order}) "
        f"AS {dialect.quote(ROW_NUMBER_COLUMN)}"
    )
    return [
        Statement(dialect.begin, kind="transaction"),
        Statement(
            dialect.labelled(
                f"DELETE FROM {target.sql(dialect)}\nWHERE EXISTS (\n"
                f"    SELECT 1 FROM {staged.sql(dialect)} AS {source}\n    WHERE {match}\n)",
                tag,
            )
        ),
        Statement(
            dialect.labelled(
                f"INSERT INTO {target.sql(dialect)} ({cols})\nSELECT {cols}\nFROM (\n"
                f"    SELECT\n        {fitted},\n        {row_number}\n"
                f"    FROM {staged.sql(dialect)}\n) AS {dialect.quote('d')}\n"
                f"WHERE {dialect.quote(ROW_NUMBER_COLUMN)} = 1",
                tag,
            )
        ),
        Statement(dialect.commit, kind="transaction"),
    ]


@dataclass(frozen=True)
class EntityLoad:
    """Every statement of one entity upsert, by step (as PartitionLoad)."""

    table: Table
    prepare: tuple[Statement, ...]
    check: Query
    keys: Query
    merge: tuple[Statement, ...]
    cleanup: tuple[Statement, ...] = ()
    sources: tuple[str, ...] = ()

    def statements(self) -> list[Statement]:
        return [*self.prepare, self.check.statement, self.keys.statement, *self.merge, *self.cleanup]


def entity_load(
    table: Table,
    target: TableName,
    staged: TableName,
    *,
    prepare: Sequence[Statement],
    sources: Sequence[str] = (),
    dialect: Dialect = TSQL,
) -> EntityLoad:
    tag = label(table.name, "upsert")
    return EntityLoad(
        table=table,
        prepare=tuple(prepare),
        check=upsert_check(table, staged, dialect, tag),
        keys=distinct_keys(table, staged, dialect, tag),
        merge=tuple(upsert(table, target, staged, dialect, tag)),
        cleanup=(drop_table(staged, dialect),),
        sources=tuple(sources),
    )


# -- filling the staging table, per engine -----------------------------------------------------------------


def synapse_prepare(
    table: Table,
    staged: TableName,
    urls: Sequence[str],
    credential: CopyCredential,
    dialect: Dialect = TSQL,
) -> list[Statement]:
    """This run's staging table, and COPY INTO it (Synapse or Fabric); no COPY when every staged object
    holds no rows (the partitions are then replaced by nothing)."""
    prepare = [create_staging_table(table, staged, dialect), dialect.empty_table(staged)]
    if urls:
        prepare.append(copy_into(table, staged, urls, credential, dialect))
    return prepare


def duckdb_prepare(table: Table, staged: TableName, paths: Sequence[str]) -> list[Statement]:
    """The DuckDB counterpart of COPY INTO: an INSERT from read_parquet over the staged files, which hold
    what COPY reads (timestamps as epoch microseconds), into a staging table of the same columns."""
    prepare = [create_staging_table(table, staged, DUCKDB), DUCKDB.empty_table(staged)]
    if paths:
        cols = ", ".join(DUCKDB.quote(c) for c in table.column_names)
        prepare.append(
            Statement(
                f"INSERT INTO {staged.sql(DUCKDB)} ({cols})\nSELECT {cols} FROM read_parquet(?)",
                (list(paths),),
                kind="copy",
            )
        )
    return prepare


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
    staged = staging_table(staging_schema, table, run_id or new_run_id(), day)
    return partition_load(
        table,
        TableName(schema, table.name),
        staged,
        apps,
        day,
        prepare=synapse_prepare(table, staged, urls, credential, dialect),
        sources=urls,
        dialect=dialect,
    )


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
    staged = staging_table(staging_schema, table, run_id or new_run_id(), day)
    return partition_load(
        table,
        TableName(schema, table.name),
        staged,
        apps,
        day,
        prepare=duckdb_prepare(table, staged, paths),
        dialect=DUCKDB,
    )


def synapse_entity_load(
    table: Table,
    urls: Sequence[str],
    credential: CopyCredential,
    *,
    schema: str = "dbo",
    staging_schema: str = "stg",
    run_id: str | None = None,
    dialect: Dialect = TSQL,
) -> EntityLoad:
    """The Synapse (or Fabric) upsert: staging table, COPY INTO from ``urls``, check, one transaction."""
    staged = staging_table(staging_schema, table, run_id or new_run_id())
    return entity_load(
        table,
        TableName(schema, table.name),
        staged,
        prepare=synapse_prepare(table, staged, urls, credential, dialect),
        sources=urls,
        dialect=dialect,
    )


def duckdb_entity_load(
    table: Table,
    paths: Sequence[str],
    *,
    schema: str = "main",
    staging_schema: str = DUCKDB_TEMP,
    run_id: str | None = None,
) -> EntityLoad:
    staged = staging_table(staging_schema, table, run_id or new_run_id())
    return entity_load(
        table,
        TableName(schema, table.name),
        staged,
        prepare=duckdb_prepare(table, staged, paths),
        dialect=DUCKDB,
    )


def ensure_statements(
    tables: Sequence[Table], *, schema: str = "dbo", staging_schema: str = "stg", dialect: Dialect = TSQL
) -> list[Statement]:
    """Schemas and target tables, all idempotent (masks are the reference job's: ``masking``)."""
    out = [create_schema(schema, dialect)]
    if staging_schema != schema:
        out.append(create_schema(staging_schema, dialect))
    out += [create_table(table, TableName(schema, table.name), dialect) for table in tables]
    return out
