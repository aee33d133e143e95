"""The statements of ``heroku-assets warehouse check``'s probe steps, rendered by the target's dialect
from the builders the loader uses (golden files in the tests), and ``all_statements``: every one the
check sends."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from heroku_assets.warehouse import sql
from heroku_assets.warehouse.check_probe import APP, DAY, EXTREMES_APP, PROBE, CheckNames


def permissions_query(schemas: Sequence[str], *, masked: bool) -> sql.Query:
    """The permissions the loader needs on Synapse, each 1 (held), 0 (not held) or NULL (a schema
    missing, or the permission could not be evaluated): COPY
    (ADMINISTER DATABASE BULK OPERATIONS and INSERT), CREATE TABLE and ALTER on its schemas (staging
    tables, ensure_tables, UPDATE STATISTICS), SELECT/INSERT/DELETE on them (checks and replaces),
    CREATE VIEW, and ALTER ANY MASK when masking is on."""
    items: list[tuple[str, str, tuple]] = [
        (
            "administer_database_bulk_operations",
            "HAS_PERMS_BY_NAME(DB_NAME(), ?, ?)",
            ("DATABASE", "ADMINISTER DATABASE BULK OPERATIONS"),
        ),
        ("create_table", "HAS_PERMS_BY_NAME(DB_NAME(), ?, ?)", ("DATABASE", "CREATE TABLE")),
        ("create_view", "HAS_PERMS_BY_NAME(DB_NAME(), ?, ?)", ("DATABASE", "CREATE VIEW")),
    ]
    if masked:
        items.append(("alter_any_mask", "HAS_PERMS_BY_NAME(DB_NAME(), ?, ?)", ("DATABASE", "ALTER ANY MASK")))
    for schema in dict.fromkeys(schemas):
        for permission in ("ALTER", "SELECT", "INSERT", "DELETE"):
            name = f"{permission.lower()}_on_{sql.TSQL.quote(schema)[1:-1]}"
            items.append((name, "HAS_PERMS_BY_NAME(?, ?, ?)", (schema, "SCHEMA", permission)))
    select = ",\n    ".join(f"{expr} AS {sql.TSQL.quote(name)}" for name, expr, _ in items)
    params = tuple(p for _, _, ps in items for p in ps)
    return sql.Query(
        sql.Statement(f"SELECT\n    {select}", params, kind="query"), tuple(n for n, _, _ in items)
    )


def collation_query() -> sql.Query:
    """The warehouse's collation (Fabric: varchar holds UTF-8 only in a _UTF8 collation, and the default
    one is case-sensitive)."""
    return sql.Query(
        sql.Statement(
            "SELECT CAST(collation_name AS varchar(128)) AS [collation_name]\nFROM sys.databases\n"
            "WHERE name = DB_NAME()",
            kind="query",
        ),
        ("collation_name",),
    )


def round_trip_query(target: sql.TableName, dialect: sql.Dialect, app: str = APP) -> sql.Query:
    cols = ", ".join(dialect.quote(c) for c in PROBE.column_names)
    return sql.Query(
        sql.Statement(
            f"SELECT {cols}\nFROM {target.sql(dialect)}\nWHERE {dialect.quote('app')} = ?\n"
            f"ORDER BY {dialect.quote('line_number')}",
            (app,),
            kind="query",
        ),
        PROBE.column_names,
    )


def failing_statement(dialect: sql.Dialect) -> sql.Statement:
    """A statement that fails inside the transaction, as a conversion error would."""
    if dialect is not sql.DUCKDB:
        return sql.Statement("SELECT CAST(N'not a number' AS int) AS [x]", kind="query")
    return sql.Statement("SELECT CAST('not a number' AS INTEGER) AS x", kind="query")


def view_body(names: CheckNames, dialect: sql.Dialect) -> str:
    query = (
        f"SELECT {dialect.quote('app')}, {dialect.count} AS {dialect.quote('rows')}\n"
        f"FROM {names.target.sql(dialect)}\nGROUP BY {dialect.quote('app')}"
    )
    if dialect is not sql.DUCKDB:
        return f"ALTER VIEW {names.view.sql()} AS\n{query}"
    return f"CREATE OR REPLACE VIEW {names.view.sql(dialect)} AS\n{query}"


def view_statements(names: CheckNames, dialect: sql.Dialect) -> list[sql.Statement]:
    if dialect is not sql.DUCKDB:
        return sql.view_statements({names.view.name: view_body(names, dialect)}, names.schema)
    return [sql.Statement(view_body(names, dialect), kind="ddl")]


def view_query(names: CheckNames, dialect: sql.Dialect) -> sql.Query:
    return sql.Query(
        sql.Statement(
            f"SELECT {dialect.quote('rows')}\nFROM {names.view.sql(dialect)}\n"
            f"WHERE {dialect.quote('app')} = ?",
            (APP,),
            kind="query",
        ),
        ("rows",),
    )


def setup_statements(names: CheckNames, dialect: sql.Dialect) -> list[sql.Statement]:
    return [sql.create_schema(names.schema, dialect), sql.create_table(PROBE, names.target, dialect)]


def cleanup_statements(names: CheckNames, dialect: sql.Dialect) -> list[sql.Statement]:
    """Everything the check created, whether or not it got that far (each drop guarded)."""
    if dialect is not sql.DUCKDB:
        return [
            sql.drop_view(names.view),
            sql.drop_table(names.target, dialect),
            sql.drop_schema(names.schema),
        ]
    return [sql.Statement(f"DROP SCHEMA IF EXISTS {dialect.quote(names.schema)} CASCADE", kind="ddl")]


def all_statements(
    names: CheckNames,
    plans: dict[str, Any],
    schemas: Sequence[str],
    dialect: sql.Dialect = sql.SYNAPSE,
) -> list[sql.Statement]:
    """Every T-SQL statement the check sends with masking on (for the golden files). ``plans``: the
    loads it runs: ``probe``, ``extremes``, ``day`` (router_events of two apps), ``upsert``."""
    from heroku_assets.warehouse import check_tables
    from heroku_assets.warehouse.synapse_setup import isolation_query

    plan, extremes = plans["probe"], plans["extremes"]

    first = (
        [isolation_query().statement, permissions_query(schemas, masked=True).statement]
        if dialect is sql.SYNAPSE
        else [collation_query().statement]
    )
    return [
        *first,
        *setup_statements(names, dialect),
        *plan.statements(),
        round_trip_query(names.target, dialect).statement,
        plan.replace[0],
        plan.replace[1],
        failing_statement(dialect),
        sql.Statement(dialect.rollback, kind="transaction"),
        sql.partition_count(PROBE, names.target, APP, DAY, dialect).statement,
        *view_statements(names, dialect),
        view_query(names, dialect).statement,
        *sql.masking(PROBE, names.target),
        *sql.update_statistics([PROBE], names.schema, dialect),
        *check_tables.all_statements(names, plans["day"], plans["upsert"], schemas, dialect),
        *extremes.statements(),
        round_trip_query(names.target, dialect, EXTREMES_APP).statement,
        *check_tables.cleanup_statements(names, dialect, schemas),
        *cleanup_statements(names, dialect),
    ]
