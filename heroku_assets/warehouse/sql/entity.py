"""Entity upserts: every statement of one upsert by key (the Platform API tables, the error codes), by
step, for any warehouse, as ``partition`` does for a partition replace."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from heroku_assets.tables import Table
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

ROW_NUMBER_COLUMN = "__row_number"


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
    items = check_items(table, dialect)
    return dialect.query(
        f"SELECT\n    {select_list(items, dialect)}\nFROM {staged.sql(dialect)}",
        tag,
        tuple(name for name, _ in items),
    )


def distinct_keys(table: Table, staged: TableName, dialect: Dialect = TSQL, tag: str | None = None) -> Query:
    """How many distinct keys are staged: the rows an upsert merges (the rest repeat a key)."""
    keys = ", ".join(_key_exprs(table, dialect, named=True))  # a derived table's columns need names
    return dialect.query(
        f"SELECT {dialect.count} AS {dialect.quote('distinct_keys')}\n"
        f"FROM (SELECT DISTINCT {keys} FROM {staged.sql(dialect)}) AS {dialect.quote('k')}",
        tag,
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
    target, staged = load_tables(table, schema, staging_schema, run_id)
    prepare = synapse_prepare(table, staged, urls, credential, dialect)
    return entity_load(table, target, staged, prepare=prepare, sources=urls, dialect=dialect)


def duckdb_entity_load(
    table: Table,
    paths: Sequence[str],
    *,
    schema: str = "main",
    staging_schema: str = DUCKDB_TEMP,
    run_id: str | None = None,
) -> EntityLoad:
    target, staged = load_tables(table, schema, staging_schema, run_id)
    prepare = duckdb_prepare(table, staged, paths)
    return entity_load(table, target, staged, prepare=prepare, dialect=DUCKDB)
