"""Schemas, tables, masks, views and statistics: the DDL, derived from the table declarations.

Dedicated pools allow no DDL inside a user transaction and have no CREATE OR ALTER / DROP ... IF EXISTS,
so every T-SQL statement here is idempotent by its own guard (OBJECT_ID, sys.schemas, sys.stats) and is
sent as a batch of its own. What differs between the warehouses is asked of the ``Dialect``.
"""

from __future__ import annotations

from collections.abc import Sequence

from heroku_assets.tables import Table
from heroku_assets.warehouse.base import validate_identifier
from heroku_assets.warehouse.sql.dialect import TSQL, Dialect, DuckDBDialect, TableName
from heroku_assets.warehouse.sql.statement import Statement

DUCKDB_TEMP = DuckDBDialect.TEMP  # DuckDB's catalog of a connection's temporary tables
MASK_FUNCTIONS = {
    "email": "email()",
    # X-Forwarded-For can hold several addresses: nothing of them is shown.
    "ip": 'partial(0,"xxx.xxx.xxx.xxx",0)',
}


def create_schema(schema: str, dialect: Dialect = TSQL) -> Statement:
    return dialect.create_schema(schema)


def drop_schema(schema: str) -> Statement:
    schema = validate_identifier(schema)
    return Statement(
        f"IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'{schema}')\n    EXEC('DROP SCHEMA [{schema}]')",
        kind="ddl",
    )


def create_table(table: Table, target: TableName, dialect: Dialect = TSQL) -> Statement:
    return dialect.create_table(table, target)


def create_staging_table(table: Table, staged: TableName, dialect: Dialect = TSQL) -> Statement:
    """Every column nullable so a bad file loads and is judged by the checks rather than failing in the
    middle of a COPY. Its name is unique to one run (see ``staging.load_tables``), so concurrent runs
    never share one."""
    return dialect.create_table(table, staged, staging=True)


def drop_table(name: TableName, dialect: Dialect = TSQL) -> Statement:
    return dialect.drop_table(name)


def drop_view(name: TableName) -> Statement:
    return Statement(f"IF OBJECT_ID({name.literal()}, N'V') IS NOT NULL\nDROP VIEW {name.sql()}", kind="ddl")


def masking(table: Table, target: TableName) -> list[Statement]:
    """Dynamic data masking on the columns declared with ``masking``. Applied by the one-off reference
    job, never by a load: ALTER TABLE takes a schema-modification lock on the table, and the catalog view
    that would tell whether a mask is there (sys.masked_columns) is not documented for dedicated pools
    or Fabric Warehouse. Adding a mask a column already has replaces it, so running these again is safe."""
    out = []
    for c in table.columns:
        if not c.masking:
            continue
        name = validate_identifier(c.name)
        out.append(
            Statement(
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


def update_statistics(
    tables: Sequence[Table], schema: str = "dbo", dialect: Dialect = TSQL
) -> list[Statement]:
    """After a day's loads: what keeps each table's statistics current (``Dialect.statistics``): on a
    dedicated pool, statistics created once and refreshed by name; nothing where the engine keeps them."""
    return [s for t in tables for s in dialect.statistics(t, TableName(schema, t.name))]


def ensure_statements(
    tables: Sequence[Table], *, schema: str = "dbo", staging_schema: str = "stg", dialect: Dialect = TSQL
) -> list[Statement]:
    """Schemas and target tables, all idempotent (masks are the reference job's: ``masking``)."""
    out = [create_schema(schema, dialect)]
    if staging_schema != schema:
        out.append(create_schema(staging_schema, dialect))
    out += [create_table(table, TableName(schema, table.name), dialect) for table in tables]
    return out
