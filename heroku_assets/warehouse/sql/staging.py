"""A run's staging table: its name, how each engine fills it (COPY INTO on Synapse and Fabric, an INSERT
from read_parquet on DuckDB), the leftovers of killed runs, and the staged values on their way to the
target with the checks they are judged by.

Staged Parquet holds timestamps as UTC microseconds in 64-bit integers (the pool's COPY cannot read
TIMESTAMP(MICROS)); the staging table keeps them as bigint and the INSERT ... SELECT converts them.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence

from heroku_assets.tables import Column, Table
from heroku_assets.warehouse.base import validate_identifier
from heroku_assets.warehouse.sql.copy import CopyCredential, copy_into
from heroku_assets.warehouse.sql.ddl import create_staging_table, drop_table
from heroku_assets.warehouse.sql.dialect import DUCKDB, TSQL, Dialect, TableName
from heroku_assets.warehouse.sql.statement import Query, Statement


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


def load_tables(
    table: Table, schema: str, staging_schema: str, run_id: str | None, day: dt.date | None = None
) -> tuple[TableName, TableName]:
    """A load's target table, and this run's staging table for it (a new run when ``run_id`` is None)."""
    staged = staging_table(staging_schema, table, run_id or new_run_id(), day)
    return TableName(schema, table.name), staged


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


def staged_value(col: Column, dialect: Dialect, prefix: str = "") -> str:
    """A staged column as the target column wants it: timestamps converted from epoch microseconds,
    strings cut to their width (and counted by the checks)."""
    expr = prefix + dialect.quote(col.name)
    if col.type == "timestamp":
        return dialect.from_epoch_us(expr)
    width = col.string_width
    return dialect.fit(expr, width) if width is not None else expr


def _truncation_terms(table: Table, dialect: Dialect) -> list[tuple[str, str]]:
    """(column, condition) for every string column: the condition is true where a value does not fit."""
    return [
        (c.name, dialect.too_wide(dialect.quote(c.name), c.string_width))
        for c in table.columns
        if c.string_width is not None
    ]


def check_items(table: Table, dialect: Dialect) -> list[tuple[str, str]]:
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


def select_list(items: list[tuple[str, str]], dialect: Dialect) -> str:
    return ",\n    ".join(f"{expr} AS {dialect.quote(name)}" for name, expr in items)
