"""Schemas, tables, masks, views and statistics: the DDL, derived from the table declarations.

Dedicated pools allow no DDL inside a user transaction and have no CREATE OR ALTER / DROP ... IF EXISTS,
so every statement here is idempotent by its own guard (OBJECT_ID, sys.schemas, sys.masked_columns) and
is sent as a batch of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from heroku_assets.tables import MAX_STRING_WIDTH, Column, Table
from heroku_assets.warehouse.base import validate_identifier
from heroku_assets.warehouse.sql.dialect import DUCKDB, TSQL, Dialect, Statement, TableName

# Columnstore tables cannot hold (n)varchar(max): 4000 UTF-16 code units is the widest usable string.
MAX_NVARCHAR = MAX_STRING_WIDTH
DUCKDB_TEMP = "temp"  # DuckDB's catalog of a connection's temporary tables

_TSQL_TYPES = {
    "int32": "int",
    "int64": "bigint",
    "float64": "float",
    "bool": "bit",
    "timestamp": "datetime2(6)",
    "date": "date",
}
_DUCKDB_TYPES = {
    "string": "VARCHAR",
    "json": "VARCHAR",
    "int32": "INTEGER",
    "int64": "BIGINT",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "timestamp": "TIMESTAMPTZ",
    "date": "DATE",
}
MASK_FUNCTIONS = {
    "email": "email()",
    # X-Forwarded-For can hold several addresses: nothing of them is shown.
    "ip": 'partial(0,"xxx.xxx.xxx.xxx",0)',
}


def string_width(col: Column) -> int | None:
    """The width of a string column in characters (``Column.string_width``); None for other types."""
    return col.string_width


def column_type(col: Column, *, staging: bool = False, dialect: Dialect = TSQL) -> str:
    """The type of a column. In a staging table, strings are unbounded (a heap can hold nvarchar(max)) so
    a value wider than its column still loads and is truncated and counted on the way to the target, and
    timestamps are the staged 64-bit integers (UTC microseconds), converted on the way to the target."""
    if staging and col.type == "timestamp":
        return "bigint" if dialect is TSQL else "BIGINT"
    if dialect is DUCKDB:
        return _DUCKDB_TYPES[col.type]
    width = string_width(col)
    if width is not None:
        return "nvarchar(max)" if staging else f"nvarchar({width})"
    return _TSQL_TYPES[col.type]


def create_schema(schema: str) -> Statement:
    """CREATE SCHEMA must be alone in its batch, hence EXEC of a literal built from a validated name."""
    schema = validate_identifier(schema)
    return Statement(
        f"IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'{schema}')\n"
        f"    EXEC('CREATE SCHEMA [{schema}]')",
        kind="ddl",
    )


def drop_schema(schema: str) -> Statement:
    schema = validate_identifier(schema)
    return Statement(
        f"IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'{schema}')\n    EXEC('DROP SCHEMA [{schema}]')",
        kind="ddl",
    )


def table_options(table: Table) -> str:
    """Facts are hash-distributed on their declared column in a clustered columnstore; entity tables are
    small and upserted by key, so they hash on the key column and keep a clustered index on the key."""
    dist = TSQL.quote(table.distribution or table.primary_key[0])
    if table.kind == "event":
        return f"DISTRIBUTION = HASH({dist}), CLUSTERED COLUMNSTORE INDEX"
    keys = ", ".join(TSQL.quote(k) for k in table.primary_key)
    return f"DISTRIBUTION = HASH({dist}), CLUSTERED INDEX ({keys})"


def create_table(table: Table, target: TableName, dialect: Dialect = TSQL) -> Statement:
    if dialect is DUCKDB:
        return _create_duckdb(table, target, staging=False)
    return _create(table, target, staging=False, options=table_options(table))


def create_staging_table(table: Table, staged: TableName, dialect: Dialect = TSQL) -> Statement:
    """A round-robin heap: the fastest COPY INTO target, and every column nullable so a bad file loads
    and is judged by the checks rather than failing in the middle of a COPY. Its name is unique to one
    run (see ``plans.staging_table``), so concurrent runs never share one."""
    if dialect is DUCKDB:
        return _create_duckdb(table, staged, staging=True)
    return _create(table, staged, staging=True, options="DISTRIBUTION = ROUND_ROBIN, HEAP")


def _create(table: Table, name: TableName, *, staging: bool, options: str) -> Statement:
    cols = ",\n".join(
        f"    {TSQL.quote(c.name)} {column_type(c, staging=staging)} "
        f"{'NULL' if staging or c.nullable else 'NOT NULL'}"
        for c in table.columns
    )
    return Statement(
        f"IF OBJECT_ID({name.literal()}, N'U') IS NULL\n"
        f"CREATE TABLE {name.sql()} (\n{cols}\n)\nWITH ({options})",
        kind="ddl",
    )


def _create_duckdb(table: Table, name: TableName, *, staging: bool) -> Statement:
    cols = ",\n".join(
        f"    {DUCKDB.quote(c.name)} {column_type(c, staging=staging, dialect=DUCKDB)}"
        f"{'' if staging or c.nullable else ' NOT NULL'}"
        for c in table.columns
    )
    # A staging table in DuckDB's "temp" catalog lives in memory and in its connection only.
    temporary = "TEMP " if staging and name.schema == DUCKDB_TEMP else ""
    return Statement(f"CREATE {temporary}TABLE IF NOT EXISTS {name.sql(DUCKDB)} (\n{cols}\n)", kind="ddl")


def drop_table(name: TableName, dialect: Dialect = TSQL) -> Statement:
    if dialect is DUCKDB:
        return Statement(f"DROP TABLE IF EXISTS {name.sql(DUCKDB)}", kind="ddl")
    return Statement(f"IF OBJECT_ID({name.literal()}, N'U') IS NOT NULL\nDROP TABLE {name.sql()}", kind="ddl")


def drop_view(name: TableName) -> Statement:
    return Statement(f"IF OBJECT_ID({name.literal()}, N'V') IS NOT NULL\nDROP VIEW {name.sql()}", kind="ddl")


def masking(table: Table, target: TableName) -> list[Statement]:
    """Dynamic data masking on the columns declared with ``masking``, each applied only where
    sys.masked_columns does not have it yet: ALTER TABLE takes a schema-modification lock on the fact
    table, which a load must not take every time."""
    out = []
    for c in table.columns:
        if not c.masking:
            continue
        name = validate_identifier(c.name)
        out.append(
            Statement(
                "IF NOT EXISTS (SELECT 1 FROM sys.masked_columns "
                f"WHERE object_id = OBJECT_ID({target.literal()}) AND name = N'{name}')\n"
                f"ALTER TABLE {target.sql()} ALTER COLUMN {TSQL.quote(name)} "
                f"ADD MASKED WITH (FUNCTION = '{MASK_FUNCTIONS[c.masking]}')",
                kind="ddl",
            )
        )
    return out


def view_statements(views: dict[str, str], schema: str = "dbo") -> list[Statement]:
    """Each view created when missing (a placeholder, through EXEC since CREATE VIEW must open its batch),
    then given its body with ALTER VIEW: dedicated pools have no CREATE OR ALTER VIEW, and ALTER VIEW keeps
    the permissions granted on the view where DROP + CREATE would lose them (and leave a moment with no
    view). ``views`` maps names to bodies starting ``ALTER VIEW``."""
    out = []
    for name, body in views.items():
        target = TableName(schema, name)
        if not body.startswith(f"ALTER VIEW {target.sql()} AS"):
            raise ValueError(f"the body of {name} must start with ALTER VIEW {target.sql()} AS")
        out.append(
            Statement(
                f"IF OBJECT_ID({target.literal()}, N'V') IS NULL\n"
                f"    EXEC('CREATE VIEW {target.sql()} AS SELECT 1 AS [placeholder]')",
                kind="ddl",
            )
        )
        out.append(Statement(body, kind="ddl"))
    return out


def update_statistics(tables: Sequence[Table], schema: str = "dbo") -> list[Statement]:
    """After a day's loads: dedicated pools create statistics but never refresh them, and a plan built on
    statistics that predate the day's dates misjudges every filter on event_date."""
    return [Statement(f"UPDATE STATISTICS {TableName(schema, t.name).sql()}", kind="ddl") for t in tables]
